/**
 * A mentor's notes split into sentences, so one point of a long summary can agree with another
 * mentor's action item. Blank lines, bullets and sentence ends split; empty pieces are dropped.
 */
export function noteSentences(summary: string): string[] {
  return summary
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((s) => s.replace(/^\s*(?:[-*•]|\d+[.)])\s*/u, '').trim())
    .filter((s) => s.length > 0);
}
