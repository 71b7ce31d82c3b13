import type { Kysely } from 'kysely';
import type { Database, HelpRequestRow } from '../../db/database.js';
import { findTenantById } from '../../db/tenants.js';
import { findUser } from '../../db/users.js';
import type { SemanticSearch } from '../matching/semantic/semantic-search.js';
import { readSettings } from '../tenants/settings.js';
import { findMatches, requestMatchInput } from './find-matches.js';

/** A match the learner can book instead, as events carry it. */
export interface NextMatch {
  mentorId: string;
  name: string;
  nextSlots: { start: string; end: string }[];
}

/**
 * The request's best matches now, with their next free slots, for the learner to book instead
 * (told when nobody took an instant request, or when a request expired).
 */
export async function nextMatches(
  db: Kysely<Database>,
  request: HelpRequestRow,
  now: Date,
  semantic: SemanticSearch | null = null,
): Promise<NextMatch[]> {
  const tenant = await findTenantById(db, request.tenant_id);
  const learner = await findUser(db, request.tenant_id, request.learner_id);
  if (!tenant || !learner) throw new Error(`request ${request.id} has no tenant or learner`);
  const input = requestMatchInput(request, {
    tenantId: request.tenant_id,
    settings: readSettings(tenant.settings),
    learnerExternalId: learner.external_id,
    now,
  });
  // Nobody took it now: rank for the soonest scheduled help instead.
  if (input.urgency === 'now') input.urgency = 'today';
  const { matches } = await findMatches(db, input, semantic);
  return matches.map((m) => ({ mentorId: m.mentor.id, name: m.mentor.name, nextSlots: m.nextSlots }));
}
