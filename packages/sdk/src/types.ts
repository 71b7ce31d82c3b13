// The API's types, taken from the server itself: its zod schemas and its route table, through
// type-only imports that vanish from the build. A change to a server schema changes these
// types, and `pnpm typecheck` (with the pinning tests in test/types.test-d.ts) fails wherever
// the SDK no longer fits — the client cannot drift from the server.
import type {
  AcceptedOffer,
  ActionItem,
  AdminEmail,
  AdminEmailDetail,
  AdminEmailsQuery,
  AdminMentor,
  AdminMentorsQuery,
  AdminReport,
  AdminUser,
  AdminUserList,
  AdminUsersQuery,
  AdviceExplanation,
  Analytics,
  AnalyticsQuery,
  AnotherMentor,
  AnotherMentorBody,
  ApiKey,
  AuditEntry,
  AuditExportQuery,
  AuditQuery,
  Availability,
  AvailabilityBody,
  Badge,
  BadgeCode,
  Board,
  BoardEntry,
  Booking,
  BookingStatus,
  CalendarFeed,
  CancelBookingBody,
  CreateBookingBody,
  CreateFeedbackBody,
  CreateHelpRequestBody,
  CreateMentorBody,
  CreateReportBody,
  CreateWebhookEndpointBody,
  Decision,
  DismissRecommendationBody,
  EarlierAdvice,
  EmailAttempt,
  EmailKind,
  EmailPreferences,
  EmailStatus,
  Erasure,
  EventType,
  ExportDataset,
  ExportQuery,
  Feedback,
  FeedbackSolved,
  GuestSession,
  GuestSessionBody,
  HelpRequest,
  HelpRequestWithMatches,
  Leaderboard,
  LeaderboardEntry,
  LeaderboardQuery,
  ListBookingsQuery,
  ListHelpRequestsQuery,
  ListMentorsQuery,
  ListMessagesQuery,
  ListOffersQuery,
  ListThreadsQuery,
  ListWebhookDeliveriesQuery,
  ListWebhookEndpointsQuery,
  MarkThreadReadBody,
  Match,
  Matches,
  MatchReason,
  Me,
  Mentor,
  MentorAdvice,
  MentorApplicationBody,
  MentorOffer,
  MentorRecord,
  MentorStats,
  MentorStatus,
  Message,
  MyMentorStats,
  NoShowBody,
  OfferSummary,
  OwnMentor,
  PersonalDataExport,
  PostMessageBody,
  Presence,
  PresenceBody,
  PreviousSession,
  ProgramQueueItem,
  ProgramQueueQuery,
  ProgramSettings,
  QuestionAdvice,
  Questions,
  Recommendations,
  Report,
  ReportsQuery,
  RequestBrief,
  RequestContext,
  RescheduleBookingBody,
  ResolvedReport,
  ResolveReportBody,
  RotatedKey,
  RotateKeyBody,
  RotateWebhookSecretBody,
  SessionFormat,
  SessionNotes,
  SetBoardEntryBody,
  SetNotesBody,
  Slots,
  SlotsQuery,
  StartThreadBody,
  StatusReasonBody,
  SuggestedMentorReason,
  SuggestedTopic,
  TakenRequest,
  Thread,
  ThreadRole,
  TimeRange,
  TopicReason,
  UpdateEmailPreferencesBody,
  UpdateMentorBody,
  UpdateOwnMentorBody,
  UpdateProgramSettingsBody,
  UpdateWebhookEndpointBody,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventType,
} from '@micromentor/server/app-type';

export type {
  AcceptedOffer,
  ActionItem,
  AdminEmail,
  AdminEmailDetail,
  AdminMentor,
  AdminReport,
  AdminUser,
  AdminUserList,
  AdviceExplanation,
  Analytics,
  AnotherMentor,
  ApiKey,
  AuditEntry,
  Availability,
  Badge,
  BadgeCode,
  Board,
  BoardEntry,
  Booking,
  BookingStatus,
  CalendarFeed,
  Decision,
  EarlierAdvice,
  EmailAttempt,
  EmailKind,
  EmailPreferences,
  EmailStatus,
  Erasure,
  EventType,
  ExportDataset,
  Feedback,
  FeedbackSolved,
  GuestSession,
  HelpRequest,
  HelpRequestWithMatches,
  Leaderboard,
  LeaderboardEntry,
  Match,
  Matches,
  MatchReason,
  Me,
  Mentor,
  MentorAdvice,
  MentorOffer,
  MentorRecord,
  MentorStats,
  MentorStatus,
  Message,
  MyMentorStats,
  OfferSummary,
  OwnMentor,
  PersonalDataExport,
  Presence,
  PreviousSession,
  ProgramQueueItem,
  ProgramSettings,
  QuestionAdvice,
  Questions,
  Recommendations,
  Report,
  RequestBrief,
  RequestContext,
  ResolvedReport,
  RotatedKey,
  SessionFormat,
  SessionNotes,
  Slots,
  SuggestedMentorReason,
  SuggestedTopic,
  TakenRequest,
  Thread,
  ThreadRole,
  TimeRange,
  TopicReason,
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
export type UpdateOwnMentorParams = UpdateOwnMentorBody;
export type UpdateEmailPreferencesParams = UpdateEmailPreferencesBody;
export type ListMentorsParams = Partial<ListMentorsQuery>;
export type AvailabilityParams = AvailabilityBody;
export type SlotsParams = Omit<SlotsQuery, 'from' | 'to'> & { from: DateInput; to: DateInput };

// Recognition
export type LeaderboardParams = Partial<LeaderboardQuery>;

// Help requests
export type CreateHelpRequestParams = CreateHelpRequestBody;
export type ListHelpRequestsParams = Partial<ListHelpRequestsQuery>;
export type AnotherMentorParams = AnotherMentorBody;

// Instant help (mentors)
export type ListOffersParams = Partial<ListOffersQuery>;

// The program queue (requests nobody fitted, for admins and approved mentors)
export type ListProgramQueueParams = Partial<ProgramQueueQuery>;
export type PresenceParams = PresenceBody;

// Bookings
export type CreateBookingParams = Omit<CreateBookingBody, 'start'> & { start: DateInput };
export type CancelBookingParams = CancelBookingBody;
export type RescheduleBookingParams = Omit<RescheduleBookingBody, 'start'> & { start: DateInput };
/** `who` did not come: the learner records `mentor`, the mentor `learner`. */
export type NoShowParams = NoShowBody;
export type ListBookingsParams = Omit<Partial<ListBookingsQuery>, 'from' | 'to'> & {
  from?: DateInput;
  to?: DateInput;
};

// Guests
export type GuestSessionParams = GuestSessionBody;

// After the session
export type CreateFeedbackParams = CreateFeedbackBody;
export type SetNotesParams = SetNotesBody;
export type BoardEntryParams = SetBoardEntryBody;
/** What `me.dismissRecommendation` sends. */
export type DismissRecommendationParams = DismissRecommendationBody;
// Threads
export type ListThreadsParams = Partial<ListThreadsQuery>;
export type ListMessagesParams = Partial<ListMessagesQuery>;
export type PostMessageParams = PostMessageBody;
export type MarkThreadReadParams = MarkThreadReadBody;
export type StartThreadParams = StartThreadBody;
// Webhooks (admin)
export type CreateWebhookEndpointParams = CreateWebhookEndpointBody;
export type UpdateWebhookEndpointParams = UpdateWebhookEndpointBody;
export type RotateWebhookSecretParams = RotateWebhookSecretBody;
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
// LTI 1.3 platforms (admin). Written out here, not aliased: the server's app-type names no LTI
// schema yet, and the build can only write out named types (scripts/build.ts). test/types.test-d.ts
// pins each one to the route table both ways, so a server change still fails `pnpm typecheck`.
/** One RSA public key (RFC 7517): LTI 1.3 signs with RS256; private members are refused. */
export interface LtiPublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  kid?: string;
  alg?: 'RS256';
  use?: 'sig';
  key_ops?: string[];
  x5c?: string[];
  x5t?: string;
  'x5t#S256'?: string;
}
/** An RSA public key set pasted instead of a key set URL (Moodle's "RSA key" option). */
export interface LtiPublicJwks {
  keys: LtiPublicJwk[];
}
/** What a platform's LTI role maps to here (`none`: the launch is refused). */
export type LtiRoleTarget = 'learner' | 'mentor' | 'admin' | 'none';
/** The URLs an LMS needs for this tool (the same for every platform of the program). */
export interface LtiToolConfiguration {
  /** OIDC login initiation URL (Moodle: "Initiate login URL"). */
  loginUrl: string;
  /** Redirect / launch URL (Moodle: "Tool URL" and "Redirection URI(s)"). */
  launchUrl: string;
  /** Deep Linking (content selection) URL. */
  deepLinkUrl: string;
  /** The tool's public key set URL. */
  jwksUrl: string;
  /** LTI Dynamic Registration URL. */
  registrationUrl: string;
}
/** A registered LMS, with `tool`: the values to paste into it. */
export interface LtiPlatform {
  id: string;
  name: string;
  /** The platform's `iss`, exactly as it sends it. */
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authLoginUrl: string;
  authTokenUrl: string;
  /** The platform's key set URL, or null when `publicJwks` holds its keys. */
  jwksUrl: string | null;
  publicJwks: LtiPublicJwks | null;
  roleMapping: Record<string, LtiRoleTarget>;
  tool: LtiToolConfiguration;
  createdAt: string;
  updatedAt: string;
}
/** A Dynamic Registration link for this program (`admin.ltiRegistrationLinks.create()`). */
export interface LtiRegistrationLink {
  /** The URL to give the LMS for Dynamic Registration; it registers the LMS into this program. */
  url: string;
  /** ISO date-time: the link works until then (one hour after it was made). */
  expiresAt: string;
}
/** Exactly one of `jwksUrl` and `publicJwks`. */
export interface CreateLtiPlatformParams {
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authLoginUrl: string;
  authTokenUrl: string;
  jwksUrl?: string;
  publicJwks?: LtiPublicJwks;
  /** LTI role (full URI or short name) → what it is here; merged over the default mapping. */
  roleMapping?: Record<string, LtiRoleTarget>;
}
/** The fields to change; `deploymentIds` and `roleMapping` are replaced as a whole. */
export type UpdateLtiPlatformParams = Partial<CreateLtiPlatformParams>;
// Reports and program admin
export type CreateReportParams = CreateReportBody;
export type ListAdminMentorsParams = Partial<AdminMentorsQuery>;
export type StatusReasonParams = StatusReasonBody;
export type ListReportsParams = Partial<ReportsQuery>;
export type ListAdminEmailsParams = Partial<AdminEmailsQuery>;
/** Filters of the audit log; times as ISO strings or `Date`s. */
export type ListAuditParams = Omit<Partial<AuditQuery>, 'from' | 'to'> & { from?: DateInput; to?: DateInput };
export type AuditExportParams = Omit<AuditExportQuery, 'from' | 'to'> & { from?: DateInput; to?: DateInput };
/** Find a user by their host id (`externalId`, exactly) or a part of name, email or host id (`q`). */
export type FindUsersParams = AdminUsersQuery;
export type ResolveReportParams = ResolveReportBody;
export type UpdateProgramSettingsParams = UpdateProgramSettingsBody;
export type RotateKeyParams = RotateKeyBody;
export type AnalyticsParams = Omit<AnalyticsQuery, 'from' | 'to' | 'bucket'> & {
  from: DateInput;
  to: DateInput;
  bucket?: AnalyticsQuery['bucket'];
};
export type ExportParams = Omit<ExportQuery, 'from' | 'to'> & { from: DateInput; to: DateInput };
