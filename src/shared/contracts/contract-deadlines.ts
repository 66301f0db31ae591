import { z } from 'zod';
import { isoDate } from './common.ts';
import { systemFates } from './decisions.ts';

/**
 * What must happen with a contract (rules in contract-deadlines.domain.ts). The two `extend_*`
 * actions are for a contract that runs out while its system is still needed: before the merger
 * for a system that goes on, before the day it can be retired for one that is replaced.
 */
export const contractActions = ['await_decision', 'transfer', 'extend_before_merger', 'extend_until_retired', 'let_expire', 'terminate'] as const;
export const deadlineStatuses = ['overdue', 'expired', 'due_soon', 'ok', 'none'] as const;

export const contractDeadlinesResponse = z.object({
  mergerDate: isoDate,
  transitionEnd: isoDate,
  contracts: z.array(
    z.object({
      contractId: z.uuid(),
      municipalityNumber: z.string(),
      vendor: z.string(),
      subject: z.string().nullable(),
      endDate: isoDate.nullable(),
      noticePeriodMonths: z.number().int().nullable(),
      systems: z.array(z.object({ id: z.uuid(), name: z.string(), fate: z.enum(systemFates) })),
      action: z.enum(contractActions),
      deadline: isoDate.nullable().describe('Siste dag for å handle: overføre, forlenge, si opp – eller sluttdatoen for en avtale som løper ut'),
      neededUntil: isoDate
        .nullable()
        .describe('Siste dag systemene trengs, når de skal migreres eller avvikles; null når avtalen skal videre eller ingenting er vedtatt'),
      legalReview: z.boolean(),
      flags: z.array(z.string()),
      status: z.enum(deadlineStatuses),
    }),
  ),
});
export type ContractDeadlines = z.infer<typeof contractDeadlinesResponse>;

export const calendarFeed = z.object({
  exists: z.boolean(),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  // For owners and leads (null for others): whether whoever made the address is still in the merger,
  // and when a calendar program last fetched it, so an address nobody knows of is not left working.
  createdByIsMember: z.boolean().nullable(),
  lastUsedAt: z.string().nullable().describe('Sist hentet av et kalenderprogram (oppdateres høyst én gang i minuttet)'),
});
export type CalendarFeed = z.infer<typeof calendarFeed>;
export const createdCalendarFeed = z.object({
  path: z.string().describe('Den hemmelige adressen (sti på denne serveren); vises bare denne ene gangen'),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeed>;
export const calendarFeedParams = z.object({ token: z.string().min(20).max(100) });
