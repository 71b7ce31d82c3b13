import { describe, expect, it } from 'vitest';
import { CreateRequestSchema } from '../src/schemas/requests.js';
import { contentWords, sharedContentWords, wordsMatch } from './support/content-words.js';
import {
  type EvalMentor,
  type EvalRequest,
  loadEvalSet,
  loadRequests,
  type RequestSetName,
} from './support/matching-eval.js';

const { mentors, requests: originalRequests } = loadEvalSet();
const mentorByKey = new Map(mentors.map((m) => [m.key, m]));
const sets: Record<Exclude<RequestSetName, 'unanswerable'>, EvalRequest[]> = {
  'in-context': loadRequests('in-context'),
  paraphrase: loadRequests('paraphrase'),
};

const mentorText = (m: EvalMentor) => [m.headline, m.bio, ...m.skills].join(' ');
const requestText = (r: EvalRequest) => `${r.title} ${r.details}`;

describe('content words, the paraphrase checker itself', () => {
  it('drops short words, stopwords and request filler, and splits slugs and punctuation', () => {
    expect(contentWords('Please help: I am stuck with my sql-joins in Python, thanks!')).toEqual([
      'sql',
      'joins',
      'python',
    ]);
    expect(contentWords('Mes déploiements bloquent, ¿por qué?')).toEqual(['déploiements', 'bloquent']);
  });

  it('matches by crude stem and by a prefix of five letters or more', () => {
    expect(wordsMatch('indexes', 'indexing')).toBe(true);
    expect(wordsMatch('managers', 'manage')).toBe(true);
    expect(wordsMatch('postgres', 'postgresql')).toBe(true);
    expect(wordsMatch('leading', 'lead')).toBe(true);
    expect(wordsMatch('lead', 'leadership')).toBe(false);
    expect(wordsMatch('dev', 'developer')).toBe(false);
    expect(wordsMatch('chart', 'charge')).toBe(false);
  });

  it('finds the words an ordinary request shares with its mentor', () => {
    const r01 = originalRequests.find((r) => r.key === 'r01')!;
    expect(sharedContentWords(requestText(r01), mentorText(mentorByKey.get('m01')!))).toEqual(
      expect.arrayContaining(['postgress~postgresql', 'million~millions', 'explain']),
    );
  });
});

describe.each(Object.entries(sets))('the %s set', (_name, requests) => {
  it('has unique keys, 1–4 known relevant mentors and a reason for each request', () => {
    expect(new Set(requests.map((r) => r.key)).size).toBe(requests.length);
    const bad = requests.filter(
      (r) =>
        r.relevant.length < 1 ||
        r.relevant.length > 4 ||
        new Set(r.relevant).size !== r.relevant.length ||
        r.relevant.some((k) => !mentorByKey.has(k)) ||
        r.why.trim() === '',
    );
    expect(bad.map((r) => r.key)).toEqual([]);
  });

  it('sends only what POST /v1/requests accepts', () => {
    const rejected = requests.flatMap(({ key, relevant: _r, why: _w, kind: _k, ...body }) => {
      const parsed = CreateRequestSchema.safeParse(body);
      return parsed.success ? [] : [`${key}: ${parsed.error.message}`];
    });
    expect(rejected).toEqual([]);
  });

  it("judges no mentor relevant who lacks the request's format or every one of its languages", () => {
    const violations = requests.flatMap((r) =>
      r.relevant.flatMap((k) => {
        const m = mentorByKey.get(k)!;
        const wanted = r.languages?.length ? r.languages : ['en'];
        const problems = [
          ...(r.format && !m.formats.includes(r.format) ? [`no ${r.format}`] : []),
          ...(wanted.some((l) => m.languages.includes(l)) ? [] : [`speaks none of ${wanted}`]),
        ];
        return problems.map((p) => `${r.key} → ${k}: ${p}`);
      }),
    );
    expect(violations).toEqual([]);
  });
});

describe('the in-context set', () => {
  const requests = sets['in-context'];

  it('has at least 45 questions the page disagrees with and 10 whose tie the page breaks', () => {
    expect(requests.every((r) => r.kind === 'disagree' || r.kind === 'tie-break')).toBe(true);
    const disagree = requests.filter((r) => r.kind === 'disagree');
    const tieBreak = requests.filter((r) => r.kind === 'tie-break');
    expect(disagree.length).toBeGreaterThanOrEqual(45);
    expect(tieBreak.length).toBeGreaterThanOrEqual(10);
    expect(disagree.every((r) => /^c\d{2}$/.test(r.key))).toBe(true);
    expect(tieBreak.every((r) => /^t\d{2}$/.test(r.key))).toBe(true);
  });

  it('sends a page topic or title with every request', () => {
    expect(requests.filter((r) => !r.context?.topic && !r.context?.pageTitle).map((r) => r.key)).toEqual([]);
  });
});

describe('the paraphrase set', () => {
  const requests = sets.paraphrase;

  it('has at least 45 requests with no context or skills, at most 5 of them in Spanish or French', () => {
    expect(requests.length).toBeGreaterThanOrEqual(45);
    expect(requests.every((r) => /^p\d{2}$/.test(r.key) && !r.context && !r.skills && !r.kind)).toBe(true);
    const otherLanguage = requests.filter((r) => r.languages?.length);
    expect(otherLanguage.length).toBeLessThanOrEqual(5);
    expect(otherLanguage.flatMap((r) => r.languages!).every((l) => l === 'es' || l === 'fr')).toBe(true);
  });

  it('shares no content word between a request and any mentor judged relevant to it', () => {
    const overlaps = requests.flatMap((r) =>
      r.relevant.flatMap((k) => {
        const shared = sharedContentWords(requestText(r), mentorText(mentorByKey.get(k)!));
        return shared.length ? [`${r.key} ↔ ${k}: ${shared.join(', ')}`] : [];
      }),
    );
    expect(overlaps).toEqual([]);
  });
});

describe('the unanswerable set', () => {
  const requests = loadRequests('unanswerable');
  const text = (r: EvalRequest) => `${r.title} ${r.details}`;

  it('has 30+ questions with unique keys, no relevant mentor and a reason each', () => {
    expect(requests.length).toBeGreaterThanOrEqual(30);
    expect(requests.every((r) => /^u\d{2}$/.test(r.key))).toBe(true);
    expect(new Set(requests.map((r) => r.key)).size).toBe(requests.length);
    expect(requests.filter((r) => r.relevant.length !== 0 || r.why.trim() === '').map((r) => r.key)).toEqual(
      [],
    );
  });

  it('asks in English, Spanish and French, with and without a page that has nothing to do with it', () => {
    const languages = requests.map((r) => r.languages?.[0] ?? 'en');
    expect(languages.filter((l) => l === 'es').length).toBeGreaterThanOrEqual(3);
    expect(languages.filter((l) => l === 'fr').length).toBeGreaterThanOrEqual(3);
    expect(languages.every((l) => ['en', 'es', 'fr'].includes(l))).toBe(true);
    const onPage = requests.filter((r) => r.context?.topic && r.context.pageTitle);
    expect(onPage.length).toBeGreaterThanOrEqual(10);
    expect(requests.length - onPage.length).toBeGreaterThanOrEqual(10);
  });

  it('sends only what POST /v1/requests accepts', () => {
    const rejected = requests.flatMap(({ key, relevant: _r, why: _w, ...body }) => {
      const parsed = CreateRequestSchema.safeParse(body);
      return parsed.success ? [] : [`${key}: ${parsed.error.message}`];
    });
    expect(rejected).toEqual([]);
  });

  it('names no skill of any mentor in the pool: nobody there can answer it', () => {
    const poolSkills = new Set(mentors.flatMap((m) => m.skills));
    const named = requests.flatMap((r) =>
      contentWords(text(r))
        .filter((w) => poolSkills.has(w))
        .map((w) => `${r.key}: ${w}`),
    );
    expect(named).toEqual([]);
  });
});
