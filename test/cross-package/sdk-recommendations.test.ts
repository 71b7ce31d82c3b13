import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../packages/sdk/src/index.js';
import { failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// What to ask about next, over HTTP through the SDK: suggestions with their reasons and mentors,
// and a dismissal that sticks.
let api: RunningApi;
let tenant: SdkTenant;

beforeAll(async () => {
  api = await startApi();
  tenant = await sdkTenant(api);
});
afterAll(() => api?.close());

describe('recommendations through the SDK', () => {
  it('suggests the next topic with its reason and a mentor, and dismisses it', async () => {
    const mentor = await tenant.backend().mentors.create({
      externalId: 'r-mentor',
      name: 'Wanda Window',
      skills: ['window-functions'],
      timeZone: 'Europe/Lisbon',
      formats: ['video'],
    });
    for (const sub of ['r-1', 'r-2', 'r-3']) {
      const learner = tenant.browser(sub);
      await learner.requests.create({ title: 'Joins duplicate my rows', skills: ['sql-joins'] });
      await learner.requests.create({ title: 'Ranking rows per group', skills: ['window-functions'] });
    }
    const me = tenant.browser('r-me');
    await me.requests.create({ title: 'My join drops rows', skills: ['sql-joins'] });

    const { topics } = await me.me.recommendations();
    expect(topics[0]).toMatchObject({
      skill: 'window-functions',
      reason: { code: 'next_after', params: { fromSkill: 'sql-joins', learners: 3 } },
      mentors: [{ mentor: { id: mentor.id }, reason: { code: 'knows_topic' } }],
    });

    await expect(me.me.dismissRecommendation('window-functions')).resolves.toBeUndefined();
    await me.me.dismissRecommendation('window-functions');
    const after = await me.me.recommendations();
    expect(after.topics.map((t) => t.skill)).not.toContain('window-functions');

    const refused = await failure(me.me.dismissRecommendation('basket weaving'));
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused).toMatchObject({ code: 'unknown_skill', status: 400 });
  });
});
