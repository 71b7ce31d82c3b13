import { createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { BadgeCode } from '../../schemas/mentors.js';
import type { Jwks, MentorRecord } from '../../schemas/recognition.js';
import type { SecretBox } from '../../security/keys.js';

/**
 * The mentor's record as an Open Badges 3.0 `OpenBadgeCredential` (W3C VC Data Model 2.0),
 * secured by OB 3.0's "JSON Web Token Proof Format" (§8.2): a compact JWS whose JOSE header is
 * exactly `{alg, kid, typ: "JWT"}` (no other header is allowed), `kid` a URL that dereferences to
 * the public JWK (`{issuer.id}/keys/{thumbprint}`), and whose payload is the credential itself
 * plus the claims `iss` (= issuer.id), `jti` (= id), `nbf` (= validFrom) and `sub`
 * (= credentialSubject.id). EdDSA over Ed25519: OB 3.0 permits algorithms beyond RS256.
 * Each tenant (the issuer) has its own key, made on first use; the private key is sealed with the
 * SecretBox; the public keys are also listed at `{issuer.id}/jwks.json`.
 */

export const VC_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;
export const VC_MEDIA_TYPE = 'application/vc+jwt';
/** The one achievement the program issues; its id ends the achievement's URL. */
export const MENTORING_RECORD = 'mentoring-record';

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

export interface IssuerKey {
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

/** Where the key that signed a credential is served as a JWK: the JOSE header's `kid`. */
export const keyUrl = (issuer: string, kid: string): string => `${issuer}/keys/${kid}`;
export const achievementUrl = (issuer: string): string => `${issuer}/achievements/${MENTORING_RECORD}`;
/** A credential's id (the JWT's `jti`), which is also its public verification page. */
export const credentialUrl = (issuer: string, credentialId: string): string =>
  `${issuer}/credentials/${credentialId}`;

/** The issuer's OB 3.0 Profile as embedded in its credentials. */
export function issuerProfile(issuer: string, name: string) {
  return { id: issuer, type: ['Profile' as const], name };
}

/** The OB 3.0 Achievement every mentoring record credential states. */
export function achievement(issuer: string, tenantName: string) {
  const id = achievementUrl(issuer);
  return {
    id,
    type: ['Achievement' as const],
    achievementType: 'Achievement',
    name: 'Mentoring record',
    description: `Micro-mentoring sessions given to learners of ${tenantName}, and the recognition earned.`,
    criteria: {
      narrative:
        'Counts sessions the program recorded as completed (booked, held, and not cancelled or a no-show) ' +
        'and their booked minutes; badges are awarded by the program at fixed thresholds.',
    },
    creator: issuerProfile(issuer, tenantName),
    resultDescription: [
      {
        id: `${id}#sessions`,
        type: ['ResultDescription' as const],
        name: 'Sessions completed',
        resultType: 'Result',
      },
      {
        id: `${id}#minutes`,
        type: ['ResultDescription' as const],
        name: 'Minutes of mentoring',
        resultType: 'Result',
      },
    ],
  };
}

/** A JSON-LD document served at its URL (Profile, Achievement): the contexts first. */
export const withContext = <T extends object>(doc: T) => ({ '@context': [...VC_CONTEXT], ...doc });

export interface CredentialStatusRef {
  /** The status list credential's URL. */
  list: string;
  index: number;
}

export interface CredentialInput {
  baseUrl: string;
  tenant: { id: string; name: string };
  record: MentorRecord;
  /** The credential's id (a UUID; its URL is the verification page) and when it became valid. */
  credentialId: string;
  validFrom: Date;
  status: CredentialStatusRef;
}

/** The unsigned OpenBadgeCredential for a mentor's record. */
export function buildCredential(input: CredentialInput): Record<string, unknown> {
  const { tenant, record, status } = input;
  const issuer = issuerId(input.baseUrl, tenant.id);
  const achievementDoc = achievement(issuer, tenant.name);
  const result = (name: string, value: number) => ({
    type: ['Result'],
    resultDescription: `${achievementDoc.id}#${name}`,
    value: String(value),
  });
  return {
    '@context': [...VC_CONTEXT],
    id: credentialUrl(issuer, input.credentialId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${tenant.name}: mentoring record of ${record.name}`,
    issuer: issuerProfile(issuer, tenant.name),
    validFrom: input.validFrom.toISOString(),
    credentialSubject: {
      id: `urn:uuid:${record.mentorId}`,
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: record.name },
      ],
      ...(record.firstSessionAt ? { activityStartDate: record.firstSessionAt } : {}),
      ...(record.lastSessionAt ? { activityEndDate: record.lastSessionAt } : {}),
      achievement: achievementDoc,
      result: [result('sessions', record.sessions), result('minutes', record.minutes)],
    },
    evidence: record.badges.map((badge) => ({
      id: `${achievementDoc.id}#badge-${badge.code}`,
      type: ['Evidence'],
      name: BADGE_NAMES[badge.code].name,
      description: `${BADGE_NAMES[badge.code].description} Earned ${badge.earnedAt}.`,
      genre: 'Badge',
    })),
    credentialStatus: {
      id: `${status.list}#${status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(status.index),
      statusListCredential: status.list,
    },
  };
}

interface Securable {
  id: string;
  issuer: string | { id: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id?: string };
}

const numericDate = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/**
 * OB 3.0 §8.2: the credential as a compact JWS. The header holds `alg`, `kid` and `typ` and
 * nothing else; the payload is the credential with `iss`, `jti`, `nbf`, `sub` (and `exp` when
 * it has a `validUntil`) mirroring its properties.
 */
export function signCredential(credential: Record<string, unknown>, key: IssuerKey, issuer: string): string {
  const vc = credential as unknown as Securable;
  const header = { alg: 'EdDSA', kid: keyUrl(issuer, key.kid), typ: 'JWT' };
  const claims = {
    iss: typeof vc.issuer === 'string' ? vc.issuer : vc.issuer.id,
    jti: vc.id,
    nbf: numericDate(vc.validFrom),
    ...(vc.validUntil ? { exp: numericDate(vc.validUntil) } : {}),
    ...(vc.credentialSubject.id ? { sub: vc.credentialSubject.id } : {}),
  };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify({ ...claims, ...credential }))}`;
  const privateKey = createPrivateKey({ key: key.privateKeyDer, format: 'der', type: 'pkcs8' });
  return `${input}.${b64url(sign(null, Buffer.from(input), privateKey))}`;
}

/** One public key of the issuer by its thumbprint (current or retired), or null. */
export async function issuerPublicKey(
  db: Kysely<Database>,
  tenantId: string,
  kid: string,
): Promise<PublicJwk | null> {
  const row = await db
    .selectFrom('issuer_keys')
    .select('public_jwk')
    .where('tenant_id', '=', tenantId)
    .where('kid', '=', kid)
    .executeTakeFirst();
  return row ? (row.public_jwk as unknown as PublicJwk) : null;
}
