/**
 * Types the SDK derives its client from. Type-only: nothing here exists at run time, so an
 * `import type` of this module never pulls server code (Hono, zod, pg) into a bundle.
 *
 * Two sources, both the server's own: the zod schemas (`z.output` = what the API answers,
 * `z.input` = what a request body may omit because the schema has a default), and the route
 * table of the chained sub-apps (`ApiSchema`), against which the SDK's tests pin every method.
 */
import type { z } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import type { ApiRoutes } from './app.js';
import type {
  AdminMentorSchema,
  AdminMentorsQuerySchema,
  AdminReportSchema,
  AnalyticsQuerySchema,
  AnalyticsSchema,
  ApiKeySchema,
  CreateReportSchema,
  ExportParamSchema,
  ExportQuerySchema,
  ProgramSettingsSchema,
  ReportSchema,
  ReportsQuerySchema,
  ResolvedReportSchema,
  ResolveReportSchema,
  RotatedKeySchema,
  RotateKeySchema,
  StatusReasonSchema,
  UpdateSettingsSchema,
} from './schemas/admin.js';
import type {
  AdminEmailDetailSchema,
  AdminEmailSchema,
  AdminEmailsQuerySchema,
  EmailAttemptSchema,
  EmailStatusSchema,
} from './schemas/admin-emails.js';
import type {
  AdviceExplanationSchema,
  DecideSchema,
  DecisionSchema,
  EarlierAdviceSchema,
  MentorAdviceSchema,
  QuestionAdviceSchema,
  QuestionsSchema,
  ShareAdviceSchema,
} from './schemas/advice.js';
import type { AuditEntrySchema, AuditExportQuerySchema, AuditQuerySchema } from './schemas/audit.js';
import type {
  AvailabilitySchema,
  SlotsQuerySchema,
  SlotsSchema,
  TimeRangeSchema,
} from './schemas/availability.js';
import type { BoardEntrySchema, BoardSchema, SetBoardEntrySchema } from './schemas/board.js';
import type {
  BookingSchema,
  BookingStatusSchema,
  CancelBookingSchema,
  CreateBookingSchema,
  ListBookingsQuerySchema,
  NoShowInputSchema,
  PreviousSessionSchema,
  RescheduleBookingSchema,
} from './schemas/bookings.js';
import type { CalendarFeedSchema } from './schemas/calendar.js';
import type { EmailPreferencesSchema, UpdateEmailPreferencesSchema } from './schemas/email.js';
import type {
  ActionItemSchema,
  CreateFeedbackSchema,
  FeedbackSchema,
  SessionNotesSchema,
  SetNotesSchema,
  SolvedSchema,
} from './schemas/feedback.js';
import type {
  DismissRecommendationSchema,
  RecommendationsSchema,
  SuggestedMentorReasonSchema,
  SuggestedTopicSchema,
  TopicReasonSchema,
} from './schemas/guidance.js';
import type {
  ApplyMentorSchema,
  BadgeCodeSchema,
  BadgeSchema,
  CreateMentorSchema,
  FormatSchema,
  ListMentorsQuerySchema,
  MentorSchema,
  MentorStatsSchema,
  MentorStatusSchema,
  MyMentorStatsSchema,
  OwnMentorSchema,
  UpdateMentorSchema,
  UpdateOwnMentorSchema,
} from './schemas/mentors.js';
import type {
  AcceptedOfferSchema,
  ListOffersQuerySchema,
  MentorOfferSchema,
  PresenceInputSchema,
  PresenceSchema,
} from './schemas/offers.js';
import type {
  AdminUserListSchema,
  AdminUserSchema,
  AdminUsersQuerySchema,
  EraseBodySchema,
  ErasureSchema,
  PersonalDataExportSchema,
} from './schemas/privacy.js';
import type {
  ProgramQueueItemSchema,
  ProgramQueuePageSchema,
  ProgramQueueQuerySchema,
  TakenRequestSchema,
} from './schemas/program-queue.js';
import type {
  JwksSchema,
  LeaderboardEntrySchema,
  LeaderboardQuerySchema,
  LeaderboardSchema,
  MentorRecordSchema,
} from './schemas/recognition.js';
import type {
  AnotherMentorInputSchema,
  AnotherMentorSchema,
  CreateRequestSchema,
  HelpRequestSchema,
  ListRequestsQuerySchema,
  MatchesSchema,
  MatchSchema,
  OfferSummarySchema,
  ReasonSchema,
  RequestBriefSchema,
  RequestContextSchema,
  RequestWithMatchesSchema,
} from './schemas/requests.js';
import type {
  ListMessagesQuerySchema,
  ListThreadsQuerySchema,
  MarkReadSchema,
  MessageSchema,
  PostMessageSchema,
  StartThreadSchema,
  ThreadRoleSchema,
  ThreadSchema,
} from './schemas/threads.js';
import type {
  CreateWebhookEndpointSchema,
  ListWebhookDeliveriesQuerySchema,
  ListWebhookEndpointsQuerySchema,
  RotateWebhookSecretSchema,
  UpdateWebhookEndpointSchema,
  WebhookAttemptSchema,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookEventTypeSchema,
} from './schemas/webhooks.js';

export type { ApiRoutes } from './app.js';
export type { EventType } from './domain/events/event-types.js';
export type { Problem } from './http/errors.js';

/** Every /v1 route: path → `$method` → `{ input, output, status }` (Hono's schema of ApiRoutes). */
export type ApiSchema = ApiRoutes extends Hono<infer _Env, infer Schema, infer _Base> ? Schema : never;
export type ApiPath = keyof ApiSchema & string;
/** What a route validates: `param`, `query`, `json`, `header`, as far as it has them. */
export type RouteInput<P extends ApiPath, M extends keyof ApiSchema[P]> = ApiSchema[P][M] extends {
  input: infer I;
}
  ? I
  : never;
/** The body of a route's success response (`{}` for 204). */
export type RouteOutput<P extends ApiPath, M extends keyof ApiSchema[P]> =
  Extract<ApiSchema[P][M], { status: 200 | 201 | 202 | 204 }> extends { output: infer O } ? O : never;

// Mentors
export type Mentor = z.output<typeof MentorSchema>;
export type MentorStats = z.output<typeof MentorStatsSchema>;
export type MentorStatus = z.output<typeof MentorStatusSchema>;
export type SessionFormat = z.output<typeof FormatSchema>;
export type CreateMentorBody = z.input<typeof CreateMentorSchema>;
export type UpdateMentorBody = z.input<typeof UpdateMentorSchema>;
export type MentorApplicationBody = z.input<typeof ApplyMentorSchema>;
export type OwnMentor = z.output<typeof OwnMentorSchema>;
export type UpdateOwnMentorBody = z.input<typeof UpdateOwnMentorSchema>;
export type MyMentorStats = z.output<typeof MyMentorStatsSchema>;

// Recognition
export type Badge = z.output<typeof BadgeSchema>;
export type BadgeCode = z.output<typeof BadgeCodeSchema>;
export type MentorRecord = z.output<typeof MentorRecordSchema>;
export type Leaderboard = z.output<typeof LeaderboardSchema>;
export type LeaderboardEntry = z.output<typeof LeaderboardEntrySchema>;
export type LeaderboardQuery = z.output<typeof LeaderboardQuerySchema>;
export type Jwks = z.output<typeof JwksSchema>;
export type ListMentorsQuery = z.output<typeof ListMentorsQuerySchema>;

// Availability and slots
export type Availability = z.output<typeof AvailabilitySchema>;
export type AvailabilityBody = z.input<typeof AvailabilitySchema>;
export type SlotsQuery = z.output<typeof SlotsQuerySchema>;
export type Slots = z.output<typeof SlotsSchema>;
export type TimeRange = z.output<typeof TimeRangeSchema>;

// Help requests and matches
export type HelpRequest = z.output<typeof HelpRequestSchema>;
export type RequestContext = z.output<typeof RequestContextSchema>;
export type RequestBrief = z.output<typeof RequestBriefSchema>;
export type CreateHelpRequestBody = z.input<typeof CreateRequestSchema>;
export type HelpRequestWithMatches = z.output<typeof RequestWithMatchesSchema>;
export type Match = z.output<typeof MatchSchema>;
export type MatchReason = z.output<typeof ReasonSchema>;
export type Matches = z.output<typeof MatchesSchema>;
export type ListHelpRequestsQuery = z.output<typeof ListRequestsQuerySchema>;
export type AnotherMentorBody = z.input<typeof AnotherMentorInputSchema>;
/** The request after "request another mentor": open again, with its next matches. */
export type AnotherMentor = z.output<typeof AnotherMentorSchema>;

// Instant help: offers to mentors and their presence
export type OfferSummary = z.output<typeof OfferSummarySchema>;
export type MentorOffer = z.output<typeof MentorOfferSchema>;
export type ProgramQueueItem = z.output<typeof ProgramQueueItemSchema>;
export type ProgramQueuePage = z.output<typeof ProgramQueuePageSchema>;
export type ProgramQueueQuery = z.output<typeof ProgramQueueQuerySchema>;
export type TakenRequest = z.output<typeof TakenRequestSchema>;
/** An accepted offer with the session the accept created. */
export type AcceptedOffer = z.output<typeof AcceptedOfferSchema>;
export type ListOffersQuery = z.output<typeof ListOffersQuerySchema>;
export type PresenceBody = z.input<typeof PresenceInputSchema>;
export type Presence = z.output<typeof PresenceSchema>;

// Bookings
export type Booking = z.output<typeof BookingSchema>;
export type BookingStatus = z.output<typeof BookingStatusSchema>;
export type PreviousSession = z.output<typeof PreviousSessionSchema>;
export type CreateBookingBody = z.input<typeof CreateBookingSchema>;
export type CancelBookingBody = z.input<typeof CancelBookingSchema>;
export type RescheduleBookingBody = z.input<typeof RescheduleBookingSchema>;
/** Who did not come to a session, as the other party records it. */
export type NoShowBody = z.input<typeof NoShowInputSchema>;
export type ListBookingsQuery = z.output<typeof ListBookingsQuerySchema>;

// The caller and guests (their schemas are local to the routes, so read them off the route table)
export type Me = RouteOutput<'/v1/me', '$get'>;
export type GuestSession = RouteOutput<'/v1/guest-sessions', '$post'>;
export type GuestSessionBody =
  RouteInput<'/v1/guest-sessions', '$post'> extends { json: infer J } ? J : never;
/** The user's private calendar feed: on or off, and its secret URL. */
export type CalendarFeed = z.output<typeof CalendarFeedSchema>;

// After the session: feedback, notes and action items, the board of advisors
export type Feedback = z.output<typeof FeedbackSchema>;
export type FeedbackSolved = z.output<typeof SolvedSchema>;
export type CreateFeedbackBody = z.input<typeof CreateFeedbackSchema>;
export type SessionNotes = z.output<typeof SessionNotesSchema>;
export type ActionItem = z.output<typeof ActionItemSchema>;
export type SetNotesBody = z.input<typeof SetNotesSchema>;
export type Board = z.output<typeof BoardSchema>;
export type BoardEntry = z.output<typeof BoardEntrySchema>;
export type SetBoardEntryBody = z.input<typeof SetBoardEntrySchema>;
// Guidance: what to ask about next, and mentors for it
export type Recommendations = z.output<typeof RecommendationsSchema>;
export type SuggestedTopic = z.output<typeof SuggestedTopicSchema>;
export type TopicReason = z.output<typeof TopicReasonSchema>;
export type SuggestedMentorReason = z.output<typeof SuggestedMentorReasonSchema>;
export type DismissRecommendationBody = z.input<typeof DismissRecommendationSchema>;
// Advice that agrees: several mentors on one question, side by side
export type Questions = z.output<typeof QuestionsSchema>;
export type QuestionAdvice = z.output<typeof QuestionAdviceSchema>;
export type MentorAdvice = z.output<typeof MentorAdviceSchema>;
export type AdviceExplanation = z.output<typeof AdviceExplanationSchema>;
export type Decision = z.output<typeof DecisionSchema>;
export type DecideBody = z.input<typeof DecideSchema>;
export type ShareAdviceBody = z.input<typeof ShareAdviceSchema>;
export type EarlierAdvice = z.output<typeof EarlierAdviceSchema>;
// Threads and messages
export type Thread = z.output<typeof ThreadSchema>;
export type ThreadRole = z.output<typeof ThreadRoleSchema>;
export type Message = z.output<typeof MessageSchema>;
export type PostMessageBody = z.input<typeof PostMessageSchema>;
export type MarkThreadReadBody = z.input<typeof MarkReadSchema>;
export type StartThreadBody = z.input<typeof StartThreadSchema>;
export type ListThreadsQuery = z.output<typeof ListThreadsQuerySchema>;
export type ListMessagesQuery = z.output<typeof ListMessagesQuerySchema>;
// Webhooks
export type WebhookEventType = z.output<typeof WebhookEventTypeSchema>;
export type WebhookEndpoint = z.output<typeof WebhookEndpointSchema>;
export type WebhookEndpointWithSecret = z.output<typeof WebhookEndpointWithSecretSchema>;
export type WebhookDelivery = z.output<typeof WebhookDeliverySchema>;
export type WebhookAttempt = z.output<typeof WebhookAttemptSchema>;
export type CreateWebhookEndpointBody = z.input<typeof CreateWebhookEndpointSchema>;
export type UpdateWebhookEndpointBody = z.input<typeof UpdateWebhookEndpointSchema>;
export type RotateWebhookSecretBody = z.input<typeof RotateWebhookSecretSchema>;
export type ListWebhookEndpointsQuery = z.output<typeof ListWebhookEndpointsQuerySchema>;
export type ListWebhookDeliveriesQuery = z.output<typeof ListWebhookDeliveriesQuerySchema>;
// Program admin (routes under /v1/admin) and learners' reports
export type AdminMentor = z.output<typeof AdminMentorSchema>;
export type AdminMentorsQuery = z.output<typeof AdminMentorsQuerySchema>;
export type StatusReasonBody = z.input<typeof StatusReasonSchema>;
export type Report = z.output<typeof ReportSchema>;
export type AdminReport = z.output<typeof AdminReportSchema>;
export type CreateReportBody = z.input<typeof CreateReportSchema>;
export type ReportsQuery = z.output<typeof ReportsQuerySchema>;
export type ResolveReportBody = z.input<typeof ResolveReportSchema>;
export type ResolvedReport = z.output<typeof ResolvedReportSchema>;
export type ProgramSettings = z.output<typeof ProgramSettingsSchema>;
export type UpdateProgramSettingsBody = z.input<typeof UpdateSettingsSchema>;
export type ApiKey = z.output<typeof ApiKeySchema>;
export type RotateKeyBody = z.input<typeof RotateKeySchema>;
export type RotatedKey = z.output<typeof RotatedKeySchema>;
export type Analytics = z.output<typeof AnalyticsSchema>;
export type AnalyticsQuery = z.output<typeof AnalyticsQuerySchema>;
export type ExportQuery = z.output<typeof ExportQuerySchema>;
export type ExportDataset = z.output<typeof ExportParamSchema>['dataset'];
// Each user's email preferences
export type EmailPreferences = z.output<typeof EmailPreferencesSchema>;
export type UpdateEmailPreferencesBody = z.input<typeof UpdateEmailPreferencesSchema>;
export type EmailKind = keyof EmailPreferences['learner']['kinds'];
// The program's email (the outbox as admins see it)
export type AdminEmail = z.output<typeof AdminEmailSchema>;
export type AdminEmailDetail = z.output<typeof AdminEmailDetailSchema>;
export type AdminEmailsQuery = z.output<typeof AdminEmailsQuerySchema>;
export type EmailAttempt = z.output<typeof EmailAttemptSchema>;
export type EmailStatus = z.output<typeof EmailStatusSchema>;
// The audit log (every admin write and export)
export type AuditEntry = z.output<typeof AuditEntrySchema>;
export type AuditQuery = z.output<typeof AuditQuerySchema>;
export type AuditExportQuery = z.input<typeof AuditExportQuerySchema>;
// Data rights: a person's export and erasure, and how admins find them
export type PersonalDataExport = z.output<typeof PersonalDataExportSchema>;
export type EraseBody = z.input<typeof EraseBodySchema>;
export type Erasure = z.output<typeof ErasureSchema>;
export type AdminUser = z.output<typeof AdminUserSchema>;
export type AdminUserList = z.output<typeof AdminUserListSchema>;
export type AdminUsersQuery = z.input<typeof AdminUsersQuerySchema>;
