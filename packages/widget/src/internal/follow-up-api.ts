// What the learner's follow-up needs from the API, in one place; every call goes through the SDK.
import type {
  ActionItem,
  BoardEntry,
  Booking,
  CreateBookingParams,
  CreateReportParams,
  FeedbackSolved,
  HelpRequest,
  LiveEvent,
  Mentor,
  Micromentor,
  SessionNotes,
  TimeRange,
} from '@micromentor/sdk';
import { conversationApi } from './conversation-api.js';
import { settingsApi } from './settings-api.js';
import { type Subscribe, sdkSubscribe } from './subscribe.js';

export type { ActionItem, BoardEntry, LiveEvent, SessionNotes, Subscribe };
export type Solved = FeedbackSolved;

const DAY_MS = 86_400_000;

export function followUpApi(client: Micromentor) {
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
  };
}

export type FollowUpApi = ReturnType<typeof followUpApi>;
