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

if (!customElements.get('mm-follow-up')) customElements.define('mm-follow-up', MmFollowUp);

declare global {
  interface HTMLElementTagNameMap {
    'mm-follow-up': MmFollowUp;
  }
}
