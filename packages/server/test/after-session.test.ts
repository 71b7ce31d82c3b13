import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asLearner, type BookingBody, book, bookableMentor, weekly } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor, type MentorBody, userIdOf } from './support/fixtures.js';
import { type CallOptions, call } from './support/http.js';

interface FeedbackBody {
  id: string;
  bookingId: string;
  mentorId: string;
  learnerId: string;
  rating: number;
  solved: string;
  comment: string | null;
  createdAt: string;
}
interface ItemBody {
  id: string;
  bookingId: string;
  text: string;
  position: number;
  done: boolean;
  doneAt: string | null;
}
interface NotesBody {
  bookingId: string;
  summary: string;
  actionItems: ItemBody[];
  updatedAt: string | null;
}
interface BoardEntryBody {
  mentor: MentorBody;
  label: string;
  addedAt: string;
}
interface MatchesBody {
  matches: { mentor: MentorBody; reasons: { code: string }[] }[];
}

let ctx: TestContext;
let tenant: TestTenant;
let mentor: MentorBody;

const START = '2026-11-26T09:00:00Z';
const DURING = '2026-11-26T09:10:00Z';

const asMentor = (t: TestTenant = tenant, sub = 'mentor-1'): CallOptions => ({
  key: t.publishableKey,
  origin: t.origin,
  token: t.token({ sub, name: 'Mia Mentor', roles: ['mentor'] }),
});
const sk = (t: TestTenant = tenant): CallOptions => ({ key: t.secretKey });

async function bookedSession(sub = 'learner-1', start = START): Promise<string> {
  const res = await book(ctx, tenant, { mentorId: mentor.id, start }, sub);
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

const feedback = (bookingId: string, who: CallOptions, body: unknown = { rating: 4, solved: 'partly' }) =>
  call<FeedbackBody & { code?: string }>(ctx.app, 'POST', `/v1/bookings/${bookingId}/feedback`, {
    ...who,
    body,
  });

beforeAll(async () => {
  ctx = await createTestContext();
});
beforeEach(async () => {
  ctx.clock.set('2026-11-25T12:00:00Z');
  tenant = await ctx.tenant();
  mentor = await bookableMentor(ctx, tenant, {}, { externalId: 'mentor-1', name: 'Mia Mentor' });
});
afterAll(() => ctx.close());

describe('feedback', () => {
  it('is given by the learner once, from the start on, and counts in the mentor’s stats', async () => {
    const bookingId = await bookedSession();
    await call(ctx.app, 'GET', '/v1/me', asMentor()); // the mentor has signed in before

    const early = await feedback(bookingId, asLearner(tenant));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('session_not_started');

    ctx.clock.set(DURING);
    const res = await feedback(bookingId, asLearner(tenant), {
      rating: 4,
      solved: 'partly',
      comment: '  Clear on joins, ran out of time for indexes.  ',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/bookings/${bookingId}/feedback`);
    expect(res.body).toMatchObject({
      bookingId,
      mentorId: mentor.id,
      learnerId: await userIdOf(ctx, tenant, 'learner-1'),
      rating: 4,
      solved: 'partly',
      comment: 'Clear on joins, ran out of time for indexes.',
      createdAt: new Date(DURING).toISOString(),
    });

    const again = await feedback(bookingId, asLearner(tenant), { rating: 1, solved: 'no' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('feedback_exists');

    const profile = await call<MentorBody>(ctx.app, 'GET', `/v1/mentors/${mentor.id}`, sk());
    expect(profile.body.stats).toMatchObject({ rating: 4, ratingCount: 1 });

    const events = await ctx.db
      .selectFrom('events')
      .selectAll()
      .where('tenant_id', '=', tenant.id)
      .where('type', '=', 'feedback.submitted')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.user_ids).toEqual([await userIdOf(ctx, tenant, 'mentor-1')]);
    expect(events[0]?.data).toMatchObject({ feedback: { bookingId, rating: 4 } });
  });

  it('can be read by the learner, the mentor and the program, and by nobody else', async () => {
    const bookingId = await bookedSession();
    ctx.clock.set(DURING);
    expect((await feedback(bookingId, asLearner(tenant))).status).toBe(201);
    const other = await ctx.tenant();
    const read = (who: CallOptions) =>
      call<FeedbackBody & { code?: string }>(ctx.app, 'GET', `/v1/bookings/${bookingId}/feedback`, who);
    const byLearner = await read(asLearner(tenant));
    expect(byLearner.status).toBe(200);
    expect((await read(asMentor())).body).toEqual(byLearner.body);
    expect((await read(sk())).body).toEqual(byLearner.body);
    expect((await read(asLearner(tenant, 'stranger'))).status).toBe(404);
    expect((await read(sk(other))).status).toBe(404);
    expect((await read(asLearner(other))).status).toBe(404);
  });

  it('shows on the booking as feedbackGiven (list and one), for its own session only, without a 404 to probe', async () => {
    const rated = await bookedSession('learner-1', START);
    const unrated = await bookedSession('learner-1', '2026-11-26T10:00:00Z');
    const othersSession = await bookedSession('learner-2', '2026-11-26T11:00:00Z');
    const list = async (who: CallOptions) =>
      (await call<{ data: BookingBody[] }>(ctx.app, 'GET', '/v1/bookings?as=learner', who)).body.data;
    const given = (rows: BookingBody[]) => Object.fromEntries(rows.map((b) => [b.id, b.feedbackGiven]));
    expect(given(await list(asLearner(tenant)))).toEqual({ [rated]: false, [unrated]: false });

    ctx.clock.set('2026-11-26T11:20:00Z');
    expect((await feedback(rated, asLearner(tenant))).status).toBe(201);
    expect((await feedback(othersSession, asLearner(tenant, 'learner-2'))).status).toBe(201);
    expect(given(await list(asLearner(tenant)))).toEqual({ [rated]: true, [unrated]: false });
    expect(given(await list(asLearner(tenant, 'learner-2')))).toEqual({ [othersSession]: true });
    const one = (id: string, who: CallOptions) =>
      call<BookingBody>(ctx.app, 'GET', `/v1/bookings/${id}`, who);
    expect((await one(rated, asLearner(tenant))).body.feedbackGiven).toBe(true);
    expect((await one(unrated, asLearner(tenant))).body.feedbackGiven).toBe(false);
    // The mentor and the program see the same flag; another tenant sees nothing at all.
    expect((await one(rated, asMentor())).body.feedbackGiven).toBe(true);
    expect((await one(rated, sk())).body.feedbackGiven).toBe(true);
    const other = await ctx.tenant();
    expect((await one(rated, sk(other))).status).toBe(404);
    expect(await list(asLearner(other))).toEqual([]);
  });

  it('is refused to the mentor, the program, strangers and other tenants, and changes nothing', async () => {
    const bookingId = await bookedSession();
    ctx.clock.set(DURING);
    const other = await ctx.tenant();
    const attempts: [CallOptions, number, string][] = [
      [asMentor(), 403, 'forbidden'],
      [sk(), 403, 'forbidden'],
      [asLearner(tenant, 'stranger'), 404, 'not_found'],
      [asLearner(other), 404, 'not_found'],
      [sk(other), 404, 'not_found'],
    ];
    for (const [who, status, code] of attempts) {
      const res = await feedback(bookingId, who);
      expect(res.status, res.text).toBe(status);
      expect(res.body.code).toBe(code);
    }
    expect(
      await ctx.db.selectFrom('feedback').selectAll().where('booking_id', '=', bookingId).execute(),
    ).toEqual([]);
    const row = await ctx.db
      .selectFrom('mentors')
      .select(['rating_sum', 'rating_count'])
      .where('id', '=', mentor.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ rating_sum: 0, rating_count: 0 });
    const missing = await call(ctx.app, 'GET', `/v1/bookings/${bookingId}/feedback`, asLearner(tenant));
    expect(missing.status).toBe(404);
  });

  it('is refused on a cancelled session', async () => {
    const bookingId = await bookedSession();
    const cancel = await call(ctx.app, 'POST', `/v1/bookings/${bookingId}/cancel`, {
      ...asLearner(tenant),
      body: { reason: 'Solved it myself' },
    });
    expect(cancel.status).toBe(200);
    ctx.clock.set(DURING);
    const res = await feedback(bookingId, asLearner(tenant));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('booking_cancelled');
  });

  it('counts once when sent twice at the same moment', async () => {
    const bookingId = await bookedSession();
    ctx.clock.set(DURING);
    const results = await Promise.all([
      feedback(bookingId, asLearner(tenant), { rating: 5, solved: 'yes' }),
      feedback(bookingId, asLearner(tenant), { rating: 5, solved: 'yes' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const row = await ctx.db
      .selectFrom('mentors')
      .select(['rating_sum', 'rating_count'])
      .where('id', '=', mentor.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ rating_sum: 5, rating_count: 1 });
  });

  it('moves a mentor in matching: two otherwise equal mentors swap rank after feedback', async () => {
    const ALL_WEEK = { weekly: weekly('00:00', '24:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) };
    const profile = {
      headline: 'Database engineer',
      bio: 'I tune PostgreSQL query plans and teach joins.',
      skills: ['postgresql', 'sql-joins'],
      yearsExperience: 8,
    };
    const a = await bookableMentor(ctx, tenant, ALL_WEEK, {
      ...profile,
      name: 'Twin A',
      externalId: 'twin-a',
    });
    const b = await bookableMentor(ctx, tenant, ALL_WEEK, {
      ...profile,
      name: 'Twin B',
      externalId: 'twin-b',
    });
    const sessionA = await book(ctx, tenant, { mentorId: a.id, start: START }, 'learner-a');
    const sessionB = await book(ctx, tenant, { mentorId: b.id, start: START }, 'learner-b');
    expect([sessionA.status, sessionB.status]).toEqual([201, 201]);
    ctx.clock.set('2026-11-26T10:00:00Z');

    const ask = async () => {
      const res = await call<MatchesBody>(ctx.app, 'POST', '/v1/requests', {
        ...asLearner(tenant, 'asker'),
        body: { title: 'My Postgres joins return duplicate rows', urgency: 'flexible' },
      });
      expect(res.status, res.text).toBe(201);
      return res.body.matches.map((m) => m.mentor.id).filter((id) => id === a.id || id === b.id);
    };
    const before = await ask();
    expect(before).toHaveLength(2);
    const [first, second] = before as [string, string];

    // The learner of the mentor ranked first was disappointed; the other one was delighted.
    const ratings = new Map([
      [first, 1],
      [second, 5],
    ]);
    for (const [session, sub] of [
      [sessionA.body, 'learner-a'],
      [sessionB.body, 'learner-b'],
    ] as const) {
      const res = await feedback(session.id, asLearner(tenant, sub), {
        rating: ratings.get(session.mentorId),
        solved: 'yes',
      });
      expect(res.status, res.text).toBe(201);
    }
    expect(await ask()).toEqual([second, first]);
  });
});

describe('session notes and action items', () => {
  const putNotes = (bookingId: string, who: CallOptions, body: unknown) =>
    call<NotesBody & { code?: string; errors?: { path: string }[] }>(
      ctx.app,
      'PUT',
      `/v1/bookings/${bookingId}/notes`,
      { ...who, body },
    );
  const tick = (id: string, who: CallOptions, done = true) =>
    call<ItemBody & { code?: string }>(
      ctx.app,
      'POST',
      `/v1/action-items/${id}/${done ? 'done' : 'undone'}`,
      who,
    );

  it('are empty until the mentor writes them; the learner is told', async () => {
    const bookingId = await bookedSession();
    const empty = await call<NotesBody>(ctx.app, 'GET', `/v1/bookings/${bookingId}/notes`, asLearner(tenant));
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ bookingId, summary: '', actionItems: [], updatedAt: null });

    ctx.clock.set('2026-11-26T09:40:00Z');
    const res = await putNotes(bookingId, asMentor(), {
      summary: 'We found the fan-out in the LEFT JOIN.',
      actionItems: [{ text: 'Aggregate before joining' }, { text: 'Add an index on orders.customer_id' }],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      bookingId,
      summary: 'We found the fan-out in the LEFT JOIN.',
      updatedAt: '2026-11-26T09:40:00.000Z',
      actionItems: [
        { text: 'Aggregate before joining', position: 0, done: false, doneAt: null, bookingId },
        { text: 'Add an index on orders.customer_id', position: 1, done: false },
      ],
    });
    const read = await call<NotesBody>(ctx.app, 'GET', `/v1/bookings/${bookingId}/notes`, asLearner(tenant));
    expect(read.body).toEqual(res.body);
    expect((await call(ctx.app, 'GET', `/v1/bookings/${bookingId}/notes`, asMentor())).body).toEqual(
      res.body,
    );

    const events = await ctx.db
      .selectFrom('events')
      .selectAll()
      .where('tenant_id', '=', tenant.id)
      .where('type', '=', 'notes.updated')
      .execute();
    expect(events.map((e) => e.user_ids)).toEqual([[await userIdOf(ctx, tenant, 'learner-1')]]);
    expect(events[0]?.data).toMatchObject({ bookingId, actionItems: 2 });
  });

  it('are written by the mentor only; strangers and other tenants see nothing', async () => {
    const bookingId = await bookedSession();
    const other = await ctx.tenant();
    const body = { summary: 'Hijacked', actionItems: [] };
    expect((await putNotes(bookingId, asLearner(tenant), body)).status).toBe(403);
    expect((await putNotes(bookingId, sk(), body)).status).toBe(403);
    expect((await putNotes(bookingId, asLearner(tenant, 'stranger'), body)).status).toBe(404);
    expect((await putNotes(bookingId, asMentor(other), body)).status).toBe(404);
    expect((await putNotes(bookingId, sk(other), body)).status).toBe(404);
    const get = (who: CallOptions) => call(ctx.app, 'GET', `/v1/bookings/${bookingId}/notes`, who);
    expect((await get(asLearner(tenant, 'stranger'))).status).toBe(404);
    expect((await get(asLearner(other))).status).toBe(404);
    expect(
      await ctx.db.selectFrom('session_notes').selectAll().where('booking_id', '=', bookingId).execute(),
    ).toEqual([]);
  });

  it('keep the ids and done state of items sent back, in the new order, and drop the rest', async () => {
    const bookingId = await bookedSession();
    const first = await putNotes(bookingId, asMentor(), {
      summary: 'v1',
      actionItems: [{ text: 'One' }, { text: 'Two' }, { text: 'Three' }],
    });
    const [one, two, three] = first.body.actionItems as [ItemBody, ItemBody, ItemBody];

    ctx.clock.set('2026-11-26T18:00:00Z');
    const ticked = await tick(three.id, asLearner(tenant));
    expect(ticked.status, ticked.text).toBe(200);
    expect(ticked.body).toMatchObject({ id: three.id, done: true, doneAt: '2026-11-26T18:00:00.000Z' });
    ctx.clock.set('2026-11-26T19:00:00Z');
    expect((await tick(three.id, asLearner(tenant))).body.doneAt).toBe('2026-11-26T18:00:00.000Z');

    const second = await putNotes(bookingId, asMentor(), {
      summary: 'v2',
      actionItems: [{ id: three.id, text: 'Three, reworded' }, { text: 'Four' }, { id: one.id, text: 'One' }],
    });
    expect(second.status, second.text).toBe(200);
    expect(second.body.summary).toBe('v2');
    expect(second.body.actionItems).toMatchObject([
      { id: three.id, text: 'Three, reworded', position: 0, done: true, doneAt: '2026-11-26T18:00:00.000Z' },
      { text: 'Four', position: 1, done: false },
      { id: one.id, text: 'One', position: 2, done: false },
    ]);
    expect(second.body.actionItems.map((i) => i.id)).not.toContain(two.id);
    expect((await tick(two.id, asLearner(tenant))).status).toBe(404);

    const undone = await tick(three.id, asLearner(tenant), false);
    expect(undone.body).toMatchObject({ done: false, doneAt: null });
  });

  it('refuse ids that are not this session’s, or sent twice, and change nothing', async () => {
    const bookingId = await bookedSession();
    const otherBooking = await bookedSession('learner-2', '2026-11-26T10:00:00Z');
    const mine = await putNotes(bookingId, asMentor(), { summary: 'Mine', actionItems: [{ text: 'A' }] });
    const theirs = await putNotes(otherBooking, asMentor(), {
      summary: 'Theirs',
      actionItems: [{ text: 'B' }],
    });
    const foreign = theirs.body.actionItems[0]!.id;
    const own = mine.body.actionItems[0]!.id;

    const stolen = await putNotes(bookingId, asMentor(), {
      summary: 'x',
      actionItems: [{ id: foreign, text: 'B' }],
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors?.map((e) => e.path)).toEqual(['body.actionItems.0.id']);
    const twice = await putNotes(bookingId, asMentor(), {
      summary: 'x',
      actionItems: [
        { id: own, text: 'A' },
        { id: own, text: 'A again' },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors?.map((e) => e.path)).toEqual(['body.actionItems.1.id']);
    const after = await call<NotesBody>(ctx.app, 'GET', `/v1/bookings/${bookingId}/notes`, asMentor());
    expect(after.body).toEqual(mine.body);
  });

  it('are ticked off by the learner only', async () => {
    const bookingId = await bookedSession();
    const other = await ctx.tenant();
    const notes = await putNotes(bookingId, asMentor(), { summary: '', actionItems: [{ text: 'Practice' }] });
    const item = notes.body.actionItems[0]!.id;
    const mentorTry = await tick(item, asMentor());
    expect(mentorTry.status).toBe(403);
    expect(mentorTry.body.code).toBe('forbidden');
    expect((await tick(item, sk())).status).toBe(403);
    expect((await tick(item, asLearner(tenant, 'stranger'))).status).toBe(404);
    expect((await tick(item, asLearner(other))).status).toBe(404);
    const row = await ctx.db
      .selectFrom('action_items')
      .select('done_at')
      .where('id', '=', item)
      .executeTakeFirst();
    expect(row?.done_at).toBeNull();
  });

  it('cannot be written on a cancelled session', async () => {
    const bookingId = await bookedSession();
    await call(ctx.app, 'POST', `/v1/bookings/${bookingId}/cancel`, {
      ...asMentor(),
      body: { reason: 'Ill' },
    });
    const res = await putNotes(bookingId, asMentor(), { summary: 'x', actionItems: [] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('booking_cancelled');
  });
});

describe('board of advisors', () => {
  const put = (mentorId: string, who: CallOptions, label = 'SQL') =>
    call<BoardEntryBody & { code?: string }>(ctx.app, 'PUT', `/v1/me/board/${mentorId}`, {
      ...who,
      body: { label },
    });
  const board = async (who: CallOptions) =>
    (await call<{ data: BoardEntryBody[] }>(ctx.app, 'GET', '/v1/me/board', who)).body.data;

  it('adds, relabels (upsert) and removes a mentor, showing their public profile', async () => {
    const res = await put(mentor.id, asLearner(tenant), '  SQL  ');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ label: 'SQL', mentor: { id: mentor.id, name: 'Mia Mentor' } });
    ctx.clock.advance(60_000);
    const relabel = await put(mentor.id, asLearner(tenant), 'Databases');
    expect(relabel.body.label).toBe('Databases');
    expect(relabel.body.addedAt).toBe(res.body.addedAt);
    const entries = await board(asLearner(tenant));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual(relabel.body);
    expect(await board(asLearner(tenant, 'someone-else'))).toEqual([]);

    const removed = await call(ctx.app, 'DELETE', `/v1/me/board/${mentor.id}`, asLearner(tenant));
    expect(removed.status).toBe(204);
    expect(await board(asLearner(tenant))).toEqual([]);
    const again = await call<{ code: string }>(
      ctx.app,
      'DELETE',
      `/v1/me/board/${mentor.id}`,
      asLearner(tenant),
    );
    expect(again.status).toBe(404);
  });

  it('takes only approved mentors of the tenant, and needs a user', async () => {
    const pending = await createMentor(ctx, tenant, { status: 'pending', externalId: 'pending-1' });
    const other = await ctx.tenant();
    const foreign = await createMentor(ctx, other, { externalId: 'foreign-1' });
    expect((await put(pending.id, asLearner(tenant))).status).toBe(404);
    expect((await put(foreign.id, asLearner(tenant))).status).toBe(404);
    const self = await put(mentor.id, asMentor());
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('cannot_add_yourself');
    expect((await put(mentor.id, sk())).status).toBe(401);
    expect((await call(ctx.app, 'GET', '/v1/me/board', sk())).status).toBe(401);
    expect(
      await ctx.db.selectFrom('board_entries').selectAll().where('tenant_id', '=', tenant.id).execute(),
    ).toEqual([]);
  });

  it('hides a mentor who is no longer approved, and keeps the entry', async () => {
    expect((await put(mentor.id, asLearner(tenant))).status).toBe(200);
    await call(ctx.app, 'PATCH', `/v1/mentors/${mentor.id}`, { ...sk(), body: { status: 'paused' } });
    expect(await board(asLearner(tenant))).toEqual([]);
    await call(ctx.app, 'PATCH', `/v1/mentors/${mentor.id}`, { ...sk(), body: { status: 'approved' } });
    expect((await board(asLearner(tenant))).map((e) => e.label)).toEqual(['SQL']);
  });

  it('lifts a board mentor over an otherwise equal one in matching, with the reason', async () => {
    const ALL_WEEK = { weekly: weekly('00:00', '24:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) };
    const profile = { headline: 'Data', bio: 'Window functions and joins.', skills: ['sql', 'sql-joins'] };
    const a = await bookableMentor(ctx, tenant, ALL_WEEK, { ...profile, name: 'Twin A' });
    const b = await bookableMentor(ctx, tenant, ALL_WEEK, { ...profile, name: 'Twin B' });
    const ask = async () => {
      const res = await call<MatchesBody>(ctx.app, 'POST', '/v1/requests', {
        ...asLearner(tenant, 'asker'),
        body: { title: 'SQL joins double my totals', urgency: 'flexible' },
      });
      expect(res.status, res.text).toBe(201);
      return res.body.matches.filter((m) => m.mentor.id === a.id || m.mentor.id === b.id);
    };
    const before = await ask();
    const second = before[1]!.mentor.id;
    expect((await put(second, asLearner(tenant, 'asker'), 'SQL')).status).toBe(200);
    const after = await ask();
    expect(after[0]?.mentor.id).toBe(second);
    expect(after[0]?.reasons.map((r) => r.code)).toContain('on_board');
    // Only for that learner: someone else still sees the first order.
    const res = await call<MatchesBody>(ctx.app, 'POST', '/v1/requests', {
      ...asLearner(tenant, 'another-asker'),
      body: { title: 'SQL joins double my totals', urgency: 'flexible' },
    });
    expect(res.body.matches.filter((m) => m.mentor.id === a.id || m.mentor.id === b.id)[0]?.mentor.id).toBe(
      before[0]!.mentor.id,
    );
  });
});
