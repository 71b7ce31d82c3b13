// Pins the SDK's public types to the server's route table: each method's parameters and result
// must equal what the route validates and answers. Checked by `tsc` (`pnpm typecheck`) and by
// vitest's typecheck mode (`pnpm test`), so a server change the SDK does not follow fails CI.
import type { ApiSchema, RouteInput, RouteOutput } from '@micromentor/server/app-type';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Availability,
  Booking,
  CallOptions,
  ConflictError,
  ConnectionError,
  CreateBookingParams,
  HelpRequest,
  IdempotencyError,
  Me,
  Mentor,
  Micromentor,
  MicromentorError,
  MicromentorOptions,
  Page,
  PageList,
  ProblemDetails,
  RateLimitError,
  TimeoutError,
  ValidationError,
  WriteOptions,
} from '../src/index.js';
import { type SignUserTokenOptions, signUserToken } from '../src/node/index.js';

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
    expectTypeOf(mm.bookings.calendarUrl).returns.toEqualTypeOf<string>();
    expectTypeOf(mm.bookings.calendar).returns.resolves.toEqualTypeOf<string>();
    expectTypeOf<'/v1/bookings/:id/calendar.ics'>().toExtend<Path>();
  });

  it('me and guest sessions', () => {
    expectTypeOf(mm.me.get).returns.resolves.toEqualTypeOf<Ok<'/v1/me', '$get'>>();
    expectTypeOf(mm.me.applyAsMentor).parameter(0).toEqualTypeOf<Json<'/v1/me/mentor-profile', '$post'>>();
    expectTypeOf(mm.me.applyAsMentor).returns.resolves.toEqualTypeOf<Mentor>();
    expectTypeOf(mm.guestSessions.create).parameter(0).toEqualTypeOf<Json<'/v1/guest-sessions', '$post'>>();
    expectTypeOf(mm.guestSessions.create).returns.resolves.toEqualTypeOf<Ok<'/v1/guest-sessions', '$post'>>();
  });
});

describe('the public surface has no any', () => {
  it('reports and the program admin', () => {
    expectTypeOf(mm.reports.create).parameter(0).toEqualTypeOf<Json<'/v1/reports', '$post'>>();
    expectTypeOf(mm.reports.create).returns.resolves.toEqualTypeOf<Ok<'/v1/reports', '$post'>>();
    expectTypeOf(mm.admin.mentors.list).returns.toEqualTypeOf<
      PageList<Item<Ok<'/v1/admin/mentors', '$get'>>>
    >();
    type MentorQuery = NonNullable<Parameters<typeof mm.admin.mentors.list>[0]>;
    expectTypeOf<keyof MentorQuery>().toEqualTypeOf<keyof Query<'/v1/admin/mentors', '$get'>>();
    expectTypeOf(mm.admin.mentors.approve).returns.resolves.toEqualTypeOf<
      Ok<'/v1/admin/mentors/:id/approve', '$post'>
    >();
    expectTypeOf(mm.admin.mentors.reject)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/admin/mentors/:id/reject', '$post'>>();
    expectTypeOf(mm.admin.mentors.pause)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/admin/mentors/:id/pause', '$post'>>();
    expectTypeOf(mm.admin.mentors.suspend)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/admin/mentors/:id/suspend', '$post'>>();
    expectTypeOf(mm.admin.mentors.reinstate).returns.resolves.toEqualTypeOf<
      Ok<'/v1/admin/mentors/:id/reinstate', '$post'>
    >();
    expectTypeOf(mm.admin.reports.list).returns.toEqualTypeOf<
      PageList<Item<Ok<'/v1/admin/reports', '$get'>>>
    >();
    type ReportQuery = NonNullable<Parameters<typeof mm.admin.reports.list>[0]>;
    expectTypeOf<keyof ReportQuery>().toEqualTypeOf<keyof Query<'/v1/admin/reports', '$get'>>();
    expectTypeOf(mm.admin.reports.resolve)
      .parameter(1)
      .toEqualTypeOf<Json<'/v1/admin/reports/:id/resolve', '$post'>>();
    expectTypeOf(mm.admin.reports.resolve).returns.resolves.toEqualTypeOf<
      Ok<'/v1/admin/reports/:id/resolve', '$post'>
    >();
    expectTypeOf(mm.admin.settings.get).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/settings', '$get'>>();
    expectTypeOf(mm.admin.settings.update).parameter(0).toEqualTypeOf<Json<'/v1/admin/settings', '$patch'>>();
    expectTypeOf(mm.admin.settings.update).returns.resolves.toEqualTypeOf<
      Ok<'/v1/admin/settings', '$patch'>
    >();
    expectTypeOf(mm.admin.keys.list).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/keys', '$get'>>();
    expectTypeOf(mm.admin.keys.rotate).parameter(0).toEqualTypeOf<Json<'/v1/admin/keys/rotate', '$post'>>();
    expectTypeOf(mm.admin.keys.rotate).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/keys/rotate', '$post'>>();
    type AnalyticsParams = Parameters<typeof mm.admin.analytics>[0];
    expectTypeOf<keyof AnalyticsParams>().toEqualTypeOf<keyof Query<'/v1/admin/analytics', '$get'>>();
    expectTypeOf<AnalyticsParams['from']>().toEqualTypeOf<string | Date>();
    expectTypeOf(mm.admin.analytics).returns.resolves.toEqualTypeOf<Ok<'/v1/admin/analytics', '$get'>>();
    type Dataset = Parameters<typeof mm.admin.exports.csv>[0];
    expectTypeOf<Dataset>().toEqualTypeOf<
      RouteInput<'/v1/admin/exports/:dataset', '$get'>['param']['dataset']
    >();
    type ExportParams = Parameters<typeof mm.admin.exports.csv>[1];
    expectTypeOf<keyof ExportParams>().toEqualTypeOf<keyof Query<'/v1/admin/exports/:dataset', '$get'>>();
    expectTypeOf(mm.admin.exports.csv).returns.resolves.toEqualTypeOf<string>();
  });

  it('models, options and pages are concrete', () => {
    expectTypeOf<Mentor>().not.toBeAny();
    expectTypeOf<Mentor['stats']['rating']>().toEqualTypeOf<number | null>();
    expectTypeOf<Mentor['formats']>().toEqualTypeOf<('video' | 'call' | 'chat')[]>();
    expectTypeOf<Me['user']>().not.toBeAny();
    expectTypeOf<Booking['status']>().toEqualTypeOf<'confirmed' | 'cancelled' | 'completed' | 'no_show'>();
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

  it('signUserToken takes the claims and returns the JWT', () => {
    expectTypeOf(signUserToken).parameter(0).toEqualTypeOf<SignUserTokenOptions>();
    expectTypeOf<SignUserTokenOptions['roles']>().toEqualTypeOf<
      readonly ('mentor' | 'admin')[] | undefined
    >();
    expectTypeOf(signUserToken).returns.toEqualTypeOf<string>();
  });
});
