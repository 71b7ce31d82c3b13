// The browser-safe entry: no Node built-ins, no secrets-taking helpers (those live in
// `@micromentor/sdk/node`), no side effects on import.
export type { MicromentorOptions, RetryOptions, UserTokenProvider } from './client.js';
export { MicromentorCore } from './client.js';
export type { ConnectionFailure, MicromentorErrorInit, ProblemDetails, ProblemFieldError } from './errors.js';
export {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  errorFromResponse,
  IdempotencyError,
  MicromentorError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export { linkify, type TextSegment } from './links.js';
export { Micromentor } from './micromentor.js';
export { Page, PageList } from './pagination.js';
export type {
  CallOptions,
  HttpMethod,
  QueryParams,
  QueryScalar,
  RequestOptions,
  WriteOptions,
} from './request.js';
export type { ActionItemsResource } from './resources/action-items.js';
export type { BookingsResource } from './resources/bookings.js';
export type { EventsResource, LiveEvent, SubscribeOptions, Subscription } from './resources/events.js';
export type { GuestSessionsResource } from './resources/guest-sessions.js';
export type { MeResource } from './resources/me.js';
export type { AvailabilityResource, MentorsResource } from './resources/mentors.js';
export { type MyQuestionsResource, myQuestions } from './resources/my-questions.js';
export type { ProgramQueueResource } from './resources/program-queue.js';
export type { RecognitionResource } from './resources/recognition.js';
export type { ReportsResource } from './resources/reports.js';
export type { RequestsResource } from './resources/requests.js';
export type { ThreadsResource } from './resources/threads.js';
export type * from './types.js';
