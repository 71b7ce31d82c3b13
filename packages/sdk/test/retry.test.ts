import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ConnectionError,
  Micromentor,
  MicromentorError,
  type MicromentorOptions,
  RateLimitError,
  TimeoutError,
} from '../src/index.js';
import { backoffMs, parseRetryAfter } from '../src/internal/retry.js';
import { randomId } from '../src/internal/uuid.js';
import { caught } from './helpers/caught.js';
import { type Handler, sendJson, sendProblem, startServer, type TestServer } from './helpers/http-server.js';

/**
 * Reliability against a small local HTTP server that fails on purpose. Each route keeps its
 * own attempt counter, so a test reads how many times the client really called.
 */
let server: TestServer;
const attempts = new Map<string, number>();
const arrivals = new Map<string, number[]>();

/** Answers attempt n (0-based) with `script[n]`, repeating the last entry. */
function scripted(name: string, script: Handler[]): Handler {
  return (req, res, body) => {
    const n = attempts.get(name) ?? 0;
    attempts.set(name, n + 1);
    arrivals.set(name, [...(arrivals.get(name) ?? []), performance.now()]);
    (script[Math.min(n, script.length - 1)] as Handler)(req, res, body);
  };
}

const drop: Handler = (req) => req.socket.destroy();
const hang: Handler = () => {};
const created: Handler = (_req, res) => sendJson(res, 201, { id: 'b1' });
const ok: Handler = (_req, res) => sendJson(res, 200, { ok: true });
const unavailable: Handler = (_req, res) =>
  sendProblem(res, 503, { title: 'Service Unavailable', detail: 'Try again.', code: 'unavailable' });
const rateLimited =
  (retryAfter: string): Handler =>
  (_req, res) => {
    res.writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': retryAfter });
    res.end(
      JSON.stringify({
        status: 429,
        title: 'Too Many Requests',
        detail: 'Slow down.',
        code: 'rate_limited',
        requestId: 'req_429',
      }),
    );
  };
const problem =
  (status: number, code: string): Handler =>
  (_req, res) =>
    sendProblem(res, status, { title: 'No', detail: `Refused: ${code}`, code });

const routes: Record<string, Handler[]> = {
  'GET /v1/drop-once': [drop, ok],
  'POST /v1/503-then-201': [unavailable, created],
  'GET /v1/429-seconds': [rateLimited('1'), ok],
  'GET /v1/429-date': [rateLimited(new Date(Date.now() - 60_000).toUTCString()), ok],
  'GET /v1/429-long': [rateLimited('120'), ok],
  'GET /v1/always-503': [unavailable],
  'GET /v1/always-drop': [drop],
  'GET /v1/hang': [hang],
  'GET /v1/backoff': [unavailable, unavailable, ok],
  'POST /v1/409': [problem(409, 'slot_unavailable')],
  'POST /v1/400': [problem(400, 'validation_failed')],
  'GET /v1/401': [problem(401, 'invalid_api_key')],
  'GET /v1/403': [problem(403, 'forbidden')],
  'GET /v1/404': [problem(404, 'not_found')],
  'POST /v1/422': [problem(422, 'idempotency_key_reused')],
  'POST /v1/keys': [created],
  'PUT /v1/keys': [ok],
  'PATCH /v1/keys': [ok],
  'DELETE /v1/keys': [(_req, res) => res.writeHead(204).end()],
  'GET /v1/keys': [ok],
};

beforeAll(async () => {
  server = await startServer(
    Object.fromEntries(Object.entries(routes).map(([route, script]) => [route, scripted(route, script)])),
  );
});
afterAll(() => server.close());

function client(options: Partial<MicromentorOptions> = {}): Micromentor {
  return new Micromentor({
    baseUrl: server.baseUrl,
    secretKey: 'sk_test',
    retry: { baseDelayMs: 20, random: () => 0.5 },
    ...options,
  });
}

const callsTo = (route: string): number => attempts.get(route) ?? 0;
const requestsTo = (route: string) => {
  const [method, path] = route.split(' ');
  return server.requests.filter((r) => r.method === method && r.url === path);
};

describe('retries', () => {
  it('retries a dropped connection and returns the next attempt’s answer', async () => {
    await expect(client().request('GET', '/v1/drop-once')).resolves.toEqual({ ok: true });
    expect(callsTo('GET /v1/drop-once')).toBe(2);
  });

  it('answers 503 then 201 with one result, both attempts carrying the same Idempotency-Key', async () => {
    await expect(client().request('POST', '/v1/503-then-201', { body: { a: 1 } })).resolves.toEqual({
      id: 'b1',
    });
    const sent = requestsTo('POST /v1/503-then-201');
    expect(sent).toHaveLength(2);
    const [first, second] = sent.map((r) => r.headers['idempotency-key']);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toBe(first);
    expect(sent.map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}']);
  });

  it('waits as long as a 429’s Retry-After (in seconds) says before retrying', async () => {
    const started = performance.now();
    await expect(client().request('GET', '/v1/429-seconds')).resolves.toEqual({ ok: true });
    expect(callsTo('GET /v1/429-seconds')).toBe(2);
    const [first = 0, second = 0] = arrivals.get('GET /v1/429-seconds') ?? [];
    expect(second - first).toBeGreaterThanOrEqual(990);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    await expect(client().request('GET', '/v1/429-date')).resolves.toEqual({ ok: true });
    expect(callsTo('GET /v1/429-date')).toBe(2);
  });

  it('does not retry when Retry-After asks for longer than maxDelayMs, and says when to come back', async () => {
    const error = await caught(client().request('GET', '/v1/429-long'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limited',
      requestId: 'req_429',
      retryAfterMs: 120_000,
    });
    expect(callsTo('GET /v1/429-long')).toBe(1);
  });

  it('gives up after two retries (three attempts) and throws the last error', async () => {
    const error = await caught(client().request('GET', '/v1/always-503'));
    expect(error).toBeInstanceOf(MicromentorError);
    expect(error).toMatchObject({ status: 503, code: 'unavailable' });
    expect(callsTo('GET /v1/always-503')).toBe(3);

    const dropped = await caught(client().request('GET', '/v1/always-drop'));
    expect(dropped).toBeInstanceOf(ConnectionError);
    expect(dropped).toMatchObject({ code: 'connection_failed', status: 0 });
    expect(callsTo('GET /v1/always-drop')).toBe(3);
  });

  it('obeys maxRetries from the client and from the call', async () => {
    attempts.delete('GET /v1/always-503');
    await caught(client({ maxRetries: 0 }).request('GET', '/v1/always-503'));
    expect(callsTo('GET /v1/always-503')).toBe(1);
    await caught(client({ maxRetries: 0 }).request('GET', '/v1/always-503', { maxRetries: 1 }));
    expect(callsTo('GET /v1/always-503')).toBe(3);
  });

  it.each([
    ['POST /v1/409', ConflictError],
    ['POST /v1/400', MicromentorError],
    ['GET /v1/401', MicromentorError],
    ['GET /v1/403', MicromentorError],
    ['GET /v1/404', MicromentorError],
    ['POST /v1/422', MicromentorError],
  ])('never retries %s: a 4xx other than 429 is an answer', async (route, ErrorClass) => {
    const [method, path] = route.split(' ') as ['GET' | 'POST', string];
    const error = await caught(client().request(method, path, method === 'POST' ? { body: {} } : {}));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(callsTo(route)).toBe(1);
  });

  it('backs off exponentially, jittered by the injected random source', async () => {
    await client({ retry: { baseDelayMs: 100, random: () => 0 } }).request('GET', '/v1/backoff');
    const [a = 0, b = 0, c = 0] = arrivals.get('GET /v1/backoff') ?? [];
    // random 0 → half of 100·2ⁿ: 50 ms, then 100 ms (upper bounds loose for busy machines).
    expect(b - a).toBeGreaterThanOrEqual(48);
    expect(c - b).toBeGreaterThanOrEqual(98);
    expect(c - b).toBeGreaterThan(b - a);
    expect(c - a).toBeLessThan(1_000);
  });
});

describe('timeouts and aborts', () => {
  it('throws TimeoutError (a ConnectionError) after timeoutMs and does not retry a hung call', async () => {
    const started = performance.now();
    const error = await caught(client({ timeoutMs: 200 }).request('GET', '/v1/hang'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ status: 0, code: 'timeout' });
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(callsTo('GET /v1/hang')).toBe(1);
  });

  it('takes a per-call timeout over the client’s', async () => {
    const started = performance.now();
    const error = await caught(client({ timeoutMs: 60_000 }).request('GET', '/v1/hang', { timeoutMs: 100 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('keeps retries and waits inside the timeout: a wait that would overrun it ends the call', async () => {
    attempts.delete('GET /v1/always-drop');
    const started = performance.now();
    const error = await caught(
      client({ timeoutMs: 1_000, retry: { baseDelayMs: 400, random: () => 1 } }).request(
        'GET',
        '/v1/always-drop',
      ),
    );
    // Attempt 1 fails at once, waits 400 ms, attempt 2 fails; the next wait (800 ms) would overrun,
    // so the call ends there with the network error rather than sleeping into a timeout.
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(callsTo('GET /v1/always-drop')).toBe(2);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rejects with the caller’s abort reason during a backoff wait, without another attempt', async () => {
    attempts.delete('GET /v1/always-503');
    const controller = new AbortController();
    const pending = caught(
      client({ retry: { baseDelayMs: 5_000 } }).request('GET', '/v1/always-503', {
        signal: controller.signal,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reason = new Error('user navigated away');
    controller.abort(reason);
    expect(await pending).toBe(reason);
    expect(callsTo('GET /v1/always-503')).toBe(1);
  });

  it('does not start a call whose signal is already aborted', async () => {
    attempts.delete('GET /v1/keys');
    const error = await caught(client().request('GET', '/v1/keys', { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(callsTo('GET /v1/keys')).toBe(0);
  });
});

describe('idempotency keys', () => {
  it('gives each writing call its own key and GET none', async () => {
    const mm = client();
    await mm.request('POST', '/v1/keys', { body: {} });
    await mm.request('POST', '/v1/keys', { body: {} });
    await mm.request('PUT', '/v1/keys', { body: {} });
    await mm.request('PATCH', '/v1/keys', { body: {} });
    await mm.request('DELETE', '/v1/keys');
    await mm.request('GET', '/v1/keys');
    const keyOf = (method: string) =>
      server.requests
        .filter((r) => r.url === '/v1/keys' && r.method === method)
        .map((r) => r.headers['idempotency-key']);
    const [one, two] = keyOf('POST');
    expect(one).toBeTypeOf('string');
    expect(two).toBeTypeOf('string');
    expect(one).not.toBe(two);
    for (const method of ['PUT', 'PATCH', 'DELETE']) expect(keyOf(method)[0]).toBeTypeOf('string');
    expect(keyOf('GET').at(-1)).toBeUndefined();
  });

  it('sends the caller’s own key when given, on every attempt', async () => {
    attempts.delete('POST /v1/503-then-201');
    const before = requestsTo('POST /v1/503-then-201').length;
    await client().request('POST', '/v1/503-then-201', { body: {}, idempotencyKey: 'order-42' });
    const sent = requestsTo('POST /v1/503-then-201').slice(before);
    expect(sent.map((r) => r.headers['idempotency-key'])).toEqual(['order-42', 'order-42']);
  });
});

describe('backoff and Retry-After arithmetic', () => {
  it('waits between half and all of base·2ⁿ', () => {
    expect([0, 1, 2].map((n) => backoffMs(n, 500, () => 0))).toEqual([250, 500, 1000]);
    expect([0, 1, 2].map((n) => backoffMs(n, 500, () => 0.999999))).toEqual([500, 1000, 2000]);
    expect(backoffMs(1, 500, () => 0.5)).toBe(750);
  });

  it('reads delta-seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-1', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('idempotency keys on pages without randomUUID', () => {
  it('still sends a random v4 UUID where crypto.randomUUID is missing (plain-http pages)', async () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true, writable: true });
    try {
      const keys = new Set<string>();
      for (let i = 0; i < 20; i++) keys.add(randomId());
      expect(keys.size).toBe(20);
      for (const key of keys)
        expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      await client().request('POST', '/v1/keys', { body: {} });
      expect(server.requests.at(-1)?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true, writable: true });
    }
  });
});
