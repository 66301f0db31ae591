import { describe, expect, it } from 'vitest';
import { languageOfHeader, pickLanguage } from './language.ts';

describe('pickLanguage', () => {
  it('keeps the language the person chose, whatever the browser asks for', () => {
    expect(pickLanguage('nn', 'en-GB,en;q=0.9')).toBe('nn');
    expect(pickLanguage('en', 'nb-NO')).toBe('en');
    expect(pickLanguage('nb', null)).toBe('nb');
  });

  it('ignores a stored value that is not one of the three', () => {
    expect(pickLanguage('sv', 'nn')).toBe('nn');
  });

  it('reads nynorsk from nn, nno and no-NN', () => {
    for (const header of ['nn', 'nn-NO', 'nno', 'no-NN', 'NO-nn']) expect(pickLanguage(null, header)).toBe('nn');
  });

  it('reads bokmål from nb, nob and plain no', () => {
    for (const header of ['nb', 'nb-NO', 'nob', 'no', 'no-NO']) expect(pickLanguage(null, header)).toBe('nb');
  });

  it('reads English from any en', () => {
    for (const header of ['en', 'en-GB', 'en-US', 'EN-au']) expect(pickLanguage(null, header)).toBe('en');
  });

  it('follows the q-values, not the order', () => {
    expect(pickLanguage(null, 'en;q=0.5, nn;q=0.8, nb;q=0.7')).toBe('nn');
    expect(pickLanguage(null, 'nb;q=0.3,en')).toBe('en');
    // Equal weights: the header's order decides.
    expect(pickLanguage(null, 'nn;q=0.9,en;q=0.9')).toBe('nn');
  });

  it('skips languages Samla does not speak and ones refused with q=0', () => {
    expect(pickLanguage(null, 'sv-SE,de;q=0.9,en;q=0.8')).toBe('en');
    expect(pickLanguage(null, 'en;q=0,nn;q=0.1')).toBe('nn');
    expect(languageOfHeader('fr, *;q=0.5')).toBeNull();
  });

  it('falls back to bokmål', () => {
    expect(pickLanguage(null, null)).toBe('nb');
    expect(pickLanguage(undefined, '')).toBe('nb');
    expect(pickLanguage(null, 'sv, da')).toBe('nb');
    expect(pickLanguage(null, 'garbage;;;q=x')).toBe('nb');
  });

  it('takes the browser’s list of languages as well as a header', () => {
    expect(pickLanguage(null, ['sv-SE', 'nn-NO', 'en'])).toBe('nn');
    expect(pickLanguage(null, [])).toBe('nb');
  });
});
