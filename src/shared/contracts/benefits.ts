import type { Language } from '#shared/language.ts';
import { textIn, type Localized } from '#shared/localized.ts';
import { plural } from '#shared/plural.ts';
import { documentDate } from '#shared/document-date.ts';
import { z } from 'zod';
import { says } from '#shared/validation/messages.ts';
import { isoDate, optionalText, requiredText, responsibleReadFields, responsibleUserIdField, textTooLong, uuidParam } from './common.ts';

/**
 * Gevinstrealisering in the shape of KS' Gevinstkokebok: a benefit (gevinst)
 * with its owner and enablers (tasks, veivalg, opportunities), indicators with
 * a baseline (nullpunkt) and a target, and measurements along the way.
 */
export const benefitTypes = ['economic', 'quality', 'time', 'other'] as const; // økonomisk, kvalitet, tid, annet
export type BenefitType = (typeof benefitTypes)[number];
export const benefitStatuses = ['planned', 'in_progress', 'realised', 'cancelled'] as const; // planlagt, under realisering, realisert, avbrutt
export type BenefitStatus = (typeof benefitStatuses)[number];
export const indicatorDirections = ['higher', 'lower'] as const; // høyere er bedre, lavere er bedre
export type IndicatorDirection = (typeof indicatorDirections)[number];

export const benefitParams = z.object({ mergerId: uuidParam, benefitId: uuidParam });
export const indicatorParams = benefitParams.extend({ indicatorId: uuidParam });
export const measurementParams = indicatorParams.extend({ measurementId: uuidParam });

const value = z
  .number({ error: says({ nb: 'Oppgi et tall.', nn: 'Oppgi eit tal.', en: 'Enter a number.' }) })
  .min(-1e12)
  .max(1e12);

const taskIds = z
  .array(z.uuid({ error: says({ nb: 'Ugyldig oppgave.', nn: 'Ugyldig oppgåve.', en: 'Invalid task.' }) }))
  .max(200)
  .describe('Oppgaver i planen som muliggjør gevinsten');
const decisionAreaIds = z.array(z.string().min(1).max(120)).max(200).describe('Løsningsområder med veivalg som muliggjør gevinsten');
const opportunityIds = z.array(z.string().min(1).max(120)).max(200).describe('Muligheter fra sjekklistens kapittel 5');
const enablerFields = { taskIds: taskIds.default([]), decisionAreaIds: decisionAreaIds.default([]), opportunityIds: opportunityIds.default([]) };

const benefitFields = {
  title: requiredText(200),
  description: optionalText(4000).optional(),
  serviceArea: optionalText(200).optional(),
  type: z.enum(benefitTypes),
  owner: optionalText(200).optional().describe('Gevinsteier'),
  responsible: optionalText(200).optional().describe('Ansvarlig for realiseringen, som fritekst'),
  responsibleUserId: responsibleUserIdField.optional(),
  plannedRealisationDate: isoDate.nullable().optional(),
  status: z.enum(benefitStatuses).default('planned'),
};

export const createBenefitBody = z.object({ ...benefitFields, ...enablerFields });
export const updateBenefitBody = z.object({
  title: benefitFields.title.optional(),
  description: benefitFields.description,
  serviceArea: benefitFields.serviceArea,
  type: benefitFields.type.optional(),
  owner: benefitFields.owner,
  responsible: benefitFields.responsible,
  responsibleUserId: benefitFields.responsibleUserId,
  plannedRealisationDate: benefitFields.plannedRealisationDate,
  status: z.enum(benefitStatuses).optional(),
  taskIds: taskIds.optional(),
  decisionAreaIds: decisionAreaIds.optional(),
  opportunityIds: opportunityIds.optional(),
  version: z.number().int(),
});

const unit = z
  .string()
  .trim()
  .max(40, { error: textTooLong(40) });
export const indicatorBody = z.object({
  name: requiredText(200),
  unit: unit.default(''),
  baselineValue: value,
  baselineDate: isoDate,
  targetValue: value,
  targetDate: isoDate,
  direction: z.enum(indicatorDirections),
});
// No defaults on an update: a field left out stays as it is.
export const updateIndicatorBody = indicatorBody.extend({ unit }).partial().extend({ version: z.number().int() });

export const measurementBody = z.object({
  measuredOn: isoDate,
  value,
  comment: optionalText(1000).optional(),
});

/*
 * A measurement is taken on or after the indicator's baseline (nullpunkt):
 * the baseline is the first reading the plan starts from, so an earlier one
 * cannot be judged against it. Refused at the date field; see decision 011. The rule
 * lives here so the server and the web form say the same words.
 */
const dotted = (isoDate: string) => documentDate(isoDate, 'nb');
const englishDate = (isoDate: string) => documentDate(isoDate, 'en');

export function measurementBeforeBaselineMessage(baselineDate: string, language: Language = 'nb'): string {
  return textIn(
    {
      nb: `Dato for målingen kan ikke være før datoen for nullpunktet (${dotted(baselineDate)}).`,
      nn: `Datoen for målinga kan ikkje vere før datoen for nullpunktet (${dotted(baselineDate)}).`,
      en: `The date of the measurement cannot be before the baseline date (${englishDate(baselineDate)}).`,
    },
    language,
  );
}

/** The problem with a measurement's date, or null: it must not be before the baseline date. The message is in `language` (bokmål unless told). */
export function measurementDateProblem(measuredOn: string, baselineDate: string, language: Language = 'nb'): { path: 'measuredOn'; message: string } | null {
  return measuredOn < baselineDate ? { path: 'measuredOn', message: measurementBeforeBaselineMessage(baselineDate, language) } : null;
}

/**
 * Moving the baseline date later than measurements already recorded would
 * leave them before the baseline; the move is refused at `baselineDate`,
 * saying how many and from when, so the user can delete them or pick an
 * earlier date (measurements are never edited, only deleted and recorded again).
 */
export function baselineDateProblem(
  baselineDate: string,
  measuredOn: readonly string[],
  language: Language = 'nb',
): { path: 'baselineDate'; message: string; earlierCount: number } | null {
  const earlier = measuredOn.filter((date) => date < baselineDate).sort();
  if (earlier.length === 0) return null;
  const first = earlier[0]!;
  const message: Localized = {
    nb:
      `Dato for nullpunktet kan ikke være ${dotted(baselineDate)}: ${plural(earlier.length, 'måling', 'målinger')} er registrert før denne datoen ` +
      `(den første ${dotted(first)}). Velg en tidligere dato, eller slett målingene først.`,
    nn:
      `Datoen for nullpunktet kan ikkje vere ${dotted(baselineDate)}: det er registrert ${plural(earlier.length, 'måling', 'målingar')} før denne datoen ` +
      `(den første ${dotted(first)}). Vel ein tidlegare dato, eller slett målingane først.`,
    en:
      `The baseline date cannot be ${englishDate(baselineDate)}: ${plural(earlier.length, 'measurement was', 'measurements were', 'en')} ` +
      `recorded before that date (the first on ${englishDate(first)}). Choose an earlier date, or delete the measurements first.`,
  };
  return { path: 'baselineDate', earlierCount: earlier.length, message: textIn(message, language) };
}

export const measurement = z
  .object({
    id: z.uuid(),
    measuredOn: isoDate,
    value: z.number(),
    comment: z.string().nullable(),
    recordedBy: z.string().describe('Hvem som registrerte målingen (navn)'),
    expected: z.number().describe('Forventet verdi på datoen, på linjen fra nullpunkt til mål'),
    createdAt: z.string(),
  })
  .meta({ id: 'Measurement' });
export type Measurement = z.infer<typeof measurement>;

export const indicatorStatus = z.object({
  latest: z.object({ measuredOn: isoDate, value: z.number() }).nullable(),
  expected: z.number().nullable().describe('Forventet verdi på datoen for siste måling'),
  behind: z.boolean().describe('Siste måling ligger bak linjen fra nullpunkt til mål'),
});
export type IndicatorStatus = z.infer<typeof indicatorStatus>;

export const indicator = z
  .object({
    id: z.uuid(),
    benefitId: z.uuid(),
    name: z.string(),
    unit: z.string(),
    baselineValue: z.number(),
    baselineDate: isoDate,
    targetValue: z.number(),
    targetDate: isoDate,
    direction: z.enum(indicatorDirections),
    measurements: z.array(measurement).describe('Eldste først'),
    status: indicatorStatus,
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof indicator>;

export const benefit = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    serviceArea: z.string().nullable(),
    type: z.enum(benefitTypes),
    owner: z.string().nullable(),
    responsible: z.string().nullable(),
    ...responsibleReadFields,
    plannedRealisationDate: isoDate.nullable(),
    status: z.enum(benefitStatuses),
    enablers: z.object({
      tasks: z.array(z.object({ id: z.uuid(), title: z.string() })),
      decisions: z.array(z.object({ solutionAreaId: z.string(), name: z.string() })),
      opportunities: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
    indicatorCount: z.number().int(),
    behindCount: z.number().int().describe('Indikatorer der siste måling ligger bak planen'),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Benefit' });
export type Benefit = z.infer<typeof benefit>;

export const benefitSummary = z.object({
  total: z.number().int(),
  byStatus: z.record(z.enum(benefitStatuses), z.number().int()),
  behind: z.number().int().describe('Gevinster med minst én indikator bak planen'),
});
export type BenefitSummary = z.infer<typeof benefitSummary>;

export const benefitListResponse = z.object({ benefits: z.array(benefit), summary: benefitSummary });
export type BenefitList = z.infer<typeof benefitListResponse>;

export const benefitDetailResponse = z.object({ benefit, indicators: z.array(indicator) });
export type BenefitDetail = z.infer<typeof benefitDetailResponse>;
