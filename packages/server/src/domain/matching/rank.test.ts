import { describe, expect, it } from 'vitest';
import { type AnalyzedQuery, analyzeQuery } from './analyze.js';
import {
  bayesianRating,
  type Candidate,
  diversify,
  type RankContext,
  type RankedMatch,
  scoreCandidates,
} from './rank.js';
import { MATCH_WEIGHTS } from './weights.js';

const NOW = new Date('2026-12-02T10:00:00Z');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/**
 * An average mentor; each test changes only what it is about. Ids are chosen so that the
 * id tie-break would put the expected winner LAST: remove the signal under test and it fails.
 */
function mentor(id: string, over: Partial<Candidate> = {}): Candidate {
  return {
    id,
    name: `Mentor ${id}`,
    headline: '',
    skills: [],
    yearsExperience: 5,
    languages: ['en'],
    textRank: 0,
    ratingSum: 0,
    ratingCount: 0,
    sessionsCount: 10,
    approvedAt: new Date('2025-01-01T00:00:00Z'),
    weekBookings: 1,
    maxPerWeek: 10,
    nextSlot: undefined,
    board: null,
    ...over,
  };
}

function context(over: Partial<RankContext> = {}): RankContext {
  return {
    urgency: 'flexible',
    now: NOW,
    medianWeekBookings: 1,
    priorRating: 4.2,
    learnerLanguages: ['en'],
    ...over,
  };
}

const ask = (title: string, details = '', skills?: string[]): AnalyzedQuery =>
  analyzeQuery({ title, details, ...(skills ? { skills } : {}) });
const rank = (q: AnalyzedQuery, candidates: Candidate[], ctx: Partial<RankContext> = {}): RankedMatch[] =>
  scoreCandidates(q, candidates, context(ctx));
const ids = (matches: RankedMatch[]): string[] => matches.map((m) => m.candidate.id);
const byId = (matches: RankedMatch[], id: string): RankedMatch => {
  const found = matches.find((m) => m.candidate.id === id);
  if (!found) throw new Error(`no match ${id}`);
  return found;
};

/** Small deterministic PRNG (mulberry32) for shuffles and property checks. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('scoreCandidates relevance', () => {
  it('ranks a stronger full-text match higher (text rank normalised by the best)', () => {
    const q: AnalyzedQuery = { terms: ['query', 'plans'], skills: [], related: [] };
    const ranked = rank(q, [mentor('a', { textRank: 0.1 }), mentor('b', { textRank: 0.4 })]);
    expect(ids(ranked)).toEqual(['b', 'a']);
    expect(byId(ranked, 'b').signals.text).toBe(1);
    expect(byId(ranked, 'a').signals.text).toBeCloseTo(0.25, 10);
  });

  it('ranks a mentor with the explicitly requested skill higher, more overlap higher still', () => {
    const q = ask('Need a hand', '', ['PostgreSQL', 'sql']);
    const ranked = rank(q, [
      mentor('a', { skills: ['python'] }),
      mentor('b', { skills: ['postgresql'] }),
      mentor('c', { skills: ['postgresql', 'sql'] }),
    ]);
    expect(ids(ranked)).toEqual(['c', 'b', 'a']);
    expect(byId(ranked, 'c').signals.skill).toBe(1);
    expect(byId(ranked, 'b').signals.skill).toBeCloseTo(0.5, 10);
  });

  it('folds synonyms on both sides: "postgres" in the text finds a mentor listing "Postgres" or postgresql', () => {
    const q = ask('postgres keeps timing out');
    const ranked = rank(q, [
      mentor('a', { skills: ['mysql'] }),
      mentor('b', { skills: ['Postgres'] }),
      mentor('c', { skills: ['postgresql'] }),
    ]);
    expect(ids(ranked).slice(0, 2).sort()).toEqual(['b', 'c']);
    expect(ids(ranked)[2]).toBe('a');
    expect(byId(ranked, 'b').signals.skill).toBe(1);
  });

  it('"React hooks" ranks a React mentor above a frontend generalist above an unrelated one', () => {
    const q = ask('React hooks', 'useEffect runs twice');
    const ranked = rank(q, [
      mentor('a', { skills: ['python', 'django'] }),
      mentor('b', { skills: ['javascript', 'css', 'html'] }),
      mentor('c', { skills: ['react', 'redux'] }),
    ]);
    expect(ids(ranked)).toEqual(['c', 'b', 'a']);
    expect(byId(ranked, 'b').signals.related).toBeGreaterThan(0);
    expect(byId(ranked, 'b').signals.skill).toBe(0);
    expect(byId(ranked, 'a').signals.relevance).toBe(0);
  });

  it.each([
    ['postgress', 'postgresql'],
    ['kubernets', 'kubernetes'],
    ['javscript', 'javascript'],
  ])('tolerates the typo %j and finds the %s mentor', (typo, slug) => {
    const q = ask(`my ${typo} setup is broken`);
    const ranked = rank(q, [mentor('a', { skills: ['figma'] }), mentor('b', { skills: [slug] })]);
    expect(ids(ranked)).toEqual(['b', 'a']);
    expect(byId(ranked, 'b').signals.skill).toBe(1);
  });

  it('falls back to text alone when nothing names a skill', () => {
    const q: AnalyzedQuery = { terms: ['flaky'], skills: [], related: [] };
    const ranked = rank(q, [mentor('a', { skills: ['react'] }), mentor('b', { textRank: 0.2 })]);
    expect(byId(ranked, 'b').signals.relevance).toBe(1);
    expect(byId(ranked, 'a').signals.relevance).toBe(0);
  });

  it('never lets seniority, rating, availability and board beat a topical match', () => {
    const q = ask('SQL joins', 'left join returns duplicates');
    const star = mentor('a', {
      skills: ['figma', 'ux-design'],
      yearsExperience: 30,
      ratingSum: 1000,
      ratingCount: 200,
      sessionsCount: 300,
      nextSlot: new Date(NOW.getTime() + 5 * MIN),
      board: { label: 'Design' },
    });
    const junior = mentor('b', {
      skills: ['data-modeling'], // only related to sql-joins: the weakest topical evidence there is
      yearsExperience: 0,
      weekBookings: 10,
      maxPerWeek: 10,
      nextSlot: null,
    });
    const ranked = rank(q, [star, junior], { urgency: 'now' });
    expect(ids(ranked)).toEqual(['b', 'a']);
    expect(byId(ranked, 'a').score).toBe(0);
    expect(byId(ranked, 'b').score).toBeGreaterThan(0);
  });

  it('keeps any topical match above every non-topical mentor, whatever their other signals', () => {
    const random = prng(42);
    const q = ask('kubernetes ingress', 'helm chart');
    const urgencies = ['now', 'today', 'this_week', 'flexible'] as const;
    for (let trial = 0; trial < 300; trial++) {
      const wild = (id: string, skills: string[], textRank: number): Candidate =>
        mentor(id, {
          skills,
          textRank,
          yearsExperience: Math.floor(random() * 40),
          ratingCount: Math.floor(random() * 100),
          ratingSum: 0,
          sessionsCount: Math.floor(random() * 10),
          approvedAt: random() < 0.5 ? new Date(NOW.getTime() - 3 * DAY) : null,
          weekBookings: Math.floor(random() * 12),
          maxPerWeek: random() < 0.5 ? 10 : null,
          nextSlot:
            random() < 0.3 ? undefined : random() < 0.5 ? null : new Date(NOW.getTime() + random() * 3 * DAY),
          board: random() < 0.5 ? { label: 'Kubernetes' } : null,
        });
      const off = wild('a', ['figma'], 0);
      off.ratingSum = off.ratingCount * 5;
      const on = wild('b', ['docker'], random() < 0.5 ? 0 : 0.01);
      on.ratingSum = on.ratingCount;
      const extra = wild('c', ['kubernetes', 'helm'], 0.5);
      const urgency = urgencies[trial % urgencies.length] ?? 'now';
      const ranked = rank(q, [off, on, extra], { urgency, medianWeekBookings: Math.floor(random() * 4) });
      expect(ids(ranked).indexOf('b')).toBeLessThan(ids(ranked).indexOf('a'));
    }
  });
});

describe('scoreCandidates secondary signals', () => {
  const q = ask('', '', ['react']);

  it('lets seniority break a tie between equally relevant mentors, saturating', () => {
    const ranked = rank(q, [
      mentor('a', { skills: ['react'], yearsExperience: 2 }),
      mentor('b', { skills: ['react'], yearsExperience: 12 }),
    ]);
    expect(ids(ranked)).toEqual(['b', 'a']);
    const capped = rank(q, [
      mentor('a', { skills: ['react'], yearsExperience: 20 }),
      mentor('b', { skills: ['react'], yearsExperience: 35 }),
    ]);
    expect(byId(capped, 'a').score).toBe(byId(capped, 'b').score);
  });

  it('prefers forty 4.8★ ratings to a single 5★ (Bayesian quality)', () => {
    const ranked = rank(q, [
      mentor('a', { skills: ['react'], ratingSum: 5, ratingCount: 1 }),
      mentor('b', { skills: ['react'], ratingSum: 192, ratingCount: 40 }),
    ]);
    expect(ids(ranked)).toEqual(['b', 'a']);
  });

  it('for urgency "now" prefers the mentor free in 20 min over one free tomorrow', () => {
    const candidates = [
      mentor('a', { skills: ['react'], nextSlot: new Date(NOW.getTime() + DAY) }),
      mentor('b', { skills: ['react'], nextSlot: new Date(NOW.getTime() + 20 * MIN) }),
    ];
    const now = rank(q, candidates, { urgency: 'now' });
    expect(ids(now)).toEqual(['b', 'a']);
    expect(byId(now, 'b').signals.availability).toBe(1);
    expect(byId(now, 'a').signals.availability).toBe(0);
    // The same gap matters much less when the learner is flexible.
    const flexible = rank(q, candidates, { urgency: 'flexible' });
    const gap = (r: RankedMatch[]): number => byId(r, 'b').score - byId(r, 'a').score;
    expect(gap(now)).toBeGreaterThan(3 * gap(flexible));
  });

  it('scores availability by urgency window, treating an unknown slot as neutral', () => {
    const at = (minutes: number | null | undefined): Candidate =>
      mentor('x', {
        skills: ['react'],
        nextSlot:
          minutes === undefined
            ? undefined
            : minutes === null
              ? null
              : new Date(NOW.getTime() + minutes * MIN),
      });
    const signal = (urgency: RankContext['urgency'], minutes: number | null | undefined): number =>
      byId(rank(q, [at(minutes)], { urgency }), 'x').signals.availability ?? Number.NaN;
    expect(signal('now', 60)).toBe(1);
    expect(signal('now', 150)).toBe(MATCH_WEIGHTS.nowPartial);
    expect(signal('now', 200)).toBe(0);
    expect(signal('today', 11 * 60)).toBe(1);
    expect(signal('today', 20 * 60)).toBe(MATCH_WEIGHTS.todayPartial);
    expect(signal('this_week', 6 * 24 * 60)).toBe(1);
    expect(signal('this_week', 8 * 24 * 60)).toBe(0);
    expect(signal('flexible', 60)).toBeGreaterThan(signal('flexible', 5 * 24 * 60));
    expect(signal('now', null)).toBe(0);
    expect(signal('now', undefined)).toBe(0);
  });

  it('damps a mentor near their weekly cap or far above the median load', () => {
    const capped = rank(q, [
      mentor('a', { skills: ['react'], weekBookings: 9, maxPerWeek: 10 }),
      mentor('b', { skills: ['react'], weekBookings: 1, maxPerWeek: 10 }),
    ]);
    expect(ids(capped)).toEqual(['b', 'a']);
    expect(byId(capped, 'a').signals.overload).toBeGreaterThan(0);
    const busy = rank(
      q,
      [
        mentor('a', { skills: ['react'], weekBookings: 12, maxPerWeek: null }),
        mentor('b', { skills: ['react'], weekBookings: 2, maxPerWeek: null }),
      ],
      { medianWeekBookings: 2 },
    );
    expect(ids(busy)).toEqual(['b', 'a']);
    // At the median and under the cap: no damping.
    expect(byId(busy, 'b').signals.overload).toBe(0);
  });

  it('boosts a newly approved mentor with few sessions, and only them', () => {
    const ranked = rank(q, [
      mentor('a', { skills: ['react'], approvedAt: new Date(NOW.getTime() - 200 * DAY), sessionsCount: 0 }),
      mentor('b', { skills: ['react'], approvedAt: new Date(NOW.getTime() - 5 * DAY), sessionsCount: 0 }),
      mentor('c', { skills: ['react'], approvedAt: new Date(NOW.getTime() - 5 * DAY), sessionsCount: 8 }),
    ]);
    expect(ids(ranked)[0]).toBe('b');
    expect(byId(ranked, 'b').signals.newMentor).toBe(1);
    expect(byId(ranked, 'a').signals.newMentor).toBe(0);
    expect(byId(ranked, 'c').signals.newMentor).toBe(0);
  });

  it('lifts a mentor on the learner board only when they are topically related', () => {
    const topical = rank(q, [
      mentor('a', { skills: ['react'] }),
      mentor('b', { skills: ['react'], board: { label: 'SQL' } }),
    ]);
    expect(ids(topical)).toEqual(['b', 'a']);

    const textOnly = ask('flaky snapshot tests in react');
    const unrelated = rank(textOnly, [
      mentor('a', { skills: ['python'], textRank: 0.3 }),
      mentor('b', { skills: ['python'], textRank: 0.3, board: { label: 'Career change' } }),
    ]);
    expect(byId(unrelated, 'b').signals.board).toBe(0);
    expect(byId(unrelated, 'b').score).toBe(byId(unrelated, 'a').score);

    const byLabel = rank(textOnly, [
      mentor('a', { skills: ['python'], textRank: 0.3 }),
      mentor('b', { skills: ['python'], textRank: 0.3, board: { label: 'Snapshot testing' } }),
    ]);
    expect(ids(byLabel)).toEqual(['b', 'a']);
  });

  it('keeps every score and signal within 0..1, sorted by score then id', () => {
    const ranked = rank(ask('React hooks'), [
      mentor('d', { skills: ['react'], weekBookings: 50, maxPerWeek: 10 }),
      mentor('c', {
        skills: ['react-hooks', 'react'],
        textRank: 9,
        yearsExperience: 99,
        ratingSum: 500,
        ratingCount: 100,
      }),
      mentor('b', { skills: ['react'] }),
      mentor('a', { skills: ['react'] }),
    ]);
    for (const m of ranked) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
      for (const value of Object.values(m.signals)) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
    expect(ids(ranked)).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('bayesianRating', () => {
  it('shrinks few ratings towards the prior, so one 5★ does not beat forty 4.8★', () => {
    expect(bayesianRating(5, 1, 4.2)).toBeLessThan(bayesianRating(192, 40, 4.2));
    expect(bayesianRating(5, 1, 4.2)).toBeCloseTo(
      (4.2 * MATCH_WEIGHTS.ratingPriorWeight + 5) / (MATCH_WEIGHTS.ratingPriorWeight + 1),
      10,
    );
  });

  it('is the prior without ratings and the plain mean without a prior weight', () => {
    expect(bayesianRating(0, 0, 4.2)).toBe(4.2);
    expect(bayesianRating(9, 2, 4.2, 0)).toBe(4.5);
    expect(bayesianRating(0, 0, 3.9, 0)).toBe(3.9);
  });
});

describe('reasons', () => {
  const CODES = new Set([
    'skill_match',
    'related_skill',
    'experience',
    'available_soon',
    'rating',
    'language',
    'on_board',
    'new_mentor',
    'text_match',
  ]);

  function variedSet(): Candidate[] {
    return [
      mentor('m1', {
        skills: ['react-hooks', 'react'],
        headline: 'React performance and query plans',
        textRank: 0.3,
      }),
      mentor('m2', { skills: ['javascript'], yearsExperience: 0 }),
      mentor('m3', { skills: [], yearsExperience: 0, languages: [] }),
      mentor('m4', {
        skills: ['react'],
        ratingSum: 96,
        ratingCount: 20,
        nextSlot: new Date(NOW.getTime() + 40 * MIN),
      }),
      mentor('m5', {
        skills: ['react'],
        approvedAt: new Date(NOW.getTime() - DAY),
        sessionsCount: 0,
        languages: ['en', 'es'],
      }),
      mentor('m6', { skills: ['react'], board: { label: 'React' }, nextSlot: null }),
      mentor('m7', { skills: ['python'], textRank: 0.1, headline: 'Data person' }),
    ];
  }

  it('gives every match 2–4 reasons with stable codes', () => {
    const q = ask('React hooks', 'query plans');
    for (const urgency of ['now', 'today', 'this_week', 'flexible'] as const) {
      for (const m of rank(q, variedSet(), { urgency, learnerLanguages: ['es', 'en'] })) {
        expect(m.reasons.length).toBeGreaterThanOrEqual(2);
        expect(m.reasons.length).toBeLessThanOrEqual(4);
        for (const r of m.reasons) {
          expect(CODES.has(r.code)).toBe(true);
          expect(r.text).not.toBe('');
        }
        expect(new Set(m.reasons.map((r) => r.code)).size).toBe(m.reasons.length);
      }
    }
  });

  it('explains a topical match by its skills first, with labels in text and params', () => {
    const [top] = rank(ask('', '', ['react-hooks']), [
      mentor('a', { skills: ['react-hooks'], yearsExperience: 8 }),
    ]);
    expect(top?.reasons).toEqual([
      { code: 'skill_match', text: 'Knows React hooks', params: { skills: 'React hooks' } },
      { code: 'experience', text: '8 years of experience', params: { years: 8 } },
    ]);
  });

  it('says "On your board" without a dangling "for" when the entry has no label', () => {
    const ranked = rank(ask('React hooks'), [mentor('b', { skills: ['react-hooks'], board: { label: '' } })]);
    const reason = byId(ranked, 'b').reasons.find((r) => r.code === 'on_board');
    expect(reason).toEqual({ code: 'on_board', text: 'On your board', params: { label: '' } });
  });

  it('explains related skills, text mentions, ratings, board, language and newness', () => {
    const q = ask('React hooks', 'slow query plans');
    const ranked = rank(
      q,
      [
        mentor('a', { skills: ['react'], headline: 'I untangle slow query plans', textRank: 0.4 }),
        mentor('b', {
          skills: ['sql'],
          ratingSum: 110,
          ratingCount: 23,
          board: { label: 'React' },
          languages: ['en', 'es-MX'],
        }),
        mentor('c', {
          skills: ['react-hooks'],
          approvedAt: new Date(NOW.getTime() - 2 * DAY),
          sessionsCount: 1,
        }),
      ],
      { learnerLanguages: ['en', 'es'] },
    );
    const texts = (id: string): string[] => byId(ranked, id).reasons.map((r) => r.text);
    expect(texts('a')).toContain('Works with React, close to React hooks');
    expect(texts('a')).toContain('Profile mentions slow query plans');
    expect(texts('b')).toEqual(
      expect.arrayContaining(['On your board for React', 'Rated 4.8 from 23 sessions', 'Speaks Spanish']),
    );
    expect(byId(ranked, 'b').reasons.find((r) => r.code === 'rating')?.params).toEqual({
      rating: 4.8,
      count: 23,
    });
    expect(byId(ranked, 'b').reasons.find((r) => r.code === 'language')?.params).toEqual({
      language: 'es',
      name: 'Spanish',
    });
    expect(texts('c')).toEqual(expect.arrayContaining(['Knows React hooks', 'New mentor']));
  });

  it('names a telling profile word in text_match, never a generic one alone', () => {
    const q = ask('my data model keeps losing rows', 'senior engineer told me to check the pipeline');
    const mention = (headline: string) =>
      rank(q, [mentor('a', { headline, textRank: 0.4 })])[0]?.reasons.find((r) => r.code === 'text_match');
    // "data", "senior", "engineer" match the words but explain nothing on their own.
    expect(mention('Senior data engineer')).toBeUndefined();
    expect(mention('Data person')).toBeUndefined();
    // A telling word makes the mention, and the generic words next to it stay as written.
    expect(mention('Senior engineer — data pipeline reviews')?.text).toBe('Profile mentions data pipeline');
    expect(mention('Data work, then data model design')?.params).toEqual({ terms: 'data model' });
  });

  it('says when the mentor is free, in minutes or as a UTC time', () => {
    const q = ask('', '', ['react']);
    const when = (minutes: number, urgency: RankContext['urgency']) =>
      byId(
        rank(q, [mentor('a', { skills: ['react'], nextSlot: new Date(NOW.getTime() + minutes * MIN) })], {
          urgency,
        }),
        'a',
      ).reasons.find((r) => r.code === 'available_soon');
    expect(when(40, 'now')).toEqual({
      code: 'available_soon',
      text: 'Free in 40 min',
      params: { minutes: 40, at: '2026-12-02T10:40:00.000Z' },
    });
    expect(when(5 * 60, 'today')?.text).toBe('Free today at 15:00 UTC');
    expect(when(23 * 60, 'today')?.text).toBe('Free tomorrow at 09:00 UTC');
    expect(when(3 * 24 * 60, 'this_week')?.text).toBe('Free on Saturday at 10:00 UTC');
    expect(when(5 * 60, 'now')).toBeUndefined();
  });

  it('leaves out ratings under 3 and English as a language', () => {
    const [m] = rank(ask('', '', ['react']), [
      mentor('a', { skills: ['react'], ratingSum: 10, ratingCount: 2, languages: ['en', 'de'] }),
    ]);
    const codes = m?.reasons.map((r) => r.code) ?? [];
    expect(codes).not.toContain('rating');
    expect(codes).not.toContain('language');
  });

  it('always has at least two reasons, falling back to experience', () => {
    const [m] = rank({ terms: [], skills: [], related: [] }, [mentor('a', { yearsExperience: 0 })]);
    expect(m?.reasons.map((r) => r.code)).toEqual(['experience', 'language']);
    expect(m?.reasons[0]?.text).toBe('Less than a year of experience');
  });
});

describe('determinism', () => {
  it('scores and orders the same without reasons (first pass)', () => {
    const q = ask('React hooks', 'slow query plans');
    const set = [
      mentor('a', { skills: ['react'], headline: 'I untangle slow query plans', textRank: 0.4 }),
      mentor('b', { skills: ['react-hooks'], ratingSum: 96, ratingCount: 20 }),
      mentor('c', { skills: ['sql'], textRank: 0.2, nextSlot: new Date(NOW.getTime() + 30 * MIN) }),
    ];
    const full = scoreCandidates(q, set, context());
    const quick = scoreCandidates(q, set, context(), { explain: false });
    expect(quick.map((m) => [m.candidate.id, m.score])).toEqual(full.map((m) => [m.candidate.id, m.score]));
    expect(quick.every((m) => m.reasons.length === 0)).toBe(true);
    expect(full.every((m) => m.reasons.length >= 2)).toBe(true);
  });

  it('returns the same ranking, scores and reasons for any input order', () => {
    const q = ask('React hooks', 'slow query plans in postgress');
    const candidates = [
      mentor('m1', { skills: ['react'], textRank: 0.2, headline: 'React and query plans' }),
      mentor('m2', { skills: ['react'], textRank: 0.2, headline: 'React and query plans' }),
      mentor('m3', { skills: ['postgresql'], ratingSum: 45, ratingCount: 10 }),
      mentor('m4', { skills: ['javascript'], nextSlot: new Date(NOW.getTime() + 30 * MIN) }),
      mentor('m5', { skills: ['react-hooks'], approvedAt: new Date(NOW.getTime() - DAY), sessionsCount: 0 }),
      mentor('m6', { skills: ['python'], textRank: 0.05 }),
      mentor('m7', { skills: ['react'], weekBookings: 9 }),
      mentor('m8', { skills: ['react'], board: { label: 'React' } }),
    ];
    const ctx = { urgency: 'now' as const, learnerLanguages: ['en', 'fr'] };
    const expected = rank(q, candidates, ctx);
    const expectedTop = diversify(expected, 5);
    const random = prng(7);
    for (let i = 0; i < 20; i++) {
      const again = rank(q, shuffle(candidates, random), ctx);
      expect(again).toEqual(expected);
      expect(diversify(shuffle(again, random), 5)).toEqual(expectedTop);
    }
    expect(ids(expected).indexOf('m1')).toBeLessThan(ids(expected).indexOf('m2'));
  });
});

describe('diversify', () => {
  const match = (id: string, score: number, skills: string[], headline = ''): RankedMatch => ({
    candidate: mentor(id, { skills, headline }),
    score,
    signals: {},
    reasons: [],
    fits: true,
  });
  const clones = ['postgresql', 'sql', 'query-optimization', 'database-indexing'];

  it('brings a comparably good different mentor into the top 3 past near-identical ones', () => {
    const ranked = [
      match('c1', 0.8, clones, 'Postgres performance tuning'),
      match('c2', 0.79, clones, 'Postgres performance tuning'),
      match('c3', 0.78, [...clones, 'mysql'], 'Postgres performance tuning'),
      match('d', 0.7, ['data-modeling', 'dbt', 'snowflake'], 'Analytics engineering'),
    ];
    const top = ids(diversify(ranked, 3));
    expect(top).toContain('d');
    expect(top[0]).toBe('c1');
  });

  it('does not push a clone below a much weaker alternative', () => {
    const ranked = [
      match('c1', 0.8, clones),
      match('c2', 0.79, clones),
      match('c3', 0.78, clones),
      match('d', 0.4, ['data-modeling', 'dbt']),
    ];
    expect(ids(diversify(ranked, 3))).toEqual(['c1', 'c2', 'c3']);
  });

  it('keeps score order for dissimilar mentors and with lambda 1', () => {
    const ranked = [match('a', 0.9, ['react']), match('b', 0.8, ['python']), match('c', 0.7, ['go'])];
    expect(ids(diversify(ranked, 3))).toEqual(['a', 'b', 'c']);
    const same = [match('a', 0.9, clones), match('b', 0.8, clones), match('c', 0.3, ['go'])];
    expect(ids(diversify(same, 3, 1))).toEqual(['a', 'b', 'c']);
  });

  it('picks at most k and handles empty input', () => {
    const ranked = [match('a', 0.9, ['react']), match('b', 0.8, ['python'])];
    expect(diversify(ranked, 5)).toHaveLength(2);
    expect(diversify(ranked, 1).map((m) => m.candidate.id)).toEqual(['a']);
    expect(diversify(ranked, 0)).toEqual([]);
    expect(diversify([], 3)).toEqual([]);
  });
});

describe('the page the learner asked from', () => {
  const sqlMentor = (id: string): Candidate =>
    mentor(id, { skills: ['sql-joins', 'sql'], yearsExperience: 20 });

  it('never lifts a mentor the question did not find, however well they fit the page', () => {
    const q = analyzeQuery({ title: 'My React useEffect fires twice', details: '', topic: 'sql-joins' });
    const ranked = rank(q, [sqlMentor('a'), mentor('z', { skills: ['react-hooks'] })]);
    expect(ids(ranked)[0]).toBe('z');
    expect(byId(ranked, 'a').signals.relevance).toBe(0);
  });

  it('breaks a tie between equal fits for the question, and says so', () => {
    const q = analyzeQuery({ title: 'my inner join returns duplicate rows', details: '', topic: 'pandas' });
    expect(q.context?.role).toBe('boost');
    const ranked = rank(q, [
      mentor('a', { skills: ['sql-joins'] }),
      mentor('z', { skills: ['sql-joins', 'pandas'] }),
    ]);
    expect(ids(ranked)[0]).toBe('z');
    const page = byId(ranked, 'z').reasons.find((r) => r.code === 'page_context');
    expect(page?.params).toEqual({ skill: 'pandas' });
    expect(byId(ranked, 'a').reasons.some((r) => r.code === 'page_context')).toBe(false);
    // The boost is small: at most MATCH_WEIGHTS.context.boost of relevance.
    const gap = byId(ranked, 'z').signals.relevance! - byId(ranked, 'a').signals.relevance!;
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThanOrEqual(MATCH_WEIGHTS.context.boost + 1e-9);
  });

  it('never makes a mentor fit who fits only the page: a question nobody can answer gets nobody', () => {
    const q = analyzeQuery({ title: 'How do I repot an orchid?', details: '', topic: 'sql-joins' });
    expect(q.context?.role).toBe('blend');
    const ranked = rank(q, [sqlMentor('a')]);
    expect(byId(ranked, 'a').signals.page).toBeGreaterThan(0);
    expect(byId(ranked, 'a').fits).toBe(false);
  });

  it('reads the page from its skills the tenant knows: an unknown topic does not dilute them', () => {
    const q = analyzeQuery({
      title: 'my model does great on training data but badly on new data',
      details: '',
      topic: 'cnn-fine-tuning',
      course: 'deep-learning-for-vision',
    });
    expect(q.context?.skills.map((s) => s.slug)).toEqual(['cnn-fine-tuning', 'deep-learning']);
    const ranked = rank(q, [mentor('a', { skills: ['deep-learning'], textRank: 0.02 })]);
    expect(byId(ranked, 'a').signals.page).toBeGreaterThanOrEqual(0.7);
  });

  it('for a question with words but no skill, a fit for the words beats a fit for the page', () => {
    const q = analyzeQuery({
      title: 'How do I tell my stakeholders the launch slips?',
      details: '',
      topic: 'sql-joins',
    });
    expect(q.context?.role).toBe('blend');
    const ranked = rank(q, [
      sqlMentor('a'),
      mentor('z', { headline: 'Stakeholders and launches', textRank: 0.2 }),
    ]);
    expect(ids(ranked)[0]).toBe('z');
  });
});

describe('meaning (semantic matching on)', () => {
  /** A profile standing `standing` sd above the question's mean similarity over the tenant. */
  const meant = (standing: number, sentence: string | null = null) => ({
    meaning: { similarity: 0.4 + standing / 10, standing, sentence },
  });

  it('ranks a mentor who shares no word with the question by how close the meaning is, and quotes them', () => {
    const q = ask('my component side effect runs twice when it mounts');
    const ranked = rank(q, [
      mentor('a', { textRank: 0.02, ...meant(0.2) }),
      mentor('z', { ...meant(3, 'I debug double-firing hooks in strict mode') }),
    ]);
    expect(ids(ranked)[0]).toBe('z');
    const wrote = byId(ranked, 'z').reasons.find((r) => r.code === 'wrote');
    expect(wrote?.text).toBe('Wrote: “I debug double-firing hooks in strict mode”');
    expect(wrote?.params).toEqual({ sentence: 'I debug double-firing hooks in strict mode' });
  });

  it('shows only mentors the question gives evidence for: a stray word is not enough', () => {
    const q = ask('How do I train a dragon to juggle chainsaws?');
    const stray = mentor('a', { textRank: 0.02, ...meant(0.3) });
    const close = mentor('b', { textRank: 0, ...meant(2) });
    const strong = mentor('c', { textRank: 0.2, ...meant(0) });
    const ranked = rank(q, [stray, close, strong]);
    expect(byId(ranked, 'a').fits).toBe(false);
    expect(byId(ranked, 'b').fits).toBe(true);
    expect(byId(ranked, 'c').fits).toBe(true);
    // Without meaning, one word is all keywords can say: it fits.
    const { meaning: _, ...keywordOnly } = stray;
    expect(rank(q, [keywordOnly])[0]?.fits).toBe(true);
  });

  it('takes meaning as evidence only when the profile is close in absolute terms, not just closest', () => {
    // For a question nobody can answer, the least unrelated profile still stands far above the crowd.
    const q = ask('How do I train a dragon to juggle chainsaws?');
    const far = mentor('a', { meaning: { similarity: 0.2, standing: 2.5, sentence: null } });
    const near = mentor('b', {
      meaning: { similarity: MATCH_WEIGHTS.fit.minSimilarity, standing: 2.5, sentence: null },
    });
    const ranked = rank(q, [far, near]);
    expect(byId(ranked, 'a').fits).toBe(false);
    expect(byId(ranked, 'b').fits).toBe(true);
  });

  it('takes a word shared by a profile far in meaning for a false friend', () => {
    const q = ask('How do I train a dragon to fetch the newspaper?');
    const newspaper = { headline: 'Lead developer at an online newspaper', textRank: 0.06 };
    const far = mentor('a', { ...newspaper, meaning: { similarity: 0.18, standing: 2, sentence: null } });
    expect(rank(q, [far])[0]?.fits).toBe(false);
    const near = mentor('a', { ...newspaper, meaning: { similarity: 0.3, standing: 2, sentence: null } });
    expect(rank(q, [near])[0]?.fits).toBe(true);
  });

  it('a skill fits whatever the meaning says', () => {
    const ranked = rank(ask('React hooks question'), [mentor('a', { skills: ['react-hooks'], ...meant(0) })]);
    expect(ranked[0]?.fits).toBe(true);
  });
});

describe('no-shows', () => {
  it('a mentor who missed sessions lately ranks below an equal one; old ones are forgiven', () => {
    const q = ask('React hooks question');
    const missed = { count: 2, lastAt: new Date(NOW.getTime() - 10 * DAY) };
    const ranked = rank(q, [
      mentor('a', { skills: ['react-hooks'], noShows: missed }),
      mentor('z', { skills: ['react-hooks'] }),
    ]);
    expect(ids(ranked)).toEqual(['z', 'a']);
    expect(byId(ranked, 'a').signals.noShow).toBe(1);
    // Still a topical match: above any mentor who does not fit.
    expect(byId(ranked, 'a').score).toBeGreaterThan(0);

    const forgiven = rank(q, [
      mentor('a', {
        skills: ['react-hooks'],
        noShows: { count: 5, lastAt: new Date(NOW.getTime() - 200 * DAY) },
      }),
      mentor('z', { skills: ['react-hooks'] }),
    ]);
    expect(byId(forgiven, 'a').signals.noShow).toBe(0);
  });
});
