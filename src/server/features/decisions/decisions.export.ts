import { dateCell, type TableCell, type TableWorkbook } from '#server/platform/formats/table-workbook.ts';
import type { DecisionRecord } from '#shared/contracts/decisions.ts';
import { dateInOslo } from '#shared/calendar-dates.ts';
import { nbVocabulary as vocabulary } from '#shared/vocabulary/nb.ts';
import type { DecisionRow } from './decisions.repo.ts';
import { decisionMakerName } from './decisions.domain.ts';

export const decisionLogHeaders = [
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
] as const;

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
export function decisionLogWorkbook(entries: readonly DecisionLogEntry[], title: string): TableWorkbook {
  const rows: TableCell[][] = entries.map(({ sector, areaName, row, targetSystemName, record }) => [
    sector,
    areaName,
    vocabulary.decisionOutcome[row.outcome],
    targetSystemName ?? '',
    vocabulary.decisionTiming[row.timing],
    vocabulary.decisionState[row.state],
    record ? decisionMakerName(record) : '',
    dateCell(record?.meetingDate),
    record?.caseNumber ?? '',
    record?.archiveUrl ?? '',
    row.rationale ?? '',
    row.state === 'adopted' ? (row.decidedByName ?? '') : '',
    row.state === 'adopted' && row.decidedAt ? dateCell(dateInOslo(row.decidedAt)) : null,
  ]);
  return {
    sheet: 'Veivalg',
    title,
    headers: decisionLogHeaders,
    rows,
    widths: [24, 36, 16, 30, 18, 12, 26, 12, 18, 50, 50, 22, 14],
    defaultWidth: 16,
    dateHeaders: ['Møtedato', 'Registrert vedtatt'],
    wrapHeaders: ['Begrunnelse'],
  };
}
