import type ExcelJS from 'exceljs';
import { loadExcelJs } from '#server/platform/workers/lazy-modules.ts';
import { formatDate, type CellValue } from './inventory-import.domain.ts';
import type { InventoryKindKey } from '#shared/contracts/inventory.ts';
import type { Language } from '#shared/language.ts';
import {
  columnLetter,
  flagLabelsIn,
  guideSheetNames,
  labelsIn,
  layoutOfKind,
  listsSheetNames,
  samlaIdHeader,
  sheetLayouts,
  type Column,
  type SheetLayout,
} from './inventory-sheets.ts';

/**
 * The workbook Samla writes (template and export share it); reading one back
 * is inventory-reading.ts. Cells here are display values: names of systems, labels of fixed
 * values in the workbook's language; the service turns stored rows into them. The workbook is
 * written in one language (the merger's document language), bokmål unless told otherwise.
 */
export type DisplayRow = Record<string, CellValue>;

export interface WorkbookLists {
  municipalities: ReadonlyArray<{ number: string; name: string }>;
  areaLabels: readonly string[];
  commonSolutionNames: readonly string[];
}

/** The guide's lines (the first is the title, the headings are bold) in the workbook's language. */
function guideLines(language: Language, lists: WorkbookLists): { lines: string[]; headings: string[] } {
  const sheets = sheetLayouts.map((layout) => `«${layout.sheets[language]}»`).join(', ');
  const municipalities = lists.municipalities.map((m) => `${m.number} ${m.name}`).join(', ');
  const header = (kind: InventoryKindKey, field: string) => layoutOfKind(kind).columns.find((c) => c.field === field)!.headers[language];
  const choices = [
    header('systems', 'hosting'),
    header('contracts', 'changeClause'),
    header('integrations', 'direction'),
    header('integrations', 'method'),
    header('archives', 'locationKind'),
    header('infrastructure', 'category'),
    header('intermunicipalCooperation', 'form'),
    header('systems', 'solutionAreaId'),
  ].join(', ');
  const sheetOf = (kind: InventoryKindKey) => layoutOfKind(kind).sheets[language];
  const per = sheetLayouts.map((layout) => `• ${layout.sheets[language]}: ${layout.description[language]}`);
  const { yes, no } = flagLabelsIn(language);
  const texts: Record<Language, { title: string; how: string; sheets: string; body: string[] }> = {
    nb: {
      title: 'Samla – kartlegging av IKT i kommunene',
      how: 'Slik bruker du arbeidsboken',
      sheets: 'Arkene',
      body: [
        '• Hvert ark er én type register: ' + sheets + '.',
        '• Første rad i hvert ark er overskriftene. Ikke endre dem; kolonner Samla ikke kjenner, blir ikke lest.',
        '• Kolonnen «Kommunenummer» sier hvilken kommune raden gjelder, så én arbeidsbok kan ha alle kommunene i sammenslåingen: ' + municipalities + '.',
        `• Kolonnen «${samlaIdHeader}» (siste kolonne, grå) er radens faste nøkkel i Samla. Den fylles ut av Samla i eksporten; ` +
          'ikke endre den. En ny rad har den tom. Kopierer du en rad for å lage en ny, tøm Samla-ID i kopien.',
        '• Slik kjennes radene igjen: først på Samla-ID; rader uten den på kommunenummer og navn (se under for hvert ark). ' +
          'Å rette leverandøren eller navnet på en rad med Samla-ID endrer raden, den lager ikke en ny. ' +
          'Å laste opp samme fil to ganger endrer ingenting.',
        '• En kolonne som mangler i arket, endrer ingenting i Samla. En tom celle i en kolonne arket har, tømmer feltet.',
        '• Rader i Samla som ikke står i filen, blir stående, med mindre du velger å slette dem i forhåndsvisningen. ' +
          'Det gjelder bare registrene og kommunene filen har rader for.',
        '• Skriv tall som i norsk: 150 000 eller 150000, desimaler med komma (12,5). Tekstkolonner (Versjon, Navn …) er formatert som tekst, ' +
          'så 5.4 ikke blir en dato.',
        '• CSV: semikolon, komma eller tabulator som skilletegn; UTF-8 (med eller uten BOM), UTF-16 eller Windows-1252 ' +
          '(«CSV (semikolonseparert)» fra norsk Excel).',
        `• Faste verdier (${choices}) velges fra nedtrekkslisten.`,
        '• Datoer skrives dd.mm.åååå. Ja/Nei-felt: «Ja», «Nei» eller tomt (ukjent).',
        `• Systemer nevnes ved navn, i samme kommune. «${header('contracts', 'systemIds')}» i «${sheetOf('contracts')}» er en liste skilt med semikolon (;). ` +
          'Systemer som legges til i samme fil, kan brukes.',
        `• «${header('integrations', 'commonSolutionId')}» i «${sheetOf('integrations')}» er navnet eller forkortelsen på en nasjonal fellesløsning (f.eks. «Altinn», «KRR»).`,
        '• Samla viser først hva som vil bli endret, felt for felt, og advarer om det den har tolket (et omdøpt ark, en ukjent kolonne, ' +
          'en tekst som regnearket gjorde til dato). Ingenting lagres før du bekrefter. Har filen feil, lagres ingenting; ' +
          'hver feil vises med ark, rad og kolonne.',
      ],
    },
    nn: {
      title: 'Samla – kartlegging av IKT i kommunane',
      how: 'Slik brukar du arbeidsboka',
      sheets: 'Arka',
      body: [
        '• Kvart ark er éin type register: ' + sheets + '.',
        '• Første rad i kvart ark er overskriftene. Ikkje endre dei; kolonnar Samla ikkje kjenner, blir ikkje lesne.',
        '• Kolonnen «Kommunenummer» seier kva kommune rada gjeld, så éi arbeidsbok kan ha alle kommunane i samanslåinga: ' + municipalities + '.',
        `• Kolonnen «${samlaIdHeader}» (siste kolonne, grå) er den faste nøkkelen til rada i Samla. Samla fyller han ut i eksporten; ` +
          'ikkje endre han. Ei ny rad har han tom. Kopierer du ei rad for å lage ei ny, tøm Samla-ID i kopien.',
        '• Slik blir radene kjende att: først på Samla-ID; rader utan han på kommunenummer og namn (sjå under for kvart ark). ' +
          'Å rette leverandøren eller namnet på ei rad med Samla-ID endrar rada, ho lagar ikkje ei ny. ' +
          'Å laste opp same fil to gonger endrar ingenting.',
        '• Ein kolonne som manglar i arket, endrar ingenting i Samla. Ei tom celle i ein kolonne arket har, tømmer feltet.',
        '• Rader i Samla som ikkje står i fila, blir ståande, med mindre du vel å slette dei i førehandsvisinga. ' +
          'Det gjeld berre registera og kommunane fila har rader for.',
        `• Skriv tal som på norsk: 150 000 eller 150000, desimalar med komma (12,5). Tekstkolonnar (${header('systems', 'productVersion')}, ${header('systems', 'name')} …) er formaterte som tekst, ` +
          'så 5.4 ikkje blir ein dato.',
        '• CSV: semikolon, komma eller tabulator som skiljeteikn; UTF-8 (med eller utan BOM), UTF-16 eller Windows-1252 ' +
          '(«CSV (semikolonseparert)» frå norsk Excel).',
        `• Faste verdiar (${choices}) vel du frå nedtrekkslista.`,
        `• Datoar skriv du dd.mm.åååå. Ja/Nei-felt: «${yes}», «${no}» eller tomt (ukjend).`,
        `• System blir nemnde ved namn, i same kommune. «${header('contracts', 'systemIds')}» i «${sheetOf('contracts')}» er ei liste skild med semikolon (;). ` +
          'System som blir lagde til i same fil, kan brukast.',
        `• «${header('integrations', 'commonSolutionId')}» i «${sheetOf('integrations')}» er namnet eller forkortinga på ei nasjonal fellesløysing (t.d. «Altinn», «KRR»).`,
        '• Samla viser først kva som vil bli endra, felt for felt, og åtvarar om det Samla har tolka (eit omdøypt ark, ein ukjend kolonne, ' +
          'ein tekst som reknearket gjorde til dato). Ingenting blir lagra før du stadfestar. Har fila feil, blir ingenting lagra; ' +
          'kvar feil blir vist med ark, rad og kolonne.',
        '• Arbeidsboka kan fyllast ut på bokmål, nynorsk eller engelsk: Samla kjenner att arknamn, overskrifter og faste verdiar på alle tre.',
      ],
    },
    en: {
      title: 'Samla – ICT inventory of the municipalities',
      how: 'How to use the workbook',
      sheets: 'The sheets',
      body: [
        '• Each sheet is one kind of register: ' + sheets + '.',
        '• The first row of each sheet holds the headers. Do not change them; columns Samla does not know are not read.',
        `• The column «${header('systems', 'municipalityNumber')}» says which municipality the row belongs to, so one workbook can hold every municipality in the merger: ` +
          municipalities +
          '.',
        `• The column «${samlaIdHeader}» (the last column, grey) is the row's permanent key in Samla. Samla fills it in when it exports; ` +
          'do not change it. A new row leaves it empty. If you copy a row to make a new one, empty Samla-ID in the copy.',
        '• How rows are recognised: first by Samla-ID; rows without one by municipality number and name (see each sheet below). ' +
          'Correcting the supplier or the name of a row with a Samla-ID changes that row; it does not make a new one. ' +
          'Uploading the same file twice changes nothing.',
        '• A column missing from the sheet changes nothing in Samla. An empty cell in a column the sheet has clears the field.',
        '• Rows in Samla that are not in the file are kept, unless you choose to delete them in the preview. ' +
          'This applies only to the registers and municipalities the file has rows for.',
        `• Write numbers the Norwegian way: 150 000 or 150000, with a decimal comma (12,5). Text columns (${header('systems', 'productVersion')}, ${header('systems', 'name')} …) are formatted as text, ` +
          'so that 5.4 does not become a date.',
        '• CSV: semicolon, comma or tab as the separator; UTF-8 (with or without BOM), UTF-16 or Windows-1252 ' +
          '(«CSV (semicolon delimited)» from a Norwegian Excel).',
        `• Fixed values (${choices}) are chosen from the drop-down list.`,
        `• Dates are written dd.mm.yyyy. Yes/No fields: «${yes}», «${no}» or empty (unknown).`,
        `• Systems are named by their name, within the same municipality. «${header('contracts', 'systemIds')}» in «${sheetOf('contracts')}» is a list separated by semicolons (;). ` +
          'Systems added in the same file can be used.',
        `• «${header('integrations', 'commonSolutionId')}» in «${sheetOf('integrations')}» is the name or abbreviation of a national common solution (e.g. «Altinn», «KRR»).`,
        '• Samla first shows what will change, field by field, and warns about what it has interpreted (a renamed sheet, an unknown column, ' +
          'text the spreadsheet turned into a date). Nothing is saved until you confirm. If the file has errors, nothing is saved; ' +
          'each error is shown with its sheet, row and column.',
        '• The workbook may be filled in in English, Norwegian Bokmål or Nynorsk: Samla recognises sheet names, headers and fixed values in all three.',
      ],
    },
  };
  const text = texts[language];
  return { lines: [text.title, '', text.how, ...text.body, '', text.sheets, ...per], headings: [text.how, text.sheets] };
}

function instructions(sheet: ExcelJS.Worksheet, lists: WorkbookLists, language: Language): void {
  const { lines, headings } = guideLines(language, lists);
  lines.forEach((line, index) => {
    const row = sheet.addRow([line]);
    if (index === 0 || headings.includes(line)) row.font = { bold: true };
  });
  sheet.getColumn(1).width = 140;
  sheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
}

const workbookTexts: Record<
  Language,
  { invalidTitle: string; invalid: (header: string) => string; samlaIdNote: string; samlaIdTitle: string; samlaIdError: string }
> = {
  nb: {
    invalidTitle: 'Ugyldig verdi',
    invalid: (header) => `Velg en verdi fra listen for «${header}».`,
    samlaIdNote: 'Samla-ID er radens faste nøkkel i Samla. Ikke endre den. En ny rad har den tom; tøm den når du kopierer en rad for å lage en ny.',
    samlaIdTitle: 'Samla-ID fylles ut av Samla',
    samlaIdError: 'Ikke skriv i Samla-ID. La den stå som eksporten laget den, eller tøm den for en ny rad.',
  },
  nn: {
    invalidTitle: 'Ugyldig verdi',
    invalid: (header) => `Vel ein verdi frå lista for «${header}».`,
    samlaIdNote: 'Samla-ID er den faste nøkkelen til rada i Samla. Ikkje endre han. Ei ny rad har han tom; tøm han når du kopierer ei rad for å lage ei ny.',
    samlaIdTitle: 'Samla fyller ut Samla-ID',
    samlaIdError: 'Ikkje skriv i Samla-ID. La han stå slik eksporten laga han, eller tøm han for ei ny rad.',
  },
  en: {
    invalidTitle: 'Invalid value',
    invalid: (header) => `Choose a value from the list for «${header}».`,
    samlaIdNote: "Samla-ID is the row's permanent key in Samla. Do not change it. A new row leaves it empty; empty it when you copy a row to make a new one.",
    samlaIdTitle: 'Samla fills in Samla-ID',
    samlaIdError: 'Do not type in Samla-ID. Leave it as the export made it, or empty it for a new row.',
  },
};

/**
 * The template (no rows) or an export: the same sheets, headers and dropdowns.
 * With `samlaIds` (an export, or the template of a merger with data) each sheet
 * ends with the Samla-ID column the import recognises rows by (decision 021).
 */
export async function writeWorkbook(
  lists: WorkbookLists,
  rowsByKind: Partial<Record<string, DisplayRow[]>> = {},
  options: { samlaIds?: boolean; language?: Language } = {},
): Promise<Buffer> {
  const language = options.language ?? 'nb';
  const texts = workbookTexts[language];
  const listsSheet = listsSheetNames[language];
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Samla';
  instructions(workbook.addWorksheet(guideSheetNames[language]), lists, language);

  // The dropdowns' values live in a hidden sheet: a list typed into the rule itself is capped at 255 characters.
  const lists_ = workbook.addWorksheet(listsSheet, { state: 'hidden' });
  const listColumns: Array<{ key: string; values: readonly string[] }> = [
    { key: 'municipality', values: lists.municipalities.map((m) => m.number) },
    { key: 'area', values: lists.areaLabels },
    { key: 'commonSolution', values: lists.commonSolutionNames },
    { key: 'flag', values: Object.values(flagLabelsIn(language)) },
    ...sheetLayouts.flatMap((layout) =>
      layout.columns.filter((c) => c.choice).map((c) => ({ key: `${layout.kind}.${c.field}`, values: Object.values(labelsIn(c, language)!) })),
    ),
  ];
  const listRange = new Map<string, string>();
  listColumns.forEach((list, index) => {
    const letter = columnLetter(index);
    list.values.forEach((value, row) => {
      lists_.getCell(`${letter}${row + 1}`).value = value;
    });
    listRange.set(list.key, `${listsSheet}!$${letter}$1:$${letter}$${Math.max(1, list.values.length)}`);
  });

  for (const layout of sheetLayouts) {
    const sheet = workbook.addWorksheet(layout.sheets[language], { views: [{ state: 'frozen', ySplit: 1 }] });
    const idColumn = options.samlaIds ? [{ header: samlaIdHeader, key: samlaIdField, width: 38 }] : [];
    sheet.columns = [...layout.columns.map((column) => ({ header: column.headers[language], key: column.field, width: column.width ?? 20 })), ...idColumn];
    sheet.getRow(1).font = { bold: true };
    const rows = rowsByKind[layout.kind] ?? [];
    for (const row of rows) {
      const cells = layout.columns.map((column) => row[column.field] ?? null);
      sheet.addRow(options.samlaIds ? [...cells, row[samlaIdField] ?? null] : cells);
    }
    const textColumns = new Set(['text', 'system', 'systems', 'municipality']);
    if (options.samlaIds) markSamlaIdColumn(sheet, layout.columns.length + 1, rows.length, language);
    layout.columns.forEach((column, index) => {
      // Free text as text: Calc and Excel would make a date of «5.4» typed into Versjon.
      if (textColumns.has(column.type)) sheet.getColumn(index + 1).numFmt = '@';
      if (column.type === 'date') sheet.getColumn(index + 1).numFmt = 'dd.mm.yyyy';
      const list = validationList(layout, column);
      if (!list) return;
      const letter = columnLetter(index);
      // Ranges, not cells: exceljs expands each validated cell when it reads a workbook back.
      const last = Math.max(1000, rows.length + 500);
      (sheet as unknown as { dataValidations: { add: (address: string, rule: unknown) => void } }).dataValidations.add(`${letter}2:${letter}${last}`, {
        type: 'list',
        allowBlank: true,
        formulae: [listRange.get(list)!],
        showErrorMessage: column.type !== 'commonSolution',
        errorTitle: texts.invalidTitle,
        error: texts.invalid(column.headers[language]),
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The key carried by a display row for the Samla-ID column. */
export const samlaIdField = '__samlaId';

/**
 * The Samla-ID column: grey, explained in a note, and guarded by validation
 * against typing. Not a locked sheet: Excel refuses to delete or sort rows
 * with locked cells, which clerks do all the time (decision 021).
 */
function markSamlaIdColumn(sheet: ExcelJS.Worksheet, columnNumber: number, rowCount: number, language: Language): void {
  const texts = workbookTexts[language];
  const column = sheet.getColumn(columnNumber);
  column.numFmt = '@';
  column.font = { color: { argb: 'FF6B6B6B' } };
  const header = sheet.getRow(1).getCell(columnNumber);
  header.font = { bold: true, color: { argb: 'FF6B6B6B' } };
  header.note = texts.samlaIdNote;
  const letter = columnLetter(columnNumber - 1);
  (sheet as unknown as { dataValidations: { add: (address: string, rule: unknown) => void } }).dataValidations.add(
    `${letter}2:${letter}${Math.max(1000, rowCount + 500)}`,
    {
      type: 'textLength',
      operator: 'equal',
      allowBlank: true,
      formulae: [36],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: texts.samlaIdTitle,
      error: texts.samlaIdError,
    },
  );
}

function validationList(layout: SheetLayout, column: Column): string | undefined {
  if (column.type === 'municipality' || column.type === 'area' || column.type === 'commonSolution' || column.type === 'flag') {
    return column.type;
  }
  if (column.labels) return `${layout.kind}.${column.field}`;
  return undefined;
}

/** A register's CSV rows, header first: cells as the user reads them, made one row at a time. */
export function* csvRows(layout: SheetLayout, rows: Iterable<DisplayRow>, language: Language = 'nb'): Generator<string[]> {
  const text = (value: CellValue): string => {
    if (value === null) return '';
    if (value instanceof Date) return formatDate(value.toISOString().slice(0, 10));
    if (typeof value === 'number') return String(value).replace('.', ',');
    return String(value);
  };
  // The Samla-ID last, as in the workbook: the import recognises the rows by it.
  yield [...layout.columns.map((c) => c.headers[language]), samlaIdHeader];
  for (const row of rows) yield [...layout.columns.map((c) => text(row[c.field] ?? null)), text(row[samlaIdField] ?? null)];
}
