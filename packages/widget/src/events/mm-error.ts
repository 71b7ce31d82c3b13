/** Which call failed. */
export type MmErrorStep =
  | 'request'
  | 'booking'
  | 'calendar'
  | 'cancel'
  | 'broaden'
  | 'guest'
  | 'bookings'
  | 'reschedule'
  | 'message';

export interface MmErrorDetail {
  step: MmErrorStep;
  /** The API's stable code (`slot_unavailable`, `connection_failed`…) or `setup` / `unknown`. */
  code: string;
  /** What the learner was shown, in their language. */
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
