import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '../src/security/user-token.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor, mentorInput, snapshot } from './support/fixtures.js';
import { type CallOptions, call } from './support/http.js';

let ctx: TestContext;
let tenant: TestTenant;
let other: TestTenant;
let mentorId: string;
let requestId: string;
let threadId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await ctx.tenant({ origins: ['https://lms.example'] });
  other = await ctx.tenant({ origins: ['https://other.example'] });
  mentorId = (await createMentor(ctx, tenant, { externalId: 'mentor-1' })).id;
  const asked = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
    ...learner(),
    body: { title: 'Help with SQL joins in PostgreSQL', urgency: 'flexible' },
  });
  requestId = asked.body.request.id;
  const started = await call<{ id: string }>(ctx.app, 'POST', `/v1/requests/${requestId}/threads`, {
    ...learner(),
    body: { mentorId },
  });
  if (started.status !== 201) throw new Error(`thread: ${started.status} ${started.text}`);
  threadId = started.body.id;
});
afterAll(() => ctx.close());

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

interface Case {
  name: string;
  method: string;
  path: string | (() => string);
  options: () => CallOptions;
  status: number;
  code: string;
  field?: string;
}

const sk = (): CallOptions => ({ key: tenant.secretKey });
const learner = (sub = 'learner-1'): CallOptions => ({
  key: tenant.publishableKey,
  origin: 'https://lms.example',
  token: tenant.token({ sub }),
});
const mentor = (): CallOptions => ({
  key: tenant.publishableKey,
  origin: 'https://lms.example',
  token: tenant.token({ sub: 'mentor-1', roles: ['mentor'] }),
});
const withToken = (token: string): CallOptions => ({
  key: tenant.publishableKey,
  origin: 'https://lms.example',
  token,
});
const SOME_ID = '5b0c3a9e-0000-4000-8000-0000000000aa';
const now = () => Math.floor(ctx.clock.now().getTime() / 1000);

const cases: Case[] = [
  {
    name: 'name of the wrong type',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: mentorInput({ name: 42 as unknown as string }) }),
    status: 400,
    code: 'validation_failed',
    field: 'body.name',
  },
  {
    name: 'missing required name',
    method: 'POST',
    path: '/v1/mentors',
    options: () => {
      const { name: _n, ...rest } = mentorInput();
      return { ...sk(), body: rest };
    },
    status: 400,
    code: 'validation_failed',
    field: 'body.name',
  },
  {
    name: 'unknown field',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: { ...mentorInput(), salary: 100 } }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a 100 KB string',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: mentorInput({ bio: 'x'.repeat(100 * 1024) }) }),
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'a bio over 4000 characters',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: mentorInput({ bio: 'y'.repeat(4001) }) }),
    status: 400,
    code: 'validation_failed',
    field: 'body.bio',
  },
  {
    name: 'not a time zone',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: mentorInput({ timeZone: 'Mars/Olympus' }) }),
    status: 400,
    code: 'validation_failed',
    field: 'body.timeZone',
  },
  {
    name: 'unknown format',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: mentorInput({ formats: ['fax'] }) }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'negative years of experience',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: mentorInput({ yearsExperience: -3 }) }),
    status: 400,
    code: 'validation_failed',
    field: 'body.yearsExperience',
  },
  {
    name: 'no skills',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: mentorInput({ skills: [] }) }),
    status: 400,
    code: 'validation_failed',
    field: 'body.skills',
  },
  {
    name: 'skills that normalise to nothing',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: mentorInput({ skills: ['!!!', '---'] }) }),
    status: 400,
    code: 'validation_failed',
    field: 'body.skills',
  },
  {
    name: 'a language that is not ISO 639-1',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: mentorInput({ languages: ['english'] }) }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'status that does not exist',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: mentorInput({ status: 'superstar' }) }),
    status: 400,
    code: 'validation_failed',
    field: 'body.status',
  },
  {
    name: 'an array instead of an object',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), body: [mentorInput()] }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'JSON null',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), rawBody: 'null', headers: { 'Content-Type': 'application/json' } }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'malformed JSON',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), rawBody: '{"name": "x",', headers: { 'Content-Type': 'application/json' } }),
    status: 400,
    code: 'invalid_json',
  },
  {
    name: 'a text/plain body',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...sk(), rawBody: 'name=x', headers: { 'Content-Type': 'text/plain' } }),
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'a bad UUID in the path',
    method: 'GET',
    path: '/v1/mentors/not-a-uuid',
    options: sk,
    status: 400,
    code: 'validation_failed',
    field: 'param.id',
  },
  {
    name: 'a bad UUID on PATCH',
    method: 'PATCH',
    path: "/v1/mentors/1'or'1'='1",
    options: () => ({ ...sk(), body: { headline: 'x' } }),
    status: 400,
    code: 'validation_failed',
    field: 'param.id',
  },
  {
    name: 'a cursor we never issued',
    method: 'GET',
    path: '/v1/mentors?cursor=bm90LWEtY3Vyc29y',
    options: sk,
    status: 400,
    code: 'invalid_cursor',
  },
  {
    name: 'a cursor from another query',
    method: 'GET',
    path: `/v1/mentors?q=sql&cursor=${b64({ k: 'name', name: 'A', id: '00000000-0000-4000-8000-000000000000' })}`,
    options: sk,
    status: 400,
    code: 'invalid_cursor',
  },
  {
    name: 'a negative limit',
    method: 'GET',
    path: '/v1/mentors?limit=-1',
    options: sk,
    status: 400,
    code: 'validation_failed',
    field: 'query.limit',
  },
  {
    name: 'a zero limit',
    method: 'GET',
    path: '/v1/mentors?limit=0',
    options: sk,
    status: 400,
    code: 'validation_failed',
    field: 'query.limit',
  },
  {
    name: 'a huge limit',
    method: 'GET',
    path: '/v1/mentors?limit=1000000',
    options: sk,
    status: 400,
    code: 'validation_failed',
    field: 'query.limit',
  },
  {
    name: 'a non-numeric limit',
    method: 'GET',
    path: '/v1/mentors?limit=ten',
    options: sk,
    status: 400,
    code: 'validation_failed',
    field: 'query.limit',
  },
  {
    name: 'an unknown query parameter',
    method: 'GET',
    path: '/v1/mentors?colour=blue',
    options: sk,
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'an unknown format filter',
    method: 'GET',
    path: '/v1/mentors?format=fax',
    options: sk,
    status: 400,
    code: 'validation_failed',
    field: 'query.format',
  },
  {
    name: 'a 300-character search',
    method: 'GET',
    path: `/v1/mentors?q=${'a'.repeat(300)}`,
    options: sk,
    status: 400,
    code: 'validation_failed',
    field: 'query.q',
  },
  {
    name: 'a learner filtering by status',
    method: 'GET',
    path: '/v1/mentors?status=pending',
    options: () => learner(),
    status: 400,
    code: 'validation_failed',
    field: 'query.status',
  },
  {
    name: 'an empty PATCH',
    method: 'PATCH',
    path: () => `/v1/mentors/${mentorId}`,
    options: () => ({ ...sk(), body: {} }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a mentor setting their own status',
    method: 'PATCH',
    path: () => `/v1/mentors/${mentorId}`,
    options: () => ({ ...mentor(), body: { status: 'approved' } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.status',
  },
  {
    name: 'a learner editing a mentor',
    method: 'PATCH',
    path: () => `/v1/mentors/${mentorId}`,
    options: () => ({ ...learner(), body: { headline: 'pwned' } }),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'no Authorization header',
    method: 'GET',
    path: '/v1/mentors',
    options: () => ({}),
    status: 401,
    code: 'missing_api_key',
  },
  {
    name: 'a garbage Authorization header',
    method: 'GET',
    path: '/v1/mentors',
    options: () => ({ headers: { Authorization: 'Basic dXNlcjpwYXNz' } }),
    status: 401,
    code: 'invalid_api_key',
  },
  {
    name: 'an unknown secret key',
    method: 'GET',
    path: '/v1/mentors',
    options: () => ({ key: 'sk_ThisKeyDoesNotExistAnywhere0000' }),
    status: 401,
    code: 'invalid_api_key',
  },
  {
    name: 'an expired user token',
    method: 'GET',
    path: '/v1/me',
    options: () =>
      withToken(
        signUserToken({
          secret: tenant.identitySecret,
          sub: 'u',
          name: 'U',
          ttlSeconds: 60,
          now: new Date(ctx.clock.now().getTime() - 3600_000),
        }),
      ),
    status: 401,
    code: 'user_token_expired',
  },
  {
    name: 'a tampered user token',
    method: 'GET',
    path: '/v1/me',
    options: () => {
      const [h, , s] = tenant.token().split('.');
      return withToken(
        `${h}.${b64({ sub: 'learner-1', name: 'Lena', roles: ['admin'], iat: now(), exp: now() + 600 })}.${s}`,
      );
    },
    status: 401,
    code: 'invalid_user_token',
  },
  {
    name: 'an alg:none user token',
    method: 'GET',
    path: '/v1/me',
    options: () =>
      withToken(
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'u', name: 'U', iat: now(), exp: now() + 600 })}.`,
      ),
    status: 401,
    code: 'invalid_user_token',
  },
  {
    name: 'a token signed by another tenant',
    method: 'GET',
    path: '/v1/me',
    options: () => withToken(other.token()),
    status: 401,
    code: 'invalid_user_token',
  },
  {
    name: 'a token without sub',
    method: 'GET',
    path: '/v1/me',
    options: () => {
      const h = b64({ alg: 'HS256', typ: 'JWT' });
      const p = b64({ name: 'U', iat: now(), exp: now() + 600 });
      return withToken(
        `${h}.${p}.${createHmac('sha256', tenant.identitySecret).update(`${h}.${p}`).digest('base64url')}`,
      );
    },
    status: 401,
    code: 'invalid_user_token',
  },
  {
    name: 'a token that is not a JWT',
    method: 'GET',
    path: '/v1/me',
    options: () => withToken('hello'),
    status: 401,
    code: 'invalid_user_token',
  },
  {
    name: 'a publishable key from a foreign origin',
    method: 'GET',
    path: '/v1/mentors',
    options: () => ({ key: tenant.publishableKey, origin: 'https://attacker.example' }),
    status: 403,
    code: 'origin_not_allowed',
  },
  {
    name: 'a publishable key with no origin',
    method: 'GET',
    path: '/v1/mentors',
    options: () => ({ key: tenant.publishableKey }),
    status: 403,
    code: 'origin_not_allowed',
  },
  {
    name: 'a publishable key on a secret-only create',
    method: 'POST',
    path: '/v1/mentors',
    options: () => ({ ...learner(), body: mentorInput() }),
    status: 403,
    code: 'secret_key_required',
  },
  {
    name: 'a publishable key on a secret-only delete',
    method: 'DELETE',
    path: () => `/v1/mentors/${mentorId}`,
    options: () => learner(),
    status: 403,
    code: 'secret_key_required',
  },
  {
    name: 'applying without a user token',
    method: 'POST',
    path: '/v1/me/mentor',
    options: () => ({ key: tenant.publishableKey, origin: 'https://lms.example', body: {} }),
    status: 401,
    code: 'user_token_required',
  },
  {
    name: 'a rating of 6',
    method: 'POST',
    path: `/v1/bookings/${SOME_ID}/feedback`,
    options: () => ({ ...learner(), body: { rating: 6, solved: 'yes' } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.rating',
  },
  {
    name: 'a rating of 4.5',
    method: 'POST',
    path: `/v1/bookings/${SOME_ID}/feedback`,
    options: () => ({ ...learner(), body: { rating: 4.5, solved: 'yes' } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.rating',
  },
  {
    name: 'solved "maybe"',
    method: 'POST',
    path: `/v1/bookings/${SOME_ID}/feedback`,
    options: () => ({ ...learner(), body: { rating: 4, solved: 'maybe' } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.solved',
  },
  {
    name: 'a feedback comment over 2000 characters',
    method: 'POST',
    path: `/v1/bookings/${SOME_ID}/feedback`,
    options: () => ({ ...learner(), body: { rating: 4, solved: 'no', comment: 'x'.repeat(2001) } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.comment',
  },
  {
    name: '21 action items',
    method: 'PUT',
    path: `/v1/bookings/${SOME_ID}/notes`,
    options: () => ({
      ...mentor(),
      body: { summary: 'ok', actionItems: Array.from({ length: 21 }, (_, i) => ({ text: `Item ${i}` })) },
    }),
    status: 400,
    code: 'validation_failed',
    field: 'body.actionItems',
  },
  {
    name: 'an empty action item',
    method: 'PUT',
    path: `/v1/bookings/${SOME_ID}/notes`,
    options: () => ({ ...mentor(), body: { summary: 'ok', actionItems: [{ text: '   ' }] } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.actionItems.0.text',
  },
  {
    name: 'an action item that is not an id',
    method: 'POST',
    path: '/v1/action-items/not-an-id/done',
    options: learner,
    status: 400,
    code: 'validation_failed',
    field: 'param.id',
  },
  {
    name: 'a board label over 60 characters',
    method: 'PUT',
    path: () => `/v1/me/board/${mentorId}`,
    options: () => ({ ...learner(), body: { label: 'x'.repeat(61) } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.label',
  },
  {
    name: 'a mentor setting their own status',
    method: 'PATCH',
    path: '/v1/me/mentor',
    options: () => ({ ...mentor(), body: { status: 'approved' } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.status',
  },
  {
    name: 'an application with a status',
    method: 'POST',
    path: '/v1/me/mentor',
    options: () => ({
      ...learner(),
      body: { ...mentorInput(), name: undefined, status: 'approved' },
    }),
    status: 400,
    code: 'validation_failed',
    field: 'body.status',
  },
  {
    name: 'a guest session with a bad email',
    method: 'POST',
    path: '/v1/guest-sessions',
    options: () => ({
      key: other.publishableKey,
      origin: 'https://other.example',
      body: { name: 'G', email: 'not-an-email' },
    }),
    status: 400,
    code: 'validation_failed',
    field: 'body.email',
  },
  {
    name: 'a message of 4001 characters',
    method: 'POST',
    path: () => `/v1/threads/${threadId}/messages`,
    options: () => ({ ...learner(), body: { body: 'x'.repeat(4001) } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.body',
  },
  {
    name: 'a message that is only whitespace',
    method: 'POST',
    path: () => `/v1/threads/${threadId}/messages`,
    options: () => ({ ...learner(), body: { body: ' \n\t ' } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.body',
  },
  {
    name: 'a message body that is not text',
    method: 'POST',
    path: () => `/v1/threads/${threadId}/messages`,
    options: () => ({ ...learner(), body: { body: { html: '<b>hi</b>' } } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.body',
  },
  {
    name: 'a message with a NUL character',
    method: 'POST',
    path: () => `/v1/threads/${threadId}/messages`,
    options: () => ({ ...learner(), body: { body: 'a\u0000b' } }),
    status: 400,
    code: 'invalid_characters',
    field: 'body.body',
  },
  {
    name: 'a message without a body',
    method: 'POST',
    path: () => `/v1/threads/${threadId}/messages`,
    options: () => ({ ...learner(), body: {} }),
    status: 400,
    code: 'validation_failed',
    field: 'body.body',
  },
  {
    name: 'a message with an unknown field',
    method: 'POST',
    path: () => `/v1/threads/${threadId}/messages`,
    options: () => ({ ...learner(), body: { body: 'hi', html: true } }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a message to a thread id that is not an id',
    method: 'POST',
    path: '/v1/threads/not-a-thread/messages',
    options: () => ({ ...learner(), body: { body: 'hi' } }),
    status: 400,
    code: 'validation_failed',
    field: 'param.id',
  },
  {
    name: 'marking read up to a message id that is not an id',
    method: 'POST',
    path: () => `/v1/threads/${threadId}/read`,
    options: () => ({ ...learner(), body: { messageId: 'last' } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.messageId',
  },
  {
    name: 'messages in an unknown order',
    method: 'GET',
    path: () => `/v1/threads/${threadId}/messages?order=sideways`,
    options: () => learner(),
    status: 400,
    code: 'validation_failed',
    field: 'query.order',
  },
  {
    name: 'a thread cursor that was never issued',
    method: 'GET',
    path: () => `/v1/threads/${threadId}/messages?cursor=${b64({ seq: 'x' })}`,
    options: () => learner(),
    status: 400,
    code: 'invalid_cursor',
  },
  {
    name: 'a request thread with a mentorId that is not an id',
    method: 'POST',
    path: () => `/v1/requests/${requestId}/threads`,
    options: () => ({ ...learner(), body: { mentorId: 'grace' } }),
    status: 400,
    code: 'validation_failed',
    field: 'body.mentorId',
  },
  {
    name: 'live events resumed from a Last-Event-ID that is not an event id',
    method: 'GET',
    path: '/v1/events',
    options: () => ({ ...learner(), headers: { 'Last-Event-ID': '12; drop table events' } }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'live events without a user token',
    method: 'GET',
    path: '/v1/events',
    options: () => ({ key: tenant.publishableKey, origin: 'https://lms.example' }),
    status: 401,
    code: 'user_token_required',
  },
  {
    name: 'a route that does not exist',
    method: 'GET',
    path: '/v1/mentorz',
    options: sk,
    status: 404,
    code: 'route_not_found',
  },
];

describe('bad input', () => {
  it('has at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name → $status $code, nothing changed', async (c) => {
    // Seen users are recorded on first sight (that is authentication, not the change being
    // attempted); warm them up so the snapshot compares only what the bad request tried to do.
    await call(ctx.app, 'GET', '/v1/me', learner());
    await call(ctx.app, 'GET', '/v1/me', mentor());
    const before = await snapshot(ctx);
    const res = await call<{
      code: string;
      status: number;
      detail: string;
      requestId: string;
      errors?: { path: string }[];
    }>(ctx.app, c.method, typeof c.path === 'function' ? c.path() : c.path, c.options());
    expect(res.status, res.text).toBe(c.status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: c.status, code: c.code });
    expect(res.body.detail.length).toBeGreaterThan(10);
    expect(res.body.requestId).toBeTruthy();
    if (c.field) expect(res.body.errors?.map((e) => e.path)).toContain(c.field);
    expect(await snapshot(ctx)).toEqual(before);
  });
});
