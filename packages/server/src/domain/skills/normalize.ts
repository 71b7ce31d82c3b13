import { SKILLS, type SkillEntry } from './taxonomy.js';

/** Letters that Unicode decomposition leaves alone but that have an obvious ASCII spelling. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Turns free text into a kebab-case skill slug, without consulting the taxonomy.
 *
 * - trims, lowercases and strips diacritics (`Résumé` → `resume`);
 * - keeps the meaning of the usual symbols: `C++` → `cpp`, `C#` → `csharp`, `.NET` → `dotnet`,
 *   `R&D` → `r-and-d`;
 * - drops a dot inside a word (`Node.js` → `nodejs`, `ASP.NET` → `aspnet`) but treats one between
 *   digits as a separator (`Python 3.12` → `python-3-12`);
 * - drops apostrophes, turns every other run of non-alphanumerics into one `-`, and trims dashes.
 *
 * Letters and digits of any script are kept, so non-Latin tags survive. Returns `''` when
 * nothing is left (e.g. `'  '` or `'!!'`).
 */
export function slugifySkill(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (c) => LETTER_FOLDS[c] ?? c)
    .trim()
    .replace(/['’‘`]/g, '')
    .replace(/\+\+/g, 'pp')
    .replace(/(\p{L})#/gu, '$1sharp')
    .replace(/&/g, ' and ')
    .replace(/(^|[^\p{L}\p{N}])\.(?=\p{L})/gu, '$1dot')
    .replace(/(?<=[\p{L}\p{N}])\.(?=\p{L})/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Slugified synonym or label → canonical slug. Canonical slugs map to themselves and always win. */
const FOLDS: ReadonlyMap<string, string> = buildFolds();

function buildFolds(): Map<string, string> {
  const folds = new Map<string, string>();
  for (const slug of Object.keys(SKILLS)) folds.set(slug, slug);
  for (const [slug, entry] of Object.entries(SKILLS)) {
    for (const alias of [entry.label, ...entry.synonyms]) {
      const key = slugifySkill(alias);
      if (key !== '' && !folds.has(key)) folds.set(key, slug);
    }
  }
  return folds;
}

function entryFor(slug: string): SkillEntry | undefined {
  return Object.hasOwn(SKILLS, slug) ? SKILLS[slug] : undefined;
}

/**
 * The canonical form of one skill: slugified, then folded onto its taxonomy slug when it is a known
 * synonym or label (`JS` → `javascript`, ` Postgres ` → `postgresql`, `k8s` → `kubernetes`).
 *
 * Skills outside the taxonomy are allowed as free tags and keep their slug. Never throws: input that
 * slugifies to nothing yields `''`, and it is the caller's job to reject or drop it.
 */
export function normalizeSkill(raw: string): string {
  const slug = slugifySkill(raw);
  return FOLDS.get(slug) ?? slug;
}

/** Normalizes each skill, drops empty results and de-duplicates, keeping first-occurrence order. */
export function normalizeSkills(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const skill of raw) {
    const slug = normalizeSkill(skill);
    if (slug !== '') seen.add(slug);
  }
  return [...seen];
}

/** Whether `slug` is exactly a canonical taxonomy slug (synonyms and unnormalized text are not). */
export function isKnownSkill(slug: string): boolean {
  return entryFor(slug) !== undefined;
}

/**
 * Closely related canonical slugs for a skill, from the taxonomy; `[]` for free tags.
 * The argument is normalized first, so a synonym (`k8s`) works as well as the slug.
 */
export function relatedSkills(slug: string): readonly string[] {
  return entryFor(normalizeSkill(slug))?.related ?? [];
}

/**
 * Human-readable label: the taxonomy's (`postgres` → `PostgreSQL`), or for free tags the
 * normalized slug title-cased (`home-automation` → `Home Automation`).
 */
export function skillLabel(slug: string): string {
  const normalized = normalizeSkill(slug);
  const entry = entryFor(normalized);
  if (entry) return entry.label;
  return normalized
    .split('-')
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
