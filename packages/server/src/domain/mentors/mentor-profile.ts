import type { MentorRow } from '../../db/database.js';
import type { Badge, Mentor } from '../../schemas/mentors.js';
import { InvalidInputError } from '../errors.js';
import { normalizeSkills } from '../skills/normalize.js';

/** The API's view of a mentor row: camelCase, stats derived, internals left out. */
export function toMentor(row: MentorRow): Mentor {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    headline: row.headline,
    bio: row.bio,
    skills: row.skills,
    yearsExperience: row.years_experience,
    languages: row.languages,
    timeZone: row.time_zone,
    formats: row.formats,
    status: row.status,
    stats: {
      sessions: row.sessions_count,
      rating: row.rating_count > 0 ? Math.round((row.rating_sum / row.rating_count) * 100) / 100 : null,
      ratingCount: row.rating_count,
      medianResponseMinutes: row.median_response_minutes,
    },
    // The cache on the row (domain/recognition/badges.ts writes it with mentor_badges).
    badges: (row.badges ?? []) as Badge[],
    hasCallBridge: row.call_bridge !== null,
  };
}

/** Normalises skill tags (synonyms folded, kebab-case, de-duplicated); none left is an error. */
export function cleanSkills(raw: readonly string[], path = 'body.skills'): string[] {
  const skills = normalizeSkills(raw);
  if (skills.length === 0) {
    throw new InvalidInputError('List at least one skill with letters or digits in it.', [
      { path, message: 'no usable skill after normalisation' },
    ]);
  }
  return skills;
}

export function uniqueLanguages(languages: readonly string[]): string[] {
  return [...new Set(languages)];
}
