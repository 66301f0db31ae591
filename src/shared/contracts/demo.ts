import { z } from 'zod';
import { merger } from './mergers.ts';

/** Nothing to choose: the demo is always the same three municipalities. An empty object or no body. */
export const createDemoMergerBody = z.object({}).strict().nullable().optional().meta({ id: 'CreateDemoMerger' });

export const demoMergerCreated = z
  .object({
    merger,
    counts: z
      .object({
        municipalities: z.number().int(),
        systems: z.number().int(),
        contracts: z.number().int(),
        integrations: z.number().int(),
        otherInventory: z.number().int().describe('Arkiv, infrastruktur, IKT-organisering, interkommunale samarbeid og digitale tjenester'),
        decisions: z.number().int(),
        tasksUpdated: z.number().int(),
        risks: z.number().int(),
        benefits: z.number().int(),
      })
      .describe('Hva demosammenslåingen fikk'),
  })
  .meta({ id: 'DemoMergerCreated' });
export type DemoMergerCreated = z.infer<typeof demoMergerCreated>;
