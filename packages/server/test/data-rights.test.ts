// Data rights (docs/features/data-rights.md): a person's export, and their erasure checked against
// a dump of every table of the database.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programAnalytics } from '../src/domain/analytics/analytics.js';
import { backfillEmbeddings } from '../src/domain/matching/semantic/backfill.js';
import { SentenceEmbedder } from '../src/domain/matching/semantic/profile-vector.js';
import { useLiteProvider } from '../src/domain/matching/semantic/use-lite.js';
import { asLearner, book, bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext } from './support/context.js';
import { type CallOptions, call } from './support/http.js';
import {
  buildPrivacyWorld,
  OTHERS_TEXTS,
  type PrivacyWorld,
  QUINN,
  QUINN_TEXTS,
} from './support/privacy-fixtures.js';

let ctx: TestContext;
let w: PrivacyWorld;
/** Matching by meaning keeps mentors' sentences in mentor_embeddings: erasure must clear them too. */
const embedder = new SentenceEmbedder(useLiteProvider());

interface Export {
  user: { id: string; externalId: string; name: string; email: string | null; erasedAt: string | null };
  requests: { title: string; details: string }[];
  bookings: { id: string; as: string; withName: string; note: string | null; status: string }[];
  threads: { id: string; as: string; withName: string }[];
  messages: { body: string }[];
  notes: { bookingId: string; summary: string; actionItems: { text: string }[] }[];
  feedback: { given: { comment: string | null }[]; received: { rating: number; comment: string | null }[] };
  reports: { details: string }[];
  board: { mentorName: string; label: string }[];
  recommendationDismissals: { skill: string; createdAt: string }[];
  questionDecisions: { requestId: string; decision: string | null; shareEarlierAdvice: boolean }[];
  badges: { code: string }[];
  emailPreferences: { learner: Record<string, boolean>; mentor: Record<string, boolean> | null };
  calendarFeed: { on: boolean };
  mentorProfile: {
    name: string;
    bio: string;
    contactEmail: string | null;
    availability: { meetingUrl: string | null } | null;
  } | null;
  emails: { to: string; subject: string }[];
}

/** Every row of every table of the schema, as PostgreSQL writes the row as text. */
async function dumpEveryTable(): Promise<Map<string, string[]>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(ctx.db);
  const dump = new Map<string, string[]>();
  for (const { name } of tables) {
    const { rows } = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(
      ctx.db,
    );
    dump.set(
      name,
      rows.map((r) => r.row),
    );
  }
  return dump;
}

/** Where in the dump a text occurs: `table: row` lines. */
function findIn(dump: Map<string, string[]>, text: string): string[] {
  const lower = text.toLowerCase();
  return [...dump].flatMap(([table, rows]) =>
    rows.filter((row) => row.toLowerCase().includes(lower)).map((row) => `${table}: ${row.slice(0, 300)}`),
  );
}

const analyticsRange = () => ({
  tenantId: w.tenant.id,
  from: new Date('2026-11-01T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
  bucket: 'day' as const,
});

const admin = (): CallOptions => ({
  key: w.tenant.publishableKey,
  origin: w.tenant.origin,
  token: w.tenant.token({ sub: 'admin-sub', name: 'Ada Admin', roles: ['admin'] }),
});

/** The program's audit entries of one action (the log keeps user ids only, never names). */
const auditOf = (action: string) =>
  ctx.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'target'])
    .where('tenant_id', '=', w.tenant.id)
    .where('action', '=', action)
    .execute();

beforeAll(async () => {
  ctx = await createTestContext();
  w = await buildPrivacyWorld(ctx);
  await backfillEmbeddings(ctx.db, embedder);
}, 120_000);
afterAll(() => ctx.close());

describe('GET /v1/me/export', () => {
  it('downloads everything held about the person as one JSON attachment, never cached', async () => {
    const res = await call<Export>(ctx.app, 'GET', '/v1/me/export', w.quinnAsMentor);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="micromentor-export-2026-11-26.json"',
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await auditOf('GET /v1/me/export')).toEqual([{ actor_user_id: w.quinnUserId, target: null }]);
    const data = res.body;
    expect(data.user).toMatchObject({
      id: w.quinnUserId,
      externalId: QUINN.sub,
      name: QUINN.name,
      email: QUINN.email,
    });
    expect(data.requests).toEqual([
      expect.objectContaining({ title: QUINN_TEXTS.requestTitle, details: QUINN_TEXTS.requestDetails }),
    ]);
    // Sessions on both sides, named by the other person.
    expect(data.bookings.map((b) => [b.as, b.withName]).sort()).toEqual([
      ['learner', 'Mia Mentor'],
      ['learner', 'Mia Mentor'],
      ['mentor', 'Otto Other'],
      ['mentor', 'Otto Other'],
    ]);
    expect(data.bookings.find((b) => b.note)?.note).toBe(QUINN_TEXTS.bookingNote);
    expect(data.threads.map((t) => t.as).sort()).toEqual(['learner', 'mentor']);
    // Their own messages only: the others' words are the others'.
    const bodies = data.messages.map((m) => m.body);
    expect(bodies).toEqual(expect.arrayContaining([QUINN_TEXTS.message, QUINN_TEXTS.mentorMessage]));
    expect(bodies).not.toContain(OTHERS_TEXTS.mia);
    expect(bodies).not.toContain(OTHERS_TEXTS.otto);
    expect(data.notes).toEqual([
      expect.objectContaining({
        summary: QUINN_TEXTS.notes,
        actionItems: [expect.objectContaining({ text: QUINN_TEXTS.actionItem })],
      }),
    ]);
    expect(data.feedback.given).toEqual([expect.objectContaining({ comment: QUINN_TEXTS.feedback })]);
    expect(data.feedback.received).toEqual([expect.objectContaining({ rating: 4, comment: null })]);
    expect(data.reports).toEqual([expect.objectContaining({ details: QUINN_TEXTS.report })]);
    expect(data.board).toEqual([
      expect.objectContaining({ mentorName: 'Mia Mentor', label: QUINN_TEXTS.boardLabel }),
    ]);
    expect(data.questionDecisions).toEqual([
      expect.objectContaining({ decision: QUINN_TEXTS.decision, shareEarlierAdvice: false }),
    ]);
    expect(data.recommendationDismissals).toEqual([
      { skill: 'window-functions', createdAt: expect.any(String) },
    ]);
    expect(data.badges.map((b) => b.code)).toContain('first_session');
    expect(data.emailPreferences.learner.reminders).toBe(false);
    expect(data.emailPreferences.mentor?.reminders).toBe(true);
    expect(data.calendarFeed.on).toBe(true);
    expect(data.mentorProfile).toMatchObject({
      name: QUINN.name,
      bio: QUINN_TEXTS.bio,
      contactEmail: QUINN.contactEmail,
      availability: { meetingUrl: QUINN_TEXTS.meetingUrl },
    });
    expect(data.emails.length).toBeGreaterThan(0);
    expect(data.emails.every((e) => [QUINN.email, QUINN.contactEmail].includes(e.to))).toBe(true);
    // The calendar feed's secret is a credential, not data: it is not in the file.
    const feed = await call<{ url: string }>(ctx.app, 'GET', '/v1/me/calendar-feed', w.quinnAsLearner);
    const secret = /calendar\/([A-Za-z0-9]+)\.ics/.exec(feed.body.url)![1]!;
    expect(res.text).not.toContain(secret);
  });

  it('is the user’s own: without a user token it is refused', async () => {
    const res = await call<{ code: string }>(ctx.app, 'GET', '/v1/me/export', { key: w.tenant.secretKey });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('user_token_required');
  });
});

describe('admins acting for a user', () => {
  it('finds a user by host id or by a part of their name or email', async () => {
    const byId = await call<{ data: { id: string }[] }>(
      ctx.app,
      'GET',
      `/v1/admin/users?externalId=${QUINN.sub}`,
      admin(),
    );
    expect(byId.status, byId.text).toBe(200);
    expect(byId.body.data.map((u) => u.id)).toEqual([w.quinnUserId]);
    const byName = await call<{ data: { id: string }[] }>(ctx.app, 'GET', '/v1/admin/users?q=quasi', {
      key: w.tenant.secretKey,
    });
    expect(byName.body.data.map((u) => u.id)).toEqual([w.quinnUserId]);
    const wild = await call<{ data: unknown[] }>(ctx.app, 'GET', '/v1/admin/users?q=%25%25', admin());
    expect(wild.body.data).toEqual([]);
    const neither = await call<{ code: string }>(ctx.app, 'GET', '/v1/admin/users', admin());
    expect(neither.status).toBe(400);
    expect(neither.body.code).toBe('validation_failed');
  });

  it('exports a user’s data as the user would, and refuses a learner', async () => {
    const mine = await call<Export>(ctx.app, 'GET', '/v1/me/export', w.quinnAsMentor);
    const theirs = await call<Export>(ctx.app, 'GET', `/v1/admin/users/${w.quinnUserId}/export`, admin());
    expect(theirs.status, theirs.text).toBe(200);
    expect(theirs.headers.get('content-disposition')).toMatch(/^attachment; filename="micromentor-export-/);
    expect(theirs.body).toEqual(mine.body);
    const refused = await call<{ code: string }>(
      ctx.app,
      'GET',
      `/v1/admin/users/${w.quinnUserId}/export`,
      w.otto,
    );
    expect(refused.status).toBe(403);
  });
});

describe('erasure', () => {
  it('refuses without the confirmation, and changes nothing', async () => {
    const res = await call<{ code: string }>(ctx.app, 'POST', '/v1/me/erase', {
      ...w.quinnAsLearner,
      body: { confirm: 'yes' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    const me = await call<{ user: { id: string } }>(ctx.app, 'GET', '/v1/me', w.quinnAsLearner);
    expect(me.body.user.id).toBe(w.quinnUserId);
  });

  it('leaves no table holding their name, email, host id or texts; the others’ words and the counts stay', async () => {
    const before = await dumpEveryTable();
    // The fixture put them everywhere (the check below would find nothing otherwise).
    for (const text of [QUINN.name, QUINN.email, QUINN_TEXTS.message, QUINN_TEXTS.requestTitle]) {
      expect(findIn(before, text).length, text).toBeGreaterThan(2);
    }
    expect(findIn(before, QUINN_TEXTS.feedback).some((r) => r.startsWith('webhook_deliveries'))).toBe(true);
    expect(findIn(before, QUINN_TEXTS.message).some((r) => r.startsWith('events'))).toBe(true);
    expect(findIn(before, QUINN.email).some((r) => r.startsWith('email_messages'))).toBe(true);
    expect(findIn(before, QUINN_TEXTS.bio).some((r) => r.startsWith('mentor_embeddings'))).toBe(true);
    const analyticsBefore = await programAnalytics(ctx.db, analyticsRange(), { source: 'live' });
    const rolledBefore = await programAnalytics(ctx.db, analyticsRange());
    expect(rolledBefore.totals.sessions.completed).toBe(2);

    const res = await call<{ userId: string; counts: Record<string, number> }>(
      ctx.app,
      'POST',
      '/v1/me/erase',
      {
        ...w.quinnAsLearner,
        body: { confirm: 'erase' },
      },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.userId).toBe(w.quinnUserId);
    expect(await auditOf('POST /v1/me/erase')).toEqual([{ actor_user_id: w.quinnUserId, target: null }]);
    expect(res.body.counts).toMatchObject({
      bookingsCancelled: 2,
      messages: 4,
      requests: 1,
      mentorProfiles: 1,
      recommendationDismissals: 1,
      questionChoices: 1,
    });

    const after = await dumpEveryTable();
    expect(findIn(before, w.quinnUserId).some((r) => r.startsWith('recommendation_dismissals'))).toBe(true);
    expect(findIn(after, w.quinnUserId).filter((r) => r.startsWith('recommendation_dismissals'))).toEqual([]);
    expect(findIn(before, w.quinnUserId).some((r) => r.startsWith('question_choices'))).toBe(true);
    expect(findIn(after, w.quinnUserId).filter((r) => r.startsWith('question_choices'))).toEqual([]);
    const theirs = [QUINN.name, QUINN.email, QUINN.contactEmail, QUINN.sub, ...Object.values(QUINN_TEXTS)];
    for (const text of theirs) expect(findIn(after, text), text).toEqual([]);
    for (const text of Object.values(OTHERS_TEXTS))
      expect(findIn(after, text).length, text).toBeGreaterThan(0);
    // Rows stay: the others' threads still read in order, sessions and ratings still count.
    for (const table of ['messages', 'bookings', 'feedback', 'help_requests', 'threads', 'users']) {
      expect(after.get(table)!.length, table).toBe(before.get(table)!.length);
    }
    expect(await programAnalytics(ctx.db, analyticsRange(), { source: 'live' })).toEqual(analyticsBefore);
    expect(await programAnalytics(ctx.db, analyticsRange())).toEqual(rolledBefore);
  });

  it('shows the other party "Erased user" and "[erased]" in their own records, and cancels the sessions ahead so they are told', async () => {
    const threads = await call<{
      data: { id: string; mentor: { name: string }; learner: { name: string } }[];
    }>(ctx.app, 'GET', '/v1/threads', w.otto);
    const withQuinn = threads.body.data.find((t) => t.mentor.name === 'Erased user');
    expect(withQuinn).toBeDefined();
    const messages = await call<{ data: { body: string }[] }>(
      ctx.app,
      'GET',
      `/v1/threads/${withQuinn!.id}/messages`,
      w.otto,
    );
    expect(messages.body.data.map((m) => m.body)).toEqual([OTHERS_TEXTS.otto, '[erased]']);
    const ahead = await call<{ status: string; cancelledBy: string; cancelReason: string }>(
      ctx.app,
      'GET',
      `/v1/bookings/${w.aheadAsMentor}`,
      w.otto,
    );
    expect(ahead.body).toMatchObject({ status: 'cancelled', cancelledBy: 'program' });
    const told = await ctx.db
      .selectFrom('events')
      .select('user_ids')
      .where('tenant_id', '=', w.tenant.id)
      .where('type', '=', 'booking.cancelled')
      .execute();
    expect(told.some((e) => e.user_ids.includes(w.ottoUserId))).toBe(true);
    // The public profile is gone.
    const profile = await call(ctx.app, 'GET', `/v1/mentors/${w.quinnMentorId}`, { key: w.tenant.secretKey });
    expect(profile.status).toBe(404);
    // Email to them that was not sent yet never will be.
    const pending = await ctx.db
      .selectFrom('email_messages')
      .select('status')
      .where('tenant_id', '=', w.tenant.id)
      .where('recipient_id', 'in', [w.quinnUserId, w.quinnMentorId])
      .execute();
    expect(pending.map((m) => m.status)).not.toContain('pending');
  });

  it('makes the same sub signing in again a new, empty user; erasing again changes nothing', async () => {
    const me = await call<{ user: { id: string }; mentorProfile: unknown }>(
      ctx.app,
      'GET',
      '/v1/me',
      w.quinnAsMentor,
    );
    expect(me.body.user.id).not.toBe(w.quinnUserId);
    expect(me.body.mentorProfile).toBeNull();
    const fresh = await call<Export>(ctx.app, 'GET', '/v1/me/export', w.quinnAsMentor);
    expect(fresh.body.requests).toEqual([]);
    expect(fresh.body.bookings).toEqual([]);

    const again = await call<{ counts: Record<string, number> }>(
      ctx.app,
      'POST',
      `/v1/admin/users/${w.quinnUserId}/erase`,
      { ...admin(), body: { confirm: 'erase' } },
    );
    expect(again.status, again.text).toBe(200);
    expect(again.body.counts).toEqual({});
    const tomb = await call<Export>(ctx.app, 'GET', `/v1/admin/users/${w.quinnUserId}/export`, admin());
    expect(tomb.body.user).toMatchObject({ name: 'Erased user', email: null });
    expect(tomb.body.user.erasedAt).not.toBeNull();
    expect(tomb.body.user.externalId).toMatch(/^erased:/);
  });

  it('erases, by the profile, the person behind a mentor profile the program made who never signed in', async () => {
    const pia = {
      name: 'Pia Profileonly',
      headline: 'Pomelo pipelines',
      bio: 'I untangle pomelo pipelines in dbt',
      contactEmail: 'pia.profile@example.org',
    };
    const withHostId = await bookableMentor(ctx, w.tenant, {}, { externalId: 'pia-sub', ...pia });
    const withoutHostId = await bookableMentor(
      ctx,
      w.tenant,
      {},
      { name: 'Nico Noid', bio: 'Nectarine notebooks, no host id' },
    );
    const booked = await book(
      ctx,
      w.tenant,
      { mentorId: withHostId.id, start: '2026-12-03T10:00:00Z' },
      'pia-learner',
    );
    expect(booked.status, booked.text).toBe(201);
    await backfillEmbeddings(ctx.db, embedder, { tenantId: w.tenant.id });
    const before = await dumpEveryTable();
    expect(findIn(before, pia.contactEmail).length).toBeGreaterThan(0);
    expect(findIn(before, 'Nectarine notebooks').some((r) => r.startsWith('mentor_embeddings'))).toBe(true);

    for (const mentor of [withHostId, withoutHostId]) {
      const res = await call(ctx.app, 'POST', `/v1/admin/mentors/${mentor.id}/erase`, {
        key: w.tenant.secretKey,
        body: { confirm: 'erase' },
      });
      expect(res.status, res.text).toBe(200);
    }
    const after = await dumpEveryTable();
    for (const text of [...Object.values(pia), 'pia-sub', 'Nico Noid', 'Nectarine notebooks']) {
      expect(findIn(after, text), text).toEqual([]);
    }
    const seen = await call<{ status: string }>(
      ctx.app,
      'GET',
      `/v1/bookings/${booked.body.id}`,
      asLearner(w.tenant, 'pia-learner'),
    );
    expect(seen.body.status).toBe('cancelled');
    const gone = await call(ctx.app, 'GET', `/v1/mentors/${withHostId.id}`, { key: w.tenant.secretKey });
    expect(gone.status).toBe(404);
    const missing = await call<{ code: string }>(
      ctx.app,
      'POST',
      '/v1/admin/mentors/5b0c3a9e-0000-4000-8000-000000000000/erase',
      { key: w.tenant.secretKey, body: { confirm: 'erase' } },
    );
    expect(missing.status).toBe(404);
  });

  it('lets an admin erase a learner, and refuses another tenant’s user as missing', async () => {
    const other = await ctx.tenant();
    const theirAdmin = {
      key: other.publishableKey,
      origin: other.origin,
      token: other.token({ sub: 'other-admin', roles: ['admin'] }),
    };
    for (const path of [`/v1/admin/users/${w.ottoUserId}/export`, `/v1/admin/users/${w.ottoUserId}/erase`]) {
      const res = await call<{ code: string }>(ctx.app, path.endsWith('erase') ? 'POST' : 'GET', path, {
        ...theirAdmin,
        body: path.endsWith('erase') ? { confirm: 'erase' } : undefined,
      });
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    const erased = await call(ctx.app, 'POST', `/v1/admin/users/${w.ottoUserId}/erase`, {
      key: w.tenant.secretKey,
      body: { confirm: 'erase' },
    });
    expect(erased.status, erased.text).toBe(200);
    expect(await auditOf('POST /v1/admin/users/{userId}/erase')).toContainEqual({
      actor_user_id: null,
      target: w.ottoUserId,
    });
    const after = await dumpEveryTable();
    for (const text of ['Otto Other', 'otto@example.org', OTHERS_TEXTS.otto, OTHERS_TEXTS.ottoFeedback]) {
      expect(findIn(after, text), text).toEqual([]);
    }
    expect(findIn(after, OTHERS_TEXTS.mia).length).toBeGreaterThan(0);
  });
});
