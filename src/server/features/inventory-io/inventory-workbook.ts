import type ExcelJS from 'exceljs';
import { loadExcelJs } from '#server/platform/workers/lazy-modules.ts';
import { formatDate, type CellValue } from './inventory-import.domain.ts';
import { columnLetter, samlaIdHeader, sheetLayouts, type Column, type SheetLayout } from './inventory-sheets.ts';

/**
 * The workbook Samla writes (template and export share it); reading one back
 * is inventory-reading.ts. Cells here are display values: names of systems, Norwegian labels
 * of fixed values; the service turns stored rows into them.
 */
export type DisplayRow = Record<string, CellValue>;

export interface WorkbookLists {
  municipalities: ReadonlyArray<{ number: string; name: string }>;
  areaLabels: readonly string[];
  commonSolutionNames: readonly string[];
}

const listsSheet = 'Lister';

function instructions(sheet: ExcelJS.Worksheet, lists: WorkbookLists): void {
  const lines: string[] = [
    'Samla – kartlegging av IKT i kommunene',
    '',
    'Slik bruker du arbeidsboken',
    '• Hvert ark er én type register: ' + sheetLayouts.map((layout) => `«${layout.sheet}»`).join(', ') + '.',
    '• Første rad i hvert ark er overskriftene. Ikke endre dem; kolonner Samla ikke kjenner, blir ikke lest.',
    '• Kolonnen «Kommunenummer» sier hvilken kommune raden gjelder, så én arbeidsbok kan ha alle kommunene i sammenslåingen: ' +
      lists.municipalities.map((m) => `${m.number} ${m.name}`).join(', ') +
      '.',
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
    '• Faste verdier (Drift, Endringsklausul, Retning, Metode, Hvor, Kategori, Form, Løsningsområde) velges fra nedtrekkslisten.',
    '• Datoer skrives dd.mm.åååå. Ja/Nei-felt: «Ja», «Nei» eller tomt (ukjent).',
    '• Systemer nevnes ved navn, i samme kommune. «Systemer» i «Avtaler» er en liste skilt med semikolon (;). ' +
      'Systemer som legges til i samme fil, kan brukes.',
    '• «Fellesløsning» i «Integrasjoner» er navnet eller forkortelsen på en nasjonal fellesløsning (f.eks. «Altinn», «KRR»).',
    '• Samla viser først hva som vil bli endret, felt for felt, og advarer om det den har tolket (et omdøpt ark, en ukjent kolonne, ' +
      'en tekst som regnearket gjorde til dato). Ingenting lagres før du bekrefter. Har filen feil, lagres ingenting; ' +
      'hver feil vises med ark, rad og kolonne.',
    '',
    'Arkene',
    ...sheetLayouts.map((layout) => `• ${layout.sheet}: ${layout.description}`),
  ];
  lines.forEach((line, index) => {
    const row = sheet.addRow([line]);
    if (index === 0 || line === 'Slik bruker du arbeidsboken' || line === 'Arkene') row.font = { bold: true };
  });
  sheet.getColumn(1).width = 140;
  sheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
}

/**
 * The template (no rows) or an export: the same sheets, headers and dropdowns.
 * With `samlaIds` (an export, or the template of a merger with data) each sheet
 * ends with the Samla-ID column the import recognises rows by (decision 021).
 */
export async function writeWorkbook(
  lists: WorkbookLists,
  rowsByKind: Partial<Record<string, DisplayRow[]>> = {},
  options: { samlaIds?: boolean } = {},
): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Samla';
  instructions(workbook.addWorksheet('Veiledning'), lists);

  // The dropdowns' values live in a hidden sheet: a list typed into the rule itself is capped at 255 characters.
  const lists_ = workbook.addWorksheet(listsSheet, { state: 'hidden' });
  const listColumns: Array<{ key: string; values: readonly string[] }> = [
    { key: 'municipality', values: lists.municipalities.map((m) => m.number) },
    { key: 'area', values: lists.areaLabels },
    { key: 'commonSolution', values: lists.commonSolutionNames },
    { key: 'flag', values: ['Ja', 'Nei'] },
    ...sheetLayouts.flatMap((layout) =>
      layout.columns.filter((c) => c.labels).map((c) => ({ key: `${layout.kind}.${c.field}`, values: Object.values(c.labels!) })),
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
    const sheet = workbook.addWorksheet(layout.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    const idColumn = options.samlaIds ? [{ header: samlaIdHeader, key: samlaIdField, width: 38 }] : [];
    sheet.columns = [...layout.columns.map((column) => ({ header: column.header, key: column.field, width: column.width ?? 20 })), ...idColumn];
    sheet.getRow(1).font = { bold: true };
    const rows = rowsByKind[layout.kind] ?? [];
    for (const row of rows) {
      const cells = layout.columns.map((column) => row[column.field] ?? null);
      sheet.addRow(options.samlaIds ? [...cells, row[samlaIdField] ?? null] : cells);
    }
    const textColumns = new Set(['text', 'system', 'systems', 'municipality']);
    if (options.samlaIds) markSamlaIdColumn(sheet, layout.columns.length + 1, rows.length);
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
        errorTitle: 'Ugyldig verdi',
        error: `Velg en verdi fra listen for «${column.header}».`,
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
function markSamlaIdColumn(sheet: ExcelJS.Worksheet, columnNumber: number, rowCount: number): void {
  const column = sheet.getColumn(columnNumber);
  column.numFmt = '@';
  column.font = { color: { argb: 'FF6B6B6B' } };
  const header = sheet.getRow(1).getCell(columnNumber);
  header.font = { bold: true, color: { argb: 'FF6B6B6B' } };
  header.note = 'Samla-ID er radens faste nøkkel i Samla. Ikke endre den. En ny rad har den tom; tøm den når du kopierer en rad for å lage en ny.';
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
      errorTitle: 'Samla-ID fylles ut av Samla',
      error: 'Ikke skriv i Samla-ID. La den stå som eksporten laget den, eller tøm den for en ny rad.',
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
export function* csvRows(layout: SheetLayout, rows: Iterable<DisplayRow>): Generator<string[]> {
  const text = (value: CellValue): string => {
    if (value === null) return '';
    if (value instanceof Date) return formatDate(value.toISOString().slice(0, 10));
    if (typeof value === 'number') return String(value).replace('.', ',');
    return String(value);
  };
  // The Samla-ID last, as in the workbook: the import recognises the rows by it.
  yield [...layout.columns.map((c) => c.header), samlaIdHeader];
  for (const row of rows) yield [...layout.columns.map((c) => text(row[c.field] ?? null)), text(row[samlaIdField] ?? null)];
}
