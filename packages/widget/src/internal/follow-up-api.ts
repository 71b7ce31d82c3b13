// What the learner's follow-up needs from the API, in one place; every call goes through the SDK.
import {
  type ActionItem,
  type AnotherMentor,
  type BoardEntry,
  type Booking,
  type CreateBookingParams,
  type CreateReportParams,
  type FeedbackSolved,
  type HelpRequest,
  type LiveEvent,
  type Mentor,
  type Micromentor,
  myQuestions,
  type QuestionAdvice,
  type SessionNotes,
  type SuggestedTopic,
  type TimeRange,
} from '@micromentor/sdk';
import { conversationApi } from './conversation-api.js';
import { settingsApi } from './settings-api.js';
import { type Subscribe, sdkSubscribe } from './subscribe.js';

export type {
  ActionItem,
  AnotherMentor,
  BoardEntry,
  LiveEvent,
  QuestionAdvice,
  SessionNotes,
  Subscribe,
  SuggestedTopic,
};
export type Solved = FeedbackSolved;

const DAY_MS = 86_400_000;

export function followUpApi(client: Micromentor) {
  const questions = myQuestions(client);
  return {
    /** The learner's own user id (threads tell their messages apart by it). */
    userId: async (): Promise<string> => (await client.me.get()).user?.id ?? '',
    request: (id: string): Promise<HelpRequest> => client.requests.get(id),
    booking: (id: string): Promise<Booking> => client.bookings.get(id),
    subscribe: sdkSubscribe(client),
    /** The conversation calls `<mm-thread-view>` makes (shared with the mentor console). */
    conversation: conversationApi(client),
    ...settingsApi(client),
    report: (params: CreateReportParams) => client.reports.create(params),
    sessions: async (): Promise<Booking[]> => (await client.bookings.list({ limit: 100 })).data,
    mentor: (id: string): Promise<Mentor> => client.mentors.get(id),
    feedback: (bookingId: string) => client.bookings.getFeedback(bookingId),
    sendFeedback: (bookingId: string, body: { rating: number; solved: Solved; comment?: string }) =>
      client.bookings.feedback(bookingId, body),
    notes: (bookingId: string): Promise<SessionNotes> => client.bookings.notes(bookingId),
    setDone: (itemId: string, done: boolean): Promise<ActionItem> =>
      done ? client.actionItems.done(itemId) : client.actionItems.undone(itemId),
    board: async (): Promise<BoardEntry[]> => (await client.me.board()).data,
    addToBoard: (mentorId: string, label: string): Promise<BoardEntry> =>
      client.me.addToBoard(mentorId, { label }),
    removeFromBoard: (mentorId: string): Promise<void> => client.me.removeFromBoard(mentorId),
    nextSlots: async (mentorId: string, duration: number, now: Date): Promise<TimeRange[]> =>
      (
        await client.mentors.slots(mentorId, {
          from: now,
          to: new Date(now.getTime() + 14 * DAY_MS),
          duration,
        })
      ).data.slice(0, 4),
    book: (params: CreateBookingParams): Promise<Booking> => client.bookings.create(params),
    /** What to ask about next (up to 5 topics, explained, with mentors to add to the board). */
    recommendations: async (): Promise<SuggestedTopic[]> => (await client.me.recommendations()).topics,
    dismissTopic: (skill: string): Promise<void> => client.me.dismissRecommendation(skill),
    /** The learner's questions still waiting for, or with, a mentor (newest first). */
    openRequests: async (): Promise<HelpRequest[]> =>
      (await client.requests.list({ limit: 20 })).data.filter(
        (r) => r.status === 'open' || r.status === 'matched',
      ),
    anotherMentor: (requestId: string, reason: string): Promise<AnotherMentor> =>
      client.requests.anotherMentor(requestId, reason ? { reason } : {}),
    /** Each question two or more mentors advised on, with their advice side by side. */
    advice: async (): Promise<QuestionAdvice[]> => {
      const { questions: list } = await questions.questions();
      return Promise.all(list.map((q) => questions.advice(q.question.id)));
    },
    decide: (requestId: string, text: string) => questions.decide(requestId, text),
    shareAdvice: (requestId: string, on: boolean) => questions.shareAdvice(requestId, on),
  };
}

export type FollowUpApi = ReturnType<typeof followUpApi>;
