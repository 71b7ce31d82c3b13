import { describe, expect, it } from 'vitest';
import { requestTopics, titleSkills } from './request-topics.js';

describe('requestTopics', () => {
  it('takes the skills the learner picked, taxonomy skills only, at most three', () => {
    expect(requestTopics({ skills: ['sql-joins', 'home-lab', 'sql', 'react', 'css'], title: 'x' })).toEqual([
      'sql-joins',
      'sql',
      'react',
    ]);
  });

  it('reads the title when no skill was picked, before the page topic', () => {
    expect(requestTopics({ skills: [], title: 'My useEffect fires twice', pageTopic: 'sql-joins' })).toEqual([
      'react-hooks',
    ]);
    expect(
      requestTopics({ skills: [], title: 'Tell stakeholders the launch slips', pageTopic: 'SQL Joins' }),
    ).toEqual(['sql-joins']);
    expect(requestTopics({ skills: [], title: 'Nothing here', pageTopic: null })).toEqual([]);
  });

  it('finds multi-word skills and leaves ambiguous words alone', () => {
    expect(titleSkills('Slow queries in Postgres after a left join')).toEqual([
      'query-optimization',
      'postgresql',
      'sql-joins',
    ]);
    expect(titleSkills('How do I go about it and express my worry?')).toEqual([]);
  });
});
