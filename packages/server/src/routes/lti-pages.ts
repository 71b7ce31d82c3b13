// The pages the LTI endpoints answer with, shown inside the LMS's frame. Every value from a
// platform or a user is escaped; scripts run only with the response's nonce (see lti.ts's CSP).

export const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

const STYLE = `
  :root { color-scheme: light dark; --fg: #1f2937; --bg: #ffffff; --muted: #4b5563; --accent: #0f766e; --line: #d1d5db; }
  @media (prefers-color-scheme: dark) { :root { --fg: #e5e7eb; --bg: #111827; --muted: #9ca3af; --accent: #5eead4; --line: #374151; } }
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
  main { max-width: 48rem; margin: 0 auto; padding: 1.25rem; }
  h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
  p.sub { color: var(--muted); margin: 0 0 1.25rem; }
  .problem { border-left: 4px solid #b91c1c; padding: .5rem 1rem; }
  code { font-size: .9em; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  input { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem .6rem; border: 1px solid var(--line);
          border-radius: 8px; background: var(--bg); color: var(--fg); }
  button { font: inherit; margin-top: 1.25rem; padding: .55rem 1.1rem; border: 0; border-radius: 8px;
           background: var(--accent); color: var(--bg); font-weight: 600; cursor: pointer; }
  .hint { color: var(--muted); font-size: .9rem; margin: .25rem 0 0; }
`;

export function page(input: {
  title: string;
  body: string;
  lang?: string;
  nonce: string;
  script?: string;
}): string {
  return `<!doctype html>
<html lang="${escapeHtml(input.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style nonce="${input.nonce}">${STYLE}</style>
</head>
<body>
<main>
${input.body}
</main>
${input.script ? `<script nonce="${input.nonce}">${input.script}</script>` : ''}
</body>
</html>`;
}

/** A refusal: what went wrong, in words, and its code for the LMS administrator. */
export function problemPage(nonce: string, message: string, code: string): string {
  return page({
    nonce,
    title: 'This launch could not be completed',
    body: `<div class="problem" role="alert">
<h1>This launch could not be completed</h1>
<p>${escapeHtml(message)}</p>
<p class="hint">Reason code for your LMS administrator: <code>${escapeHtml(code)}</code></p>
</div>`,
  });
}

/** A form the browser posts at once (to the platform), e.g. a Deep Linking response. */
export function autoPostPage(nonce: string, action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return page({
    nonce,
    title: 'Returning to your course…',
    body: `<form id="post" method="post" action="${escapeHtml(action)}">
${inputs}
<p>Returning to your course…</p>
<noscript><button type="submit">Continue</button></noscript>
</form>`,
    script: `document.getElementById('post').submit();`,
  });
}

/** JSON for a script, safe inside <script> (no `</script>`, no U+2028/9). */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * The 1EdTech platform-storage check (client-side postMessages): asks the platform's frame for the
 * value stored under `key` and runs `then` only if it equals `expected`; otherwise says so.
 */
export function storageScript(input: {
  op: 'put' | 'get';
  target: string;
  origin: string;
  key: string;
  value: string;
  /** Script run on success (it may use `done()`-free code; e.g. a redirect or loading the widget). */
  onSuccess: string;
}): string {
  return `(function () {
  var target = ${scriptJson(input.target)}, origin = ${scriptJson(input.origin)};
  var key = ${scriptJson(input.key)}, value = ${scriptJson(input.value)}, op = ${scriptJson(input.op)};
  var id = 'mm-' + Math.random().toString(36).slice(2);
  var frame = target === '_parent' ? window.parent : (window.parent.frames[target] || window.parent);
  var settled = false;
  function refuse(why) {
    var p = document.getElementById('status');
    if (p) p.textContent = why;
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || !event.data || event.data.message_id !== id) return;
    settled = true;
    if (event.data.error) return refuse('Your LMS could not keep this launch: ' + (event.data.error.message || event.data.error.code || 'error') + '.');
    if (op === 'get' && event.data.value !== value) return refuse('This launch did not start in this browser. Launch the tool again from the course.');
    ${input.onSuccess}
  });
  var message = { subject: 'lti.' + op + '_data', message_id: id, key: key };
  if (op === 'put') message.value = value;
  frame.postMessage(message, origin);
  setTimeout(function () { if (!settled) refuse('Your LMS did not answer. Launch the tool again from the course.'); }, 10000);
})();`;
}
