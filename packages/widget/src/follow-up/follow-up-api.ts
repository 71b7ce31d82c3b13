// What the learner's follow-up needs from the API, in one place; every call goes through the SDK.
import type { Booking, Mentor, Micromentor, TimeRange } from '@micromentor/sdk';

export type Solved = 'yes' | 'partly' | 'no';

export interface ActionItem {
  id: string;
  bookingId: string;
  text: string;
  position: number;
  done: boolean;
  doneAt: string | null;
}

export interface SessionNotes {
  bookingId: string;
  summary: string;
  actionItems: ActionItem[];
  updatedAt: string | null;
}

export interface BoardEntry {
  mentor: Mentor;
  label: string;
  addedAt: string;
}

const enc = encodeURIComponent;
const DAY_MS = 86_400_000;

export function followUpApi(client: Micromentor) {
  return {
    sessions: async (): Promise<Booking[]> => (await client.bookings.list({ limit: 100 })).data,
    mentor: (id: string): Promise<Mentor> => client.mentors.get(id),
    feedback: (bookingId: string): Promise<unknown> =>
      client.request('GET', `/v1/bookings/${enc(bookingId)}/feedback`),
    sendFeedback: (
      bookingId: string,
      body: { rating: number; solved: Solved; comment?: string },
    ): Promise<unknown> => client.request('POST', `/v1/bookings/${enc(bookingId)}/feedback`, { body }),
    notes: (bookingId: string): Promise<SessionNotes> =>
      client.request('GET', `/v1/bookings/${enc(bookingId)}/notes`),
    setDone: (itemId: string, done: boolean): Promise<ActionItem> =>
      client.request('POST', `/v1/action-items/${enc(itemId)}/${done ? 'done' : 'undone'}`, { body: {} }),
    board: async (): Promise<BoardEntry[]> =>
      (await client.request<{ data: BoardEntry[] }>('GET', '/v1/me/board')).data,
    addToBoard: (mentorId: string, label: string): Promise<BoardEntry> =>
      client.request('PUT', `/v1/me/board/${enc(mentorId)}`, { body: { label } }),
    removeFromBoard: (mentorId: string): Promise<unknown> =>
      client.request('DELETE', `/v1/me/board/${enc(mentorId)}`),
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
