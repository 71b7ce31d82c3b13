import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
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
import {
  importCourseMentors,
  LtiServiceError,
  ROSTER_SESSION_PREFIX,
  type RosterSession,
} from '../domain/lti/names-roles.js';
import { toolConfiguration } from '../domain/lti/platforms.js';
import {
  fetchPlatformConfiguration,
  LtiRegistrationError,
  programName,
  REGISTRATION_LINK_PREFIX,
  REGISTRATION_SESSION_PREFIX,
  REGISTRATION_SESSION_SECONDS,
  type RegistrationLink,
  type RegistrationSession,
  registerWithPlatform,
  storeRegisteredPlatform,
} from '../domain/lti/registration.js';
import { toolJwks } from '../domain/lti/tool-keys.js';
import { launchClaimsOf } from '../http/auth.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { ApiError } from '../http/errors.js';
import { publicBaseUrl } from '../http/public-url.js';
import {
  LAUNCH_TOKEN_LIFETIME_SECONDS,
  signLaunchToken,
  signValue,
  verifyLaunchToken,
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
  deps.logWarning({
    msg: 'lti refused',
    code: error.code,
    detail: error.message,
    requestId: c.get('requestId'),
  });
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

/** The "Import course mentors" block of an instructor's launch page (Names and Roles). */
function rosterBlock(token: string, session: string): string {
  return `<section class="roster" aria-labelledby="roster-title">
<h2 id="roster-title">Course mentors</h2>
<p class="hint">Bring this course's instructors and teaching assistants in as mentor applicants; the program approves them.</p>
<button type="button" id="import-roster" data-token="${escapeHtml(token)}" data-session="${escapeHtml(session)}" disabled>Import course mentors</button>
<p id="roster-status" role="status" aria-live="polite"></p>
</section>`;
}

/** Runs the import from the page (the launch token as the key) and says what happened. */
const IMPORT_ROSTER = `var b = document.getElementById('import-roster'); if (b) { var rs = document.getElementById('roster-status'); b.disabled = false; b.addEventListener('click', function () { b.disabled = true; rs.textContent = 'Importing the course roster…'; fetch('/lti/roster-import', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + b.getAttribute('data-token') }, body: JSON.stringify({ session: b.getAttribute('data-session') }) }).then(function (r) { return r.json().then(function (j) { rs.textContent = r.ok ? j.imported + ' imported, ' + j.alreadyThere + ' already there.' : (j.detail || 'The import failed.') + ' (' + (j.code || r.status) + ')'; }); }).catch(function () { rs.textContent = 'The import could not reach Micromentor; try again.'; }).then(function () { b.disabled = false; }); }); }`;

function launchBody(
  launch: LaunchContext,
  token: string,
  deepLinkForm: string | null,
  rosterSession: string | null = null,
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
${rosterSession !== null ? rosterBlock(token, rosterSession) : ''}
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
    // Instructors of a course whose platform offers Names and Roles may import its mentors.
    const rosterSession =
      dlForm === null && ctx.target !== 'learner' && ctx.namesRoles
        ? signValue(
            ROSTER_SESSION_PREFIX,
            {
              tid: ctx.platform.tenant_id,
              sub: ctx.externalId,
              platformId: ctx.platform.id,
              membershipsUrl: ctx.namesRoles.contextMembershipsUrl,
              contextId: ctx.context?.id ?? null,
              contextTitle: ctx.context?.title ?? null,
              exp: Math.floor(now.getTime() / 1000) + LAUNCH_TOKEN_LIFETIME_SECONDS,
            } satisfies RosterSession,
            deps.lti.launchKey,
          )
        : null;
    const nonce = nonceOf();
    const { title, body } = launchBody(ctx, token, dlForm, rosterSession);
    const onLoad = rosterSession !== null ? `${LOAD_WIDGET}\n${IMPORT_ROSTER}` : LOAD_WIDGET;
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
              onSuccess: onLoad,
            })
          : onLoad;
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

  // ── Dynamic Registration (domain/lti/registration.ts) ──
  const outbound = () => ({ allowPrivate: deps.webhooksAllowPrivate ?? false });
  const registrationLink = (c: Ctx): RegistrationLink => {
    const link = verifyValue<RegistrationLink>(
      REGISTRATION_LINK_PREFIX,
      c.req.param('code') ?? '',
      deps.lti.launchKey,
      deps.clock.now(),
    );
    if (!link || typeof link.tid !== 'string') {
      throw new LtiRegistrationError(
        'lti_registration_link_invalid',
        'This registration link is not valid or has expired. Ask for a new one in the Micromentor admin console (LTI platforms → Dynamic Registration).',
      );
    }
    return link;
  };

  const registerWithoutLink = (c: Ctx) =>
    refuse(
      c,
      deps,
      new LtiRegistrationError(
        'lti_registration_link_required',
        'Register Micromentor with the link made for your program: the Micromentor admin console (LTI platforms → Dynamic Registration) gives it as …/lti/register/<code>.',
      ),
    );

  const registerConfirm = async (c: Ctx) => {
    try {
      const link = registrationLink(c);
      const configurationUrl = c.req.query('openid_configuration');
      if (!configurationUrl) {
        throw new LtiRegistrationError(
          'lti_registration_incomplete',
          'The LMS opened this page without openid_configuration: start the registration from the LMS, with this URL as the tool URL.',
        );
      }
      const program = await programName(deps.db, link.tid);
      if (program === null) {
        throw new LtiRegistrationError(
          'lti_registration_link_invalid',
          'The program of this link no longer exists.',
        );
      }
      const configuration = await fetchPlatformConfiguration(configurationUrl, outbound());
      const session = signValue(
        REGISTRATION_SESSION_PREFIX,
        {
          tid: link.tid,
          configuration,
          registrationToken: c.req.query('registration_token') || null,
          exp: Math.min(
            link.exp,
            Math.floor(deps.clock.now().getTime() / 1000) + REGISTRATION_SESSION_SECONDS,
          ),
        } satisfies RegistrationSession,
        deps.lti.launchKey,
      );
      const nonce = nonceOf();
      return html(
        c,
        page({
          nonce,
          title: 'Register Micromentor',
          body: `<h1>Register Micromentor with this LMS</h1>
<p class="sub">Learners and instructors who launch Micromentor from it will belong to the program <strong id="program">${escapeHtml(program)}</strong>.</p>
<dl>
<dt>LMS</dt><dd id="issuer">${escapeHtml(configuration.issuer)}${configuration.productFamily ? ` (${escapeHtml(configuration.productFamily)})` : ''}</dd>
<dt>Services</dt><dd>Launch, Deep Linking, Names and Roles (course roster, read only)</dd>
</dl>
<form method="post" action="${escapeHtml(c.req.path)}">
<input type="hidden" name="session" value="${escapeHtml(session)}">
<button type="submit">Register</button>
<button type="button" id="cancel" class="secondary">Cancel</button>
</form>`,
          script: `document.getElementById('cancel').addEventListener('click', function () { (window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*'); });`,
        }),
        nonce,
      );
    } catch (error) {
      if (error instanceof LtiRegistrationError) return refuse(c, deps, error);
      throw error;
    }
  };

  const registerComplete = async (c: Ctx) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    try {
      const link = registrationLink(c);
      const session =
        typeof form.session === 'string'
          ? verifyValue<RegistrationSession>(
              REGISTRATION_SESSION_PREFIX,
              form.session,
              deps.lti.launchKey,
              deps.clock.now(),
            )
          : null;
      if (!session || session.tid !== link.tid) {
        throw new LtiRegistrationError(
          'lti_registration_expired',
          'This registration page has expired. Start the registration again from the LMS.',
        );
      }
      const answer = await registerWithPlatform(session, publicBaseUrl(c), outbound());
      const platform = await storeRegisteredPlatform(
        { db: deps.db, clock: deps.clock },
        session,
        answer,
        outbound(),
      );
      const nonce = nonceOf();
      return html(
        c,
        page({
          nonce,
          title: 'Micromentor is registered',
          body: `<h1>Micromentor is registered</h1>
<p class="sub">The LMS <span id="issuer">${escapeHtml(platform.issuer)}</span> can now launch Micromentor (client id <code id="client-id">${escapeHtml(platform.client_id)}</code>).</p>
${
  platform.deployment_ids.length === 0
    ? '<p class="hint" id="no-deployment">The LMS gave no deployment id yet: add it to the platform in the Micromentor admin console before the first launch.</p>'
    : `<p class="hint">Deployment <code id="deployment-id">${escapeHtml(platform.deployment_ids[0]!)}</code>.</p>`
}
<p class="hint">You can close this window.</p>`,
          script: `(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');`,
        }),
        nonce,
      );
    } catch (error) {
      if (error instanceof LtiRegistrationError) return refuse(c, deps, error);
      throw error;
    }
  };

  // ── Names and Roles: the instructor's roster import (domain/lti/names-roles.ts) ──
  const rosterImport = async (c: Ctx) => {
    const now = deps.clock.now();
    const key = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    const claims = launchClaimsOf(c, deps, key, now);
    if (!claims.roles.includes('mentor') && !claims.roles.includes('admin')) {
      throw new ApiError(
        403,
        'lti_import_not_allowed',
        "Only the course's instructors can import its mentors.",
      );
    }
    const body = (await c.req.json().catch(() => null)) as { session?: unknown } | null;
    const session =
      typeof body?.session === 'string'
        ? verifyValue<RosterSession>(ROSTER_SESSION_PREFIX, body.session, deps.lti.launchKey, now)
        : null;
    if (!session || session.tid !== claims.tid || session.sub !== claims.sub) {
      throw new ApiError(
        400,
        'lti_import_session_invalid',
        'This import belongs to another launch or has expired; launch the tool again from the course.',
      );
    }
    try {
      const result = await importCourseMentors(
        { db: deps.db, clock: deps.clock, semantic: deps.semantic },
        deps.secretBox,
        outbound(),
        session,
      );
      c.header('Cache-Control', 'no-store');
      return c.json(result, 200);
    } catch (error) {
      if (error instanceof LtiServiceError) throw new ApiError(502, error.code, error.message);
      throw error;
    }
  };

  return new Hono<AppEnv>()
    .get('/lti/register', registerWithoutLink)
    .get('/lti/register/:code', registerConfirm)
    .post('/lti/register/:code', registerComplete)
    .post(
      '/lti/roster-import',
      bodyLimit({
        maxSize: 8 * 1024,
        onError: () => {
          throw new ApiError(413, 'payload_too_large', 'The request body is larger than 8 KB.');
        },
      }),
      rosterImport,
    )
    .get('/lti/jwks', jwks)
    .get('/.well-known/jwks.json', jwks)
    .get('/lti/login', login)
    .post('/lti/login', login)
    .post('/lti/launch', launch)
    .post('/lti/deep-link', deepLink);
}
