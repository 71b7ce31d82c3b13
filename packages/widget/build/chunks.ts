import { resolve } from 'node:path';

// How the pages build (vite.config.ts) splits what its entries share. Left to itself, Rolldown
// makes a chunk for every set of entries that share modules: a console page then fetches ten
// files, and gzip, which compresses each file on its own, pays for every one. Instead, by who
// uses a module (its users: the entries and lazily imported files whose static imports reach it):
// - `core`: what the learner flow shares with any other file (Lit, the SDK, the base styles and
//   words): the flow is its entry and this one chunk, and every other page loads it too. (What
//   the flow shares only with My help, ~1.7 KB gzip, is in it as well: a chunk of its own would
//   spare the consoles that but cost every learner one more file, ~0.5 KB.)
// - `shared-<users>`: what the other entries share, one chunk per set of users, where a part
//   counts as the pages that import it (it is only ever loaded after them) so that their shared
//   code does not split further.
// What one file alone needs stays in that file.

/** The part of a Rolldown module's info this reads. */
interface ModuleInfo {
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}
interface ChunkingContext {
  getModuleInfo(id: string): ModuleInfo | null;
}

export interface ChunkPlan {
  /** The learner flow's entry (root-relative source). */
  flow: string;
  /** The other entries, each with the pages that load it (an entry a page of its own: itself). */
  entries: Record<string, readonly string[]>;
  /**
   * Modules the flow reaches only through a barrel's re-exports and never runs (the SDK's full
   * client): left out of its closure, so that they go with the pages that use them, not into
   * `core`. Were the flow to use one after all, the bundler would still load it from there.
   */
  notFlow?: RegExp;
}

/** Rolldown's `codeSplitting.groups[].name`: each module's group, or null to leave it alone. */
export function chunkGroups(root: string, plan: ChunkPlan) {
  let groups: Map<string, string> | undefined;
  const at = (source: string) => resolve(root, source);

  const compute = (ctx: ChunkingContext): Map<string, string> => {
    // Every file a page may fetch on its own: the entries, then whatever they import() later.
    const roots = [plan.flow, ...Object.keys(plan.entries)].map(at);
    const pagesOf = new Map<string, string[]>(
      Object.entries(plan.entries).map(([source, pages]) => [at(source), pages.map(at)]),
    );
    const closures = new Map<string, Set<string>>();
    for (let i = 0; i < roots.length; i++) {
      const seen = new Set<string>();
      const isFlow = i === 0;
      const visit = (id: string): void => {
        if (seen.has(id)) return;
        if (isFlow && plan.notFlow?.test(id)) return;
        const info = ctx.getModuleInfo(id);
        if (!info) return;
        seen.add(id);
        for (const next of info.dynamicallyImportedIds) if (!roots.includes(next)) roots.push(next);
        for (const next of info.importedIds) visit(next);
      };
      visit(roots[i]!);
      closures.set(roots[i]!, seen);
    }
    const flow = closures.get(at(plan.flow))!;
    const users = new Map<string, Set<string>>();
    for (const [rootId, modules] of closures) {
      if (rootId === at(plan.flow)) continue;
      for (const id of modules) users.set(id, (users.get(id) ?? new Set<string>()).add(rootId));
    }
    const name = (by: Iterable<string>) =>
      [...by]
        .map((user) => roots.indexOf(user))
        .sort((a, b) => a - b)
        .join('-');
    const isPart = (user: string): boolean => {
      const pages = pagesOf.get(user);
      return pages !== undefined && !pages.includes(user);
    };
    const out = new Map<string, string>();
    for (const [id, by] of users) {
      if (roots.includes(id)) continue; // an entry or a lazily imported file keeps its own chunk
      // A part counts as the pages that load it. A module only parts use stays theirs, so that
      // no page loads it before it shows a part.
      const pages = [...by].some((user) => !isPart(user))
        ? new Set([...by].flatMap((user) => pagesOf.get(user) ?? [user]))
        : by;
      if (flow.has(id)) out.set(id, 'core');
      else if (pages.size >= 2) out.set(id, `shared-${name(pages)}`);
    }
    return out;
  };

  return (id: string, ctx: ChunkingContext): string | null => {
    groups ??= compute(ctx);
    return groups.get(id) ?? null;
  };
}
