// What the mentor console needs from the API, in one place. Everything goes through the SDK
// client; this module only names the calls the console makes.
import type {
  Availability,
  Booking,
  Me,
  Mentor,
  MentorRecord,
  Micromentor,
  MyMentorStats,
  OwnMentor,
  TimeRange,
} from '@micromentor/sdk';

export interface Offer {
  requestId: string;
  status: 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  expiresAt: string | null;
  offeredAt: string;
  request: { title: string; details: string; urgency: string; context: Record<string, string> };
  learner: { name: string };
}

export interface ThreadSummary {
  id: string;
  requestId: string | null;
  bookingId: string | null;
  learner: { id: string; name: string };
  mentor: { id: string; name: string };
  unreadCount: number;
  lastMessageAt: string | null;
}

export interface Message {
  id: string;
  threadId: string;
  authorId: string;
  body: string;
  createdAt: string;
}

export type MentorStats = MyMentorStats;

export interface ActionItemInput {
  id?: string;
  text: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** The profile fields a mentor fills in (application and later edits). */
export type ProfileFields = Pick<
  Mentor,
  'name' | 'headline' | 'bio' | 'skills' | 'yearsExperience' | 'languages' | 'timeZone' | 'formats'
>;

const enc = encodeURIComponent;

/** The console's calls, bound to one SDK client. */
export function consoleApi(client: Micromentor) {
  return {
    me: (): Promise<Me> => client.me.get(),
    apply: (profile: ProfileFields): Promise<OwnMentor> => client.me.applyAsMentor(profile),
    updateProfile: (profile: ProfileFields): Promise<OwnMentor> => client.me.updateMentorProfile(profile),
    stats: (): Promise<MentorStats> => client.me.stats(),
    record: (): Promise<MentorRecord> => client.recognition.record(),
    /** The record as a signed Open Badges credential (a compact JWS, `application/vc+jwt`). */
    credential: (): Promise<string> => client.recognition.credential(),
    setAvailableNow: (availableNow: boolean): Promise<unknown> =>
      client.request('PUT', '/v1/me/presence', { body: { availableNow } }),
    offers: (): Promise<Page<Offer>> => client.request('GET', '/v1/me/offers', { query: { limit: 50 } }),
    accept: (requestId: string): Promise<unknown> =>
      client.request('POST', `/v1/requests/${enc(requestId)}/accept`, { body: {} }),
    decline: (requestId: string): Promise<unknown> =>
      client.request('POST', `/v1/requests/${enc(requestId)}/decline`, { body: {} }),
    sessions: async (): Promise<Booking[]> => {
      const page = await client.bookings.list({ as: 'mentor', limit: 100 });
      return page.data;
    },
    cancelSession: (id: string, reason: string): Promise<Booking> => client.bookings.cancel(id, { reason }),
    /** The mentor's own free times over the next two weeks, for a session of this length. */
    freeTimes: async (mentorId: string, durationMinutes: number): Promise<TimeRange[]> => {
      const from = new Date();
      const to = new Date(from.getTime() + 14 * 24 * 60 * 60 * 1000);
      return (await client.mentors.slots(mentorId, { from, to, duration: durationMinutes })).data;
    },
    reschedule: (id: string, start: string): Promise<Booking> => client.bookings.reschedule(id, { start }),
    saveNotes: (bookingId: string, summary: string, actionItems: ActionItemInput[]) =>
      client.bookings.setNotes(bookingId, { summary, actionItems }),
    notes: (bookingId: string) => client.bookings.notes(bookingId),
    threads: (): Promise<Page<ThreadSummary>> =>
      client.request('GET', '/v1/threads', { query: { limit: 50 } }),
    openRequestThread: (requestId: string): Promise<ThreadSummary> =>
      client.request('POST', `/v1/requests/${enc(requestId)}/threads`, { body: {} }),
    messages: (threadId: string): Promise<Page<Message>> =>
      client.request('GET', `/v1/threads/${enc(threadId)}/messages`, { query: { limit: 100 } }),
    post: (threadId: string, body: string): Promise<Message> =>
      client.request('POST', `/v1/threads/${enc(threadId)}/messages`, { body: { body } }),
    markRead: (threadId: string, messageId: string): Promise<unknown> =>
      client.request('POST', `/v1/threads/${enc(threadId)}/read`, { body: { messageId } }),
    availability: (mentorId: string): Promise<Availability> => client.mentors.availability.get(mentorId),
    saveAvailability: (mentorId: string, availability: Availability): Promise<Availability> =>
      client.mentors.availability.set(mentorId, availability),
  };
}

export type ConsoleApi = ReturnType<typeof consoleApi>;
