import { dateCell, type TableCell, type TableWorkbook } from '#server/platform/formats/table-workbook.ts';
import type { DecisionRecord } from '#shared/contracts/decisions.ts';
import { dateInOslo } from '#shared/calendar-dates.ts';
import type { Language } from '#shared/language.ts';
import { vocabularyIn } from '#shared/vocabulary/vocabulary-in.ts';
import type { DecisionRow } from './decisions.repo.ts';
import { decisionMakerName } from './decisions.domain.ts';

/** The log's own words, in the merger's document language. */
interface LogWords {
  sheet: string;
  title: string;
  headers: readonly string[];
  dateHeaders: readonly string[];
  wrapHeaders: readonly string[];
}

const logWords: Readonly<Record<Language, LogWords>> = {
  nb: {
    sheet: 'Veivalg',
    title: 'Veivalg og vedtak',
    headers: [
      'Sektor',
      'Løsningsområde',
      'Veivalg',
      'Målsystem',
      'Når på plass',
      'Tilstand',
      'Vedtatt av',
      'Møtedato',
      'Saksnummer',
      'Lenke til arkivet',
      'Begrunnelse',
      'Registrert vedtatt av',
      'Registrert vedtatt',
    ],
    dateHeaders: ['Møtedato', 'Registrert vedtatt'],
    wrapHeaders: ['Begrunnelse'],
  },
  nn: {
    sheet: 'Vegval',
    title: 'Vegval og vedtak',
    headers: [
      'Sektor',
      'Løysingsområde',
      'Vegval',
      'Målsystem',
      'Når på plass',
      'Tilstand',
      'Vedteke av',
      'Møtedato',
      'Saksnummer',
      'Lenkje til arkivet',
      'Grunngiving',
      'Registrert vedteke av',
      'Registrert vedteke',
    ],
    dateHeaders: ['Møtedato', 'Registrert vedteke'],
    wrapHeaders: ['Grunngiving'],
  },
  en: {
    sheet: 'Decisions',
    title: 'Decisions and resolutions',
    headers: [
      'Sector',
      'Solution area',
      'Decision',
      'Target system',
      'In place by',
      'State',
      'Adopted by',
      'Meeting date',
      'Case number',
      'Link to the archive',
      'Reason',
      'Recorded as adopted by',
      'Recorded as adopted',
    ],
    dateHeaders: ['Meeting date', 'Recorded as adopted'],
    wrapHeaders: ['Reason'],
  },
};

/** The log's column headers in `language`. */
export const decisionLogHeaders = (language: Language): readonly string[] => logWords[language].headers;

export interface DecisionLogEntry {
  sector: string;
  areaName: string;
  row: DecisionRow;
  targetSystemName: string | null;
  record: DecisionRecord | null;
}

/**
 * The veivalg log: one row per area with a veivalg, the decision on record with it, so the
 * project can hand the archive (or the steering group) the list with case numbers and links.
 * Text is guarded against formula injection by the workbook writer.
 */
export function decisionLogWorkbook(entries: readonly DecisionLogEntry[], language: Language): TableWorkbook {
  const words = logWords[language];
  const vocabulary = vocabularyIn(language);
  const rows: TableCell[][] = entries.map(({ sector, areaName, row, targetSystemName, record }) => [
    sector,
    areaName,
    vocabulary.decisionOutcome[row.outcome],
    targetSystemName ?? '',
    vocabulary.decisionTiming[row.timing],
    vocabulary.decisionState[row.state],
    record ? decisionMakerName(record, language) : '',
    dateCell(record?.meetingDate),
    record?.caseNumber ?? '',
    record?.archiveUrl ?? '',
    row.rationale ?? '',
    row.state === 'adopted' ? (row.decidedByName ?? '') : '',
    row.state === 'adopted' && row.decidedAt ? dateCell(dateInOslo(row.decidedAt)) : null,
  ]);
  return {
    sheet: words.sheet,
    title: words.title,
    headers: words.headers,
    rows,
    widths: [24, 36, 16, 30, 18, 12, 26, 12, 18, 50, 50, 22, 14],
    defaultWidth: 16,
    dateHeaders: words.dateHeaders,
    wrapHeaders: words.wrapHeaders,
  };
}
