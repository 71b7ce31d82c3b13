import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { listOptOuts } from '../../db/email.js';
import { findTenantById } from '../../db/tenants.js';
import { hashKey, randomBase62 } from '../../security/keys.js';
import { readSettings } from '../tenants/settings.js';
import type { EmailKind } from './kinds.js';
import { type Brand, type EmailContent, renderEmail } from './layout.js';
import { enqueueEmail } from './outbox.js';
import type { Recipient } from './recipients.js';
import { emailWords } from './words/index.js';

/** What composing needs beyond the database: where links in an email point. */
export interface EmailLinks {
  /** The API's public origin (MICROMENTOR_PUBLIC_URL), for unsubscribe links. */
  publicUrl: string;
}

/** The program as its email shows it: its branding name (else the tenant's), colour and logo. */
export async function tenantBrand(db: Kysely<Database>, tenantId: string): Promise<Brand> {
  const tenant = await findTenantById(db, tenantId);
  const branding = readSettings(tenant?.settings).branding;
  return {
    name: branding.name ?? tenant?.name ?? 'Micromentor',
    accentColor: branding.accentColor,
    logoUrl: branding.logoUrl,
  };
}

export interface Letter {
  tenantId: string;
  brand: Brand;
  recipient: Recipient;
  kind: EmailKind;
  /** One message per cause, ever (see enqueueEmail). */
  cause: string;
  subject: string;
  content: EmailContent;
  ics?: string;
  replyTo?: string;
  now: Date;
}

/**
 * Writes one email to the outbox for a recipient, in the caller's transaction: nothing if they
 * turned this kind off; kept `unaddressed` (never sent) if they have no address; otherwise with
 * its own one-click unsubscribe link for the kind. Returns the message id, or null.
 */
export async function mailTo(
  db: Kysely<Database>,
  links: EmailLinks,
  letter: Letter,
): Promise<string | null> {
  const { recipient } = letter;
  const off = await listOptOuts(db, {
    tenantId: letter.tenantId,
    party: recipient.party,
    partyId: recipient.id,
  });
  if (off.includes(letter.kind)) return null;
  const words = emailWords(recipient.locale);
  const token = randomBase62(40);
  const url = `${links.publicUrl.replace(/\/$/, '')}/email/unsubscribe/${token}`;
  const { html, text } = renderEmail(
    letter.content,
    {
      why: words.footer.why(letter.brand.name),
      unsubscribe: { label: words.footer.unsubscribe(letter.kind), url },
      noTracking: words.footer.noTracking,
    },
    letter.brand,
    words.locale,
  );
  return enqueueEmail(
    db,
    {
      tenantId: letter.tenantId,
      cause: letter.cause,
      kind: letter.kind,
      to: recipient.address ?? '',
      subject: letter.subject,
      text,
      html,
      ...(letter.ics ? { ics: letter.ics } : {}),
      recipient: { party: recipient.party, id: recipient.id },
      unsubscribe: { url, hash: hashKey(token) },
      ...(letter.replyTo ? { replyTo: letter.replyTo } : {}),
    },
    letter.now,
  );
}
