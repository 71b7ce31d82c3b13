import { describe, expect, it } from 'vitest';
import { isKnownSkill } from '../skills/normalize.js';
import { type AnalyzedQuery, analyzeQuery, type MatchQueryInput } from './analyze.js';
import { MATCH_WEIGHTS } from './weights.js';

const analyze = (title: string, details = '', extra: Partial<MatchQueryInput> = {}): AnalyzedQuery =>
  analyzeQuery({ title, details, ...extra });
const slugs = (q: AnalyzedQuery): string[] => q.skills.map((s) => s.slug);
const skill = (q: AnalyzedQuery, slug: string) => q.skills.find((s) => s.slug === slug);

describe('analyzeQuery terms', () => {
  it('keeps lowercase alphanumeric words without stop words, short words or duplicates', () => {
    const q = analyze('Hi, I am STUCK with slow query plans', 'The query plans are slow, please help! x');
    expect(q.terms).toEqual(['slow', 'query', 'plans']);
  });

  it('takes words from the question (title, details, selection), not from the page', () => {
    const q = analyze('Alpha', 'bravo', { topic: 'charlie', selection: 'delta', pageTitle: 'echo' });
    expect(q.terms).toEqual(['alpha', 'bravo', 'delta']);
  });

  it('takes the page words too when the question points at the page or says nothing topical', () => {
    const pointing = analyze('What does this mean?', 'Alpha', { topic: 'charlie', pageTitle: 'echo' });
    expect(pointing.terms).toEqual(expect.arrayContaining(['alpha', 'charlie', 'echo']));
    const empty = analyze('Stuck, please help', '', { pageTitle: 'echo', selection: 'delta' });
    expect(empty.terms).toEqual(expect.arrayContaining(['delta', 'echo']));
    // A question with words of its own (no "this") keeps the page out.
    expect(analyze('Alpha bravo', 'charlie', { pageTitle: 'echo' }).terms).not.toContain('echo');
  });

  it('drops the stopwords of the learner’s languages, and words about the lesson itself', () => {
    const es = analyzeQuery({
      title: '¿Cómo negocio mi salario?',
      details: 'en una oferta de trabajo',
      languages: ['es'],
    });
    expect(es.terms).toEqual(['negocio', 'salario', 'oferta', 'trabajo']);
    // A question written in Spanish loses them whatever the learner's settings say…
    expect(
      analyzeQuery({
        title: '¿Cómo entreno a un dragón para traer el periódico?',
        details: '',
        languages: ['en'],
      }).terms,
    ).toEqual(['entreno', 'dragon', 'traer', 'periodico']);
    // …but in an English question another language's function word is a content word.
    expect(analyzeQuery({ title: 'My pods die at night', details: '' }).terms).toContain('die');
    expect(analyze('The video in this lesson is confusing', 'salary').terms).toEqual(['salary']);
  });

  it('only keeps letters and digits, so every term is safe for to_tsquery', () => {
    const q = analyze("What's `EXPLAIN (ANALYZE)` saying? Ça dépend: 404 / 500 & 'so on'", 'naïve café');
    for (const term of q.terms) expect(term).toMatch(/^[\p{L}\p{N}]{2,}$/u);
    expect(q.terms).toEqual(
      expect.arrayContaining(['explain', 'analyze', 'ca', 'depend', '404', '500', 'naive']),
    );
  });

  it('caps the list at 40 terms, title first', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    const q = analyze('headline', words.join(' '));
    expect(q.terms).toHaveLength(MATCH_WEIGHTS.query.maxTerms);
    expect(q.terms[0]).toBe('headline');
  });

  it('adds the canonical words of detected skills, so a typo still searches the right word', () => {
    const q = analyze('postgress is slow');
    expect(q.terms).toEqual(expect.arrayContaining(['postgress', 'postgresql']));
  });

  it('drops ambiguous words that were not taken as skills', () => {
    expect(analyze('I want to go home and react calmly').terms).not.toEqual(expect.arrayContaining(['go']));
    expect(analyze('How do I react to feedback?').terms).not.toContain('react');
    expect(analyze('My Go service leaks memory').terms).toContain('go');
  });
});

describe('analyzeQuery skills', () => {
  it('takes explicit skills first, normalised, with weight 1', () => {
    const q = analyze('anything', '', { skills: [' Postgres ', 'JS', 'home automation'] });
    expect(q.skills.slice(0, 3)).toEqual([
      { slug: 'postgresql', weight: 1, source: 'explicit', matchedAs: 'Postgres' },
      { slug: 'javascript', weight: 1, source: 'explicit', matchedAs: 'JS' },
      { slug: 'home-automation', weight: 1, source: 'explicit', matchedAs: 'home automation' },
    ]);
  });

  it('normalises a topic slug with normalizeSkill', () => {
    expect(analyze('Stuck', '', { topic: 'sql-joins' }).skills).toEqual([
      { slug: 'sql-joins', weight: 1, source: 'topic', matchedAs: 'sql-joins' },
    ]);
    expect(skill(analyze('Stuck', '', { topic: 'K8s' }), 'kubernetes')?.source).toBe('topic');
  });

  it('reads the skills out of a free-form topic, ambiguous words included', () => {
    const q = analyze('Stuck', '', { topic: 'Joins in Go' });
    expect(slugs(q)).toEqual(['sql-joins', 'go']);
    expect(q.skills.every((s) => s.source === 'topic' && s.weight === 1)).toBe(true);
  });

  it('finds single words, synonyms and multi-word labels in the text', () => {
    const q = analyze('machine learning with scikit learn', 'SQL joins vs window functions, docker and k8s');
    expect(slugs(q)).toEqual(
      expect.arrayContaining([
        'machine-learning',
        'scikit-learn',
        'sql-joins',
        'window-functions',
        'docker',
        'kubernetes',
      ]),
    );
    expect(skill(q, 'machine-learning')).toEqual({
      slug: 'machine-learning',
      weight: 0.9,
      source: 'text',
      matchedAs: 'machine learning',
    });
  });

  it('folds synonyms: "postgres" finds postgresql', () => {
    expect(skill(analyze('postgres keeps timing out'), 'postgresql')).toMatchObject({
      weight: MATCH_WEIGHTS.query.text,
      source: 'text',
      matchedAs: 'postgres',
    });
  });

  it('accepts hyphen, space, fused and symbol variants', () => {
    expect(slugs(analyze('react-hooks question'))).toContain('react-hooks');
    expect(slugs(analyze('Machine-Learning basics'))).toContain('machine-learning');
    expect(slugs(analyze('java script closures'))).toContain('javascript');
    expect(slugs(analyze('reacthooks are confusing'))).toContain('react-hooks');
    expect(slugs(analyze('C++ templates, C# generics, Node.js streams and CI/CD'))).toEqual(
      expect.arrayContaining(['cpp', 'csharp', 'node', 'ci-cd']),
    );
  });

  it('does not fuse words across a stop word ("my sql" is not MySQL)', () => {
    const q = analyze('improve my sql queries');
    expect(slugs(q)).toContain('sql');
    expect(slugs(q)).not.toContain('mysql');
  });

  it('also takes a word inside a matched phrase, at a lower weight ("React hooks" → react too)', () => {
    const q = analyze('React hooks: useEffect runs twice');
    expect(q.skills).toEqual([
      { slug: 'react-hooks', weight: MATCH_WEIGHTS.query.text, source: 'text', matchedAs: 'react hooks' },
      { slug: 'react', weight: MATCH_WEIGHTS.query.textSubsumed, source: 'text', matchedAs: 'react' },
    ]);
  });

  it('does not let phrases run across sentences', () => {
    expect(slugs(analyze('I tried machine. Learning is hard'))).not.toContain('machine-learning');
  });

  it('keeps the strongest evidence for a skill named several ways, strongest skills first', () => {
    const q = analyze('postgres question', 'postgress', { skills: ['PostgreSQL'], topic: 'sql' });
    expect(q.skills).toEqual([
      { slug: 'postgresql', weight: 1, source: 'explicit', matchedAs: 'PostgreSQL' },
    ]);
    expect(q.context?.skills).toEqual([{ slug: 'sql', weight: 1, source: 'topic', matchedAs: 'sql' }]);
    const ordered = analyze('react hooks', 'kubernets', { skills: ['sql'] }).skills.map((s) => s.weight);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
  });

  it('caps the requested skills so a rambling text does not dilute the ask', () => {
    const q = analyze(
      '',
      'python java ruby php scala elixir kotlin dart flutter docker kubernetes terraform ansible',
    );
    expect(q.skills).toHaveLength(MATCH_WEIGHTS.query.maxSkills);
  });
});

describe('analyzeQuery typo tolerance', () => {
  it.each([
    ['postgress', 'postgresql'],
    ['kubernets', 'kubernetes'],
    ['javscript', 'javascript'],
    ['pyton', 'python'],
    ['tensorflwo', 'tensorflow'],
    ['elasticserch', 'elasticsearch'],
  ])('repairs %j to %j at the fuzzy weight', (typo, slug) => {
    expect(skill(analyze(`help with ${typo} please`), slug)).toEqual({
      slug,
      weight: MATCH_WEIGHTS.query.fuzzy,
      source: 'fuzzy',
      matchedAs: typo,
    });
  });

  it('leaves short words and words already matched alone', () => {
    expect(slugs(analyze('pyth'))).toEqual([]);
    expect(analyze('postgres').skills.map((s) => s.source)).toEqual(['text']);
  });

  it.each([
    'scale',
    'query',
    'threats',
    'started',
    'working',
    'joined',
    'nodes',
    'logging',
    'catching',
    'rusty',
    'expressed',
    'status',
    'network',
  ])('does not mistake the everyday word %j for a skill', (word) => {
    expect(analyze(`the ${word} thing`).skills.filter((s) => s.source === 'fuzzy')).toEqual([]);
  });
});

describe('analyzeQuery ambiguous words', () => {
  it('does not read "go" the verb as Go', () => {
    expect(slugs(analyze('I want to go deeper', 'Go to settings, then go back'))).not.toContain('go');
    expect(slugs(analyze('go-to-market plan for my app'))).toEqual(['go-to-market']);
  });

  it.each([
    ['golang generics'],
    ['Go lang channels'],
    ['My Go service leaks goroutines'],
    ['How do I test this in Go?'],
    ['learning Go after Python'],
  ])('reads Go in a clear form: %j', (title) => {
    expect(slugs(analyze(title))).toContain('go');
  });

  it('takes a short or ambiguous word when it is explicit or the topic', () => {
    expect(slugs(analyze('I want to go', '', { skills: ['go'] }))).toEqual(['go']);
    expect(slugs(analyze('stuck', '', { topic: 'r' }))).toEqual(['r']);
    expect(slugs(analyze('stuck', '', { skills: ['C'] }))).toEqual(['c']);
  });

  it('reads R and C only in a clear form', () => {
    expect(slugs(analyze('Plan B failed, plan C is r u sure'))).toEqual([]);
    expect(slugs(analyze('Using R for regressions'))).toContain('r');
    expect(slugs(analyze('my R script is slow'))).toContain('r');
    expect(slugs(analyze('pointers in C'))).toContain('c');
    expect(slugs(analyze('C programming'))).toContain('c');
  });

  it('reads product names that are everyday words only in a tech context', () => {
    expect(slugs(analyze('How do I react to feedback from my manager?'))).not.toContain('react');
    expect(slugs(analyze('my react app re-renders'))).toContain('react');
    expect(slugs(analyze('React keeps re-rendering'))).toContain('react');
    expect(slugs(analyze('react with typescript generics'))).toContain('react');
    expect(slugs(analyze('I want to express my concerns'))).not.toContain('express');
    expect(slugs(analyze('Express server returns 404'))).toContain('express');
    expect(slugs(analyze('plans for the spring'))).not.toContain('spring');
    expect(slugs(analyze('spring boot app will not start'))).toContain('spring');
    expect(slugs(analyze('I am rusty at this'))).not.toContain('rust');
    expect(slugs(analyze('help with rust lifetimes'))).toContain('rust');
    expect(slugs(analyze('My swift took a while'))).not.toContain('swift');
    expect(slugs(analyze('Swift concurrency'))).toContain('swift');
  });

  it('never takes platform words like "mentoring" or a lone "growth" from the text', () => {
    expect(slugs(analyze('looking for mentoring and coaching', 'growth as an engineer'))).toEqual([]);
    expect(slugs(analyze('career growth'))).toEqual(['career-growth']);
  });
});

describe('analyzeQuery related skills', () => {
  it('lists taxonomy neighbours not already requested, weighted by the parent', () => {
    const q = analyze('', '', { skills: ['react-hooks'] });
    expect(q.related).toEqual([
      { slug: 'react', weight: 0.5, via: 'react-hooks' },
      { slug: 'javascript', weight: 0.5, via: 'react-hooks' },
      { slug: 'state-management', weight: 0.5, via: 'react-hooks' },
    ]);
  });

  it('keeps the strongest parent for a neighbour of several skills', () => {
    const q = analyze('React hooks');
    const js = q.related.find((r) => r.slug === 'javascript');
    expect(js).toEqual({ slug: 'javascript', weight: MATCH_WEIGHTS.query.related * 0.9, via: 'react-hooks' });
    expect(q.related.map((r) => r.slug)).not.toContain('react');
    expect(new Set(q.related.map((r) => r.slug)).size).toBe(q.related.length);
    const weights = q.related.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('has nothing related for free tags or an empty query', () => {
    expect(analyze('', '', { skills: ['home-automation'] }).related).toEqual([]);
    expect(analyze('', '')).toEqual({ terms: [], skills: [], related: [] });
  });

  it('only ever returns known slugs from the text', () => {
    const q = analyze('Migrating a Django + Postgres app to k8s with Helm charts and GitHub Actions');
    for (const s of q.skills) expect(isKnownSkill(s.slug)).toBe(true);
    expect(slugs(q)).toEqual(
      expect.arrayContaining(['django', 'postgresql', 'kubernetes', 'helm', 'github-actions']),
    );
  });
});

describe('analyzeQuery page context', () => {
  const onSqlLesson = { topic: 'sql-joins', pageTitle: 'Lesson 4: SQL joins — Data Foundations' };

  it('keeps the page apart when the question names a skill: the page may only boost', () => {
    const q = analyze('My React useEffect fires twice', 'and my API gets two POSTs', onSqlLesson);
    expect(slugs(q)).toContain('react-hooks');
    expect(slugs(q)).not.toContain('sql-joins');
    expect(q.context?.role).toBe('boost');
    expect(q.context?.skills.map((s) => s.slug)).toContain('sql-joins');
    // The page's words never search: "foundations" is the site's name, not the question.
    expect(q.terms).not.toContain('foundations');
  });

  it('lets the page share the decision (below half) when the question has words but no skill', () => {
    const q = analyze('How do I tell my stakeholders the launch slips two weeks?', '', onSqlLesson);
    expect(q.skills).toEqual([]);
    expect(q.context?.role).toBe('blend');
    expect(MATCH_WEIGHTS.context.blend).toBeLessThan(0.5);
  });

  it('lets the page stand in for a question that points at it or says nothing topical', () => {
    for (const [title, details] of [
      ['Stuck here', "I don't get this part"],
      ['help', 'what is this even doing'],
      ['confused', 'why does this not work on my phone'],
    ] as const) {
      const q = analyze(title, details, onSqlLesson);
      expect(slugs(q), title).toContain('sql-joins');
      expect(q.context, title).toBeUndefined();
    }
  });

  it('reads the text the learner selected as part of the question', () => {
    const q = analyze('How do I fix this', 'and also tell my manager', {
      ...onSqlLesson,
      selection: 'useEffect(() => { fetch(url) }, [])',
    });
    expect(slugs(q)).toContain('react-hooks');
    expect(q.context?.role).toBe('boost');
  });
});

describe('reading the question’s skills', () => {
  it('reads "Go" before a handler as the language', () => {
    expect(slugs(analyze('Go handler keeps working after the client disconnects'))).toContain('go');
  });

  it('reads "UI" as UI design, but not "the UI code" or "UI tests"', () => {
    expect(slugs(analyze('Our UI looks dated, where do I start?'))).toContain('ui-design');
    expect(slugs(analyze('I call load() right inside the UI code'))).not.toContain('ui-design');
    expect(slugs(analyze('my UI tests are flaky'))).not.toContain('ui-design');
  });

  it('folds the other forms of a gerund skill name into it, but not everyday words', () => {
    expect(slugs(analyze('I have to hire our first two engineers'))).toContain('hiring');
    expect(slugs(analyze('My final interview was two weeks ago'))).toContain('interviewing');
    expect(slugs(analyze('how do I debug this crash'))).toContain('debugging');
    expect(slugs(analyze('my network request failed'))).not.toContain('networking');
    expect(slugs(analyze('I edited my profile picture'))).toEqual([]);
    expect(slugs(analyze('grout for 3 mm joints'))).not.toContain('sql-joins');
  });

  it('splits dotted code words unless the whole names a skill', () => {
    expect(slugs(analyze('jest.mock is ignored', 'the component imports api.js'))).toContain('javascript');
    expect(slugs(analyze('Node.js streams'))).toContain('node');
  });

  it('reads the course id as page words: it names the field when the topic is unknown', () => {
    const q = analyze('my model overfits', '', {
      topic: 'cross-validation',
      course: 'machine-learning-with-scikit-learn',
    });
    expect(q.context?.skills.map((s) => s.slug)).toEqual(
      expect.arrayContaining(['machine-learning', 'scikit-learn']),
    );
    // An opaque id names nothing.
    expect(analyze('my model overfits', '', { course: 'course-v1:42' }).context).toBeUndefined();
    // The course is page context, never the question's own terms.
    expect(q.terms).not.toContain('scikit');
  });
});
