import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import {
  DEEP_LINK_SESSION_PREFIX,
  DEEP_LINK_SESSION_SECONDS,
  type DeepLinkSession,
  deepLinkingResponse,
} from '../domain/lti/deep-linking.js';
import { type LaunchContext, LtiLaunchError, validateLaunch } from '../domain/lti/launch.js';
import {
  initiateLogin,
  type LoginInitiation,
  LtiLoginError,
  STATE_TTL_MS,
  stateCookieName,
} from '../domain/lti/login.js';
import { toolConfiguration } from '../domain/lti/platforms.js';
import { toolJwks } from '../domain/lti/tool-keys.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { publicBaseUrl } from '../http/public-url.js';
import {
  LAUNCH_TOKEN_LIFETIME_SECONDS,
  signLaunchToken,
  signValue,
  verifyValue,
} from '../security/launch-token.js';
import type { UserRole } from '../security/user-token.js';
import { autoPostPage, escapeHtml, page, problemPage, storageScript } from './lti-pages.js';

// LTI 1.3 tool endpoints (outside /v1: the browser comes here from the LMS, with no API key).
// Pages are framed by the LMS (no frame-ancestors limit) under a nonce-based CSP; every refusal
// is a page with a reason code, logged as one line, never a 500.

type Ctx = Context<AppEnv>;

function nonceOf(): string {
  return randomBytes(16).toString('base64');
}

function html(c: Ctx, body: string, nonce: string, status: 200 | 400 | 403 = 200) {
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}' 'unsafe-inline'; ` +
      "connect-src 'self'; img-src 'self' data:; font-src 'self'; form-action *; base-uri 'none'; frame-ancestors *",
  );
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(body, status);
}

function refuse(c: Ctx, deps: AppDeps, error: LtiLaunchError | LtiLoginError) {
  // One line for the operator: the reason, never the token.
  console.error(
    JSON.stringify({
      level: 'warn',
      msg: 'lti refused',
      code: error.code,
      detail: error.message,
      requestId: c.get('requestId'),
    }),
  );
  void deps;
  const nonce = nonceOf();
  return html(c, problemPage(nonce, error.message, error.code), nonce, 400);
}

async function loginParams(c: Ctx): Promise<LoginInitiation> {
  const fromQuery = c.req.query();
  if (c.req.method !== 'POST') return fromQuery;
  const form = await c.req.parseBody().catch(() => ({}));
  const out: Record<string, string> = { ...fromQuery };
  for (const [k, v] of Object.entries(form)) if (typeof v === 'string') out[k] = v;
  return out;
}

const ROLES_OF: Record<string, UserRole[]> = { learner: [], mentor: ['mentor'], admin: ['admin'] };

/** The few words of the launch page itself, in the launch's language (the widget has its own). */
const WORDS = {
  en: {
    ask: 'Stuck? Ask a mentor who knows it.',
    askSub: 'A 15-minute call or a message, right from your course.',
    console: 'Your mentor console: requests, sessions and learners of this program.',
    program: 'Your program: mentors, requests and how the program is doing.',
  },
  es: {
    ask: '¿Atascado? Pregunta a un mentor que lo sepa.',
    askSub: 'Una llamada de 15 minutos o un mensaje, desde tu curso.',
    console: 'Tu consola de mentor: solicitudes, sesiones y estudiantes de este programa.',
    program: 'Tu programa: mentores, solicitudes y cómo va el programa.',
  },
  fr: {
    ask: 'Bloqué ? Demandez à un mentor qui connaît le sujet.',
    askSub: 'Un appel de 15 minutes ou un message, depuis votre cours.',
    console: 'Votre console de mentor : demandes, séances et apprenants de ce programme.',
    program: 'Votre programme : mentors, demandes et résultats du programme.',
  },
} as const;

function wordsFor(locale: string | null) {
  const language = (locale ?? 'en').slice(0, 2).toLowerCase();
  return language === 'es' || language === 'fr' ? WORDS[language] : WORDS.en;
}

function launchBody(
  launch: LaunchContext,
  token: string,
  deepLinkForm: string | null,
): { title: string; body: string } {
  const course = launch.context?.title ?? 'Micromentor';
  const place = [launch.context?.title, launch.resourceLink?.title].filter(Boolean).join(' · ');
  const words = wordsFor(launch.locale);
  const widgetScript = `<script src="/widget.js" data-key="${escapeHtml(token)}" data-user-token="${escapeHtml(token)}" data-launcher="none" async></script>`;
  if (deepLinkForm !== null) {
    return { title: `Add Micromentor to ${course}`, body: deepLinkForm };
  }
  if (launch.target === 'mentor' || launch.target === 'admin') {
    const element = launch.target === 'admin' ? 'mm-admin-console' : 'mm-mentor-console';
    return {
      title: `Micromentor — ${course}`,
      body: `<h1>${escapeHtml(course)}</h1>
<p class="sub">${escapeHtml(launch.target === 'admin' ? words.program : words.console)}</p>
<p id="status" role="status"></p>
<${element}${launch.locale ? ` locale="${escapeHtml(launch.locale)}"` : ''}></${element}>
<template id="widget">${widgetScript}</template>`,
    };
  }
  const attrs = [
    ['course-id', launch.context?.id ?? ''],
    ['course-title', launch.context?.title ?? ''],
    ['lesson-id', launch.custom.lesson_id ?? launch.resourceLink?.id ?? ''],
    ['lesson-title', launch.custom.lesson_title ?? launch.resourceLink?.title ?? ''],
    ['topic', launch.custom.topic ?? ''],
    ['topic-title', launch.custom.topic_title ?? launch.custom.topic ?? ''],
    ['locale', launch.locale ?? ''],
  ]
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}="${escapeHtml(v!)}"`)
    .join(' ');
  return {
    title: `Ask an expert — ${course}`,
    body: `${place ? `<p class="sub">${escapeHtml(place)}</p>` : ''}
<h1>${escapeHtml(words.ask)}</h1>
<p class="sub">${escapeHtml(words.askSub)}</p>
<p id="status" role="status"></p>
<mm-ask-expert ${attrs}></mm-ask-expert>
<template id="widget">${widgetScript}</template>`,
  };
}

/** Loads the widget from the page's <template> (after the storage check, when there is one). */
const LOAD_WIDGET = `var t = document.getElementById('widget'); if (t) { var s = document.createElement('script'); var o = t.content.querySelector('script'); for (var i = 0; i < o.attributes.length; i++) s.setAttribute(o.attributes[i].name, o.attributes[i].value); document.body.appendChild(s); t.remove(); }`;

function deepLinkForm(session: string, launch: LaunchContext): string {
  const course = launch.context?.title ?? 'this course';
  return `<h1>Add “Ask an expert” to ${escapeHtml(course)}</h1>
<p class="sub">Learners will ask mentors about this topic from the lesson where you place it.</p>
<form method="post" action="/lti/deep-link">
<input type="hidden" name="session" value="${escapeHtml(session)}">
<label for="topic">Topic learners ask about</label>
<input id="topic" name="topic" required maxlength="120" placeholder="e.g. SQL joins">
<label for="lesson">Lesson id (optional)</label>
<input id="lesson" name="lesson_id" maxlength="120" value="${escapeHtml(launch.custom.lesson_id ?? '')}">
<p class="hint">Sent with each question so mentors see where the learner is.</p>
<label for="title">Link title in the course</label>
<input id="title" name="title" required maxlength="120" value="Ask an expert">
<button type="submit">Add to the course</button>
</form>`;
}

export function ltiRoutes(deps: AppDeps) {
  const jwks = async (c: Ctx) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(await toolJwks(deps.db, deps.secretBox, deps.clock.now()), 200);
  };

  const login = async (c: Ctx) => {
    const base = publicBaseUrl(c);
    const now = deps.clock.now();
    let answer: Awaited<ReturnType<typeof initiateLogin>>;
    try {
      answer = await initiateLogin(deps.db, await loginParams(c), {
        launchUrl: toolConfiguration(base).launchUrl,
        now,
      });
    } catch (error) {
      if (error instanceof LtiLoginError) return refuse(c, deps, error);
      throw error;
    }
    if (answer.binding === 'cookie') {
      setCookie(c, stateCookieName(answer.state), answer.state, {
        path: '/lti',
        httpOnly: true,
        secure: true,
        sameSite: 'None',
        partitioned: true,
        maxAge: STATE_TTL_MS / 1000,
      });
      c.header('Cache-Control', 'no-store');
      return c.redirect(answer.authUrl.toString(), 302);
    }
    // Canvas and Blackboard: the state kept by the platform's frame (postMessage), no cookie.
    const nonce = nonceOf();
    return html(
      c,
      page({
        nonce,
        title: 'Opening…',
        body: '<p id="status" role="status">Opening…</p>',
        script: storageScript({
          op: 'put',
          target: answer.storageTarget ?? '_parent',
          origin: new URL(answer.platform.auth_login_url).origin,
          key: `state_${answer.state}`,
          value: answer.state,
          onSuccess: `window.location.href = ${JSON.stringify(answer.authUrl.toString())};`,
        }),
      }),
      nonce,
    );
  };

  const launch = async (c: Ctx) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    // The platform may answer the authentication request with an OIDC error instead (login_required, …).
    if (typeof form.error === 'string') {
      const description =
        typeof form.error_description === 'string' ? `: ${form.error_description.slice(0, 300)}` : '';
      return refuse(
        c,
        deps,
        new LtiLaunchError(
          'lti_platform_error',
          `Your LMS refused to sign you in to the tool (${form.error.slice(0, 60)}${description}).`,
        ),
      );
    }
    const idToken = typeof form.id_token === 'string' ? form.id_token : undefined;
    const state = typeof form.state === 'string' ? form.state : undefined;
    const now = deps.clock.now();
    let result: Awaited<ReturnType<typeof validateLaunch>>;
    try {
      // The cookie first: without it, a state from another browser is refused before it is spent.
      result = await validateLaunch(deps.db, deps.lti.platformKeys, { idToken, state, now });
      if (result.binding === 'cookie' && getCookie(c, stateCookieName(result.state)) !== result.state) {
        throw new LtiLaunchError(
          'lti_state_not_bound',
          'This launch did not start in this browser (its login cookie is missing). Launch the tool again from the course; if it keeps failing, allow third-party cookies for this site or ask your LMS administrator.',
        );
      }
    } catch (error) {
      if (error instanceof LtiLaunchError) return refuse(c, deps, error);
      throw error;
    }
    const { launch: ctx } = result;
    if (ctx.target === 'none') {
      return refuse(
        c,
        deps,
        new LtiLaunchError(
          'lti_role_not_allowed',
          'Your role in this course does not give access to Micromentor.',
        ),
      );
    }
    const token = signLaunchToken(
      {
        tid: ctx.platform.tenant_id,
        sub: ctx.externalId,
        name: ctx.name ?? 'Learner',
        ...(ctx.email ? { email: ctx.email } : {}),
        ...(ctx.locale ? { locale: ctx.locale } : {}),
        roles: ROLES_OF[ctx.target] ?? [],
        exp: Math.floor(now.getTime() / 1000) + LAUNCH_TOKEN_LIFETIME_SECONDS,
      },
      deps.lti.launchKey,
    );
    let dlForm: string | null = null;
    if (ctx.deepLinking) {
      if (ctx.target === 'learner') {
        return refuse(
          c,
          deps,
          new LtiLaunchError('lti_role_not_allowed', 'Only instructors can add Micromentor to a course.'),
        );
      }
      const session: DeepLinkSession = {
        issuer: ctx.platform.issuer,
        clientId: ctx.platform.client_id,
        deploymentId: ctx.deploymentId,
        returnUrl: ctx.deepLinking.returnUrl,
        data: ctx.deepLinking.data,
        courseTitle: ctx.context?.title ?? null,
        exp: Math.floor(now.getTime() / 1000) + DEEP_LINK_SESSION_SECONDS,
      };
      dlForm = deepLinkForm(signValue(DEEP_LINK_SESSION_PREFIX, session, deps.lti.launchKey), ctx);
    }
    const nonce = nonceOf();
    const { title, body } = launchBody(ctx, token, dlForm);
    const script =
      dlForm !== null
        ? undefined
        : result.binding === 'storage'
          ? storageScript({
              op: 'get',
              target: typeof form.lti_storage_target === 'string' ? form.lti_storage_target : '_parent',
              origin: new URL(ctx.platform.auth_login_url).origin,
              key: `state_${result.state}`,
              value: result.state,
              onSuccess: LOAD_WIDGET,
            })
          : LOAD_WIDGET;
    return html(
      c,
      page({ nonce, title, body, lang: ctx.locale ?? 'en', ...(script ? { script } : {}) }),
      nonce,
    );
  };

  const deepLink = async (c: Ctx) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const now = deps.clock.now();
    const session =
      typeof form.session === 'string'
        ? verifyValue<DeepLinkSession>(DEEP_LINK_SESSION_PREFIX, form.session, deps.lti.launchKey, now)
        : null;
    if (!session) {
      return refuse(
        c,
        deps,
        new LtiLaunchError(
          'lti_deep_link_expired',
          'This placement form has expired. Start again from the course.',
        ),
      );
    }
    const field = (name: string) =>
      typeof form[name] === 'string' ? (form[name] as string).trim().slice(0, 120) : '';
    const topic = field('topic');
    if (!topic) {
      return refuse(
        c,
        deps,
        new LtiLaunchError('lti_deep_link_incomplete', 'Give the topic learners will ask about.'),
      );
    }
    const jwt = await deepLinkingResponse(
      deps.db,
      deps.secretBox,
      now,
      session,
      { topic, lessonId: field('lesson_id') || null, title: field('title') || 'Ask an expert' },
      toolConfiguration(publicBaseUrl(c)).launchUrl,
    );
    const nonce = nonceOf();
    return html(c, autoPostPage(nonce, session.returnUrl, { JWT: jwt }), nonce);
  };

  return new Hono<AppEnv>()
    .get('/lti/jwks', jwks)
    .get('/.well-known/jwks.json', jwks)
    .get('/lti/login', login)
    .post('/lti/login', login)
    .post('/lti/launch', launch)
    .post('/lti/deep-link', deepLink);
}
