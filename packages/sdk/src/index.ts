export type { MicromentorOptions } from './client.js';
export { Micromentor } from './client.js';
export type { ConnectionFailure, MicromentorErrorInit, ProblemDetails, ProblemFieldError } from './errors.js';
export {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  errorFromResponse,
  MicromentorError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
} from './errors.js';
export type { HttpMethod, QueryParams, QueryScalar, RequestOptions } from './request.js';
export type { MentorListQuery } from './resources/mentors.js';
export { MentorsResource } from './resources/mentors.js';
export type { Me, Mentor, MentorFormat, MentorStats, MentorStatus, Page, UserRole } from './types.js';
