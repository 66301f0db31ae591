import type { InventoryKindKey } from '#shared/contracts/inventory.ts';
import { nbVocabulary } from '#shared/vocabulary/nb.ts';

// The workbook is written in bokmål: its sheet names and dropdown labels are read back on import.
const inventoryKindNames = nbVocabulary.inventoryKind;
const inventoryValueLabels = nbVocabulary.inventoryValue;

/**
 * The one layout of the inventory in a spreadsheet: sheet names, column
 * headers and what each column holds. The template, the xlsx and CSV exports
 * and the import all read it from here, so an export imports with no changes.
 */
export type ColumnType =
  'municipality' | 'text' | 'integer' | 'decimal' | 'year' | 'flag' | 'date' | 'choice' | 'area' | 'system' | 'systems' | 'commonSolution';

export interface Column {
  header: string;
  /** The field in the kind's contract. */
  field: string;
  type: ColumnType;
  required?: boolean;
  /** For choices: the stored value → its Norwegian label. */
  labels?: Readonly<Record<string, string>>;
  width?: number;
}

export interface SheetLayout {
  kind: InventoryKindKey;
  /** The register's name (the vocabulary's `inventoryKind`), as the app shows it. */
  sheet: string;
  /** Names the sheet had in earlier templates: a workbook made from one still imports as it is. */
  formerSheetNames?: string[];
  columns: Column[];
  /**
   * The fields that recognise a row without a Samla-ID (besides the
   * municipality). The vendor is not one of them: correcting it must not make
   * a second system.
   */
  naturalKey: string[];
  /** Fields that tell apart stored rows with the same key (two systems of one name from two vendors). */
  tieBreaker?: string[];
  description: string;
}

/**
 * The column that carries a stored row's id in exports and in templates for a
 * merger with data: the import matches on it before anything else.
 */
export const samlaIdHeader = 'Samla-ID';

const municipality: Column = { header: 'Kommunenummer', field: 'municipalityNumber', type: 'municipality', required: true, width: 16 };
const notes: Column = { header: 'Merknader', field: 'notes', type: 'text', width: 40 };
const text = (header: string, field: string, width = 24): Column => ({ header, field, type: 'text', width });

export const sheetLayouts: SheetLayout[] = [
  {
    kind: 'systems',
    sheet: inventoryKindNames.systems,
    description:
      'IKT-systemer og fagsystemer. Gjenkjennes på Samla-ID, ellers på kommunenummer og navn ' + '(leverandøren skiller bare to systemer med samme navn).',
    naturalKey: ['name'],
    tieBreaker: ['vendor'],
    columns: [
      municipality,
      { header: 'Navn', field: 'name', type: 'text', required: true, width: 32 },
      text('Leverandør', 'vendor'),
      text('Produkt', 'product'),
      text('Versjon', 'productVersion', 12),
      { header: 'Løsningsområde', field: 'solutionAreaId', type: 'area', width: 36 },
      text('Tjenesteområde', 'serviceArea'),
      { header: 'Drift', field: 'hosting', type: 'choice', labels: inventoryValueLabels.hosting, width: 18 },
      { header: 'Antall brukere', field: 'userCount', type: 'integer', width: 14 },
      text('Systemeier', 'systemOwner'),
      { header: 'Arkivverdig', field: 'archiveWorthy', type: 'flag', width: 12 },
      notes,
    ],
  },
  {
    kind: 'digitalServices',
    sheet: inventoryKindNames.digitalServices,
    description: 'Digitale tjenester for innbyggere og næringsliv. Gjenkjennes på Samla-ID, ellers på kommunenummer og navn.',
    naturalKey: ['name'],
    columns: [
      municipality,
      { header: 'Navn', field: 'name', type: 'text', required: true, width: 32 },
      text('Leverandør', 'vendor'),
      text('Versjon', 'productVersion', 12),
      text('Kanal', 'channel'),
      { header: 'System', field: 'systemId', type: 'system', width: 28 },
      notes,
    ],
  },
  {
    kind: 'contracts',
    sheet: inventoryKindNames.contracts,
    description: 'Avtaleverket. Gjenkjennes på Samla-ID, ellers på kommunenummer, leverandør og hva avtalen gjelder.',
    naturalKey: ['vendor', 'subject'],
    columns: [
      municipality,
      { header: 'Leverandør', field: 'vendor', type: 'text', required: true, width: 24 },
      text('Avtaletype', 'type', 18),
      text('Gjelder', 'subject', 32),
      { header: 'Startdato', field: 'startDate', type: 'date', width: 12 },
      { header: 'Sluttdato', field: 'endDate', type: 'date', width: 12 },
      { header: 'Oppsigelsestid (måneder)', field: 'noticePeriodMonths', type: 'integer', width: 14 },
      text('Oppsigelsesklausul', 'terminationClause', 32),
      { header: 'Endringsklausul', field: 'changeClause', type: 'choice', labels: inventoryValueLabels.changeClause, width: 32 },
      { header: 'Årlig kostnad (kr)', field: 'annualCost', type: 'decimal', width: 16 },
      { header: 'Systemer', field: 'systemIds', type: 'systems', width: 40 },
      notes,
    ],
  },
  {
    kind: 'integrations',
    sheet: inventoryKindNames.integrations,
    description:
      'Integrasjoner fra et system til et annet system eller til en nasjonal fellesløsning. ' +
      'Gjenkjennes på Samla-ID, ellers på kommunenummer, fra-system og mål.',
    naturalKey: ['fromSystemId', 'toSystemId', 'commonSolutionId'],
    columns: [
      municipality,
      { header: 'Fra system', field: 'fromSystemId', type: 'system', required: true, width: 28 },
      { header: 'Til system', field: 'toSystemId', type: 'system', width: 28 },
      { header: 'Fellesløsning', field: 'commonSolutionId', type: 'commonSolution', width: 28 },
      { header: 'Retning', field: 'direction', type: 'choice', labels: inventoryValueLabels.direction, width: 14 },
      { header: 'Metode', field: 'method', type: 'choice', labels: inventoryValueLabels.method, width: 12 },
      notes,
    ],
  },
  {
    kind: 'archives',
    sheet: inventoryKindNames.archives,
    description: 'Hvor arkivverdig og bevaringsverdig dokumentasjon ligger. Gjenkjennes på Samla-ID, ellers på kommunenummer og navn.',
    naturalKey: ['name'],
    columns: [
      municipality,
      { header: 'Navn', field: 'name', type: 'text', required: true, width: 32 },
      text('Beskrivelse', 'description', 32),
      { header: 'Hvor', field: 'locationKind', type: 'choice', labels: inventoryValueLabels.locationKind, width: 16 },
      { header: 'System', field: 'systemId', type: 'system', width: 28 },
      { header: 'Noark 5', field: 'noark5', type: 'flag', width: 10 },
      text('Omfang', 'volume', 16),
      { header: 'Fra år', field: 'periodFrom', type: 'year', width: 10 },
      { header: 'Til år', field: 'periodTo', type: 'year', width: 10 },
      text('Tilgang i ny kommune', 'accessNeeded', 32),
      notes,
    ],
  },
  {
    kind: 'infrastructure',
    sheet: inventoryKindNames.infrastructure,
    description: 'Servere, serverrom, nettverk, sikkerhet, identitet og tilgang. Gjenkjennes på Samla-ID, ellers på kommunenummer, kategori og navn.',
    naturalKey: ['category', 'name'],
    columns: [
      municipality,
      { header: 'Kategori', field: 'category', type: 'choice', required: true, labels: inventoryValueLabels.category, width: 22 },
      { header: 'Navn', field: 'name', type: 'text', required: true, width: 32 },
      text('Beskrivelse', 'description', 32),
      text('Plassering', 'location'),
      notes,
    ],
  },
  {
    kind: 'itOrganisation',
    sheet: inventoryKindNames.itOrganisation,
    formerSheetNames: ['IKT-organisasjon'],
    description: 'Roller, kompetanse og årsverk. Gjenkjennes på Samla-ID, ellers på kommunenummer og rolle.',
    naturalKey: ['role'],
    columns: [
      municipality,
      { header: 'Rolle', field: 'role', type: 'text', required: true, width: 28 },
      text('Kompetanse', 'competence', 40),
      { header: 'Årsverk', field: 'fte', type: 'decimal', width: 10 },
      notes,
    ],
  },
  {
    kind: 'intermunicipalCooperation',
    sheet: inventoryKindNames.intermunicipalCooperation,
    formerSheetNames: ['Interkommunalt samarbeid'],
    description: 'Interkommunale samarbeid. Gjenkjennes på Samla-ID, ellers på kommunenummer og navn.',
    naturalKey: ['name'],
    columns: [
      municipality,
      { header: 'Navn', field: 'name', type: 'text', required: true, width: 32 },
      text('Omfang', 'scope', 32),
      { header: 'Form', field: 'form', type: 'choice', labels: inventoryValueLabels.form, width: 16 },
      text('Deltakere', 'partners', 32),
      text('Arkiv', 'archive', 32),
      notes,
    ],
  },
];

/** A spreadsheet's column letter from a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const layoutOfKind = (kind: InventoryKindKey): SheetLayout => sheetLayouts.find((layout) => layout.kind === kind)!;

/** A CSV's or a sheet's kind from the kind key, its URL segment or its sheet name. */
export function findLayout(name: string): SheetLayout | undefined {
  const key = name.trim().toLocaleLowerCase('nb');
  return sheetLayouts.find(
    (layout) =>
      layout.kind.toLocaleLowerCase('nb') === key ||
      layout.sheet.toLocaleLowerCase('nb') === key ||
      layout.formerSheetNames?.some((former) => former.toLocaleLowerCase('nb') === key) ||
      layout.kind.replaceAll(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) === key,
  );
}
