import { segment } from '../internal/url.js';
import type { PageList } from '../pagination.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type {
  Booking,
  CancelBookingParams,
  CreateBookingParams,
  CreateFeedbackParams,
  Feedback,
  ListBookingsParams,
  NoShowParams,
  RescheduleBookingParams,
  SessionNotes,
  SetNotesParams,
} from '../types.js';
import { listOf } from './list.js';

export interface BookingsResource {
  /**
   * Books a session for the user of the token. A time that is taken or not offered throws a
   * `ConflictError` with code `slot_unavailable` (never retried: pick another slot).
   */
  create(params: CreateBookingParams, options?: WriteOptions): Promise<Booking>;
  /** The user's bookings as learner (default) or as mentor (`as: 'mentor'`), earliest first. */
  list(params?: ListBookingsParams, options?: CallOptions): PageList<Booking>;
  get(id: string, options?: CallOptions): Promise<Booking>;
  /** Before it starts; the time is free again at once. */
  cancel(id: string, params: CancelBookingParams, options?: WriteOptions): Promise<Booking>;
  /**
   * Atomic: the new time is taken and the old one freed together. Past the program's
   * `maxReschedules` moves, a `ConflictError` with code `reschedule_limit`.
   */
  reschedule(id: string, params: RescheduleBookingParams, options?: WriteOptions): Promise<Booking>;
  /**
   * Records that the other party did not come (`who`), once, from the start until a week after
   * the end. Before the start: `ConflictError` `session_not_started`; again: `no_show_recorded`.
   */
  noShow(id: string, params: NoShowParams, options?: WriteOptions): Promise<Booking>;
  /**
   * Where the `.ics` file lives. It needs the same auth headers as any call (tokens never go in
   * URLs), so a plain link will not do: use `calendar(id)` to fetch the file itself.
   */
  calendarUrl(id: string): string;
  /** The booking as an RFC 5545 calendar file (`text/calendar`). */
  calendar(id: string, options?: CallOptions): Promise<string>;
  /**
   * The learner rates the session, once, from its start on. A second time throws a
   * `ConflictError` with code `feedback_exists`; before the start, `session_not_started`.
   */
  feedback(id: string, params: CreateFeedbackParams, options?: WriteOptions): Promise<Feedback>;
  /** The session's feedback (learner, mentor or program); `NotFoundError` while there is none. */
  getFeedback(id: string, options?: CallOptions): Promise<Feedback>;
  /** The mentor's summary and action items (empty, `updatedAt: null`, until written). */
  notes(id: string, options?: CallOptions): Promise<SessionNotes>;
  /**
   * The mentor writes the notes, replacing them. Send an existing item's `id` to keep it and
   * its done state; items left out are deleted.
   */
  setNotes(id: string, params: SetNotesParams, options?: WriteOptions): Promise<SessionNotes>;
}

const bookingPath = (id: string, rest = ''): string => `/v1/bookings/${segment(id)}${rest}`;

/** The part the learner widget needs (the `MicromentorCore` client); the rest is on `Micromentor`. */
export type BookingsCoreResource = Pick<BookingsResource, 'create' | 'cancel' | 'reschedule' | 'calendar'>;

export function bookingsCoreResource(client: Requester): BookingsCoreResource {
  return {
    create: (params, options) => client.request('POST', '/v1/bookings', { ...options, body: params }),
    cancel: (id, params, options) =>
      client.request('POST', bookingPath(id, '/cancel'), { ...options, body: params }),
    reschedule: (id, params, options) =>
      client.request('POST', bookingPath(id, '/reschedule'), { ...options, body: params }),
    calendar: (id, options) =>
      client.request('GET', bookingPath(id, '/calendar.ics'), { ...options, responseType: 'text' }),
  };
}

export function bookingsResource(client: Requester): BookingsResource {
  return {
    ...bookingsCoreResource(client),
    list: (params, options) => listOf(client, '/v1/bookings', params, options),
    get: (id, options) => client.request('GET', bookingPath(id), options),
    noShow: (id, params, options) =>
      client.request('POST', bookingPath(id, '/no-show'), { ...options, body: params }),
    calendarUrl: (id) => client.url(bookingPath(id, '/calendar.ics')),
    feedback: (id, params, options) =>
      client.request('POST', bookingPath(id, '/feedback'), { ...options, body: params }),
    getFeedback: (id, options) => client.request('GET', bookingPath(id, '/feedback'), options),
    notes: (id, options) => client.request('GET', bookingPath(id, '/notes'), options),
    setNotes: (id, params, options) =>
      client.request('PUT', bookingPath(id, '/notes'), { ...options, body: params }),
  };
}
