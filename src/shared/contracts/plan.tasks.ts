import { z } from 'zod';
import { says } from '#shared/validation/messages.ts';
import { invalidMember, isoDate, optionalText, requiredText, responsibleReadFields, responsibleUserIdField, uuidParam } from './common.ts';

const fourDigitMunicipalityNumber = says({
  nb: 'Oppgi et kommunenummer med fire sifre.',
  nn: 'Oppgi eit kommunenummer med fire siffer.',
  en: 'Enter a municipality number with four digits.',
});

export const taskStatuses = ['not_started', 'in_progress', 'done', 'not_relevant'] as const;
export const taskStatus = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatus>;

/** The solution area (4.2) of a task a veivalg placed in the plan. */
export const taskArea = z.object({ id: z.string(), name: z.string() }).meta({ id: 'TaskArea' });

export const task = z
  .object({
    id: z.uuid(),
    mergerId: z.uuid(),
    phaseId: z.string(),
    phase: z.number().int().min(1).max(6).describe('Fasenummer 1–6'),
    activityId: z.string(),
    catalogItemId: z.string().nullable().describe('Oppgaven i biblioteket den er kopiert fra; null for egne oppgaver'),
    group: z.string().nullable(),
    area: taskArea.nullable().describe('Løsningsområdet en oppgave fra et veivalg hører til (fra catalogItemId); null for andre oppgaver'),
    title: z.string(),
    position: z.number().int(),
    status: taskStatus,
    notRelevantReason: z.string().nullable(),
    responsible: z.string().nullable().describe('Ansvarlig som fritekst (for noen utenfor Samla)'),
    ...responsibleReadFields,
    dueDate: isoDate.nullable(),
    plannedStart: isoDate.nullable().describe('Planlagt start; tom når oppgaven bare har frist'),
    datesFollowPhase: z.boolean().describe('Datoene er satt av Samla ut fra fasen og flyttes med den til noen endrer planlagt start eller frist'),
    notes: z.string().nullable(),
    municipalityNumber: z
      .string()
      .nullable()
      .describe('Kommunen (kommunenummer) oppgaven gjelder, når den gjelder én av kommunene i sammenslåingen; null for felles oppgaver'),
    overdue: z.boolean().describe('Fristen er passert (Europe/Oslo) og oppgaven er verken ferdig eller ikke relevant'),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof task>;

export const taskParams = z.object({ mergerId: uuidParam, taskId: uuidParam });

export const listTasksQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Fritekstsøk i tittel og notater; alle ordene må finnes'),
  area: z.string().max(200).optional().describe('Løsningsområdet (id) oppgavene hører til'),
  responsible: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Bare oppgaver der navnet som «Ansvarlig» inneholder denne teksten (store og små bokstaver likt)'),
  responsibleUserId: z.uuid({ error: invalidMember }).optional().describe('Bare oppgaver med dette medlemmet som ansvarlig'),
  municipality: z
    .string()
    .regex(/^\d{4}$/, { error: fourDigitMunicipalityNumber })
    .optional()
    .describe('Bare oppgaver som gjelder denne kommunen (kommunenummer)'),
  status: taskStatus.optional(),
  phase: z.coerce.number().int().min(1).max(6).optional(),
  activityId: z.string().optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export const listTasksResponse = z.object({
  tasks: z.array(task),
  areas: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe('Løsningsområdene til alle sammenslåingens oppgaver (ikke bare de som vises), etter navn: det områdefilteret kan tilby'),
});
export type TaskList = z.infer<typeof listTasksResponse>;

const taskFields = {
  status: taskStatus,
  notRelevantReason: optionalText(2000),
  responsible: optionalText(200),
  dueDate: isoDate.nullable(),
  plannedStart: isoDate.nullable(),
  notes: optionalText(10_000),
  municipalityNumber: z
    .string()
    .regex(/^\d{4}$/, { error: fourDigitMunicipalityNumber })
    .nullable(),
};

export const updateTaskBody = z
  .object({
    version: z.number().int().min(1).describe('Versjonen klienten endrer fra; en utdatert versjon gir 409'),
    title: requiredText(500).optional().describe('Bare for sammenslåingens egne oppgaver'),
    status: taskFields.status.optional(),
    notRelevantReason: taskFields.notRelevantReason.optional().describe('Påkrevd når status er not_relevant'),
    responsible: taskFields.responsible.optional(),
    responsibleUserId: responsibleUserIdField.optional(),
    dueDate: taskFields.dueDate.optional(),
    plannedStart: taskFields.plannedStart.optional().describe('Planlagt start; kan ikke være etter fristen'),
    notes: taskFields.notes.optional(),
    municipalityNumber: taskFields.municipalityNumber.optional().describe('En av sammenslåingens kommuner, eller null for en felles oppgave'),
    overrideReason: optionalText(2000)
      .optional()
      .describe('Begrunnelse for å sette oppgaven som ferdig selv om oppgaver den avhenger av ikke er ferdige; lagres i historikken'),
  })
  .meta({ id: 'UpdateTask' });
export type UpdateTaskBody = z.input<typeof updateTaskBody>;

/** Many tasks changed in one go; each is checked and written on its own (decision 035). */
export const bulkUpdateTasksBody = z
  .object({
    tasks: z
      .array(z.object({ taskId: z.uuid(), version: z.number().int().min(1) }))
      .min(1)
      .max(2000)
      .refine((items) => new Set(items.map((item) => item.taskId)).size === items.length, {
        error: says({ nb: 'Samme oppgave er med flere ganger.', nn: 'Same oppgåve er med fleire gonger.', en: 'The same task is included more than once.' }),
      })
      .describe('Oppgavene som skal endres, hver med versjonen klienten så'),
    change: z
      .object({
        status: taskFields.status.optional(),
        notRelevantReason: taskFields.notRelevantReason.optional().describe('Påkrevd når status er not_relevant'),
        overrideReason: optionalText(2000)
          .optional()
          .describe('Begrunnelse for å sette oppgaver som ferdige selv om det de avhenger av ikke er ferdig; lagres i historikken'),
        responsible: taskFields.responsible.optional(),
        responsibleUserId: responsibleUserIdField.optional(),
        dueDate: taskFields.dueDate.optional(),
      })
      .refine(
        (change) => change.status !== undefined || change.responsible !== undefined || change.responsibleUserId !== undefined || change.dueDate !== undefined,
        {
          error: says({
            nb: 'Velg hva som skal endres: status, ansvarlig eller frist.',
            nn: 'Vel kva som skal endrast: status, ansvarleg eller frist.',
            en: 'Choose what to change: status, responsible or due date.',
          }),
        },
      ),
  })
  .meta({ id: 'BulkUpdateTasks' });
export type BulkUpdateTasksBody = z.input<typeof bulkUpdateTasksBody>;

export const bulkUpdateTasksResponse = z
  .object({
    changed: z.array(task).describe('Oppgavene som ble endret, som de er nå'),
    notChanged: z
      .array(
        z.object({
          taskId: z.string(),
          title: z.string().nullable().describe('Oppgavens tittel; null når oppgaven ikke finnes i sammenslåingen'),
          code: z.string(),
          message: z.string().describe('Hvorfor oppgaven ikke ble endret, på norsk'),
        }),
      )
      .describe('Oppgavene som ikke ble endret, med grunnen for hver'),
  })
  .meta({ id: 'BulkUpdateTasksResult' });
export type BulkUpdateTasksResult = z.infer<typeof bulkUpdateTasksResponse>;

export const createTaskBody = z
  .object({
    activityId: z.string().min(1),
    title: requiredText(500),
    status: taskStatus.default('not_started'),
    notRelevantReason: taskFields.notRelevantReason.optional(),
    responsible: taskFields.responsible.optional(),
    responsibleUserId: responsibleUserIdField.optional(),
    dueDate: taskFields.dueDate.optional(),
    notes: taskFields.notes.optional(),
  })
  .meta({ id: 'CreateTask' });
export type CreateTaskBody = z.input<typeof createTaskBody>;

export const progress = z
  .object({
    total: z.number().int().describe('Alle oppgaver'),
    relevant: z.number().int().describe('Oppgaver som ikke er merket «ikke relevant»'),
    done: z.number().int(),
    inProgress: z.number().int(),
    notStarted: z.number().int(),
    notRelevant: z.number().int(),
    overdue: z.number().int(),
    percent: z.number().int().min(0).max(100).nullable().describe('Ferdige av relevante, i hele prosent; null når ingen er relevante'),
  })
  .meta({ id: 'Progress' });
export type Progress = z.infer<typeof progress>;

export const checklistProgress = z
  .object({
    merger: progress,
    phases: z.array(
      z.object({
        phaseId: z.string(),
        number: z.number().int(),
        name: z.string(),
        progress,
        activities: z.array(z.object({ activityId: z.string(), title: z.string(), progress })),
      }),
    ),
  })
  .meta({ id: 'ChecklistProgress' });
export type ChecklistProgress = z.infer<typeof checklistProgress>;
