/** Job kinds about one help request, all queued under `requestSubject(id)`. */
export const OFFER_WINDOW_JOB = 'offers.expire-window';
export const REQUEST_EXPIRY_JOB = 'requests.expire';

/** The jobs' subject: cancelling it cancels every pending job about the request. */
export const requestSubject = (requestId: string): string => `request:${requestId}`;
/** A mentor's time to answer (an offer of a scheduled request, or a learner's message) is up. */
export const REPLY_WINDOW_JOB = 'requests.reply-window';
