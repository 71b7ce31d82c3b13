import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ConnectionError,
  type Mentor,
  Micromentor,
  MicromentorError,
  NotFoundError,
  ValidationError,
} from '../src/index.js';
import { caught } from './helpers/caught.js';
import { sendJson, sendProblem, startServer, type TestServer } from './helpers/http-server.js';

const mentor: Mentor = {
  id: 'b7a3c1de-0000-4000-8000-000000000001',
  externalId: null,
  name: 'Grace Hopper',
  headline: 'Compilers',
  bio: '',
  skills: ['cobol'],
  yearsExperience: 40,
  languages: ['en'],
  timeZone: 'America/New_York',
  formats: ['video', 'chat'],
  status: 'approved',
  stats: { sessions: 3, rating: 4.7, ratingCount: 3, medianResponseMinutes: null },
  badges: [],
  hasCallBridge: false,
};

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    'GET /v1/me': (_req, res) => sendJson(res, 200, { tenant: { id: 't1', name: 'Acme' }, user: null }),
    'GET /v1/mentors': (_req, res) => sendJson(res, 200, { data: [mentor], nextCursor: 'c2' }),
    [`GET /v1/mentors/${mentor.id}`]: (_req, res) => sendJson(res, 200, mentor),
    'GET /v1/mentors/missing': (_req, res) =>
      sendProblem(res, 404, {
        title: 'Not Found',
        detail: 'No mentor with this id.',
        code: 'not_found',
        requestId: 'req_404',
      }),
    'POST /v1/conflict': (_req, res) =>
      sendProblem(res, 409, {
        title: 'Conflict',
        detail: 'That slot was just taken.',
        code: 'slot_unavailable',
        requestId: 'req_409',
      }),
    'POST /v1/invalid': (_req, res) =>
      sendProblem(res, 422, {
        title: 'Validation failed',
        detail: 'The request has invalid fields.',
        code: 'validation_failed',
        requestId: 'req_422',
        errors: [{ path: 'title', message: 'Required' }],
      }),
    'GET /v1/unavailable': (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html', 'x-request-id': 'req_proxy' });
      res.end('<h1>Service Unavailable</h1>');
    },
    'GET /v1/drop': (req) => req.socket.destroy(),
    'GET /v1/hang': () => {},
    'GET /v1/no-content': (_req, res) => {
      res.writeHead(204);
      res.end();
    },
  });
});

afterAll(() => server.close());

function lastRequest() {
  const request = server.requests.at(-1);
  if (!request) throw new Error('the server saw no request');
  return request;
}

describe('Micromentor client: requests', () => {
  it('sends the publishable key and the user token', async () => {
    const client = new Micromentor({
      baseUrl: server.baseUrl,
      publishableKey: 'pk_test',
      userToken: 'jwt.one',
    });
    await expect(client.me.get()).resolves.toEqual({ tenant: { id: 't1', name: 'Acme' }, user: null });
    const { method, url, headers } = lastRequest();
    expect(method).toBe('GET');
    expect(url).toBe('/v1/me');
    expect(headers.authorization).toBe('Bearer pk_test');
    expect(headers['x-user-token']).toBe('jwt.one');
    expect(headers['content-type']).toBeUndefined();
  });

  it('prefers the secret key and follows setUserToken', async () => {
    const client = new Micromentor({
      baseUrl: `${server.baseUrl}/`,
      publishableKey: 'pk_test',
      secretKey: 'sk_test',
    });
    await client.me.get();
    expect(lastRequest().headers.authorization).toBe('Bearer sk_test');
    expect(lastRequest().headers['x-user-token']).toBeUndefined();

    client.setUserToken('jwt.two');
    expect(client.userToken).toBe('jwt.two');
    await client.me.get();
    expect(lastRequest().headers['x-user-token']).toBe('jwt.two');

    client.setUserToken(undefined);
    expect(client.userToken).toBeUndefined();
    await client.me.get();
    expect(lastRequest().headers['x-user-token']).toBeUndefined();
  });

  it('lists mentors with the query encoded and gets one by id', async () => {
    const client = new Micromentor({ baseUrl: server.baseUrl, publishableKey: 'pk_test' });
    const page = await client.mentors.list({
      limit: 2,
      q: 'sql joins',
      skills: ['sql', 'c++'],
      cursor: undefined,
    });
    expect(page).toEqual({ data: [mentor], nextCursor: 'c2' });
    expect(lastRequest().url).toBe('/v1/mentors?limit=2&q=sql+joins&skills=sql&skills=c%2B%2B');

    await expect(client.mentors.get(mentor.id)).resolves.toEqual(mentor);
    expect(lastRequest().url).toBe(`/v1/mentors/${mentor.id}`);
  });

  it('sends a JSON body with its content type', async () => {
    const client = new Micromentor({ baseUrl: server.baseUrl, secretKey: 'sk_test' });
    await caught(client.request('POST', '/v1/conflict', { body: { start: '2026-12-01T10:00:00Z' } }));
    const { headers, body } = lastRequest();
    expect(headers['content-type']).toBe('application/json');
    expect(JSON.parse(body)).toEqual({ start: '2026-12-01T10:00:00Z' });
  });

  it('returns undefined for 204 No Content', async () => {
    const client = new Micromentor({ baseUrl: server.baseUrl, secretKey: 'sk_test' });
    await expect(client.request('GET', '/v1/no-content')).resolves.toBeUndefined();
  });

  it('refuses to start without a key or with a bad base URL', () => {
    expect(() => new Micromentor({ baseUrl: server.baseUrl })).toThrow(TypeError);
    expect(() => new Micromentor({ baseUrl: 'not a url', publishableKey: 'pk' })).toThrow(TypeError);
    expect(() => new Micromentor({ baseUrl: server.baseUrl, publishableKey: 'pk', timeoutMs: 0 })).toThrow(
      RangeError,
    );
    for (const maxRetries of [-1, 1.5, Number.NaN]) {
      expect(() => new Micromentor({ baseUrl: server.baseUrl, publishableKey: 'pk', maxRetries })).toThrow(
        RangeError,
      );
    }
  });
});

describe('Micromentor client: errors', () => {
  // Retries have their own suite (retry.test.ts); here one attempt shows the mapping.
  const client = () =>
    new Micromentor({ baseUrl: server.baseUrl, secretKey: 'sk_test', timeoutMs: 300, maxRetries: 0 });

  it('throws NotFoundError for a 404 problem', async () => {
    const error = await caught(client().mentors.get('missing'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      requestId: 'req_404',
      message: 'No mentor with this id.',
      problem: { title: 'Not Found', status: 404, code: 'not_found', requestId: 'req_404' },
    });
  });

  it('throws ConflictError for a 409 problem', async () => {
    const error = await caught(client().request('POST', '/v1/conflict', { body: {} }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'slot_unavailable', requestId: 'req_409' });
  });

  it('throws ValidationError listing the offending fields', async () => {
    const error = await caught(client().request('POST', '/v1/invalid', { body: {} }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ path: 'title', message: 'Required' }]);
  });

  it('throws a plain MicromentorError for a 503 that is not problem+json', async () => {
    const error = await caught(client().request('GET', '/v1/unavailable'));
    expect(error).toBeInstanceOf(MicromentorError);
    expect((error as MicromentorError).constructor).toBe(MicromentorError);
    expect(error).toMatchObject({ status: 503, code: 'http_503', requestId: 'req_proxy', problem: null });
  });

  it('throws ConnectionError when the server drops the connection', async () => {
    const error = await caught(client().request('GET', '/v1/drop'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ status: 0, code: 'connection_failed', requestId: null });
  });

  it('throws ConnectionError when nothing is listening', async () => {
    const closed = await startServer({});
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await caught(new Micromentor({ baseUrl, publishableKey: 'pk', maxRetries: 0 }).me.get());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'connection_failed' });
  });

  it('throws ConnectionError with code timeout after timeoutMs', async () => {
    const started = Date.now();
    const error = await caught(client().request('GET', '/v1/hang'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ status: 0, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("rethrows the caller's own abort unchanged", async () => {
    const controller = new AbortController();
    const pending = caught(client().request('GET', '/v1/hang', { signal: controller.signal }));
    controller.abort();
    const error = await pending;
    expect(error).not.toBeInstanceOf(MicromentorError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});
