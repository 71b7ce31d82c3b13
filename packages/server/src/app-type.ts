/** Types the SDK derives its client from (type-only: no runtime code crosses over). */
export type { ApiRoutes } from './app.js';
export type { Problem } from './http/errors.js';
export type { Mentor } from './schemas/mentors.js';
