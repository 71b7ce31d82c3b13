// The learner's follow-up events (`<mm-follow-up>` and its parts). `mm-booking-created` is the
// learner widget's (mm-booking-created.ts); `mm-message-sent` the thread view's (mm-mentor-console.ts).
import type { Booking, CreateReportParams, FeedbackSolved } from '@micromentor/sdk';

/** A mentor offered instead of instant help, with their next free times. */
export interface MmNextMatch {
  mentorId: string;
  name: string;
  nextSlots: { start: string; end: string }[];
}

/** A mentor accepted the instant request: `booking` is the session it created. */
export interface MmInstantMatchedDetail {
  requestId: string;
  booking: Booking;
}

/** Nobody accepted in time: `matches` are the mentors to book instead (maybe none). */
export interface MmInstantExpiredDetail {
  requestId: string;
  matches: MmNextMatch[];
}

export interface MmFeedbackSubmittedDetail {
  bookingId: string;
  rating: number;
  solved: FeedbackSolved;
}

export interface MmActionItemToggledDetail {
  itemId: string;
  done: boolean;
}

/** A mentor was removed from the board of advisors. */
export interface MmBoardChangedDetail {
  mentorId: string;
}

export interface MmReportSubmittedDetail {
  reportId: string;
  mentorId: string;
  /** Null for a report about the mentor only. */
  bookingId: string | null;
  reason: CreateReportParams['reason'];
}

/** How many messages the learner has not read, in all their conversations. */
export interface MmUnreadChangedDetail {
  count: number;
}

/** "Ask about this" on a suggested topic: `skill` (the taxonomy's) and its `label`. */
export interface MmAskAboutDetail {
  skill: string;
  label: string;
}

/** "Request another mentor": the request is open again (`offeredTo`: whom an instant one went to). */
export interface MmAnotherMentorDetail {
  requestId: string;
  releasedMentorIds: string[];
  offeredTo: string[];
}

/** "They didn't come", in My help: the booking, now `no_show`. */
export interface MmNoShowRecordedDetail {
  booking: Booking;
}

declare global {
  interface HTMLElementEventMap {
    'mm-ask-about': CustomEvent<MmAskAboutDetail>;
    'mm-another-mentor': CustomEvent<MmAnotherMentorDetail>;
    'mm-no-show-recorded': CustomEvent<MmNoShowRecordedDetail>;
    'mm-unread-changed': CustomEvent<MmUnreadChangedDetail>;
    'mm-instant-matched': CustomEvent<MmInstantMatchedDetail>;
    'mm-instant-expired': CustomEvent<MmInstantExpiredDetail>;
    'mm-feedback-submitted': CustomEvent<MmFeedbackSubmittedDetail>;
    'mm-action-item-toggled': CustomEvent<MmActionItemToggledDetail>;
    'mm-board-changed': CustomEvent<MmBoardChangedDetail>;
    'mm-report-submitted': CustomEvent<MmReportSubmittedDetail>;
  }
}
