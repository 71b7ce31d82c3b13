import { MmMentorConsole } from './mentor-console.component.js';

export type {
  MmBookingCancelledDetail,
  MmBookingCancelledEvent,
  MmBookingRescheduledDetail,
  MmBookingRescheduledEvent,
} from '../events/mm-booking-created.js';
export type { MmErrorDetail, MmErrorEvent, MmErrorStep } from '../events/mm-error.js';
export type {
  MmAvailabilitySavedDetail,
  MmMentorProfileDetail,
  MmMessageSentDetail,
  MmNotesSavedDetail,
  MmOfferDetail,
  MmRecordDownloadedDetail,
  MmThreadOpenDetail,
} from '../events/mm-mentor-console.js';
export type { LiveEvent, Subscribe } from './mentor-console.component.js';
export { MmMentorConsole };

if (!customElements.get('mm-mentor-console')) customElements.define('mm-mentor-console', MmMentorConsole);

declare global {
  interface HTMLElementTagNameMap {
    'mm-mentor-console': MmMentorConsole;
  }
}
