import { resolve } from 'node:path';

// How the pages build (vite.config.ts) splits the shared code. Left to itself, Rolldown makes a
// chunk for every set of entries that share modules: a console page then fetches ten files, and
// gzip, which compresses each file on its own, pays for every one of them. Two groups instead:
// - `core`: what the learner flow shares with any other entry (Lit, the SDK, the base styles and
//   words): the flow is its entry plus this one file, and every other page reuses it;
// - `shared`: what two or more of the other entries (and the parts they import later) share
//   beyond the core: the consoles' frame, catalogues and panels.
// What one entry alone needs stays in its own file.

/** The part of a Rolldown module's info this reads. */
interface ModuleInfo {
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}
interface ChunkingContext {
  getModuleInfo(id: string): ModuleInfo | null;
}

/** The group for each module id, from the entries (root-relative sources; the flow's first). */
export function chunkGroups(root: string, entries: readonly string[]) {
  let groups: Map<string, string> | undefined;

  const compute = (ctx: ChunkingContext): Map<string, string> => {
    const closure = (start: string, dynamicRoots: Set<string>): Set<string> => {
      const seen = new Set<string>();
      const visit = (id: string): void => {
        if (seen.has(id)) return;
        const info = ctx.getModuleInfo(id);
        if (!info) return;
        seen.add(id);
        for (const next of info.dynamicallyImportedIds) dynamicRoots.add(next);
        for (const next of info.importedIds) visit(next);
      };
      visit(start);
      return seen;
    };
    // Every file a page may fetch on its own: the entries, then whatever they import() later.
    const roots = entries.map((entry) => resolve(root, entry));
    const closures = new Map<string, Set<string>>();
    for (let i = 0; i < roots.length; i++) {
      const dynamicRoots = new Set<string>();
      closures.set(roots[i]!, closure(roots[i]!, dynamicRoots));
      for (const next of dynamicRoots) if (!roots.includes(next)) roots.push(next);
    }
    const flow = closures.get(roots[0]!)!;
    const out = new Map<string, string>();
    const users = new Map<string, number[]>();
    roots.forEach((rootId, index) => {
      if (index === 0) return;
      for (const id of closures.get(rootId)!) users.set(id, [...(users.get(id) ?? []), index]);
    });
    for (const [id, by] of users) {
      if (roots.includes(id)) continue; // an entry or a lazily imported file keeps its own chunk
      if (flow.has(id)) out.set(id, 'core');
      else if (by.length >= 2) out.set(id, `shared-${by.join('-')}`);
    }
    return out;
  };

  return (id: string, ctx: ChunkingContext): string | null => {
    groups ??= compute(ctx);
    return groups.get(id) ?? null;
  };
}
