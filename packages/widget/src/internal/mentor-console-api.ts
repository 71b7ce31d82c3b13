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
  Presence,
  SetNotesParams,
  TimeRange,
} from '@micromentor/sdk';
import { conversationApi } from './conversation-api.js';
import { settingsApi } from './settings-api.js';
import { sdkSubscribe } from './subscribe.js';

/** An action item as the notes form sends it: with its `id` when it already exists. */
export type ActionItemInput = NonNullable<SetNotesParams['actionItems']>[number];

/** The profile fields a mentor fills in (application and later edits); `callBridge: null` removes it. */
export type ProfileFields = Pick<
  Mentor,
  'name' | 'headline' | 'bio' | 'skills' | 'yearsExperience' | 'languages' | 'timeZone' | 'formats'
> & { callBridge?: string | null; contactEmail?: string | null };

/** The console's calls, bound to one SDK client. */
export function consoleApi(client: Micromentor) {
  return {
    ...conversationApi(client),
    ...settingsApi(client),
    /** Live events: the console refreshes the panel an event is about. */
    subscribe: sdkSubscribe(client),
    me: (): Promise<Me> => client.me.get(),
    apply: (profile: ProfileFields): Promise<OwnMentor> => client.me.applyAsMentor(profile),
    updateProfile: (profile: ProfileFields): Promise<OwnMentor> => client.me.updateMentorProfile(profile),
    stats: (): Promise<MyMentorStats> => client.me.stats(),
    record: (): Promise<MentorRecord> => client.recognition.record(),
    /** The record as a signed Open Badges credential (a compact JWS, `application/vc+jwt`). */
    credential: (): Promise<string> => client.recognition.credential(),
    setAvailableNow: (availableNow: boolean): Promise<Presence> => client.me.setPresence({ availableNow }),
    offers: () => client.me.offers({ limit: 50 }),
    accept: (requestId: string) => client.requests.accept(requestId),
    decline: (requestId: string) => client.requests.decline(requestId),
    sessions: async (): Promise<Booking[]> => {
      const page = await client.bookings.list({ as: 'mentor', limit: 100 });
      return page.data;
    },
    cancelSession: (id: string, reason: string): Promise<Booking> => client.bookings.cancel(id, { reason }),
    /** The session's .ics file (the same event, by UID, as the invitation and the calendar feed). */
    calendarFile: (id: string): Promise<string> => client.bookings.calendar(id),
    /** The mentor's own free times over the next two weeks, for a session of this length. */
    freeTimes: async (mentorId: string, durationMinutes: number): Promise<TimeRange[]> => {
      const from = new Date();
      const to = new Date(from.getTime() + 14 * 24 * 60 * 60 * 1000);
      return (await client.mentors.slots(mentorId, { from, to, duration: durationMinutes })).data;
    },
    reschedule: (id: string, start: string): Promise<Booking> => client.bookings.reschedule(id, { start }),
    /** The learner did not come to this session (from its start until 7 days after its end). */
    noShow: (id: string): Promise<Booking> => client.bookings.noShow(id, { who: 'learner' }),
    saveNotes: (bookingId: string, summary: string, actionItems: ActionItemInput[]) =>
      client.bookings.setNotes(bookingId, { summary, actionItems }),
    notes: (bookingId: string) => client.bookings.notes(bookingId),
    availability: (mentorId: string): Promise<Availability> => client.mentors.availability.get(mentorId),
    saveAvailability: (mentorId: string, availability: Availability): Promise<Availability> =>
      client.mentors.availability.set(mentorId, availability),
  };
}

export type ConsoleApi = ReturnType<typeof consoleApi>;
