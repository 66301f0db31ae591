#!/usr/bin/env node
/**
 * Writes test-fixtures/import/: spreadsheets made the way municipalities make
 * them, saved by LibreOffice Calc rather than by exceljs, so the import's
 * reading (inventory-reading.ts) is tested on another program's files. The
 * tests read the committed files; CI has no LibreOffice.
 *
 *   node --import tsx scripts/make-import-fixtures.mjs
 *
 * Needs LibreOffice Calc (apt-get install libreoffice-calc-nogui). Made with
 * LibreOffice 7.4 on Debian 12. Each workbook is first built with exceljs (the
 * template by Samla's own writeWorkbook), then opened and saved by
 * `soffice --headless --convert-to xlsx`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-fixtures', 'import');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'samla-fixtures-'));
const profile = `file://${join(work, 'profile')}`;

/** Calc headless: `args` after the profile, run in the work directory. */
function soffice(...args) {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=${profile}`, ...args], { cwd: work, stdio: 'pipe' });
}

/** An xlsx written by exceljs, saved again by LibreOffice Calc into test-fixtures/import/<name>. */
async function viaCalc(name, workbook) {
  const source = join(work, `source-${name}`);
  mkdirSync(source, { recursive: true });
  const input = join(source, name);
  await workbook.xlsx.writeFile(input);
  soffice('--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', work, input);
  copyFileSync(join(work, name), join(out, name));
  console.log(`wrote test-fixtures/import/${name}`);
}

/** A workbook's first sheet as LibreOffice shows it (CSV, UTF-8, semicolons, as formatted), for checking a conversion. */
function asCsv(file) {
  const copy = join(work, 'check.xlsx');
  copyFileSync(file, copy);
  soffice('--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1044,false,true,true', '--outdir', join(work, 'csv'), copy);
  return readFileSync(join(work, 'csv', 'check.csv'), 'utf8');
}

const lists = {
  municipalities: [
    { number: '3405', name: 'Lillehammer' },
    { number: '3407', name: 'Gjøvik' },
  ],
  areaLabels: ['Oppvekst', 'Helse og omsorg'],
  commonSolutionNames: ['Altinn', 'ID-porten', 'KRR'],
};

// ---------------------------------------------------------------- 1. the template, filled and saved by Calc

const { writeWorkbook } = await import('../src/server/features/inventory-io/inventory-workbook.ts');
{
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await writeWorkbook(lists));
  const systems = workbook.getWorksheet('IKT-systemer');
  systems.addRow(['3405', 'Gerica', 'Tieto', 'Gerica', '5.4', 'Helse og omsorg', 'Pleie', 'Lokalt', 120, 'Helse', 'Ja', 'Skrevet i Calc']);
  systems.addRow(['3407', 'Visma Flyt Skole', 'Visma', null, null, 'Oppvekst', null, 'SaaS/sky', 800, null, 'Nei', null]);
  // Kommunenummer filled down in advance, nothing else: blank rows.
  for (let row = 4; row <= 12; row++) systems.getCell(`A${row}`).value = '3405';
  const contracts = workbook.getWorksheet('Avtaler');
  contracts.addRow([
    '3405',
    'Tieto',
    'Lisens',
    'Gerica',
    new Date(Date.UTC(2021, 2, 1)),
    new Date(Date.UTC(2027, 11, 31)),
    6,
    null,
    null,
    125000.5,
    'Gerica',
    null,
  ]);
  await viaCalc('libreoffice-template-filled.xlsx', workbook);
}

// ---------------------------------------------------------------- 2. a workbook as a municipality reshapes it

{
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Forside').addRow(['Kartlegging av IKT – Gjøvik kommune']);

  // A renamed sheet with a title over the header, a filter that hides a row, and headers typed by hand.
  const systems = workbook.addWorksheet('IKT-systemer Gjøvik');
  systems.getCell('A1').value = 'Kartlegging Gjøvik kommune 2026';
  systems.mergeCells('A1:F1');
  systems.getRow(3).values = ['Kommunenummer', 'Navn', 'Leverandor', 'Versjon', 'Kommentar', 'Antall brukere:'];
  systems.addRow(['3407', 'Gerica', 'Tieto', '5.4', 'ok', 120]);
  systems.addRow(['3407', 'Acos WebSak', 'Acos', '2024', null, 300]);
  systems.addRow(['3407', 'Visma Flyt Skole', 'Visma', null, 'Filtrert bort', 800]);
  systems.addRow(['3407']);
  systems.autoFilter = 'A3:F6';
  systems.getRow(6).hidden = true;

  // A copy of a sheet, and a renamed contracts sheet with a merged header.
  const copy = workbook.addWorksheet('IKT-systemer (2)');
  copy.addRow(['Kommunenummer', 'Navn', 'Leverandør']);
  copy.addRow(['3407', 'Elements', 'Sikri']);
  const contracts = workbook.addWorksheet('Avtaler Bærum');
  contracts.addRow(['Kommunenummer', 'Leverandør', null, 'Gjelder', 'Årlig kostnad (kr)']);
  contracts.mergeCells('B1:C1');
  contracts.addRow(['3407', 'Tieto', 'Evry', 'Gerica', 125000]);

  // A renamed sheet whose headers do not fit, an unknown one, and a hidden sheet Samla reads.
  const old = workbook.addWorksheet('Avtaler_2024');
  old.addRow(['Kommunenummer', 'Firma', 'Gjelder']);
  old.addRow(['3407', 'Acos', 'Drift']);
  const budget = workbook.addWorksheet('Budsjett');
  budget.addRow(['Post', 'Beløp']);
  budget.addRow(['Lisenser', 1000]);
  const hidden = workbook.addWorksheet('Integrasjoner', { state: 'hidden' });
  hidden.addRow(['Kommunenummer', 'Fra system', 'Til system']);
  hidden.addRow(['3407', 'Gerica', 'Acos WebSak']);
  await viaCalc('libreoffice-reshaped.xlsx', workbook);
}

// ---------------------------------------------------------------- 3. CSV as Norwegian Excel and Calc save it

const csvRows = [
  ['Kommunenummer', 'Navn', 'Leverandør', 'Versjon', 'Merknader'],
  ['3405', 'Økonomi – «Visma»', 'Blåbær & Ærlig AS', '5.4', 'Linje 1\nlinje 2; med semikolon'],
  ['3407', 'Sak/arkiv', 'Åsen Data', '', '"sitat"'],
  ['3407', '', '', '', ''],
];
{
  // Calc's own CSV export in Windows-1252 (character set 1) with semicolons, from a workbook.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('IKT-systemer');
  for (const row of csvRows) sheet.addRow(row);
  const source = join(work, 'windows-1252-source.xlsx');
  await workbook.xlsx.writeFile(source);
  soffice('--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,1,1', '--outdir', join(work, 'csv1252'), source);
  const bytes = readFileSync(join(work, 'csv1252', 'windows-1252-source.csv'));
  // Excel on Windows ends lines with CRLF; Calc on Linux with LF. Line breaks inside quoted cells stay as they are.
  const lines = [];
  let quoted = false;
  let start = 0;
  for (let at = 0; at < bytes.length; at++) {
    if (bytes[at] === 0x22) quoted = !quoted;
    else if (bytes[at] === 0x0a && !quoted) {
      lines.push(Buffer.concat([bytes.subarray(start, at), Buffer.from('\r\n')]));
      start = at + 1;
    }
  }
  lines.push(bytes.subarray(start));
  writeFileSync(join(out, 'calc-windows-1252-semicolon.csv'), Buffer.concat(lines));
  console.log('wrote test-fixtures/import/calc-windows-1252-semicolon.csv');

  // What «CSV (semikolonseparert)» in a Norwegian Excel gives, with the sep= line Excel honours.
  const cell = (value) => (/[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const text = `sep=;\r\n${csvRows.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
  writeFileSync(join(out, 'excel-windows-1252-sep.csv'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'WINDOWS-1252'], { input: text }));
  console.log('wrote test-fixtures/import/excel-windows-1252-sep.csv');
}

// ---------------------------------------------------------------- 4. version numbers Calc turned into dates

{
  // A CSV opened in Calc with Norwegian settings (language 1044, nb-NO): «5.4» and «14.1.2» become dates.
  const dir = join(work, 'version');
  mkdirSync(dir, { recursive: true });
  const input = join(dir, 'IKT-systemer.csv');
  writeFileSync(input, 'Kommunenummer;Navn;Leverandør;Versjon\n3405;Gerica;Tieto;5.4\n3405;Elements;Sikri;14.1.2\n3407;Acos WebSak;Acos;2024\n');
  soffice('--infilter=CSV:59,34,76,1,,1044,false,true', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(work, 'version-out'), input);
  const file = join(out, 'libreoffice-version-as-date.xlsx');
  copyFileSync(join(work, 'version-out', 'IKT-systemer.xlsx'), file);
  console.log('wrote test-fixtures/import/libreoffice-version-as-date.xlsx; as Calc shows it:');
  console.log(asCsv(file));
}

rmSync(work, { recursive: true, force: true });
