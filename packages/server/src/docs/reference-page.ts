/** Renders the OpenAPI document as one self-contained, readable HTML page (no external assets). */

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

interface Document {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function schemaBlock(schema: unknown): string {
  if (!schema) return '';
  return `<pre><code>${escapeHtml(JSON.stringify(schema, null, 2))}</code></pre>`;
}

function securityText(security: Operation['security']): string {
  if (!security || security.length === 0) return 'none';
  return security.map((s) => Object.keys(s).join(' + ')).join(' <em>or</em> ');
}

const ERROR_CODES: [string, string][] = [
  ['validation_failed', 'The input did not match the schema; `errors` lists each field.'],
  [
    'invalid_characters',
    'A text holds NUL or another control character (line breaks too in one-line fields, paths and queries); `errors` names the field.',
  ],
  ['invalid_json', 'The body is not valid JSON.'],
  ['invalid_cursor', 'The cursor was not issued by this list.'],
  ['missing_api_key', 'No Authorization header.'],
  ['invalid_api_key', 'The key is unknown, revoked or expired.'],
  [
    'invalid_user_token',
    'The user token is malformed, wrongly signed, not HS256, lives longer than 24 h, or its sub or name holds control characters.',
  ],
  ['user_token_expired', 'The user token has expired (60 s of clock skew are tolerated).'],
  ['user_token_required', 'The route acts for a user; send X-User-Token.'],
  ['origin_not_allowed', 'A publishable key was used from an origin the tenant does not allow.'],
  ['secret_key_required', 'The route needs the secret key.'],
  ['guests_not_allowed', 'The tenant does not allow guests.'],
  ['forbidden', 'The caller may not do this to this resource.'],
  ['not_found', 'No such resource in this tenant.'],
  ['route_not_found', 'No such route.'],
  ['mentor_exists', 'Another mentor has this externalId.'],
  ['already_applied', 'The user already has a mentor profile.'],
  ['feedback_exists', 'The session already has the learner’s feedback.'],
  ['session_not_started', 'Feedback opens when the session starts.'],
  ['booking_cancelled', 'The session was cancelled.'],
  ['board_full', 'The board holds 100 mentors; remove one first.'],
  ['cannot_add_yourself', 'A mentor cannot put themself on their own board.'],
  ['payload_too_large', 'The body is larger than 64 KB.'],
  ['unsupported_media_type', 'The body is not application/json.'],
  ['internal_error', 'Our bug; the requestId finds it in the logs.'],
];

export function renderReferencePage(doc: Document): string {
  const ops: string[] = [];
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const id = `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-');
      toc.push(
        `<li><a href="#${id}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code> ${escapeHtml(op.summary ?? '')}</a></li>`,
      );
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`,
        )
        .join('');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => {
          const schema = r.content?.['application/json']?.schema;
          return `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(r.description ?? '')}${schema ? schemaBlock(schema) : ''}</li>`;
        })
        .join('');
      ops.push(`<section id="${id}">
  <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
  <p><strong>${escapeHtml(op.summary ?? '')}</strong></p>
  ${op.description ? `<p>${escapeHtml(op.description)}</p>` : ''}
  <p>Auth: ${securityText(op.security)}</p>
  ${params ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Description</th></tr></thead><tbody>${params}</tbody></table>` : ''}
  ${body ? `<h4>Request body</h4>${schemaBlock(body)}` : ''}
  <h4>Responses</h4><ul>${responses}</ul>
</section>`);
    }
  }
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(
      ([name, schema]) =>
        `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${schemaBlock(schema)}</section>`,
    )
    .join('');
  const errors = ERROR_CODES.map(
    ([code, text]) => `<tr id="error-${code}"><td><code>${code}</code></td><td>${escapeHtml(text)}</td></tr>`,
  ).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} — API reference</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}pre{background:#f5f5f7;padding:.75rem;overflow:auto;border-radius:6px}
section{border-top:1px solid #ddd;padding:1rem 0}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}
.method{display:inline-block;min-width:4.5rem;font-weight:700}.get{color:#0a6}.post{color:#06c}.patch,.put{color:#a60}.delete{color:#c00}
</style></head><body>
<h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Routes</h2><ul>${toc.join('')}</ul>
${ops.join('\n')}
<h2>Error codes</h2><p>Errors are <code>application/problem+json</code> (RFC 9457) with a stable <code>code</code> and a <code>requestId</code>.</p>
<table><thead><tr><th>code</th><th>meaning</th></tr></thead><tbody>${errors}</tbody></table>
<h2>Schemas</h2>${schemas}
</body></html>`;
}
