#!/usr/bin/env node
// A stand-in for a customer's website: a tiny static server on its OWN origin (port 8788, not
// the API's 8787), so the widget runs cross-origin exactly as it would on a real site.
//
//   /                 → examples/plain-html/index.html
//   /plain-html/…     → examples/plain-html/… (any other example folder likewise)
//   /strict-csp/…     → served with a strict Content-Security-Policy header (see strictCsp below)
//   /mm-token?as=…    → a fresh user token (learner, mentor or admin), for the pages' token provider
//                       (examples/shared/renew-token.js registers it)
//   /mail/            → the local mailbox: the demo program's email, read with its secret key
//                       server-side (mailbox.mjs)
//   /lms/             → a small LMS that is an LTI 1.3 platform and launches Micromentor as a tool
//                       (examples/lms/site.mjs; its platform endpoints take POSTs too)
//
// Like a real host backend, it vouches for its logged-in user: every HTML page it serves gets a
// fresh, short-lived user token for the demo learner in place of {{USER_TOKEN}} (and one for the
// first demo mentor in place of {{MENTOR_TOKEN}} and the demo admin in place of {{ADMIN_TOKEN}},
// for the console pages), and the API's
// base URL in place of {{API}}. With `?guest` the learner's token is left empty: a visitor who is
// not logged in, whom the widget asks for a name and email when the program allows guests.
//
// IMPORTANT: a real site signs user tokens on its BACKEND, for the user its own login
// established, and never ships the identity secret to the browser (the page only ever sees the
// signed token). The secret below is the local demo tenant's fixed one and is useless anywhere
// else. In Node, `signUserToken` from `@micromentor/sdk/node` does this; here it is spelled out with
// node:crypto so the example needs no dependencies.
import { createHmac } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLmsSite } from '../lms/site.mjs';
import { mailbox } from './mailbox.mjs';

const EXAMPLES_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const HOST_SITE_DIR = join(EXAMPLES_DIR, 'host-site');
const DEFAULT_EXAMPLE = 'plain-html';

const port = Number(process.env.EXAMPLE_PORT ?? 8788);
const api = (process.env.MICROMENTOR_API ?? 'http://localhost:8787').replace(/\/+$/, '');
/** The demo tenant's identity secret (packages/server/src/demo/seed.ts). Server-side only! */
const identitySecret = process.env.MICROMENTOR_IDENTITY_SECRET ?? 'ids_demo_LocalOnlyIdentitySecret2026';
/** The demo tenant's secret key, for the mailbox's admin calls. Server-side only, like the secret above. */
const demoSecretKey = process.env.MICROMENTOR_DEMO_SECRET_KEY ?? 'sk_demo_LocalOnlySecretKeyNeverInProd';
const mail = mailbox({ api, secretKey: demoSecretKey });
/**
 * The example LMS (an LTI 1.3 platform) under /lms/, with the API as its tool. Its issuer names
 * this site's origin, so it is made once the server knows its port (EXAMPLE_PORT=0 picks one).
 * @type {ReturnType<typeof createLmsSite> | undefined}
 */
let lms;
const demoLearner = { sub: 'demo-learner-1', name: 'Ada Learner', email: 'ada.learner@example.com' };
/** The first demo mentor's user (its external id links the user to the mentor profile). */
const demoMentor = { sub: 'demo-mentor-001', name: 'Demo Mentor', roles: ['mentor'] };
/** The program admin of the demo tenant (admin console page). */
const demoAdmin = { sub: 'demo-admin-1', name: 'Demo Admin', roles: ['admin'] };
const TOKEN_TTL_SECONDS = 60 * 60;

const base64url = (value) => Buffer.from(value).toString('base64url');

/** An HS256 JWT `{sub,name,email?,roles?,iat,exp}` signed with the tenant's identity secret. */
function signUserToken(secret, user, ttlSeconds = TOKEN_TTL_SECONDS, now = Date.now()) {
  const iat = Math.floor(now / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ ...user, iat, exp: iat + ttlSeconds }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/**
 * The policy a security-conscious site sends with /strict-csp/ pages: no inline script or style,
 * no eval; only the API's origin may serve scripts and answer fetches. The widget must work under it.
 */
function strictCsp(apiOrigin) {
  return [
    "default-src 'self'",
    `script-src 'self' ${apiOrigin}`,
    `connect-src ${apiOrigin}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}
const STRICT_CSP_DIR = join(EXAMPLES_DIR, 'strict-csp');

const escapeHtml = (value) =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch],
  );

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file inside an example folder, or undefined (no escaping the folder). */
async function resolveFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' ? `/${DEFAULT_EXAMPLE}/` : decoded;
  const file = normalize(join(EXAMPLES_DIR, relative));
  if (!file.startsWith(EXAMPLES_DIR + sep)) return undefined;
  // Only the examples themselves: not this server, not anyone's node_modules or dotfiles.
  const parts = file.slice(EXAMPLES_DIR.length + 1).split(sep);
  if (file.startsWith(HOST_SITE_DIR + sep) || file === HOST_SITE_DIR) return undefined;
  if (parts.some((p) => p === 'node_modules' || p.startsWith('.'))) return undefined;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
      const index = join(file, 'index.html');
      return (await stat(index)).isFile() ? { file: index } : undefined;
    }
    return info.isFile() ? { file } : undefined;
  } catch {
    return undefined;
  }
}

function send(res, status, type, body, extra = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://host-site.invalid');
  if (lms && (url.pathname === '/lms' || url.pathname.startsWith('/lms/'))) {
    try {
      if (await lms.handle(req, res)) return;
    } catch (error) {
      console.error(`example LMS: ${error instanceof Error ? error.stack : error}`);
      if (!res.headersSent) return send(res, 500, 'text/plain; charset=utf-8', 'The example LMS failed\n');
      return void res.end();
    }
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
  }
  if (url.pathname === '/healthz') return send(res, 200, 'application/json', '{"status":"ok"}\n');
  if (url.pathname === '/mm-token') {
    // The pages' token provider (`Micromentor('tokenProvider', …)`) renews here. A real backend
    // signs for the user its session cookie names; this demo has no login, so `?as=` picks one.
    const user = { learner: demoLearner, mentor: demoMentor, admin: demoAdmin }[
      url.searchParams.get('as') ?? ''
    ];
    if (!user) return send(res, 400, 'text/plain; charset=utf-8', 'as= must be learner, mentor or admin\n');
    return send(res, 200, 'text/plain; charset=utf-8', signUserToken(identitySecret, user));
  }
  const mailPage = await mail(url);
  if (mailPage) {
    const body = req.method === 'HEAD' ? undefined : mailPage.body;
    return send(res, mailPage.status, mailPage.type, body, mailPage.headers);
  }
  const found = await resolveFile(url.pathname);
  if (!found) return send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
  if (found.redirect) return send(res, 308, 'text/plain; charset=utf-8', '', { Location: found.redirect });
  const type = TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
  let body = await readFile(found.file);
  if (extname(found.file) === '.html') {
    // What a real backend does per request: sign a fresh token for the user who is logged in.
    // `?guest` plays a visitor who is not logged in: no token, so the widget offers its guest form.
    const token = url.searchParams.has('guest') ? '' : signUserToken(identitySecret, demoLearner);
    // `?lang=es` serves the page in another language (its <html lang>, which the widget follows);
    // `?mentor=demo-mentor-007` signs the mentor console in as another demo mentor.
    const lang = /^[a-z]{2}$/.test(url.searchParams.get('lang') ?? '') ? url.searchParams.get('lang') : 'en';
    const mentorId = url.searchParams.get('mentor') ?? '';
    const mentor = /^demo-mentor-\d{3}$/.test(mentorId)
      ? { sub: mentorId, name: `Demo Mentor ${mentorId.slice(-3)}`, roles: ['mentor'] }
      : demoMentor;
    body = body
      .toString('utf8')
      .replace('<html lang="en">', `<html lang="${lang}">`)
      .replaceAll('{{API}}', escapeHtml(api))
      .replaceAll('{{USER_TOKEN}}', escapeHtml(token))
      .replaceAll('{{MENTOR_TOKEN}}', escapeHtml(signUserToken(identitySecret, mentor)))
      .replaceAll('{{ADMIN_TOKEN}}', escapeHtml(signUserToken(identitySecret, demoAdmin)));
  }
  const extra = found.file.startsWith(STRICT_CSP_DIR + sep)
    ? { 'Content-Security-Policy': strictCsp(new URL(api).origin) }
    : {};
  send(res, 200, type, req.method === 'HEAD' ? undefined : body, extra);
});

server.on('error', (error) => {
  const reason =
    error.code === 'EADDRINUSE'
      ? `port ${port} is already in use (set EXAMPLE_PORT to use another)`
      : error.message;
  console.error(`example host site: ${reason}`);
  process.exit(1);
});

server.listen(port, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  lms = createLmsSite({ siteOrigin: `http://localhost:${actual}`, api, secretKey: demoSecretKey });
  console.error(`Example host site on http://localhost:${actual} (widget and API from ${api})`);
  // The example LMS registers itself with the demo program (the API must allow local platform
  // URLs: MICROMENTOR_WEBHOOKS_ALLOW_PRIVATE=true, as `pnpm start` runs it).
  lms.registerWithTool().then(
    (how) => console.error(`Example LMS ${how} with the demo program: ${lms?.platform.issuer}`),
    (error) =>
      console.error(
        `Example LMS not registered with the API (${error instanceof Error ? error.message : error}); launches will say so.`,
      ),
  );
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
