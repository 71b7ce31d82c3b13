import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS, DEMO_ORIGINS, seedDemo } from '../src/demo/seed.js';
import { signUserToken } from '../src/security/user-token.js';
import { createTestContext, type TestContext } from './support/context.js';
import { call } from './support/http.js';
import { semanticKit } from './support/semantic.js';

/**
 * The demo tenant as `micromentor seed --demo` makes it (~60 mentors, their embeddings computed by
 * the background job), asked through the real app: a question nobody there can answer gets no
 * mentor, with and without a lesson page, while an ordinary one still gets its specialists.
 */
let ctx: TestContext;
const kit = semanticKit();

beforeAll(async () => {
  ctx = await createTestContext({ semantic: kit.semantic });
  await seedDemo(ctx.db, ctx.secretBox, ctx.clock);
  await kit.worker(ctx.db, ctx.clock).drain();
}, 300_000);
afterAll(() => ctx.close());

async function ask(sub: string, body: Record<string, unknown>) {
  const res = await call<{ matches: { mentor: { skills: string[] } }[] }>(ctx.app, 'POST', '/v1/requests', {
    key: DEMO_KEYS.publishableKey,
    origin: DEMO_ORIGINS[0],
    token: signUserToken({
      secret: DEMO_KEYS.identitySecret,
      sub,
      name: 'Demo Learner',
      now: ctx.clock.now(),
    }),
    body: { urgency: 'flexible', ...body },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.matches;
}

describe('honest matching on the demo data', () => {
  it('finds nobody for "How do I train a dragon to fetch the newspaper?"', async () => {
    const matches = await ask('demo-dragon', {
      title: 'How do I train a dragon to fetch the newspaper?',
      details: '',
    });
    expect(matches).toEqual([]);
  });

  it('finds nobody for it on a lesson page either: the page never makes a mentor fit', async () => {
    const matches = await ask('demo-dragon-page', {
      title: 'How do I train a dragon to fetch the newspaper?',
      details: 'Mine chases the paper boy but never brings the paper back.',
      context: { topic: 'sql-joins', pageTitle: 'Lesson 4: SQL joins', courseId: 'data-foundations' },
    });
    expect(matches).toEqual([]);
  });

  it('still finds the specialists of an ordinary question', async () => {
    const matches = await ask('demo-react', {
      title: 'My React useEffect runs twice',
      details: 'The effect that loads my data fires twice on mount in development.',
    });
    expect(matches.length).toBeGreaterThan(0);
    expect(matches[0]?.mentor.skills.some((s) => s.startsWith('react'))).toBe(true);
  });
});
