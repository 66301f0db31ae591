import type ExcelJS from 'exceljs';
import { loadExcelJs } from '#server/lib/lazy-modules.ts';
import { consequenceDimensions, type Risk, type RiskMatrix } from '#shared/contracts/risks.ts';

export const statusNames: Record<Risk['status'], string> = {
  open: 'Åpen',
  in_progress: 'Under behandling',
  accepted: 'Akseptert',
  closed: 'Lukket',
};
export const mitigationStatusNames: Record<string, string> = { planned: 'Planlagt', in_progress: 'Pågår', done: 'Ferdig' };
export const dimensionNames: Record<(typeof consequenceDimensions)[number], string> = {
  lifeHealth: 'Liv og helse',
  serviceDelivery: 'Tjenesteleveranse',
  economy: 'Økonomi',
  reputation: 'Omdømme',
  infoSecurity: 'Informasjonssikkerhet og personvern',
};

export const registerHeaders = [
  'Risiko',
  'Beskrivelse',
  'Årsak',
  'Systemer',
  'Løsningsområder',
  'Integrasjoner',
  ...consequenceDimensions.map((dimension) => `Konsekvens: ${dimensionNames[dimension]}`),
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

/**
 * A cell that begins with =, +, - or @ gets a leading apostrophe, as in the
 * CSV exports: the workbook stores text, and a sheet that is later saved as CSV
 * or pasted elsewhere does not run it as a formula either.
 */
export function safeText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * A calendar date as a real date cell (midnight UTC, how exceljs writes a date serial
 * without a time of day), shown dd.mm.åååå, so the sheet sorts and filters it as a date.
 */
function dateCell(isoDate: string | null | undefined): Date | null {
  return isoDate ? new Date(`${isoDate}T00:00:00Z`) : null;
}

const osloDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });
/** The day a moment fell on in Norway (an acceptance at 00:30 Norwegian time is that day, not the UTC day before). */
const osloDay = (timestamp: string) => osloDate.format(new Date(timestamp));
/** dd.mm.åååå, for a date inside a text such as a mitigation's «frist». */
const dotted = (isoDate: string) => `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;

/** The register's date columns, by header. */
const dateHeaders = new Set(['Akseptert', 'Neste gjennomgang']);
export const dateFormat = 'dd.mm.yyyy';

function levelName(scale: RiskMatrix['likelihood'], level: number | null): string {
  if (level === null) return '';
  return `${level} ${scale[level - 1]?.name ?? ''}`.trim();
}

/** One row per risk with every field; the mitigations summarised in one cell; dates as date cells. */
export function registerRows(
  risks: readonly Risk[],
  matrix: RiskMatrix,
  municipalityNames: ReadonlyMap<string, string>,
): Array<Array<string | Date | null>> {
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
    statusNames[risk.status],
    risk.acceptedBy ?? '',
    risk.acceptedAt ? dateCell(osloDay(risk.acceptedAt)) : null,
    risk.acceptanceReason ?? '',
    dateCell(risk.nextReviewDate),
    risk.mitigations
      .map(
        (mitigation) =>
          `${mitigation.title} (${mitigationStatusNames[mitigation.status] ?? mitigation.status}${mitigation.owner ? `, ${mitigation.owner}` : ''}${mitigation.deadline ? `, frist ${dotted(mitigation.deadline)}` : ''})`,
      )
      .join('; '),
    `${risk.mitigations.filter((mitigation) => mitigation.status === 'done').length} av ${risk.mitigations.length}`,
  ]);
}

export async function riskRegisterXlsx(risks: readonly Risk[], matrix: RiskMatrix, municipalityNames: ReadonlyMap<string, string>): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Samla';
  const sheet = workbook.addWorksheet('Risikoregister');
  const header = sheet.addRow(registerHeaders);
  header.font = { bold: true };
  for (const row of registerRows(risks, matrix, municipalityNames)) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)));
  sheet.columns.forEach((column, index) => {
    column.width = index < 3 ? 40 : 22;
    if (dateHeaders.has(registerHeaders[index] ?? '')) column.numFmt = dateFormat;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
