import { describe, expect, it } from 'vitest';
import { likelyLanguage, stopWordsFor } from './stopwords.js';

describe('likelyLanguage', () => {
  it('tells a question’s language by its function words', () => {
    expect(likelyLanguage('How do I train a dragon to fetch the newspaper?')).toBe('en');
    expect(likelyLanguage('¿Cómo entreno a un dragón para traer el periódico?')).toBe('es');
    expect(likelyLanguage('Mi consulta SQL devuelve filas duplicadas con LEFT JOIN')).toBe('es');
    expect(likelyLanguage('Comment est-ce que je peux entraîner un dragon ?')).toBe('fr');
    expect(likelyLanguage('Wie kann ich mein Gehalt verhandeln?')).toBe('de');
  });

  it('takes English when the text is too short to tell, or one foreign word is all it has', () => {
    expect(likelyLanguage('SQL joins')).toBe('en');
    expect(likelyLanguage('useEffect fires twice')).toBe('en');
    expect(likelyLanguage('How do I use a la carte pricing in my app?')).toBe('en');
    expect(likelyLanguage('')).toBe('en');
  });
});

describe('stopWordsFor', () => {
  it('always has English, and a language’s own only when asked', () => {
    expect(stopWordsFor().has('the')).toBe(true);
    expect(stopWordsFor().has('para')).toBe(false);
    expect(stopWordsFor(['es-MX']).has('para')).toBe(true);
  });
});
