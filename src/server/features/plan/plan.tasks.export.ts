import { dateCell, type TableCell, type TableWorkbook } from '#server/platform/formats/table-workbook.ts';
import { documentDate } from '#shared/document-date.ts';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import { taskTitleInContext } from '#shared/task-title.ts';
import type { Language } from '#shared/language.ts';
import { vocabularyIn } from '#shared/vocabulary/vocabulary-in.ts';

/** The checklist file's own words, in the merger's document language. */
interface ChecklistWords {
  sheet: string;
  title: (exportedOn: string) => string;
  headers: readonly string[];
  dateHeaders: readonly string[];
  wrapHeaders: readonly string[];
  yes: string;
}

const dotted = (isoDate: string) => isoDate.split('-').reverse().join('.');

const checklistWords: Readonly<Record<Language, ChecklistWords>> = {
  nb: {
    sheet: 'Sjekkliste',
    title: (exportedOn) => `Sjekkliste, eksportert ${dotted(exportedOn)}`,
    headers: [
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
    ],
    dateHeaders: ['Planlagt start', 'Frist'],
    wrapHeaders: ['Oppgave', 'Avhenger av', 'Notater'],
    yes: 'Ja',
  },
  nn: {
    sheet: 'Sjekkliste',
    title: (exportedOn) => `Sjekkliste, eksportert ${dotted(exportedOn)}`,
    headers: [
      'Fase',
      'Aktivitet',
      'Løysingsområde',
      'Oppgåve',
      'Status',
      'Grunngiving for ikkje relevant',
      'Ansvarleg',
      'Planlagd start',
      'Frist',
      'Forfallen',
      'Avheng av',
      'Gjeld kommune',
      'Notat',
    ],
    dateHeaders: ['Planlagd start', 'Frist'],
    wrapHeaders: ['Oppgåve', 'Avheng av', 'Notat'],
    yes: 'Ja',
  },
  en: {
    sheet: 'Checklist',
    title: (exportedOn) => `Checklist, exported ${documentDate(exportedOn, 'en')}`,
    headers: [
      'Phase',
      'Activity',
      'Solution area',
      'Task',
      'Status',
      'Reason not relevant',
      'Responsible',
      'Planned start',
      'Due date',
      'Overdue',
      'Depends on',
      'Applies to municipality',
      'Notes',
    ],
    dateHeaders: ['Planned start', 'Due date'],
    wrapHeaders: ['Task', 'Depends on', 'Notes'],
    yes: 'Yes',
  },
};

/** The checklist's column headers in `language`. */
export const checklistHeaders = (language: Language): readonly string[] => checklistWords[language].headers;

export interface ChecklistExportInput {
  /** The merger's document language; the tasks, phases, activities and areas come in it already (the library's translation). */
  language: Language;
  /** The day of the export, YYYY-MM-DD. */
  exportedOn: string;
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
  const words = checklistWords[input.language];
  const vocabulary = vocabularyIn(input.language);
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
    task.overdue ? words.yes : null,
    (dependsOn.get(task.id) ?? []).join('; ') || null,
    task.municipalityNumber === null ? null : (municipalityNames.get(task.municipalityNumber) ?? task.municipalityNumber),
    task.notes,
  ]);
  return {
    sheet: words.sheet,
    title: words.title(input.exportedOn),
    headers: words.headers,
    rows,
    widths: [28, 36, 28, 60, 14, 30, 24, 14, 14, 9, 50, 20, 50],
    defaultWidth: 16,
    dateHeaders: words.dateHeaders,
    wrapHeaders: words.wrapHeaders,
  };
}
