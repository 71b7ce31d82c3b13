import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Micromentor, MicromentorCore } from '../src/index.js';
import { startServer, type TestServer } from './helpers/http-server.js';

/**
 * What each resource method puts on the wire. (Every method also runs against the real server
 * in test/cross-package/sdk-*.test.ts; this pins the request shape, including the edge cases.)
 */
let server: TestServer;
let mm: Micromentor;
const id = 'a/b?c';
const escaped = 'a%2Fb%3Fc';

beforeAll(async () => {
  server = await startServer({}, (req, res) => {
    if (req.url?.endsWith('.ics')) {
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
      res.end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
      return;
    }
    if (req.method === 'DELETE') {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: [], nextCursor: null }));
  });
  mm = new Micromentor({ baseUrl: `${server.baseUrl}/api/`, secretKey: 'sk_test', maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function sent() {
  const request = server.requests.at(-1);
  if (!request) throw new Error('nothing was sent');
  return {
    method: request.method,
    url: request.url,
    body: request.body === '' ? undefined : JSON.parse(request.body),
    idempotent: typeof request.headers['idempotency-key'] === 'string',
  };
}

const start = new Date('2026-12-01T10:00:00Z');
const cases: [string, () => Promise<unknown>, ReturnType<typeof sent>][] = [
  [
    'mentors.list',
    () => mm.mentors.list({ q: 'joins', skills: ['sql', 'c++'], language: 'es', limit: 5 }),
    {
      method: 'GET',
      url: '/api/v1/mentors?q=joins&skills=sql&skills=c%2B%2B&language=es&limit=5',
      body: undefined,
      idempotent: false,
    },
  ],
  [
    'mentors.get',
    () => mm.mentors.get(id),
    { method: 'GET', url: `/api/v1/mentors/${escaped}`, body: undefined, idempotent: false },
  ],
  [
    'mentors.create',
    () => mm.mentors.create({ name: 'N', skills: ['sql'], timeZone: 'UTC', formats: ['chat'] }),
    {
      method: 'POST',
      url: '/api/v1/mentors',
      body: { name: 'N', skills: ['sql'], timeZone: 'UTC', formats: ['chat'] },
      idempotent: true,
    },
  ],
  [
    'mentors.update',
    () => mm.mentors.update(id, { headline: 'H' }),
    {
      method: 'PATCH',
      url: `/api/v1/mentors/${escaped}`,
      body: { headline: 'H' },
      idempotent: true,
    },
  ],
  [
    'mentors.delete',
    () => mm.mentors.delete(id),
    { method: 'DELETE', url: `/api/v1/mentors/${escaped}`, body: undefined, idempotent: true },
  ],
  [
    'mentors.slots',
    () => mm.mentors.slots(id, { from: start, to: '2026-12-02T10:00:00Z', duration: 30 }),
    {
      method: 'GET',
      url: `/api/v1/mentors/${escaped}/slots?from=2026-12-01T10%3A00%3A00.000Z&to=2026-12-02T10%3A00%3A00Z&duration=30`,
      body: undefined,
      idempotent: false,
    },
  ],
  [
    'mentors.availability.get',
    () => mm.mentors.availability.get(id),
    {
      method: 'GET',
      url: `/api/v1/mentors/${escaped}/availability`,
      body: undefined,
      idempotent: false,
    },
  ],
  [
    'mentors.availability.set',
    () => mm.mentors.availability.set(id, { timeZone: 'UTC', weekly: [], sessionLengths: [30] }),
    {
      method: 'PUT',
      url: `/api/v1/mentors/${escaped}/availability`,
      body: { timeZone: 'UTC', weekly: [], sessionLengths: [30] },
      idempotent: true,
    },
  ],
  [
    'requests.create',
    () => mm.requests.create({ title: 'Stuck' }),
    {
      method: 'POST',
      url: '/api/v1/requests',
      body: { title: 'Stuck' },
      idempotent: true,
    },
  ],
  [
    'requests.list',
    () => mm.requests.list({ status: 'open' }),
    { method: 'GET', url: '/api/v1/requests?status=open', body: undefined, idempotent: false },
  ],
  [
    'requests.get',
    () => mm.requests.get(id),
    { method: 'GET', url: `/api/v1/requests/${escaped}`, body: undefined, idempotent: false },
  ],
  [
    'requests.matches',
    () => mm.requests.matches(id),
    {
      method: 'GET',
      url: `/api/v1/requests/${escaped}/matches`,
      body: undefined,
      idempotent: false,
    },
  ],
  [
    'requests.cancel',
    () => mm.requests.cancel(id),
    { method: 'POST', url: `/api/v1/requests/${escaped}/cancel`, body: undefined, idempotent: true },
  ],
  [
    'requests.accept',
    () => mm.requests.accept(id),
    { method: 'POST', url: `/api/v1/requests/${escaped}/accept`, body: undefined, idempotent: true },
  ],
  [
    'requests.decline',
    () => mm.requests.decline(id),
    { method: 'POST', url: `/api/v1/requests/${escaped}/decline`, body: undefined, idempotent: true },
  ],
  [
    'bookings.create',
    () => mm.bookings.create({ mentorId: 'm', start, durationMinutes: 30, format: 'video' }),
    {
      method: 'POST',
      url: '/api/v1/bookings',
      body: { mentorId: 'm', start: '2026-12-01T10:00:00.000Z', durationMinutes: 30, format: 'video' },
      idempotent: true,
    },
  ],
  [
    'bookings.list',
    () => mm.bookings.list({ as: 'mentor', from: start }),
    {
      method: 'GET',
      url: '/api/v1/bookings?as=mentor&from=2026-12-01T10%3A00%3A00.000Z',
      body: undefined,
      idempotent: false,
    },
  ],
  [
    'bookings.get',
    () => mm.bookings.get(id),
    { method: 'GET', url: `/api/v1/bookings/${escaped}`, body: undefined, idempotent: false },
  ],
  [
    'bookings.cancel',
    () => mm.bookings.cancel(id, { reason: 'ill' }),
    {
      method: 'POST',
      url: `/api/v1/bookings/${escaped}/cancel`,
      body: { reason: 'ill' },
      idempotent: true,
    },
  ],
  [
    'bookings.reschedule',
    () => mm.bookings.reschedule(id, { start: '2026-12-03T10:00:00Z' }),
    {
      method: 'POST',
      url: `/api/v1/bookings/${escaped}/reschedule`,
      body: { start: '2026-12-03T10:00:00Z' },
      idempotent: true,
    },
  ],
  [
    'bookings.calendar',
    () => mm.bookings.calendar(id),
    {
      method: 'GET',
      url: `/api/v1/bookings/${escaped}/calendar.ics`,
      body: undefined,
      idempotent: false,
    },
  ],
  ['me.get', () => mm.me.get(), { method: 'GET', url: '/api/v1/me', body: undefined, idempotent: false }],
  [
    'me.offers',
    () => mm.me.offers({ status: 'offered', limit: 5 }),
    { method: 'GET', url: '/api/v1/me/offers?status=offered&limit=5', body: undefined, idempotent: false },
  ],
  [
    'me.setPresence',
    () => mm.me.setPresence({ availableNow: true }),
    { method: 'PUT', url: '/api/v1/me/presence', body: { availableNow: true }, idempotent: true },
  ],
  [
    'me.applyAsMentor',
    () =>
      mm.me.applyAsMentor({
        headline: 'H',
        bio: 'B',
        skills: ['sql'],
        yearsExperience: 3,
        timeZone: 'UTC',
        formats: ['chat'],
      }),
    {
      method: 'POST',
      url: '/api/v1/me/mentor',
      body: {
        headline: 'H',
        bio: 'B',
        skills: ['sql'],
        yearsExperience: 3,
        timeZone: 'UTC',
        formats: ['chat'],
      },
      idempotent: true,
    },
  ],
  [
    'me.mentorProfile',
    () => mm.me.mentorProfile(),
    { method: 'GET', url: '/api/v1/me/mentor', body: undefined, idempotent: false },
  ],
  [
    'me.updateMentorProfile',
    () => mm.me.updateMentorProfile({ headline: 'New' }),
    { method: 'PATCH', url: '/api/v1/me/mentor', body: { headline: 'New' }, idempotent: true },
  ],
  [
    'me.stats',
    () => mm.me.stats(),
    { method: 'GET', url: '/api/v1/me/stats', body: undefined, idempotent: false },
  ],
  [
    'recognition.record',
    () => mm.recognition.record(),
    { method: 'GET', url: '/api/v1/me/mentor/record', body: undefined, idempotent: false },
  ],
  [
    'recognition.credential',
    () => mm.recognition.credential(),
    { method: 'GET', url: '/api/v1/me/mentor/credential', body: undefined, idempotent: false },
  ],
  [
    'recognition.leaderboard',
    () => mm.recognition.leaderboard({ by: 'minutes', limit: 5 }),
    { method: 'GET', url: '/api/v1/leaderboard?by=minutes&limit=5', body: undefined, idempotent: false },
  ],
  [
    'me.board',
    () => mm.me.board(),
    { method: 'GET', url: '/api/v1/me/board', body: undefined, idempotent: false },
  ],
  [
    'me.addToBoard',
    () => mm.me.addToBoard(id, { label: 'SQL' }),
    { method: 'PUT', url: `/api/v1/me/board/${escaped}`, body: { label: 'SQL' }, idempotent: true },
  ],
  [
    'me.addToBoard without a label',
    () => mm.me.addToBoard(id),
    { method: 'PUT', url: `/api/v1/me/board/${escaped}`, body: {}, idempotent: true },
  ],
  [
    'me.removeFromBoard',
    () => mm.me.removeFromBoard(id),
    { method: 'DELETE', url: `/api/v1/me/board/${escaped}`, body: undefined, idempotent: true },
  ],
  [
    'bookings.feedback',
    () => mm.bookings.feedback(id, { rating: 5, solved: 'yes' }),
    {
      method: 'POST',
      url: `/api/v1/bookings/${escaped}/feedback`,
      body: { rating: 5, solved: 'yes' },
      idempotent: true,
    },
  ],
  [
    'bookings.getFeedback',
    () => mm.bookings.getFeedback(id),
    { method: 'GET', url: `/api/v1/bookings/${escaped}/feedback`, body: undefined, idempotent: false },
  ],
  [
    'bookings.notes',
    () => mm.bookings.notes(id),
    { method: 'GET', url: `/api/v1/bookings/${escaped}/notes`, body: undefined, idempotent: false },
  ],
  [
    'bookings.setNotes',
    () => mm.bookings.setNotes(id, { summary: 'S', actionItems: [{ text: 'T' }] }),
    {
      method: 'PUT',
      url: `/api/v1/bookings/${escaped}/notes`,
      body: { summary: 'S', actionItems: [{ text: 'T' }] },
      idempotent: true,
    },
  ],
  [
    'actionItems.done',
    () => mm.actionItems.done(id),
    { method: 'POST', url: `/api/v1/action-items/${escaped}/done`, body: undefined, idempotent: true },
  ],
  [
    'actionItems.undone',
    () => mm.actionItems.undone(id),
    { method: 'POST', url: `/api/v1/action-items/${escaped}/undone`, body: undefined, idempotent: true },
  ],
  [
    'guestSessions.create',
    () => mm.guestSessions.create({ name: 'G', email: 'g@example.com' }),
    {
      method: 'POST',
      url: '/api/v1/guest-sessions',
      body: { name: 'G', email: 'g@example.com' },
      idempotent: true,
    },
  ],
];

describe('resource methods on the wire', () => {
  it.each(cases)('%s sends the route’s method, path, query and body', async (_name, call, expected) => {
    await call();
    expect(sent()).toEqual(expected);
  });

  it('returns the calendar file as text and gives its URL under the base path', async () => {
    await expect(mm.bookings.calendar('b1')).resolves.toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(mm.bookings.calendarUrl(id)).toBe(`${server.baseUrl}/api/v1/bookings/${escaped}/calendar.ics`);
  });

  it('resolves delete to undefined (204 No Content)', async () => {
    await expect(mm.mentors.delete('m1')).resolves.toBeUndefined();
  });

  it('gives the learner widget’s MicromentorCore exactly the calls it makes, on the same wire', async () => {
    const core = new MicromentorCore({ baseUrl: `${server.baseUrl}/api/`, publishableKey: 'pk_test' });
    expect(Object.keys(core.threads)).toEqual(['startForRequest']);
    expect(Object.keys(core.bookings).sort()).toEqual(['calendar', 'cancel', 'create', 'reschedule']);
    await core.threads.startForRequest(id, { mentorId: 'm1' });
    expect(sent()).toEqual({
      method: 'POST',
      url: `/api/v1/requests/${escaped}/threads`,
      body: { mentorId: 'm1' },
      idempotent: true,
    });
  });
});
