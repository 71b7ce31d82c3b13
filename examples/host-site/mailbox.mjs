// The local mailbox at /mail/: every message the demo program's outbox holds (without SMTP_URL
// nothing leaves the machine, so this is where a newcomer sees the demo's email), read through
// the API's admin routes (GET /v1/admin/emails) with the demo tenant's SECRET key.
//
// The secret key stays here on the server: pages get HTML this server rendered, never the key,
// never a URL with it. A message's own HTML is shown in an <iframe sandbox="" srcdoc>: a unique
// origin with no script, no forms, no popups, unable to reach this page (and the pages' CSP allows
// no script at all).
//
//   /mail/                       the list, newest first (`?cursor=` for older ones)
//   /mail/<id>?view=html|text|ics one message: its HTML, its plain text, its calendar invitation
//   /mail/<id>/invite.ics        the invitation as a download (text/calendar)

const PAGE_SIZE = 50;
/** While the mailbox is empty it reloads itself, so the first confirmation appears on its own. */
const EMPTY_REFRESH_SECONDS = 10;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Inline styles only (the email's own HTML needs them too, inside its frame); no script anywhere.
 * The frame may show the email's remote images, as a mail client would.
 */
const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data: https: http:',
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const STATUS_LABELS = {
  pending: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
  unaddressed: 'No address',
};

/** Text for HTML text or a quoted attribute value. */
const escapeHtml = (value) =>
  String(value).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch],
  );

/** In this machine's time zone: the mailbox runs where its reader is. */
const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });
const when = (iso) =>
  iso ? `<time datetime="${escapeHtml(iso)}">${escapeHtml(timeFormat.format(new Date(iso)))}</time>` : '';

const statusChip = (status) =>
  `<span class="chip chip-${escapeHtml(status)}">${escapeHtml(STATUS_LABELS[status] ?? status)}</span>`;

const recipient = (message) =>
  message.to === null
    ? `<span class="none">no address${message.recipientParty ? ` (the ${escapeHtml(message.recipientParty)})` : ''} — not sent</span>`
    : escapeHtml(message.to);

const STYLES = `
:root { color-scheme: light dark; --bg: #fbfaf7; --fg: #1f2933; --muted: #52606d; --line: #d9dee3;
  --card: #fff; --accent: #1d4ed8; --ok: #166534; --warn: #92400e; --bad: #b91c1c; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #111418; --fg: #e6e9ec; --muted: #a3adb8; --line: #2f3740; --card: #1a1f25;
    --accent: #93b4ff; --ok: #86d39c; --warn: #f3c27a; --bad: #ff9b9b; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
header { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; padding: 0.75rem 1rem;
  border-bottom: 1px solid var(--line); }
header a { font-weight: 700; text-decoration: none; }
header p { margin: 0; color: var(--muted); font-size: 0.9rem; }
main { max-width: 56rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.4rem; margin: 0.5rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 2rem 0 0.5rem; }
.bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: baseline; justify-content: space-between; }
.muted, .none { color: var(--muted); }
.none { font-style: italic; }
ol.messages { list-style: none; margin: 0; padding: 0; border: 1px solid var(--line); border-radius: 8px;
  background: var(--card); }
ol.messages li { padding: 0.75rem 1rem; display: grid; gap: 0.15rem; }
ol.messages li + li { border-top: 1px solid var(--line); }
ol.messages .subject { font-weight: 600; overflow-wrap: anywhere; }
ol.messages .facts { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; color: var(--muted); font-size: 0.9rem;
  overflow-wrap: anywhere; }
ol.messages li.failed { border-left: 4px solid var(--bad); }
.chip { display: inline-block; border: 1px solid currentColor; border-radius: 999px; padding: 0 0.5rem;
  font-size: 0.8rem; font-weight: 600; }
.chip-sent { color: var(--ok); }
.chip-pending, .chip-unaddressed { color: var(--warn); }
.chip-failed { color: var(--bad); }
.empty { border: 1px dashed var(--line); border-radius: 8px; padding: 1.5rem 1rem; background: var(--card); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
nav.views { display: flex; flex-wrap: wrap; gap: 0.25rem; border-bottom: 1px solid var(--line); margin: 1rem 0 0; }
nav.views a { padding: 0.4rem 0.9rem; border: 1px solid transparent; border-bottom: 0; border-radius: 6px 6px 0 0;
  text-decoration: none; }
nav.views a[aria-current='page'] { border-color: var(--line); background: var(--card); color: var(--fg); font-weight: 600;
  margin-bottom: -1px; }
.view { border: 1px solid var(--line); border-top: 0; border-radius: 0 0 8px 8px; background: var(--card); padding: 1rem; }
/* The email's HTML is drawn on white paper, as mail clients do, whatever this page's scheme. */
iframe.html { display: block; width: 100%; height: min(75vh, 56rem); border: 1px solid var(--line); border-radius: 4px;
  background: #fff; color-scheme: light; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 0.9rem/1.45 ui-monospace, monospace; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); }
td.reply { overflow-wrap: anywhere; font-family: ui-monospace, monospace; }
tr.refused td { color: var(--bad); }
@media (max-width: 480px) {
  dl { grid-template-columns: 1fr; }
  dd { margin-bottom: 0.4rem; }
  main { padding: 0.75rem 0.75rem 2rem; }
  nav.views a { padding: 0.4rem 0.6rem; }
}
`;

function page({ title, body, refreshSeconds }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    ${refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}" />` : ''}
    <link rel="icon" href="data:," />
    <title>${escapeHtml(title)} · Local mailbox</title>
    <style>${STYLES}</style>
  </head>
  <body>
    <header>
      <a href="/mail/">Local mailbox</a>
      <p>Email of the demo program · without SMTP_URL nothing leaves this machine · <a href="/">back to the course page</a></p>
    </header>
    <main>${body}</main>
  </body>
</html>
`;
}

const html = (status, title, body, refreshSeconds = 0) => ({
  status,
  type: 'text/html; charset=utf-8',
  body: page({ title, body, refreshSeconds }),
  headers: { 'Content-Security-Policy': PAGE_CSP, 'Referrer-Policy': 'no-referrer' },
});

const notFound = () =>
  html(404, 'Not found', '<h1>No such message</h1><p><a href="/mail/">All messages</a></p>');

/** An answer from the API that is not the page: say what to check, never a stack trace. */
class ApiTrouble extends Error {
  constructor(message, status = 502) {
    super(message);
    this.status = status;
  }
}

function listPage(page, cursor) {
  const refresh = page.data.length === 0 && !cursor ? EMPTY_REFRESH_SECONDS : 0;
  const items = page.data
    .map(
      (m) => `<li class="${escapeHtml(m.status)}">
        <a class="subject" href="/mail/${escapeHtml(m.id)}">${escapeHtml(m.subject || '(no subject)')}</a>
        <span class="facts">
          <span>To: ${recipient(m)}</span>
          <span>${escapeHtml(m.kind)}</span>
          ${statusChip(m.status)}
          ${when(m.createdAt)}
        </span>
      </li>`,
    )
    .join('');
  const body = `<div class="bar">
      <h1>Messages</h1>
      <a href="/mail/">Refresh</a>
    </div>
    ${
      page.data.length === 0
        ? `<p class="empty">No messages yet — book a session in the demo and its confirmation appears here.${
            cursor ? '' : ' <span class="muted">(This page checks again every few seconds.)</span>'
          }</p>`
        : `<ol class="messages">${items}</ol>`
    }
    ${page.nextCursor ? `<p><a href="/mail/?cursor=${encodeURIComponent(page.nextCursor)}">Older messages</a></p>` : ''}`;
  return html(200, 'Messages', body, refresh);
}

function messagePage(message, wanted) {
  const views = [
    ['html', 'HTML'],
    ['text', 'Plain text'],
    ...(message.ics ? [['ics', 'Invitation (.ics)']] : []),
  ];
  const view = views.some(([name]) => name === wanted) ? wanted : 'html';
  const link = ([name, label]) =>
    `<a href="?view=${name}"${name === view ? ' aria-current="page"' : ''}>${label}</a>`;
  const base = `/mail/${escapeHtml(message.id)}`;
  let shown;
  if (view === 'html') {
    shown = message.html
      ? `<iframe class="html" sandbox="" referrerpolicy="no-referrer" title="The message as HTML" srcdoc="${escapeHtml(message.html)}"></iframe>`
      : '<p class="none">This message has no HTML part.</p>';
  } else if (view === 'text') {
    shown = `<pre>${escapeHtml(message.text)}</pre>`;
  } else {
    shown = `<p><a href="${base}/invite.ics" download="invite.ics">Download invite.ics</a>
      <span class="muted">(text/calendar: open it with a calendar app)</span></p>
      <pre>${escapeHtml(message.ics)}</pre>`;
  }
  const attempts =
    message.attempts.length === 0
      ? `<p class="muted">${
          message.status === 'unaddressed'
            ? 'None: the recipient has no email address, so nothing was sent.'
            : 'None yet: the server’s worker sends it shortly.'
        }</p>`
      : `<table>
          <thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Result</th><th scope="col">Server’s reply</th></tr></thead>
          <tbody>${message.attempts
            .map(
              (a) => `<tr class="${a.ok ? 'taken' : 'refused'}">
                <td>${a.attempt}</td><td>${when(a.at)}</td><td>${a.ok ? 'taken' : 'refused'}</td>
                <td class="reply">${escapeHtml(a.reply)}</td></tr>`,
            )
            .join('')}</tbody>
        </table>`;
  const body = `<p><a href="/mail/">← All messages</a></p>
    <h1>${escapeHtml(message.subject || '(no subject)')}</h1>
    <dl>
      <dt>To</dt><dd>${recipient(message)}</dd>
      ${message.replyTo ? `<dt>Reply-To</dt><dd>${escapeHtml(message.replyTo)}</dd>` : ''}
      <dt>Kind</dt><dd>${escapeHtml(message.kind)}</dd>
      <dt>Status</dt><dd>${statusChip(message.status)}</dd>
      <dt>Written</dt><dd>${when(message.createdAt)}</dd>
      ${message.sentAt ? `<dt>Sent</dt><dd>${when(message.sentAt)}</dd>` : ''}
    </dl>
    <nav class="views" aria-label="Show the message as">${views.map(link).join('')}</nav>
    <section class="view" aria-label="${escapeHtml(views.find(([name]) => name === view)[1])}">${shown}</section>
    <h2>Attempts</h2>
    ${attempts}`;
  return html(200, message.subject || 'Message', body);
}

/**
 * The /mail/ pages for the API at `api`, read with `secretKey`. Returns a handler from a request
 * URL to `{ status, type, body, headers }`, or undefined for a path that is not the mailbox's.
 */
export function mailbox({ api, secretKey }) {
  async function get(path) {
    let res;
    try {
      res = await fetch(`${api}${path}`, {
        headers: { Authorization: `Bearer ${secretKey}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw new ApiTrouble(`The API at ${api} did not answer. Is it running (pnpm start)?`);
    }
    if (res.status === 404) return undefined;
    // Only a hand-edited link can send a query the API refuses (a cursor it did not issue).
    if (res.status === 400) throw new ApiTrouble('This link to the mailbox is not valid.', 400);
    if (res.status === 401 || res.status === 403) {
      throw new ApiTrouble(
        `The API at ${api} refused the demo secret key (${res.status}). The mailbox shows the demo ` +
          'program, which `micromentor serve --seed-demo` creates.',
      );
    }
    if (!res.ok) throw new ApiTrouble(`The API at ${api} answered ${res.status} for ${path}.`);
    try {
      return await res.json();
    } catch {
      throw new ApiTrouble(`The API at ${api} answered ${path} with something that is not JSON.`);
    }
  }

  return async function handle(url) {
    const path = url.pathname;
    if (path === '/mail')
      return { status: 308, type: 'text/plain; charset=utf-8', body: '', headers: { Location: '/mail/' } };
    if (!path.startsWith('/mail/')) return undefined;
    const [id, rest, ...more] = path.slice('/mail/'.length).split('/');
    try {
      if (!id) {
        const cursor = url.searchParams.get('cursor') ?? '';
        const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
        const list = await get(`/v1/admin/emails?${query}`);
        return list ? listPage(list, cursor) : notFound();
      }
      if (!ID.test(id) || more.length > 0 || (rest !== undefined && rest !== 'invite.ics')) return notFound();
      const message = await get(`/v1/admin/emails/${id}`);
      if (!message) return notFound();
      if (rest === 'invite.ics') {
        if (!message.ics) return notFound();
        return {
          status: 200,
          type: 'text/calendar; charset=utf-8',
          body: message.ics,
          headers: { 'Content-Disposition': 'attachment; filename="invite.ics"' },
        };
      }
      return messagePage(message, url.searchParams.get('view') ?? 'html');
    } catch (error) {
      if (!(error instanceof ApiTrouble)) throw error;
      return html(
        error.status,
        'The mailbox cannot be read',
        `<h1>The mailbox cannot be read</h1><p>${escapeHtml(error.message)}</p>
        <p><a href="/mail/">Newest messages</a></p>`,
      );
    }
  };
}
