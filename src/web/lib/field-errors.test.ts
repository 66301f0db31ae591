import { describe, expect, it } from 'vitest';
import { fieldErrorsFromProblems, indexInPath } from './field-errors.ts';

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
