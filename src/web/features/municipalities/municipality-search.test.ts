import { describe, expect, it } from 'vitest';
import type { Municipality } from '#shared/contracts/municipalities.ts';
import { matchesQuery, searchTextOf } from './municipality-search.ts';

const kautokeino: Municipality = {
  number: '5430',
  name: 'Kautokeino',
  parallelNames: ['Guovdageaidnu'],
  county: 'Finnmark',
  countyNumber: '54',
  languageForm: 'bokmål',
};

describe('municipality search', () => {
  const text = searchTextOf(kautokeino);

  it('finds by name, parallel name, county and the start of the number', () => {
    expect(matchesQuery(text, kautokeino.number, 'kauto')).toBe(true);
    expect(matchesQuery(text, kautokeino.number, 'Guovda')).toBe(true);
    expect(matchesQuery(text, kautokeino.number, 'finnmark')).toBe(true);
    expect(matchesQuery(text, kautokeino.number, '54')).toBe(true);
    expect(matchesQuery(text, kautokeino.number, '5430')).toBe(true);
  });

  it('needs every word to match, and numbers to match from the start', () => {
    expect(matchesQuery(text, kautokeino.number, 'kauto finnmark')).toBe(true);
    expect(matchesQuery(text, kautokeino.number, 'kauto troms')).toBe(false);
    expect(matchesQuery(text, kautokeino.number, '430')).toBe(false);
  });

  it('shows everything for an empty search', () => {
    expect(matchesQuery(text, kautokeino.number, '  ')).toBe(true);
  });
});
