import type { Kysely } from 'kysely';
import type { Database, EmailParty } from '../../db/database.js';
import { findMessageByUnsubscribeHash, listOptOuts, setOptOut } from '../../db/email.js';
import { findMentorByExternalId } from '../../db/mentors.js';
import type { EmailPreferences, UpdateEmailPreferencesInput } from '../../schemas/email.js';
import { hashKey } from '../../security/keys.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { EMAIL_KINDS, type EmailKind, isEmailKind } from './kinds.js';
import { tenantBrand } from './mail-to.js';
import { mentorRecipient, recipientOf } from './recipients.js';
import { emailWords } from './words/index.js';

interface Me {
  tenantId: string;
  userId: string;
  externalId: string;
  email: string | null;
}

async function kindsOf(db: Kysely<Database>, tenantId: string, party: EmailParty, partyId: string) {
  const off = new Set(await listOptOuts(db, { tenantId, party, partyId }));
  return Object.fromEntries(EMAIL_KINDS.map((k) => [k, !off.has(k)])) as Record<EmailKind, boolean>;
}

/** Which email the caller gets, as learner and (if they mentor) as mentor, and where it goes. */
export async function getEmailPreferences(ctx: DomainCtx, me: Me): Promise<EmailPreferences> {
  const mentor = await findMentorByExternalId(ctx.db, me.tenantId, me.externalId);
  const asMentor = mentor ? await mentorRecipient(ctx.db, me.tenantId, mentor.id) : null;
  return {
    learner: { address: me.email, kinds: await kindsOf(ctx.db, me.tenantId, 'learner', me.userId) },
    mentor:
      mentor && asMentor
        ? { address: asMentor.address, kinds: await kindsOf(ctx.db, me.tenantId, 'mentor', mentor.id) }
        : null,
  };
}

/** Turns kinds of email on or off, as learner or as mentor; nothing else changes. */
export async function updateEmailPreferences(
  ctx: DomainCtx,
  me: Me,
  input: UpdateEmailPreferencesInput,
): Promise<EmailPreferences> {
  let partyId = me.userId;
  if (input.as === 'mentor') {
    const mentor = await findMentorByExternalId(ctx.db, me.tenantId, me.externalId);
    if (!mentor) throw new NotFoundError('Mentor profile');
    partyId = mentor.id;
  }
  const now = ctx.clock.now();
  for (const [kind, on] of Object.entries(input.kinds)) {
    if (on === undefined || !isEmailKind(kind)) continue;
    await setOptOut(ctx.db, { tenantId: me.tenantId, party: input.as, partyId }, kind, !on, now);
  }
  return getEmailPreferences(ctx, me);
}

/** What an unsubscribe link stops, in its reader's words (null: no such link). */
export interface UnsubscribeLink {
  lang: string;
  title: string;
  confirm: string;
  button: string;
  done: string;
  undo: string;
}

async function linkOf(db: Kysely<Database>, token: string) {
  const message = await findMessageByUnsubscribeHash(db, hashKey(token));
  if (!message?.recipient_party || !message.recipient_id || !isEmailKind(message.kind)) return null;
  return { ...message, kind: message.kind, party: message.recipient_party, partyId: message.recipient_id };
}

export async function describeUnsubscribeLink(
  db: Kysely<Database>,
  token: string,
): Promise<UnsubscribeLink | null> {
  const link = await linkOf(db, token);
  if (!link) return null;
  return words(db, link);
}

async function words(
  db: Kysely<Database>,
  link: { tenant_id: string; kind: EmailKind; party: EmailParty; partyId: string },
): Promise<UnsubscribeLink> {
  const brand = await tenantBrand(db, link.tenant_id);
  const locale = (await recipientOf(db, link.tenant_id, link.party, link.partyId))?.locale;
  const w = emailWords(locale);
  return {
    lang: w.locale,
    title: w.unsubscribePage.title,
    confirm: w.unsubscribePage.confirm(link.kind, brand.name),
    button: w.unsubscribePage.button,
    done: w.unsubscribePage.done(link.kind, brand.name),
    undo: w.unsubscribePage.undo,
  };
}

/**
 * One-click unsubscribe (RFC 8058): the link's token stops exactly its message's kind for
 * exactly its recipient, with no login. Repeating it changes nothing.
 */
export async function unsubscribe(ctx: DomainCtx, token: string): Promise<UnsubscribeLink | null> {
  const link = await linkOf(ctx.db, token);
  if (!link) return null;
  await setOptOut(
    ctx.db,
    { tenantId: link.tenant_id, party: link.party, partyId: link.partyId },
    link.kind,
    true,
    ctx.clock.now(),
  );
  return words(ctx.db, link);
}
