import { define } from '../internal/define.js';
import { MmFollowUp } from './follow-up.component.js';

export type { MmBookingCreatedDetail, MmBookingCreatedEvent } from '../events/mm-booking-created.js';
export type {
  MmActionItemToggledDetail,
  MmBoardChangedDetail,
  MmFeedbackSubmittedDetail,
  MmInstantExpiredDetail,
  MmInstantMatchedDetail,
  MmNextMatch,
  MmReportSubmittedDetail,
} from '../events/mm-follow-up.js';
export type { MmMessageSentDetail } from '../events/mm-mentor-console.js';
export { MmFollowUp };
export default MmFollowUp;

define('mm-follow-up', MmFollowUp);
