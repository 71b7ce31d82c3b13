// Gzip size budgets of what pages download, in bytes, each file gzipped on its own (as it is
// sent): enforced by src/size.test.ts on the built files and printed next to the measured sizes
// by `pnpm bench` (sizes section). What a page downloads is computed from the pages build's
// manifest (dist/pages.manifest.json, see vite.config.ts): an entry with every chunk it imports
// statically, transitively — no chunk name is written down here.

const KB = 1024;

/**
 * Each budget is the size measured, rounded up to the next KB. History: when the widget's bundles
 * became one ES-module graph with shared chunks (issue #20), in bytes, with the IIFE-per-bundle
 * build before it in brackets: learner flow 27,520 (24,550, one file with only the SDK's core),
 * My help over it 26,925 (36,381: follow-up.js brought its own Lit and SDK), follow-up page 43,768
 * (36,645), mentor console page 45,276 (37,267), admin console page 42,599 (35,311), the settings
 * part over its console 7,147 (15,432), the admin tools 5,302 (14,173). A page that shows one
 * console alone pays more than before: what the pages share is tree-shaken for all of them, and
 * gzip compresses each file on its own. The SDK's full client then moved to a module of its own
 * that the flow leaves out of `core` (-841 B for the flow).
 * Then #18's UI (measured): learner flow 27,227 (no-match choices: ask the program, tell me when
 * a mentor is here, instant help now); My help over the flow 33,998 (+7 KB: next topics, advice
 * side by side with the decision and consent, request another mentor, they didn't come — in three
 * languages); follow-up page 49,416; mentor console page 48,930 (earlier advice, no-show, the
 * program queue); admin console page 44,292 (responsiveness settings, no-shows); parts 6,619 and
 * 5,301.
 * The LTI part (#19, its own file so the admin console's page stays within 44 KB): 10,366 — the
 * per-LMS guides (Moodle, Canvas, Blackboard, Brightspace, Open edX) in three languages are most of it.
 * Then the rest of #18 and #19, measured: My help over the flow 34,897 (the hand-over line, live
 * on request.reassigned: +515 B; no "Reschedule" after the program's limit), follow-up page 50,299,
 * mentor console page 49,341 (the badge credential's public page to share, en/es/fr; the loader
 * naming the LTI part, +13 B on every page). Those three rounded up to the next half KB.
 */
export const BUDGETS = {
  /** dist/widget.js, the loader every host page downloads up front (no Lit). */
  loader: 6 * KB,
  /** A learner's page: the loader + the learner flow (ask, matches, book, confirm). */
  learnerFlow: 27 * KB,
  /** My help opened on top of the learner flow: only the files the flow has not loaded. */
  myHelp: 34.5 * KB,
  /** A page showing <mm-follow-up> (or <mm-leaderboard>) alone: loader + its entry. */
  followUpPage: 49.5 * KB,
  /** A mentor's page: the loader + the mentor console. */
  mentorConsole: 48.5 * KB,
  /** An admin's page: the loader + the admin console. */
  adminConsole: 44 * KB,
  /** Parts a console loads the first time it shows them: only their extra files. */
  parts: {
    /** <mm-calendar-feed>, <mm-email-preferences>, <mm-data-rights>, over the mentor console or My help. */
    settings: 7 * KB,
    /** <mm-audit-log>, <mm-user-data>, over the admin console. */
    adminTools: 6 * KB,
    /** <mm-lti-admin> (the LMS tab: values to paste, platforms, per-LMS guides in 3 languages), over the admin console. */
    lti: 11 * KB,
  },
} as const;

/** One file's record in a Vite manifest: keys are sources (`src/flow-entry.ts`) or `_<chunk file>`. */
export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The loader, not in the manifest (its own IIFE build). */
export const LOADER = 'widget.js';

/** The files the sources `keys` load before they run: their own and every static import's, transitively. */
export function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the pages manifest`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...seen].map((key) => manifest[key]!.file);
}

const minus = (files: string[], loaded: string[]): string[] => files.filter((file) => !loaded.includes(file));

/** What each budgeted download is, in the order they are measured. */
export const DOWNLOADS = {
  loader: 'loader (widget.js)',
  learnerFlow: 'learner flow: loader + flow',
  myHelp: 'My help, over the learner flow',
  followUpPage: 'follow-up page: loader + follow-up',
  mentorConsole: 'mentor console page: loader + console',
  adminConsole: 'admin console page: loader + console',
  settings: 'settings part, over the mentor console or My help',
  adminTools: 'admin tools part, over the admin console',
  lti: 'LTI part, over the admin console',
} as const;
export type DownloadName = keyof typeof DOWNLOADS;

/** One budgeted download: the files it fetches (dist/ names) and their budget. */
export interface Download {
  label: string;
  files: string[];
  budget: number;
}

/** Every budgeted download, from the pages build's manifest. */
export function downloads(manifest: Manifest): Record<DownloadName, Download> {
  const closure = (...sources: string[]) => staticClosure(manifest, sources);
  const flow = [LOADER, ...closure('src/flow-entry.ts')];
  // My help: the flow imports its step (a chunk of its own), and widget.js the follow-up entry.
  const myHelp = [...new Set([...flow, ...closure('src/my-help/my-help.ts', 'src/follow-up-entry.ts')])];
  const mentor = [LOADER, ...closure('src/mentor-console-entry.ts')];
  const admin = [LOADER, ...closure('src/admin-console-entry.ts')];
  const settings = closure('src/settings-part.ts');
  // The settings part over whichever of its two hosts leaves more of it to download.
  const settingsExtra = [minus(settings, mentor), minus(settings, myHelp)].sort(
    (a, b) => b.length - a.length,
  )[0]!;
  const files: Record<DownloadName, string[]> = {
    loader: [LOADER],
    learnerFlow: flow,
    myHelp: minus(myHelp, flow),
    followUpPage: [LOADER, ...closure('src/follow-up-entry.ts')],
    mentorConsole: mentor,
    adminConsole: admin,
    settings: settingsExtra,
    adminTools: minus(closure('src/admin-part.ts'), admin),
    lti: minus(closure('src/lti-part.ts'), admin),
  };
  const budget = (name: DownloadName): number =>
    name === 'settings' || name === 'adminTools' || name === 'lti' ? BUDGETS.parts[name] : BUDGETS[name];
  return Object.fromEntries(
    (Object.keys(DOWNLOADS) as DownloadName[]).map((name) => [
      name,
      { label: DOWNLOADS[name], files: files[name], budget: budget(name) },
    ]),
  ) as Record<DownloadName, Download>;
}
