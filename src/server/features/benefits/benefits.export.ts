import type ExcelJS from 'exceljs';
import { loadExcelJs } from '#server/lib/lazy-modules.ts';
import type { Benefit, BenefitStatus, BenefitType, Indicator } from '#shared/contracts/benefits.ts';

export const statusNames: Record<BenefitStatus, string> = {
  planned: 'Planlagt',
  in_progress: 'Under realisering',
  realised: 'Realisert',
  cancelled: 'Avbrutt',
};
export const typeNames: Record<BenefitType, string> = { economic: 'Økonomisk', quality: 'Kvalitet', time: 'Tid', other: 'Annet' };

export const planHeaders = [
  'Gevinst',
  'Beskrivelse',
  'Tjenesteområde',
  'Type',
  'Gevinsteier',
  'Ansvarlig',
  'Planlagt realisert',
  'Status',
  'Muliggjøres av',
  'Indikator',
  'Enhet',
  'Retning',
  'Nullpunkt',
  'Nullpunkt dato',
  'Mål',
  'Måldato',
  'Siste måling',
  'Siste måling dato',
  'Forventet på datoen',
  'Bak planen',
] as const;

/** Text a spreadsheet would read as a formula gets an apostrophe first, as in the CSV exports. */
export function safeText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Cell = string | number | Date | null;

/**
 * A calendar date as a real date cell (midnight UTC, which is how exceljs writes a date
 * serial without a time of day), shown as dd.mm.åååå: a spreadsheet can sort and filter
 * it as a date, which it cannot with the text «2027-01-01». Empty stays empty.
 */
export function dateCell(isoDate: string | null | undefined): Date | null {
  return isoDate ? new Date(`${isoDate}T00:00:00Z`) : null;
}

/** The plan's date columns, by header: written as date cells with this format. */
const dateHeaders = new Set<string>(['Planlagt realisert', 'Nullpunkt dato', 'Måldato', 'Siste måling dato']);
export const dateFormat = 'dd.mm.yyyy';

/**
 * One row per indicator (a benefit without indicators gets one row), so the
 * plan can be filtered on status, owner and «bak planen». Text is guarded
 * against formula injection; numbers stay numbers.
 */
export function planRows(plan: ReadonlyArray<{ benefit: Benefit; indicators: readonly Indicator[] }>): Cell[][] {
  return plan.flatMap(({ benefit, indicators }) => {
    const enablers = [
      ...benefit.enablers.tasks.map((task) => `Oppgave: ${task.title}`),
      ...benefit.enablers.decisions.map((decision) => `Veivalg: ${decision.name}`),
      ...benefit.enablers.opportunities.map((opportunity) => `Mulighet: ${opportunity.title}`),
    ].join('\n');
    const base: Cell[] = [
      safeText(benefit.title),
      safeText(benefit.description),
      safeText(benefit.serviceArea),
      typeNames[benefit.type],
      safeText(benefit.owner),
      safeText(benefit.responsible),
      dateCell(benefit.plannedRealisationDate),
      statusNames[benefit.status],
      safeText(enablers),
    ];
    if (indicators.length === 0) return [[...base, '', '', '', null, null, null, null, null, null, null, '']];
    return indicators.map((indicator) => [
      ...base,
      safeText(indicator.name),
      safeText(indicator.unit),
      indicator.direction === 'higher' ? 'Høyere er bedre' : 'Lavere er bedre',
      indicator.baselineValue,
      dateCell(indicator.baselineDate),
      indicator.targetValue,
      dateCell(indicator.targetDate),
      indicator.status.latest?.value ?? null,
      dateCell(indicator.status.latest?.measuredOn),
      indicator.status.expected === null ? null : Math.round(indicator.status.expected * 100) / 100,
      indicator.status.latest ? (indicator.status.behind ? 'Ja' : 'Nei') : '',
    ]);
  });
}

export async function planXlsx(plan: ReadonlyArray<{ benefit: Benefit; indicators: readonly Indicator[] }>, title: string): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Samla';
  const sheet = workbook.addWorksheet('Gevinstrealiseringsplan');
  sheet.addRow([safeText(title)]).font = { bold: true };
  sheet.addRow([...planHeaders]).font = { bold: true };
  for (const row of planRows(plan)) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = [36, 40, 20, 12, 22, 22, 14, 18, 40, 30, 10, 16, 12, 14, 12, 14, 12, 14, 14, 10][index] ?? 16;
    if (dateHeaders.has(planHeaders[index] ?? '')) column.numFmt = dateFormat;
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
