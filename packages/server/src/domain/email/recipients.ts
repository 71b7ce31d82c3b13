import type { Kysely } from 'kysely';
import type { Database, EmailParty } from '../../db/database.js';
import { findMentor } from '../../db/mentors.js';
import { findUser, findUserByExternalId } from '../../db/users.js';

/** Someone an email is for, as learner (a user) or as mentor (a mentor row). */
export interface Recipient {
  party: EmailParty;
  /** The user's id (learner) or the mentor's id (mentor). */
  id: string;
  name: string;
  /** null: they gave no address, so nothing can be sent (the admin view says so). */
  address: string | null;
  /** Their language tag (the token's `locale` claim), null: English. */
  locale: string | null;
  /** The users row behind them (a mentor who never signed in has none). */
  userId: string | null;
  timeZone: string | null;
}

export async function learnerRecipient(
  db: Kysely<Database>,
  tenantId: string,
  userId: string,
): Promise<Recipient | null> {
  const user = await findUser(db, tenantId, userId);
  if (!user) return null;
  return {
    party: 'learner',
    id: user.id,
    name: user.name,
    address: user.email,
    locale: user.locale,
    userId: user.id,
    timeZone: user.time_zone,
  };
}

/** A mentor's address: the contact email they set wins over the `email` claim of their token. */
export async function mentorRecipient(
  db: Kysely<Database>,
  tenantId: string,
  mentorId: string,
): Promise<Recipient | null> {
  const mentor = await findMentor(db, tenantId, mentorId);
  if (!mentor) return null;
  const user = mentor.external_id ? await findUserByExternalId(db, tenantId, mentor.external_id) : undefined;
  return {
    party: 'mentor',
    id: mentor.id,
    name: mentor.name,
    address: mentor.contact_email ?? user?.email ?? null,
    locale: user?.locale ?? null,
    userId: user?.id ?? null,
    timeZone: mentor.time_zone,
  };
}

export function recipientOf(
  db: Kysely<Database>,
  tenantId: string,
  party: EmailParty,
  id: string,
): Promise<Recipient | null> {
  return party === 'learner' ? learnerRecipient(db, tenantId, id) : mentorRecipient(db, tenantId, id);
}
