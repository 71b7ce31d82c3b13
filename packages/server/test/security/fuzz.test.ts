// A fuzz run driven by /openapi.json: every /v1 operation, called with valid credentials of the
// roles it accepts, gets hostile text (NUL, controls, RTL, emoji, very long) in each string
// field, path and query parameter, wrong types, bodies over the limit and deeply nested, extra
// mass-assignment fields, invalid JSON, wrong content types and hostile token claims. Whatever
// the input: never a 5xx, every 4xx a problem+json with a `code`, and nothing outside a schema
// written. Seeded: a failure prints its seed; rerun with MM_FUZZ_SEED=<seed> to replay it.
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '../../src/security/user-token.js';
import { asLearner, book, bookableMentor } from '../support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from '../support/context.js';
import { call } from '../support/http.js';
import {
  type ApiOperation,
  declaredFields,
  type JsonSchema,
  type OpenApiDoc,
  openApiDocument,
  operations,
  type Role,
  resolve,
} from './openapi-walk.js';

const SEED = Number(process.env.MM_FUZZ_SEED ?? 20261125);
/** Requests per operation (plus the token-claim attacks): ~2,700 in all; MM_FUZZ_SCALE=10 for a long hunt. */
const PER_OPERATION = 34 * Number(process.env.MM_FUZZ_SCALE ?? 1);
const ORIGIN = 'https://fuzz.example';

/** The parts of a JSON Schema the generator reads beyond what openapi-walk names. */
interface Schema extends JsonSchema {
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  required?: string[];
  example?: unknown;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

/** Text that has hurt servers: controls, bidi overrides, emoji, combining marks, huge, injections. */
const HOSTILE_STRINGS: readonly string[] = [
  'a\u0000b',
  '\u0000',
  'x\u0001\u0002\u0003\u001f',
  'del\u007f',
  'esc\u001b[31mred',
  'line one\r\nInjected-Header: 1',
  'ATTENDEE;CN=Evil:mailto:x@evil.example\r\nX:1',
  'bare\rcr',
  '\u2028\u2029',
  'nel\u0085here',
  'c1\u0080\u009f',
  '\u202eevil\u202c',
  '\u200f\u200e\u2066rtl\u2069',
  'مرحبا بالعالم',
  'שלום עולם',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̴̡̛a̸̧l̷g̵o̶',
  '\ud800',
  'lone \udc00 low',
  '\ufeffbom',
  '\ufffd\uffff',
  'x'.repeat(5000),
  '😀'.repeat(4500),
  '%00',
  '%ZZ%',
  '../../etc/passwd',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '{{7*7}}#{7*7}',
  '=HYPERLINK("https://evil.example")',
  '   ',
  '',
  'NaN',
  '-1',
  '1e309',
  'null',
];

const WRONG_TYPES: readonly Json[] = [
  0,
  -1,
  1.5,
  1e308,
  -9007199254740992,
  2 ** 31,
  true,
  false,
  null,
  [],
  {},
  [null],
  { $gt: '' },
  '123',
  'true',
  ['a', 1, null],
];

/** Fields a caller must never set: ownership, identity, state, server-kept dates. */
const MARK_ID = '5b0c3a9e-dead-4000-8000-00000000f022';
const MARK_DATE = '1999-01-01T00:00:00Z';
const MASS_FIELDS: Record<string, Json> = {
  id: MARK_ID,
  tenantId: MARK_ID,
  learnerId: MARK_ID,
  userId: MARK_ID,
  reporterId: MARK_ID,
  role: 'admin',
  roles: ['admin'],
  status: 'approved',
  isGuest: false,
  createdAt: MARK_DATE,
  updatedAt: MARK_DATE,
  approvedAt: MARK_DATE,
  stats: { sessions: 1000 },
  ['__proto__']: { admin: true },
};

const INVALID_JSON: readonly string[] = [
  '{',
  '{"a":}',
  "{'a':1}",
  '{"a":1}garbage',
  '\u0000',
  '{"title":"x\u0000y"}',
  '[1,2',
  'NaN',
  '\ufeff{}',
  '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}',
  '{"a":1,"a":2}',
  '"just a string"',
  '[]',
  'null',
  '12',
  '',
];

const WRONG_CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json-patch+json',
  'text/json',
  'application/octet-stream',
];

let ctx: TestContext;
let t: TestTenant;
let doc: OpenApiDoc;
let ops: ApiOperation[];
const ids: Record<string, string> = {};
const unhandled: string[] = [];

/** The tenant's current keys: a fuzzed key rotation that succeeds hands the run its new key. */
const keys = { publishable: '', secret: '', identity: '' };

const USERS: Partial<
  Record<Role, { sub: string; name: string; email?: string; roles?: ('mentor' | 'admin')[] }>
> = {
  learner: { sub: 'fuzz-learner', name: 'Fuzz Learner', email: 'learner@fuzz.example' },
  mentor: { sub: 'fuzz-mentor', name: 'Fuzz Mentor', roles: ['mentor'] },
  admin: { sub: 'fuzz-admin', name: 'Fuzz Admin', roles: ['admin'] },
};

const tokenFor = (role: Role): string | undefined => {
  const user = USERS[role];
  return user && signUserToken({ secret: keys.identity, ...user, now: ctx.clock.now() });
};

function credentials(role: Role): Record<string, string> {
  if (role === 'secret') return { Authorization: `Bearer ${keys.secret}` };
  const token = tokenFor(role);
  return {
    Authorization: `Bearer ${keys.publishable}`,
    Origin: ORIGIN,
    ...(token ? { 'X-User-Token': token } : {}),
  };
}

beforeAll(async () => {
  ctx = await createTestContext({
    config: { logError: ({ error }) => unhandled.push(String((error as Error)?.stack ?? error)) },
  });
  t = await ctx.tenant({ origins: [ORIGIN], settings: { allowGuests: true } });
  Object.assign(keys, { publishable: t.publishableKey, secret: t.secretKey, identity: t.identitySecret });
  doc = await openApiDocument(ctx.app);
  ops = operations(doc);

  // Real rows for the path ids, so that requests get past "not found" to the code behind it.
  const mentor = await bookableMentor(ctx, t, {}, { name: 'Fuzz Mentor', externalId: 'fuzz-mentor' });
  ids.mentor = mentor.id;
  const learner = { ...asLearner(t, 'fuzz-learner'), origin: ORIGIN, key: t.publishableKey };
  const asked = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
    ...learner,
    body: { title: 'Fuzz: SQL joins', details: 'Stuck on a join', skills: ['sql'] },
  });
  ids.request = asked.body.request.id;
  const thread = await call<{ id: string }>(ctx.app, 'POST', `/v1/requests/${ids.request}/threads`, {
    ...learner,
    body: { mentorId: mentor.id },
  });
  ids.thread = thread.body.id;
  const booked = await book(ctx, t, { mentorId: mentor.id, start: '2026-11-26T09:00:00Z' }, 'fuzz-learner');
  ids.booking = booked.body.id;
  const hook = await call<{ id: string }>(ctx.app, 'POST', '/v1/admin/webhooks', {
    key: t.secretKey,
    body: { url: 'https://hooks.fuzz.example/in', events: ['booking.created'] },
  });
  ids.webhook = hook.body.id;
  for (const [name, id] of Object.entries(ids)) if (!id) throw new Error(`fixture ${name} missing`);
}, 120_000);
afterAll(() => ctx.close());

/** A real id for a path's `{id}`: the resource the path names. */
function idFor(path: string): string {
  if (path.startsWith('/v1/bookings/')) return ids.booking!;
  if (path.startsWith('/v1/requests/')) return ids.request!;
  if (path.startsWith('/v1/threads/')) return ids.thread!;
  if (path.startsWith('/v1/admin/webhooks/')) return ids.webhook!;
  if (
    path.startsWith('/v1/mentors/') ||
    path.startsWith('/v1/admin/mentors/') ||
    path.startsWith('/v1/me/board/')
  )
    return ids.mentor!;
  return '5b0c3a9e-0000-4000-8000-000000000000';
}

const UUID_FIELDS: Record<string, () => string> = {
  mentorId: () => ids.mentor!,
  requestId: () => ids.request!,
  bookingId: () => ids.booking!,
  threadId: () => ids.thread!,
};

/** A plausible value for a schema: the base each attack changes one thing in. */
function sample(schema: Schema, rng: Rng, name = '', depth = 0): Json {
  const s = resolve(doc, schema) as Schema;
  if (depth > 6) return null;
  if (s.const !== undefined) return s.const as Json;
  if (s.enum?.length) return rng.pick(s.enum) as Json;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) {
    const useful = alternatives.filter((a) => (resolve(doc, a) as Schema).type !== 'null');
    return sample(rng.pick(useful.length ? useful : alternatives) as Schema, rng, name, depth + 1);
  }
  if (s.allOf?.length) {
    const parts = s.allOf.map((part) => sample(part as Schema, rng, name, depth + 1));
    const objects = parts.filter(
      (p): p is { [key: string]: Json } => typeof p === 'object' && p !== null && !Array.isArray(p),
    );
    return objects.length ? Object.assign({}, ...objects) : (parts.find((p) => p !== null) ?? null);
  }
  const types = Array.isArray(s.type) ? s.type.filter((x) => x !== 'null') : [s.type];
  const type = types[0] ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const out: { [key: string]: Json } = {};
      for (const [key, child] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(key) || rng.chance(0.6))
          out[key] = sample(child as Schema, rng, key, depth + 1);
      }
      return out;
    }
    case 'array': {
      const n = Math.max(s.minItems ?? 0, 1);
      return Array.from({ length: n }, () => sample((s.items ?? {}) as Schema, rng, name, depth + 1));
    }
    case 'string':
      return sampleString(s, name);
    case 'integer':
    case 'number':
      return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? 30);
    case 'boolean':
      return rng.chance(0.5);
    default:
      return 'fuzz';
  }
}

function sampleString(s: Schema, name: string): string {
  if (typeof s.example === 'string') return s.example;
  if (s.format === 'uuid') return UUID_FIELDS[name]?.() ?? '5b0c3a9e-0000-4000-8000-000000000001';
  if (s.format === 'email') return 'someone@fuzz.example';
  if (s.format === 'date-time') return '2026-11-26T10:00:00Z';
  if (s.format === 'date') return '2026-11-26';
  if (s.format === 'uri' || s.format === 'url' || /url$/i.test(name)) return 'https://fuzz.example/page';
  if (s.pattern === '^[a-zA-Z]{2}$') return 'en';
  if (s.pattern?.includes(':[0-5]')) return '10:00';
  if (/phone/i.test(name)) return '+34600123456';
  if (name === 'meetingLinkTemplate') return 'https://meet.fuzz.example/{room}';
  if (/timezone|zone/i.test(name)) return 'Europe/Berlin';
  // Settings the run itself depends on keep their values: the fuzzing is in the other fields.
  if (name === 'allowedOrigins') return ORIGIN;
  if (/^(start|end|from|to)$/.test(name)) return '2026-11-26T10:00:00Z';
  const text = 'fuzz text';
  return text.padEnd(Math.max(s.minLength ?? 0, 1), 'x').slice(0, s.maxLength ?? text.length);
}

/** Every path to a leaf of a JSON value (strings first), as key lists. */
function leaves(value: Json, at: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, i]));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [{ path: at, value }];
    return entries.flatMap(([k, v]) => leaves(v, [...at, k]));
  }
  return [{ path: at, value }];
}

function setAt(root: Json, path: (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1]!] = value;
  return copy as Json;
}

function deeplyNested(depth: number, kind: 'object' | 'array'): string {
  return kind === 'object'
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

interface Attack {
  kind: string;
  role: Role;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Fields sent that the schema does not declare: the call must be refused with 400. */
  massAssignment?: boolean;
}

function parametersOf(op: ApiOperation): Parameter[] {
  const raw = doc.paths[op.path]?.[op.method.toLowerCase()] as { parameters?: Parameter[] } | undefined;
  return raw?.parameters ?? [];
}

/**
 * Percent-encoding that also takes unpaired surrogates (encodeURIComponent throws on them): they
 * go as the bytes a careless client would send (WTF-8), which are not valid UTF-8.
 */
function encodeLoose(text: string): string {
  return text
    .split(/(\p{Cs})/u)
    .map((part) =>
      /^\p{Cs}$/u.test(part)
        ? [
            ...Buffer.from([
              0xe0 | (part.charCodeAt(0) >> 12),
              0x80 | ((part.charCodeAt(0) >> 6) & 0x3f),
              0x80 | (part.charCodeAt(0) & 0x3f),
            ]),
          ]
            .map((b) => `%${b.toString(16).toUpperCase()}`)
            .join('')
        : encodeURIComponent(part),
    )
    .join('');
}

const encode = (value: Json) => encodeLoose(typeof value === 'string' ? value : JSON.stringify(value));

/** One request against `op`: a base built from its schemas with exactly one hostile change. */
function attack(op: ApiOperation, rng: Rng): Attack {
  const role = rng.pick(op.roles!);
  const params = parametersOf(op);
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathValues: Record<string, string> = {};
  for (const p of pathParams) pathValues[p.name] = p.name === 'dataset' ? 'requests.csv' : idFor(op.path);
  const query: Record<string, string> = {};
  for (const p of queryParams)
    if (rng.chance(0.4)) query[p.name] = String(sample(p.schema ?? {}, rng, p.name) ?? '');
  const headers: Record<string, string> = { ...credentials(role) };
  let body: Json | undefined = op.body ? sample(op.body as Schema, rng) : undefined;
  let rawBody: string | undefined;
  let kind: string;
  let massAssignment = false;

  const kinds = [
    ...(op.body ? ['string-field', 'string-field', 'string-field', 'wrong-type', 'mass-assignment'] : []),
    ...(op.body ? ['huge-body', 'nested-body', 'invalid-json', 'content-type'] : ['content-type']),
    ...(pathParams.length ? ['path-param', 'path-param'] : []),
    ...(queryParams.length ? ['query-param', 'query-param', 'unknown-query'] : ['unknown-query']),
    'header',
  ];
  kind = rng.pick(kinds);
  switch (kind) {
    case 'string-field': {
      const spots = leaves(body ?? {});
      const strings = spots.filter((l) => typeof l.value === 'string');
      const spot = rng.pick(strings.length ? strings : spots);
      body = setAt(body ?? {}, spot.path, rng.pick(HOSTILE_STRINGS));
      kind = `string-field ${spot.path.join('.')}`;
      break;
    }
    case 'wrong-type': {
      const spot = rng.pick(leaves(body ?? {}));
      body = setAt(body ?? {}, spot.path, rng.pick(WRONG_TYPES));
      kind = `wrong-type ${spot.path.join('.') || '(body)'}`;
      break;
    }
    case 'mass-assignment': {
      const declared = declaredFields(doc, op.body!);
      const extra = Object.entries(MASS_FIELDS).filter(([name]) => !declared.has(name));
      const chosen = extra.filter(() => rng.chance(0.5));
      const fields = chosen.length ? chosen : extra.slice(0, 1);
      if (typeof body === 'object' && body !== null && !Array.isArray(body) && fields.length) {
        rawBody = JSON.stringify(body)
          .replace(/^\{/, `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`).join('')}`)
          .replace(/,\}$/, '}');
        massAssignment = true;
        kind = `mass-assignment ${fields.map(([k]) => k).join(',')}`;
      }
      break;
    }
    case 'huge-body': {
      rawBody = JSON.stringify({ ...(body as object), padding: 'x'.repeat(70 * 1024) });
      break;
    }
    case 'nested-body': {
      rawBody = deeplyNested(rng.pick([100, 2000, 10_000]), rng.pick(['object', 'array'] as const));
      break;
    }
    case 'invalid-json': {
      rawBody = rng.pick(INVALID_JSON);
      kind = `invalid-json ${JSON.stringify(rawBody.slice(0, 30))}`;
      break;
    }
    case 'content-type': {
      const type = rng.pick(WRONG_CONTENT_TYPES);
      headers['Content-Type'] = type;
      rawBody = body === undefined ? 'title=x' : JSON.stringify(body);
      kind = `content-type ${type}`;
      break;
    }
    case 'path-param': {
      const p = rng.pick(pathParams);
      const hostile = rng.chance(0.2)
        ? rng.pick(['%00', '%ZZ', '..%2F..%2Fadmin', '%2e%2e'])
        : encode(rng.pick([...HOSTILE_STRINGS, ...WRONG_TYPES]));
      pathValues[p.name] = hostile || '%20';
      kind = `path-param ${p.name}=${hostile.slice(0, 30)}`;
      break;
    }
    case 'query-param': {
      const p = rng.pick(queryParams);
      const value = rng.pick([...HOSTILE_STRINGS, ...WRONG_TYPES]);
      query[p.name] = typeof value === 'string' ? value : JSON.stringify(value);
      kind = `query-param ${p.name}=${JSON.stringify(query[p.name]).slice(0, 30)}`;
      break;
    }
    case 'unknown-query': {
      query[rng.pick(['tenantId', 'role', 'debug', '__proto__', 'q\u0000'])] = rng.pick(HOSTILE_STRINGS);
      break;
    }
    case 'header': {
      const [name, value] = rng.pick([
        ['Idempotency-Key', 'k'.repeat(300)],
        ['Idempotency-Key', ' spaced key '],
        ['Idempotency-Key', 'clé-é'],
        ['Idempotency-Key', `fuzz-${rng.int(1e9)}`],
        ['X-Request-Id', 'x'.repeat(500)],
        ['Last-Event-ID', 'not-a-number'],
        ['Last-Event-ID', '99999999999999999999999'],
        ['Last-Event-ID', '-1'],
        ['Accept', 'text/html'],
        ['Origin', 'null'],
        ['X-Forwarded-For', '1.1.1.1, \t, ::1'],
      ] as const);
      headers[name] = value;
      kind = `header ${name}: ${value.slice(0, 30)}`;
      break;
    }
  }
  if (rawBody === undefined && body !== undefined) rawBody = JSON.stringify(body);
  if (rawBody !== undefined) headers['Content-Type'] ??= 'application/json';
  const path =
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name] ?? '') +
    (Object.keys(query).length
      ? `?${Object.entries(query)
          .map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`)
          .join('&')}`
      : '');
  return { kind, role, path, headers, ...(rawBody !== undefined ? { body: rawBody } : {}), massAssignment };
}

/** After a fuzzed call that changed what the run depends on (its keys, its origin), adopt or undo it. */
async function keepRunnable(op: ApiOperation, a: Attack, out: Outcome): Promise<void> {
  if (out.status < 200 || out.status >= 300) return;
  if (op.key === 'POST /v1/admin/keys/rotate') {
    const kind = (JSON.parse(a.body ?? '{}') as { kind?: keyof typeof keys }).kind;
    const key = (out.body as { key?: string }).key;
    if (kind && key) keys[kind] = key;
  }
  if (op.key === 'PATCH /v1/admin/settings') {
    const res = await call(ctx.app, 'PATCH', '/v1/admin/settings', {
      key: keys.secret,
      body: { allowedOrigins: [ORIGIN], allowGuests: true },
    });
    if (res.status !== 200) throw new Error(`settings not restored: ${res.status} ${res.text}`);
  }
}

interface Outcome {
  status: number;
  type: string | null;
  code: unknown;
  body?: unknown;
}

async function send(method: string, a: Attack, streams: boolean): Promise<Outcome> {
  const res = await ctx.app.request(a.path, {
    method,
    headers: a.headers,
    ...(a.body !== undefined && method !== 'GET' ? { body: a.body } : {}),
  });
  const type = res.headers.get('content-type');
  if (streams && res.status === 200) {
    await res.body?.cancel();
    return { status: res.status, type, code: undefined };
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, type, code: (body as { code?: unknown } | undefined)?.code, body };
}

function problems(label: string, out: Outcome): string[] {
  const found: string[] = [];
  if (out.status >= 500) found.push(`${label}: ${out.status} ${String(out.code)}`);
  if (out.status >= 400 && out.status < 500) {
    if (out.type !== 'application/problem+json') found.push(`${label}: ${out.status} as ${out.type}`);
    else if (typeof out.code !== 'string' || out.code === '')
      found.push(`${label}: ${out.status} without a code`);
  }
  return found;
}

describe(`fuzz from /openapi.json (seed ${SEED})`, () => {
  it('answers thousands of hostile requests on every operation with no 5xx and only problem+json 4xx', async () => {
    const rng = prng(SEED);
    const failures: string[] = [];
    let sent = 0;
    // DELETEs last, so that the rows the other operations are pointed at exist while they run.
    const targets = ops
      .filter((op) => op.roles?.length)
      .sort((x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'));
    expect(targets.length).toBeGreaterThan(60);
    for (const op of targets) {
      for (let i = 0; i < PER_OPERATION; i++) {
        const a = attack(op, rng);
        const label = `${op.key} as ${a.role} [${a.kind}] ${a.path.slice(0, 120)}`;
        let out: Outcome;
        try {
          out = await send(op.method, a, op.streams);
        } catch (error) {
          failures.push(`${label}: threw ${String(error)}`);
          continue;
        }
        sent += 1;
        await keepRunnable(op, a, out);
        failures.push(...problems(label, out));
        if (a.massAssignment && out.status !== 400)
          failures.push(`${label}: mass assignment answered ${out.status}`);
      }
    }
    expect(sent).toBeGreaterThan(2000);
    expect(
      failures,
      `seed ${SEED} (MM_FUZZ_SEED=${SEED} replays it)\n${unhandled.slice(0, 5).join('\n')}`,
    ).toEqual([]);
  }, 120_000);

  it('refuses hostile token claims on every user-level operation with 401 problem+json', async () => {
    const rng = prng(SEED + 1);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const now = Math.floor(ctx.clock.now().getTime() / 1000);
    const hostile = [
      { sub: 'a\u0000b', name: 'Eve' },
      { sub: 'eve', name: 'Eve\u0000' },
      { sub: 'eve\r\nx', name: 'Eve' },
      { sub: 'eve-crlf', name: 'Eve\r\nATTENDEE;CN=Evil:mailto:x@evil.example' },
      { sub: 'eve-ls', name: 'Eve\u2028X' },
      { sub: 'eve-del', name: 'Eve\u007f' },
      { sub: 'x'.repeat(201), name: 'Eve' },
      { sub: 'eve-long', name: 'E'.repeat(201) },
    ];
    const failures: string[] = [];
    const userOps = ops.filter((op) =>
      op.roles?.some((r) => r === 'learner' || r === 'mentor' || r === 'admin'),
    );
    for (const op of userOps) {
      for (const claims of hostile) {
        const signed = rng.chance(0.8);
        const payload = b64({ ...claims, iat: now, exp: now + 600 });
        const head = b64({ alg: 'HS256', typ: 'JWT' });
        const token = signed
          ? signUserToken({ secret: keys.identity, ...claims, now: ctx.clock.now() })
          : `${head}.${payload}.${createHmac('sha256', 'wrong').update(`${head}.${payload}`).digest('base64url')}`;
        const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
          name === 'dataset' ? 'requests.csv' : idFor(op.path),
        );
        const out = await send(
          op.method,
          {
            kind: 'claims',
            role: 'learner',
            path,
            headers: {
              Authorization: `Bearer ${keys.publishable}`,
              Origin: ORIGIN,
              'X-User-Token': token,
              'Content-Type': 'application/json',
            },
            ...(op.body ? { body: '{}' } : {}),
          },
          op.streams,
        );
        const label = `${op.key} with ${JSON.stringify(claims).slice(0, 60)} (${signed ? 'signed' : 'forged'})`;
        failures.push(...problems(label, out));
        if (out.status !== 401 || out.code !== 'invalid_user_token')
          failures.push(`${label}: ${out.status} ${String(out.code)}`);
      }
    }
    expect(failures, `seed ${SEED}`).toEqual([]);
  });

  it('wrote nothing a schema does not declare: no row carries an injected id or date', async () => {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' and data_type in ('uuid', 'timestamp with time zone')`.execute(ctx.db);
    const found: string[] = [];
    for (const c of columns.rows) {
      const value = c.data_type === 'uuid' ? MARK_ID : MARK_DATE;
      const hit = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(c.table_name)} where ${sql.ref(c.column_name)} = ${value}`.execute(
        ctx.db,
      );
      if ((hit.rows[0]?.n ?? 0) > 0) found.push(`${c.table_name}.${c.column_name}`);
    }
    expect(found).toEqual([]);
    // Guests and fuzzed users stayed learners: no token or body made anyone an admin.
    const admins = await ctx.db
      .selectFrom('users')
      .select('external_id')
      .where(sql<boolean>`'admin' = any(roles)`)
      .execute();
    expect(admins.map((u) => u.external_id).filter((sub) => sub !== 'fuzz-admin')).toEqual([]);
  });
});
