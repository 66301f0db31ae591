import { z } from 'zod';
import { isCalendarDate } from '#shared/calendar-dates.ts';

// Norwegian messages for every zod validation, on the server and in the web.
z.config(z.locales.no());

/** A real calendar date as YYYY-MM-DD (31.02. is refused, not rolled over). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Datoen må ha formen ÅÅÅÅ-MM-DD.' })
  .refine(isRealCalendarDate, { error: 'Datoen finnes ikke i kalenderen.' })
  .meta({ format: 'date', example: '2028-01-01' });

export function isRealCalendarDate(value: string): boolean {
  if (!isCalendarDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2200;
}

export const uuidParam = z.uuid({ error: 'Ugyldig id.' });

/** The path parameters of every route under /mergers/:mergerId. */
export const mergerParams = z.object({ mergerId: uuidParam });

/** A required piece of text: trimmed, not empty, bounded. */
export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'Feltet må fylles ut.' })
    .max(max, { error: `Teksten kan ikke være lengre enn ${max} tegn.` });

/** Optional text where an empty string means «no value» (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Teksten kan ikke være lengre enn ${max} tegn.` })
    .transform((value) => (value === '' ? null : value))
    .nullable();

/**
 * «Ansvarlig» on tasks, mitigations, benefits and veivalg is one value in two forms: a member
 * of the merger (this id) or free text for someone outside Samla. A write that sends either
 * form replaces the responsible: the form not sent becomes empty. Sending both is refused.
 */
export const responsibleUserIdField = z
  .uuid({ error: 'Ugyldig medlem.' })
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
