import { segment } from '../internal/url.js';
import type { PageList } from '../pagination.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type {
  Board,
  BoardEntry,
  BoardEntryParams,
  CalendarFeed,
  DismissRecommendationParams,
  EmailPreferences,
  Erasure,
  ListOffersParams,
  Me,
  MentorApplicationParams,
  MentorOffer,
  MyMentorStats,
  OwnMentor,
  PersonalDataExport,
  Presence,
  PresenceParams,
  Recommendations,
  UpdateEmailPreferencesParams,
  UpdateOwnMentorParams,
} from '../types.js';
import { listOf } from './list.js';

export interface MeResource {
  /** The tenant behind the key and, when a user token is set, the user and their mentor profile. */
  get(options?: CallOptions): Promise<Me>;
  /**
   * Applies as a mentor: creates the user's profile with status `pending`, for the program to
   * vet. A second application throws a `ConflictError` with code `already_applied`.
   */
  applyAsMentor(params: MentorApplicationParams, options?: WriteOptions): Promise<OwnMentor>;
  /** The user's own mentor profile, any status, with the program's `statusReason`. */
  mentorProfile(options?: CallOptions): Promise<OwnMentor>;
  /** Edits the user's own profile fields (status and externalId are the program's). */
  updateMentorProfile(params: UpdateOwnMentorParams, options?: WriteOptions): Promise<OwnMentor>;
  /** The mentor's own figures: sessions, minutes, rating, median response time, upcoming. */
  stats(options?: CallOptions): Promise<MyMentorStats>;
  /** The learner's board of advisors. */
  board(options?: CallOptions): Promise<Board>;
  /** Puts an approved mentor on the board, or changes their label. */
  addToBoard(mentorId: string, params?: BoardEntryParams, options?: WriteOptions): Promise<BoardEntry>;
  removeFromBoard(mentorId: string, options?: WriteOptions): Promise<void>;
  /**
   * What to ask about next: up to 5 topics from the learner's requests and what the program's
   * learners asked next, each with a reason (`code`, `params`, English `text`) and up to 2 mentors
   * with the skill who are not on the board.
   */
  recommendations(options?: CallOptions): Promise<Recommendations>;
  /**
   * The topic (a suggestion's `skill`) is not suggested again; twice is the same as once. A skill
   * outside the taxonomy throws a `ValidationError` with code `unknown_skill`.
   */
  dismissRecommendation(skill: DismissRecommendationParams['skill'], options?: WriteOptions): Promise<void>;
  /** The mentor's inbox: instant requests offered to them, newest first (accept with `requests.accept`). */
  offers(params?: ListOffersParams, options?: CallOptions): PageList<MentorOffer>;
  /**
   * The mentor takes instant requests for the next 15 minutes (`availableNow: true`; also lifts a
   * pause for letting offers expire), or stops now.
   */
  setPresence(params: PresenceParams, options?: WriteOptions): Promise<Presence>;
  /** Which kinds of email the user gets as learner and (with a mentor profile) as mentor, and where. */
  emailPreferences(options?: CallOptions): Promise<EmailPreferences>;
  /**
   * Turns kinds of email on or off (`as: 'mentor'` for the mentor's own; default the learner's),
   * e.g. `{ kinds: { reminders: false } }`. Returns the preferences now.
   */
  updateEmailPreferences(
    params: UpdateEmailPreferencesParams,
    options?: WriteOptions,
  ): Promise<EmailPreferences>;
  /** The user's private calendar feed: whether it is on, and its secret URL to subscribe to. */
  calendarFeed(options?: CallOptions): Promise<CalendarFeed>;
  /**
   * Turns the calendar feed on, or gives it a new URL: the one given before stops working at
   * once. Anyone with the URL sees the user's sessions, so it is theirs to keep.
   */
  renewCalendarFeed(options?: WriteOptions): Promise<CalendarFeed>;
  /** Turns the calendar feed off: its URL stops working (nothing happens when it was off). */
  stopCalendarFeed(options?: WriteOptions): Promise<void>;
  /** Everything the program holds about the user, as one JSON document (to save as a file). */
  export(options?: CallOptions): Promise<PersonalDataExport>;
  /**
   * Erases the user, for good: who they are and what they wrote, everywhere; their sessions ahead
   * are cancelled. The token's `sub` signs in as a new, empty user afterwards.
   */
  erase(options?: WriteOptions): Promise<Erasure>;
}

const boardPath = (mentorId: string): string => `/v1/me/board/${segment(mentorId)}`;
const CALENDAR_FEED = '/v1/me/calendar-feed';

/** The part the learner widget needs (the `MicromentorCore` client); the rest is on `Micromentor`. */
export type MeCoreResource = Pick<MeResource, 'get'>;

export function meCoreResource(client: Requester): MeCoreResource {
  return {
    get: (options) => client.request('GET', '/v1/me', options),
  };
}

export function meResource(client: Requester): MeResource {
  return {
    ...meCoreResource(client),
    applyAsMentor: (params, options) => client.request('POST', '/v1/me/mentor', { ...options, body: params }),
    mentorProfile: (options) => client.request('GET', '/v1/me/mentor', options),
    updateMentorProfile: (params, options) =>
      client.request('PATCH', '/v1/me/mentor', { ...options, body: params }),
    stats: (options) => client.request('GET', '/v1/me/stats', options),
    board: (options) => client.request('GET', '/v1/me/board', options),
    addToBoard: (mentorId, params = {}, options) =>
      client.request('PUT', boardPath(mentorId), { ...options, body: params }),
    removeFromBoard: (mentorId, options) => client.request('DELETE', boardPath(mentorId), options),
    recommendations: (options) => client.request('GET', '/v1/me/recommendations', options),
    dismissRecommendation: (skill, options) =>
      client.request('POST', '/v1/me/recommendations/dismiss', { ...options, body: { skill } }),
    offers: (params, options) => listOf(client, '/v1/me/offers', params, options),
    setPresence: (params, options) => client.request('PUT', '/v1/me/presence', { ...options, body: params }),
    emailPreferences: (options) => client.request('GET', '/v1/me/email-preferences', options),
    updateEmailPreferences: (params, options) =>
      client.request('PATCH', '/v1/me/email-preferences', { ...options, body: params }),
    calendarFeed: (options) => client.request('GET', CALENDAR_FEED, options),
    renewCalendarFeed: (options) => client.request('POST', CALENDAR_FEED, options),
    stopCalendarFeed: (options) => client.request('DELETE', CALENDAR_FEED, options),
    export: (options) => client.request('GET', '/v1/me/export', options),
    erase: (options) => client.request('POST', '/v1/me/erase', { ...options, body: { confirm: 'erase' } }),
  };
}
