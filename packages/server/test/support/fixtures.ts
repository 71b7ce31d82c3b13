import type { TestContext, TestTenant } from './context.js';
import { call } from './http.js';

/** A mentor's profile fields, as the API takes and answers them (and as the matching eval set writes them). */
export interface MentorProfile {
  name: string;
  headline: string;
  bio: string;
  skills: string[];
  yearsExperience: number;
  languages: string[];
  timeZone: string;
  formats: string[];
}

export interface MentorInput extends Partial<MentorProfile> {
  externalId?: string;
  status?: string;
}

export interface MentorBody extends MentorProfile {
  id: string;
  externalId: string | null;
  status: string;
  stats: {
    sessions: number;
    rating: number | null;
    ratingCount: number;
    medianResponseMinutes: number | null;
  };
}

export function mentorInput(overrides: MentorInput = {}): MentorInput {
  return {
    name: 'Grace Hopper',
    headline: 'Compiler engineer',
    bio: 'I help people debug tricky SQL joins and write better PostgreSQL queries.',
    skills: ['sql', 'postgres'],
    yearsExperience: 12,
    languages: ['en'],
    timeZone: 'Europe/Berlin',
    formats: ['video', 'chat'],
    ...overrides,
  };
}

/** Creates a mentor through the API with the tenant's secret key. */
export async function createMentor(ctx: TestContext, tenant: TestTenant, overrides: MentorInput = {}) {
  const res = await call<MentorBody>(ctx.app, 'POST', '/v1/mentors', {
    key: tenant.secretKey,
    body: mentorInput(overrides),
  });
  if (res.status !== 201) throw new Error(`mentor create failed: ${res.status} ${res.text}`);
  return res.body;
}

/** Row counts of every tenant-data table: "nothing changed" means these are equal. */
export async function snapshot(ctx: TestContext) {
  const tables = [
    'tenants',
    'api_keys',
    'users',
    'mentors',
    'threads',
    'messages',
    'events',
    'webhook_endpoints',
    'webhook_deliveries',
    'bookings',
    'help_requests',
    'reports',
  ] as const;
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    out[table] = await ctx.db.selectFrom(table).selectAll().orderBy('id').execute();
  }
  return out;
}

/** The id of the tenant's user with this external id (the token's `sub`); throws if there is none. */
export async function userIdOf(ctx: TestContext, tenant: TestTenant, externalId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenant.id)
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
  return row.id;
}
