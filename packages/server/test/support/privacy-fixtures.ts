import { expect } from 'vitest';
import { jobHandlers } from '../../src/jobs/handlers.js';
import { createWorker } from '../../src/jobs/worker.js';
import { bookableMentor, weekly } from './booking-fixtures.js';
import type { TestContext, TestTenant } from './context.js';
import { type CallOptions, call } from './http.js';

/**
 * A program where one person, Quinn, has done everything: a mentor (profile, availability with a
 * meeting link, contact email, sessions held, a badge, notes written, a session ahead) and a
 * learner (a request, a thread with messages, sessions with another mentor, feedback, a report,
 * the board, a dismissed suggestion, a decision on their question, a calendar feed, an email preference), with email sent and pending to them and
 * webhooks delivered and pending about them. Otto (a learner of Quinn's) and Mia (a mentor Quinn
 * booked) are the other parties, with words of their own.
 */
export const QUINN = {
  sub: 'quinn-sub-7f3a',
  name: 'Quinn Quasimodo',
  email: 'quinn.quasimodo@example.org',
  contactEmail: 'quinn.mentoring@example.org',
};

/** Every text Quinn wrote: none may be anywhere after erasure. */
export const QUINN_TEXTS = {
  headline: 'Zymurgy consultant for quixotic brewers',
  bio: 'I brew quixotic zymurgy recipes and teach fermentation.',
  meetingUrl: 'https://meet.example/quinn-private-room',
  requestTitle: 'Tuning a xylophone for the orchestra',
  requestDetails: 'My xylophone buzzes every night at nine',
  message: 'Quinn asks about the zebra crossing',
  mentorMessage: 'Quinn mentoring reply about walruses',
  bookingNote: 'Booking note about kumquats',
  notes: 'Session summary about marzipan castles',
  actionItem: 'Fold origami cranes daily',
  feedback: 'Feedback comment about pelicans',
  report: 'Report details about the lighthouse',
  boardLabel: 'Nectarine advisor',
  decision: 'Decided to retune with a quokka mallet',
  idempotentMessage: 'Idempotent message about quasars',
};

/** What the others wrote: all of it stays. */
export const OTHERS_TEXTS = {
  mia: 'Mia replies about the zebra question here',
  otto: 'Otto answers the walrus story',
  ottoFeedback: 'Otto feedback stays with Otto',
  ottoRequest: 'Otto wants help with sourdough starters',
};

export interface PrivacyWorld {
  tenant: TestTenant;
  quinnUserId: string;
  quinnMentorId: string;
  miaMentorId: string;
  ottoUserId: string;
  /** Quinn's session as mentor still ahead (with Otto), and as learner (with Mia). */
  aheadAsMentor: string;
  aheadAsLearner: string;
  quinnAsLearner: CallOptions;
  quinnAsMentor: CallOptions;
  otto: CallOptions;
  mia: CallOptions;
}

const ok = (res: { status: number; text: string }, status = 200) => expect(res.status, res.text).toBe(status);

export async function buildPrivacyWorld(ctx: TestContext): Promise<PrivacyWorld> {
  const tenant = await ctx.tenant();
  // Tokens are signed at the test clock's now whenever they are read (the clock moves on).
  const user = (
    sub: string,
    name: string,
    email: string,
    roles: ('mentor' | 'admin')[] = [],
  ): CallOptions => ({
    key: tenant.publishableKey,
    origin: tenant.origin,
    get token() {
      return tenant.token({ sub, name, email, roles });
    },
  });
  const quinnAsLearner = user(QUINN.sub, QUINN.name, QUINN.email);
  const quinnAsMentor = user(QUINN.sub, QUINN.name, QUINN.email, ['mentor']);
  const otto = user('otto-sub', 'Otto Other', 'otto@example.org');
  const mia = user('mia-sub', 'Mia Mentor', 'mia@example.org', ['mentor']);

  // Every event goes to a webhook endpoint (no worker sends it: they stay pending).
  const hook = await call(ctx.app, 'POST', '/v1/admin/webhooks', {
    key: tenant.secretKey,
    body: {
      url: 'https://hooks.example.org/in',
      events: [
        'request.created',
        'request.matched',
        'booking.created',
        'booking.cancelled',
        'booking.completed',
        'feedback.submitted',
      ],
    },
  });
  ok(hook, 201);

  const miaMentor = await bookableMentor(ctx, tenant, {}, { externalId: 'mia-sub', name: 'Mia Mentor' });
  const quinnMentor = await bookableMentor(
    ctx,
    tenant,
    { meetingUrl: QUINN_TEXTS.meetingUrl, weekly: weekly('08:00', '18:00') },
    {
      externalId: QUINN.sub,
      name: QUINN.name,
      headline: QUINN_TEXTS.headline,
      bio: QUINN_TEXTS.bio,
      skills: ['sql', 'postgres'],
    },
  );
  ok(
    await call(ctx.app, 'PATCH', '/v1/me/mentor', {
      ...quinnAsMentor,
      body: { contactEmail: QUINN.contactEmail },
    }),
  );

  // Quinn the learner: a request, a thread with Mia, messages both ways.
  const asked = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
    ...quinnAsLearner,
    body: {
      title: QUINN_TEXTS.requestTitle,
      details: QUINN_TEXTS.requestDetails,
      urgency: 'flexible',
      skills: ['sql'],
    },
  });
  ok(asked, 201);
  const ottoAsked = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
    ...otto,
    body: { title: OTHERS_TEXTS.ottoRequest, urgency: 'flexible', skills: ['sql'] },
  });
  ok(ottoAsked, 201);
  const thread = await call<{ id: string }>(
    ctx.app,
    'POST',
    `/v1/requests/${asked.body.request.id}/threads`,
    {
      ...quinnAsLearner,
      body: { mentorId: miaMentor.id },
    },
  );
  ok(thread, 201);
  ok(
    await call(ctx.app, 'POST', `/v1/threads/${thread.body.id}/messages`, {
      ...quinnAsLearner,
      body: { body: QUINN_TEXTS.message },
    }),
    201,
  );
  ok(
    await call(ctx.app, 'POST', `/v1/threads/${thread.body.id}/messages`, {
      ...mia,
      body: { body: OTHERS_TEXTS.mia },
    }),
    201,
  );
  // A replayable response holding Quinn's words.
  ok(
    await call(ctx.app, 'POST', `/v1/threads/${thread.body.id}/messages`, {
      ...quinnAsLearner,
      headers: { 'Idempotency-Key': 'quinn-key-1' },
      body: { body: QUINN_TEXTS.idempotentMessage },
    }),
    201,
  );

  // Sessions tomorrow: Quinn with Mia (as learner), Otto with Quinn (as mentor).
  const withMia = await call<{ id: string }>(ctx.app, 'POST', '/v1/bookings', {
    ...quinnAsLearner,
    body: {
      mentorId: miaMentor.id,
      start: '2026-11-26T09:00:00Z',
      durationMinutes: 30,
      format: 'video',
      note: QUINN_TEXTS.bookingNote,
      requestId: asked.body.request.id,
    },
  });
  ok(withMia, 201);
  const withOtto = await call<{ id: string; threadId: string | null }>(ctx.app, 'POST', '/v1/bookings', {
    ...otto,
    body: { mentorId: quinnMentor.id, start: '2026-11-26T10:00:00Z', durationMinutes: 30, format: 'video' },
  });
  ok(withOtto, 201);
  const ottoThread = await call<{ id: string }>(
    ctx.app,
    'POST',
    `/v1/requests/${ottoAsked.body.request.id}/threads`,
    {
      ...otto,
      body: { mentorId: quinnMentor.id },
    },
  );
  ok(ottoThread, 201);
  ok(
    await call(ctx.app, 'POST', `/v1/threads/${ottoThread.body.id}/messages`, {
      ...otto,
      body: { body: OTHERS_TEXTS.otto },
    }),
    201,
  );
  ok(
    await call(ctx.app, 'POST', `/v1/threads/${ottoThread.body.id}/messages`, {
      ...quinnAsMentor,
      body: { body: QUINN_TEXTS.mentorMessage },
    }),
    201,
  );
  // Sessions ahead, which erasure cancels.
  const aheadAsMentor = await call<{ id: string }>(ctx.app, 'POST', '/v1/bookings', {
    ...otto,
    body: { mentorId: quinnMentor.id, start: '2026-12-02T10:00:00Z', durationMinutes: 30, format: 'video' },
  });
  ok(aheadAsMentor, 201);
  const aheadAsLearner = await call<{ id: string }>(ctx.app, 'POST', '/v1/bookings', {
    ...quinnAsLearner,
    body: { mentorId: miaMentor.id, start: '2026-12-02T11:00:00Z', durationMinutes: 30, format: 'video' },
  });
  ok(aheadAsLearner, 201);

  // Email goes out (to the local mailbox) for what happened so far; webhooks stay pending.
  const all = jobHandlers();
  const emailOnly = Object.fromEntries(Object.entries(all).filter(([kind]) => kind.startsWith('email.')));
  const mailer = createWorker({ db: ctx.db, clock: ctx.clock, handlers: emailOnly });
  await mailer.drain();

  // The sessions of tomorrow are held; the completion jobs run (Quinn earns a badge).
  ctx.clock.set('2026-11-26T12:00:00Z');
  const sessions = createWorker({
    db: ctx.db,
    clock: ctx.clock,
    handlers: Object.fromEntries(Object.entries(all).filter(([kind]) => kind.startsWith('booking.'))),
  });
  await sessions.drain();

  ok(
    await call(ctx.app, 'PUT', `/v1/bookings/${withOtto.body.id}/notes`, {
      ...quinnAsMentor,
      body: { summary: QUINN_TEXTS.notes, actionItems: [{ text: QUINN_TEXTS.actionItem }] },
    }),
  );
  ok(
    await call(ctx.app, 'POST', `/v1/bookings/${withMia.body.id}/feedback`, {
      ...quinnAsLearner,
      body: { rating: 5, solved: 'yes', comment: QUINN_TEXTS.feedback },
    }),
    201,
  );
  ok(
    await call(ctx.app, 'POST', `/v1/bookings/${withOtto.body.id}/feedback`, {
      ...otto,
      body: { rating: 4, solved: 'partly', comment: OTHERS_TEXTS.ottoFeedback },
    }),
    201,
  );
  ok(
    await call(ctx.app, 'PUT', `/v1/me/board/${miaMentor.id}`, {
      ...quinnAsLearner,
      body: { label: QUINN_TEXTS.boardLabel },
    }),
  );
  ok(
    await call(ctx.app, 'POST', '/v1/me/recommendations/dismiss', {
      ...quinnAsLearner,
      body: { skill: 'window-functions' },
    }),
    204,
  );
  ok(
    await call(ctx.app, 'POST', `/v1/me/questions/${asked.body.request.id}/decision`, {
      ...quinnAsLearner,
      body: { text: QUINN_TEXTS.decision },
    }),
  );
  ok(
    await call(ctx.app, 'POST', '/v1/reports', {
      ...quinnAsLearner,
      body: {
        mentorId: miaMentor.id,
        bookingId: withMia.body.id,
        reason: 'other',
        details: QUINN_TEXTS.report,
      },
    }),
    201,
  );
  ok(await call(ctx.app, 'POST', '/v1/me/calendar-feed', quinnAsLearner), 201);
  ok(
    await call(ctx.app, 'PATCH', '/v1/me/email-preferences', {
      ...quinnAsLearner,
      body: { kinds: { reminders: false } },
    }),
  );
  // Some email is sent, the rest (about the feedback and notes) still pending.
  await mailer.drain();
  ok(
    await call(ctx.app, 'POST', `/v1/threads/${thread.body.id}/messages`, {
      ...quinnAsLearner,
      body: { body: `${QUINN_TEXTS.message} again` },
    }),
    201,
  );

  // One webhook delivery went out already (its copy here is still ours to scrub).
  await ctx.db
    .updateTable('webhook_deliveries')
    .set({ status: 'delivered', delivered_at: ctx.clock.now(), attempts: 1 })
    .where('tenant_id', '=', tenant.id)
    .where('event_type', '=', 'request.created')
    .execute();

  const ids = async (sub: string) =>
    (
      await ctx.db
        .selectFrom('users')
        .select('id')
        .where('tenant_id', '=', tenant.id)
        .where('external_id', '=', sub)
        .executeTakeFirstOrThrow()
    ).id;
  return {
    tenant,
    quinnUserId: await ids(QUINN.sub),
    ottoUserId: await ids('otto-sub'),
    quinnMentorId: quinnMentor.id,
    miaMentorId: miaMentor.id,
    aheadAsMentor: aheadAsMentor.body.id,
    aheadAsLearner: aheadAsLearner.body.id,
    quinnAsLearner,
    quinnAsMentor,
    otto,
    mia,
  };
}
