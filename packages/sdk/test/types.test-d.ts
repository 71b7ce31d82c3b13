// Pins the SDK's public types to the server's route table: each method's parameters and result
// must equal what the route validates and answers. Checked by `tsc` (`pnpm typecheck`) and by
// vitest's typecheck mode (`pnpm test`), so a server change the SDK does not follow fails CI.
import type { ApiSchema, RouteInput, RouteOutput } from '@micromentor/server/app-type';
import { describe, expectTypeOf, it } from 'vitest';
import type { MicromentorAdmin } from '../src/admin.js';
import type {
  AcceptedOffer,
  ActionItem,
  AdminEmail,
  AdminEmailDetail,
  AuditEntry,
  Availability,
  Board,
  BoardEntry,
  Booking,
  CalendarFeed,
  CallOptions,
  ConflictError,
  ConnectionError,
  CreateBookingParams,
  EmailStatus,
  EventType,
  Feedback,
  HelpRequest,
  IdempotencyError,
  LiveEvent,
  Me,
  Mentor,
  MentorOffer,
  Message,
  Micromentor,
  MicromentorError,
  MicromentorOptions,
  MyMentorStats,
  OwnMentor,
  Page,
  PageList,
  PersonalDataExport,
  Presence,
  PreviousSession,
  ProblemDetails,
  RateLimitError,
  Recommendations,
  RequestBrief,
  SessionNotes,
  SubscribeOptions,
  Subscription,
  TextSegment,
  Thread,
  TimeoutError,
  ValidationError,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEventType,
  WriteOptions,
} from '../src/index.js';
import { linkify, myQuestions } from '../src/index.js';
import {
  type SignUserTokenOptions,
  signUserToken,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookVerificationError,
  type WebhookVerificationFailure,
} from '../src/node/index.js';
import type {
  CreateLtiPlatformParams,
  LtiPlatform,
  LtiRegistrationLink,
  LtiToolConfiguration,
  UpdateLtiPlatformParams,
  WebhookEvent,
} from '../src/types.js';

type Path = keyof ApiSchema & string;
type Json<P extends Path, M extends keyof ApiSchema[P]> =
  RouteInput<P, M> extends { json: infer J } ? J : never;
type Query<P extends Path, M extends keyof ApiSchema[P]> =
  RouteInput<P, M> extends { query: infer Q } ? Q : never;
type Ok<P extends Path, M extends keyof ApiSchema[P]> = RouteOutput<P, M>;
type Item<List> = List extends { data: (infer T)[] } ? T : never;
/** A body with its ISO date-time fields widened to `string | Date`, as the SDK takes them. */
type WithDates<T, K extends keyof T> = Omit<T, K> & {
  [F in K]: undefined extends T[F] ? T[F] | Date : T[F] | Date;
};

declare const mm: Micromentor;
/** The admin client (`@micromentor/sdk/admin`): `mm` plus the program's routes. */
declare const admin: MicromentorAdmin;

describe('resource methods match their routes', () => {
  it('mentors', () => {
    expectTypeOf(mm.mentors.get).returns.resolves.toEqualTypeOf<Ok<'/v1/mentors/:id', '$get'>>();
    expectTypeOf(mm.mentors.create).parameter(0).toEqualTypeOf<Json<'/v1/mentors', '$post'>>();
    expectTypeOf(mm.mentors.create).returns.resolves.toEqualTypeOf<Ok<'/v1/mentors', '$post'>>();
    expectTypeOf(mm.mentors.update).parameter(1).toEqualTypeOf<Json<'/v1/mentors/:id', '$patch'>>();
    expectTypeOf(mm.mentors.update).returns.resolves.toEqualTypeOf<Ok<'/v1/mentors/:id', '$patch'>>();
    expectTypeOf(mm.mentors.delete).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(mm.mentors.list).returns.toEqualTypeOf<PageList<Item<Ok<'/v1/mentors', '$get'>>>>();
    // Every filter the SDK offers is one the route reads, and the other way round.
    type ListParams = NonNullable<Parameters<typeof mm.mentors.list>[0]>;
    expectTypeOf<keyof ListParams>().toEqualTypeOf<keyof Query<'/v1/mentors', '$get'>>();
    expectTypeOf<ListParams['skills']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<ListParams['limit']>().toEqualTypeOf<number | undefined>();
  });

  it('availability and slots', () => {
    expectTypeOf(mm.mentors.availability.get).returns.resolves.toEqualTypeOf<
      Ok<'/v1/mentors/:id/availability', '$get'>
    >();
    expectTypeOf(mm.mentors.availability.set)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/mentors/:id/availability', '$put'>>();
    expectTypeOf(mm.mentors.availability.set).returns.resolves.toEqualTypeOf<Availability>();
    type SlotParams = Parameters<typeof mm.mentors.slots>[1];
    expectTypeOf<keyof SlotParams>().toEqualTypeOf<keyof Query<'/v1/mentors/:id/slots', '$get'>>();
    expectTypeOf<SlotParams['from']>().toEqualTypeOf<string | Date>();
    expectTypeOf<SlotParams['duration']>().toEqualTypeOf<number>();
    expectTypeOf(mm.mentors.slots).returns.resolves.toEqualTypeOf<Ok<'/v1/mentors/:id/slots', '$get'>>();
  });

  it('requests', () => {
    expectTypeOf(mm.requests.create).parameter(0).toEqualTypeOf<Json<'/v1/requests', '$post'>>();
    expectTypeOf(mm.requests.create).returns.resolves.toEqualTypeOf<Ok<'/v1/requests', '$post'>>();
    expectTypeOf(mm.requests.create).returns.resolves.toHaveProperty('matches');
    expectTypeOf(mm.requests.list).returns.toEqualTypeOf<PageList<Item<Ok<'/v1/requests', '$get'>>>>();
    type ListParams = NonNullable<Parameters<typeof mm.requests.list>[0]>;
    expectTypeOf<keyof ListParams>().toEqualTypeOf<keyof Query<'/v1/requests', '$get'>>();
    expectTypeOf(mm.requests.get).returns.resolves.toEqualTypeOf<Ok<'/v1/requests/:id', '$get'>>();
    expectTypeOf(mm.requests.matches).returns.resolves.toEqualTypeOf<
      Ok<'/v1/requests/:id/matches', '$get'>
    >();
    expectTypeOf(mm.requests.cancel).returns.resolves.toEqualTypeOf<Ok<'/v1/requests/:id/cancel', '$post'>>();
    expectTypeOf(mm.requests.cancel).returns.resolves.toEqualTypeOf<HelpRequest>();
    expectTypeOf(mm.requests.accept).returns.resolves.toEqualTypeOf<Ok<'/v1/requests/:id/accept', '$post'>>();
    expectTypeOf(mm.requests.decline).returns.resolves.toEqualTypeOf<
      Ok<'/v1/requests/:id/decline', '$post'>
    >();
    expectTypeOf(mm.requests.accept).returns.resolves.toEqualTypeOf<AcceptedOffer>();
    expectTypeOf(mm.requests.anotherMentor)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/requests/:id/another-mentor', '$post'> | undefined>();
    expectTypeOf(mm.requests.anotherMentor).returns.resolves.toEqualTypeOf<
      Ok<'/v1/requests/:id/another-mentor', '$post'>
    >();
    type Created = Ok<'/v1/requests', '$post'>;
    expectTypeOf<Created['offers']>().toEqualTypeOf<{ mentorId: string; expiresAt: string }[] | undefined>();
    expectTypeOf<Created['instantHelpAvailable']>().toEqualTypeOf<boolean | undefined>();
  });

  it('honest when nobody fits: ask the program, wait for a match, the program queue', () => {
    expectTypeOf(mm.requests.askProgram).returns.resolves.toEqualTypeOf<
      Ok<'/v1/requests/:id/ask-program', '$post'>
    >();
    expectTypeOf(mm.requests.waitForMatch).returns.resolves.toEqualTypeOf<
      Ok<'/v1/requests/:id/wait-for-match', '$post'>
    >();
    expectTypeOf(mm.requests.waitForMatch).returns.resolves.toEqualTypeOf<HelpRequest>();
    expectTypeOf(mm.programQueue.list).returns.toEqualTypeOf<
      PageList<Item<Ok<'/v1/program-queue', '$get'>>>
    >();
    type QueueParams = NonNullable<Parameters<typeof mm.programQueue.list>[0]>;
    expectTypeOf<keyof QueueParams>().toEqualTypeOf<keyof Query<'/v1/program-queue', '$get'>>();
    expectTypeOf(mm.programQueue.take).returns.resolves.toEqualTypeOf<
      Ok<'/v1/program-queue/:requestId/take', '$post'>
    >();
  });

  it('bookings', () => {
    expectTypeOf(mm.bookings.create).parameter(0).toEqualTypeOf<CreateBookingParams>();
    expectTypeOf<CreateBookingParams>().toEqualTypeOf<WithDates<Json<'/v1/bookings', '$post'>, 'start'>>();
    expectTypeOf(mm.bookings.create).parameter(1).toEqualTypeOf<WriteOptions | undefined>();
    expectTypeOf(mm.bookings.create).returns.resolves.toEqualTypeOf<Ok<'/v1/bookings', '$post'>>();
    expectTypeOf(mm.bookings.create).returns.resolves.toEqualTypeOf<Booking>();
    expectTypeOf(mm.bookings.list).returns.toEqualTypeOf<PageList<Item<Ok<'/v1/bookings', '$get'>>>>();
    type ListParams = NonNullable<Parameters<typeof mm.bookings.list>[0]>;
    expectTypeOf<keyof ListParams>().toEqualTypeOf<keyof Query<'/v1/bookings', '$get'>>();
    expectTypeOf(mm.bookings.get).returns.resolves.toEqualTypeOf<Ok<'/v1/bookings/:id', '$get'>>();
    expectTypeOf(mm.bookings.cancel).parameter(1).toEqualTypeOf<Json<'/v1/bookings/:id/cancel', '$post'>>();
    expectTypeOf(mm.bookings.cancel).returns.resolves.toEqualTypeOf<Ok<'/v1/bookings/:id/cancel', '$post'>>();
    expectTypeOf(mm.bookings.reschedule)
      .parameter(1)
      .toEqualTypeOf<WithDates<Json<'/v1/bookings/:id/reschedule', '$post'>, 'start'>>();
    expectTypeOf(mm.bookings.reschedule).returns.resolves.toEqualTypeOf<
      Ok<'/v1/bookings/:id/reschedule', '$post'>
    >();
    expectTypeOf(mm.bookings.noShow).parameter(1).toEqualTypeOf<Json<'/v1/bookings/:id/no-show', '$post'>>();
    expectTypeOf(mm.bookings.noShow).returns.resolves.toEqualTypeOf<
      Ok<'/v1/bookings/:id/no-show', '$post'>
    >();
    expectTypeOf<Booking['noShow']>().toEqualTypeOf<{
      who: 'mentor' | 'learner';
      recordedAt: string;
    } | null>();
    expectTypeOf(mm.bookings.calendarUrl).returns.toEqualTypeOf<string>();
    expectTypeOf(mm.bookings.calendar).returns.resolves.toEqualTypeOf<string>();
    expectTypeOf<'/v1/bookings/:id/calendar.ics'>().toExtend<Path>();
  });

  it('threads', () => {
    expectTypeOf(mm.threads.list).returns.toEqualTypeOf<PageList<Item<Ok<'/v1/threads', '$get'>>>>();
    type ListParams = NonNullable<Parameters<typeof mm.threads.list>[0]>;
    expectTypeOf<keyof ListParams>().toEqualTypeOf<keyof Query<'/v1/threads', '$get'>>();
    expectTypeOf(mm.threads.get).returns.resolves.toEqualTypeOf<Ok<'/v1/threads/:id', '$get'>>();
    expectTypeOf(mm.threads.get).returns.resolves.toEqualTypeOf<Thread>();
    expectTypeOf(mm.threads.messages).returns.toEqualTypeOf<
      PageList<Item<Ok<'/v1/threads/:id/messages', '$get'>>>
    >();
    type MessageParams = NonNullable<Parameters<typeof mm.threads.messages>[1]>;
    expectTypeOf<keyof MessageParams>().toEqualTypeOf<keyof Query<'/v1/threads/:id/messages', '$get'>>();
    expectTypeOf<MessageParams['order']>().toEqualTypeOf<'asc' | 'desc' | undefined>();
    expectTypeOf(mm.threads.post).parameter(1).toEqualTypeOf<Json<'/v1/threads/:id/messages', '$post'>>();
    expectTypeOf(mm.threads.post).parameter(2).toEqualTypeOf<WriteOptions | undefined>();
    expectTypeOf(mm.threads.post).returns.resolves.toEqualTypeOf<Ok<'/v1/threads/:id/messages', '$post'>>();
    expectTypeOf(mm.threads.post).returns.resolves.toEqualTypeOf<Message>();
    expectTypeOf(mm.threads.markRead)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/threads/:id/read', '$post'> | undefined>();
    expectTypeOf(mm.threads.markRead).returns.resolves.toEqualTypeOf<Ok<'/v1/threads/:id/read', '$post'>>();
    expectTypeOf(mm.threads.startForRequest)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/requests/:id/threads', '$post'> | undefined>();
    expectTypeOf(mm.threads.startForRequest).returns.resolves.toEqualTypeOf<
      Ok<'/v1/requests/:id/threads', '$post'>
    >();
    expectTypeOf<Message['body']>().toEqualTypeOf<string>();
    expectTypeOf<Thread['unreadCount']>().toEqualTypeOf<number>();
  });

  it('events and links', () => {
    expectTypeOf<'/v1/events'>().toExtend<Path>();
    expectTypeOf(mm.events.subscribe).parameter(0).toEqualTypeOf<SubscribeOptions>();
    expectTypeOf(mm.events.subscribe).returns.toEqualTypeOf<Subscription>();
    expectTypeOf<Parameters<SubscribeOptions['onEvent']>[0]>().toEqualTypeOf<LiveEvent>();
    expectTypeOf<LiveEvent['type']>().toEqualTypeOf<EventType>();
    expectTypeOf<'message.created'>().toExtend<EventType>();
    expectTypeOf<Subscription['lastEventId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SubscribeOptions['signal']>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf(linkify).returns.toEqualTypeOf<TextSegment[]>();
    expectTypeOf<Extract<TextSegment, { type: 'link' }>['href']>().toEqualTypeOf<string>();
  });

  it('me and guest sessions', () => {
    expectTypeOf(mm.me.get).returns.resolves.toEqualTypeOf<Ok<'/v1/me', '$get'>>();
    expectTypeOf(mm.me.applyAsMentor).parameter(0).toEqualTypeOf<Json<'/v1/me/mentor', '$post'>>();
    expectTypeOf(mm.me.applyAsMentor).returns.resolves.toEqualTypeOf<Ok<'/v1/me/mentor', '$post'>>();
    expectTypeOf(mm.me.applyAsMentor).returns.resolves.toEqualTypeOf<OwnMentor>();
    expectTypeOf(mm.me.mentorProfile).returns.resolves.toEqualTypeOf<Ok<'/v1/me/mentor', '$get'>>();
    expectTypeOf(mm.me.updateMentorProfile).parameter(0).toEqualTypeOf<Json<'/v1/me/mentor', '$patch'>>();
    expectTypeOf(mm.me.updateMentorProfile).returns.resolves.toEqualTypeOf<Ok<'/v1/me/mentor', '$patch'>>();
    // A mentor's own edit cannot even name the fields that belong to the program.
    expectTypeOf<
      'status' extends keyof Json<'/v1/me/mentor', '$patch'> ? true : false
    >().toEqualTypeOf<false>();
    expectTypeOf(mm.me.stats).returns.resolves.toEqualTypeOf<Ok<'/v1/me/stats', '$get'>>();
    expectTypeOf(mm.me.stats).returns.resolves.toEqualTypeOf<MyMentorStats>();
    expectTypeOf(mm.recognition.record).returns.resolves.toEqualTypeOf<Ok<'/v1/me/mentor/record', '$get'>>();
    expectTypeOf(mm.recognition.credential).returns.resolves.toEqualTypeOf<string>();
    expectTypeOf(mm.recognition.leaderboard).returns.resolves.toEqualTypeOf<Ok<'/v1/leaderboard', '$get'>>();
    type BoardParams = NonNullable<Parameters<typeof mm.recognition.leaderboard>[0]>;
    expectTypeOf<keyof BoardParams>().toEqualTypeOf<keyof Query<'/v1/leaderboard', '$get'>>();
    expectTypeOf<Mentor['badges'][number]['code']>().toEqualTypeOf<
      'first_session' | 'sessions_10' | 'sessions_50' | 'five_star_streak' | 'fast_responder'
    >();
    expectTypeOf(mm.me.offers).returns.toEqualTypeOf<PageList<Item<Ok<'/v1/me/offers', '$get'>>>>();
    type OfferParams = NonNullable<Parameters<typeof mm.me.offers>[0]>;
    expectTypeOf<keyof OfferParams>().toEqualTypeOf<keyof Query<'/v1/me/offers', '$get'>>();
    expectTypeOf(mm.me.setPresence).parameter(0).toEqualTypeOf<Json<'/v1/me/presence', '$put'>>();
    expectTypeOf(mm.me.setPresence).returns.resolves.toEqualTypeOf<Ok<'/v1/me/presence', '$put'>>();
    expectTypeOf(mm.me.setPresence).returns.resolves.toEqualTypeOf<Presence>();
    expectTypeOf(mm.me.calendarFeed).returns.resolves.toEqualTypeOf<Ok<'/v1/me/calendar-feed', '$get'>>();
    expectTypeOf(mm.me.calendarFeed).returns.resolves.toEqualTypeOf<CalendarFeed>();
    expectTypeOf(mm.me.renewCalendarFeed).returns.resolves.toEqualTypeOf<
      Ok<'/v1/me/calendar-feed', '$post'>
    >();
    expectTypeOf(mm.me.renewCalendarFeed).parameter(0).toEqualTypeOf<WriteOptions | undefined>();
    expectTypeOf(mm.me.stopCalendarFeed).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf<CalendarFeed['url']>().toEqualTypeOf<string | null>();
    expectTypeOf(mm.me.export).returns.resolves.toEqualTypeOf<Ok<'/v1/me/export', '$get'>>();
    expectTypeOf(mm.me.export).returns.resolves.toEqualTypeOf<PersonalDataExport>();
    expectTypeOf(mm.me.erase).returns.resolves.toEqualTypeOf<Ok<'/v1/me/erase', '$post'>>();
    expectTypeOf<Json<'/v1/me/erase', '$post'>>().toEqualTypeOf<{ confirm: 'erase' }>();
    expectTypeOf(mm.guestSessions.create).parameter(0).toEqualTypeOf<Json<'/v1/guest-sessions', '$post'>>();
    expectTypeOf(mm.guestSessions.create).returns.resolves.toEqualTypeOf<Ok<'/v1/guest-sessions', '$post'>>();
  });

  it("keeps the admin routes on MicromentorAdmin, off the browser entry's client", () => {
    expectTypeOf<Micromentor>().not.toHaveProperty('admin');
    expectTypeOf<MicromentorAdmin>().toMatchTypeOf<Micromentor>();
    expectTypeOf<MicromentorAdmin>().toHaveProperty('admin');
  });

  it('admin.webhooks', () => {
    const hooks = admin.admin.webhooks;
    expectTypeOf(hooks.create).parameter(0).toEqualTypeOf<Json<'/v1/admin/webhooks', '$post'>>();
    expectTypeOf(hooks.create).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/webhooks', '$post'>>();
    expectTypeOf<Ok<'/v1/admin/webhooks', '$post'>['secret']>().toEqualTypeOf<string>();
    expectTypeOf(hooks.list).returns.toEqualTypeOf<PageList<Item<Ok<'/v1/admin/webhooks', '$get'>>>>();
    type ListParams = NonNullable<Parameters<typeof hooks.list>[0]>;
    expectTypeOf<keyof ListParams>().toEqualTypeOf<keyof Query<'/v1/admin/webhooks', '$get'>>();
    expectTypeOf(hooks.get).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/webhooks/:id', '$get'>>();
    expectTypeOf(hooks.get).returns.resolves.toEqualTypeOf<WebhookEndpoint>();
    expectTypeOf<WebhookEndpoint>().not.toHaveProperty('secret');
    expectTypeOf(hooks.update).parameter(1).toEqualTypeOf<Json<'/v1/admin/webhooks/:id', '$patch'>>();
    expectTypeOf(hooks.update).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/webhooks/:id', '$patch'>>();
    expectTypeOf(hooks.delete).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(hooks.rotateSecret)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/admin/webhooks/:id/rotate-secret', '$post'> | undefined>();
    expectTypeOf(hooks.rotateSecret).returns.resolves.toEqualTypeOf<
      Ok<'/v1/admin/webhooks/:id/rotate-secret', '$post'>
    >();
    expectTypeOf(hooks.deliveries).returns.toEqualTypeOf<
      PageList<Item<Ok<'/v1/admin/webhooks/:id/deliveries', '$get'>>>
    >();
    type DeliveryParams = NonNullable<Parameters<typeof hooks.deliveries>[1]>;
    expectTypeOf<keyof DeliveryParams>().toEqualTypeOf<
      keyof Query<'/v1/admin/webhooks/:id/deliveries', '$get'>
    >();
    expectTypeOf(hooks.replay).returns.resolves.toEqualTypeOf<
      Ok<'/v1/admin/webhooks/:id/deliveries/:deliveryId/replay', '$post'>
    >();
    expectTypeOf(hooks.replay).returns.resolves.toEqualTypeOf<WebhookDelivery>();
  });

  it('admin.users', () => {
    const users = admin.admin.users;
    expectTypeOf(users.find).parameter(0).toEqualTypeOf<Query<'/v1/admin/users', '$get'>>();
    expectTypeOf(users.find).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/users', '$get'>>();
    expectTypeOf(users.export).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/users/:userId/export', '$get'>>();
    expectTypeOf(users.export).returns.resolves.toEqualTypeOf<PersonalDataExport>();
    expectTypeOf(users.erase).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/users/:userId/erase', '$post'>>();
  });

  it('admin.ltiPlatforms', () => {
    const lti = admin.admin.ltiPlatforms;
    const P = '/v1/admin/lti/platforms' as const;
    const One = '/v1/admin/lti/platforms/:id' as const;
    // The SDK's written-out types equal the route table's, both ways.
    expectTypeOf<LtiPlatform>().toEqualTypeOf<Ok<typeof One, '$get'>>();
    expectTypeOf<CreateLtiPlatformParams>().toEqualTypeOf<Json<typeof P, '$post'>>();
    expectTypeOf<UpdateLtiPlatformParams>().toEqualTypeOf<Json<typeof One, '$patch'>>();
    expectTypeOf(lti.list).returns.resolves.toEqualTypeOf<Ok<typeof P, '$get'>>();
    expectTypeOf(lti.create).parameter(0).toEqualTypeOf<Json<typeof P, '$post'>>();
    expectTypeOf(lti.create).returns.resolves.toEqualTypeOf<Ok<typeof P, '$post'>>();
    expectTypeOf(lti.get).returns.resolves.toEqualTypeOf<Ok<typeof One, '$get'>>();
    expectTypeOf(lti.update).parameter(1).toEqualTypeOf<Json<typeof One, '$patch'>>();
    expectTypeOf(lti.update).returns.resolves.toEqualTypeOf<Ok<typeof One, '$patch'>>();
    expectTypeOf(lti.delete).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf<LtiToolConfiguration>().toEqualTypeOf<Ok<typeof One, '$get'>['tool']>();
  });

  it('admin.ltiRegistrationLinks', () => {
    const links = admin.admin.ltiRegistrationLinks;
    const P = '/v1/admin/lti/registration-links' as const;
    // Written out, equal to the route table's answer both ways; the call takes no body.
    expectTypeOf<LtiRegistrationLink>().toEqualTypeOf<Ok<typeof P, '$post'>>();
    expectTypeOf(links.create).returns.resolves.toEqualTypeOf<Ok<typeof P, '$post'>>();
    expectTypeOf(links.create).parameters.toEqualTypeOf<[options?: WriteOptions]>();
  });

  it('admin.emails', () => {
    const emails = admin.admin.emails;
    expectTypeOf(emails.list).returns.toEqualTypeOf<PageList<Item<Ok<'/v1/admin/emails', '$get'>>>>();
    type ListParams = NonNullable<Parameters<typeof emails.list>[0]>;
    expectTypeOf<keyof ListParams>().toEqualTypeOf<keyof Query<'/v1/admin/emails', '$get'>>();
    expectTypeOf<ListParams['status']>().toEqualTypeOf<EmailStatus | undefined>();
    expectTypeOf(emails.get).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/emails/:id', '$get'>>();
    expectTypeOf(emails.get).returns.resolves.toEqualTypeOf<AdminEmailDetail>();
    expectTypeOf<AdminEmailDetail['ics']>().toEqualTypeOf<string | null>();
    expectTypeOf<AdminEmail['to']>().toEqualTypeOf<string | null>();
  });

  it('admin.audit', () => {
    const audit = admin.admin.audit;
    expectTypeOf(audit.list).returns.toEqualTypeOf<PageList<Item<Ok<'/v1/admin/audit', '$get'>>>>();
    expectTypeOf(audit.list).returns.toEqualTypeOf<PageList<AuditEntry>>();
    type ListParams = NonNullable<Parameters<typeof audit.list>[0]>;
    expectTypeOf<keyof ListParams>().toEqualTypeOf<keyof Query<'/v1/admin/audit', '$get'>>();
    expectTypeOf<ListParams['from']>().toEqualTypeOf<string | Date | undefined>();
    type ExportParams = NonNullable<Parameters<typeof audit.export>[0]>;
    expectTypeOf<keyof ExportParams>().toEqualTypeOf<keyof Query<'/v1/admin/audit/export', '$get'>>();
    expectTypeOf<ExportParams['format']>().toEqualTypeOf<'csv' | 'jsonl' | undefined>();
    expectTypeOf(audit.export).returns.resolves.toEqualTypeOf<string>();
    expectTypeOf<AuditEntry['actor']['keyKind']>().toEqualTypeOf<'secret' | 'publishable' | 'cli'>();
  });
});

describe('after the session', () => {
  it('feedback and notes', () => {
    expectTypeOf(mm.bookings.feedback)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/bookings/:id/feedback', '$post'>>();
    expectTypeOf(mm.bookings.feedback).returns.resolves.toEqualTypeOf<
      Ok<'/v1/bookings/:id/feedback', '$post'>
    >();
    expectTypeOf(mm.bookings.feedback).returns.resolves.toEqualTypeOf<Feedback>();
    expectTypeOf<Feedback['solved']>().toEqualTypeOf<'yes' | 'partly' | 'no'>();
    expectTypeOf(mm.bookings.getFeedback).returns.resolves.toEqualTypeOf<
      Ok<'/v1/bookings/:id/feedback', '$get'>
    >();
    expectTypeOf(mm.bookings.notes).returns.resolves.toEqualTypeOf<Ok<'/v1/bookings/:id/notes', '$get'>>();
    expectTypeOf(mm.bookings.notes).returns.resolves.toEqualTypeOf<SessionNotes>();
    expectTypeOf(mm.bookings.setNotes).parameter(1).toEqualTypeOf<Json<'/v1/bookings/:id/notes', '$put'>>();
    expectTypeOf(mm.bookings.setNotes).returns.resolves.toEqualTypeOf<Ok<'/v1/bookings/:id/notes', '$put'>>();
    expectTypeOf(mm.actionItems.done).returns.resolves.toEqualTypeOf<
      Ok<'/v1/action-items/:id/done', '$post'>
    >();
    expectTypeOf(mm.actionItems.undone).returns.resolves.toEqualTypeOf<
      Ok<'/v1/action-items/:id/undone', '$post'>
    >();
    expectTypeOf(mm.actionItems.done).returns.resolves.toEqualTypeOf<ActionItem>();
  });

  it('the board of advisors', () => {
    expectTypeOf(mm.me.board).returns.resolves.toEqualTypeOf<Ok<'/v1/me/board', '$get'>>();
    expectTypeOf(mm.me.board).returns.resolves.toEqualTypeOf<Board>();
    expectTypeOf(mm.me.addToBoard).parameter(1).toEqualTypeOf<Json<'/v1/me/board/:id', '$put'> | undefined>();
    expectTypeOf(mm.me.addToBoard).returns.resolves.toEqualTypeOf<Ok<'/v1/me/board/:id', '$put'>>();
    expectTypeOf(mm.me.addToBoard).returns.resolves.toEqualTypeOf<BoardEntry>();
    expectTypeOf(mm.me.removeFromBoard).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf<'/v1/me/board/:id'>().toExtend<Path>();
  });

  it('what to ask about next', () => {
    expectTypeOf(mm.me.recommendations).returns.resolves.toEqualTypeOf<
      Ok<'/v1/me/recommendations', '$get'>
    >();
    expectTypeOf(mm.me.recommendations).returns.resolves.toEqualTypeOf<Recommendations>();
    expectTypeOf(mm.me.dismissRecommendation)
      .parameter(0)
      .toEqualTypeOf<Json<'/v1/me/recommendations/dismiss', '$post'>['skill']>();
    expectTypeOf(mm.me.dismissRecommendation).returns.resolves.toEqualTypeOf<void>();
  });

  it('advice from several mentors on one question', () => {
    const mine = myQuestions(mm);
    expectTypeOf(mine.questions).returns.resolves.toEqualTypeOf<Ok<'/v1/me/questions', '$get'>>();
    expectTypeOf(mine.advice).returns.resolves.toEqualTypeOf<
      Ok<'/v1/me/questions/:requestId/advice', '$get'>
    >();
    expectTypeOf(mine.decide).returns.resolves.toEqualTypeOf<
      Ok<'/v1/me/questions/:requestId/decision', '$post'>
    >();
    expectTypeOf(mine.decide)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/me/questions/:requestId/decision', '$post'>['text']>();
    expectTypeOf(mine.shareAdvice).returns.resolves.toEqualTypeOf<
      Ok<'/v1/me/questions/:requestId/share', '$post'>
    >();
  });
});

describe('the public surface has no any', () => {
  it('reports and the program admin', () => {
    expectTypeOf(mm.reports.create).parameter(0).toEqualTypeOf<Json<'/v1/reports', '$post'>>();
    expectTypeOf(mm.reports.create).returns.resolves.toEqualTypeOf<Ok<'/v1/reports', '$post'>>();
    expectTypeOf(admin.admin.mentors.list).returns.toEqualTypeOf<
      PageList<Item<Ok<'/v1/admin/mentors', '$get'>>>
    >();
    type MentorQuery = NonNullable<Parameters<typeof admin.admin.mentors.list>[0]>;
    expectTypeOf<keyof MentorQuery>().toEqualTypeOf<keyof Query<'/v1/admin/mentors', '$get'>>();
    expectTypeOf(admin.admin.mentors.approve).returns.resolves.toEqualTypeOf<
      Ok<'/v1/admin/mentors/:id/approve', '$post'>
    >();
    expectTypeOf(admin.admin.mentors.reject)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/admin/mentors/:id/reject', '$post'>>();
    expectTypeOf(admin.admin.mentors.pause)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/admin/mentors/:id/pause', '$post'>>();
    expectTypeOf(admin.admin.mentors.suspend)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/admin/mentors/:id/suspend', '$post'>>();
    expectTypeOf(admin.admin.mentors.reinstate).returns.resolves.toEqualTypeOf<
      Ok<'/v1/admin/mentors/:id/reinstate', '$post'>
    >();
    expectTypeOf(admin.admin.reports.list).returns.toEqualTypeOf<
      PageList<Item<Ok<'/v1/admin/reports', '$get'>>>
    >();
    type ReportQuery = NonNullable<Parameters<typeof admin.admin.reports.list>[0]>;
    expectTypeOf<keyof ReportQuery>().toEqualTypeOf<keyof Query<'/v1/admin/reports', '$get'>>();
    expectTypeOf(admin.admin.reports.resolve)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/admin/reports/:id/resolve', '$post'>>();
    expectTypeOf(admin.admin.reports.resolve).returns.resolves.toEqualTypeOf<
      Ok<'/v1/admin/reports/:id/resolve', '$post'>
    >();
    expectTypeOf(admin.admin.settings.get).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/settings', '$get'>>();
    expectTypeOf(admin.admin.settings.update)
      .parameter(0)
      .toEqualTypeOf<Json<'/v1/admin/settings', '$patch'>>();
    expectTypeOf(admin.admin.settings.update).returns.resolves.toEqualTypeOf<
      Ok<'/v1/admin/settings', '$patch'>
    >();
    expectTypeOf(admin.admin.keys.list).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/keys', '$get'>>();
    expectTypeOf(admin.admin.keys.rotate)
      .parameter(0)
      .toEqualTypeOf<Json<'/v1/admin/keys/rotate', '$post'>>();
    expectTypeOf(admin.admin.keys.rotate).returns.resolves.toEqualTypeOf<
      Ok<'/v1/admin/keys/rotate', '$post'>
    >();
    type AnalyticsParams = Parameters<typeof admin.admin.analytics>[0];
    expectTypeOf<keyof AnalyticsParams>().toEqualTypeOf<keyof Query<'/v1/admin/analytics', '$get'>>();
    expectTypeOf<AnalyticsParams['from']>().toEqualTypeOf<string | Date>();
    expectTypeOf(admin.admin.analytics).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/analytics', '$get'>>();
    type Dataset = Parameters<typeof admin.admin.exports.csv>[0];
    expectTypeOf<Dataset>().toEqualTypeOf<
      RouteInput<'/v1/admin/exports/:dataset', '$get'>['param']['dataset']
    >();
    type ExportParams = Parameters<typeof admin.admin.exports.csv>[1];
    expectTypeOf<keyof ExportParams>().toEqualTypeOf<keyof Query<'/v1/admin/exports/:dataset', '$get'>>();
    expectTypeOf(admin.admin.exports.csv).returns.resolves.toEqualTypeOf<string>();
  });

  it('models, options and pages are concrete', () => {
    expectTypeOf<Mentor>().not.toBeAny();
    expectTypeOf<Mentor['stats']['rating']>().toEqualTypeOf<number | null>();
    expectTypeOf<Mentor['formats']>().toEqualTypeOf<('video' | 'call' | 'chat')[]>();
    expectTypeOf<Me['user']>().not.toBeAny();
    expectTypeOf<Booking['status']>().toEqualTypeOf<'confirmed' | 'cancelled' | 'completed' | 'no_show'>();
    // Who booked and why (issue #15): on sessions, offers and threads alike.
    expectTypeOf<Booking['learnerName']>().toEqualTypeOf<string>();
    expectTypeOf<Booking['request']>().toEqualTypeOf<RequestBrief | null>();
    expectTypeOf<Booking['previousSessions']>().toEqualTypeOf<PreviousSession[] | undefined>();
    expectTypeOf<MentorOffer['previousSessions']>().toEqualTypeOf<PreviousSession[]>();
    expectTypeOf<Thread['request']>().toEqualTypeOf<RequestBrief | null>();
    expectTypeOf<Thread['previousSessions']>().toEqualTypeOf<PreviousSession[] | undefined>();
    expectTypeOf<PreviousSession['notes']>().toEqualTypeOf<string | null>();
    expectTypeOf<RequestBrief['context']['selection']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Booking['feedbackGiven']>().toEqualTypeOf<boolean>();
    // A call: the learner's number (only theirs and their mentor's to see) or the mentor's dial-in.
    expectTypeOf<Booking['phone']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Booking['dialIn']>().toEqualTypeOf<string | null>();
    expectTypeOf<CreateBookingParams['phone']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Mentor['hasCallBridge']>().toEqualTypeOf<boolean>();
    expectTypeOf<OwnMentor['callBridge']>().toEqualTypeOf<string | null>();
    expectTypeOf<Page<Mentor>['data']>().toEqualTypeOf<Mentor[]>();
    expectTypeOf(mm.mentors.list().toArray).returns.resolves.toEqualTypeOf<Mentor[]>();
    expectTypeOf(mm.request).returns.resolves.toBeUnknown();
    expectTypeOf<CallOptions['signal']>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<MicromentorOptions['fetch']>().not.toBeAny();
  });

  it('iterating a list yields its items', async () => {
    for await (const mentor of mm.mentors.list({ skills: ['sql'] })) {
      expectTypeOf(mentor).toEqualTypeOf<Mentor>();
    }
  });

  it('errors carry typed status, code, request id and problem', () => {
    expectTypeOf<MicromentorError['status']>().toEqualTypeOf<number>();
    expectTypeOf<MicromentorError['code']>().toEqualTypeOf<string>();
    expectTypeOf<MicromentorError['requestId']>().toEqualTypeOf<string | null>();
    expectTypeOf<MicromentorError['problem']>().toEqualTypeOf<ProblemDetails | null>();
    expectTypeOf<ValidationError['errors']>().toEqualTypeOf<{ path: string; message: string }[]>();
    expectTypeOf<RateLimitError['retryAfterMs']>().toEqualTypeOf<number | null>();
    expectTypeOf<ConflictError>().toExtend<MicromentorError>();
    expectTypeOf<IdempotencyError>().toExtend<MicromentorError>();
    expectTypeOf<TimeoutError>().toExtend<ConnectionError>();
    // The server's problem body fits the SDK's reading of it.
    expectTypeOf<import('@micromentor/server/app-type').Problem>().toExtend<ProblemDetails>();
  });

  it('verifyWebhook returns a typed event or throws a typed error', () => {
    expectTypeOf(verifyWebhook).parameter(0).toEqualTypeOf<VerifyWebhookOptions>();
    expectTypeOf(verifyWebhook).returns.toEqualTypeOf<WebhookEvent>();
    expectTypeOf<WebhookEvent['type']>().toEqualTypeOf<WebhookEventType>();
    expectTypeOf<WebhookEventType>().toEqualTypeOf<Json<'/v1/admin/webhooks', '$post'>['events'][number]>();
    expectTypeOf<WebhookVerificationError['reason']>().toEqualTypeOf<WebhookVerificationFailure>();
    expectTypeOf<VerifyWebhookOptions['payload']>().toEqualTypeOf<string | Uint8Array>();
  });

  it('signUserToken takes the claims and returns the JWT', () => {
    expectTypeOf(signUserToken).parameter(0).toEqualTypeOf<SignUserTokenOptions>();
    expectTypeOf<SignUserTokenOptions['roles']>().toEqualTypeOf<
      readonly ('mentor' | 'admin')[] | undefined
    >();
    expectTypeOf(signUserToken).returns.toEqualTypeOf<string>();
  });
});
