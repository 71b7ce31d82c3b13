// The mentor console's events (its panels dispatch them; they bubble out of `<mm-mentor-console>`).
// `mm-booking-cancelled` and `mm-booking-rescheduled` are the learner widget's (mm-booking-created.ts).
import type { Availability, Booking, Mentor, Message } from '@micromentor/sdk';

/** `mm-offer-accepted` (the mentor got the request) and `mm-offer-declined`. */
export interface MmOfferDetail {
  requestId: string;
}

/** Asking a learner for more detail opened (or reused) the request's conversation. */
export interface MmThreadOpenDetail {
  threadId: string;
}

export interface MmNotesSavedDetail {
  bookingId: string;
}

/** A message posted from `<mm-thread-view>` (the mentor console's, or the learner's chat). */
export interface MmMessageSentDetail {
  message: Message;
}

export interface MmAvailabilitySavedDetail {
  availability: Availability;
}

/** `mm-mentor-applied` (the application was sent) and `mm-profile-saved`: the profile as stored. */
export interface MmMentorProfileDetail {
  mentor: Mentor;
}

/** The signed record was saved: `credential` is the compact JWS. */
export interface MmRecordDownloadedDetail {
  credential: string;
}

/** The mentor recorded that the learner did not come: `booking` has status `no_show`. */
export interface MmNoShowRecordedDetail {
  booking: Booking;
}

declare global {
  interface HTMLElementEventMap {
    'mm-offer-accepted': CustomEvent<MmOfferDetail>;
    'mm-offer-declined': CustomEvent<MmOfferDetail>;
    'mm-thread-open': CustomEvent<MmThreadOpenDetail>;
    'mm-notes-saved': CustomEvent<MmNotesSavedDetail>;
    'mm-message-sent': CustomEvent<MmMessageSentDetail>;
    'mm-availability-saved': CustomEvent<MmAvailabilitySavedDetail>;
    'mm-mentor-applied': CustomEvent<MmMentorProfileDetail>;
    'mm-profile-saved': CustomEvent<MmMentorProfileDetail>;
    'mm-record-downloaded': CustomEvent<MmRecordDownloadedDetail>;
    'mm-no-show-recorded': CustomEvent<MmNoShowRecordedDetail>;
  }
}
