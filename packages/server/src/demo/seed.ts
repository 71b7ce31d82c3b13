import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { upsertAvailability } from '../db/availability.js';
import type { Database } from '../db/database.js';
import { insertMentor } from '../db/mentors.js';
import { findTenantByKeyHash } from '../db/tenants.js';
import { toAvailabilityValues } from '../domain/availability/mentor-availability.js';
import { enqueueMentorEmbedding } from '../domain/matching/semantic/embed-job.js';
import { createTenant } from '../domain/tenants/create-tenant.js';
import { hashKey, type SecretBox } from '../security/keys.js';
import { demoMentors } from './mentors.js';

/**
 * The demo tenant's keys are fixed so the README and the example pages can use them. They
 * are for a local demo only: never seed the demo into a production database.
 */
export const DEMO_KEYS = {
  publishableKey: 'pk_demo_LocalOnlyPublishableKey2026',
  secretKey: 'sk_demo_LocalOnlySecretKeyNeverInProd',
  identitySecret: 'ids_demo_LocalOnlyIdentitySecret2026',
} as const;

export const DEMO_ORIGINS = ['http://localhost:8788', 'http://127.0.0.1:8788'];

export interface DemoTenant {
  id: string;
  name: string;
  publishableKey: string;
  secretKey: string;
  identitySecret: string;
  created: boolean;
  mentors: number;
}

/** Creates the demo tenant and its mentors once; later calls find it and change nothing. */
export async function seedDemo(
  db: Kysely<Database>,
  box: SecretBox,
  clock: Clock,
  origins: string[] = DEMO_ORIGINS,
): Promise<DemoTenant> {
  const existing = await findTenantByKeyHash(db, hashKey(DEMO_KEYS.publishableKey), clock.now());
  if (existing) {
    const count = await db
      .selectFrom('mentors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', existing.tenant.id)
      .executeTakeFirstOrThrow();
    return {
      id: existing.tenant.id,
      name: existing.tenant.name,
      ...DEMO_KEYS,
      created: false,
      mentors: Number(count.n),
    };
  }
  const mentors = demoMentors();
  return db.transaction().execute(async (trx) => {
    const tenant = await createTenant(trx, box, {
      name: 'Micromentor Demo Academy',
      origins,
      // Guests may ask, and the leaderboard shows (examples/follow-up, the mentor console).
      settings: { allowGuests: true, leaderboard: true },
      keys: DEMO_KEYS,
    });
    const now = clock.now();
    for (const [index, m] of mentors.entries()) {
      const row = await insertMentor(trx, {
        tenant_id: tenant.id,
        external_id: m.externalId,
        name: m.name,
        headline: m.headline,
        bio: m.bio,
        skills: m.skills,
        years_experience: m.yearsExperience,
        languages: m.languages,
        time_zone: m.timeZone,
        formats: m.formats,
        status: 'approved',
        // A reserved domain (RFC 2606): the local mailbox shows the mentor's side of every email too.
        contact_email: `${m.externalId}@mentors.example.com`,
        approved_at: now,
        created_at: now,
        updated_at: now,
      });
      await enqueueMentorEmbedding(trx, { tenantId: tenant.id, mentorId: row.id }, now);
      await upsertAvailability(
        trx,
        tenant.id,
        row.id,
        toAvailabilityValues(demoAvailability(index, m.sessionLengths)),
        now,
      );
    }
    return { ...tenant, created: true, mentors: mentors.length };
  });
}

type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const rules = (days: Day[], start: string, end: string) => days.map((day) => ({ day, start, end }));

/** A few realistic weekly patterns in each mentor's own time zone, chosen by position. */
const PATTERNS = [
  rules(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '12:00'),
  [...rules(['mon', 'wed', 'fri'], '13:00', '17:00'), ...rules(['tue', 'thu'], '18:00', '20:00')],
  rules(['tue', 'wed', 'thu', 'fri', 'sat'], '10:00', '14:00'),
  [...rules(['mon', 'tue', 'wed', 'thu'], '17:00', '21:00'), ...rules(['sat'], '09:00', '12:00')],
  [...rules(['mon', 'tue', 'wed', 'thu', 'fri'], '07:30', '09:00'), ...rules(['sun'], '15:00', '18:00')],
];

function demoAvailability(index: number, sessionLengths: number[]) {
  return {
    weekly: PATTERNS[index % PATTERNS.length] ?? [],
    overrides: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: index % 3 === 0 ? 5 : 0,
    minNoticeMinutes: 30,
    horizonDays: 30,
    maxPerDay: index % 4 === 0 ? 4 : null,
    maxPerWeek: null,
    sessionLengths,
    meetingUrl: null,
  };
}
