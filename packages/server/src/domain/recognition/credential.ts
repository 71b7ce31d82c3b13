import { createHash, createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, MentorRow } from '../../db/database.js';
import type { BadgeCode } from '../../schemas/mentors.js';
import type { Jwks, MentorRecord } from '../../schemas/recognition.js';
import type { SecretBox } from '../../security/keys.js';

/**
 * The mentor's record as an Open Badges 3.0 `OpenBadgeCredential` (W3C VC Data Model 2.0),
 * secured with VC-JOSE: a compact JWS (`typ: vc+jwt`, `cty: vc`, EdDSA over Ed25519) whose
 * payload is the credential itself. Each tenant (the issuer) has its own Ed25519 key, made on
 * first use; the private key is sealed with the SecretBox, the public key is published as a
 * JWKS at `{issuer.id}/jwks.json` (`GET /issuers/{tenantId}/jwks.json`, no key needed).
 */

export const VC_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;
export const VC_MEDIA_TYPE = 'application/vc+jwt';

export const BADGE_NAMES: Record<BadgeCode, { name: string; description: string }> = {
  first_session: { name: 'First session', description: 'Completed a first mentoring session.' },
  sessions_10: { name: '10 sessions', description: 'Completed 10 mentoring sessions.' },
  sessions_50: { name: '50 sessions', description: 'Completed 50 mentoring sessions.' },
  five_star_streak: {
    name: 'Five-star streak',
    description: 'Five rated sessions in a row, all rated 5 out of 5 by the learner.',
  },
  fast_responder: {
    name: 'Fast responder',
    description: 'A median response of at most 15 minutes over at least 5 responses to learners.',
  },
};

type PublicJwk = Jwks['keys'][number];

interface IssuerKey {
  kid: string;
  jwk: PublicJwk;
  privateKeyDer: Buffer;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** RFC 7638 thumbprint of an Ed25519 public key: the key's id. */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string }): string {
  return b64url(
    createHash('sha256')
      .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
      .digest(),
  );
}

async function currentKeyRow(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('issuer_keys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

/**
 * The tenant's signing key, generated on first use. Two first uses at once both try to insert;
 * the partial unique index keeps one and both read it back.
 */
export async function issuerKey(
  db: Kysely<Database>,
  secretBox: SecretBox,
  tenantId: string,
  now: Date,
): Promise<IssuerKey> {
  let row = await currentKeyRow(db, tenantId);
  if (!row) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const exported = publicKey.export({ format: 'jwk' }) as { x: string };
    const jwk: PublicJwk = {
      kty: 'OKP',
      crv: 'Ed25519',
      x: exported.x,
      kid: '',
      alg: 'EdDSA',
      use: 'sig',
    };
    jwk.kid = jwkThumbprint(jwk);
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    await db
      .insertInto('issuer_keys')
      .values({
        tenant_id: tenantId,
        kid: jwk.kid,
        public_jwk: JSON.stringify(jwk),
        private_key_sealed: secretBox.seal(der.toString('base64')),
        created_at: now,
      })
      .onConflict((oc) => oc.column('tenant_id').where('retired_at', 'is', null).doNothing())
      .execute();
    row = await currentKeyRow(db, tenantId);
    if (!row) throw new Error('issuer key was not stored');
  }
  return {
    kid: row.kid,
    jwk: row.public_jwk as unknown as PublicJwk,
    privateKeyDer: Buffer.from(secretBox.open(row.private_key_sealed), 'base64'),
  };
}

/** The tenant's public keys (current and retired), or null for an unknown tenant. */
export async function issuerJwks(db: Kysely<Database>, tenantId: string): Promise<Jwks | null> {
  const tenant = await db.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst();
  if (!tenant) return null;
  const rows = await db
    .selectFrom('issuer_keys')
    .select('public_jwk')
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .execute();
  return { keys: rows.map((r) => r.public_jwk as unknown as PublicJwk) };
}

export const issuerId = (baseUrl: string, tenantId: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/issuers/${tenantId}`;

export interface CredentialInput {
  baseUrl: string;
  tenant: { id: string; name: string };
  mentor: MentorRow;
  record: MentorRecord;
  now: Date;
}

/** The unsigned OpenBadgeCredential for a mentor's record. */
export function buildCredential(input: CredentialInput): Record<string, unknown> {
  const { tenant, record, now } = input;
  const issuer = issuerId(input.baseUrl, tenant.id);
  const achievementId = `${issuer}/achievements/mentoring-record`;
  const result = (name: string, value: number) => ({
    type: ['Result'],
    resultDescription: `${achievementId}#${name}`,
    value: String(value),
  });
  return {
    '@context': [...VC_CONTEXT],
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${tenant.name}: mentoring record of ${record.name}`,
    issuer: { id: issuer, type: ['Profile'], name: tenant.name },
    validFrom: now.toISOString(),
    credentialSubject: {
      id: `urn:uuid:${record.mentorId}`,
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: record.name },
      ],
      ...(record.firstSessionAt ? { activityStartDate: record.firstSessionAt } : {}),
      ...(record.lastSessionAt ? { activityEndDate: record.lastSessionAt } : {}),
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        achievementType: 'Achievement',
        name: 'Mentoring record',
        description: `Micro-mentoring sessions given to learners of ${tenant.name}, and the recognition earned.`,
        criteria: {
          narrative:
            'Counts sessions the program recorded as completed (booked, held, and not cancelled or a no-show) ' +
            'and their booked minutes; badges are awarded by the program at fixed thresholds.',
        },
        resultDescription: [
          {
            id: `${achievementId}#sessions`,
            type: ['ResultDescription'],
            name: 'Sessions completed',
            resultType: 'Result',
          },
          {
            id: `${achievementId}#minutes`,
            type: ['ResultDescription'],
            name: 'Minutes of mentoring',
            resultType: 'Result',
          },
        ],
      },
      result: [result('sessions', record.sessions), result('minutes', record.minutes)],
    },
    evidence: record.badges.map((badge) => ({
      id: `${achievementId}#badge-${badge.code}`,
      type: ['Evidence'],
      name: BADGE_NAMES[badge.code].name,
      description: `${BADGE_NAMES[badge.code].description} Earned ${badge.earnedAt}.`,
      genre: 'Badge',
    })),
  };
}

/** VC-JOSE: the credential as a compact JWS (EdDSA / Ed25519). */
export function signCredential(credential: Record<string, unknown>, key: IssuerKey): string {
  const header = { alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt', cty: 'vc' };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(credential))}`;
  const privateKey = createPrivateKey({ key: key.privateKeyDer, format: 'der', type: 'pkcs8' });
  return `${input}.${b64url(sign(null, Buffer.from(input), privateKey))}`;
}
