import { z } from 'zod';
import { uuidParam } from './common.ts';
import { benefitTypes } from './benefits.ts';

/** Opportunities (ch. 5 of the checklist): what a merger can take up, as a task and perhaps a benefit. */
// ---------------------------------------------------------------- opportunities (ch. 5)

export const opportunityParams = z.object({ mergerId: uuidParam, opportunityId: z.string().min(1).max(120) });

export const opportunitiesQuery = z.object({
  area: z.string().max(120).optional(),
  lowHangingFruit: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const opportunityView = z.object({
  id: z.string(),
  title: z.string(),
  lowHangingFruit: z.boolean(),
  takenUp: z
    .object({
      task: z.object({ id: z.uuid(), title: z.string() }),
      benefits: z.array(z.object({ id: z.uuid(), title: z.string() })),
    })
    .nullable(),
});
export type OpportunityView = z.infer<typeof opportunityView>;

export const opportunitiesResponse = z.object({
  areas: z.array(z.object({ id: z.string(), name: z.string(), opportunities: z.array(opportunityView) })),
  allAreas: z.array(z.object({ id: z.string(), name: z.string() })).describe('Alle mulighetsområder, for filteret'),
  activities: z.array(z.object({ id: z.string(), title: z.string(), phase: z.number().int() })).describe('Aktivitetene en mulighet kan legges til under'),
  defaultActivity: z.object({ lowHangingFruit: z.string(), other: z.string() }),
});
export type Opportunities = z.infer<typeof opportunitiesResponse>;

export const takeUpBody = z.object({
  activityId: z.string().min(1).max(120).optional().describe('Standard: fase-4-akt-7 for lavthengende frukter, ellers fase-5-akt-8'),
  createBenefit: z.boolean().default(false),
  benefitType: z.enum(benefitTypes).default('other'),
});

export const takeUpResponse = z.object({
  opportunityId: z.string(),
  task: z.object({ id: z.uuid(), title: z.string(), activityId: z.string() }),
  benefit: z.object({ id: z.uuid(), title: z.string() }).nullable(),
});
export type TakeUp = z.infer<typeof takeUpResponse>;
