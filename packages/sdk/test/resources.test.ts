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

type Wire = ReturnType<typeof sent>;
/** A read on the wire: GET, no body, no Idempotency-Key. */
const read = (url: string): Wire => ({ method: 'GET', url, body: undefined, idempotent: false });
/** A write on the wire: always with an Idempotency-Key, so that a retry cannot act twice. */
const write = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Wire => ({
  method,
  url,
  body,
  idempotent: true,
});

const start = new Date('2026-12-01T10:00:00Z');
const application = {
  headline: 'H',
  bio: 'B',
  skills: ['sql'],
  yearsExperience: 3,
  timeZone: 'UTC',
  formats: ['chat' as const],
};
const cases: [string, () => Promise<unknown>, Wire][] = [
  [
    'mentors.list',
    () => mm.mentors.list({ q: 'joins', skills: ['sql', 'c++'], language: 'es', limit: 5 }),
    read('/api/v1/mentors?q=joins&skills=sql&skills=c%2B%2B&language=es&limit=5'),
  ],
  ['mentors.get', () => mm.mentors.get(id), read(`/api/v1/mentors/${escaped}`)],
  [
    'mentors.create',
    () => mm.mentors.create({ name: 'N', skills: ['sql'], timeZone: 'UTC', formats: ['chat'] }),
    write('POST', '/api/v1/mentors', { name: 'N', skills: ['sql'], timeZone: 'UTC', formats: ['chat'] }),
  ],
  [
    'mentors.update',
    () => mm.mentors.update(id, { headline: 'H' }),
    write('PATCH', `/api/v1/mentors/${escaped}`, { headline: 'H' }),
  ],
  ['mentors.delete', () => mm.mentors.delete(id), write('DELETE', `/api/v1/mentors/${escaped}`)],
  [
    'mentors.slots',
    () => mm.mentors.slots(id, { from: start, to: '2026-12-02T10:00:00Z', duration: 30 }),
    read(
      `/api/v1/mentors/${escaped}/slots?from=2026-12-01T10%3A00%3A00.000Z&to=2026-12-02T10%3A00%3A00Z&duration=30`,
    ),
  ],
  [
    'mentors.availability.get',
    () => mm.mentors.availability.get(id),
    read(`/api/v1/mentors/${escaped}/availability`),
  ],
  [
    'mentors.availability.set',
    () => mm.mentors.availability.set(id, { timeZone: 'UTC', weekly: [], sessionLengths: [30] }),
    write('PUT', `/api/v1/mentors/${escaped}/availability`, {
      timeZone: 'UTC',
      weekly: [],
      sessionLengths: [30],
    }),
  ],
  [
    'requests.create',
    () => mm.requests.create({ title: 'Stuck' }),
    write('POST', '/api/v1/requests', { title: 'Stuck' }),
  ],
  ['requests.list', () => mm.requests.list({ status: 'open' }), read('/api/v1/requests?status=open')],
  ['requests.get', () => mm.requests.get(id), read(`/api/v1/requests/${escaped}`)],
  ['requests.matches', () => mm.requests.matches(id), read(`/api/v1/requests/${escaped}/matches`)],
  ['requests.cancel', () => mm.requests.cancel(id), write('POST', `/api/v1/requests/${escaped}/cancel`)],
  ['requests.accept', () => mm.requests.accept(id), write('POST', `/api/v1/requests/${escaped}/accept`)],
  ['requests.decline', () => mm.requests.decline(id), write('POST', `/api/v1/requests/${escaped}/decline`)],
  [
    'requests.askProgram',
    () => mm.requests.askProgram(id),
    write('POST', `/api/v1/requests/${escaped}/ask-program`),
  ],
  [
    'requests.waitForMatch',
    () => mm.requests.waitForMatch(id),
    write('POST', `/api/v1/requests/${escaped}/wait-for-match`),
  ],
  ['programQueue.list', () => mm.programQueue.list({ limit: 5 }), read('/api/v1/program-queue?limit=5')],
  [
    'programQueue.take',
    () => mm.programQueue.take(id),
    write('POST', `/api/v1/program-queue/${escaped}/take`),
  ],
  [
    'bookings.create',
    () => mm.bookings.create({ mentorId: 'm', start, durationMinutes: 30, format: 'video' }),
    write('POST', '/api/v1/bookings', {
      mentorId: 'm',
      start: '2026-12-01T10:00:00.000Z',
      durationMinutes: 30,
      format: 'video',
    }),
  ],
  [
    'bookings.list',
    () => mm.bookings.list({ as: 'mentor', from: start }),
    read('/api/v1/bookings?as=mentor&from=2026-12-01T10%3A00%3A00.000Z'),
  ],
  ['bookings.get', () => mm.bookings.get(id), read(`/api/v1/bookings/${escaped}`)],
  [
    'bookings.cancel',
    () => mm.bookings.cancel(id, { reason: 'ill' }),
    write('POST', `/api/v1/bookings/${escaped}/cancel`, { reason: 'ill' }),
  ],
  [
    'bookings.reschedule',
    () => mm.bookings.reschedule(id, { start: '2026-12-03T10:00:00Z' }),
    write('POST', `/api/v1/bookings/${escaped}/reschedule`, { start: '2026-12-03T10:00:00Z' }),
  ],
  ['bookings.calendar', () => mm.bookings.calendar(id), read(`/api/v1/bookings/${escaped}/calendar.ics`)],
  ['me.get', () => mm.me.get(), read('/api/v1/me')],
  [
    'me.offers',
    () => mm.me.offers({ status: 'offered', limit: 5 }),
    read('/api/v1/me/offers?status=offered&limit=5'),
  ],
  [
    'me.setPresence',
    () => mm.me.setPresence({ availableNow: true }),
    write('PUT', '/api/v1/me/presence', { availableNow: true }),
  ],
  [
    'me.applyAsMentor',
    () => mm.me.applyAsMentor(application),
    write('POST', '/api/v1/me/mentor', application),
  ],
  ['me.mentorProfile', () => mm.me.mentorProfile(), read('/api/v1/me/mentor')],
  [
    'me.updateMentorProfile',
    () => mm.me.updateMentorProfile({ headline: 'New' }),
    write('PATCH', '/api/v1/me/mentor', { headline: 'New' }),
  ],
  ['me.stats', () => mm.me.stats(), read('/api/v1/me/stats')],
  ['me.emailPreferences', () => mm.me.emailPreferences(), read('/api/v1/me/email-preferences')],
  [
    'me.updateEmailPreferences',
    () => mm.me.updateEmailPreferences({ as: 'mentor', kinds: { requests: false } }),
    write('PATCH', '/api/v1/me/email-preferences', { as: 'mentor', kinds: { requests: false } }),
  ],
  ['me.calendarFeed', () => mm.me.calendarFeed(), read('/api/v1/me/calendar-feed')],
  ['me.renewCalendarFeed', () => mm.me.renewCalendarFeed(), write('POST', '/api/v1/me/calendar-feed')],
  ['me.stopCalendarFeed', () => mm.me.stopCalendarFeed(), write('DELETE', '/api/v1/me/calendar-feed')],
  ['me.export', () => mm.me.export(), read('/api/v1/me/export')],
  ['me.erase', () => mm.me.erase(), write('POST', '/api/v1/me/erase', { confirm: 'erase' })],
  ['recognition.record', () => mm.recognition.record(), read('/api/v1/me/mentor/record')],
  ['recognition.credential', () => mm.recognition.credential(), read('/api/v1/me/mentor/credential')],
  [
    'recognition.leaderboard',
    () => mm.recognition.leaderboard({ by: 'minutes', limit: 5 }),
    read('/api/v1/leaderboard?by=minutes&limit=5'),
  ],
  ['me.board', () => mm.me.board(), read('/api/v1/me/board')],
  [
    'me.addToBoard',
    () => mm.me.addToBoard(id, { label: 'SQL' }),
    write('PUT', `/api/v1/me/board/${escaped}`, { label: 'SQL' }),
  ],
  [
    'me.addToBoard without a label',
    () => mm.me.addToBoard(id),
    write('PUT', `/api/v1/me/board/${escaped}`, {}),
  ],
  ['me.removeFromBoard', () => mm.me.removeFromBoard(id), write('DELETE', `/api/v1/me/board/${escaped}`)],
  ['me.recommendations', () => mm.me.recommendations(), read('/api/v1/me/recommendations')],
  [
    'me.dismissRecommendation',
    () => mm.me.dismissRecommendation('window-functions'),
    write('POST', '/api/v1/me/recommendations/dismiss', { skill: 'window-functions' }),
  ],
  [
    'bookings.feedback',
    () => mm.bookings.feedback(id, { rating: 5, solved: 'yes' }),
    write('POST', `/api/v1/bookings/${escaped}/feedback`, { rating: 5, solved: 'yes' }),
  ],
  ['bookings.getFeedback', () => mm.bookings.getFeedback(id), read(`/api/v1/bookings/${escaped}/feedback`)],
  ['bookings.notes', () => mm.bookings.notes(id), read(`/api/v1/bookings/${escaped}/notes`)],
  [
    'bookings.setNotes',
    () => mm.bookings.setNotes(id, { summary: 'S', actionItems: [{ text: 'T' }] }),
    write('PUT', `/api/v1/bookings/${escaped}/notes`, { summary: 'S', actionItems: [{ text: 'T' }] }),
  ],
  ['actionItems.done', () => mm.actionItems.done(id), write('POST', `/api/v1/action-items/${escaped}/done`)],
  [
    'actionItems.undone',
    () => mm.actionItems.undone(id),
    write('POST', `/api/v1/action-items/${escaped}/undone`),
  ],
  [
    'guestSessions.create',
    () => mm.guestSessions.create({ name: 'G', email: 'g@example.com' }),
    write('POST', '/api/v1/guest-sessions', { name: 'G', email: 'g@example.com' }),
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
    expect(sent()).toEqual(write('POST', `/api/v1/requests/${escaped}/threads`, { mentorId: 'm1' }));
  });
});
