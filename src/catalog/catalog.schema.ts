import { z } from 'zod';
import { languages } from '#shared/language.ts';

/**
 * The read-only library (catalogue) of KS' «Sjekkliste for digital sammenslåing».
 *
 * The data lives in `./data/ks-sjekkliste-digital-sammenslaing.json`; it was produced once
 * from the PDF text by `scripts/extract-catalog.ts` and is now edited by hand.
 *
 * IDS ARE PERMANENT. Every id was assigned once and is stored in the JSON. Mergers copy
 * tasks from the library and keep the item's id (`catalogItemId`), so an id must never be
 * regenerated from a position, renamed or reused for other content. A later library version
 * keeps every existing id and only adds new ones (and, if an item is withdrawn, its id is
 * retired, not recycled). Bump `version` (semver) whenever the content changes.
 */

export const CATALOG_ID = 'ks-sjekkliste-digital-sammenslaing' as const;

/** Short, readable, lower-case ASCII kebab-case: `fase-1-akt-2-opp-1`. */
export const catalogItemId = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Id-en må være kebab-case med a–z og 0–9.' });

/** Reading text: trimmed, no runs of whitespace, no leftover PDF glyphs (private-use characters). */
export const catalogText = z
  .string()
  .min(1)
  .refine((s) => s === s.trim(), { error: 'Teksten har mellomrom i start eller slutt.' })
  .refine((s) => !/\s{2,}|[\t\n\r]/.test(s), { error: 'Teksten har doble mellomrom eller linjeskift.' })
  .refine((s) => !/[\uE000-\uF8FF]/.test(s), { error: 'Teksten har et symbol fra PDF-en (privat tegn).' });

export const taskPriority = z.enum(['critical', 'medium']);

const semver = z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'Versjonen må ha formen MAJOR.MINOR.PATCH.' });

export const catalogSource = z.strictObject({
  publisher: catalogText,
  author: catalogText,
  title: catalogText,
  basedOn: catalogText,
});

/** A piece of advice: ch. 1 «Kom tidlig i gang» and the four in ch. 2 «Gode råd på veien». */
export const advice = z.strictObject({
  id: catalogItemId,
  number: z.number().int().min(1),
  title: catalogText,
  /** The short boxed text beside the heading. */
  lead: catalogText,
  paragraphs: z.array(catalogText).min(1),
  /** Footnotes referred to from the paragraphs (markers removed from the text). */
  footnotes: z.array(catalogText).optional(),
});

export const phaseTask = z.strictObject({
  id: catalogItemId,
  title: catalogText,
  /** Sub-heading inside the activity, e.g. «Digitale arkiv»; absent when the task sits directly under it. */
  group: catalogText.optional(),
});

export const phaseActivity = z.strictObject({
  id: catalogItemId,
  title: catalogText,
  /** May be empty: some activities in the checklist have no tasks listed under them. */
  tasks: z.array(phaseTask),
});

export const phase = z.strictObject({
  id: catalogItemId,
  number: z.number().int().min(1).max(6),
  name: catalogText,
  /** From 3.1 «Fasene i digital sammenslåing». */
  description: catalogText,
  activities: z.array(phaseActivity).min(1),
});

export const priorityItem = z.strictObject({
  id: catalogItemId,
  rank: z.number().int().min(1).max(8),
  /** A short name for the area, chosen for the library (not in the source). */
  area: catalogText,
  text: catalogText,
  footnotes: z.array(catalogText).optional(),
});

export const sectorTask = z.strictObject({
  id: catalogItemId,
  title: catalogText,
  priority: taskPriority,
});

export const solutionArea = z.strictObject({
  id: catalogItemId,
  /** Without the trailing colon of the source heading. */
  name: catalogText,
  priority: taskPriority,
  tasks: z.array(sectorTask).min(1),
});

export const sector = z.strictObject({
  id: catalogItemId,
  /** Section number in the source, e.g. '4.2.1'. */
  number: z.string().regex(/^4\.2\.\d+$/),
  name: catalogText,
  solutionAreas: z.array(solutionArea).min(1),
});

export const opportunity = z.strictObject({
  id: catalogItemId,
  title: catalogText,
  /** Marked as a «lavthengende frukt» (low-hanging fruit) in the source. */
  lowHangingFruit: z.boolean(),
});

export const opportunityArea = z.strictObject({
  id: catalogItemId,
  name: catalogText,
  /** The sector heading the area sits under in ch. 5 (e.g. 'Støttefunksjoner'), else null. */
  sector: catalogText.nullable(),
  opportunities: z.array(opportunity).min(1),
});

export const catalogSchema = z
  .strictObject({
    id: z.literal(CATALOG_ID),
    version: semver,
    title: catalogText,
    source: catalogSource,
    /** The opening paragraphs before chapter 1. */
    introduction: z.array(catalogText).min(1),
    advice: z.array(advice).min(1),
    process: z.strictObject({
      /** Chapter 3's lead and the 3.1 introduction. */
      introduction: z.array(catalogText).min(1),
      /** The 3.2 introduction. */
      checklistIntroduction: z.array(catalogText).min(1),
    }),
    phases: z.array(phase).length(6),
    prioritization: z.strictObject({
      /** Chapter 4's lead and the 4.1 introduction. */
      introduction: z.array(catalogText).min(1),
      legend: z.strictObject({ critical: catalogText, medium: catalogText }),
      priorities: z.array(priorityItem).length(8),
    }),
    /** The 4.2 introduction (before the sectors). */
    sectorsIntroduction: z.array(catalogText).min(1),
    sectors: z.array(sector).min(1),
    opportunities: z.strictObject({
      introduction: z.array(catalogText).min(1),
      areas: z.array(opportunityArea).min(1),
    }),
  })
  .superRefine((catalog, ctx) => {
    // Ids are unique across the whole library.
    const seen = new Set<string>();
    const claim = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `Id-en «${id}» er brukt mer enn én gang.`, path });
      seen.add(id);
    };
    catalog.advice.forEach((a, i) => claim(a.id, ['advice', i, 'id']));
    catalog.phases.forEach((p, i) => {
      claim(p.id, ['phases', i, 'id']);
      p.activities.forEach((a, j) => {
        claim(a.id, ['phases', i, 'activities', j, 'id']);
        a.tasks.forEach((t, k) => claim(t.id, ['phases', i, 'activities', j, 'tasks', k, 'id']));
      });
    });
    catalog.prioritization.priorities.forEach((p, i) => claim(p.id, ['prioritization', 'priorities', i, 'id']));
    catalog.sectors.forEach((s, i) => {
      claim(s.id, ['sectors', i, 'id']);
      s.solutionAreas.forEach((a, j) => {
        claim(a.id, ['sectors', i, 'solutionAreas', j, 'id']);
        a.tasks.forEach((t, k) => {
          claim(t.id, ['sectors', i, 'solutionAreas', j, 'tasks', k, 'id']);
          if (t.priority !== a.priority) {
            ctx.addIssue({
              code: 'custom',
              message: 'Oppgaven må ha samme prioritet som løsningsområdet.',
              path: ['sectors', i, 'solutionAreas', j, 'tasks', k, 'priority'],
            });
          }
        });
      });
    });
    catalog.opportunities.areas.forEach((a, i) => {
      claim(a.id, ['opportunities', 'areas', i, 'id']);
      a.opportunities.forEach((o, j) => claim(o.id, ['opportunities', 'areas', i, 'opportunities', j, 'id']));
    });

    // Phases are 1..6 and priorities 1..8, in order.
    catalog.phases.forEach((p, i) => {
      if (p.number !== i + 1) ctx.addIssue({ code: 'custom', message: 'Fasene må stå i rekkefølge 1–6.', path: ['phases', i, 'number'] });
    });
    catalog.prioritization.priorities.forEach((p, i) => {
      if (p.rank !== i + 1) {
        ctx.addIssue({ code: 'custom', message: 'Prioriteringene må stå i rekkefølge 1–8.', path: ['prioritization', 'priorities', i, 'rank'] });
      }
    });
  });

/**
 * GET /catalog: the library in the caller's language (decision 039). The library was checked
 * when it was loaded, so the answer's schema is the shape without the cross-item checks.
 */
export const catalogResponseSchema = z.strictObject({
  ...catalogSchema.shape,
  language: z.enum(languages).describe('Språket tekstene er på: nb er KS’ egen tekst, nn og en er Samlas oversettelser'),
  attribution: z.string().nullable().describe('For nn og en: at oversettelsen er Samlas, ikke KS’ — vis den der kilden nevnes'),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogResponse = z.infer<typeof catalogResponseSchema>;
export type CatalogSource = z.infer<typeof catalogSource>;
export type Advice = z.infer<typeof advice>;
export type Phase = z.infer<typeof phase>;
export type PhaseActivity = z.infer<typeof phaseActivity>;
export type PhaseTask = z.infer<typeof phaseTask>;
export type PriorityItem = z.infer<typeof priorityItem>;
export type TaskPriority = z.infer<typeof taskPriority>;
export type Sector = z.infer<typeof sector>;
export type SolutionArea = z.infer<typeof solutionArea>;
export type SectorTask = z.infer<typeof sectorTask>;
export type OpportunityArea = z.infer<typeof opportunityArea>;
export type Opportunity = z.infer<typeof opportunity>;
