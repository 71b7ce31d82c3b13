import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor, type MentorBody, mentorInput } from './support/fixtures.js';
import { call } from './support/http.js';

let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await ctx.tenant();
});
afterAll(() => ctx.close());

describe('creating mentors', () => {
  it('normalises skills, defaults status to approved and answers with the PRODUCT shape', async () => {
    const res = await call<MentorBody>(ctx.app, 'POST', '/v1/mentors', {
      key: tenant.secretKey,
      body: mentorInput({ skills: ['JS', ' Postgres ', 'k8s', 'js', 'React Hooks'], externalId: 'host-42' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/mentors/${res.body.id}`);
    expect(res.body).toMatchObject({
      externalId: 'host-42',
      skills: ['javascript', 'postgresql', 'kubernetes', 'react-hooks'],
      status: 'approved',
      stats: { sessions: 0, rating: null, ratingCount: 0, medianResponseMinutes: null },
      badges: [],
    });
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'badges',
        'bio',
        'externalId',
        'formats',
        'hasCallBridge',
        'headline',
        'id',
        'languages',
        'name',
        'skills',
        'stats',
        'status',
        'timeZone',
        'yearsExperience',
      ].sort(),
    );
  });

  it('refuses a second mentor with the same externalId', async () => {
    await createMentor(ctx, tenant, { externalId: 'dup-1' });
    const res = await call(ctx.app, 'POST', '/v1/mentors', {
      key: tenant.secretKey,
      body: mentorInput({ externalId: 'dup-1' }),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'mentor_exists' });
  });

  it('needs the secret key', async () => {
    const res = await call(ctx.app, 'POST', '/v1/mentors', {
      key: tenant.publishableKey,
      origin: tenant.origin,
      token: tenant.token(),
      body: mentorInput(),
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'secret_key_required' });
  });
});

describe('listing and searching', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await ctx.tenant();
    await createMentor(ctx, t, {
      name: 'Ana Ruiz',
      skills: ['react', 'typescript'],
      languages: ['es', 'en'],
      formats: ['video'],
      headline: 'Frontend lead',
      bio: 'Hooks and state management.',
    });
    await createMentor(ctx, t, {
      name: 'Bo Chen',
      skills: ['postgresql', 'sql-joins'],
      formats: ['chat'],
      headline: 'Database engineer',
      bio: 'Query plans and indexing.',
    });
    await createMentor(ctx, t, {
      name: 'Cy Okafor',
      skills: ['kubernetes', 'docker'],
      formats: ['call'],
      headline: 'Platform engineer',
      bio: 'Deployments that do not page you at night.',
    });
    await createMentor(ctx, t, { name: 'Di Pending', skills: ['react'], status: 'pending' });
    await createMentor(ctx, t, { name: 'Ed Paused', skills: ['react'], status: 'paused' });
  });

  const names = (body: { data: MentorBody[] }) => body.data.map((m) => m.name);
  const learner = () => ({ key: t.publishableKey, origin: t.origin, token: t.token() });

  it('shows learners only approved mentors, ordered by name', async () => {
    const res = await call<{ data: MentorBody[]; nextCursor: string | null }>(
      ctx.app,
      'GET',
      '/v1/mentors',
      learner(),
    );
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['Ana Ruiz', 'Bo Chen', 'Cy Okafor']);
    expect(res.body.nextCursor).toBeNull();
  });

  it('shows every status to the secret key and filters by status', async () => {
    const all = await call<{ data: MentorBody[] }>(ctx.app, 'GET', '/v1/mentors', { key: t.secretKey });
    expect(names(all.body)).toHaveLength(5);
    const pending = await call<{ data: MentorBody[] }>(ctx.app, 'GET', '/v1/mentors?status=pending', {
      key: t.secretKey,
    });
    expect(names(pending.body)).toEqual(['Di Pending']);
  });

  it('filters by skills (synonyms folded, all required), language and format', async () => {
    const bySkill = await call<{ data: MentorBody[] }>(
      ctx.app,
      'GET',
      '/v1/mentors?skills=Postgres,sql-joins',
      learner(),
    );
    expect(names(bySkill.body)).toEqual(['Bo Chen']);
    const both = await call<{ data: MentorBody[] }>(
      ctx.app,
      'GET',
      '/v1/mentors?skills=react,docker',
      learner(),
    );
    expect(names(both.body)).toEqual([]);
    const byLang = await call<{ data: MentorBody[] }>(ctx.app, 'GET', '/v1/mentors?language=ES', learner());
    expect(names(byLang.body)).toEqual(['Ana Ruiz']);
    const byFormat = await call<{ data: MentorBody[] }>(ctx.app, 'GET', '/v1/mentors?format=call', learner());
    expect(names(byFormat.body)).toEqual(['Cy Okafor']);
  });

  it('searches the full text of skills, headline and bio, most relevant first', async () => {
    const res = await call<{ data: MentorBody[] }>(ctx.app, 'GET', '/v1/mentors?q=indexing', learner());
    expect(names(res.body)).toEqual(['Bo Chen']);
    const bySkillWord = await call<{ data: MentorBody[] }>(
      ctx.app,
      'GET',
      `/v1/mentors?q=${encodeURIComponent('joins')}`,
      learner(),
    );
    expect(names(bySkillWord.body)).toEqual(['Bo Chen']);
    const stemmed = await call<{ data: MentorBody[] }>(ctx.app, 'GET', '/v1/mentors?q=deployment', learner());
    expect(names(stemmed.body)).toEqual(['Cy Okafor']);
  });

  it('pages with an opaque cursor without repeating or skipping anyone', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/v1/mentors?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await call<{ data: MentorBody[]; nextCursor: string | null }>(ctx.app, 'GET', path, {
        key: t.secretKey,
      });
      expect(res.status).toBe(200);
      seen.push(...names(res.body));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['Ana Ruiz', 'Bo Chen', 'Cy Okafor', 'Di Pending', 'Ed Paused']);
  });

  it('pages relevance-ordered search results too', async () => {
    const first = await call<{ data: MentorBody[]; nextCursor: string | null }>(
      ctx.app,
      'GET',
      '/v1/mentors?q=react&limit=1',
      { key: t.secretKey },
    );
    expect(first.body.data).toHaveLength(1);
    expect(first.body.nextCursor).not.toBeNull();
    const rest = await call<{ data: MentorBody[] }>(
      ctx.app,
      'GET',
      `/v1/mentors?q=react&limit=10&cursor=${first.body.nextCursor}`,
      { key: t.secretKey },
    );
    const all = [...names(first.body), ...names(rest.body)];
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(['Ana Ruiz', 'Di Pending', 'Ed Paused']);
  });
});

describe('getting, updating and deleting', () => {
  it('hides a pending mentor from learners but shows it to its owner', async () => {
    const t = await ctx.tenant();
    const m = await createMentor(ctx, t, { externalId: 'mentor-7', status: 'pending' });
    const asLearner = await call(ctx.app, 'GET', `/v1/mentors/${m.id}`, {
      key: t.publishableKey,
      origin: t.origin,
      token: t.token(),
    });
    expect(asLearner.status).toBe(404);
    const asOwner = await call(ctx.app, 'GET', `/v1/mentors/${m.id}`, {
      key: t.publishableKey,
      origin: t.origin,
      token: t.token({ sub: 'mentor-7' }),
    });
    expect(asOwner.status).toBe(200);
  });

  it('lets a mentor edit their own profile but not their status or someone else’s profile', async () => {
    const t = await ctx.tenant();
    const mine = await createMentor(ctx, t, { externalId: 'mentor-8' });
    const other = await createMentor(ctx, t, { externalId: 'mentor-9' });
    const auth = {
      key: t.publishableKey,
      origin: t.origin,
      token: t.token({ sub: 'mentor-8', roles: ['mentor'] }),
    };

    const ok = await call<MentorBody>(ctx.app, 'PATCH', `/v1/mentors/${mine.id}`, {
      ...auth,
      body: { headline: 'New headline', skills: ['golang'] },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ headline: 'New headline', skills: ['go'], status: 'approved' });

    const status = await call(ctx.app, 'PATCH', `/v1/mentors/${mine.id}`, {
      ...auth,
      body: { status: 'approved' },
    });
    expect(status.status).toBe(400);
    expect(status.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.status' }] });

    const foreign = await call(ctx.app, 'PATCH', `/v1/mentors/${other.id}`, {
      ...auth,
      body: { headline: 'Hijacked' },
    });
    expect(foreign.status).toBe(403);
    const after = await call<MentorBody>(ctx.app, 'GET', `/v1/mentors/${other.id}`, { key: t.secretKey });
    expect(after.body.headline).toBe(other.headline);
  });

  it('lets the secret key change status, and deletion removes the mentor everywhere', async () => {
    const t = await ctx.tenant();
    const m = await createMentor(ctx, t);
    const paused = await call<MentorBody>(ctx.app, 'PATCH', `/v1/mentors/${m.id}`, {
      key: t.secretKey,
      body: { status: 'paused' },
    });
    expect(paused.body.status).toBe('paused');
    const del = await call(ctx.app, 'DELETE', `/v1/mentors/${m.id}`, { key: t.secretKey });
    expect(del.status).toBe(204);
    expect((await call(ctx.app, 'GET', `/v1/mentors/${m.id}`, { key: t.secretKey })).status).toBe(404);
    expect((await call(ctx.app, 'DELETE', `/v1/mentors/${m.id}`, { key: t.secretKey })).status).toBe(404);
    const list = await call<{ data: MentorBody[] }>(ctx.app, 'GET', '/v1/mentors', { key: t.secretKey });
    expect(list.body.data.map((x) => x.id)).not.toContain(m.id);
  });
});

describe('applying to mentor', () => {
  it('creates a pending profile for the user, once', async () => {
    const t = await ctx.tenant();
    const auth = {
      key: t.publishableKey,
      origin: t.origin,
      token: t.token({ sub: 'applicant-1', name: 'Ada Applicant' }),
    };
    const body = {
      headline: 'Data analyst',
      bio: 'Pandas and SQL.',
      skills: ['pandas', 'SQL'],
      yearsExperience: 4,
      timeZone: 'Africa/Lagos',
      formats: ['chat'],
    };
    const res = await call<MentorBody>(ctx.app, 'POST', '/v1/me/mentor', { ...auth, body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Ada Applicant',
      externalId: 'applicant-1',
      status: 'pending',
      skills: ['pandas', 'sql'],
    });
    const again = await call(ctx.app, 'POST', '/v1/me/mentor', { ...auth, body });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'already_applied' });
    const me = await call<{ mentorProfile: MentorBody }>(ctx.app, 'GET', '/v1/me', auth);
    expect(me.body.mentorProfile.id).toBe(res.body.id);
  });
});
