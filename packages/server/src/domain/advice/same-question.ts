import { contentWords } from './content-words.js';
import { overlapOf } from './similarity.js';

export interface AskedRequest {
  id: string;
  title: string;
  skills: readonly string[];
  createdAt: Date;
}

/** A learner's later request is the same question when its title shares half its words with the first's. */
export const SAME_TITLE_JACCARD = 0.5;

/**
 * Which of one learner's requests are the same question, by the first request of each
 * question: a later request is a re-ask of an earlier question when it names the same skills
 * (as a set, possibly none) and its title's content words overlap the first request's title by
 * at least half (Jaccard) — "Why is my SQL query slow?" and "My SQL query is still slow". Sessions
 * and threads of any request of the question are its advice. Compared with the question's first
 * request only, so a chain of small rewordings never drifts to another topic. Returns each
 * request id → its question's id (the first request's id).
 */
export function questionIdsOf(requests: readonly AskedRequest[]): Map<string, string> {
  const ordered = [...requests].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  const firsts: { id: string; skills: string; words: ReadonlySet<string> }[] = [];
  const questionOf = new Map<string, string>();
  for (const request of ordered) {
    const skills = [...new Set(request.skills)].sort().join(',');
    const words = contentWords(request.title);
    const first = firsts.find(
      (q) => q.skills === skills && overlapOf(q.words, words).jaccard >= SAME_TITLE_JACCARD,
    );
    if (first) questionOf.set(request.id, first.id);
    else {
      firsts.push({ id: request.id, skills, words });
      questionOf.set(request.id, request.id);
    }
  }
  return questionOf;
}
