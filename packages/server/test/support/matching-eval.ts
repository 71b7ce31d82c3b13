import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MentorProfile } from './fixtures.js';

export interface EvalMentor extends MentorProfile {
  key: string;
  rating?: { sum: number; count: number };
  sessions?: number;
}

export interface EvalRequest {
  key: string;
  title: string;
  details: string;
  skills?: string[];
  format?: string;
  urgency: string;
  languages?: string[];
  context?: Record<string, string>;
  relevant: string[];
  why: string;
  /** In the in-context set: the page disagrees with the question, or breaks a tie in it. */
  kind?: 'disagree' | 'tie-break';
}

export interface EvalSet {
  mentors: EvalMentor[];
  requests: EvalRequest[];
}

export function loadEvalSet(): EvalSet {
  const file = fileURLToPath(new URL('../fixtures/matching-eval.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as EvalSet;
}

/**
 * The request sets judged over the same 66 mentors as `matching-eval.json`. In `unanswerable`
 * nobody can help: every `relevant` list is empty and the right answer is no match at all.
 */
export type RequestSetName = 'in-context' | 'paraphrase' | 'unanswerable';

export function loadRequests(name: RequestSetName): EvalRequest[] {
  const file = fileURLToPath(new URL(`../fixtures/matching-eval-${name}.json`, import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { requests: EvalRequest[] }).requests;
}

/** The body `POST /v1/requests` gets for one judged request (the eval test's and the bench's). */
export function requestBody(r: EvalRequest): Record<string, unknown> {
  return {
    title: r.title,
    details: r.details,
    urgency: r.urgency,
    ...(r.skills ? { skills: r.skills } : {}),
    ...(r.format ? { format: r.format } : {}),
    ...(r.languages ? { languages: r.languages } : {}),
    ...(r.context ? { context: r.context } : {}),
  };
}

export interface EvalScores {
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  /** Share of requests answered with no mentor at all: what an unanswerable set wants (1). */
  noMatch: number;
  misses: { key: string; got: string[]; want: string[] }[];
}

/** hit@k: a relevant mentor among the first k; MRR: mean of 1 / rank of the first relevant one. */
export function score(set: EvalSet, ranked: Map<string, string[]>): EvalScores {
  let h1 = 0;
  let h3 = 0;
  let rr = 0;
  let none = 0;
  const misses: EvalScores['misses'] = [];
  for (const r of set.requests) {
    const got = ranked.get(r.key) ?? [];
    if (got.length === 0) none += 1;
    const first = got.findIndex((k) => r.relevant.includes(k));
    if (first === 0) h1 += 1;
    if (first >= 0 && first < 3) h3 += 1;
    else misses.push({ key: r.key, got: got.slice(0, 3), want: r.relevant });
    if (first >= 0) rr += 1 / (first + 1);
  }
  const n = set.requests.length;
  return { hitAt1: h1 / n, hitAt3: h3 / n, mrr: rr / n, noMatch: none / n, misses };
}
