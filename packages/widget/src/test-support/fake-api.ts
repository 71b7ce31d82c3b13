// A test double for what is OUTSIDE the widget: the HTTP API. The SDK client is the real one;
// only its `fetch` is replaced, answering with JSON shaped like the server's (see
// packages/server/src/schemas). Our own components are never mocked.
import type { AdminMentor, Booking, HelpRequest, Match, MentorStatus } from '@micromentor/sdk';
import { MicromentorAdmin } from '@micromentor/sdk/admin';

export interface RecordedCall {
  method: string;
  path: string;
  /** The query string's parameters. */
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: RecordedCall) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req_test' },
  });
}

export function problem(status: number, code: string, title: string, detail: string): Response {
  return new Response(
    JSON.stringify({ type: 'about:blank', status, title, detail, code, requestId: 'req_test' }),
    {
      status,
      headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_test' },
    },
  );
}

/** A real SDK client whose `fetch` answers from `routes` ("POST /v1/requests" → handler) and records calls. */
export function fakeApi(
  routes: Record<string, Handler>,
  { userToken = 'jwt.learner' }: { userToken?: string } = {},
): { client: MicromentorAdmin; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  // The admin client: everything `Micromentor` has, plus `admin` for the admin console's tests.
  const client = new MicromentorAdmin({
    baseUrl: 'https://api.example.test',
    publishableKey: 'pk_test_123',
    userToken,
    maxRetries: 0,
    fetch: async (url, init) => {
      const { pathname, searchParams } = new URL(url);
      const call: RecordedCall = {
        method: init.method ?? 'GET',
        path: pathname,
        query: Object.fromEntries(searchParams),
        headers: { ...(init.headers as Record<string, string>) },
        body: typeof init.body === 'string' ? JSON.parse(init.body) : null,
      };
      calls.push(call);
      const handler = routes[`${call.method} ${pathname}`];
      return handler
        ? handler(call)
        : problem(404, 'not_found', 'Not Found', `No route ${call.method} ${pathname}.`);
    },
  });
  return { client, calls };
}

const minutesFromNow = (minutes: number): string => new Date(Date.now() + minutes * 60_000).toISOString();

export function slot(startInMinutes: number, length = 15): { start: string; end: string } {
  return { start: minutesFromNow(startInMinutes), end: minutesFromNow(startInMinutes + length) };
}

export function helpRequest(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return {
    id: 'req_01JD8K3Z9Q',
    learnerId: 'usr_01JD8K0AAA',
    title: 'LEFT JOIN returns duplicate rows',
    details: '',
    skills: [],
    format: 'video',
    urgency: 'today',
    languages: [],
    context: {},
    status: 'open',
    matchedMentorId: null,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

export function match(
  name: string,
  overrides: Partial<Match['mentor']> = {},
  extra: Partial<Match> = {},
): Match {
  const id = `mnt_${name.toLowerCase().replace(/[^a-z]/g, '')}`;
  return {
    mentor: {
      id,
      externalId: null,
      name,
      headline: 'Senior data engineer',
      bio: '',
      skills: ['sql', 'postgresql'],
      yearsExperience: 8,
      languages: ['en'],
      timeZone: 'Europe/Madrid',
      formats: ['video', 'call', 'chat'],
      status: 'approved',
      stats: { sessions: 42, rating: 4.8, ratingCount: 12, medianResponseMinutes: 6 },
      badges: [],
      hasCallBridge: false,
      ...overrides,
    },
    score: 0.87,
    reasons: [
      { code: 'skill_match', text: 'Knows SQL joins', params: { skills: 'SQL joins' } },
      { code: 'experience', text: '8 years of experience', params: { years: 8 } },
      { code: 'available_soon', text: 'Free in 40 min', params: { minutes: 40 } },
    ],
    nextSlots: [slot(40), slot(100), slot(24 * 60, 30)],
    ...extra,
  };
}

export function threeMatches(): Match[] {
  return [match('Ada Lovelace'), match('Grace Hopper', { headline: 'Database teacher' }), match('Linus')];
}

export function booking(overrides: Partial<Booking> = {}): Booking {
  const when = slot(40);
  return {
    id: 'bkg_01JD8M2XYZ',
    mentorId: 'mnt_adalovelace',
    mentorName: 'Ada Lovelace',
    learnerId: 'usr_01JD8K0AAA',
    learnerName: 'Lena Park',
    requestId: 'req_01JD8K3Z9Q',
    request: null,
    start: when.start,
    end: when.end,
    format: 'video',
    status: 'confirmed',
    joinUrl: 'https://meet.example.test/mm-abc123',
    dialIn: null,
    threadId: null,
    note: null,
    sequence: 0,
    cancelReason: null,
    cancelledBy: null,
    rescheduleCount: 0,
    noShow: null,
    feedbackGiven: false,
    ...overrides,
  };
}

/** An instant request offered to the mentor (`GET /v1/me/offers`), with the fields the inbox reads. */
export function offer(requestId: string, title: string, status = 'offered') {
  return {
    requestId,
    status,
    offeredAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 600_000).toISOString(),
    request: {
      title,
      details: 'My LEFT JOIN duplicates rows',
      urgency: 'now',
      context: { topic: 'sql-joins' },
    },
    learner: { name: 'Lena' },
    previousSessions: [],
  };
}

/** A mentor as the admin routes answer (`id` is `mnt_<name>`). */
export function applicant(name: string, status: MentorStatus = 'pending'): AdminMentor {
  return {
    ...match(name).mentor,
    id: `mnt_${name}`,
    status,
    statusReason: null,
    statusChangedAt: null,
    approvedAt: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    openReports: 0,
    noShows: 0,
    lastNoShowAt: null,
  };
}
