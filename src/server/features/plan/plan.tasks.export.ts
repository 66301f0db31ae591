import { dateCell, type TableCell, type TableWorkbook } from '#server/platform/formats/table-workbook.ts';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import { taskTitleInContext } from '#shared/task-title.ts';
import { nbVocabulary as vocabulary } from '#shared/vocabulary/nb.ts';

export const checklistHeaders = [
  'Fase',
  'Aktivitet',
  'Løsningsområde',
  'Oppgave',
  'Status',
  'Begrunnelse ikke relevant',
  'Ansvarlig',
  'Planlagt start',
  'Frist',
  'Forfalt',
  'Avhenger av',
  'Gjelder kommune',
  'Notater',
] as const;

export interface ChecklistExportInput {
  title: string;
  tasks: readonly Task[];
  /** The merger's dependencies: task → the tasks it depends on. */
  dependencies: ReadonlyArray<{ taskId: string; dependsOnTaskId: string }>;
  /** Every task of the merger by id, so a dependency outside a filtered list is still named. */
  labels: ReadonlyMap<string, string>;
  phaseNames: ReadonlyMap<number, string>;
  activityTitles: ReadonlyMap<string, string>;
  municipalities: ReadonlyArray<{ number: string; name: string }>;
}

/**
 * The checklist as one sheet, one row per task in the checklist's order, so a project can
 * sort and filter it in a spreadsheet. Plain data in, so it is written in a worker thread
 * (decision 024); `writeTableWorkbook` makes every text cell formula-safe.
 */
export function checklistWorkbook(input: ChecklistExportInput): TableWorkbook {
  const dependsOn = new Map<string, string[]>();
  for (const edge of input.dependencies) {
    const label = input.labels.get(edge.dependsOnTaskId);
    if (label === undefined) continue;
    dependsOn.set(edge.taskId, [...(dependsOn.get(edge.taskId) ?? []), label]);
  }
  const municipalityNames = new Map(input.municipalities.map((municipality) => [municipality.number, municipality.name]));
  const rows: TableCell[][] = input.tasks.map((task) => [
    `${task.phase}. ${input.phaseNames.get(task.phase) ?? ''}`.trim(),
    input.activityTitles.get(task.activityId) ?? null,
    task.area?.name ?? null,
    // The group tells same-named library tasks apart; the area has its own column.
    task.area === null ? taskTitleInContext({ title: task.title, area: undefined, group: task.group }) : task.title,
    vocabulary.taskStatus[task.status],
    task.notRelevantReason,
    task.responsible,
    dateCell(task.plannedStart),
    dateCell(task.dueDate),
    task.overdue ? 'Ja' : null,
    (dependsOn.get(task.id) ?? []).join('; ') || null,
    task.municipalityNumber === null ? null : (municipalityNames.get(task.municipalityNumber) ?? task.municipalityNumber),
    task.notes,
  ]);
  return {
    sheet: 'Sjekkliste',
    title: input.title,
    headers: checklistHeaders,
    rows,
    widths: [28, 36, 28, 60, 14, 30, 24, 14, 14, 9, 50, 20, 50],
    defaultWidth: 16,
    dateHeaders: ['Planlagt start', 'Frist'],
    wrapHeaders: ['Oppgave', 'Avhenger av', 'Notater'],
  };
}
