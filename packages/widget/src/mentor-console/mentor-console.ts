import { define } from '../internal/define.js';
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
  MmNoShowRecordedDetail,
  MmNotesSavedDetail,
  MmOfferDetail,
  MmRecordDownloadedDetail,
  MmThreadOpenDetail,
} from '../events/mm-mentor-console.js';
export type { LiveEvent, Subscribe } from './mentor-console.component.js';
export { MmMentorConsole };
export default MmMentorConsole;

define('mm-mentor-console', MmMentorConsole);
