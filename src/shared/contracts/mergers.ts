import { z } from 'zod';
import { languages } from '#shared/language.ts';
import { isoDate, municipalityNumberHasFourDigits, requiredText } from './common.ts';
import { checklistProgress, progress } from './plan.tasks.ts';
import { mergerPermission, mergerRole } from './members.ts';

export const languageForm = z.enum(['bokmål', 'nynorsk', 'nøytral']);

/** The målform of what a merger produces (report, workbooks, CSV, calendar, e-mail): nb, nn or en. */
export const documentLanguage = z
  .enum(languages)
  .describe('Målformen for det sammenslåingen lager: rapport, regneark, CSV, kalender og e-post (nb, nn eller en)');

export const mergerMunicipality = z.object({
  number: z.string(),
  name: z.string(),
  languageForm,
});

export const createMergerBody = z
  .object({
    name: requiredText(200).describe('Prosjektets navn, f.eks. «Digital sammenslåing Nye Asker»'),
    newMunicipalityName: requiredText(200),
    mergerDate: isoDate.describe('Sammenslåingstidspunktet (ÅÅÅÅ-MM-DD)'),
    municipalities: z
      .array(z.string().regex(/^\d{4}$/, { error: municipalityNumberHasFourDigits }))
      .describe('Kommunenumre for de deltakende kommunene, minst to, ingen gjentatt'),
    documentLanguage: documentLanguage
      .optional()
      .describe(
        'Målformen for det sammenslåingen lager (nb, nn eller en). Uten den: nn når alle kommunene har nynorsk som målform, nb når alle har bokmål, ellers nb (blandede eller nøytrale kommuner: den nye kommunen velger selv, etter språklova; endre den med PATCH)',
      ),
  })
  .meta({ id: 'CreateMerger' });
export type CreateMergerBody = z.input<typeof createMergerBody>;

export const merger = z
  .object({
    id: z.uuid(),
    name: z.string(),
    newMunicipalityName: z.string(),
    mergerDate: isoDate,
    municipalities: z.array(mergerMunicipality),
    catalog: z.object({ id: z.string(), version: z.string() }),
    createdAt: z.string(),
    isDemo: z.boolean().describe('En demosammenslåing med oppdiktede data (POST /api/v1/demo-merger)'),
    archivedAt: z.string().nullable().describe('Satt mens sammenslåingen er arkivert: da kan den bare leses'),
    documentLanguage: documentLanguage,
    version: z.number().int(),
  })
  .meta({ id: 'Merger' });
export type Merger = z.infer<typeof merger>;

export const mergerSummary = merger
  .pick({ id: true, name: true, newMunicipalityName: true, mergerDate: true, municipalities: true, isDemo: true, archivedAt: true, version: true })
  .extend({ progress })
  .meta({ id: 'MergerSummary' });
export type MergerSummary = z.infer<typeof mergerSummary>;

export const mergerDetail = merger
  .extend({
    progress: checklistProgress,
    myRole: mergerRole.describe('Din rolle i sammenslåingen'),
    myPermissions: z.array(mergerPermission).describe('Det rollen din gir lov til; nettsiden skjuler resten'),
  })
  .meta({ id: 'MergerDetail' });
export type MergerDetail = z.infer<typeof mergerDetail>;

export const listMergersResponse = z.object({ mergers: z.array(mergerSummary) });

const municipalityNumbers = z
  .array(z.string().regex(/^\d{4}$/, { error: municipalityNumberHasFourDigits }))
  .describe('Kommunenumre for de deltakende kommunene, minst to, ingen gjentatt');

/**
 * A correction of the merger's basics (decision 033). Fields left out stay as they are;
 * `municipalities` is the whole new list. Removing a municipality with inventory needs
 * `confirmRemoval` (the refusal lists what would be deleted).
 */
export const updateMergerBody = z
  .object({
    version: z.number().int().min(1).describe('Versjonen klienten endrer fra; utdatert gir 409'),
    name: requiredText(200).optional(),
    newMunicipalityName: requiredText(200).optional(),
    mergerDate: isoDate.optional(),
    municipalities: municipalityNumbers.optional(),
    documentLanguage: documentLanguage
      .optional()
      .describe('Ny målform for dokumentene; oppgavene fra sjekklisten får titlene sine på den nye målformen, teamets egne oppgaver endres ikke'),
    confirmRemoval: z.boolean().optional().describe('Fjern kommuner selv om kartleggingen deres da slettes'),
  })
  .meta({ id: 'UpdateMerger' });
export type UpdateMergerBody = z.input<typeof updateMergerBody>;

/** What the same change would do, without the version: the form shows it before saving. */
export const mergerChangePreviewBody = updateMergerBody.omit({ version: true, confirmRemoval: true }).meta({ id: 'MergerChangePreviewBody' });
export type MergerChangePreviewBody = z.input<typeof mergerChangePreviewBody>;

const dateRange = z.object({ start: isoDate, end: isoDate });

/** One kind of inventory row a removed municipality takes with it: how many, and their names when the list is short. */
export const removedInventoryKind = z.object({
  kind: z.string().describe('Registerets nøkkel, f.eks. systems'),
  count: z.number().int(),
  names: z.array(z.string()).describe('Navnene når de er få (ellers tom)'),
});

export const removedMunicipality = z.object({
  number: z.string(),
  name: z.string(),
  inventory: z.array(removedInventoryKind),
});
export type RemovedMunicipality = z.infer<typeof removedMunicipality>;

export const mergerChangePreview = z
  .object({
    mergerDate: z
      .object({
        before: isoDate,
        after: isoDate,
        phases: z.array(z.object({ number: z.number().int(), name: z.string(), before: dateRange, after: dateRange })).describe('Faser som følger datoen'),
        milestones: z.array(z.object({ title: z.string(), before: isoDate, after: isoDate })),
        tasks: z.object({ count: z.number().int(), titles: z.array(z.string()).describe('De første oppgavene som flyttes') }),
        unchangedPhases: z.array(z.object({ number: z.number().int(), name: z.string() })).describe('Faser med egne datoer, som ikke flyttes'),
      })
      .nullable(),
    addedMunicipalities: z.array(mergerMunicipality),
    removedMunicipalities: z.array(removedMunicipality),
    documentLanguage: z
      .object({
        before: documentLanguage,
        after: documentLanguage,
        libraryTasks: z.number().int().describe('Oppgaver fra sjekklisten som får titlene sine på den nye målformen'),
      })
      .nullable()
      .describe('Satt når målformen endres'),
  })
  .meta({ id: 'MergerChangePreview' });
export type MergerChangePreview = z.infer<typeof mergerChangePreview>;

export const archiveMergerBody = z.object({ archived: z.boolean(), version: z.number().int().min(1) }).meta({ id: 'ArchiveMerger' });
export type ArchiveMergerBody = z.input<typeof archiveMergerBody>;

export const deleteMergerBody = z.object({ name: z.string().describe('Sammenslåingens navn, skrevet inn for å bekrefte') }).meta({ id: 'DeleteMerger' });
export type DeleteMergerBody = z.input<typeof deleteMergerBody>;

export const mergerDeletion = z
  .object({
    id: z.uuid(),
    mergerId: z.uuid(),
    mergerName: z.string(),
    isDemo: z.boolean(),
    deletedBy: z.object({ userId: z.uuid(), name: z.string() }),
    deletedAt: z.string(),
    counts: z.record(z.string(), z.number().int()).describe('Hva som ble slettet, per type'),
  })
  .meta({ id: 'MergerDeletion' });
export type MergerDeletion = z.infer<typeof mergerDeletion>;
export const listMergerDeletionsResponse = z.object({ deletions: z.array(mergerDeletion) });
