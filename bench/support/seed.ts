/** Seeding shared by sections: a tenant (domain), mentors and availability (public API). */
import type {
  CreatedTenant,
  CreateTenantInput,
} from '../../packages/server/src/domain/tenants/create-tenant.js';
import { signUserToken } from '../../packages/server/src/security/user-token.js';
import { ApiClient, type Caller, inParallel } from './api.js';
import type { BenchServer } from './server.js';

export const BENCH_ORIGIN = 'http://bench.local';
export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Open around the clock, bookable from now on, 60 days ahead, 15- and 30-minute sessions. */
export const ALWAYS_AVAILABLE = {
  timeZone: 'UTC',
  weekly: DAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
  minNoticeMinutes: 0,
  horizonDays: 60,
  sessionLengths: [15, 30],
};

export interface BenchTenant extends CreatedTenant {
  origin: string;
  api: ApiClient;
  /** The secret key (server-side calls). */
  program: Caller;
  /** The publishable key from the allowed origin, without a user. */
  visitor: Caller;
  /** The publishable key from the allowed origin, acting for user `sub`. */
  learner(sub: string): Caller;
  /** A user token signed with the tenant's identity secret (valid one hour). */
  token(sub: string): string;
}

export async function createBenchTenant(
  server: BenchServer,
  name: string,
  settings?: CreateTenantInput['settings'],
): Promise<BenchTenant> {
  const created = await server.createTenant({
    name,
    origins: [BENCH_ORIGIN],
    ...(settings ? { settings } : {}),
  });
  const token = (sub: string) =>
    signUserToken({ secret: created.identitySecret, sub, name: `Learner ${sub}`, ttlSeconds: 3600 });
  const visitor = { key: created.publishableKey, origin: BENCH_ORIGIN };
  return {
    ...created,
    origin: BENCH_ORIGIN,
    api: new ApiClient(server.url),
    program: { key: created.secretKey },
    visitor,
    learner: (sub) => ({ ...visitor, token: token(sub) }),
    token,
  };
}

/** Approved mentors, each with ALWAYS_AVAILABLE availability, created through the API. */
export async function seedBookableMentors(
  tenant: BenchTenant,
  count: number,
  label = 'Bench Mentor',
  concurrency = 8,
): Promise<string[]> {
  return inParallel(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const mentor = await tenant.api.call<{ id: string; status: string }>(
        'POST',
        '/v1/mentors',
        tenant.program,
        {
          name: `${label} ${i + 1}`,
          skills: ['sql', 'postgres'],
          timeZone: 'UTC',
          formats: ['video', 'call', 'chat'],
          status: 'approved',
        },
        201,
      );
      await tenant.api.call('PUT', `/v1/mentors/${mentor.id}/availability`, tenant.program, ALWAYS_AVAILABLE);
      return mentor.id;
    },
  );
}

/** 00:00 UTC tomorrow. */
export function startOfTomorrowUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}
