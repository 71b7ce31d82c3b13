import { contentWords } from './content-words.js';
import { agrees, type Overlap, overlapOf } from './similarity.js';

/** One action item or one sentence of a mentor's notes on the question. */
export interface AdvicePiece {
  /** The action item's id, or `<bookingId>#<n>` / `<messageId>#<n>` for a sentence of notes. */
  id: string;
  kind: 'action_item' | 'note';
  text: string;
}

export interface MentorAdvice {
  mentorId: string;
  mentorName: string;
  pieces: readonly AdvicePiece[];
}

export interface PieceRef extends AdvicePiece {
  mentorId: string;
}

export type AdviceExplanation =
  | { code: 'agree'; text: string; params: { shared: string[]; similarity: number } }
  | {
      code: 'differs';
      text: string;
      params: { shared: string[]; similarity: number; closestMentorId: string; closest: string };
    }
  | { code: 'only_one_mentor'; text: string; params: { mentorName: string } };

export interface Agreement {
  pieces: [PieceRef, PieceRef];
  explanation: Extract<AdviceExplanation, { code: 'agree' }>;
}

export interface Difference {
  piece: PieceRef;
  explanation: Extract<AdviceExplanation, { code: 'differs' | 'only_one_mentor' }>;
}

export interface AdviceComparison {
  agreements: Agreement[];
  differences: Difference[];
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Where mentors agree and where they differ on one question. Every piece of one mentor is
 * compared with every piece of each other mentor by the overlap of their content words
 * (similarity.ts): a pair that overlaps enough is an agreement, explained by the words they
 * share. A piece that agrees with no other mentor's is a difference: `differs` when another
 * mentor touched the same thing (its closest piece shares a word) but said it otherwise — read
 * both before deciding — and `only_one_mentor` when no other mentor spoke of it at all.
 * Deterministic: mentors and pieces in the order given, ties to the first.
 */
export function compareAdvice(
  mentors: readonly MentorAdvice[],
  languages: readonly string[] = [],
): AdviceComparison {
  const words = mentors.map((m) => m.pieces.map((p) => contentWords(p.text, languages)));
  const ref = (i: number, j: number): PieceRef => ({
    mentorId: mentors[i]!.mentorId,
    ...mentors[i]!.pieces[j]!,
  });
  const agreements: Agreement[] = [];
  const agreed = new Set<string>();
  const closest = new Map<string, { overlap: Overlap; mentor: number; piece: number }>();
  const keep = (key: string, overlap: Overlap, mentor: number, piece: number) => {
    const best = closest.get(key);
    if (!best || overlap.jaccard > best.overlap.jaccard) closest.set(key, { overlap, mentor, piece });
  };
  for (let a = 0; a < mentors.length; a++) {
    for (let b = a + 1; b < mentors.length; b++) {
      for (let i = 0; i < words[a]!.length; i++) {
        for (let j = 0; j < words[b]!.length; j++) {
          const overlap = overlapOf(words[a]![i]!, words[b]![j]!);
          keep(`${a}:${i}`, overlap, b, j);
          keep(`${b}:${j}`, overlap, a, i);
          if (!agrees(overlap)) continue;
          agreed.add(`${a}:${i}`).add(`${b}:${j}`);
          const similarity = round(overlap.jaccard);
          agreements.push({
            pieces: [ref(a, i), ref(b, j)],
            explanation: {
              code: 'agree',
              text: `${mentors[a]!.mentorName} and ${mentors[b]!.mentorName} both advise on: ${overlap.shared.join(', ')}.`,
              params: { shared: overlap.shared, similarity },
            },
          });
        }
      }
    }
  }
  const differences: Difference[] = [];
  for (let a = 0; a < mentors.length; a++) {
    for (let i = 0; i < words[a]!.length; i++) {
      const key = `${a}:${i}`;
      if (agreed.has(key)) continue;
      const near = closest.get(key);
      const name = mentors[a]!.mentorName;
      if (near && near.overlap.shared.length > 0) {
        const other = mentors[near.mentor]!;
        const text = other.pieces[near.piece]!.text;
        differences.push({
          piece: ref(a, i),
          explanation: {
            code: 'differs',
            text: `${other.mentorName} also spoke of ${near.overlap.shared.join(', ')} but advised: “${text}”.`,
            params: {
              shared: near.overlap.shared,
              similarity: round(near.overlap.jaccard),
              closestMentorId: other.mentorId,
              closest: text,
            },
          },
        });
      } else {
        differences.push({
          piece: ref(a, i),
          explanation: {
            code: 'only_one_mentor',
            text: `Only ${name} advised this.`,
            params: { mentorName: name },
          },
        });
      }
    }
  }
  return { agreements, differences };
}
