import { SKILLS } from '../skills/taxonomy.js';

/** The taxonomy's related skills of a canonical slug; `[]` for a free tag or an unknown slug. */
export function neighboursOf(slug: string): readonly string[] {
  return Object.hasOwn(SKILLS, slug) ? (SKILLS[slug]?.related ?? []) : [];
}

/** Whether the slug is a canonical taxonomy skill (free tags are never suggested: they may name a person's own words). */
export function isTaxonomySkill(slug: string): boolean {
  return Object.hasOwn(SKILLS, slug);
}
