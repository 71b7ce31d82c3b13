// Gzip size budgets of what pages download, in bytes: enforced by src/size.test.ts on the built
// bundles and printed next to the measured sizes by `pnpm bench` (sizes section).

const KB = 1024;

export const BUDGETS = {
  /** dist/widget.js, the loader every host page downloads up front. */
  loader: 6 * KB,
  /** The loader plus the learner flow it loads (ask, matches, book, confirm). */
  learnerFlow: 24 * KB,
  /**
   * Each a page of its own (or, for follow-up.js, the learner's "My help" once opened). Each
   * IIFE carries its own Lit, SDK and its three catalogues (en, es, fr).
   */
  consoles: {
    'mentor-console.js': 34 * KB,
    'admin-console.js': 32 * KB,
    // 32 → 33 KB when the board of advisors and instant help's fallback gained the review of a
    // picked time (with the phone step for calls) in all three languages; shared chunks (issue
    // #20) are what brings these bundles down.
    // + 64 bytes (#17): the SDK's `me.export()` and `me.erase()` (in every client with `me`) and
    // the one line that shows <mm-data-rights> in My help; the element itself is in the settings
    // part.
    // + 64 bytes (#18): the SDK's `me.recommendations()` and `me.dismissRecommendation()` (in every
    // client with `me`); the suggestions themselves are not in My help yet.
    // + 64 bytes (#18, responsiveness): the SDK's `requests.anotherMentor()` and `bookings.noShow()`
    // (every full client carries them; measured +37 bytes here); no UI for them in My help yet.
    'follow-up.js': 33 * KB + 192,
  },
  /**
   * Parts the consoles import from beside them when they first show them (build/lazy-parts.ts):
   * each an ES module with its own Lit.
   */
  parts: {
    // 13 → 16 KB when data rights came in (#17): a person's download and erasure of their own data
    // in My help and the mentor console, in three languages, kept out of the console bundles.
    'settings.js': 16 * KB,
    // The admin console's audit log and a user's data on their behalf (#17): the console had under
    // 1 KB left, and this loads only when the Audit log or Settings tab is first shown.
    'admin-tools.js': 15 * KB,
  },
} as const;

/** The learner flow's content-hashed file name, as the loader's code names it. */
export function flowFileIn(loaderCode: string): string | undefined {
  return loaderCode.match(/ask-expert\.[\w-]{8}\.js/)?.[0];
}
