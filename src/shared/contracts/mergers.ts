import { z } from 'zod';
import { isoDate, requiredText } from './common.ts';
import { checklistProgress, progress } from './plan.tasks.ts';
import { mergerPermission, mergerRole } from './members.ts';

export const languageForm = z.enum(['bokmål', 'nynorsk', 'nøytral']);

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
      .array(z.string().regex(/^\d{4}$/, { error: 'Kommunenummer har fire sifre.' }))
      .describe('Kommunenumre for de deltakende kommunene, minst to, ingen gjentatt'),
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
    version: z.number().int(),
  })
  .meta({ id: 'Merger' });
export type Merger = z.infer<typeof merger>;

export const mergerSummary = merger
  .pick({ id: true, name: true, newMunicipalityName: true, mergerDate: true, municipalities: true, isDemo: true, version: true })
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
