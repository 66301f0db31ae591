import { z } from 'zod';
import { taskArea, taskStatus } from './plan.tasks.ts';
import { isoDate, requiredText, uuidParam } from './common.ts';

/** Milestones a person adds. */
export const milestoneKinds = ['local_decision', 'national_decision', 'joint_committee_meeting', 'own'] as const;
/** Milestones derived from the merger and its phases, always shown, never stored. */
export const derivedMilestoneKinds = ['merger_date', 'transition_end'] as const;
export const milestoneKind = z.enum(milestoneKinds);
export const anyMilestoneKind = z.enum([...milestoneKinds, ...derivedMilestoneKinds]);
export type MilestoneKind = z.infer<typeof anyMilestoneKind>;

export const schedulePhase = z
  .object({
    phaseId: z.string(),
    number: z.number().int().min(1).max(6),
    name: z.string(),
    start: isoDate,
    end: isoDate.describe('Fasens siste dag'),
    isDefault: z.boolean().describe('Datoene er beregnet fra sammenslåingsdatoen, ikke satt av prosjektet'),
    version: z.number().int().min(0).describe('0 mens fasen har standarddatoer'),
    activities: z.array(z.object({ activityId: z.string(), title: z.string() })),
  })
  .meta({ id: 'SchedulePhase' });
export type SchedulePhase = z.infer<typeof schedulePhase>;

export const milestone = z
  .object({
    id: z.string().describe('uuid, eller «merger_date» / «transition_end» for de avledede'),
    kind: anyMilestoneKind,
    title: z.string(),
    date: isoDate,
    derived: z.boolean().describe('Avledet av sammenslåingsdatoen eller fasene; kan ikke endres her'),
    version: z.number().int().nullable(),
  })
  .meta({ id: 'Milestone' });
export type Milestone = z.infer<typeof milestone>;

export const scheduleTask = z
  .object({
    id: z.uuid(),
    title: z.string(),
    area: taskArea.nullable().describe('Løsningsområdet for oppgaver et veivalg la inn; null ellers'),
    group: z.string().nullable().describe('Underoverskriften i sjekklisten, der oppgaven har en'),
    phase: z.number().int(),
    activityId: z.string(),
    status: taskStatus,
    plannedStart: isoDate.nullable(),
    dueDate: isoDate.nullable(),
    datesFollowPhase: z.boolean().describe('Datoene følger fasen til noen endrer dem'),
    overdue: z.boolean(),
    dependsOn: z.array(z.uuid()).describe('Oppgavene denne avhenger av'),
  })
  .meta({ id: 'ScheduleTask' });
export type ScheduleTask = z.infer<typeof scheduleTask>;

export const scheduleResponse = z
  .object({
    mergerDate: isoDate,
    today: isoDate.describe('Dagens dato i Europe/Oslo'),
    phases: z.array(schedulePhase),
    milestones: z.array(milestone).describe('Sortert etter dato'),
    tasks: z.array(scheduleTask).describe('Alle oppgaver i sjekklistens rekkefølge'),
  })
  .meta({ id: 'Schedule' });
export type Schedule = z.infer<typeof scheduleResponse>;

export const phaseParams = z.object({ mergerId: uuidParam, phase: z.coerce.number().int().min(1).max(6) });

export const updatePhaseBody = z
  .object({
    version: z.number().int().min(0).describe('Versjonen klienten endrer fra (0 for standarddatoer); utdatert gir 409'),
    start: isoDate,
    end: isoDate,
  })
  .meta({ id: 'UpdatePhaseDates' });
export type UpdatePhaseBody = z.input<typeof updatePhaseBody>;

export const milestoneParams = z.object({ mergerId: uuidParam, milestoneId: uuidParam });

export const createMilestoneBody = z.object({ title: requiredText(300), date: isoDate, kind: milestoneKind }).meta({ id: 'CreateMilestone' });
export type CreateMilestoneBody = z.input<typeof createMilestoneBody>;

export const updateMilestoneBody = z
  .object({
    version: z.number().int().min(1),
    title: requiredText(300).optional(),
    date: isoDate.optional(),
    kind: milestoneKind.optional(),
  })
  .meta({ id: 'UpdateMilestone' });
export type UpdateMilestoneBody = z.input<typeof updateMilestoneBody>;

export const dependencyParams = z.object({ mergerId: uuidParam, taskId: uuidParam, dependsOnTaskId: uuidParam });
export const addDependencyBody = z.object({ dependsOnTaskId: z.uuid() }).meta({ id: 'AddDependency' });
export const dependencyResponse = z.object({ taskId: z.uuid(), dependsOnTaskId: z.uuid() }).meta({ id: 'Dependency' });

/** details of a 409 DEPENDENCIES_OPEN from PATCH task. */
export const openDependencies = z.object({
  openTasks: z.array(z.object({ id: z.uuid(), title: z.string(), status: taskStatus })),
});
export type OpenDependencies = z.infer<typeof openDependencies>;
