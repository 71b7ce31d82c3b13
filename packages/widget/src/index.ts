export { MmAskExpert } from './ask-expert/ask-expert.js';
export type { MmCloseDetail, MmCloseEvent, MmCloseReason } from './events/mm-close.js';
export type { MmOpenDetail, MmOpenEvent } from './events/mm-open.js';
