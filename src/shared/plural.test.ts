import { describe, expect, it } from 'vitest';
import { plural, pluralWord } from './plural.ts';

describe('plural', () => {
  it.each([
    [0, '0 gevinster'],
    [1, '1 gevinst'],
    [2, '2 gevinster'],
    [11, '11 gevinster'],
    [21, '21 gevinster'],
    [101, '101 gevinster'],
    [1.5, '1,5 gevinster'],
    [-1, '−1 gevinst'],
    [2500, '2\u00a0500 gevinster'],
  ])('%d → %s', (count, text) => {
    expect(plural(count, 'gevinst', 'gevinster')).toBe(text);
  });

  it('keeps a noun phrase together: «1 ikke relevant», «3 ikke relevante»', () => {
    expect(plural(1, 'ikke relevant', 'ikke relevante')).toBe('1 ikke relevant');
    expect(plural(3, 'ikke relevant', 'ikke relevante')).toBe('3 ikke relevante');
  });
});

describe('pluralWord', () => {
  it.each([
    [1, 'risiko'],
    [0, 'risikoer'],
    [2, 'risikoer'],
  ])('%d → %s', (count, word) => {
    expect(pluralWord(count, 'risiko', 'risikoer')).toBe(word);
  });
});
