export { MmAskExpert } from './ask-expert/ask-expert.js';
export { MmConfirmation } from './confirmation/confirmation.js';
export type {
  MmBookingCancelledDetail,
  MmBookingCancelledEvent,
  MmBookingCreatedDetail,
  MmBookingCreatedEvent,
  MmSlotSelectDetail,
  MmSlotSelectEvent,
} from './events/mm-booking-created.js';
export type { MmCloseDetail, MmCloseEvent, MmCloseReason } from './events/mm-close.js';
export type { MmErrorDetail, MmErrorEvent, MmErrorStep } from './events/mm-error.js';
export type { MmOpenDetail, MmOpenEvent } from './events/mm-open.js';
export type {
  MmRequestCreatedDetail,
  MmRequestCreatedEvent,
  MmRequestSubmitEvent,
} from './events/mm-request-created.js';
export type { MmThreadCreatedDetail, MmThreadCreatedEvent } from './events/mm-thread-created.js';
export type { Locale, Messages } from './i18n/index.js';
export { MmLeaderboard } from './leaderboard/leaderboard.js';
export { MmMatchList } from './match-list/match-list.js';
export { MmMentorCard } from './mentor-card/mentor-card.js';
export { MmRequestForm } from './request-form/request-form.js';
