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
  CreateWebhookEndpointBody,
  GuestSession,
  GuestSessionBody,
  HelpRequest,
  HelpRequestWithMatches,
  ListBookingsQuery,
  ListHelpRequestsQuery,
  ListMentorsQuery,
  ListWebhookDeliveriesQuery,
  ListWebhookEndpointsQuery,
  Match,
  Matches,
  MatchReason,
  Me,
  Mentor,
  MentorApplicationBody,
  MentorStats,
  MentorStatus,
  RequestContext,
  RescheduleBookingBody,
  SessionFormat,
  Slots,
  SlotsQuery,
  TimeRange,
  UpdateMentorBody,
  UpdateWebhookEndpointBody,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventType,
} from '@micromentor/server/app-type';

export type {
  Availability,
  Booking,
  BookingStatus,
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
  RequestContext,
  SessionFormat,
  Slots,
  TimeRange,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventType,
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

// Webhooks (admin)
export type CreateWebhookEndpointParams = CreateWebhookEndpointBody;
export type UpdateWebhookEndpointParams = UpdateWebhookEndpointBody;
export type ListWebhookEndpointsParams = Partial<ListWebhookEndpointsQuery>;
export type ListWebhookDeliveriesParams = Partial<ListWebhookDeliveriesQuery>;

/** The JSON body of every webhook: `id` is the `webhook-id` header, the same on every retry. */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  /** When the event happened (ISO 8601). */
  timestamp: string;
  data: Record<string, unknown>;
}
