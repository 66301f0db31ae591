import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inValidationLanguage } from './messages.ts';
import nn from './zod-nn.ts';

// Zod's general messages in nynorsk, through the global config as the contracts get them.
const inNynorsk = (schema: z.ZodType, value: unknown) =>
  inValidationLanguage('nn', () => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? []);

describe('zod’s messages in nynorsk', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ['a wrong type', z.string(), 12, 'Ugyldig verdi: venta tekst, fekk tal'],
    ['a missing value', z.number(), undefined, 'Ugyldig verdi: venta tal, fekk ingen verdi'],
    ['one allowed value', z.literal('ja'), 'nei', 'Ugyldig verdi: venta "ja"'],
    ['an option not offered', z.enum(['grøn', 'raud']), 'blå', 'Ugyldig val: venta ein av "grøn"|"raud"'],
    ['a text too long', z.string().max(3), 'abcd', 'Teksten kan ikkje ha meir enn 3 teikn'],
    ['a text too short', z.string().min(2), 'a', 'Teksten må ha minst 2 teikn'],
    ['a list too long', z.array(z.number()).max(1), [1, 2], 'Lista kan ikkje ha meir enn 1 element'],
    ['a number too large', z.number().max(7), 9, 'Talet kan ikkje vere større enn 7'],
    ['a number not above', z.number().gt(0), 0, 'Talet må vere større enn 0'],
    ['a number too small', z.number().min(1), 0, 'Talet kan ikkje vere mindre enn 1'],
    ['an e-mail address', z.email(), 'ikkje-e-post', 'Ugyldig e-postadresse'],
    ['an id', z.uuid(), '123', 'Ugyldig UUID'],
    ['a pattern', z.string().regex(/^\d{4}$/), '12', 'Ugyldig tekst: må samsvare med mønsteret /^\\d{4}$/'],
    ['a prefix', z.string().startsWith('https://'), 'http://x', 'Ugyldig tekst: må byrje med «https://»'],
    ['a multiple', z.number().multipleOf(5), 7, 'Ugyldig tal: må vere eit multiplum av 5'],
    ['an unknown key', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'Ukjend nøkkel: "b"'],
    ['unknown keys', z.strictObject({}), { b: 1, c: 2 }, 'Ukjende nøklar: "b", "c"'],
  ])('%s', (_, schema, value, message) => {
    expect(inNynorsk(schema, value)).toEqual([message]);
  });

  it('has the form of zod’s own locales, for z.config', () => {
    expect(typeof nn().localeError).toBe('function');
  });
});
