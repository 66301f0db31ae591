import { dateCell, type TableCell, type TableWorkbook } from '#server/platform/formats/table-workbook.ts';
import { documentDate } from '#shared/document-date.ts';
import { dateInOslo } from '#shared/calendar-dates.ts';
import { consequenceDimensions, type Risk, type RiskMatrix } from '#shared/contracts/risks.ts';
import type { Language } from '#shared/language.ts';
import { vocabularyIn } from '#shared/vocabulary/vocabulary-in.ts';

/** The risk register's own words, in the merger's document language. */
interface RegisterWords {
  sheet: string;
  before: readonly string[];
  consequenceOf: (dimension: string) => string;
  after: readonly string[];
  /** The two date columns, by their header. */
  dateHeaders: readonly [accepted: string, nextReview: string];
  notAssessed: string;
  deadline: (date: string) => string;
  doneOf: (done: number, total: number) => string;
}

/** dd.mm.åååå, for a date inside a text such as a mitigation's «frist». */
const dotted = (isoDate: string) => documentDate(isoDate, 'nb');
/** «1 Mar 2028»: English readers take 01.03.2028 for the 3rd of January (decision 039). */
const english = (isoDate: string) => documentDate(isoDate, 'en');

const registerWords: Readonly<Record<Language, RegisterWords>> = {
  nb: {
    sheet: 'Risikoregister',
    before: ['Risiko', 'Beskrivelse', 'Årsak', 'Systemer', 'Løsningsområder', 'Integrasjoner'],
    consequenceOf: (dimension) => `Konsekvens: ${dimension}`,
    after: [
      'Sannsynlighet',
      'Konsekvens (verste)',
      'Risiko før tiltak',
      'Restsannsynlighet',
      'Restkonsekvens',
      'Restrisiko',
      'Eier',
      'Status',
      'Akseptert av',
      'Akseptert',
      'Begrunnelse for aksept',
      'Neste gjennomgang',
      'Tiltak',
      'Tiltak ferdige',
    ],
    dateHeaders: ['Akseptert', 'Neste gjennomgang'],
    notAssessed: 'Ikke vurdert',
    deadline: (date) => `frist ${dotted(date)}`,
    doneOf: (done, total) => `${done} av ${total}`,
  },
  nn: {
    sheet: 'Risikoregister',
    before: ['Risiko', 'Skildring', 'Årsak', 'System', 'Løysingsområde', 'Integrasjonar'],
    consequenceOf: (dimension) => `Konsekvens: ${dimension}`,
    after: [
      'Sannsyn',
      'Konsekvens (verste)',
      'Risiko før tiltak',
      'Restsannsyn',
      'Restkonsekvens',
      'Restrisiko',
      'Eigar',
      'Status',
      'Akseptert av',
      'Akseptert',
      'Grunngiving for aksept',
      'Neste gjennomgang',
      'Tiltak',
      'Tiltak ferdige',
    ],
    dateHeaders: ['Akseptert', 'Neste gjennomgang'],
    notAssessed: 'Ikkje vurdert',
    deadline: (date) => `frist ${dotted(date)}`,
    doneOf: (done, total) => `${done} av ${total}`,
  },
  en: {
    sheet: 'Risk register',
    before: ['Risk', 'Description', 'Cause', 'Systems', 'Solution areas', 'Integrations'],
    consequenceOf: (dimension) => `Consequence: ${dimension}`,
    after: [
      'Likelihood',
      'Consequence (worst)',
      'Risk before measures',
      'Residual likelihood',
      'Residual consequence',
      'Residual risk',
      'Owner',
      'Status',
      'Accepted by',
      'Accepted',
      'Reason for acceptance',
      'Next review',
      'Measures',
      'Measures done',
    ],
    dateHeaders: ['Accepted', 'Next review'],
    notAssessed: 'Not assessed',
    deadline: (date) => `deadline ${english(date)}`,
    doneOf: (done, total) => `${done} of ${total}`,
  },
};

/** The register's column headers in `language`. */
export function registerHeaders(language: Language): string[] {
  const words = registerWords[language];
  return [
    ...words.before,
    ...consequenceDimensions.map((dimension) => words.consequenceOf(vocabularyIn(language).consequenceDimension[dimension])),
    ...words.after,
  ];
}

function levelName(scale: RiskMatrix['likelihood'], level: number | null): string {
  if (level === null) return '';
  return `${level} ${scale[level - 1]?.name ?? ''}`.trim();
}

/**
 * One row per risk with every field; the mitigations summarised in one cell; dates as date cells.
 * The matrix's level and class names and everything the team wrote stay as written.
 */
export function registerRows(risks: readonly Risk[], matrix: RiskMatrix, municipalityNames: ReadonlyMap<string, string>, language: Language): TableCell[][] {
  const words = registerWords[language];
  const vocabulary = vocabularyIn(language);
  return risks.map((risk) => [
    risk.title,
    risk.description ?? '',
    risk.cause ?? '',
    risk.systems.map((system) => `${system.name} (${municipalityNames.get(system.municipalityNumber) ?? system.municipalityNumber})`).join('; '),
    risk.areas.map((area) => area.name).join('; '),
    risk.integrations.map((integration) => integration.label).join('; '),
    ...consequenceDimensions.map((dimension) => levelName(matrix.consequence, risk.consequences[dimension])),
    levelName(matrix.likelihood, risk.likelihood),
    levelName(matrix.consequence, risk.consequence),
    risk.inherent ? `${risk.inherent.className} (${risk.inherent.likelihood}×${risk.inherent.consequence})` : words.notAssessed,
    levelName(matrix.likelihood, risk.residualLikelihood),
    levelName(matrix.consequence, risk.residualConsequence),
    risk.residual ? `${risk.residual.className} (${risk.residual.likelihood}×${risk.residual.consequence})` : words.notAssessed,
    risk.owner ?? '',
    vocabulary.riskStatus[risk.status],
    risk.acceptedBy ?? '',
    risk.acceptedAt ? dateCell(dateInOslo(risk.acceptedAt)) : null,
    risk.acceptanceReason ?? '',
    dateCell(risk.nextReviewDate),
    risk.mitigations
      .map(
        (mitigation) =>
          `${mitigation.title} (${vocabulary.mitigationStatus[mitigation.status] ?? mitigation.status}${mitigation.responsibleName ? `, ${mitigation.responsibleName}` : ''}${mitigation.deadline ? `, ${words.deadline(mitigation.deadline)}` : ''})`,
      )
      .join('; '),
    words.doneOf(risk.mitigations.filter((mitigation) => mitigation.status === 'done').length, risk.mitigations.length),
  ]);
}

/** The risk register as one sheet in the merger's document language, written in a worker thread (decision 024). */
export function riskRegisterWorkbook(
  risks: readonly Risk[],
  matrix: RiskMatrix,
  municipalityNames: ReadonlyMap<string, string>,
  language: Language,
): TableWorkbook {
  return {
    sheet: registerWords[language].sheet,
    headers: registerHeaders(language),
    rows: registerRows(risks, matrix, municipalityNames, language),
    widths: [40, 40, 40],
    defaultWidth: 22,
    dateHeaders: registerWords[language].dateHeaders,
  };
}
