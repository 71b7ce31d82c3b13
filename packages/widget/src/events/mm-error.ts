/**
 * Which call failed: one of the learner widget's steps, or `console` (a console — mentor or
 * admin — could not load who the user is) or `record` (the mentor's record did not load or
 * download).
 */
export type MmErrorStep =
  | 'request'
  | 'booking'
  | 'calendar'
  | 'cancel'
  | 'broaden'
  | 'guest'
  | 'bookings'
  | 'reschedule'
  | 'no-show'
  | 'message'
  | 'console'
  | 'record'
  | 'ask-program'
  | 'wait'
  | 'take';

export interface MmErrorDetail {
  step: MmErrorStep;
  /** The API's stable code (`slot_unavailable`, `connection_failed`…) or `setup` / `unknown`. */
  code: string;
  /** What the user was shown, in their language. */
  message: string;
  /** The error itself (usually one of the SDK's typed errors), for logging. */
  error: unknown;
}

export type MmErrorEvent = CustomEvent<MmErrorDetail>;

declare global {
  interface HTMLElementEventMap {
    'mm-error': MmErrorEvent;
  }
}
