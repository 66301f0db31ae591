import { z } from 'zod';
import { isoDate } from './common.ts';
import { readinessAcceptedDeferral, readinessMissingItem } from './decisions.ts';
import { riskMatrixBody } from './risks.ts';

/**
 * The merger's dashboard: the figures the people who govern a merger read,
 * in one request. Every list here is short and carries the ids the web app
 * needs to link each figure to the list behind it.
 */
export const upcomingKinds = ['task', 'contract_deadline', 'milestone'] as const;
export type UpcomingKind = (typeof upcomingKinds)[number];

/** How many days «the next days» covers, today included. */
export const UPCOMING_DAYS = 30;
export const OVERDUE_SHOWN = 10;
export const BENEFITS_BEHIND_SHOWN = 5;
export const READINESS_MISSING_SHOWN = 5;

const count = z.number().int().min(0);

export const dashboardResponse = z
  .object({
    merger: z.object({ id: z.uuid(), name: z.string(), mergerDate: isoDate }),
    today: isoDate.describe('Dagens dato i Europe/Oslo'),
    daysLeft: z.number().int().describe('Dager til sammenslåingsdatoen; negativ etter den'),
    progress: z.object({
      done: count,
      total: count.describe('Oppgaver som er relevante (ikke «ikke relevant»)'),
      percent: z.number().int().nullable(),
      phases: z.array(
        z.object({
          number: z.number().int(),
          name: z.string(),
          done: count,
          total: count,
          percent: z.number().int().nullable().describe('null når fasen ikke har relevante oppgaver'),
          overdue: count,
        }),
      ),
    }),
    readiness: z.object({
      ready: count,
      criticalTotal: count,
      missingCount: count,
      missing: z.array(readinessMissingItem).describe(`De første ${READINESS_MISSING_SHOWN} områdene som ikke er klare`),
      acceptedDeferrals: z.array(readinessAcceptedDeferral).describe('Kritiske områder utsatt til overgangsfasen med godtatt utsettelse (regnet som klare)'),
    }),
    overdue: z.object({
      count,
      tasks: z
        .array(z.object({ id: z.uuid(), title: z.string(), dueDate: isoDate, phase: z.number().int() }))
        .describe(`De ${OVERDUE_SHOWN} eldste forfalte oppgavene`),
    }),
    upcoming: z.object({
      from: isoDate,
      to: isoDate.describe('Siste dag i vinduet'),
      items: z
        .array(
          z.object({
            kind: z.enum(upcomingKinds),
            date: isoDate,
            title: z.string(),
            targetId: z.string().describe('Oppgave-id, avtale-id eller milepæl-id'),
          }),
        )
        .describe('Oppgavefrister, oppsigelsesfrister i avtaler og milepæler, sortert etter dato'),
    }),
    risks: z.object({
      matrix: riskMatrixBody,
      inherent: z.array(z.array(count)),
      residual: z.array(z.array(count)),
      total: count,
      unassessed: count,
      red: z.object({
        classKey: z.string().describe('Den høyeste risikoklassen i matrisen'),
        className: z.string(),
        inherent: count,
        residual: count,
      }),
    }),
    benefits: z.object({
      total: count,
      behindCount: count,
      behind: z
        .array(z.object({ id: z.uuid(), title: z.string(), behindCount: count }))
        .describe(`De første ${BENEFITS_BEHIND_SHOWN} gevinstene med minst én indikator bak planen`),
    }),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof dashboardResponse>;
export type UpcomingItem = Dashboard['upcoming']['items'][number];
