import { z } from 'zod';
import { isoDate, uuidParam } from './common.ts';

/**
 * «Mine oppgaver» (issue 21): everything the signed-in person is responsible for as a member,
 * across the mergers they are in — tasks, mitigations, benefits and veivalg.
 */
export const myWorkKinds = ['task', 'mitigation', 'benefit', 'decision'] as const;
export type MyWorkKind = (typeof myWorkKinds)[number];

/** Open: still to do. Done: finished, not relevant, realised, cancelled or (veivalg) adopted. */
export const myWorkStates = ['open', 'done'] as const;
export type MyWorkState = (typeof myWorkStates)[number];

export const myWorkQuery = z.object({
  mergerId: uuidParam.optional().describe('Bare denne sammenslåingen'),
  status: z
    .enum([...myWorkStates, 'all'])
    .default('open')
    .describe('open (standard): det som gjenstår; done: det som er ferdig; all: alt'),
  kind: z.enum(myWorkKinds).optional().describe('Bare denne typen'),
});
export type MyWorkQuery = z.input<typeof myWorkQuery>;

export const myWorkItem = z
  .object({
    kind: z.enum(myWorkKinds),
    id: z.uuid(),
    mergerId: z.uuid(),
    mergerName: z.string(),
    title: z.string().describe('Oppgavens tittel (med område eller gruppe), tiltakets tittel med risikoen, gevinsten, eller veivalgets område'),
    status: z.string().describe('Elementets egen status (oppgave: not_started …; tiltak: planned …; gevinst: planned …; veivalg: proposed/adopted)'),
    state: z.enum(myWorkStates),
    dueDate: isoDate.nullable().describe('Frist (oppgave, tiltak) eller planlagt realisering (gevinst); veivalg har ingen'),
    overdue: z.boolean().describe('Fristen er passert (Europe/Oslo) og det er ikke ferdig'),
    link: z.string().describe('Stien i webappen'),
  })
  .meta({ id: 'MyWorkItem' });
export type MyWorkItem = z.infer<typeof myWorkItem>;

export const myWorkResponse = z.object({
  items: z.array(myWorkItem).describe('Forfalte først, så etter frist (uten frist sist)'),
  mergers: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('Sammenslåingene jeg er med i, til filteret'),
});
export type MyWork = z.infer<typeof myWorkResponse>;

/** Whether I have a personal calendar address (never the address itself). */
export const myCalendarFeed = z.object({
  exists: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable().describe('Sist en kalender hentet den'),
});
export type MyCalendarFeed = z.infer<typeof myCalendarFeed>;

export const createdMyCalendarFeed = z.object({
  path: z.string().describe('Den hemmelige adressen (sti); vises bare nå'),
  createdAt: z.string(),
});
export type CreatedMyCalendarFeed = z.infer<typeof createdMyCalendarFeed>;

export const myCalendarFeedParams = z.object({ token: z.string().min(20).max(100) });
