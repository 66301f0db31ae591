import type { InventoryKindKey } from '#shared/contracts/inventory.ts';
import { languages, type Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { enVocabulary } from '#shared/vocabulary/en.ts';
import { nbVocabulary } from '#shared/vocabulary/nb.ts';
import { nnVocabulary } from '#shared/vocabulary/nn.ts';
import type { Vocabulary } from '#shared/vocabulary/vocabulary.ts';

/**
 * The one layout of the inventory in a spreadsheet: sheet names, column
 * headers and what each column holds, in bokmål, nynorsk and English. The
 * template and the exports are written in the merger's document language; the
 * import reads sheet names, headers and fixed values in any of the three
 * (a nynorsk template filled in by a bokmål colleague still imports). The
 * template, the xlsx and CSV exports and the import all read it from here, so
 * an export imports with no changes.
 */
export type ColumnType =
  'municipality' | 'text' | 'integer' | 'decimal' | 'year' | 'flag' | 'date' | 'choice' | 'area' | 'system' | 'systems' | 'commonSolution';

export const vocabularies: Readonly<Record<Language, Vocabulary>> = { nb: nbVocabulary, nn: nnVocabulary, en: enVocabulary };

export type ChoiceList = keyof Vocabulary['inventoryValue'];

export interface Column {
  /** The bokmål header: the column's name inside Samla (what the reader maps every language's header to). */
  header: string;
  /** The header in each language the workbook is written in. */
  headers: Localized;
  /** The field in the kind's contract. */
  field: string;
  type: ColumnType;
  required?: boolean;
  /** For choices: the vocabulary's list of the value's names. */
  choice?: ChoiceList;
  /** For choices: the stored value → its bokmål label. */
  labels?: Readonly<Record<string, string>>;
  width?: number;
}

export interface SheetLayout {
  kind: InventoryKindKey;
  /** The register's bokmål name (the vocabulary's `inventoryKind`), as the app shows it. */
  sheet: string;
  /** The register's name in each language: the sheet's name in a workbook of that language. */
  sheets: Localized;
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
  description: Localized;
}

/**
 * The column that carries a stored row's id in exports and in templates for a
 * merger with data: the import matches on it before anything else. A name, the
 * same in every language.
 */
export const samlaIdHeader = 'Samla-ID';

/** The sheets Samla writes besides the registers, in each language; the import skips them. */
export const guideSheetNames: Localized = { nb: 'Veiledning', nn: 'Rettleiing', en: 'Instructions' };
export const listsSheetNames: Localized = { nb: 'Lister', nn: 'Lister', en: 'Lists' };

/** A choice column's labels (stored value → label) in a language. */
export function labelsIn(column: Column, language: Language): Readonly<Record<string, string>> | undefined {
  return column.choice ? vocabularies[language].inventoryValue[column.choice] : undefined;
}

/** Yes and no as a Ja/Nei cell says them in a language. */
export function flagLabelsIn(language: Language): { yes: string; no: string } {
  const flag = vocabularies[language].flag;
  return { yes: flag.yes, no: flag.no };
}

const h = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });
const column = (headers: Localized, field: string, type: ColumnType, options: Omit<Partial<Column>, 'header' | 'headers' | 'field' | 'type'> = {}): Column => ({
  header: headers.nb,
  headers,
  field,
  type,
  ...options,
  ...(options.choice ? { labels: nbVocabulary.inventoryValue[options.choice] } : {}),
});
const choice = (headers: Localized, field: string, list: ChoiceList, width: number, required = false): Column =>
  column(headers, field, 'choice', { choice: list, width, ...(required ? { required } : {}) });
const municipality = column(h('Kommunenummer', 'Kommunenummer', 'Municipality number'), 'municipalityNumber', 'municipality', { required: true, width: 16 });
const notes = column(h('Merknader', 'Merknader', 'Notes'), 'notes', 'text', { width: 40 });
const text = (headers: Localized, field: string, width = 24): Column => column(headers, field, 'text', { width });
const name = column(h('Navn', 'Namn', 'Name'), 'name', 'text', { required: true, width: 32 });
const description = text(h('Beskrivelse', 'Skildring', 'Description'), 'description', 32);
const sheetsOf = (kind: InventoryKindKey): Localized => ({
  nb: nbVocabulary.inventoryKind[kind],
  nn: nnVocabulary.inventoryKind[kind],
  en: enVocabulary.inventoryKind[kind],
});

export const sheetLayouts: SheetLayout[] = [
  {
    kind: 'systems',
    sheet: nbVocabulary.inventoryKind.systems,
    sheets: sheetsOf('systems'),
    description: h(
      'IKT-systemer og fagsystemer. Gjenkjennes på Samla-ID, ellers på kommunenummer og navn ' + '(leverandøren skiller bare to systemer med samme navn).',
      'IKT-system og fagsystem. Blir kjende att på Samla-ID, elles på kommunenummer og namn (leverandøren skil berre to system med same namn).',
      'ICT systems and line-of-business systems. Recognised by Samla-ID, otherwise by municipality number and name ' +
        '(the supplier only tells apart two systems with the same name).',
    ),
    naturalKey: ['name'],
    tieBreaker: ['vendor'],
    columns: [
      municipality,
      name,
      text(h('Leverandør', 'Leverandør', 'Supplier'), 'vendor'),
      text(h('Produkt', 'Produkt', 'Product'), 'product'),
      text(h('Versjon', 'Versjon', 'Version'), 'productVersion', 12),
      column(h('Løsningsområde', 'Løysingsområde', 'Solution area'), 'solutionAreaId', 'area', { width: 36 }),
      text(h('Tjenesteområde', 'Tenesteområde', 'Service area'), 'serviceArea'),
      choice(h('Drift', 'Drift', 'Hosting'), 'hosting', 'hosting', 18),
      column(h('Antall brukere', 'Tal på brukarar', 'Number of users'), 'userCount', 'integer', { width: 14 }),
      text(h('Systemeier', 'Systemeigar', 'System owner'), 'systemOwner'),
      column(h('Arkivverdig', 'Arkivverdig', 'Of archival value'), 'archiveWorthy', 'flag', { width: 12 }),
      notes,
    ],
  },
  {
    kind: 'digitalServices',
    sheet: nbVocabulary.inventoryKind.digitalServices,
    sheets: sheetsOf('digitalServices'),
    description: h(
      'Digitale tjenester for innbyggere og næringsliv. Gjenkjennes på Samla-ID, ellers på kommunenummer og navn.',
      'Digitale tenester for innbyggjarar og næringsliv. Blir kjende att på Samla-ID, elles på kommunenummer og namn.',
      'Digital services for residents and businesses. Recognised by Samla-ID, otherwise by municipality number and name.',
    ),
    naturalKey: ['name'],
    columns: [
      municipality,
      name,
      text(h('Leverandør', 'Leverandør', 'Supplier'), 'vendor'),
      text(h('Versjon', 'Versjon', 'Version'), 'productVersion', 12),
      text(h('Kanal', 'Kanal', 'Channel'), 'channel'),
      column(h('System', 'System', 'System'), 'systemId', 'system', { width: 28 }),
      notes,
    ],
  },
  {
    kind: 'contracts',
    sheet: nbVocabulary.inventoryKind.contracts,
    sheets: sheetsOf('contracts'),
    description: h(
      'Avtaleverket. Gjenkjennes på Samla-ID, ellers på kommunenummer, leverandør og hva avtalen gjelder.',
      'Avtaleverket. Blir kjende att på Samla-ID, elles på kommunenummer, leverandør og kva avtalen gjeld.',
      'The agreements. Recognised by Samla-ID, otherwise by municipality number, supplier and what the agreement covers.',
    ),
    naturalKey: ['vendor', 'subject'],
    columns: [
      municipality,
      column(h('Leverandør', 'Leverandør', 'Supplier'), 'vendor', 'text', { required: true, width: 24 }),
      text(h('Avtaletype', 'Avtaletype', 'Agreement type'), 'type', 18),
      text(h('Gjelder', 'Gjeld', 'Covers'), 'subject', 32),
      column(h('Startdato', 'Startdato', 'Start date'), 'startDate', 'date', { width: 12 }),
      column(h('Sluttdato', 'Sluttdato', 'End date'), 'endDate', 'date', { width: 12 }),
      column(h('Oppsigelsestid (måneder)', 'Oppseiingstid (månader)', 'Notice period (months)'), 'noticePeriodMonths', 'integer', { width: 14 }),
      text(h('Oppsigelsesklausul', 'Oppseiingsklausul', 'Termination clause'), 'terminationClause', 32),
      choice(h('Endringsklausul', 'Endringsklausul', 'Change clause'), 'changeClause', 'changeClause', 32),
      column(h('Årlig kostnad (kr)', 'Årleg kostnad (kr)', 'Annual cost (NOK)'), 'annualCost', 'decimal', { width: 16 }),
      column(h('Systemer', 'System', 'Systems'), 'systemIds', 'systems', { width: 40 }),
      notes,
    ],
  },
  {
    kind: 'integrations',
    sheet: nbVocabulary.inventoryKind.integrations,
    sheets: sheetsOf('integrations'),
    description: h(
      'Integrasjoner fra et system til et annet system eller til en nasjonal fellesløsning. ' +
        'Gjenkjennes på Samla-ID, ellers på kommunenummer, fra-system og mål.',
      'Integrasjonar frå eit system til eit anna system eller til ei nasjonal fellesløysing. ' +
        'Blir kjende att på Samla-ID, elles på kommunenummer, frå-system og mål.',
      'Integrations from one system to another system or to a national common solution. ' +
        'Recognised by Samla-ID, otherwise by municipality number, from-system and target.',
    ),
    naturalKey: ['fromSystemId', 'toSystemId', 'commonSolutionId'],
    columns: [
      municipality,
      column(h('Fra system', 'Frå system', 'From system'), 'fromSystemId', 'system', { required: true, width: 28 }),
      column(h('Til system', 'Til system', 'To system'), 'toSystemId', 'system', { width: 28 }),
      column(h('Fellesløsning', 'Fellesløysing', 'Common solution'), 'commonSolutionId', 'commonSolution', { width: 28 }),
      choice(h('Retning', 'Retning', 'Direction'), 'direction', 'direction', 14),
      choice(h('Metode', 'Metode', 'Method'), 'method', 'method', 12),
      notes,
    ],
  },
  {
    kind: 'archives',
    sheet: nbVocabulary.inventoryKind.archives,
    sheets: sheetsOf('archives'),
    description: h(
      'Hvor arkivverdig og bevaringsverdig dokumentasjon ligger. Gjenkjennes på Samla-ID, ellers på kommunenummer og navn.',
      'Kvar arkivverdig og bevaringsverdig dokumentasjon ligg. Blir kjende att på Samla-ID, elles på kommunenummer og namn.',
      'Where documentation worth archiving and preserving is kept. Recognised by Samla-ID, otherwise by municipality number and name.',
    ),
    naturalKey: ['name'],
    columns: [
      municipality,
      name,
      description,
      choice(h('Hvor', 'Kvar', 'Where'), 'locationKind', 'locationKind', 16),
      column(h('System', 'System', 'System'), 'systemId', 'system', { width: 28 }),
      column(h('Noark 5', 'Noark 5', 'Noark 5'), 'noark5', 'flag', { width: 10 }),
      text(h('Omfang', 'Omfang', 'Volume'), 'volume', 16),
      column(h('Fra år', 'Frå år', 'From year'), 'periodFrom', 'year', { width: 10 }),
      column(h('Til år', 'Til år', 'To year'), 'periodTo', 'year', { width: 10 }),
      text(h('Tilgang i ny kommune', 'Tilgang i ny kommune', 'Access in the new municipality'), 'accessNeeded', 32),
      notes,
    ],
  },
  {
    kind: 'infrastructure',
    sheet: nbVocabulary.inventoryKind.infrastructure,
    sheets: sheetsOf('infrastructure'),
    description: h(
      'Servere, serverrom, nettverk, sikkerhet, identitet og tilgang. Gjenkjennes på Samla-ID, ellers på kommunenummer, kategori og navn.',
      'Serverar, serverrom, nettverk, tryggleik, identitet og tilgang. Blir kjende att på Samla-ID, elles på kommunenummer, kategori og namn.',
      'Servers, server rooms, networks, security, identity and access. Recognised by Samla-ID, otherwise by municipality number, category and name.',
    ),
    naturalKey: ['category', 'name'],
    columns: [
      municipality,
      choice(h('Kategori', 'Kategori', 'Category'), 'category', 'category', 22, true),
      name,
      description,
      text(h('Plassering', 'Plassering', 'Location'), 'location'),
      notes,
    ],
  },
  {
    kind: 'itOrganisation',
    sheet: nbVocabulary.inventoryKind.itOrganisation,
    sheets: sheetsOf('itOrganisation'),
    formerSheetNames: ['IKT-organisasjon'],
    description: h(
      'Roller, kompetanse og årsverk. Gjenkjennes på Samla-ID, ellers på kommunenummer og rolle.',
      'Roller, kompetanse og årsverk. Blir kjende att på Samla-ID, elles på kommunenummer og rolle.',
      'Roles, skills and full-time equivalents. Recognised by Samla-ID, otherwise by municipality number and role.',
    ),
    naturalKey: ['role'],
    columns: [
      municipality,
      column(h('Rolle', 'Rolle', 'Role'), 'role', 'text', { required: true, width: 28 }),
      text(h('Kompetanse', 'Kompetanse', 'Skills'), 'competence', 40),
      column(h('Årsverk', 'Årsverk', 'Full-time equivalents'), 'fte', 'decimal', { width: 10 }),
      notes,
    ],
  },
  {
    kind: 'intermunicipalCooperation',
    sheet: nbVocabulary.inventoryKind.intermunicipalCooperation,
    sheets: sheetsOf('intermunicipalCooperation'),
    formerSheetNames: ['Interkommunalt samarbeid'],
    description: h(
      'Interkommunale samarbeid. Gjenkjennes på Samla-ID, ellers på kommunenummer og navn.',
      'Interkommunale samarbeid. Blir kjende att på Samla-ID, elles på kommunenummer og namn.',
      'Inter-municipal cooperation. Recognised by Samla-ID, otherwise by municipality number and name.',
    ),
    naturalKey: ['name'],
    columns: [
      municipality,
      name,
      text(h('Omfang', 'Omfang', 'Scope'), 'scope', 32),
      choice(h('Form', 'Form', 'Form'), 'form', 'form', 16),
      text(h('Deltakere', 'Deltakarar', 'Participants'), 'partners', 32),
      text(h('Arkiv', 'Arkiv', 'Archive'), 'archive', 32),
      notes,
    ],
  },
];

/** Every name a layout's sheet may have in a file: its name in each language and its former names. */
export function sheetNamesOf(layout: SheetLayout): string[] {
  return [...new Set([...languages.map((language) => layout.sheets[language]), ...(layout.formerSheetNames ?? [])])];
}

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
      sheetNamesOf(layout).some((sheet) => sheet.toLocaleLowerCase('nb') === key) ||
      layout.kind.replaceAll(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) === key,
  );
}
