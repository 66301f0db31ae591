import { describe, expect, it } from 'vitest';
import type { Municipality } from '#shared/contracts/municipalities.ts';
import { foldForSearch, matchesQuery, searchMunicipalities, searchTextOf } from './municipality-search.ts';

const municipality = (number: string, nameParts: string[], county: string): Municipality => ({
  number,
  name: nameParts.join(' – '),
  nameParts,
  county,
  countyNumber: number.slice(0, 2),
  languageForm: 'bokmål',
});

const kautokeino = municipality('5612', ['Guovdageaidnu', 'Kautokeino'], 'Finnmark');
const karasjok = municipality('5610', ['Kárášjohka', 'Karasjok'], 'Finnmark');
const kafjord = municipality('5540', ['Gáivuotna', 'Kåfjord', 'Kaivuono'], 'Troms');
const snasa = municipality('5041', ['Snåase', 'Snåsa'], 'Trøndelag');
const porsanger = municipality('5622', ['Porsanger', 'Porsáŋgu', 'Porsanki'], 'Finnmark');
const lyngen = municipality('5536', ['Lyngen', 'Ivgu', 'Yykeä'], 'Troms');
const oslo = municipality('0301', ['Oslo', 'Oslove'], 'Oslo');
const as = municipality('3218', ['Ås'], 'Akershus');
const asnes = municipality('3418', ['Åsnes'], 'Innlandet');
const tromso = municipality('5501', ['Tromsø'], 'Troms');
const asker = municipality('3203', ['Asker'], 'Akershus');
const register = [oslo, asker, as, asnes, snasa, tromso, lyngen, kafjord, karasjok, kautokeino, porsanger];

const finds = (query: string) => searchMunicipalities(register, query).map((m) => m.number);

describe('municipality search', () => {
  const text = searchTextOf(kautokeino);

  it('finds by every name part, county and the start of the number', () => {
    expect(matchesQuery(text, kautokeino.number, 'kauto')).toBe(true);
    expect(matchesQuery(text, kautokeino.number, 'Guovda')).toBe(true);
    expect(matchesQuery(text, kautokeino.number, 'finnmark')).toBe(true);
    expect(matchesQuery(text, kautokeino.number, '56')).toBe(true);
    expect(matchesQuery(text, kautokeino.number, '5612')).toBe(true);
  });

  it('needs every word to match, and numbers to match from the start', () => {
    expect(matchesQuery(text, kautokeino.number, 'kauto finnmark')).toBe(true);
    expect(matchesQuery(text, kautokeino.number, 'kauto troms')).toBe(false);
    expect(matchesQuery(text, kautokeino.number, '612')).toBe(false);
  });

  it('shows everything for an empty search', () => {
    expect(matchesQuery(text, kautokeino.number, '  ')).toBe(true);
  });

  it.each([
    ['Kautokeino', '5612'],
    ['Guovdageaidnu', '5612'],
    ['Karasjok', '5610'],
    ['karasjohka', '5610'],
    ['Kárášjohka', '5610'],
    ['Kaivuono', '5540'],
    ['Gaivuotna', '5540'],
    ['kafjord', '5540'],
    ['Snaase', '5041'],
    ['Snåsa', '5041'],
    ['Porsangu', '5622'],
    ['Porsáŋgu', '5622'],
    ['Porsanki', '5622'],
    ['Yykea', '5536'],
    ['Ivgu', '5536'],
    ['Oslove', '0301'],
    ['tromso', '5501'],
  ])('finds %s first, diacritics or not', (query, number) => {
    expect(finds(query)[0]).toBe(number);
  });

  it('puts a name that is what was typed before one that only begins with it', () => {
    // As typed before accents ignored: «ås» is Ås, Åsnes, then Asker.
    expect(finds('ås').slice(0, 3)).toEqual(['3218', '3418', '3203']);
    expect(finds('as').slice(0, 3)).toEqual(['3218', '3203', '3418']); // «as» is Ås with the accent ignored
    // Then those where the letters are inside a name (Karasjok, Snåase).
    expect(finds('as').slice(3).sort()).toEqual(['5041', '5610']);
  });

  it('sorts by the official name as written («Guovdageaidnu – Kautokeino» under G)', () => {
    expect(searchMunicipalities(register, 'finnmark').map((m) => m.name)).toEqual([
      'Guovdageaidnu – Kautokeino',
      'Kárášjohka – Karasjok',
      'Porsanger – Porsáŋgu – Porsanki',
    ]);
  });

  it('folds case, accents and the letters that are no accent', () => {
    expect(foldForSearch(' Kárášjohka – Karasjok ')).toBe('karasjohka karasjok');
    expect(foldForSearch('Porsáŋgu Ærøy Đ Ŧ')).toBe('porsangu aeroy d t');
  });
});

describe('municipality search over the shipped register', async () => {
  // The register the server ships today (test only: the web gets it from GET /municipalities).
  const { loadMunicipalityRegister } = await import('#server/features/municipalities/municipalities.domain.ts');
  const shipped: Municipality[] = loadMunicipalityRegister('2026-12-07').municipalities.map((m) => ({ ...m, nameParts: [...m.nameParts] }));

  it('finds every municipality by every part of its official name, with or without diacritics', () => {
    for (const municipality of shipped) {
      for (const part of municipality.nameParts) {
        for (const typed of [part, foldForSearch(part)]) {
          const found = searchMunicipalities(shipped, typed).map((m) => m.number);
          expect(found, `${typed} → ${municipality.name}`).toContain(municipality.number);
          // A part that is the whole of what was typed puts its municipality among the first (names such as «Herøy» occur twice).
          expect(found.indexOf(municipality.number), `${typed} → ${municipality.name}`).toBeLessThan(3);
        }
      }
    }
  });

  it.each([
    ['Kautokeino', 'Guovdageaidnu – Kautokeino'],
    ['Karasjok', 'Kárášjohka – Karasjok'],
    ['Tana', 'Deatnu – Tana'],
    ['Nesseby', 'Unjárga – Nesseby'],
    ['Kåfjord', 'Gáivuotna – Kåfjord – Kaivuono'],
    ['Lavangen', 'Loabák – Lavangen'],
    ['Tjeldsund', 'Dielddanuorri – Tjeldsund'],
    ['Hamarøy', 'Hábmer – Hamarøy'],
    ['Hattfjelldal', 'Aarborte – Hattfjelldal'],
    ['Snåsa', 'Snåase – Snåsa'],
    ['Røyrvik', 'Raarvihke – Røyrvik'],
    ['Oslove', 'Oslo – Oslove'],
    ['Stïentje', 'Steinkjer – Stïentje'],
    ['Yykeä', 'Lyngen – Ivgu – Yykeä'],
  ])('«%s» finds «%s» first', (typed, name) => {
    expect(searchMunicipalities(shipped, typed)[0]?.name).toBe(name);
  });
});
