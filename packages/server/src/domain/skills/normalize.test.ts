import { describe, expect, it } from 'vitest';
import {
  isKnownSkill,
  normalizeSkill,
  normalizeSkills,
  relatedSkills,
  skillLabel,
  slugifySkill,
} from './normalize.js';
import { SKILL_AREAS, SKILLS } from './taxonomy.js';

const slugs = Object.keys(SKILLS);

describe('slugifySkill', () => {
  it.each([
    ['Machine Learning', 'machine-learning'],
    ['SQL Joins', 'sql-joins'],
    ['  CI/CD  ', 'ci-cd'],
    ['C++', 'cpp'],
    ['c#', 'csharp'],
    ['F#', 'fsharp'],
    ['.NET Core', 'dotnet-core'],
    ['ASP.NET', 'aspnet'],
    ['Node.js', 'nodejs'],
    ['Python 3.12', 'python-3-12'],
    ['Identity & Access', 'identity-and-access'],
    ["Writer's block", 'writers-block'],
    ['--Weird___spacing!!', 'weird-spacing'],
    ['1:1s', '1-1s'],
  ])('%j → %j', (raw, slug) => {
    expect(slugifySkill(raw)).toBe(slug);
  });

  it('strips diacritics and folds letters decomposition leaves alone', () => {
    expect(slugifySkill('Résumé Review')).toBe('resume-review');
    expect(slugifySkill('Señor Dévélopér')).toBe('senor-developer');
    expect(slugifySkill('Łódź Øresund Straße')).toBe('lodz-oresund-strasse');
  });

  it('keeps letters of non-Latin scripts', () => {
    expect(slugifySkill('機械学習')).toBe('機械学習');
    expect(slugifySkill('Машинное обучение')).toBe('машинное-обучение');
  });

  it('returns an empty string when nothing is left', () => {
    expect(slugifySkill('')).toBe('');
    expect(slugifySkill('   ')).toBe('');
    expect(slugifySkill('!!/--')).toBe('');
  });
});

describe('normalizeSkill', () => {
  it.each([
    ['JS', 'javascript'],
    [' Postgres ', 'postgresql'],
    ['psql', 'postgresql'],
    ['k8s', 'kubernetes'],
    ['React.js', 'react'],
    ['reactjs', 'react'],
    ['Node.js', 'node'],
    ['nodejs', 'node'],
    ['C#', 'csharp'],
    ['.NET', 'dotnet'],
    ['C++', 'cpp'],
    ['golang', 'go'],
    ['TS', 'typescript'],
    ['ML', 'machine-learning'],
    ['UX', 'ux-design'],
    ['GH Actions', 'github-actions'],
    ['Résumé', 'resume-review'],
    ['A/B testing', 'ab-testing'],
    ['Ruby on Rails', 'rails'],
  ])('folds %j into %j', (raw, slug) => {
    expect(normalizeSkill(raw)).toBe(slug);
  });

  it('kebab-cases canonical skills written as words', () => {
    expect(normalizeSkill('Machine Learning')).toBe('machine-learning');
    expect(normalizeSkill('SQL Joins')).toBe('sql-joins');
    expect(normalizeSkill('System   Design')).toBe('system-design');
  });

  it('keeps unknown skills as free-tag slugs', () => {
    expect(normalizeSkill('Home Automation')).toBe('home-automation');
    expect(isKnownSkill(normalizeSkill('Home Automation'))).toBe(false);
  });

  it('does not fold ambiguous abbreviations', () => {
    for (const raw of ['ai', 'pm', 'cv', 'tf', 'rn']) expect(normalizeSkill(raw)).toBe(raw);
  });

  it('returns an empty string for input with no letters or digits', () => {
    expect(normalizeSkill(' - ')).toBe('');
  });

  it('is idempotent', () => {
    for (const raw of ['JS', 'Machine Learning', 'Home Automation', '.NET Core', ...slugs]) {
      const once = normalizeSkill(raw);
      expect(normalizeSkill(once)).toBe(once);
    }
  });
});

describe('normalizeSkills', () => {
  it('normalizes, drops empties and de-duplicates in first-occurrence order', () => {
    expect(
      normalizeSkills(['React.js', 'js', '  ', 'react', 'JavaScript', 'k8s', 'Kubernetes', 'Home lab']),
    ).toEqual(['react', 'javascript', 'kubernetes', 'home-lab']);
  });

  it('returns an empty list for an empty input', () => {
    expect(normalizeSkills([])).toEqual([]);
  });
});

describe('isKnownSkill / relatedSkills / skillLabel', () => {
  it('recognizes canonical slugs only', () => {
    expect(isKnownSkill('postgresql')).toBe(true);
    expect(isKnownSkill('postgres')).toBe(false);
    expect(isKnownSkill('')).toBe(false);
    expect(isKnownSkill('constructor')).toBe(false);
    expect(isKnownSkill('__proto__')).toBe(false);
  });

  it('returns related skills for slugs and synonyms, nothing for free tags', () => {
    expect(relatedSkills('react-hooks')).toEqual(expect.arrayContaining(['react', 'javascript']));
    expect(relatedSkills('k8s')).toEqual(SKILLS.kubernetes?.related);
    expect(relatedSkills('home-automation')).toEqual([]);
    expect(relatedSkills('constructor')).toEqual([]);
  });

  it('labels known skills from the taxonomy and title-cases free tags', () => {
    expect(skillLabel('postgresql')).toBe('PostgreSQL');
    expect(skillLabel('postgres')).toBe('PostgreSQL');
    expect(skillLabel('csharp')).toBe('C#');
    expect(skillLabel('home-automation')).toBe('Home Automation');
    expect(skillLabel('')).toBe('');
  });
});

describe('taxonomy', () => {
  it('has a broad set of skills', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(150);
    expect(slugs.length).toBeLessThanOrEqual(250);
  });

  it('keys are canonical slugs with a label', () => {
    for (const slug of slugs) {
      expect(slugifySkill(slug), slug).toBe(slug);
      expect(SKILLS[slug]?.label.trim(), slug).not.toBe('');
    }
  });

  it('every related reference resolves, is not the skill itself and is not repeated', () => {
    for (const [slug, entry] of Object.entries(SKILLS)) {
      expect(entry.related.length, slug).toBeGreaterThanOrEqual(2);
      expect(entry.related.length, slug).toBeLessThanOrEqual(6);
      expect(new Set(entry.related).size, slug).toBe(entry.related.length);
      for (const related of entry.related) {
        expect(isKnownSkill(related), `${slug} → ${related}`).toBe(true);
        expect(related, slug).not.toBe(slug);
      }
    }
  });

  it('relations are mostly symmetric', () => {
    let links = 0;
    let mutual = 0;
    for (const [slug, entry] of Object.entries(SKILLS)) {
      for (const related of entry.related) {
        links++;
        if (SKILLS[related]?.related.includes(slug)) mutual++;
      }
    }
    expect(mutual / links).toBeGreaterThan(0.75);
  });

  it('synonyms and labels are unique across entries and never collide with another slug', () => {
    const owner = new Map<string, string>(slugs.map((slug) => [slug, slug]));
    for (const [slug, entry] of Object.entries(SKILLS)) {
      const labelKey = slugifySkill(entry.label);
      const labelOwner = owner.get(labelKey);
      expect(labelOwner === undefined || labelOwner === slug, `label ${entry.label} of ${slug}`).toBe(true);
      owner.set(labelKey, slug);
      for (const synonym of entry.synonyms) {
        const key = slugifySkill(synonym);
        expect(key, `synonym ${synonym} of ${slug}`).not.toBe('');
        expect(key, `synonym ${synonym} of ${slug} is redundant`).not.toBe(slug);
        const synonymOwner = owner.get(key);
        expect(synonymOwner, `synonym ${synonym} of ${slug} collides with ${synonymOwner}`).toBeUndefined();
        owner.set(key, slug);
      }
    }
  });

  it('every synonym and label folds back to its skill', () => {
    for (const [slug, entry] of Object.entries(SKILLS)) {
      expect(normalizeSkill(entry.label), entry.label).toBe(slug);
      for (const synonym of entry.synonyms) expect(normalizeSkill(synonym), synonym).toBe(slug);
    }
  });

  it('areas partition the taxonomy', () => {
    const listed = Object.values(SKILL_AREAS).flat();
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...slugs].sort());
  });
});
