// custom-elements.json (written by `cem analyze` in `pnpm build`) against the code itself: every
// element the sources register must be in the manifest with the attributes Lit observes, the
// `mm-` events its code dispatches and the parts its templates expose.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface Source {
  path: string;
  text: string;
}

interface ManifestElement {
  tagName?: string;
  name: string;
  summary?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
}

interface Manifest {
  modules: { path: string; declarations?: ManifestElement[] }[];
}

const sources = await executeServerCommand<Source[], undefined>('widget-sources');
const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
const declared = new Map<string, ManifestElement>();
for (const module of manifest.modules)
  for (const declaration of module.declarations ?? [])
    if (declaration.tagName) declared.set(declaration.tagName, declaration);

/**
 * `customElements.define('mm-x', MmX)` (or the learner bundle's `define('mm-x', MmX)`) in the
 * sources: tag, class, and the file defining the class.
 */
const registrations = sources.flatMap(({ path, text }) =>
  [...text.matchAll(/\bdefine\(\s*'(mm-[a-z-]+)',\s*(\w+)\)/g)].map(([, tag, name]) => {
    const source = sources.find((s) => new RegExp(`export (abstract )?class ${name}\\b`).test(s.text));
    if (!source) throw new Error(`no source defines ${name} (registered in ${path})`);
    return { tag: tag as string, name: name as string, registeredIn: path, source };
  }),
);

/** The `mm-` events a class's code dispatches by name (a failed call reports `mm-error`). */
function eventsIn(text: string): string[] {
  const names = [...text.matchAll(/(?:emit|CustomEvent)(?:<[^>(]*>)?\(\s*'(mm-[a-z-]+)'/g)].map((m) => m[1]);
  if (/\bthis\.fail\(/.test(text)) names.push('mm-error');
  return [...new Set(names as string[])];
}

/** The static part names in a class's templates (`part="button slot-button"`). */
function partsIn(text: string): string[] {
  const names = [...text.matchAll(/\bpart="([^"$]+)"/g)].flatMap((m) => (m[1] as string).trim().split(/\s+/));
  return [...new Set(names)];
}

describe('custom-elements.json', () => {
  it('finds the registrations it checks (the learner elements and the consoles among them)', () => {
    const tags = registrations.map((r) => r.tag);
    expect(tags).to.include.members(['mm-ask-expert', 'mm-my-help', 'mm-mentor-console', 'mm-admin-console']);
    expect(new Set(tags).size).to.equal(tags.length);
  });

  it('lists every registered element, with its class and a summary', () => {
    for (const { tag, name } of registrations) {
      const element = declared.get(tag);
      expect(element, `${tag} missing from the manifest`).to.exist;
      expect(element?.name).to.equal(name);
      expect(element?.summary, `${tag} has no @summary`).to.be.a('string').and.not.empty;
    }
  });

  it('lists the attributes each element observes', async () => {
    for (const { tag, registeredIn } of registrations) {
      await import(`/${registeredIn}`);
      const observed = (customElements.get(tag) as unknown as { observedAttributes: string[] })
        .observedAttributes;
      const listed = (declared.get(tag)?.attributes ?? []).map((a) => a.name);
      expect(listed, `${tag} attributes`).to.include.members(observed);
    }
  });

  it('lists the events each element dispatches and the parts its template exposes', () => {
    for (const { tag, source } of registrations) {
      const element = declared.get(tag);
      const events = (element?.events ?? []).map((e) => e.name);
      const parts = (element?.cssParts ?? []).map((p) => p.name);
      expect(events, `${tag} events (@event)`).to.include.members(eventsIn(source.text));
      expect(parts, `${tag} parts (@csspart)`).to.include.members(partsIn(source.text));
    }
  });
});
