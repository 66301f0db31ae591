import { dateCell, type TableCell, type TableWorkbook } from '#server/platform/formats/table-workbook.ts';
import { dateInOslo } from '#shared/calendar-dates.ts';
import { consequenceDimensions, type Risk, type RiskMatrix } from '#shared/contracts/risks.ts';
import { nbVocabulary as vocabulary } from '#shared/vocabulary/nb.ts';

export const registerHeaders = [
  'Risiko',
  'Beskrivelse',
  'Årsak',
  'Systemer',
  'Løsningsområder',
  'Integrasjoner',
  ...consequenceDimensions.map((dimension) => `Konsekvens: ${vocabulary.consequenceDimension[dimension]}`),
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
];

/** dd.mm.åååå, for a date inside a text such as a mitigation's «frist». */
const dotted = (isoDate: string) => `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;

function levelName(scale: RiskMatrix['likelihood'], level: number | null): string {
  if (level === null) return '';
  return `${level} ${scale[level - 1]?.name ?? ''}`.trim();
}

/** One row per risk with every field; the mitigations summarised in one cell; dates as date cells. */
export function registerRows(risks: readonly Risk[], matrix: RiskMatrix, municipalityNames: ReadonlyMap<string, string>): TableCell[][] {
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
    risk.inherent ? `${risk.inherent.className} (${risk.inherent.likelihood}×${risk.inherent.consequence})` : 'Ikke vurdert',
    levelName(matrix.likelihood, risk.residualLikelihood),
    levelName(matrix.consequence, risk.residualConsequence),
    risk.residual ? `${risk.residual.className} (${risk.residual.likelihood}×${risk.residual.consequence})` : 'Ikke vurdert',
    risk.owner ?? '',
    vocabulary.riskStatus[risk.status],
    risk.acceptedBy ?? '',
    risk.acceptedAt ? dateCell(dateInOslo(risk.acceptedAt)) : null,
    risk.acceptanceReason ?? '',
    dateCell(risk.nextReviewDate),
    risk.mitigations
      .map(
        (mitigation) =>
          `${mitigation.title} (${vocabulary.mitigationStatus[mitigation.status] ?? mitigation.status}${mitigation.responsibleName ? `, ${mitigation.responsibleName}` : ''}${mitigation.deadline ? `, frist ${dotted(mitigation.deadline)}` : ''})`,
      )
      .join('; '),
    `${risk.mitigations.filter((mitigation) => mitigation.status === 'done').length} av ${risk.mitigations.length}`,
  ]);
}

/** The risk register as one sheet, written in a worker thread (decision 024). */
export function riskRegisterWorkbook(risks: readonly Risk[], matrix: RiskMatrix, municipalityNames: ReadonlyMap<string, string>): TableWorkbook {
  return {
    sheet: 'Risikoregister',
    headers: registerHeaders,
    rows: registerRows(risks, matrix, municipalityNames),
    widths: [40, 40, 40],
    defaultWidth: 22,
    dateHeaders: ['Akseptert', 'Neste gjennomgang'],
  };
}
