// @ts-check
/**
 * The example site's small LMS at /lms/: an LTI 1.3 platform (platform.mjs) with a course
 * ("Data Foundations"), lessons that launch Micromentor in an iframe, an instructor's "Add
 * Micromentor to this lesson" (Deep Linking), a roster and the platform settings a tool admin
 * registers. Mounted by examples/host-site/server.mjs; node builtins only.
 *
 *   /lms/                        course home              ?as=learner|ta|instructor picks who is logged in
 *   /lms/lesson/{id}             a lesson; its Micromentor links launch in iframes (?storage=1: with
 *                                lti_storage_target=_parent, the page answering lti.put_data/lti.get_data)
 *   /lms/launch/{resourceLinkId} → the tool's login initiation (what an iframe opens)
 *   /lms/deep-link/{lessonId}    → a deep linking launch (instructors and TAs)
 *   /lms/roster                  the course roster (what NRPS serves)
 *   /lms/settings                the values to register with the tool; Dynamic Registration
 *   /lms/register                → the tool's registration URL with openid_configuration and a token
 *   /lms/auth, /lms/token, /lms/jwks, /lms/nrps/…, /lms/deep-link/return, /lms/.well-known/…, /lms/register (POST)
 *                                the platform's own endpoints (platform.mjs)
 */
import { createPlatform, escapeHtml } from './platform.mjs';

/** @typedef {'learner' | 'ta' | 'instructor'} Persona */
/** @type {Record<Persona, { userId: string, label: string }>} */
const PERSONAS = {
  learner: { userId: 'lms-u-2001', label: 'Learner' },
  ta: { userId: 'lms-u-1101', label: 'Teaching assistant' },
  instructor: { userId: 'lms-u-1001', label: 'Instructor' },
};

const LESSONS = [
  {
    id: 'select-1',
    title: 'Selecting rows',
    body: '<p>A <code>SELECT</code> names the columns you want and the table they come from. <code>LIMIT</code> keeps the first rows only.</p><pre><code>SELECT name, city\nFROM customers\nLIMIT 10;</code></pre>',
  },
  {
    id: 'joins-3',
    title: 'Joining tables',
    body: '<p>An <code>INNER JOIN</code> keeps the rows that match on both sides; a <code>LEFT JOIN</code> keeps every row of the left table and fills the rest with <code>NULL</code>.</p><pre><code>SELECT c.name, count(o.id) AS orders\nFROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\nGROUP BY c.name;</code></pre>',
  },
  {
    id: 'aggregates-4',
    title: 'Grouping and aggregates',
    body: '<p><code>GROUP BY</code> folds rows that share a value into one; <code>count</code>, <code>sum</code> and <code>avg</code> summarise each group, and <code>HAVING</code> filters the groups.</p><pre><code>SELECT city, avg(total)\nFROM orders\nGROUP BY city\nHAVING count(*) &gt; 10;</code></pre>',
  },
];

/**
 * The platform side of 1EdTech's platform storage (LTI Client Side postMessages): a tool framed with
 * lti_storage_target=_parent keeps its OIDC state here instead of in a cookie. Values are kept per
 * sender origin, for this page's life.
 */
const STORAGE_SCRIPT = `<script>(function(){var store={};function reply(e,m){e.source.postMessage(m,e.origin)}
addEventListener('message',function(e){var d=e.data;if(!d||typeof d!=='object'||typeof d.subject!=='string')return;
var own=store[e.origin]||(store[e.origin]={});
if(d.subject==='lti.capabilities')reply(e,{subject:'lti.capabilities.response',message_id:d.message_id,supported_messages:[{subject:'lti.capabilities'},{subject:'lti.put_data',frame:'_parent'},{subject:'lti.get_data',frame:'_parent'}]});
else if(d.subject==='lti.put_data'){if(typeof d.key!=='string'){reply(e,{subject:'lti.put_data.response',message_id:d.message_id,error:{code:'bad_request',message:'key is required'}});return}
if(d.value===undefined||d.value===null)delete own[d.key];else own[d.key]=String(d.value);reply(e,{subject:'lti.put_data.response',message_id:d.message_id,key:d.key,value:d.value})}
else if(d.subject==='lti.get_data'){if(typeof d.key!=='string'||!(d.key in own)){reply(e,{subject:'lti.get_data.response',message_id:d.message_id,key:d.key,error:{code:'bad_request',message:'no value for this key'}});return}
reply(e,{subject:'lti.get_data.response',message_id:d.message_id,key:d.key,value:own[d.key]})}})})()</script>`;

const STYLE = `
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.55;--fg:#1d2433;--muted:#5b6577;--bg:#f6f7fb;--card:#fff;--line:#dde2ec;--nav:#2b1d4f;--navfg:#dcd3f3;--accent:#6d28d9;--ok:#0f766e;--warn-bg:#fff7e6;--warn-line:#f0c36b;--code:#0f1b2d;--on-accent:#fff}
@media (prefers-color-scheme:dark){:root{--fg:#e5e7eb;--muted:#a3acbd;--bg:#0f1420;--card:#171e2d;--line:#2c3547;--nav:#1b1433;--navfg:#cfc6ea;--accent:#a78bfa;--ok:#5eead4;--warn-bg:#2a2212;--warn-line:#8a6a23;--code:#0a1020;--on-accent:#140d2b}}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;color:var(--fg);background:var(--bg);min-height:100vh;display:grid;grid-template-columns:15rem minmax(0,1fr);grid-template-rows:auto 1fr}
header.bar{grid-column:1/-1;display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:center;justify-content:space-between;padding:.7rem 1.25rem;background:var(--card);border-bottom:1px solid var(--line)}
header.bar .brand{font-weight:700;color:var(--accent);text-decoration:none}
header.bar form{display:flex;min-width:0;max-width:100%;gap:.5rem;align-items:center;font-size:.9rem}
header.bar label{white-space:nowrap}
header.bar select{min-width:0;max-width:100%;flex:1 1 auto}
select,button,.button{font:inherit;font-size:.9rem;padding:.35rem .7rem;border-radius:6px;border:1px solid var(--line);background:var(--card);color:var(--fg)}
.button.primary,button.primary{background:var(--accent);border-color:var(--accent);color:var(--on-accent);text-decoration:none;display:inline-block}
a{color:var(--accent)}
section>:first-child,.card>:first-child{margin-top:0}
nav.course{background:var(--nav);color:var(--navfg);padding:1.25rem 1rem;font-size:.92rem}
nav.course h2{color:#fff;font-size:1rem;margin:0 0 .25rem}
nav.course p{margin:0 0 1rem;font-size:.8rem;opacity:.8}
nav.course ul{list-style:none;padding:0;margin:0 0 1rem}
nav.course li{margin:.2rem 0}
nav.course a{color:inherit;text-decoration:none;display:block;padding:.2rem .4rem;border-radius:4px}
nav.course a:hover{background:rgba(255,255,255,.08)}
nav.course a[aria-current=page]{color:#fff;font-weight:600;background:rgba(255,255,255,.12)}
main{min-width:0;max-width:60rem;padding:1.5rem 2rem 4rem;overflow-wrap:anywhere}
.crumbs{font-size:.85rem;color:var(--muted);margin:0}
h1{margin:.2rem 0 1rem;font-size:1.6rem}
section,.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.1rem 1.4rem;margin:1.25rem 0}
section h2{margin-top:0;font-size:1.15rem}
pre{background:var(--code);color:#e6edf7;padding:.8rem 1rem;border-radius:6px;overflow-x:auto;font-size:.88rem;overflow-wrap:normal}
.notice{border:1px solid var(--warn-line);background:var(--warn-bg);border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
.notice.ok{border-color:var(--ok);background:transparent}
iframe.tool{display:block;width:100%;height:36rem;border:1px solid var(--line);border-radius:8px;background:var(--card)}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:normal}
td.email{overflow-wrap:anywhere}
dl.settings{display:grid;grid-template-columns:minmax(9rem,14rem) minmax(0,1fr);gap:.4rem 1rem;margin:0}
dl.settings dt{font-weight:600}
dl.settings dd{margin:0;font-family:ui-monospace,monospace;font-size:.85rem;overflow-wrap:anywhere}
.badge{display:inline-block;font-size:.75rem;padding:.05rem .5rem;border-radius:999px;border:1px solid var(--accent);color:var(--accent);margin-left:.4rem}
ol.lessons{padding-left:1.2rem}ol.lessons li{margin:.4rem 0}
.table-wrap{overflow-x:auto}
@media (max-width:40rem){body{grid-template-columns:minmax(0,1fr)}nav.course{padding:.75rem 1rem}nav.course ul{display:flex;flex-wrap:wrap;gap:.25rem;margin:0}main{padding:1rem 1rem 3rem}section,.card{padding:1rem}dl.settings{grid-template-columns:minmax(0,1fr)}dl.settings dd{margin-bottom:.5rem}.opt{display:none}iframe.tool{height:32rem}}
`;

/**
 * @param {{ siteOrigin: string, api: string, secretKey?: string, basePath?: string, fetch?: typeof fetch,
 *   statusCacheMs?: number }} options
 *   siteOrigin: this site's origin (the issuer is siteOrigin + basePath); api: Micromentor's API URL (the
 *   tool); secretKey: the demo tenant's secret key, to ask the API whether it knows this platform
 *   (GET /v1/admin/lti/platforms, remembered for statusCacheMs, default 5 s).
 */
export function createLmsSite(options) {
  const base = (options.basePath ?? '/lms').replace(/\/+$/, '');
  const api = options.api.replace(/\/+$/, '');
  const origin = options.siteOrigin.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const toolUrls = {
    loginUrl: `${api}/lti/login`,
    launchUrl: `${api}/lti/launch`,
    jwksUrl: `${api}/lti/jwks`,
    deepLinkUrl: `${api}/lti/deep-link`,
  };
  const platform = createPlatform({
    issuer: `${origin}${base}`,
    clientId: 'micromentor-example-lms',
    deploymentId: 'data-foundations-1',
    name: 'Northfield Learning (example LMS)',
    tool: toolUrls,
    fetch: fetchImpl,
  });
  const course = platform.roster.courses[0];
  if (!course) throw new Error('the demo roster has no course');

  /** @type {{ at: number, status: ToolStatus } | undefined} */
  let statusCache;
  /**
   * @typedef {{ state: 'registered' | 'unregistered' | 'no-lti' | 'unreachable' | 'unknown', detail?: string }} ToolStatus
   * @returns {Promise<ToolStatus>}
   */
  async function toolStatus() {
    if (statusCache && Date.now() - statusCache.at < (options.statusCacheMs ?? 5000))
      return statusCache.status;
    /** @type {ToolStatus} */
    let status;
    try {
      const res = await fetchImpl(`${api}/v1/admin/lti/platforms`, {
        headers: options.secretKey ? { Authorization: `Bearer ${options.secretKey}` } : {},
        signal: AbortSignal.timeout(3000),
      });
      if (res.status === 404) status = { state: 'no-lti' };
      else if (!res.ok) status = { state: 'unknown', detail: `HTTP ${res.status}` };
      else {
        /** @type {unknown} */
        const body = await res.json();
        /** @type {unknown[]} */
        let list = [];
        if (Array.isArray(body)) list = body;
        else if (body && typeof body === 'object')
          for (const key of ['data', 'items', 'platforms']) {
            const value = /** @type {Record<string, unknown>} */ (body)[key];
            if (Array.isArray(value)) list = value;
          }
        const known = list.some((p) => {
          const r = /** @type {Record<string, unknown>} */ (p ?? {});
          return r.issuer === platform.issuer && r.clientId === platform.clientId;
        });
        status = { state: known ? 'registered' : 'unregistered' };
      }
    } catch (error) {
      status = { state: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
    }
    statusCache = { at: Date.now(), status };
    return status;
  }

  /** @param {ToolStatus} status */
  function statusNotice(status, settingsHref = `${base}/settings`) {
    const register = `<a href="${settingsHref}">Platform settings</a>`;
    if (status.state === 'registered')
      return `<p class="notice ok" data-tool-status="registered">Micromentor knows this LMS: launches are signed by this platform's keys and verified by the tool.</p>`;
    const why = {
      unregistered: `Micromentor (at <code>${escapeHtml(api)}</code>) does not know this platform yet. Register it with the values on ${register}, or with Dynamic Registration there.`,
      'no-lti': `The Micromentor API at <code>${escapeHtml(api)}</code> does not serve LTI yet, so it does not know this platform. Launches will not get through until it does; the values to register are on ${register}.`,
      unreachable: `The Micromentor API at <code>${escapeHtml(api)}</code> does not answer, so it cannot know this platform. Is <code>pnpm start</code> running?`,
      unknown: `Could not tell whether Micromentor knows this platform (${escapeHtml(status.detail ?? '')}). The values to register are on ${register}.`,
    }[status.state];
    return `<p class="notice" role="status" data-tool-status="${status.state}">${why}</p>`;
  }

  /**
   * @param {URL} url
   * @returns {Persona}
   */
  const personaOf = (url) => {
    const as = url.searchParams.get('as');
    return as === 'ta' || as === 'instructor' ? as : 'learner';
  };

  /**
   * @param {{ title: string, persona: Persona, current: string, body: string, url: URL }} page
   */
  function layout(page) {
    const q = `?as=${page.persona}`;
    const user = platform.roster.users.find((u) => u.id === PERSONAS[page.persona].userId);
    const link = (/** @type {string} */ href, /** @type {string} */ label, /** @type {string} */ key) =>
      `<li><a href="${href}"${page.current === key ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`;
    const options = /** @type {Persona[]} */ (['learner', 'ta', 'instructor'])
      .map((p) => {
        const u = platform.roster.users.find((x) => x.id === PERSONAS[p].userId);
        return `<option value="${p}"${p === page.persona ? ' selected' : ''}>${escapeHtml(`${u?.name ?? p} · ${PERSONAS[p].label}`)}</option>`;
      })
      .join('');
    const keep = [...page.url.searchParams]
      .filter(([k]) => k !== 'as')
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
      .join('');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(page.title)} · ${escapeHtml(course?.title ?? '')} · Northfield Learning</title>
<style>${STYLE}</style>
</head>
<body>
<header class="bar">
<a class="brand" href="${base}/${q}">Northfield Learning</a>
<form method="get" action="${escapeHtml(page.url.pathname)}">
<label for="as">Signed in as</label>
<select id="as" name="as" onchange="this.form.submit()">${options}</select>${keep}
<noscript><button type="submit">Switch</button></noscript>
</form>
</header>
<nav class="course" aria-label="Course">
<h2>${escapeHtml(course?.title ?? '')}</h2>
<p>${escapeHtml(course?.label ?? '')} · ${escapeHtml(user?.name ?? '')}</p>
<ul>
${link(`${base}/${q}`, 'Course home', 'home')}
${LESSONS.map((l, i) => link(`${base}/lesson/${l.id}${q}`, `${i + 1}. ${l.title}`, `lesson:${l.id}`)).join('\n')}
${link(`${base}/roster${q}`, 'Roster', 'roster')}
${link(`${base}/settings${q}`, 'Platform settings', 'settings')}
</ul>
</nav>
<main>
${page.body}
</main>
</body>
</html>`;
  }

  /** @param {string} lessonId */
  const linksOn = (lessonId) => platform.roster.resourceLinks.filter((l) => l.placement === lessonId);

  /** @param {URL} url */
  async function homePage(url) {
    const persona = personaOf(url);
    const lessons = LESSONS.map((l) => {
      const n = linksOn(l.id).length;
      return `<li><a href="${base}/lesson/${l.id}?as=${persona}">${escapeHtml(l.title)}</a>${n ? `<span class="badge">Micromentor${n > 1 ? ` ×${n}` : ''}</span>` : ''}</li>`;
    }).join('');
    return layout({
      title: 'Course home',
      persona,
      current: 'home',
      url,
      body: `<p class="crumbs">${escapeHtml(course?.label ?? '')}</p>
<h1>${escapeHtml(course?.title ?? '')}</h1>
${statusNotice(await toolStatus())}
<section aria-labelledby="about"><h2 id="about">About this course</h2>
<p>Query real data with SQL: select, filter, join and summarise tables. Each lesson has an <strong>Ask an expert</strong> tool (Micromentor, an LTI 1.3 tool) where a placement was added.</p></section>
<section aria-labelledby="lessons"><h2 id="lessons">Lessons</h2><ol class="lessons">${lessons}</ol></section>`,
    });
  }

  /**
   * @param {URL} url
   * @param {string} lessonId
   */
  async function lessonPage(url, lessonId) {
    const lesson = LESSONS.find((l) => l.id === lessonId);
    if (!lesson) return undefined;
    const persona = personaOf(url);
    const staff = persona !== 'learner';
    const links = linksOn(lesson.id);
    // ?storage=1 launches with lti_storage_target=_parent (the cookie-less flow); this page answers it.
    const storage = url.searchParams.has('storage') ? '&amp;storage=1' : '';
    const tools = links
      .map(
        (l) => `<section aria-label="${escapeHtml(l.title)}">
<h2>${escapeHtml(l.title)}</h2>
<iframe class="tool" title="${escapeHtml(l.title)} (Micromentor)" name="tool-${escapeHtml(l.id)}" src="${base}/launch/${encodeURIComponent(l.id)}?as=${persona}${storage}" allow="clipboard-write"></iframe>
</section>`,
      )
      .join('');
    const adding = staff && url.searchParams.has('add');
    const addTool = staff
      ? adding
        ? `<section aria-labelledby="add"><h2 id="add">Add Micromentor to this lesson</h2>
<p>Pick the topic in Micromentor; it sends the placement back to this course (Deep Linking).</p>
<iframe class="tool" title="Add Micromentor (deep linking)" src="${base}/deep-link/${lesson.id}?as=${persona}${storage}"></iframe>
<p><a href="${base}/lesson/${lesson.id}?as=${persona}">Cancel</a></p></section>`
        : `<p><a class="button primary" href="${base}/lesson/${lesson.id}?as=${persona}&amp;add=1">Add Micromentor to this lesson</a></p>`
      : '';
    const empty =
      links.length === 0
        ? `<p class="crumbs">No Micromentor placement on this lesson yet.${staff ? '' : ' Your instructor can add one.'}</p>`
        : '';
    return layout({
      title: lesson.title,
      persona,
      current: `lesson:${lesson.id}`,
      url,
      body: `<p class="crumbs">${escapeHtml(course?.title ?? '')} · Lesson ${LESSONS.indexOf(lesson) + 1}</p>
<h1>${escapeHtml(lesson.title)}</h1>
${links.length || adding ? statusNotice(await toolStatus()) : ''}
<section aria-label="Lesson">${lesson.body}</section>
${tools}${empty}${addTool}${STORAGE_SCRIPT}`,
    });
  }

  /** @param {URL} url */
  function rosterPage(url) {
    const persona = personaOf(url);
    const rows = (course?.members ?? [])
      .map((m) => {
        const u = platform.roster.users.find((x) => x.id === m.userId);
        return `<tr><td>${escapeHtml(u?.name ?? m.userId)}</td><td class="email">${escapeHtml(u?.email ?? '')}</td><td>${escapeHtml(m.roles.join(', '))}</td><td class="opt"><code>${escapeHtml(m.userId)}</code></td></tr>`;
      })
      .join('');
    return layout({
      title: 'Roster',
      persona,
      current: 'roster',
      url,
      body: `<p class="crumbs">${escapeHtml(course?.title ?? '')}</p><h1>Roster</h1>
<p>What the tool reads through Names and Role Provisioning Services (<code>${escapeHtml(platform.endpoints.memberships(course?.id ?? ''))}</code>).</p>
<div class="card table-wrap"><table><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Roles</th><th scope="col" class="opt">User id (sub)</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    });
  }

  /** @param {URL} url */
  async function settingsPage(url) {
    const persona = personaOf(url);
    /** @param {[string, string][]} rows */
    const list = (rows) =>
      `<dl class="settings">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
    const registering = url.searchParams.has('register');
    return layout({
      title: 'Platform settings',
      persona,
      current: 'settings',
      url,
      body: `<h1>Platform settings</h1>
${statusNotice(await toolStatus())}
<section aria-labelledby="platform"><h2 id="platform">This platform (register these with Micromentor)</h2>
${list([
  ['Issuer', platform.issuer],
  ['Client ID', platform.clientId],
  ['Deployment ID', platform.deploymentId],
  ['Public keyset URL (JWKS)', platform.endpoints.jwks],
  ['Authentication request URL', platform.endpoints.authorization],
  ['Access token URL', platform.endpoints.token],
  ['Deep linking return URL', platform.endpoints.deepLinkReturn],
  ['OpenID configuration', platform.endpoints.openidConfiguration],
])}</section>
<section aria-labelledby="tool"><h2 id="tool">The tool (Micromentor)</h2>
${list([
  ['Login initiation URL', platform.tool?.loginUrl ?? ''],
  ['Launch (redirect) URL', platform.tool?.launchUrl ?? ''],
  ['Deep linking URL', platform.tool?.deepLinkUrl ?? ''],
  ['Tool keyset URL', platform.tool?.jwksUrl ?? ''],
])}</section>
<section aria-labelledby="dynreg"><h2 id="dynreg">Dynamic Registration</h2>
<p>Or let Micromentor register itself: this opens <code>${escapeHtml(`${api}/lti/register`)}</code> with this platform's OpenID configuration and a one-time registration token.</p>
${
  registering
    ? `<iframe class="tool" title="Register Micromentor" src="${base}/register"></iframe><script>addEventListener('message',function(e){if(e.data&&e.data.subject==='org.imsglobal.lti.close')location.href=${JSON.stringify(`${base}/settings?as=${persona}`)}})</script>`
    : `<p><a class="button primary" href="${base}/settings?as=${persona}&amp;register=1">Register Micromentor with Dynamic Registration</a></p>`
}
${platform.registrations.length ? `<p class="notice ok">Registered by Dynamic Registration ${platform.registrations.length} time(s); the tool URLs above come from the last one.</p>` : ''}
</section>`,
    });
  }

  /**
   * @param {import('node:http').ServerResponse} res
   * @param {number} status
   * @param {string} html
   */
  const sendHtml = (res, status, html) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  };
  /**
   * @param {import('node:http').ServerResponse} res
   * @param {string} location
   */
  const redirect = (res, location) => {
    res.writeHead(302, { Location: location, 'Cache-Control': 'no-store' });
    res.end();
  };

  /**
   * Serves /lms/…; resolves false for other paths.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return false;
    if (await platform.handle(req, res)) return true;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Method not allowed\n');
      return true;
    }
    const path = url.pathname.slice(base.length);
    const persona = personaOf(url);
    if (path === '') {
      redirect(res, `${base}/${url.search}`);
      return true;
    }
    if (path === '/') {
      sendHtml(res, 200, await homePage(url));
      return true;
    }
    if (path === '/roster') {
      sendHtml(res, 200, rosterPage(url));
      return true;
    }
    if (path === '/settings') {
      sendHtml(res, 200, await settingsPage(url));
      return true;
    }
    const lesson = /^\/lesson\/([\w-]+)$/.exec(path);
    if (lesson) {
      const html = await lessonPage(url, lesson[1] ?? '');
      if (html) {
        sendHtml(res, 200, html);
        return true;
      }
    }
    const launch = /^\/launch\/([\w-]+)$/.exec(path);
    const link = launch ? platform.roster.resourceLinks.find((l) => l.id === launch[1]) : undefined;
    if (link) {
      const lessonUrl = `${origin}${base}/lesson/${link.placement ?? ''}?as=${persona}`;
      const { url: login } = platform.prepareLaunch({
        userId: PERSONAS[persona].userId,
        courseId: link.courseId,
        resourceLinkId: link.id,
        returnUrl: lessonUrl,
        ...(url.searchParams.has('storage') ? { storageTarget: '_parent' } : {}),
      });
      redirect(res, login);
      return true;
    }
    const deepLink = /^\/deep-link\/([\w-]+)$/.exec(path);
    const target = deepLink ? LESSONS.find((l) => l.id === deepLink[1]) : undefined;
    if (target) {
      if (persona === 'learner') {
        sendHtml(res, 403, 'Only instructors add content.');
        return true;
      }
      const { url: login } = platform.prepareLaunch({
        userId: PERSONAS[persona].userId,
        courseId: course?.id,
        type: 'LtiDeepLinkingRequest',
        placement: target.id,
        returnUrl: `${origin}${base}/lesson/${target.id}?as=${persona}`,
        ...(url.searchParams.has('storage') ? { storageTarget: '_parent' } : {}),
      });
      redirect(res, login);
      return true;
    }
    if (path === '/register') {
      redirect(res, platform.startRegistration(`${api}/lti/register`));
      return true;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return true;
  }

  /**
   * Registers this LMS with the tool's demo program (POST /v1/admin/lti/platforms with the demo
   * secret key; when it is there already, its URLs are brought up to date), so `pnpm start`
   * launches work without a manual step. The keys go by URL: they are made anew at each start.
   * @returns {Promise<'registered' | 'updated'>}
   */
  async function registerWithTool() {
    if (!options.secretKey) throw new Error('registering needs the demo secret key');
    const headers = { Authorization: `Bearer ${options.secretKey}`, 'Content-Type': 'application/json' };
    const body = {
      name: 'Northfield Learning (example LMS)',
      issuer: platform.issuer,
      clientId: platform.clientId,
      deploymentIds: [platform.deploymentId],
      authLoginUrl: platform.endpoints.authorization,
      authTokenUrl: platform.endpoints.token,
      jwksUrl: platform.endpoints.jwks,
    };
    const created = await fetchImpl(`${api}/v1/admin/lti/platforms`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    statusCache = undefined;
    if (created.status === 201) return 'registered';
    if (created.status !== 409)
      throw new Error(`registering answered ${created.status}: ${await created.text()}`);
    const listed = await fetchImpl(`${api}/v1/admin/lti/platforms`, { headers });
    const { data } = /** @type {{ data: { id: string, issuer: string, clientId: string }[] }} */ (
      await listed.json()
    );
    const mine = data.find((p) => p.issuer === body.issuer && p.clientId === body.clientId);
    if (!mine) throw new Error('registered by another program: this client id is taken');
    const { issuer: _issuer, clientId: _clientId, ...rest } = body;
    const updated = await fetchImpl(`${api}/v1/admin/lti/platforms/${mine.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify(rest),
    });
    if (!updated.ok)
      throw new Error(`updating the registration answered ${updated.status}: ${await updated.text()}`);
    return 'updated';
  }

  return { platform, handle, toolStatus, registerWithTool };
}
