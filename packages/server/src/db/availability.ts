import type { Insertable, Kysely } from 'kysely';
import type { AvailabilityRow, AvailabilityTable, Database } from './database.js';

type Db = Kysely<Database>;

export async function findAvailability(
  db: Db,
  tenantId: string,
  mentorId: string,
): Promise<AvailabilityRow | undefined> {
  return db
    .selectFrom('availability')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', '=', mentorId)
    .executeTakeFirst();
}

/** An availability row's own columns (weekly rules and overrides as JSON text). */
export type AvailabilityValues = Omit<
  Insertable<AvailabilityTable>,
  'mentor_id' | 'tenant_id' | 'updated_at'
>;

export async function upsertAvailability(
  db: Db,
  tenantId: string,
  mentorId: string,
  v: AvailabilityValues,
  now: Date,
): Promise<AvailabilityRow> {
  const values = { ...v, updated_at: now };
  return db
    .insertInto('availability')
    .values({ mentor_id: mentorId, tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('mentor_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}
