import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Columns the database fills in, readable as Date, writable as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface TenantsTable {
  id: Generated<string>;
  name: string;
  allowed_origins: ColumnType<string[], string[] | undefined, string[]>;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ApiKeyKind = 'publishable' | 'secret' | 'identity';

export interface ApiKeysTable {
  id: Generated<string>;
  tenant_id: string;
  kind: ApiKeyKind;
  key_hash: string | null;
  secret_enc: string | null;
  prefix: string;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  tenant_id: string;
  external_id: string;
  name: string;
  email: string | null;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  is_guest: ColumnType<boolean, boolean | undefined, boolean>;
  /** The language email is written in, from the token's `locale` claim (e.g. `es`); null: English. */
  locale: ColumnType<string | null, string | null | undefined, string | null>;
  /** The user's IANA time zone from the token's `zoneinfo` claim; null: times shown in the mentor's. */
  time_zone: ColumnType<string | null, string | null | undefined, string | null>;
  /** The hash of the user's private calendar feed secret; null: no feed. */
  calendar_feed_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** The same secret sealed with the server's key (security/keys.ts `SecretBox`), to show it again. */
  calendar_feed_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the current feed secret was made; null: no feed. */
  calendar_feed_created_at: NullableTimestamp;
  /** When the person was erased (domain/privacy/erase.ts): the row is a tombstone since. */
  erased_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type MentorStatus = 'pending' | 'approved' | 'paused' | 'suspended' | 'rejected';
export type SessionFormat = 'video' | 'call' | 'chat';

export interface MentorsTable {
  id: Generated<string>;
  tenant_id: string;
  external_id: string | null;
  name: string;
  headline: string;
  bio: string;
  skills: string[];
  years_experience: number;
  languages: string[];
  time_zone: string;
  formats: SessionFormat[];
  status: MentorStatus;
  /**
   * Completed bookings, copied here for profiles and matching; written only by `awardBadges`
   * (domain/recognition/badges.ts), which recounts them under the mentor row lock.
   */
  sessions_count: ColumnType<number, number | undefined, number>;
  rating_sum: ColumnType<number, number | undefined, number>;
  rating_count: ColumnType<number, number | undefined, number>;
  median_response_minutes: number | null;
  search_doc: ColumnType<string, never, never>;
  approved_at: NullableTimestamp;
  /** Why the program rejected or paused the mentor (shown to the mentor). */
  status_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
  online_until: NullableTimestamp;
  paused_reason: ColumnType<string | null, string | null | undefined, string | null>;
  unanswered_offers: ColumnType<number, number | undefined, number>;
  /** Why the mentor is in this status (e.g. a rejection reason the applicant sees, `reports`). */
  status_changed_at: NullableTimestamp;
  /** Cache of mentor_badges as [{code, earnedAt}], written only with it (domain/recognition). */
  badges: ColumnType<StoredBadge[], string | undefined, string>;
  /** How learners reach the mentor for a call: an E.164 number, a tel: URI or an https: dial-in. */
  call_bridge: ColumnType<string | null, string | null | undefined, string | null>;
  /** Where the mentor wants email; wins over their token's `email` claim. */
  contact_email: ColumnType<string | null, string | null | undefined, string | null>;
  /** Sessions this mentor did not come to, as the learner recorded them (domain/booking/no-show.ts). */
  no_show_count: ColumnType<number, number | undefined, number>;
  last_no_show_at: NullableTimestamp;
}

/** A badge as cached on the mentor row. */
export interface StoredBadge {
  code: string;
  earnedAt: string;
}

export interface MentorBadgesTable {
  tenant_id: string;
  mentor_id: string;
  code: string;
  earned_at: Timestamp;
}

export interface IssuerKeysTable {
  tenant_id: string;
  kid: string;
  public_jwk: ColumnType<Record<string, string>, string, string>;
  private_key_sealed: string;
  created_at: Timestamp;
  retired_at: NullableTimestamp;
}

/** An LTI 1.3 platform (an LMS) a tenant registered (migration 2026-12-11T0900-lti). */
export interface LtiPlatformsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  issuer: string;
  client_id: string;
  deployment_ids: string[];
  auth_login_url: string;
  auth_token_url: string;
  /** Exactly one of jwks_url and public_jwks is set. */
  jwks_url: string | null;
  public_jwks: ColumnType<{ keys: Record<string, unknown>[] } | null, string | null, string | null>;
  /** LTI role (full URI or short name) → our role; merged over the default mapping. */
  role_mapping: ColumnType<Record<string, string>, string | undefined, string>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface LtiLoginStatesTable {
  state: string;
  platform_id: string;
  nonce: string;
  target_link_uri: string;
  binding: 'cookie' | 'storage';
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** The tool's own RS256 signing keys (installation-wide), the private key sealed. */
export interface LtiToolKeysTable {
  kid: string;
  public_jwk: ColumnType<Record<string, string>, string, string>;
  private_key_sealed: string;
  created_at: Timestamp;
  retired_at: NullableTimestamp;
}

/** An issued Open Badges credential (domain/recognition/issued.ts); revoked_at is set once. */
export interface BadgeCredentialsTable {
  tenant_id: string;
  id: string;
  mentor_id: string;
  status_index: number;
  issued_at: Timestamp;
  /** The unsigned credential, for the verification page; null once the mentor was erased. */
  credential: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  revoked_at: NullableTimestamp;
  revoked_reason: ColumnType<
    'mentor_suspended' | 'mentor_erased' | null,
    'mentor_suspended' | 'mentor_erased' | null | undefined,
    'mentor_suspended' | 'mentor_erased' | null
  >;
}

export interface AvailabilityTable {
  mentor_id: string;
  tenant_id: string;
  weekly: ColumnType<unknown, string, string>;
  overrides: ColumnType<unknown, string, string>;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  min_notice_minutes: number;
  horizon_days: number;
  max_per_day: number | null;
  max_per_week: number | null;
  session_lengths: number[];
  meeting_url: string | null;
  updated_at: Timestamp;
}

export type BookingStatus = 'confirmed' | 'cancelled' | 'completed' | 'no_show';

export interface BookingsTable {
  id: Generated<string>;
  tenant_id: string;
  mentor_id: string;
  learner_id: string;
  request_id: string | null;
  start_at: Timestamp;
  end_at: Timestamp;
  /** tstzrange literal, e.g. `[2026-12-01T10:00:00Z,2026-12-01T10:40:00Z)`. */
  blocked_range: string;
  format: SessionFormat;
  status: BookingStatus;
  join_url: string | null;
  /**
   * A call session's learner number (E.164), given when booking; only the learner and the
   * session's mentor see it, and it is erased once the session is over or cancelled.
   */
  call_phone: ColumnType<string | null, string | null | undefined, string | null>;
  /** A call session's way in: the mentor's call bridge when it was booked. */
  dial_in: ColumnType<string | null, string | null | undefined, string | null>;
  thread_id: string | null;
  note: string | null;
  sequence: ColumnType<number, number | undefined, number>;
  cancel_reason: string | null;
  cancelled_by: string | null;
  cancelled_at: NullableTimestamp;
  /** How often the session was moved (at most the program's `maxReschedules`). */
  reschedule_count: ColumnType<number, number | undefined, number>;
  /** Who did not come (status `no_show`), recorded by the other party after the start. */
  no_show_party: ColumnType<NoShowParty | null, NoShowParty | null | undefined, NoShowParty | null>;
  no_show_recorded_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type NoShowParty = 'mentor' | 'learner';

export interface IdempotencyKeysTable {
  tenant_id: string;
  key: string;
  fingerprint: string;
  response_status: number;
  response_headers: ColumnType<Record<string, string>, string, string>;
  response_body: string;
  /** Null: `response_body` as sent; 'sealed': SecretBox output; 'withheld': not kept (shown once). */
  response_secret: ColumnType<'sealed' | 'withheld' | null, 'sealed' | 'withheld' | null | undefined>;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** How soon a learner needs help; the one definition (the API's `URGENCIES` lists these). */
export type Urgency = 'now' | 'today' | 'this_week' | 'flexible';
export type RequestStatus = 'open' | 'matched' | 'resolved' | 'expired' | 'cancelled';

export interface HelpRequestsTable {
  id: Generated<string>;
  tenant_id: string;
  learner_id: string;
  title: string;
  details: string;
  skills: string[];
  format: SessionFormat | null;
  urgency: Urgency;
  languages: string[];
  context: ColumnType<Record<string, string>, string, string>;
  status: RequestStatus;
  matched_mentor_id: string | null;
  declined_mentor_ids: ColumnType<string[], string[] | undefined, string[]>;
  best_score: number | null;
  /** Times the request was handed to another mentor (silence, or the learner asked). */
  handovers: ColumnType<number, number | undefined, number>;
  /** When no mentor was left to hand it to (cap or nobody fits): it waits for the program. */
  unanswered_at: NullableTimestamp;
  /** When the learner asked the program (the request then also has `unanswered_at`). */
  queued_at: NullableTimestamp;
  /** When the learner chose to wait for a match (re-checked as mentors join or free up). */
  waiting_since: NullableTimestamp;
  /** When a fitting mentor was found for a waiting request and the learner told. */
  match_found_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When its texts were taken out (erasure or the program's retention period). */
  redacted_at: NullableTimestamp;
}

export interface RequestMatchesTable {
  request_id: string;
  mentor_id: string;
  tenant_id: string;
  rank: number;
  score: number;
  reasons: ColumnType<unknown, string, string>;
}

export interface BoardEntriesTable {
  tenant_id: string;
  learner_id: string;
  mentor_id: string;
  label: string;
  created_at: Timestamp;
}

/** A topic the learner dismissed from their suggestions (domain/guidance). */
export interface RecommendationDismissalsTable {
  tenant_id: string;
  user_id: string;
  /** A taxonomy skill slug. */
  topic: string;
  created_at: Timestamp;
}

/** A learner's decision and sharing choice on one question (domain/advice), keyed by its first request. */
export interface QuestionChoicesTable {
  tenant_id: string;
  question_id: string;
  learner_id: string;
  /** What the learner decided after their mentors' advice; null: not yet. */
  decision: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: NullableTimestamp;
  /** Later mentors of the question see what earlier ones advised. */
  share_earlier_advice: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EventsTable {
  /** bigint identity, read as a number (int8 parser in connect.ts); the SSE event id. */
  id: ColumnType<number, never, never>;
  tenant_id: string;
  type: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  user_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobsTable {
  id: Generated<string>;
  tenant_id: string | null;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  subject: string | null;
  status: JobStatus;
  run_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  locked_by: string | null;
  locked_until: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

export type Solved = 'yes' | 'partly' | 'no';

export interface FeedbackTable {
  id: Generated<string>;
  tenant_id: string;
  booking_id: string;
  mentor_id: string;
  learner_id: string;
  rating: number;
  solved: Solved;
  comment: string | null;
  created_at: Timestamp;
}

export interface SessionNotesTable {
  booking_id: string;
  tenant_id: string;
  summary: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When the summary and its action items were taken out (erasure or retention). */
  redacted_at: NullableTimestamp;
}

export interface ActionItemsTable {
  id: Generated<string>;
  booking_id: string;
  tenant_id: string;
  text: string;
  position: number;
  done_at: NullableTimestamp;
  created_at: Timestamp;
}

export type OfferStatus = 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export interface RequestOffersTable {
  request_id: string;
  mentor_id: string;
  tenant_id: string;
  status: OfferStatus;
  offered_at: Timestamp;
  responded_at: NullableTimestamp;
  expires_at: Timestamp;
}

export interface ThreadsTable {
  id: Generated<string>;
  tenant_id: string;
  request_id: string | null;
  booking_id: string | null;
  learner_id: string;
  mentor_id: string;
  created_at: Timestamp;
  last_message_at: NullableTimestamp;
}

export interface MessagesTable {
  id: Generated<string>;
  /** bigint identity (number through the int8 parser): the order within a thread. */
  seq: ColumnType<number, never, never>;
  tenant_id: string;
  thread_id: string;
  author_id: string;
  body: string;
  created_at: Timestamp;
  /** When its body was taken out (erasure or the program's retention period). */
  redacted_at: NullableTimestamp;
}

export interface ThreadReadsTable {
  thread_id: string;
  user_id: string;
  tenant_id: string;
  last_read_message_id: string | null;
  last_read_seq: ColumnType<number, number | undefined, number>;
  read_at: Timestamp;
}

export interface WebhookEndpointsTable {
  id: Generated<string>;
  tenant_id: string;
  url: string;
  events: ColumnType<string[], string[], string[]>;
  description: string | null;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  disabled_reason: string | null;
  secret_sealed: string;
  /** The secret before the last rotation, still signing beside the new one until it expires. */
  previous_secret_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  previous_secret_expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** `unaddressed`: the recipient has no email address, so nothing could be sent (kept for admins). */
export type EmailStatus = 'pending' | 'sent' | 'failed' | 'unaddressed';

/** The email outbox: one message per cause, sent by an `email.send` job. */
export interface EmailMessagesTable {
  id: Generated<string>;
  tenant_id: string;
  /** What caused it (e.g. `booking:<id>:confirmed:learner`): a cause sends at most one message. */
  cause: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** An iCalendar invitation sent with it (METHOD inside the file). */
  ics: string | null;
  /** Who it is for: a learner (`recipient_id` a user id) or a mentor (a mentor id). */
  recipient_party: ColumnType<EmailParty | null, EmailParty | null | undefined, EmailParty | null>;
  recipient_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Hash of the one-click unsubscribe token in the message's List-Unsubscribe link. */
  unsubscribe_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** The Reply-To address (a thread's reply-by-email address). */
  reply_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** The one-click unsubscribe URL (List-Unsubscribe, RFC 8058). */
  list_unsubscribe: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<EmailStatus, EmailStatus | undefined, EmailStatus>;
  sent_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Who a message is for: a learner (a user) or a mentor (a mentor row). */
export type EmailParty = 'learner' | 'mentor';

/** A kind of message someone turned off. */
export interface EmailOptOutsTable {
  tenant_id: string;
  party: EmailParty;
  party_id: string;
  kind: string;
  created_at: Timestamp;
}

/** A notice waiting to be batched into one message (a digest, a thread's new messages). */
export interface EmailDigestItemsTable {
  id: Generated<string>;
  tenant_id: string;
  party: EmailParty;
  party_id: string;
  /** What is batched together, e.g. `requests` or `thread:<id>`. */
  batch: string;
  cause: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  message_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  closed_at: NullableTimestamp;
}

/** Reply by email: a revocable token per recipient and thread (only its hash is kept). */
export interface EmailReplyTokensTable {
  id: Generated<string>;
  tenant_id: string;
  thread_id: string;
  party: EmailParty;
  party_id: string;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
}

/** Inbound messages already taken (by Message-ID): a replayed one is refused. */
export interface InboundEmailsTable {
  tenant_id: string;
  message_id: string;
  token_id: string | null;
  received_at: Timestamp;
}

export interface EmailAttemptsTable {
  id: Generated<string>;
  tenant_id: string;
  message_id: string;
  attempt: number;
  ok: boolean;
  /** The SMTP server's reply, or why nothing was sent. */
  reply: string;
  attempted_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  tenant_id: string;
  endpoint_id: string;
  event_id: number;
  message_id: string;
  event_type: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  delivered_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookAttemptsTable {
  id: Generated<string>;
  tenant_id: string;
  delivery_id: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  latency_ms: number;
  response_excerpt: string | null;
  attempted_at: Timestamp;
}

export type ReportReason = 'no_show' | 'inappropriate' | 'harassment' | 'spam' | 'unqualified' | 'other';
export type ReportResolution = 'dismiss' | 'pause' | 'suspend';

export interface ReportsTable {
  id: Generated<string>;
  tenant_id: string;
  reporter_id: string;
  mentor_id: string;
  booking_id: string | null;
  reason: ReportReason;
  details: string;
  status: 'open' | 'resolved';
  resolution: ReportResolution | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: NullableTimestamp;
  created_at: Timestamp;
}

/** Who did what to the program, and from where; append-only (a trigger refuses changes). */
export interface AuditLogTable {
  id: Generated<string>;
  tenant_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_key_kind: 'secret' | 'publishable' | 'cli';
  actor_key_prefix: string | null;
  action: string;
  target: string | null;
  summary: ColumnType<Record<string, unknown>, string | undefined, never>;
  client_ip: string | null;
  request_id: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

/** A mentor profile's sentence embeddings (domain/matching/semantic), written by the `mentor.embed` job. */
export interface MentorEmbeddingsTable {
  mentor_id: string;
  tenant_id: string;
  /** The provider that computed the vectors (`use-lite`): others' vectors are not comparable. */
  provider: string;
  /** Hash of the provider and the embedded texts: unchanged, nothing to recompute. */
  source_hash: string;
  /** The profile's unit vector: packed float32, little-endian (db/mentor-embeddings.ts). */
  profile: Uint8Array;
  /** The mentor's quotable sentences (personal data: exported and erased with the profile). */
  sentences: string[];
  /** The sentences' unit vectors, one after another (sentences.length × dimensions), packed likewise. */
  sentence_vectors: Uint8Array;
  /** The tenant's embedding version at the write (mentor_embedding_versions). */
  version: number;
  updated_at: Timestamp;
  // Where pgvector is set up, a generated `profile_vector vector` mirrors `profile`: written by
  // the database, read by raw SQL only (db/vector-column.ts, db/mentor-embeddings.ts).
}

/** Per tenant: bumped by every write to its mentor_embeddings, so searches can check cheaply. */
export interface MentorEmbeddingVersionsTable {
  tenant_id: string;
  version: number;
  removed_version: ColumnType<number, number | undefined, number>;
}

export interface Database {
  tenants: TenantsTable;
  api_keys: ApiKeysTable;
  users: UsersTable;
  mentors: MentorsTable;
  availability: AvailabilityTable;
  bookings: BookingsTable;
  idempotency_keys: IdempotencyKeysTable;
  help_requests: HelpRequestsTable;
  request_matches: RequestMatchesTable;
  board_entries: BoardEntriesTable;
  recommendation_dismissals: RecommendationDismissalsTable;
  question_choices: QuestionChoicesTable;
  events: EventsTable;
  jobs: JobsTable;
  feedback: FeedbackTable;
  session_notes: SessionNotesTable;
  action_items: ActionItemsTable;
  request_offers: RequestOffersTable;
  threads: ThreadsTable;
  messages: MessagesTable;
  thread_reads: ThreadReadsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  email_messages: EmailMessagesTable;
  email_attempts: EmailAttemptsTable;
  email_opt_outs: EmailOptOutsTable;
  email_digest_items: EmailDigestItemsTable;
  email_reply_tokens: EmailReplyTokensTable;
  inbound_emails: InboundEmailsTable;
  webhook_attempts: WebhookAttemptsTable;
  reports: ReportsTable;
  rate_limits: RateLimitsTable;
  mentor_badges: MentorBadgesTable;
  issuer_keys: IssuerKeysTable;
  lti_platforms: LtiPlatformsTable;
  lti_login_states: LtiLoginStatesTable;
  lti_tool_keys: LtiToolKeysTable;
  badge_credentials: BadgeCredentialsTable;
  audit_log: AuditLogTable;
  mentor_embeddings: MentorEmbeddingsTable;
  mentor_embedding_versions: MentorEmbeddingVersionsTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type LtiPlatformRow = Selectable<LtiPlatformsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type MentorRow = Selectable<MentorsTable>;
export type NewMentor = Insertable<MentorsTable>;
export type MentorUpdate = Updateable<MentorsTable>;
export type AvailabilityRow = Selectable<AvailabilityTable>;
export type BookingRow = Selectable<BookingsTable>;
export type NewBooking = Insertable<BookingsTable>;
export type HelpRequestRow = Selectable<HelpRequestsTable>;
export type EventRow = Selectable<EventsTable>;
export type JobRow = Selectable<JobsTable>;
export type FeedbackRow = Selectable<FeedbackTable>;
export type SessionNotesRow = Selectable<SessionNotesTable>;
export type ActionItemRow = Selectable<ActionItemsTable>;
export type RequestOfferRow = Selectable<RequestOffersTable>;
export type ThreadRow = Selectable<ThreadsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type EmailMessageRow = Selectable<EmailMessagesTable>;
export type NewEmailMessage = Insertable<EmailMessagesTable>;
export type EmailAttemptRow = Selectable<EmailAttemptsTable>;
export type EmailDigestItemRow = Selectable<EmailDigestItemsTable>;
export type EmailReplyTokenRow = Selectable<EmailReplyTokensTable>;
export type WebhookAttemptRow = Selectable<WebhookAttemptsTable>;
export type ReportRow = Selectable<ReportsTable>;
export type QuestionChoiceRow = Selectable<QuestionChoicesTable>;
