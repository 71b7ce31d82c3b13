/**
 * Trigram similarity as PostgreSQL's pg_trgm computes it, so that typo tolerance in Node agrees
 * with `similarity()` in the database:
 *
 * - the text is lowercased and split into words on anything that is not a letter or a digit;
 * - each word is padded with two spaces before and one after (`cat` → `"  cat "`);
 * - its trigrams are every run of three consecutive characters of the padded word;
 * - similarity = |shared trigrams| / |union of trigrams|, 0 when either side has none.
 *
 * So `similarity('word', 'two words')` = 4/11 = 0.363636… exactly as pg_trgm documents.
 * Characters are code points (pg_trgm works on characters, not bytes).
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** The set of pg_trgm trigrams of a word or a text (every word of it). */
export function trigrams(word: string): Set<string> {
  const out = new Set<string>();
  for (const match of word.toLowerCase().matchAll(WORD)) {
    const chars = Array.from(`  ${match[0]} `);
    for (let i = 0; i + 3 <= chars.length; i++) {
      out.add(`${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
    }
  }
  return out;
}

/** |a ∩ b| / |a ∪ b| of two trigram sets; 0 when either is empty (as pg_trgm). */
export function trigramSetSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** pg_trgm's `similarity(a, b)`: 1 for identical words, 0 when nothing is shared. */
export function trigramSimilarity(a: string, b: string): number {
  return trigramSetSimilarity(trigrams(a), trigrams(b));
}
