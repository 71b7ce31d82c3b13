// Matching by meaning, storage side: the `mentor.embed` job a profile change queues, what it
// stores, when it recomputes, and what deletion and erasure leave (docs/features/matching.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackVectors } from '../src/db/mentor-embeddings.js';
import { enqueueMentorEmbedding, MENTOR_EMBED_JOB } from '../src/domain/matching/semantic/embed-job.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker, type Worker } from '../src/jobs/worker.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor } from './support/fixtures.js';
import { call } from './support/http.js';
import { type SemanticKit, semanticKit } from './support/semantic.js';

let ctx: TestContext;
let kit: SemanticKit;
let worker: Worker;
let tenant: TestTenant;

beforeAll(async () => {
  kit = semanticKit();
  ctx = await createTestContext({ semantic: kit.semantic });
  worker = kit.worker(ctx.db, ctx.clock);
  tenant = await ctx.tenant();
});
afterAll(() => ctx.close());

const embedJobs = (mentorId: string) =>
  ctx.db
    .selectFrom('jobs')
    .select(['status', 'payload'])
    .where('tenant_id', '=', tenant.id)
    .where('kind', '=', MENTOR_EMBED_JOB)
    .where('subject', '=', `mentor:${mentorId}`)
    .orderBy('created_at')
    .execute();

const storedRow = (mentorId: string) =>
  ctx.db.selectFrom('mentor_embeddings').selectAll().where('mentor_id', '=', mentorId).executeTakeFirst();

const queueEmbedJob = (mentorId: string) =>
  enqueueMentorEmbedding(ctx.db, { tenantId: tenant.id, mentorId }, ctx.clock.now());

const patch = (id: string, body: Record<string, unknown>) =>
  call(ctx.app, 'PATCH', `/v1/mentors/${id}`, { key: tenant.secretKey, body });

describe('the mentor.embed job', () => {
  it('is queued once when a mentor is created and edited before it runs, and stores the embedding', async () => {
    const mentor = await createMentor(ctx, tenant, {
      headline: 'Frontend lead',
      bio: 'I debug double-firing effects in React 18 strict mode. Hi! I also review pull requests for new teams.',
      skills: ['react', 'react-hooks'],
    });
    expect(
      (await patch(mentor.id, { bio: 'I debug double-firing effects in React 18 strict mode.' })).status,
    ).toBe(200);
    expect(await embedJobs(mentor.id)).toEqual([{ status: 'pending', payload: { mentorId: mentor.id } }]);
    expect(await storedRow(mentor.id)).toBeUndefined();

    expect(await worker.drain()).toBeGreaterThanOrEqual(1);
    expect((await embedJobs(mentor.id)).map((j) => j.status)).toEqual(['done']);
    const row = await storedRow(mentor.id);
    expect(row).toMatchObject({
      tenant_id: tenant.id,
      provider: 'use-lite',
      sentences: ['Frontend lead', 'I debug double-firing effects in React 18 strict mode.'],
    });
    const profile = unpackVectors(row!.profile);
    expect(profile).toHaveLength(512);
    expect(Math.hypot(...profile)).toBeCloseTo(1, 5);
    expect(unpackVectors(row!.sentence_vectors)).toHaveLength(2 * 512);
  });

  it('does not recompute when only what matching by meaning ignores changes', async () => {
    const mentor = await createMentor(ctx, tenant, { bio: 'I teach window functions and query plans.' });
    await worker.drain();
    const before = await storedRow(mentor.id);
    // Formats, languages, years: no job at all.
    expect((await patch(mentor.id, { formats: ['chat'], yearsExperience: 20 })).status).toBe(200);
    const availability = await call(ctx.app, 'PUT', `/v1/mentors/${mentor.id}/availability`, {
      key: tenant.secretKey,
      body: {
        timeZone: 'Europe/Berlin',
        weekly: [{ day: 'mon', start: '09:00', end: '12:00' }],
        sessionLengths: [30],
      },
    });
    expect(availability.status, availability.text).toBe(200);
    // The same texts sent again: nothing queued either.
    expect((await patch(mentor.id, { bio: 'I teach window functions and query plans.' })).status).toBe(200);
    expect((await embedJobs(mentor.id)).map((j) => j.status)).toEqual(['done']);
    // A job that runs anyway (an approval queues one) finds the same hash and writes nothing.
    await queueEmbedJob(mentor.id);
    await worker.drain();
    expect((await embedJobs(mentor.id)).map((j) => j.status)).toEqual(['done', 'done']);
    expect(await storedRow(mentor.id)).toEqual(before);
  });

  it('replaces the vectors when the bio changes', async () => {
    const mentor = await createMentor(ctx, tenant, {
      bio: 'I coach first-time managers through hard conversations.',
    });
    await worker.drain();
    const before = (await storedRow(mentor.id))!;
    ctx.clock.advance(60_000);
    expect(
      (await patch(mentor.id, { bio: 'I design Kubernetes clusters that survive node failures.' })).status,
    ).toBe(200);
    await worker.drain();
    const after = (await storedRow(mentor.id))!;
    expect(after.sentences).toContain('I design Kubernetes clusters that survive node failures.');
    expect(after.sentences).not.toContain('I coach first-time managers through hard conversations.');
    expect(after.source_hash).not.toBe(before.source_hash);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.profile).not.toEqual(before.profile);
  });

  it('queues one on approval, so a profile made before embeddings were on gets one', async () => {
    const applicant = await createMentor(ctx, tenant, {
      status: 'pending',
      bio: 'I help with salary negotiation.',
    });
    await worker.drain();
    await ctx.db.deleteFrom('mentor_embeddings').where('mentor_id', '=', applicant.id).execute();
    const approved = await call(ctx.app, 'POST', `/v1/admin/mentors/${applicant.id}/approve`, {
      key: tenant.secretKey,
    });
    expect(approved.status, approved.text).toBe(200);
    expect((await embedJobs(applicant.id)).map((j) => j.status)).toEqual(['done', 'pending']);
    await worker.drain();
    expect(await storedRow(applicant.id)).toBeDefined();
  });

  it('removes the embedding with the profile, and with the person on erasure', async () => {
    const deleted = await createMentor(ctx, tenant, { bio: 'I mentor data engineers on Airflow.' });
    const erased = await createMentor(ctx, tenant, { bio: 'I mentor designers on accessibility audits.' });
    await worker.drain();
    expect(await storedRow(deleted.id)).toBeDefined();
    expect(
      (await call(ctx.app, 'DELETE', `/v1/mentors/${deleted.id}`, { key: tenant.secretKey })).status,
    ).toBe(204);
    expect(await storedRow(deleted.id)).toBeUndefined();
    const erase = await call(ctx.app, 'POST', `/v1/admin/mentors/${erased.id}/erase`, {
      key: tenant.secretKey,
      body: { confirm: 'erase' },
    });
    expect(erase.status, erase.text).toBe(200);
    expect(await storedRow(erased.id)).toBeUndefined();
    // A job still queued for an erased profile finds nothing to embed.
    await queueEmbedJob(erased.id);
    await worker.drain();
    expect(await storedRow(erased.id)).toBeUndefined();
  });
});

describe('with MICROMENTOR_EMBEDDINGS=off', () => {
  let off: TestContext;
  let offWorker: Worker;
  beforeAll(async () => {
    off = await createTestContext();
    offWorker = createWorker({ db: off.db, clock: off.clock, handlers: jobHandlers() });
  });
  afterAll(() => off.close());

  it('takes the queued jobs and stores nothing, loading no model', async () => {
    const offTenant = await off.tenant();
    const mentor = await createMentor(off, offTenant, { bio: 'I mentor data engineers on Airflow.' });
    await offWorker.drain();
    const jobs = await off.db
      .selectFrom('jobs')
      .select('status')
      .where('subject', '=', `mentor:${mentor.id}`)
      .execute();
    expect(jobs).toEqual([{ status: 'done' }]);
    expect(await off.db.selectFrom('mentor_embeddings').selectAll().execute()).toEqual([]);
  });
});
