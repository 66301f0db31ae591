import { describe, expect, it } from 'vitest';
import { fieldErrorsFromProblems, indexInPath, messageNamingField } from './field-errors.ts';

describe('fieldErrorsFromProblems', () => {
  const fields = ['name', 'mergerDate', 'municipalities'] as const;

  it('puts each problem on the field its path starts with, first message winning', () => {
    const result = fieldErrorsFromProblems(
      [
        { path: 'mergerDate', code: 'custom', message: 'Datoen finnes ikke i kalenderen.' },
        { path: 'municipalities.1', code: 'UNKNOWN_MUNICIPALITY', message: 'Kommunenummer 9999 finnes ikke.' },
        { path: 'municipalities.2', code: 'DUPLICATE_MUNICIPALITY', message: 'Gjentatt.' },
      ],
      fields,
    );
    expect(result.byField).toEqual({
      mergerDate: 'Datoen finnes ikke i kalenderen.',
      municipalities: 'Kommunenummer 9999 finnes ikke.',
    });
    expect(result.unmatched).toEqual([]);
  });

  it('keeps problems the form has no field for, so the page can still show them', () => {
    const result = fieldErrorsFromProblems([{ path: 'version', code: 'too_small', message: 'For lav.' }], fields);
    expect(result.byField).toEqual({});
    expect(result.unmatched).toEqual(['For lav.']);
  });
});

describe('indexInPath', () => {
  it('reads the position of one picked municipality', () => {
    expect(indexInPath('municipalities.2', 'municipalities')).toBe(2);
    expect(indexInPath('municipalities', 'municipalities')).toBeUndefined();
    expect(indexInPath('name', 'municipalities')).toBeUndefined();
  });
});

describe('messageNamingField', () => {
  it.each([
    // A message without the field's name gets it in front: what the summary reads.
    ['Verdi', 'Oppgi et tall.', 'Verdi: Oppgi et tall.'],
    ['Antall brukere', 'Oppgi et tall.', 'Antall brukere: Oppgi et tall.'],
    [
      'Restsannsynlighet',
      'Restrisikoen kan ikke være høyere enn risikoen før tiltak.',
      'Restsannsynlighet: Restrisikoen kan ikke være høyere enn risikoen før tiltak.',
    ],
    ['Varighet', 'Skriv et helt antall måneder.', 'Varighet: Skriv et helt antall måneder.'],
    // A message that already names the field is left as it is, whatever the case.
    ['Tittel', 'Skriv en tittel.', 'Skriv en tittel.'],
    ['Sannsynlighet', 'Velg sannsynlighet.', 'Velg sannsynlighet.'],
    ['E-post', 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.', 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.'],
    // The label's decorations are not part of the name.
    ['Frist *', 'Datoen finnes ikke.', 'Frist: Datoen finnes ikke.'],
    ['Ansvarlig (valgfritt)', 'For langt.', 'Ansvarlig: For langt.'],
    ['  Merknad:\n ', 'For langt.', 'Merknad: For langt.'],
    // Without a label there is nothing to add.
    ['', 'Oppgi et tall.', 'Oppgi et tall.'],
    [null, 'Oppgi et tall.', 'Oppgi et tall.'],
  ])('%j + %j → %j', (label, message, expected) => {
    expect(messageNamingField(label, message)).toBe(expected);
  });
});
