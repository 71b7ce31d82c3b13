import { randomUUID } from 'node:crypto';
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type JWK, SignJWT } from 'jose';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { SecretBox } from '../../security/keys.js';

// The tool's own RS256 keys: it signs Deep Linking responses and the client assertions it sends
// to platforms' token endpoints. One set for the installation, published at /lti/jwks (and
// /.well-known/jwks.json). Rotation makes a new key current and retires the old one, which
// stays listed for ROTATION_OVERLAP so platforms that cached the set keep verifying.

export const ROTATION_OVERLAP_MS = 7 * 24 * 3_600_000;

export interface ToolKey {
  kid: string;
  privateKey: Awaited<ReturnType<typeof importPKCS8>>;
}

async function newKey(db: Kysely<Database>, box: SecretBox, now: Date): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', {
    modulusLength: 2048,
    extractable: true,
  });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  await db
    .insertInto('lti_tool_keys')
    .values({
      kid,
      public_jwk: JSON.stringify(jwk),
      private_key_sealed: box.seal(await exportPKCS8(privateKey)),
      created_at: now,
    })
    .execute();
}

/** The current signing key, made on first use (two first uses at once may both make one: the newest wins). */
export async function currentToolKey(db: Kysely<Database>, box: SecretBox, now: Date): Promise<ToolKey> {
  const current = () =>
    db
      .selectFrom('lti_tool_keys')
      .select(['kid', 'private_key_sealed'])
      .where('retired_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('kid')
      .executeTakeFirst();
  let row = await current();
  if (!row) {
    await newKey(db, box, now);
    row = await current();
  }
  if (!row) throw new Error('no LTI tool key could be stored');
  return { kid: row.kid, privateKey: await importPKCS8(box.open(row.private_key_sealed), 'RS256') };
}

/** Makes a new key current; the old ones stay listed for ROTATION_OVERLAP_MS. Returns the new kid. */
export async function rotateToolKey(db: Kysely<Database>, box: SecretBox, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('lti_tool_keys').set({ retired_at: now }).where('retired_at', 'is', null).execute();
    await newKey(trx, box, now);
    return (await currentToolKey(trx, box, now)).kid;
  });
}

/** The public key set: the current keys and those retired within the overlap. */
export async function toolJwks(db: Kysely<Database>, box: SecretBox, now: Date): Promise<{ keys: JWK[] }> {
  await currentToolKey(db, box, now);
  const rows = await db
    .selectFrom('lti_tool_keys')
    .select('public_jwk')
    .where((eb) =>
      eb.or([
        eb('retired_at', 'is', null),
        eb('retired_at', '>', new Date(now.getTime() - ROTATION_OVERLAP_MS)),
      ]),
    )
    // The current key first, then the retired ones, newest first.
    .orderBy(sql`retired_at is null`, 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return { keys: rows.map((r) => r.public_jwk as JWK) };
}

/** A JWT signed with the current tool key (RS256, its kid in the header). */
export async function signAsTool(
  db: Kysely<Database>,
  box: SecretBox,
  now: Date,
  claims: Record<string, unknown>,
  options: { issuer: string; audience: string; expiresInSeconds: number },
): Promise<string> {
  const key = await currentToolKey(db, box, now);
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + options.expiresInSeconds)
    .setJti(randomUUID())
    .sign(key.privateKey);
}
