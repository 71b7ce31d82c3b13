// What the learner's follow-up needs from the API, in one place; every call goes through the SDK.
import type {
  ActionItem,
  BoardEntry,
  Booking,
  FeedbackSolved,
  Mentor,
  Micromentor,
  SessionNotes,
  TimeRange,
} from '@micromentor/sdk';

export type { ActionItem, BoardEntry, SessionNotes };
export type Solved = FeedbackSolved;

const DAY_MS = 86_400_000;

export function followUpApi(client: Micromentor) {
  return {
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
    book: (
      mentorId: string,
      start: string,
      durationMinutes: number,
      format: Booking['format'],
    ): Promise<Booking> => client.bookings.create({ mentorId, start, durationMinutes, format }),
  };
}

export type FollowUpApi = ReturnType<typeof followUpApi>;
