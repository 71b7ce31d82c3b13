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
  sessions_count: ColumnType<number, number | undefined, number>;
  rating_sum: ColumnType<number, number | undefined, number>;
  rating_count: ColumnType<number, number | undefined, number>;
  median_response_minutes: number | null;
  search_doc: ColumnType<string, never, never>;
  approved_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
  /** Why the mentor is in this status (e.g. a rejection reason the applicant sees, `reports`). */
  status_reason: ColumnType<string | null, string | null | undefined, string | null>;
  status_changed_at: NullableTimestamp;
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
  thread_id: string | null;
  note: string | null;
  sequence: ColumnType<number, number | undefined, number>;
  cancel_reason: string | null;
  cancelled_by: string | null;
  cancelled_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  key: string;
  fingerprint: string;
  response_status: number;
  response_headers: ColumnType<Record<string, string>, string, string>;
  response_body: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

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
  created_at: Timestamp;
  updated_at: Timestamp;
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

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  count: number;
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
  events: EventsTable;
  jobs: JobsTable;
  reports: ReportsTable;
  rate_limits: RateLimitsTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
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
export type ReportRow = Selectable<ReportsTable>;
