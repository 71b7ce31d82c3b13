// Issue #15, defect 2: a mentor sees who booked and why — the learner's name, the question and
// where it was asked, and their own earlier sessions with that learner with their notes — on
// sessions, offers and threads; nobody else's sessions or notes, and nothing across tenants.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asLearner, type BookingBody, book, bookableMentor, weekly } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import type { MentorBody } from './support/fixtures.js';
import { type CallOptions, call } from './support/http.js';
import { asMentor, type ThreadBody } from './support/thread-fixtures.js';

interface Brief {
  id: string;
  title: string;
  details: string;
  context: Record<string, string>;
  createdAt: string;
}
interface Previous {
  id: string;
  start: string;
  end: string;
  format: string;
  status: string;
  requestTitle: string | null;
  notes: string | null;
}
type Session = BookingBody & { learnerName: string; request: Brief | null; previousSessions?: Previous[] };
type ThreadView = ThreadBody & { request: Brief | null; previousSessions?: Previous[] };
interface OfferView {
  requestId: string;
  learner: { name: string };
  previousSessions: Previous[];
}

let ctx: TestContext;
let tenant: TestTenant;
let ada: MentorBody;
let bob: MentorBody;

const CONTEXT = {
  pageTitle: 'Lesson 4: Joins',
  url: 'https://lms.example/sql-101/lessons/4',
  topic: 'sql-joins',
  courseId: 'sql-101',
  lessonId: 'l4',
  selection: 'SELECT * FROM orders LEFT JOIN customers',
};
const DETAILS = 'My LEFT JOIN returns every order twice.\n<b>not bold</b>';

async function ask(
  sub: string,
  body: Record<string, unknown> = {},
  t: TestTenant = tenant,
): Promise<{ id: string }> {
  const res = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
    ...asLearner(t, sub),
    body: { title: 'Why does my join duplicate rows?', details: DETAILS, context: CONTEXT, ...body },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.request;
}

async function booked(mentorId: string, start: string, sub = 'learner-1', requestId?: string) {
  const res = await book(ctx, tenant, { mentorId, start, ...(requestId ? { requestId } : {}) }, sub);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function notes(bookingId: string, who: CallOptions, summary: string) {
  const res = await call(ctx.app, 'PUT', `/v1/bookings/${bookingId}/notes`, {
    ...who,
    body: { summary, actionItems: [] },
  });
  expect(res.status, res.text).toBe(200);
}

const mentorSessions = async (who: CallOptions) => {
  const res = await call<{ data: Session[] }>(ctx.app, 'GET', '/v1/bookings?as=mentor', who);
  expect(res.status, res.text).toBe(200);
  return res.body.data;
};

beforeAll(async () => {
  ctx = await createTestContext();
});
beforeEach(async () => {
  ctx.clock.set('2026-11-25T12:00:00Z');
  tenant = await ctx.tenant();
  ada = await bookableMentor(ctx, tenant, {}, { externalId: 'ada', name: 'Ada Lovelace' });
  bob = await bookableMentor(ctx, tenant, {}, { externalId: 'bob', name: 'Bob Mentor' });
});
afterAll(() => ctx.close());

/**
 * Learner 1 had a session with Ada (with her notes) and one with Bob (with his); then asks a
 * question from a lesson page and books Ada for it. Learner 2 had a session with Ada too.
 */
async function history() {
  const earlier = await booked(ada.id, '2026-11-26T09:00:00Z');
  const withBob = await booked(bob.id, '2026-11-26T11:00:00Z');
  const otherLearner = await booked(ada.id, '2026-11-26T13:00:00Z', 'learner-2');
  ctx.clock.set('2026-11-26T15:00:00Z');
  await notes(earlier.id, asMentor(tenant, 'ada'), 'Found the fan-out; aggregate first.');
  await notes(withBob.id, asMentor(tenant, 'bob'), 'Bob’s private notes.');
  await notes(otherLearner.id, asMentor(tenant, 'ada'), 'Someone else’s session.');
  const request = await ask('learner-1');
  const upcoming = await booked(ada.id, '2026-11-27T09:00:00Z', 'learner-1', request.id);
  return { earlier, withBob, otherLearner, request, upcoming };
}

describe('a mentor’s sessions say who booked and why', () => {
  it('carry the learner’s name, the question with its page and selection, and her earlier sessions with that learner', async () => {
    const { earlier, request, upcoming } = await history();
    const sessions = await mentorSessions(asMentor(tenant, 'ada'));
    const card = sessions.find((s) => s.id === upcoming.id)!;
    expect(card.learnerName).toBe('Learner learner-1');
    expect(card.request).toEqual({
      id: request.id,
      title: 'Why does my join duplicate rows?',
      details: DETAILS,
      // The page has a title: the LMS's internal course and lesson ids are left out.
      context: {
        pageTitle: 'Lesson 4: Joins',
        url: 'https://lms.example/sql-101/lessons/4',
        topic: 'sql-joins',
        selection: 'SELECT * FROM orders LEFT JOIN customers',
      },
      createdAt: '2026-11-26T15:00:00.000Z',
    });
    // Only Ada's own sessions with this learner that took place before: not Bob's, not learner 2's.
    expect(card.previousSessions).toEqual([
      {
        id: earlier.id,
        start: '2026-11-26T09:00:00.000Z',
        end: '2026-11-26T09:30:00.000Z',
        format: 'video',
        status: 'confirmed',
        requestTitle: null,
        notes: 'Found the fan-out; aggregate first.',
      },
    ]);
    // The earlier session itself has no earlier one, and no request.
    const first = sessions.find((s) => s.id === earlier.id)!;
    expect(first).toMatchObject({ learnerName: 'Learner learner-1', request: null, previousSessions: [] });

    const one = await call<Session>(ctx.app, 'GET', `/v1/bookings/${upcoming.id}`, asMentor(tenant, 'ada'));
    expect(one.status, one.text).toBe(200);
    expect(one.body.previousSessions?.map((p) => p.id)).toEqual([earlier.id]);
    expect(one.body.request?.title).toBe('Why does my join duplicate rows?');
  });

  it('keep the LMS course and lesson when the page has no title', async () => {
    const request = await ask('learner-1', {
      context: { courseId: 'sql-101', lessonId: 'l4', selection: 'GROUP BY' },
    });
    const upcoming = await booked(ada.id, '2026-11-26T09:00:00Z', 'learner-1', request.id);
    const card = (await mentorSessions(asMentor(tenant, 'ada'))).find((s) => s.id === upcoming.id)!;
    expect(card.request?.context).toEqual({ courseId: 'sql-101', lessonId: 'l4', selection: 'GROUP BY' });
  });

  it('show the learner the same question but never the mentor’s history; another mentor or tenant gets 404', async () => {
    const { upcoming } = await history();
    const mine = await call<Session>(ctx.app, 'GET', `/v1/bookings/${upcoming.id}`, asLearner(tenant));
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.learnerName).toBe('Learner learner-1');
    expect(mine.body.request?.title).toBe('Why does my join duplicate rows?');
    expect(mine.body).not.toHaveProperty('previousSessions');
    const listed = await call<{ data: Session[] }>(ctx.app, 'GET', '/v1/bookings', asLearner(tenant));
    expect(listed.body.data.every((b) => !('previousSessions' in b))).toBe(true);

    // Bob is not this session's mentor: as for a missing one.
    const bobs = await call(ctx.app, 'GET', `/v1/bookings/${upcoming.id}`, asMentor(tenant, 'bob'));
    expect(bobs.status).toBe(404);
    // Bob's own list has his session with learner 1, with his notes only.
    const bobSessions = await mentorSessions(asMentor(tenant, 'bob'));
    expect(bobSessions.map((s) => s.learnerName)).toEqual(['Learner learner-1']);
    expect(JSON.stringify(bobSessions)).not.toContain('aggregate first');

    // Another tenant's mentor with the same host id sees nothing of it.
    const other = await ctx.tenant();
    await bookableMentor(ctx, other, {}, { externalId: 'ada', name: 'Ada Elsewhere' });
    const foreign = await call(ctx.app, 'GET', `/v1/bookings/${upcoming.id}`, asMentor(other, 'ada'));
    expect(foreign.status).toBe(404);
    expect(await mentorSessions(asMentor(other, 'ada'))).toEqual([]);
  });
});

describe('threads have what a header needs', () => {
  it('the learner sees the mentor and the question; the mentor the learner, the question and their earlier sessions', async () => {
    const { earlier, request } = await history();
    const started = await call<ThreadView>(ctx.app, 'POST', `/v1/requests/${request.id}/threads`, {
      ...asLearner(tenant),
      body: { mentorId: ada.id },
    });
    expect(started.status, started.text).toBe(201);
    const id = started.body.id;

    const learnerView = await call<ThreadView>(ctx.app, 'GET', `/v1/threads/${id}`, asLearner(tenant));
    expect(learnerView.body).toMatchObject({
      role: 'learner',
      mentor: { id: ada.id, name: 'Ada Lovelace' },
      request: { id: request.id, title: 'Why does my join duplicate rows?', details: DETAILS },
    });
    expect(learnerView.body).not.toHaveProperty('previousSessions');

    const mentorView = await call<ThreadView>(ctx.app, 'GET', `/v1/threads/${id}`, asMentor(tenant, 'ada'));
    expect(mentorView.body).toMatchObject({
      role: 'mentor',
      learner: { name: 'Learner learner-1' },
      request: { id: request.id, title: 'Why does my join duplicate rows?' },
    });
    expect(mentorView.body.request?.context).not.toHaveProperty('lessonId');
    expect(mentorView.body.previousSessions?.map((p) => [p.id, p.notes])).toEqual([
      [earlier.id, 'Found the fan-out; aggregate first.'],
    ]);
    const listed = await call<{ data: ThreadView[] }>(ctx.app, 'GET', '/v1/threads', asMentor(tenant, 'ada'));
    expect(listed.body.data.find((t) => t.id === id)?.previousSessions).toHaveLength(1);

    // Another mentor, another tenant: not found.
    expect((await call(ctx.app, 'GET', `/v1/threads/${id}`, asMentor(tenant, 'bob'))).status).toBe(404);
    const other = await ctx.tenant();
    expect((await call(ctx.app, 'GET', `/v1/threads/${id}`, asLearner(other))).status).toBe(404);
  });

  it('a session’s own thread (a second chat session for the request) carries that session’s request', async () => {
    const request = await ask('learner-1');
    const chat = (start: string) =>
      book(ctx, tenant, { mentorId: ada.id, start, format: 'chat', requestId: request.id });
    const first = await chat('2026-11-26T09:00:00Z');
    const second = await chat('2026-11-26T10:00:00Z');
    expect(first.status, first.text).toBe(201);
    expect(second.status, second.text).toBe(201);
    expect(second.body.threadId).not.toBe(first.body.threadId);
    const stored = await ctx.db
      .selectFrom('threads')
      .select(['request_id', 'booking_id'])
      .where('id', '=', second.body.threadId!)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ request_id: null, booking_id: second.body.id });
    const res = await call<ThreadView>(
      ctx.app,
      'GET',
      `/v1/threads/${second.body.threadId}`,
      asMentor(tenant, 'ada'),
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.requestId).toBeNull();
    expect(res.body.request?.id).toBe(request.id);
  });
});

describe('offers', () => {
  it('carry the mentor’s earlier sessions with the learner, with their notes', async () => {
    const allWeek = {
      weekly: weekly('00:00', '24:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
      minNoticeMinutes: 0,
    };
    const cleo = await bookableMentor(ctx, tenant, allWeek, {
      externalId: 'cleo',
      name: 'Cleo Mentor',
      skills: ['sql', 'postgresql'],
      bio: 'I help with SQL joins and PostgreSQL.',
    });
    const earlier = await booked(cleo.id, '2026-11-26T09:00:00Z');
    ctx.clock.set('2026-11-26T15:00:00Z');
    await notes(earlier.id, asMentor(tenant, 'cleo'), 'Window functions next time.');
    const on = await call(ctx.app, 'PUT', '/v1/me/presence', {
      ...asMentor(tenant, 'cleo'),
      body: { availableNow: true },
    });
    expect(on.status, on.text).toBe(200);
    const request = await ask('learner-1', { urgency: 'now', skills: ['sql'] });
    const res = await call<{ data: OfferView[] }>(ctx.app, 'GET', '/v1/me/offers', asMentor(tenant, 'cleo'));
    expect(res.status, res.text).toBe(200);
    const offer = res.body.data.find((o) => o.requestId === request.id)!;
    expect(offer.learner.name).toBe('Learner learner-1');
    expect(offer.previousSessions.map((p) => [p.id, p.notes])).toEqual([
      [earlier.id, 'Window functions next time.'],
    ]);
  });
});
