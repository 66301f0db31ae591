import { z } from 'zod';
import { isCalendarDate } from '#shared/calendar-dates.ts';
// Also sets zod's general messages, in the validation language, for every contract.
import { says } from '#shared/validation/messages.ts';

/** «The text is too long», for every limit of a text field. */
export const textTooLong = (max: number) =>
  says({
    nb: `Teksten kan ikke være lengre enn ${max} tegn.`,
    nn: `Teksten kan ikkje vere lengre enn ${max} teikn.`,
    en: `The text cannot be longer than ${max} characters.`,
  });

export const invalidId = says({ nb: 'Ugyldig id.', nn: 'Ugyldig id.', en: 'Invalid id.' });
export const invalidMember = says({ nb: 'Ugyldig medlem.', nn: 'Ugyldig medlem.', en: 'Invalid member.' });
export const municipalityNumberHasFourDigits = says({
  nb: 'Kommunenummer har fire sifre.',
  nn: 'Kommunenummer har fire siffer.',
  en: 'A municipality number has four digits.',
});

/** A real calendar date as YYYY-MM-DD (31.02. is refused, not rolled over). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: says({ nb: 'Datoen må ha formen ÅÅÅÅ-MM-DD.', nn: 'Datoen må ha forma ÅÅÅÅ-MM-DD.', en: 'The date must be written YYYY-MM-DD.' }),
  })
  .refine(isRealCalendarDate, {
    error: says({ nb: 'Datoen finnes ikke i kalenderen.', nn: 'Datoen finst ikkje i kalenderen.', en: 'The date does not exist in the calendar.' }),
  })
  .meta({ format: 'date', example: '2028-01-01' });

export function isRealCalendarDate(value: string): boolean {
  if (!isCalendarDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2200;
}

export const uuidParam = z.uuid({ error: invalidId });

/** The path parameters of every route under /mergers/:mergerId. */
export const mergerParams = z.object({ mergerId: uuidParam });

/** A required piece of text: trimmed, not empty, bounded. */
export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: says({ nb: 'Feltet må fylles ut.', nn: 'Feltet må fyllast ut.', en: 'This field is required.' }) })
    .max(max, { error: textTooLong(max) });

/** Optional text where an empty string means «no value» (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: textTooLong(max) })
    .transform((value) => (value === '' ? null : value))
    .nullable();

/**
 * «Ansvarlig» on tasks, mitigations, benefits and veivalg is one value in two forms: a member
 * of the merger (this id) or free text for someone outside Samla. A write that sends either
 * form replaces the responsible: the form not sent becomes empty. Sending both is refused.
 */
export const responsibleUserIdField = z
  .uuid({ error: invalidMember })
  .nullable()
  .describe('Ansvarlig som medlem av sammenslåingen (bruker-id); må være medlem. Tomt navn settes da til null.');

/** What every item with an «Ansvarlig» carries on read: the member's id and the name to show. */
export const responsibleReadFields = {
  responsibleUserId: z.uuid().nullable().describe('Ansvarlig medlem; null når ansvarlig er fritekst eller ikke satt'),
  responsibleName: z.string().nullable().describe('Navnet som vises: medlemmets navn (også etter at medlemmet har forlatt sammenslåingen), ellers fritekst'),
};

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'MERGER_NOT_FOUND' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });

export type ErrorResponse = z.infer<typeof errorResponse>;

/** One problem with one field of a request, as the API's `details` lists them. */
export interface FieldProblem {
  /** Path into the request body, e.g. `municipalities.2` or `notRelevantReason`. */
  path: string;
  code: string;
  message: string;
}

export const errorResponses = {
  400: errorResponse,
  404: errorResponse,
  409: errorResponse,
} as const;
