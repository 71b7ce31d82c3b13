import { segment } from '../internal/url.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type { Decision, QuestionAdvice, Questions } from '../types.js';

/**
 * The learner's questions several mentors advised on: their advice side by side, where they agree
 * and differ, what the learner decided, and whether later mentors see the earlier advice. Kept
 * out of `me` (and so out of the widget's My help bundle, which has no room for it) until My help
 * shows it: make one with `myQuestions(client)`.
 */
export interface MyQuestionsResource {
  /** The learner's questions (a request and its re-asks) that at least two mentors advised on. */
  questions(options?: CallOptions): Promise<Questions>;
  /**
   * Each mentor's action items and notes on the question of this request, the agreements and
   * differences (each explained: `code`, `params`, English `text`) and the learner's decision.
   * A `NotFoundError` for another learner's request or fewer than two mentors.
   */
  advice(requestId: string, options?: CallOptions): Promise<QuestionAdvice>;
  /** Records (or replaces) what the learner decided, plain text up to 2,000 characters. */
  decide(requestId: string, text: string, options?: WriteOptions): Promise<Decision>;
  /** Lets later mentors of the question see what earlier ones advised (off by default), or stops it. */
  shareAdvice(
    requestId: string,
    on: boolean,
    options?: WriteOptions,
  ): Promise<{ shareEarlierAdvice: boolean }>;
}

const questionPath = (requestId: string, tail: string) => `/v1/me/questions/${segment(requestId)}/${tail}`;

export function myQuestions(client: Requester): MyQuestionsResource {
  return {
    questions: (options) => client.request('GET', '/v1/me/questions', options),
    advice: (requestId, options) => client.request('GET', questionPath(requestId, 'advice'), options),
    decide: (requestId, text, options) =>
      client.request('POST', questionPath(requestId, 'decision'), { ...options, body: { text } }),
    shareAdvice: (requestId, on, options) =>
      client.request('POST', questionPath(requestId, 'share'), {
        ...options,
        body: { shareEarlierAdvice: on },
      }),
  };
}
