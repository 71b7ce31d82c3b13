import { describe, expect, it } from 'vitest';
import { trigramSetSimilarity, trigramSimilarity, trigrams } from './trigram.js';

describe('trigrams', () => {
  it('pads a word with two spaces before and one after, like pg_trgm show_trgm', () => {
    // show_trgm('cat') = {"  c"," ca","at ","cat"}
    expect([...trigrams('cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat']);
  });

  it('lowercases and splits on anything that is not a letter or a digit', () => {
    expect(trigrams('Two-Words')).toEqual(trigrams('two words'));
    // show_trgm('two words') has 10 trigrams.
    expect(trigrams('two words').size).toBe(10);
  });

  it('is a set: repeated words and trigrams count once', () => {
    expect(trigrams('a a a')).toEqual(new Set(['  a', ' a ']));
    expect(trigrams('aaa')).toEqual(new Set(['  a', ' aa', 'aaa', 'aa ']));
  });

  it('has no trigrams for text without letters or digits', () => {
    expect(trigrams('').size).toBe(0);
    expect(trigrams(' !! ').size).toBe(0);
  });

  it('works on characters, not UTF-16 units', () => {
    expect(trigrams('😀').size).toBe(0);
    expect(trigrams('日本').size).toBe(3);
  });
});

describe('trigramSimilarity', () => {
  it.each([
    // The value pg_trgm documents for similarity('word', 'two words').
    ['word', 'two words', 4 / 11],
    // Classic: {"  h"," he","hel","ell","llo","lo "} vs {"  h"," ha","hal","all","llo","lo "} → 3/9.
    ['hello', 'hallo', 1 / 3],
    ['postgress', 'postgres', 8 / 11],
    ['kubernets', 'kubernetes', 8 / 13],
    ['javscript', 'javascript', 8 / 13],
    ['pyton', 'python', 4 / 9],
    ['abc', 'xyz', 0],
  ])('similarity(%j, %j) = %d', (a, b, expected) => {
    expect(trigramSimilarity(a, b)).toBeCloseTo(expected, 10);
  });

  it('matches pg_trgm on the documented example to six places', () => {
    expect(trigramSimilarity('word', 'two words').toFixed(6)).toBe('0.363636');
  });

  it('is 1 for identical words, ignoring case', () => {
    expect(trigramSimilarity('kubernetes', 'kubernetes')).toBe(1);
    expect(trigramSimilarity('PostgreSQL', 'postgresql')).toBe(1);
  });

  it('is symmetric', () => {
    expect(trigramSimilarity('javscript', 'javascript')).toBe(trigramSimilarity('javascript', 'javscript'));
  });

  it('is 0 when either side has no trigrams, as pg_trgm', () => {
    expect(trigramSimilarity('', '')).toBe(0);
    expect(trigramSimilarity('word', '')).toBe(0);
    expect(trigramSetSimilarity(new Set(), new Set(['  a']))).toBe(0);
  });
});
