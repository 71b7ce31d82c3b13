// Finding 5 (NUL and other control characters reached PostgreSQL: 500s) and finding 7 (a CR/LF in
// a name became a line of its own in a calendar file), each at the one place that handles it.
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '../../src/security/user-token.js';
import { asLearner, book, bookableMentor } from '../support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from '../support/context.js';
import { createMentor, snapshot } from '../support/fixtures.js';
import { type CallOptions, call } from '../support/http.js';
import { readContentLines } from '../support/ics-lines.js';

type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

let ctx: TestContext;
let t: TestTenant;
let mentorId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  t = await ctx.tenant({ origins: ['https://hostile.example'], settings: { allowGuests: true } });
  mentorId = (await createMentor(ctx, t, { externalId: 'hostile-mentor' })).id;
});
afterAll(() => ctx.close());

const learner = (sub = 'hostile-learner'): CallOptions => ({
  key: t.publishableKey,
  origin: 'https://hostile.example',
  token: t.token({ sub }),
});
const sk = (): CallOptions => ({ key: t.secretKey });

describe('control characters in request input', () => {
  const cases: {
    name: string;
    method: string;
    path: () => string;
    options: () => CallOptions;
    field: string;
  }[] = [
    {
      name: 'NUL in a multi-line body field (request details)',
      method: 'POST',
      path: () => '/v1/requests',
      options: () => ({ ...learner(), body: { title: 'Joins', details: 'a\u0000b' } }),
      field: 'body.details',
    },
    {
      name: 'NUL in a nested body field (request context)',
      method: 'POST',
      path: () => '/v1/requests',
      options: () => ({ ...learner(), body: { title: 'Joins', context: { selection: 'x\u0000' } } }),
      field: 'body.context.selection',
    },
    {
      name: 'NUL in an array item (skills)',
      method: 'POST',
      path: () => '/v1/requests',
      options: () => ({ ...learner(), body: { title: 'Joins', skills: ['sql', 's\u0000l'] } }),
      field: 'body.skills.1',
    },
    {
      name: 'ESC in a mentor bio',
      method: 'PATCH',
      path: () => `/v1/mentors/${mentorId}`,
      options: () => ({ ...sk(), body: { bio: 'colours \u001b[31m red' } }),
      field: 'body.bio',
    },
    {
      name: 'DEL in feedback-like free text (a board label)',
      method: 'PUT',
      path: () => `/v1/me/board/${mentorId}`,
      options: () => ({ ...learner(), body: { label: 'sql\u007f' } }),
      field: 'body.label',
    },
    {
      name: 'an unpaired surrogate in a message-like text (request details)',
      method: 'POST',
      path: () => '/v1/requests',
      options: () => ({ ...learner(), rawBody: '{"title":"Joins","details":"a\\ud800b"}', headers: json }),
      field: 'body.details',
    },
    {
      name: 'CR/LF in a one-line field (a mentor’s name)',
      method: 'PATCH',
      path: () => `/v1/mentors/${mentorId}`,
      options: () => ({ ...sk(), body: { name: 'Eve\r\nATTENDEE;CN=Evil:mailto:x@evil.example' } }),
      field: 'body.name',
    },
    {
      name: 'U+2028 in a one-line field (a request title)',
      method: 'POST',
      path: () => '/v1/requests',
      options: () => ({ ...learner(), body: { title: 'Joins\u2028second line' } }),
      field: 'body.title',
    },
    {
      name: 'a line break in the program’s name (branding)',
      method: 'PATCH',
      path: () => '/v1/admin/settings',
      options: () => ({ ...sk(), body: { branding: { name: 'Academy\r\nX-INJECTED:1' } } }),
      field: 'body.branding.name',
    },
    {
      name: 'NUL in a query string (mentor search)',
      method: 'GET',
      path: () => '/v1/mentors?q=sql%00joins',
      options: learner,
      field: 'query.q',
    },
    {
      name: 'a line feed in a query string',
      method: 'GET',
      path: () => '/v1/mentors?q=sql%0Ajoins',
      options: learner,
      field: 'query.q',
    },
    {
      name: 'NUL in a path parameter (a calendar feed file)',
      method: 'GET',
      path: () => '/calendar/abc%00def.ics',
      options: () => ({}),
      field: 'param.file',
    },
  ];
  const json = { 'Content-Type': 'application/json' };

  it.each(cases)('$name → 400 invalid_characters naming the field, nothing stored', async (c) => {
    await call(ctx.app, 'GET', '/v1/me', learner());
    const before = await snapshot(ctx);
    const res = await call<Problem>(ctx.app, c.method, c.path(), c.options());
    expect(res.status, res.text).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.code).toBe('invalid_characters');
    expect(res.body.errors?.map((e) => e.path)).toContain(c.field);
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('keeps tab and line breaks in multi-line text (request details, messages)', async () => {
    const asked = await call<{ request: { id: string; details: string } }>(ctx.app, 'POST', '/v1/requests', {
      ...learner(),
      body: { title: 'Joins — שלום 😀', details: 'first line\r\n\tsecond line\nthird' },
    });
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body.request.details).toBe('first line\r\n\tsecond line\nthird');
    const thread = await call<{ id: string }>(
      ctx.app,
      'POST',
      `/v1/requests/${asked.body.request.id}/threads`,
      {
        ...learner(),
        body: { mentorId },
      },
    );
    expect(thread.status, thread.text).toBe(201);
    const posted = await call<{ body: string }>(ctx.app, 'POST', `/v1/threads/${thread.body.id}/messages`, {
      ...learner(),
      body: { body: 'line one\n\tline two' },
    });
    expect(posted.status, posted.text).toBe(201);
    expect(posted.body.body).toBe('line one\n\tline two');
  });
});

describe('control characters in user-token claims', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = () => Math.floor(ctx.clock.now().getTime() / 1000);
  const tokenWith = (claims: { sub: string; name: string }) =>
    signUserToken({ secret: t.identitySecret, ...claims, now: ctx.clock.now() });

  it.each([
    { sub: 'eve\u0000', name: 'Eve' },
    { sub: 'eve\r\nx', name: 'Eve' },
    { sub: 'eve\tx', name: 'Eve' },
    { sub: 'eve\u2028x', name: 'Eve' },
    { sub: 'eve-1', name: 'Eve\u0000' },
    { sub: 'eve-2', name: 'Eve\r\nATTENDEE;CN=Evil:mailto:x@evil.example' },
    { sub: 'eve-3', name: 'Eve\nX' },
    { sub: 'eve-4', name: 'Eve\u007fX' },
    { sub: 'eve-5', name: 'Eve\u0085X' },
    { sub: 'eve-6', name: 'Eve\u2029X' },
  ])(
    'refuses a signed token with sub $sub and name $name (401 invalid_user_token, no user stored)',
    async (claims) => {
      const before = await snapshot(ctx);
      const res = await call<Problem>(ctx.app, 'GET', '/v1/me', {
        key: t.publishableKey,
        origin: 'https://hostile.example',
        token: tokenWith(claims),
      });
      expect(res.status, res.text).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.code).toBe('invalid_user_token');
      expect(await snapshot(ctx)).toEqual(before);
    },
  );

  it('refuses a NUL sub before it reaches the key lookup, signed or not', async () => {
    // The claimed sub is read unverified to prefetch the user with the key (http/auth.ts).
    const head = b64({ alg: 'HS256', typ: 'JWT' });
    const body = b64({ sub: 'x\u0000y', name: 'X', iat: now(), exp: now() + 600 });
    const forged = `${head}.${body}.${createHmac('sha256', 'not-the-secret').update(`${head}.${body}`).digest('base64url')}`;
    for (const token of [forged, tokenWith({ sub: 'x\u0000y', name: 'X' })]) {
      const res = await call<Problem>(ctx.app, 'GET', '/v1/me', {
        key: t.publishableKey,
        origin: 'https://hostile.example',
        token,
      });
      expect(res.status, res.text).toBe(401);
      expect(res.body.code).toBe('invalid_user_token');
    }
  });
});

describe('calendar files from names stored before the checks', () => {
  // What a database row can hold (PostgreSQL has no NUL): line breaks, another control, a DQUOTE.
  const HOSTILE_NAME = 'Eve\r\nATTENDEE;CN=Evil:mailto:x@evil.example\u000b"';

  it('a booking’s .ics with a learner name holding CR/LF has no injected line', async () => {
    const mentor = await bookableMentor(ctx, t, {}, { name: 'Ada Mentor', externalId: 'ics-mentor' });
    await call(ctx.app, 'PATCH', `/v1/mentors/${mentor.id}`, {
      ...sk(),
      body: { contactEmail: 'ada@example.com' },
    });
    const booked = await book(ctx, t, { mentorId: mentor.id, start: '2026-11-26T09:00:00Z' }, 'ics-learner');
    expect(booked.status, booked.text).toBe(201);
    // The learner's address (from their token), so that they are an ATTENDEE with a CN.
    await call(ctx.app, 'GET', '/v1/me', {
      ...asLearner(t, 'ics-learner'),
      token: t.token({ sub: 'ics-learner', name: 'Ok Name', email: 'learner@example.com' }),
    });
    // Written straight to the row: the claim and the API refuse such a name now.
    await ctx.db
      .updateTable('users')
      .set({ name: HOSTILE_NAME })
      .where('tenant_id', '=', t.id)
      .where('external_id', '=', 'ics-learner')
      .execute();
    await ctx.db
      .updateTable('mentors')
      .set({ name: `Ada\r\nX-INJECTED:1` })
      .where('id', '=', mentor.id)
      .execute();

    const res = await call(ctx.app, 'GET', `/v1/bookings/${booked.body.id}/calendar.ics`, sk());
    expect(res.status, res.text).toBe(200);
    const { problems, lines } = readContentLines(res.text);
    expect(problems).toEqual([]);
    expect(lines.filter((l) => l.name === 'ATTENDEE')).toHaveLength(1);
    expect(lines.filter((l) => l.name === 'ORGANIZER')).toHaveLength(1);
    for (const line of lines) expect(line.value).not.toMatch(/^mailto:x@evil/i);
    const attendee = lines.find((l) => l.name === 'ATTENDEE')!;
    expect(attendee.params).toContain('CN="Eve ATTENDEE;CN=Evil:mailto:x@evil.example\'"');
  });

  it('the private feed with a program name holding CR/LF has no injected line', async () => {
    const mentor = await bookableMentor(ctx, t, {}, { name: 'Feed Mentor', externalId: 'feed-mentor' });
    const booked = await book(ctx, t, { mentorId: mentor.id, start: '2026-11-27T09:00:00Z' }, 'feed-learner');
    expect(booked.status, booked.text).toBe(201);
    const feed = await call<{ url: string }>(
      ctx.app,
      'POST',
      '/v1/me/calendar-feed',
      asLearner(t, 'feed-learner'),
    );
    expect(feed.status, feed.text).toBe(201);
    await sql`update tenants set settings = jsonb_set(settings, '{branding}', ${JSON.stringify({
      accentColor: null,
      logoUrl: null,
      name: 'Academy\r\nX-INJECTED:1',
    })}::jsonb) where id = ${t.id}`.execute(ctx.db);

    const res = await ctx.app.request(new URL(feed.body.url).pathname);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const { problems, lines } = readContentLines(text);
    expect(problems).toEqual([]);
    expect(lines.find((l) => l.name === 'NAME')?.value).toBe('Micromentor — Academy X-INJECTED:1');
    expect(lines.filter((l) => l.name === 'VEVENT' || l.name === 'BEGIN')).toHaveLength(2);
  });
});
