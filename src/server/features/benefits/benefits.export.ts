import { dateCell, safeText, type TableCell, type TableWorkbook } from '#server/platform/formats/table-workbook.ts';
import type { Benefit, Indicator } from '#shared/contracts/benefits.ts';
import { nbVocabulary as vocabulary } from '#shared/vocabulary/nb.ts';

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

type Cell = TableCell;

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
      vocabulary.benefitType[benefit.type],
      safeText(benefit.owner),
      safeText(benefit.responsibleName),
      dateCell(benefit.plannedRealisationDate),
      vocabulary.benefitStatus[benefit.status],
      safeText(enablers),
    ];
    if (indicators.length === 0) return [[...base, '', '', '', null, null, null, null, null, null, null, '']];
    return indicators.map((indicator) => [
      ...base,
      safeText(indicator.name),
      safeText(indicator.unit),
      vocabulary.indicatorDirection[indicator.direction],
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

/** The plan as one sheet, written in a worker thread (decision 024). */
export function planWorkbook(plan: ReadonlyArray<{ benefit: Benefit; indicators: readonly Indicator[] }>, title: string): TableWorkbook {
  return {
    sheet: 'Gevinstrealiseringsplan',
    title,
    headers: planHeaders,
    rows: planRows(plan),
    widths: [36, 40, 20, 12, 22, 22, 14, 18, 40, 30, 10, 16, 12, 14, 12, 14, 12, 14, 14, 10],
    defaultWidth: 16,
    dateHeaders: ['Planlagt realisert', 'Nullpunkt dato', 'Måldato', 'Siste måling dato'],
  };
}
