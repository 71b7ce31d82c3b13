// The full client, in a module of its own: a bundle that uses only `MicromentorCore` (the learner
// widget) then leaves out every resource below, even when pages sharing its chunks use them.
import { errorFor, MicromentorCore, type MicromentorOptions } from './client.js';
import { type ActionItemsResource, actionItemsResource } from './resources/action-items.js';
import { type BookingsResource, bookingsResource } from './resources/bookings.js';
import { type EventsResource, eventsResource } from './resources/events.js';
import { type MeResource, meResource } from './resources/me.js';
import { type MentorsResource, mentorsResource } from './resources/mentors.js';
import { type ProgramQueueResource, programQueueResource } from './resources/program-queue.js';
import { type RecognitionResource, recognitionResource } from './resources/recognition.js';
import { type ReportsResource, reportsResource } from './resources/reports.js';
import { type RequestsResource, requestsResource } from './resources/requests.js';
import { type ThreadsResource, threadsResource } from './resources/threads.js';

/** The whole API: the core plus conversations, live events, reports and the program's admin routes. */
export class Micromentor extends MicromentorCore {
  /** Learners' help requests, their matches, and mentors accepting or declining instant ones. */
  declare readonly requests: RequestsResource;
  /** Sessions, plus feedback and the mentor's notes afterwards. */
  declare readonly bookings: BookingsResource;
  /** The caller: tenant, user, own mentor profile and stats, board of advisors, offers, presence. */
  declare readonly me: MeResource;
  /** Mentor profiles (create, edit, delete with the secret key), availability and free slots. */
  declare readonly mentors: MentorsResource;
  /** The learner ticks off the action items from a session's notes. */
  declare readonly actionItems: ActionItemsResource;
  /** Learner–mentor conversations: threads, messages, read state. */
  declare readonly threads: ThreadsResource;
  /** Live events (server-sent) with automatic reconnect and resume. */
  declare readonly events: EventsResource;
  /** Learners' reports about mentors. */
  declare readonly reports: ReportsResource;
  /** Recognition: the mentor's record and verifiable credential, the program's leaderboard. */
  declare readonly recognition: RecognitionResource;
  /** Requests nobody fitted that wait for the program; approved mentors take them. */
  declare readonly programQueue: ProgramQueueResource;

  constructor(options: MicromentorOptions) {
    super(options);
    const full = this as {
      requests: RequestsResource;
      bookings: BookingsResource;
      me: MeResource;
      mentors: MentorsResource;
      threads: ThreadsResource;
    };
    full.mentors = mentorsResource(this);
    full.requests = requestsResource(this);
    full.bookings = bookingsResource(this);
    full.me = meResource(this);
    this.actionItems = actionItemsResource(this);
    full.threads = threadsResource(this);
    this.events = eventsResource(this);
    this.reports = reportsResource(this);
    this.recognition = recognitionResource(this);
    this.programQueue = programQueueResource(this);
  }

  /**
   * @internal A long-lived GET (the event stream) with the client's auth headers: no timeout, no
   * retries (the caller reconnects). Throws the API's error for a non-2xx answer.
   */
  async openStream(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
    const response = await this.send(this.url(path), {
      method: 'GET',
      headers: this.auth({ Accept: 'text/event-stream', ...headers }),
      signal,
    });
    if (!response.ok) throw errorFor(response, await response.text());
    return response;
  }
}
