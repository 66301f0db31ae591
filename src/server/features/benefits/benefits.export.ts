import { dateCell, safeText, type TableCell, type TableWorkbook } from '#server/platform/formats/table-workbook.ts';
import type { Benefit, Indicator } from '#shared/contracts/benefits.ts';
import type { Language } from '#shared/language.ts';
import { vocabularyIn } from '#shared/vocabulary/vocabulary-in.ts';

/** The plan's own words, in the merger's document language. */
interface PlanWords {
  sheet: string;
  headers: readonly string[];
  dateHeaders: readonly string[];
  task: string;
  decision: string;
  opportunity: string;
  yes: string;
  no: string;
}

const planWords: Readonly<Record<Language, PlanWords>> = {
  nb: {
    sheet: 'Gevinstrealiseringsplan',
    headers: [
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
    ],
    dateHeaders: ['Planlagt realisert', 'Nullpunkt dato', 'Måldato', 'Siste måling dato'],
    task: 'Oppgave',
    decision: 'Veivalg',
    opportunity: 'Mulighet',
    yes: 'Ja',
    no: 'Nei',
  },
  nn: {
    sheet: 'Gevinstrealiseringsplan',
    headers: [
      'Gevinst',
      'Skildring',
      'Tenesteområde',
      'Type',
      'Gevinsteigar',
      'Ansvarleg',
      'Planlagd realisert',
      'Status',
      'Blir mogleggjord av',
      'Indikator',
      'Eining',
      'Retning',
      'Nullpunkt',
      'Dato for nullpunktet',
      'Mål',
      'Måldato',
      'Siste måling',
      'Dato for siste måling',
      'Venta på datoen',
      'Bak planen',
    ],
    dateHeaders: ['Planlagd realisert', 'Dato for nullpunktet', 'Måldato', 'Dato for siste måling'],
    task: 'Oppgåve',
    decision: 'Vegval',
    opportunity: 'Moglegheit',
    yes: 'Ja',
    no: 'Nei',
  },
  en: {
    sheet: 'Benefit realisation plan',
    headers: [
      'Benefit',
      'Description',
      'Service area',
      'Type',
      'Benefit owner',
      'Responsible',
      'Planned realisation',
      'Status',
      'Enabled by',
      'Indicator',
      'Unit',
      'Direction',
      'Baseline',
      'Baseline date',
      'Target',
      'Target date',
      'Latest measurement',
      'Latest measurement date',
      'Expected on the date',
      'Behind plan',
    ],
    dateHeaders: ['Planned realisation', 'Baseline date', 'Target date', 'Latest measurement date'],
    task: 'Task',
    decision: 'Decision',
    opportunity: 'Opportunity',
    yes: 'Yes',
    no: 'No',
  },
};

/** The plan's column headers in `language`. */
export const planHeaders = (language: Language): readonly string[] => planWords[language].headers;

type Cell = TableCell;

/**
 * One row per indicator (a benefit without indicators gets one row), so the
 * plan can be filtered on status, owner and «bak planen». Text is guarded
 * against formula injection; numbers stay numbers.
 */
export function planRows(plan: ReadonlyArray<{ benefit: Benefit; indicators: readonly Indicator[] }>, language: Language): Cell[][] {
  const words = planWords[language];
  const vocabulary = vocabularyIn(language);
  return plan.flatMap(({ benefit, indicators }) => {
    const enablers = [
      ...benefit.enablers.tasks.map((task) => `${words.task}: ${task.title}`),
      ...benefit.enablers.decisions.map((decision) => `${words.decision}: ${decision.name}`),
      ...benefit.enablers.opportunities.map((opportunity) => `${words.opportunity}: ${opportunity.title}`),
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
      indicator.status.latest ? (indicator.status.behind ? words.yes : words.no) : '',
    ]);
  });
}

/** The plan as one sheet in the merger's document language, written in a worker thread (decision 024). */
export function planWorkbook(plan: ReadonlyArray<{ benefit: Benefit; indicators: readonly Indicator[] }>, language: Language): TableWorkbook {
  const words = planWords[language];
  return {
    sheet: words.sheet,
    title: words.sheet,
    headers: words.headers,
    rows: planRows(plan, language),
    widths: [36, 40, 20, 12, 22, 22, 14, 18, 40, 30, 10, 16, 12, 14, 12, 14, 12, 14, 14, 10],
    defaultWidth: 16,
    dateHeaders: words.dateHeaders,
  };
}
