// The API's types, taken from the server itself: its zod schemas and its route table, through
// type-only imports that vanish from the build. A change to a server schema changes these
// types, and `pnpm typecheck` (with the pinning tests in test/types.test-d.ts) fails wherever
// the SDK no longer fits — the client cannot drift from the server.
import type {
  AdminMentor,
  AdminMentorsQuery,
  Analytics,
  AnalyticsQuery,
  ApiKey,
  Availability,
  AvailabilityBody,
  Booking,
  BookingStatus,
  CancelBookingBody,
  CreateBookingBody,
  CreateHelpRequestBody,
  CreateMentorBody,
  CreateReportBody,
  ExportDataset,
  ExportQuery,
  GuestSession,
  GuestSessionBody,
  HelpRequest,
  HelpRequestWithMatches,
  ListBookingsQuery,
  ListHelpRequestsQuery,
  ListMentorsQuery,
  Match,
  Matches,
  MatchReason,
  Me,
  Mentor,
  MentorApplicationBody,
  MentorStats,
  MentorStatus,
  ProgramSettings,
  Report,
  ReportsQuery,
  RequestContext,
  RescheduleBookingBody,
  ResolvedReport,
  ResolveReportBody,
  RotatedKey,
  RotateKeyBody,
  SessionFormat,
  Slots,
  SlotsQuery,
  StatusReasonBody,
  TimeRange,
  UpdateMentorBody,
  UpdateProgramSettingsBody,
} from '@micromentor/server/app-type';

export type {
  AdminMentor,
  Analytics,
  ApiKey,
  Availability,
  Booking,
  BookingStatus,
  ExportDataset,
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
  ProgramSettings,
  Report,
  RequestContext,
  ResolvedReport,
  RotatedKey,
  SessionFormat,
  Slots,
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

// Reports and program admin
export type CreateReportParams = CreateReportBody;
export type ListAdminMentorsParams = Partial<AdminMentorsQuery>;
export type StatusReasonParams = StatusReasonBody;
export type ListReportsParams = Partial<ReportsQuery>;
export type ResolveReportParams = ResolveReportBody;
export type UpdateProgramSettingsParams = UpdateProgramSettingsBody;
export type RotateKeyParams = RotateKeyBody;
export type AnalyticsParams = Omit<AnalyticsQuery, 'from' | 'to' | 'bucket'> & {
  from: DateInput;
  to: DateInput;
  bucket?: AnalyticsQuery['bucket'];
};
export type ExportParams = Omit<ExportQuery, 'from' | 'to'> & { from: DateInput; to: DateInput };
