// The API's types, taken from the server itself: its zod schemas and its route table, through
// type-only imports that vanish from the build. A change to a server schema changes these
// types, and `pnpm typecheck` (with the pinning tests in test/types.test-d.ts) fails wherever
// the SDK no longer fits — the client cannot drift from the server.
import type {
  Availability,
  AvailabilityBody,
  Booking,
  BookingStatus,
  CancelBookingBody,
  CreateBookingBody,
  CreateHelpRequestBody,
  CreateMentorBody,
  EventType,
  GuestSession,
  GuestSessionBody,
  HelpRequest,
  HelpRequestWithMatches,
  ListBookingsQuery,
  ListHelpRequestsQuery,
  ListMentorsQuery,
  ListMessagesQuery,
  ListThreadsQuery,
  MarkThreadReadBody,
  Match,
  Matches,
  MatchReason,
  Me,
  Mentor,
  MentorApplicationBody,
  MentorStats,
  MentorStatus,
  Message,
  PostMessageBody,
  RequestContext,
  RescheduleBookingBody,
  SessionFormat,
  Slots,
  SlotsQuery,
  StartThreadBody,
  Thread,
  ThreadRole,
  TimeRange,
  UpdateMentorBody,
} from '@micromentor/server/app-type';

export type {
  Availability,
  Booking,
  BookingStatus,
  EventType,
  GuestSession,
  HelpRequest,
  HelpRequestWithMatches,
  Match,
  Matches,
  MatchReason,
  Me,
  Mentor,
  MentorStats,
  MentorStatus,
  Message,
  RequestContext,
  SessionFormat,
  Slots,
  Thread,
  ThreadRole,
  TimeRange,
};

export type UserRole = NonNullable<Me['user']>['roles'][number];

/** A time on the wire: an ISO 8601 string, or a `Date` the SDK turns into one. */
export type DateInput = string | Date;

// Mentors
export type CreateMentorParams = CreateMentorBody;
export type UpdateMentorParams = UpdateMentorBody;
export type MentorApplicationParams = MentorApplicationBody;
export type ListMentorsParams = Partial<ListMentorsQuery>;
export type AvailabilityParams = AvailabilityBody;
export type SlotsParams = Omit<SlotsQuery, 'from' | 'to'> & { from: DateInput; to: DateInput };

// Help requests
export type CreateHelpRequestParams = CreateHelpRequestBody;
export type ListHelpRequestsParams = Partial<ListHelpRequestsQuery>;

// Bookings
export type CreateBookingParams = Omit<CreateBookingBody, 'start'> & { start: DateInput };
export type CancelBookingParams = CancelBookingBody;
export type RescheduleBookingParams = Omit<RescheduleBookingBody, 'start'> & { start: DateInput };
export type ListBookingsParams = Omit<Partial<ListBookingsQuery>, 'from' | 'to'> & {
  from?: DateInput;
  to?: DateInput;
};

// Guests
export type GuestSessionParams = GuestSessionBody;

// Threads
export type ListThreadsParams = Partial<ListThreadsQuery>;
export type ListMessagesParams = Partial<ListMessagesQuery>;
export type PostMessageParams = PostMessageBody;
export type MarkThreadReadParams = MarkThreadReadBody;
export type StartThreadParams = StartThreadBody;
