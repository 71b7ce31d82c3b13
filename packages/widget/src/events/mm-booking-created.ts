import type { Booking, Mentor, TimeRange } from '@micromentor/sdk';

export interface MmBookingCreatedDetail {
  booking: Booking;
  mentor: Mentor;
}

export type MmBookingCreatedEvent = CustomEvent<MmBookingCreatedDetail>;

export interface MmBookingCancelledDetail {
  booking: Booking;
}

export type MmBookingCancelledEvent = CustomEvent<MmBookingCancelledDetail>;

/** Fired by "My help" when the learner moves a session: `booking` is the updated one. */
export interface MmBookingRescheduledDetail {
  booking: Booking;
}

export type MmBookingRescheduledEvent = CustomEvent<MmBookingRescheduledDetail>;

/** Fired by `<mm-mentor-card>` when the learner picks one of the mentor's free times. */
export interface MmSlotSelectDetail {
  mentor: Mentor;
  slot: TimeRange;
}

export type MmSlotSelectEvent = CustomEvent<MmSlotSelectDetail>;

declare global {
  interface HTMLElementEventMap {
    'mm-booking-created': MmBookingCreatedEvent;
    'mm-booking-cancelled': MmBookingCancelledEvent;
    'mm-booking-rescheduled': MmBookingRescheduledEvent;
    'mm-slot-select': MmSlotSelectEvent;
  }
}
