/**
 * Deterministic demo mentors: varied, plausible profiles generated from a seed, for the demo tenant
 * and for tests and benchmarks that need realistic data. The same seed always gives the same list.
 */
import { LOCALIZED_PERSONAS, type LocalizedPersona, localizedYears } from './localized.js';
import { LANGUAGE_NAMES, REGIONS, type Region, regionByKey } from './names.js';
import {
  FIELDS,
  type FieldProfile,
  GENERAL_CLOSERS,
  GENERAL_COMPANIES,
  GENERAL_INTROS,
  GENERAL_STORIES,
  HELP_TEMPLATES,
  LADDERS,
  PREVIOUS_CAREERS,
  type Story,
  type Track,
} from './profiles.js';
import { createRng, type Rng } from './random.js';

export type DemoFormat = 'video' | 'call' | 'chat';

export interface DemoMentor {
  externalId: string;
  name: string;
  headline: string;
  bio: string;
  /** Canonical taxonomy slugs, 3–7 of them. */
  skills: string[];
  yearsExperience: number;
  /** ISO 639-1 codes, most fluent first. */
  languages: string[];
  /** IANA time zone. */
  timeZone: string;
  formats: DemoFormat[];
  /** Minutes; a non-empty subset of [15, 30]. */
  sessionLengths: number[];
}

export const DEMO_SEED = 20261125;

/**
 * `count` demo mentors generated from `seed` (mulberry32). Every field in profiles.ts is represented
 * once `count` reaches the number of fields; from 30 mentors on, one in thirty (at most two) is a
 * Spanish- or Portuguese-only mentor with a profile in that language. Names and external ids
 * (`demo-mentor-001`, …) are unique.
 */
export function demoMentors(seed: number = DEMO_SEED, count = 60): DemoMentor[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const rng = createRng(seed);
  const names = new Set<string>();
  return planSlots(rng, count).map((slot, index) => {
    const externalId = `demo-mentor-${String(index + 1).padStart(3, '0')}`;
    return slot.kind === 'field'
      ? englishMentor(rng, names, externalId, slot.profile)
      : localizedMentor(rng, names, externalId, slot.persona);
  });
}

type Slot = { kind: 'field'; profile: FieldProfile } | { kind: 'localized'; persona: LocalizedPersona };

function planSlots(rng: Rng, count: number): Slot[] {
  const firstOfEach = rng.shuffle(FIELDS);
  const slots: Slot[] = [];
  for (let i = 0; i < count; i++) {
    const profile = firstOfEach[i] ?? rng.weighted(FIELDS, (f) => f.weight);
    slots.push({ kind: 'field', profile });
  }
  const localized = Math.min(2, Math.floor(count / 30));
  const positions = rng.sample(range(FIELDS.length, count), localized);
  const personas = rng.sample(LOCALIZED_PERSONAS, localized);
  positions.forEach((position, i) => {
    const persona = personas[i];
    if (persona) slots[position] = { kind: 'localized', persona };
  });
  return slots;
}

function englishMentor(rng: Rng, names: Set<string>, externalId: string, profile: FieldProfile): DemoMentor {
  const { name, region, timeZone, city } = person(rng, names);
  const languages = languagesFor(rng, region);
  let yearsExperience = sampleYears(rng);
  if (profile.minYears !== undefined && yearsExperience < profile.minYears) {
    yearsExperience = profile.minYears + rng.int(0, 8);
  }
  const eligible = profile.tracks.filter((t) => (t.minYears ?? 0) <= yearsExperience);
  const track = rng.pick(eligible.length > 0 ? eligible : profile.tracks);
  const freelance = typeof track.role === 'string' && profile.freelance && rng.chance(0.08);
  const role = roleFor(rng, profile, track, yearsExperience, freelance);
  const company = freelance
    ? undefined
    : rng.chance(profile.ownCompanyShare)
      ? rng.pick(profile.companies)
      : rng.pick(GENERAL_COMPANIES);
  const title = company ? `${capitalize(role)} at ${company}` : `Freelance ${role}`;
  const headline = `${title} — ${track.focus}`;

  const skills = unique([
    ...track.lead,
    ...rng.sample(track.more, rng.int(0, 3)),
    ...(rng.chance(0.5) ? [rng.pick(profile.extras)] : []),
  ]).slice(0, 7);

  const sessionLengths = sessionLengthsFor(rng);
  const sentences: string[] = [];
  sentences.push(
    fill(rng.pick([...profile.intros, ...profile.intros, ...GENERAL_INTROS]), {
      years: yearsPhrase(yearsExperience),
      where: company ? `at ${company}` : 'working freelance',
      role: withArticle(role),
    }),
  );
  const story = rng.chance(0.85) ? pickStory(rng, track, profile, yearsExperience) : undefined;
  if (story) sentences.push(story);
  const [a, b] = rng.sample(track.help, 2);
  sentences.push(fill(rng.pick(HELP_TEMPLATES), { a: a ?? '', b: b ?? '' }));
  if (rng.chance(0.55)) sentences.push(closer(rng, { languages, city, sessionLengths, story }));

  return {
    externalId,
    name,
    headline,
    bio: sentences.join(' '),
    skills,
    yearsExperience,
    languages,
    timeZone,
    formats: formatsFor(rng),
    sessionLengths,
  };
}

function localizedMentor(
  rng: Rng,
  names: Set<string>,
  externalId: string,
  persona: LocalizedPersona,
): DemoMentor {
  const { name, timeZone } = person(rng, names, regionByKey(rng.pick(persona.regions)));
  const yearsExperience = Math.max(3, sampleYears(rng));
  const company = rng.pick(persona.companies);
  const preposition = persona.language === 'es' ? 'en' : 'em';
  const sentences = [
    fill(rng.pick(persona.intros), { years: localizedYears(persona.language, yearsExperience), company }),
  ];
  if (rng.chance(0.85)) sentences.push(rng.pick(persona.stories));
  sentences.push(rng.pick(persona.help));
  sentences.push(rng.pick(persona.closers));
  return {
    externalId,
    name,
    headline: `${persona.title} ${preposition} ${company} — ${persona.focus}`,
    bio: sentences.join(' '),
    skills: unique([...persona.skills, ...rng.sample(persona.more, rng.int(0, 2))]),
    yearsExperience,
    languages: [persona.language],
    timeZone,
    formats: formatsFor(rng),
    sessionLengths: sessionLengthsFor(rng),
  };
}

interface Person {
  name: string;
  region: Region;
  timeZone: string;
  city: string;
}

function person(rng: Rng, names: Set<string>, fixedRegion?: Region): Person {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const region = fixedRegion ?? rng.weighted(REGIONS, (r) => r.weight);
    const first = rng.pick(region.firstNames);
    const last = rng.pick(region.lastNames);
    // Once plain first/last pairs run short, a middle initial keeps names unique.
    const name =
      attempt < 50 ? `${first} ${last}` : `${first} ${String.fromCharCode(65 + rng.int(0, 25))}. ${last}`;
    if (names.has(name)) continue;
    names.add(name);
    const [timeZone, city] = rng.pick(region.places);
    return { name, region, timeZone, city };
  }
  throw new RangeError('ran out of unique demo mentor names');
}

function languagesFor(rng: Rng, region: Region): string[] {
  const languages = [...region.languages];
  for (const [code, probability] of region.extraLanguages ?? []) {
    if (!languages.includes(code) && rng.chance(probability)) languages.push(code);
  }
  return languages;
}

/** 1–30 years, mostly 4–15. */
function sampleYears(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.1) return rng.int(1, 3);
  if (roll < 0.85) return rng.int(4, 15);
  return rng.int(16, 30);
}

function roleFor(rng: Rng, profile: FieldProfile, track: Track, years: number, freelance: boolean): string {
  if (typeof track.role !== 'string') return highestStep(track.role, years) ?? track.role[0]?.[1] ?? '';
  if (freelance) return track.role;
  const prefix = rng.pick(highestStep(LADDERS[profile.ladder], years) ?? ['']);
  return prefix === '' ? track.role : `${prefix.toLowerCase()} ${track.role}`;
}

function highestStep<T>(steps: readonly (readonly [number, T])[], years: number): T | undefined {
  let found: T | undefined;
  for (const [minYears, value] of steps) if (minYears <= years) found = value;
  return found;
}

/** Mentions of an earlier life that a "I switched into tech from …" closer would contradict. */
const BACKSTORY = /\b(from|bootcamp|started|learned to code|before)\b/i;

function pickStory(rng: Rng, track: Track, profile: FieldProfile, years: number): string | undefined {
  const fits = (story: Story) => (story.minYears ?? 0) <= years;
  const own = track.stories.filter(fits);
  const shared = [...profile.stories, ...GENERAL_STORIES].filter(fits);
  const pool = own.length > 0 && (shared.length === 0 || rng.chance(0.75)) ? own : shared;
  return pool.length > 0 ? rng.pick(pool).text : undefined;
}

function closer(
  rng: Rng,
  context: { languages: readonly string[]; city: string; sessionLengths: readonly number[]; story?: string },
): string {
  const otherLanguage = context.languages.find((code) => code !== 'en');
  const otherLanguageName = otherLanguage ? LANGUAGE_NAMES[otherLanguage] : undefined;
  if (otherLanguageName && context.languages.includes('en') && rng.chance(0.4)) {
    return rng.pick([
      `I'm also happy to talk in ${otherLanguageName}.`,
      `Sessions in ${otherLanguageName} are welcome too.`,
    ]);
  }
  const pool = GENERAL_CLOSERS.filter(
    (text) => !text.includes('{previous}') || !BACKSTORY.test(context.story ?? ''),
  );
  pool.push(
    `I'm based in ${context.city} and happy to meet outside office hours if that suits your time zone.`,
  );
  if (context.sessionLengths.includes(15)) {
    pool.push("Fifteen minutes is often enough to get unstuck, so don't hesitate to book a short session.");
  }
  return fill(rng.pick(pool), { previous: rng.pick(PREVIOUS_CAREERS) });
}

function formatsFor(rng: Rng): DemoFormat[] {
  const formats: DemoFormat[] = [];
  if (rng.chance(0.8)) formats.push('video');
  if (rng.chance(0.5)) formats.push('call');
  if (rng.chance(0.6)) formats.push('chat');
  return formats.length > 0 ? formats : ['video'];
}

function sessionLengthsFor(rng: Rng): number[] {
  const roll = rng.next();
  if (roll < 0.5) return [15, 30];
  return roll < 0.75 ? [30] : [15];
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "a year", "seven years", "12 years". */
function yearsPhrase(years: number): string {
  if (years === 1) return 'a year';
  return `${NUMBER_WORDS[years] ?? String(years)} years`;
}

/** "a senior iOS engineer", "an engineering manager", "an MLOps engineer", "a UX designer". */
function withArticle(phrase: string): string {
  return `${/^(?:[aeio]|u(?![xi])|mlops\b|nlp\b)/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

/** Upper-cases the first letter unless the first word is already mixed-case ("iOS"). */
function capitalize(text: string): string {
  return /^[a-z][a-z]/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`demo template is missing {${key}}: ${template}`);
    return value;
  });
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
