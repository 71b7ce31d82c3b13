import { createRoute, z } from '@hono/zod-openapi';
import { escapeHtml } from '../domain/email/layout.js';
import { describeUnsubscribeLink, type UnsubscribeLink, unsubscribe } from '../domain/email/preferences.js';
import type { AppDeps } from '../http/env.js';
import { createRouter } from '../http/router.js';
import { UnsubscribeTokenParamSchema } from '../schemas/email.js';

/** A small page in the reader's language, readable light or dark; no script, no tracking. */
function page(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.6rem 1rem;border-radius:6px;border:1px solid currentColor;cursor:pointer}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

const notFound = page(
  'en',
  'Link not found',
  '<p>This unsubscribe link is not valid (it may be mistyped).</p>',
);

const html = { 'text/html': { schema: z.string() } };

const show = createRoute({
  method: 'get',
  path: '/email/unsubscribe/{token}',
  tags: ['Email'],
  summary: 'An unsubscribe link, opened',
  description:
    'A page asking to confirm (a GET changes nothing: mail scanners open links). The button posts to the same URL.',
  request: { params: UnsubscribeTokenParamSchema },
  responses: {
    200: { description: 'The confirmation page.', content: html },
    404: { description: 'No such link.', content: html },
  },
});

const oneClick = createRoute({
  method: 'post',
  path: '/email/unsubscribe/{token}',
  tags: ['Email'],
  summary: 'One-click unsubscribe (RFC 8058)',
  description:
    'What mail apps post (`List-Unsubscribe=One-Click`) and the page’s button: stops exactly that kind of email ' +
    'for exactly that recipient, with no login. Repeating it is harmless.',
  request: { params: UnsubscribeTokenParamSchema },
  responses: {
    200: { description: 'Done.', content: html },
    404: { description: 'No such link.', content: html },
  },
});

function confirmPage(token: string, link: UnsubscribeLink): string {
  return page(
    link.lang,
    link.title,
    `<p>${escapeHtml(link.confirm)}</p><form method="post" action="/email/unsubscribe/${escapeHtml(token)}"><button type="submit">${escapeHtml(link.button)}</button></form>`,
  );
}

/** Outside /v1: the link in an email works with no API key and no login (its token is the proof). */
export function unsubscribeRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(show, async (c) => {
      const { token } = c.req.valid('param');
      const link = await describeUnsubscribeLink(deps.db, token);
      c.header('Cache-Control', 'no-store');
      return link ? c.html(confirmPage(token, link), 200) : c.html(notFound, 404);
    })
    .openapi(oneClick, async (c) => {
      const { token } = c.req.valid('param');
      const link = await unsubscribe({ db: deps.db, clock: deps.clock }, token);
      c.header('Cache-Control', 'no-store');
      if (!link) return c.html(notFound, 404);
      return c.html(
        page(link.lang, link.title, `<p>${escapeHtml(link.done)}</p><p>${escapeHtml(link.undo)}</p>`),
        200,
      );
    });
}
