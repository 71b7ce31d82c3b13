import { describe, expect, it } from 'vitest';
import { isKnownSkill } from '../domain/skills/normalize.js';
import { DEMO_SEED, demoMentors } from './mentors.js';

const mentors = demoMentors();

/** Skills that identify each field, independent of how the generator is organised. */
const FIELD_SIGNATURES: Readonly<Record<string, readonly string[]>> = {
  web: [
    'react',
    'javascript',
    'typescript',
    'css',
    'html',
    'node',
    'django',
    'rails',
    'laravel',
    'vue',
    'angular',
  ],
  mobile: ['ios', 'android', 'swift', 'kotlin', 'flutter', 'react-native'],
  data: ['sql', 'postgresql', 'excel', 'power-bi', 'tableau', 'dbt', 'spark', 'data-engineering', 'pandas'],
  ml: ['machine-learning', 'deep-learning', 'pytorch', 'llms', 'nlp', 'computer-vision', 'mlops'],
  cloud: ['aws', 'gcp', 'azure', 'docker', 'kubernetes', 'terraform', 'ci-cd', 'site-reliability'],
  security: ['application-security', 'owasp', 'penetration-testing', 'threat-modeling', 'cloud-security'],
  design: ['ux-design', 'ui-design', 'figma', 'user-research', 'product-design'],
  product: ['product-management', 'roadmapping', 'product-strategy', 'agile', 'growth', 'startups'],
  careers: [
    'career-change',
    'interviewing',
    'resume-review',
    'salary-negotiation',
    'job-search',
    'career-growth',
  ],
  leadership: ['engineering-management', 'people-management', 'tech-leadership', 'hiring'],
  writing: ['technical-writing', 'documentation', 'copywriting', 'ux-writing', 'blogging'],
};

describe('demoMentors', () => {
  it('is deterministic for a seed and varies across seeds', () => {
    expect(demoMentors()).toEqual(mentors);
    expect(demoMentors(DEMO_SEED, 60)).toEqual(mentors);
    expect(demoMentors(7)).toEqual(demoMentors(7));
    expect(demoMentors(7)).not.toEqual(mentors);
  });

  it('returns exactly `count` mentors', () => {
    expect(mentors).toHaveLength(60);
    expect(demoMentors(1, 0)).toEqual([]);
    expect(demoMentors(1, 5)).toHaveLength(5);
    expect(demoMentors(1, 250)).toHaveLength(250);
    expect(() => demoMentors(1, -1)).toThrow(RangeError);
    expect(() => demoMentors(1, 2.5)).toThrow(RangeError);
  });

  it('numbers external ids sequentially', () => {
    expect(mentors.map((m) => m.externalId).slice(0, 3)).toEqual([
      'demo-mentor-001',
      'demo-mentor-002',
      'demo-mentor-003',
    ]);
  });

  it('has unique names and external ids, even for large counts', () => {
    for (const list of [mentors, demoMentors(99, 400)]) {
      expect(new Set(list.map((m) => m.name)).size).toBe(list.length);
      expect(new Set(list.map((m) => m.externalId)).size).toBe(list.length);
    }
  });

  it('lists 3–7 distinct canonical skills per mentor', () => {
    for (const seed of [DEMO_SEED, 1, 2, 3]) {
      for (const mentor of demoMentors(seed)) {
        expect(mentor.skills.length, mentor.name).toBeGreaterThanOrEqual(3);
        expect(mentor.skills.length, mentor.name).toBeLessThanOrEqual(7);
        expect(new Set(mentor.skills).size, mentor.name).toBe(mentor.skills.length);
        for (const skill of mentor.skills) expect(isKnownSkill(skill), `${mentor.name}: ${skill}`).toBe(true);
      }
    }
  });

  it('covers every field of expertise', () => {
    for (const [field, signature] of Object.entries(FIELD_SIGNATURES)) {
      const covered = mentors.some((m) => m.skills.some((skill) => signature.includes(skill)));
      expect(covered, field).toBe(true);
    }
  });

  it('has valid time zones from around the world', () => {
    for (const mentor of mentors) {
      expect(
        () => new Intl.DateTimeFormat(undefined, { timeZone: mentor.timeZone }),
        mentor.timeZone,
      ).not.toThrow();
    }
    const continents = new Set(mentors.map((m) => m.timeZone.split('/')[0]));
    for (const continent of ['America', 'Europe', 'Africa', 'Asia']) expect(continents).toContain(continent);
    expect(new Set(mentors.map((m) => m.timeZone)).size).toBeGreaterThanOrEqual(15);
  });

  it('has plausible languages, formats, session lengths and experience', () => {
    for (const mentor of demoMentors(DEMO_SEED, 200)) {
      expect(mentor.languages.length, mentor.name).toBeGreaterThan(0);
      expect(new Set(mentor.languages).size, mentor.name).toBe(mentor.languages.length);
      for (const code of mentor.languages) expect(code, mentor.name).toMatch(/^[a-z]{2}$/);
      expect(mentor.formats.length, mentor.name).toBeGreaterThan(0);
      expect(new Set(mentor.formats).size, mentor.name).toBe(mentor.formats.length);
      for (const format of mentor.formats) expect(['video', 'call', 'chat']).toContain(format);
      expect(mentor.sessionLengths.length, mentor.name).toBeGreaterThan(0);
      for (const minutes of mentor.sessionLengths) expect([15, 30]).toContain(minutes);
      expect(Number.isInteger(mentor.yearsExperience)).toBe(true);
      expect(mentor.yearsExperience).toBeGreaterThanOrEqual(1);
      expect(mentor.yearsExperience).toBeLessThanOrEqual(30);
    }
  });

  it('is mostly English-speaking, with some Spanish speakers and one or two non-English mentors', () => {
    const english = mentors.filter((m) => m.languages.includes('en'));
    expect(english.length).toBeGreaterThanOrEqual(mentors.length - 2);
    expect(english.length).toBeLessThan(mentors.length);
    expect(mentors.filter((m) => m.languages.includes('es')).length).toBeGreaterThanOrEqual(3);
  });

  it('skews experience towards 4–15 years', () => {
    const mid = mentors.filter((m) => m.yearsExperience >= 4 && m.yearsExperience <= 15);
    expect(mid.length / mentors.length).toBeGreaterThan(0.5);
  });

  it('writes real-looking headlines and bios', () => {
    for (const mentor of demoMentors(DEMO_SEED, 200)) {
      const text = `${mentor.name} ${mentor.headline} ${mentor.bio}`;
      expect(text, mentor.name).not.toMatch(/lorem|ipsum|mentor \d|undefined|null|\{\w+\}|\s{2}/i);
      expect(mentor.headline).toContain(' — ');
      expect(mentor.headline.length).toBeLessThanOrEqual(200);
      const sentences = mentor.bio.split(/(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚ])/);
      expect(sentences.length, mentor.bio).toBeGreaterThanOrEqual(2);
      expect(sentences.length, mentor.bio).toBeLessThanOrEqual(4);
      expect(mentor.bio.length).toBeLessThanOrEqual(4000);
    }
    expect(new Set(mentors.map((m) => m.bio)).size).toBe(mentors.length);
    expect(new Set(mentors.map((m) => m.headline)).size).toBeGreaterThan(mentors.length * 0.8);
  });
});
