import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDate, requiredText } from '#shared/contracts/common.ts';
import { inValidationLanguage, says, setValidationLanguage, validationLanguage } from './messages.ts';

// Test files share a worker (isolate: false): put the language back for the next file.
afterEach(() => setValidationLanguage('nb'));

const messagesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message);

describe('the validation language', () => {
  it('is bokmål until something sets it', () => {
    expect(validationLanguage()).toBe('nb');
    expect(messagesOf(requiredText(10), '')).toEqual(['Feltet må fylles ut.']);
  });

  it('is asked at each message when given as a function (the web follows the language shown)', () => {
    let shown: 'nb' | 'nn' | 'en' = 'nn';
    setValidationLanguage(() => shown);
    expect(messagesOf(requiredText(10), '')).toEqual(['Feltet må fyllast ut.']);
    shown = 'en';
    expect(messagesOf(requiredText(10), '')).toEqual(['This field is required.']);
  });

  it('is set for one synchronous parse by inValidationLanguage, and put back after, also when the parse throws', () => {
    expect(inValidationLanguage('nn', () => messagesOf(isoDate, '2027-02-31'))).toEqual(['Datoen finst ikkje i kalenderen.']);
    expect(validationLanguage()).toBe('nb');
    expect(() =>
      inValidationLanguage('en', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(validationLanguage()).toBe('nb');
  });
});

describe('says: a contract’s own message in every language', () => {
  const schema = z.string().max(3, { error: says({ nb: 'For langt.', nn: 'For langt, på nynorsk.', en: 'Too long.' }) });

  it('gives the text in the validation language of the moment the value is checked', () => {
    expect(messagesOf(schema, 'abcd')).toEqual(['For langt.']);
    expect(inValidationLanguage('nn', () => messagesOf(schema, 'abcd'))).toEqual(['For langt, på nynorsk.']);
    expect(inValidationLanguage('en', () => messagesOf(schema, 'abcd'))).toEqual(['Too long.']);
  });

  it('keeps the contracts’ bokmål exactly as before, with the limit in the text', () => {
    expect(messagesOf(requiredText(200), 'x'.repeat(201))).toEqual(['Teksten kan ikke være lengre enn 200 tegn.']);
    expect(inValidationLanguage('nn', () => messagesOf(requiredText(200), 'x'.repeat(201)))).toEqual(['Teksten kan ikkje vere lengre enn 200 teikn.']);
    expect(inValidationLanguage('en', () => messagesOf(requiredText(200), 'x'.repeat(201)))).toEqual(['The text cannot be longer than 200 characters.']);
    expect(messagesOf(isoDate, '1.1.2027')).toEqual(['Datoen må ha formen ÅÅÅÅ-MM-DD.', 'Datoen finnes ikke i kalenderen.']);
  });
});

describe('zod’s general messages follow the validation language', () => {
  const schema = z.object({ count: z.number(), kind: z.enum(['a', 'b']) });

  it('bokmål is zod’s own Norwegian locale, as before', () => {
    expect(messagesOf(schema, { count: 'tre', kind: 'c' })).toEqual(['Ugyldig input: forventet tall, fikk string', 'Ugyldig valg: forventet en av "a"|"b"']);
  });

  it('nynorsk is Samla’s and English zod’s', () => {
    expect(inValidationLanguage('nn', () => messagesOf(schema, { count: 'tre', kind: 'c' }))).toEqual([
      'Ugyldig verdi: venta tal, fekk tekst',
      'Ugyldig val: venta ein av "a"|"b"',
    ]);
    expect(inValidationLanguage('en', () => messagesOf(schema, { count: 'tre', kind: 'c' }))).toEqual([
      'Invalid input: expected number, received string',
      'Invalid option: expected one of "a"|"b"',
    ]);
  });
});
