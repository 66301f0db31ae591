import { describe, expect, it } from 'vitest';

import { inventoryKinds } from '#shared/contracts/inventory.ts';
import { loadCommonSolutions, lookupCommonSolution } from '#server/features/common-solutions/common-solutions.domain.ts';
import { parseCell, parseDate, readNumberText, schemaIssueMessage, typedAsDate, type CellContext, type CellValue, type Parsed } from './inventory-cells.ts';
import { layoutOfKind, type Column } from './inventory-sheets.ts';

const column = (kind: Parameters<typeof layoutOfKind>[0], header: string): Column => {
  const found = layoutOfKind(kind).columns.find((candidate) => candidate.header === header);
  if (!found) throw new Error(`no column ${header} in ${kind}`);
  return found;
};

const columns = {
  userCount: column('systems', 'Antall brukere'),
  noticePeriod: column('contracts', 'Oppsigelsestid (måneder)'),
  annualCost: column('contracts', 'Årlig kostnad (kr)'),
  fte: column('itOrganisation', 'Årsverk'),
  periodFrom: column('archives', 'Fra år'),
  startDate: column('contracts', 'Startdato'),
  version: column('systems', 'Versjon'),
  name: column('systems', 'Navn'),
  productVersion: column('digitalServices', 'Versjon'),
  notes: column('systems', 'Merknader'),
  municipality: column('systems', 'Kommunenummer'),
  hosting: column('systems', 'Drift'),
  archiveWorthy: column('systems', 'Arkivverdig'),
  area: column('systems', 'Løsningsområde'),
  commonSolution: column('integrations', 'Fellesløsning'),
  category: column('infrastructure', 'Kategori'),
};

const register = loadCommonSolutions();
const context: CellContext = {
  municipalities: [
    { number: '3407', name: 'Gjøvik' },
    { number: '3442', name: 'Østre Toten' },
    { number: '3443', name: 'Vestre Toten' },
    { number: '0301', name: 'Oslo' },
    { number: '5430', name: 'Kautokeino – Guovdageaidnu' },
  ],
  areas: [
    { id: 'omrade-okonomi', label: 'Støttefunksjoner – Økonomi og regnskap', name: 'Økonomi og regnskap' },
    { id: 'omrade-sak-arkiv', label: 'Støttefunksjoner – Sak og arkiv', name: 'Sak og arkiv' },
  ],
  commonSolution: (text) => lookupCommonSolution(register, text),
  currentYear: 2026,
};

const parse = (col: Column, cell: CellValue) => parseCell(col, cell, context);
const valueOf = (result: Parsed) => ('value' in result ? result.value : `PROBLEM: ${result.problem}`);
const problemOf = (result: Parsed) => ('problem' in result ? result.problem : `VALUE: ${JSON.stringify(result)}`);
const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

/** Every outcome is exactly one of: a value, a value with a warning, a problem. */
function expectOne(result: Parsed) {
  expect('value' in result !== 'problem' in result).toBe(true);
}

describe('numbers as a Norwegian writes them', () => {
  it.each<[Column, CellValue, number | null]>([
    [columns.annualCost, '150.000', 150000],
    [columns.annualCost, '1.500', 1500],
    [columns.annualCost, '1.500.000', 1500000],
    [columns.annualCost, '1.500,50', 1500.5],
    [columns.annualCost, '1 500,5', 1500.5],
    [columns.annualCost, '12,5', 12.5],
    [columns.annualCost, '1\u00a0500', 1500],
    [columns.annualCost, '1\u202f500\u202f000', 1500000],
    [columns.annualCost, '1\u2009500', 1500],
    [columns.annualCost, "1'500", 1500],
    [columns.annualCost, 'kr 1 500', 1500],
    [columns.annualCost, 'kr. 1 500', 1500],
    [columns.annualCost, '1 500 kr', 1500],
    [columns.annualCost, '1500 NOK', 1500],
    [columns.annualCost, 'NOK 1 500,50', 1500.5],
    [columns.annualCost, '1 500,-', 1500],
    [columns.annualCost, '1 500,–', 1500],
    [columns.annualCost, 'kr 1.500,-', 1500],
    [columns.annualCost, '0,500', 0.5],
    [columns.annualCost, '0', 0],
    [columns.annualCost, '  42  ', 42],
    [columns.annualCost, '', null],
    [columns.annualCost, null, null],
    [columns.annualCost, 1500.5, 1500.5],
    [columns.fte, '2,5', 2.5],
    [columns.fte, '0,8', 0.8],
    [columns.fte, 0.8, 0.8],
    [columns.userCount, '1 500', 1500],
    [columns.userCount, '1.500', 1500],
    [columns.userCount, '250', 250],
    [columns.userCount, '5,0', 5],
    [columns.userCount, 250, 250],
    [columns.noticePeriod, '6', 6],
    [columns.periodFrom, '1995', 1995],
    [columns.periodFrom, 1995, 1995],
  ])('%o: %o → %o', (col, cell, expected) => {
    expect(parse(col, cell)).toEqual({ value: expected });
  });

  it.each<[Column, CellValue, RegExp]>([
    // A dot followed by other than three digits: an English decimal, or a slip.
    [columns.fte, '1.5', /«1\.5».*Skrev du 1,5\?.*komma/],
    [columns.fte, '1.50', /Skrev du 1,50\?/],
    [columns.annualCost, '2.5', /Skrev du 2,5\?/],
    [columns.annualCost, '0.500', /Skrev du 0,500\?/],
    [columns.annualCost, '1 500.50', /Skrev du 1 500,50\?/],
    [columns.annualCost, '1500.5', /Skrev du 1500,5\?/],
    [columns.fte, '0.8', /Skrev du 0,8\?/],
    [columns.userCount, '1.5', /ikke et heltall.*punktum/],
    [columns.periodFrom, '19.95', /ikke et heltall/],
    // A comma followed by exactly three digits: English thousands, or a Norwegian decimal.
    [columns.annualCost, '1,500', /«1,500» kan leses på to måter\. Skrev du 1,5 eller 1 500\?/],
    [columns.userCount, '1,500', /Skrev du 1,5 eller 1 500\?.*heltall/],
    [columns.annualCost, '12,500', /Skrev du 12,5 eller 12 500\?/],
    // English formatting.
    [columns.annualCost, '1,500.50', /komma før punktum/],
    [columns.annualCost, '1,500,000', /flere komma/],
    // Separators in the wrong places.
    [columns.annualCost, '15 00', /feil sted/],
    [columns.annualCost, '1.50.000', /feil sted/],
    // Not numbers.
    [columns.annualCost, 'ca. 200', /«ca\. 200» er ikke et tall/],
    [columns.userCount, '200 brukere', /er ikke et tall/],
    [columns.userCount, 'kr 200', /er ikke et tall/],
    [columns.annualCost, '1e5', /er ikke et tall/],
    [columns.annualCost, '50 %', /er ikke et tall/],
    [columns.userCount, true, /sannhetsverdien SANN/],
    // Negative, not integral, out of the contract's range.
    [columns.annualCost, '-1 500', /kan ikke være et negativt tall \(leste -1 500\)/],
    [columns.annualCost, 'kr -1 500,-', /kan ikke være et negativt tall/],
    [columns.annualCost, '\u22121500', /kan ikke være et negativt tall/],
    [columns.userCount, -3, /kan ikke være et negativt tall/],
    [columns.userCount, '12,5', /Antall brukere må være et heltall \(leste 12,5\)/],
    [columns.userCount, 12.5, /må være et heltall/],
    [columns.userCount, '20 000 000', /kan ikke være større enn 10 000 000 \(leste 20 000 000\)/],
    [columns.noticePeriod, 601, /kan ikke være større enn 600/],
    [columns.fte, '100 001', /kan ikke være større enn 100 000/],
    [columns.periodFrom, 1700, /Fra år må være 1800 eller senere \(leste 1700\)/],
    [columns.periodFrom, '2300', /må være 2200 eller tidligere/],
    [columns.annualCost, Number.NaN, /ikke et gyldig tall/],
  ])('%o: %o is a problem', (col, cell, message) => {
    const result = parse(col, cell);
    expect(problemOf(result)).toMatch(message);
    expect(problemOf(result)).not.toMatch(/expected|number|NaN/);
  });

  it('never multiplies or divides by a thousand silently', () => {
    for (const text of ['1.5', '1.50', '1,500', '1,50', '12.345,6']) {
      const result = parse(columns.annualCost, text);
      if ('value' in result) expect([1.5, 1.5, 12345.6]).toContain(result.value);
    }
    expect(valueOf(parse(columns.annualCost, '12.345,6'))).toBe(12345.6);
    expect(valueOf(parse(columns.annualCost, '1,50'))).toBe(1.5);
  });

  it('takes a date a Norwegian spreadsheet made of «1.5» as a problem that says so', () => {
    expect(problemOf(parse(columns.fte, utc(2026, 5, 1)))).toMatch(/datoen 01\.05\.2026\. Skrev du 1,5\?/);
    expect(problemOf(parse(columns.userCount, utc(2026, 5, 1)))).toMatch(/datoen 01\.05\.2026/);
  });

  it('takes the year of a date in a year column, with a warning', () => {
    expect(parse(columns.periodFrom, utc(1995, 1, 1))).toEqual({
      value: 1995,
      warning: { code: 'YEAR_FROM_DATE', message: expect.stringMatching(/datoen 01\.01\.1995; Samla bruker årstallet 1995/) },
    });
  });

  it('reads a number text on its own', () => {
    expect(readNumberText('1 500,50', 'decimal', 'X')).toEqual({ value: 1500.5 });
    expect(readNumberText('kr 1 500', 'integer', 'X')).toMatchObject({ code: 'BAD_NUMBER' });
  });
});

describe('dates', () => {
  it.each<[CellValue, string | null]>([
    [utc(2027, 12, 31), '2027-12-31'],
    [utc(1950, 1, 1), '1950-01-01'],
    [utc(2100, 12, 31), '2100-12-31'],
    ['31.12.2027', '2027-12-31'],
    ['1.2.2027', '2027-02-01'],
    ['01.02.2027', '2027-02-01'],
    ['2027-12-31', '2027-12-31'],
    ['2027-2-1', '2027-02-01'],
    ['31/12/2027', '2027-12-31'],
    ['05/04/2027', '2027-04-05'],
    ['31-12-2027', '2027-12-31'],
    ['29.02.2028', '2028-02-29'],
    ['1. mars 2027', '2027-03-01'],
    ['1 des. 2027', '2027-12-01'],
    ['31.12.2027 00:00', '2027-12-31'],
    ['2027-12-31T00:00:00', '2027-12-31'],
    ['', null],
    [null, null],
  ])('%o → %o', (cell, expected) => {
    expect(parse(columns.startDate, cell)).toEqual({ value: expected });
  });

  it.each<[CellValue, string, RegExp]>([
    ['31.12.27', '2027-12-31', /«31\.12\.27» har tosifret årstall; Samla leste det som 31\.12\.2027/],
    ['1.2.99', '1999-02-01', /01\.02\.1999/],
    [46388, '2027-01-01', /tallet 46388 uten datoformat; Samla leste det som datoen 01\.01\.2027/],
    [18264, '1950-01-01', /01\.01\.1950/],
    [73051, '2100-01-01', /01\.01\.2100/],
    [73415, '2100-12-31', /31\.12\.2100/],
    [46388.5, '2027-01-01', /tallet 46388,5.*01\.01\.2027/],
    [utc(2027, 1, 1, 13, 30), '2027-01-01', /klokkeslettet 13:30.*bare datoen 01\.01\.2027/],
    ['01.01.2027 13:30', '2027-01-01', /klokkeslettet 13:30/],
  ])('%o → %o with a warning', (cell, value, message) => {
    const result = parse(columns.startDate, cell);
    expect(result).toEqual({ value, warning: { code: expect.any(String), message: expect.stringMatching(message) } });
  });

  it.each<[CellValue, string]>([
    [2027, '2027 er ikke en dato, men ser ut som et årstall. Skriv hele datoen som dd.mm.åååå, f.eks. 31.12.2027.'],
    ['2027', '2027 er ikke en dato, men ser ut som et årstall. Skriv hele datoen som dd.mm.åååå, f.eks. 31.12.2027.'],
    [45, '45 er ikke en dato. Skriv datoen som dd.mm.åååå, f.eks. 31.12.2027.'],
    ['45', '45 er ikke en dato. Skriv datoen som dd.mm.åååå, f.eks. 31.12.2027.'],
    [20270101, '20270101 er ikke en dato. Mente du 01.01.2027? Skriv datoen som dd.mm.åååå med punktum.'],
    ['31122027', '31122027 er ikke en dato. Mente du 31.12.2027? Skriv datoen som dd.mm.åååå med punktum.'],
    [18263, '18263 er ikke en dato. Skriv datoen som dd.mm.åååå, f.eks. 31.12.2027.'],
    [73416, '73416 er ikke en dato. Skriv datoen som dd.mm.åååå, f.eks. 31.12.2027.'],
    ['31.02.2027', '«31.02.2027» finnes ikke i kalenderen: februar 2027 har 28 dager.'],
    ['29.02.2027', '«29.02.2027» finnes ikke i kalenderen: februar 2027 har 28 dager.'],
    ['01.13.2027', '«01.13.2027» er ikke en dato: det finnes ingen måned 13. Skriv datoen som dd.mm.åååå, f.eks. 31.12.2027.'],
    ['12/31/2027', '«12/31/2027» har måneden først, som i amerikanske datoer. Skriv datoen som dd.mm.åååå: 31.12.2027.'],
    ['31.12', '«31.12» mangler årstall. Skriv datoen som dd.mm.åååå, f.eks. 31.12.2027.'],
    ['01.01.1850', '«01.01.1850» er utenfor det Samla godtar for datoer (1950–2100). Sjekk årstallet.'],
    [utc(1905, 7, 19), '19.07.1905 er utenfor det Samla godtar for datoer (1950–2100). Sjekk årstallet.'],
    [utc(2101, 1, 1), '01.01.2101 er utenfor det Samla godtar for datoer (1950–2100). Sjekk årstallet.'],
    ['snart', '«snart» er ikke en dato. Skriv datoen som dd.mm.åååå, f.eks. 31.12.2027.'],
  ])('%o is one problem', (cell, message) => {
    const result = parse(columns.startDate, cell);
    expect(result).toEqual({ code: 'BAD_DATE', problem: message });
  });

  it('parses without a column too', () => {
    expect(parseDate('31.12.2027')).toEqual({ value: '2027-12-31' });
  });
});

describe('text columns', () => {
  it.each<[Column, CellValue, string | null]>([
    [columns.name, '  Visma  ', 'Visma'],
    [columns.name, "'=SUM(A1)", '=SUM(A1)'],
    [columns.name, '', null],
    [columns.version, 2019, '2019'],
    [columns.version, '5.4', '5.4'],
    [columns.version, '14.1.2', '14.1.2'],
    [columns.name, 'x'.repeat(300), 'x'.repeat(300)],
  ])('%o: %o → %o', (col, cell, expected) => {
    expect(parse(col, cell)).toEqual({ value: expected });
  });

  it.each<[Date, string, string]>([
    [
      utc(2026, 4, 5),
      '05.04.2026',
      'Versjon ser ut som en dato (05.04.2026) — skrev du 5.4? Formater kolonnen som tekst i regnearket og skriv verdien på nytt.',
    ],
    [
      utc(2002, 1, 14),
      '14.01.2002',
      'Versjon ser ut som en dato (14.01.2002) — skrev du 14.1.2? Formater kolonnen som tekst i regnearket og skriv verdien på nytt.',
    ],
    [
      utc(1931, 12, 10),
      '10.12.1931',
      'Versjon ser ut som en dato (10.12.1931) — skrev du 10.12.31? Formater kolonnen som tekst i regnearket og skriv verdien på nytt.',
    ],
    [
      utc(2045, 3, 1),
      '01.03.2045',
      'Versjon ser ut som en dato (01.03.2045) — skrev du 1.3.2045? Formater kolonnen som tekst i regnearket og skriv verdien på nytt.',
    ],
  ])('a date in a text column (%o) is stored as %o with a warning', (cell, value, message) => {
    expect(parse(columns.version, cell)).toEqual({ value, warning: { code: 'TEXT_BECAME_DATE', message } });
  });

  it('names the column in the warning', () => {
    const result = parse(columns.name, utc(2026, 4, 5));
    expect(result).toMatchObject({ value: '05.04.2026', warning: { message: expect.stringMatching(/^Navn ser ut som en dato/) } });
  });

  it('takes a time a spreadsheet made of «10:30» as that text, with a warning', () => {
    expect(parse(columns.version, new Date(Date.UTC(1899, 11, 30, 10, 30)))).toMatchObject({
      value: '10:30',
      warning: { code: 'TEXT_BECAME_DATE', message: expect.stringMatching(/klokkeslett \(10:30\)/) },
    });
  });

  it('stores a decimal number as its text with a warning: the sheet may have shown 5,4', () => {
    expect(parse(columns.version, 5.4)).toEqual({
      value: '5.4',
      warning: { code: 'NUMBER_AS_TEXT', message: expect.stringMatching(/vist som 5,4 eller 5\.4.*teksten «5\.4»/) },
    });
    // A number past double precision, as a spreadsheet cell can hold.
    // eslint-disable-next-line no-loss-of-precision
    expect(parse(columns.notes, 12345678901234567890)).toMatchObject({ warning: { code: 'NUMBER_AS_TEXT' } });
  });

  it('refuses text longer than the contract allows, saying the limit', () => {
    expect(problemOf(parse(columns.name, 'x'.repeat(301)))).toBe('Navn kan ha høyst 300 tegn; cellen har 301. Kort ned teksten.');
    expect(problemOf(parse(columns.version, 'x'.repeat(101)))).toMatch(/høyst 100 tegn/);
    expect(problemOf(parse(columns.notes, 'x'.repeat(10_001)))).toMatch(/høyst 10 000 tegn; cellen har 10 001/);
    // The same column object found by field when a caller built its own.
    expect(problemOf(parse({ ...columns.name }, 'x'.repeat(301)))).toMatch(/høyst 300 tegn/);
  });

  it('guesses what was typed from the year', () => {
    expect(typedAsDate(utc(2026, 4, 5), 2026)).toBe('5.4');
    expect(typedAsDate(utc(2029, 4, 5), 2026)).toBe('5.4.29');
    expect(typedAsDate(utc(1930, 4, 5), 2026)).toBe('5.4.30');
    expect(typedAsDate(utc(1929, 4, 5), 2026)).toBe('5.4.1929');
  });
});

describe('municipality', () => {
  it.each<[CellValue, string | null]>([
    ['3407', '3407'],
    [3407, '3407'],
    [301, '0301'],
    ['301', '0301'],
    ['0301', '0301'],
    ['3407 Gjøvik', '3407'],
    ['3407 - Gjøvik kommune', '3407'],
    ['', null],
    [null, null],
  ])('%o → %o', (cell, expected) => {
    expect(parse(columns.municipality, cell)).toEqual({ value: expected });
  });

  it.each<[string, string, string]>([
    ['Gjøvik', '3407', 'Gjøvik'],
    ['gjøvik kommune', '3407', 'Gjøvik'],
    ['GJØVIK', '3407', 'Gjøvik'],
    ['Østre Toten', '3442', 'Østre Toten'],
    ['Østre-Toten kommune', '3442', 'Østre Toten'],
    ['Kautokeino', '5430', 'Kautokeino – Guovdageaidnu'],
    ['Guovdageaidnu', '5430', 'Kautokeino – Guovdageaidnu'],
  ])('the name %o is %o with a warning', (cell, number, name) => {
    expect(parse(columns.municipality, cell)).toEqual({
      value: number,
      warning: {
        code: 'MUNICIPALITY_NAME',
        message: `Kommunenummer: «${cell}» er et kommunenavn; Samla brukte kommunenummer ${number} (${name}). Skriv kommunenummeret for å slippe denne merknaden.`,
      },
    });
  });

  it.each<[CellValue, RegExp]>([
    ['4601', /«4601» er ikke en av kommunene/],
    [4601, /«4601» er ikke en av kommunene/],
    ['Bergen', /«Bergen» er ikke en av kommunene i sammenslåingen\. Skriv/],
    ['Gjovik', /«Gjovik» er ikke en av kommunene i sammenslåingen\. Mente du 3407 Gjøvik\?/],
    ['Toten', /«Toten» er ikke en av kommunene/],
    ['3407 Oslo', /kommunenummer 3407 er Gjøvik/],
  ])('%o is a problem listing the merger', (cell, message) => {
    const problem = problemOf(parse(columns.municipality, cell));
    expect(problem).toMatch(message);
    expect(problem).toContain('3407 Gjøvik, 3442 Østre Toten, 3443 Vestre Toten, 0301 Oslo, 5430 Kautokeino – Guovdageaidnu');
  });

  it('still works with only the numbers', () => {
    const numbersOnly: CellContext = { ...context, municipalities: undefined, municipalityNumbers: new Set(['4601', '4626']) };
    expect(parseCell(columns.municipality, 4601, numbersOnly)).toEqual({ value: '4601' });
    expect(problemOf(parseCell(columns.municipality, '1234', numbersOnly))).toMatch(/4601, 4626/);
  });
});

describe('flags', () => {
  it.each<[CellValue, boolean | null]>([
    ['Ja', true],
    ['JA', true],
    [' ja. ', true],
    ['x', true],
    [1, true],
    [true, true],
    ['Nei', false],
    ['Nei.', false],
    ['NEI!', false],
    [0, false],
    [false, false],
    ['', null],
    ['Ukjent', null],
    [null, null],
  ])('%o → %o', (cell, expected) => {
    expect(parse(columns.archiveWorthy, cell)).toEqual({ value: expected });
  });

  it('suggests Ja or Nei for a near miss', () => {
    expect(problemOf(parse(columns.archiveWorthy, 'Jaa'))).toBe(
      'Arkivverdig: «Jaa» er ikke en gyldig verdi. Mente du «Ja»? Skriv Ja eller Nei, eller la cellen stå tom hvis det er ukjent.',
    );
    expect(problemOf(parse(columns.archiveWorthy, 'Kanskje'))).not.toContain('Mente du');
  });
});

describe('choices, areas and common solutions', () => {
  it.each<[Column, CellValue, string]>([
    [columns.hosting, 'SaaS/sky', 'saas'],
    [columns.hosting, 'saas / sky', 'saas'],
    [columns.hosting, 'saas', 'saas'],
    [columns.hosting, 'Lokalt.', 'local'],
    [columns.category, 'Servere', 'server'],
    [columns.area, 'Støttefunksjoner – Økonomi og regnskap', 'omrade-okonomi'],
    [columns.area, 'økonomi og regnskap', 'omrade-okonomi'],
    [columns.area, 'omrade-sak-arkiv', 'omrade-sak-arkiv'],
    [columns.commonSolution, 'Altinn 3', 'altinn'],
    [columns.commonSolution, 'KRR', 'kontakt-og-reservasjonsregisteret'],
    [columns.commonSolution, 'Matrikkel', 'matrikkelen'],
    [columns.commonSolution, 'Digipost', 'digital-postkasse-til-innbyggere'],
  ])('%o: %o → %o', (col, cell, expected) => {
    expect(parse(col, cell)).toEqual({ value: expected });
  });

  it.each<[Column, string, string]>([
    [columns.hosting, 'Sky', 'Drift: «Sky» er ikke en gyldig verdi. Mente du «SaaS/sky»? Tillatt: Lokalt, Hos leverandør, SaaS/sky, Interkommunalt.'],
    [columns.hosting, 'Lokal', 'Drift: «Lokal» er ikke en gyldig verdi. Mente du «Lokalt»? Tillatt: Lokalt, Hos leverandør, SaaS/sky, Interkommunalt.'],
    [columns.hosting, 'Azure', 'Drift: «Azure» er ikke en gyldig verdi. Tillatt: Lokalt, Hos leverandør, SaaS/sky, Interkommunalt.'],
    [columns.area, 'Økonomi', 'Løsningsområdet «Økonomi» finnes ikke. Mente du «Støttefunksjoner – Økonomi og regnskap»? Velg et fra listen i malen.'],
    [columns.commonSolution, 'Altin', 'Fellesløsningen «Altin» finnes ikke i registeret. Mente du «Altinn»?'],
    [
      columns.commonSolution,
      'Skatteetaten',
      'Fellesløsningen «Skatteetaten» finnes ikke i registeret. Skatteetaten forvalter flere: A-meldingen, Folkeregisteret og SOFIE. Skriv navnet på den integrasjonen går til.',
    ],
    [columns.commonSolution, 'Kommunekart', 'Fellesløsningen «Kommunekart» finnes ikke i registeret. Velg en fra listen i malen.'],
  ])('%o: %o is a problem with a suggestion', (col, cell, message) => {
    expect(parse(col, cell)).toEqual({ code: expect.any(String), problem: message });
  });

  it('still takes the old commonSolution lookup that answers a solution or undefined', () => {
    const old: CellContext = { ...context, commonSolution: (text) => (text === 'Altinn' ? { id: 'altinn' } : undefined) };
    expect(parseCell(columns.commonSolution, 'Altinn', old)).toEqual({ value: 'altinn' });
    expect(problemOf(parseCell(columns.commonSolution, 'X', old))).toMatch(/finnes ikke i registeret/);
  });
});

describe('every column type, every kind of cell', () => {
  it('gives exactly one outcome and never an English word', () => {
    const cells: CellValue[] = [null, '', 'tekst', '1.5', '1,500', 0, -1, 2027, 46000, 5.4, true, utc(2026, 4, 5), utc(1900, 1, 1)];
    for (const layout of ['systems', 'contracts', 'integrations', 'archives', 'itOrganisation'] as const) {
      for (const col of layoutOfKind(layout).columns) {
        for (const cell of cells) {
          const result = parse(col, cell);
          expectOne(result);
          const text = 'problem' in result ? result.problem : (result.warning?.message ?? '');
          expect(text, `${col.header} ${String(cell)}`).not.toMatch(/\b(expected|received|invalid|undefined|NaN)\b/i);
        }
      }
    }
  });
});

describe('schemaIssueMessage', () => {
  const issuesOf = (kind: keyof typeof inventoryKinds, values: Record<string, unknown>) => {
    const result = inventoryKinds[kind].create.safeParse({ municipalityNumber: '3407', ...values });
    if (result.success) throw new Error('expected issues');
    return result.error.issues;
  };

  it.each<[keyof typeof inventoryKinds, Record<string, unknown>, string | null, string]>([
    ['systems', { name: 'a', userCount: 20_000_000 }, 'Antall brukere', 'Antall brukere kan ikke være større enn 10 000 000.'],
    ['contracts', { vendor: 'a', noticePeriodMonths: 601 }, 'Oppsigelsestid (måneder)', 'Oppsigelsestid (måneder) kan ikke være større enn 600.'],
    ['contracts', { vendor: 'a', annualCost: 2e12 }, 'Årlig kostnad (kr)', 'Årlig kostnad (kr) kan ikke være større enn 1 000 000 000 000.'],
    ['archives', { name: 'a', periodFrom: 2300 }, 'Fra år', 'Fra år må være 2200 eller tidligere.'],
    ['archives', { name: 'a', periodFrom: 1700 }, 'Fra år', 'Fra år må være 1800 eller senere.'],
    ['itOrganisation', { role: 'a', fte: 100_001 }, 'Årsverk', 'Årsverk kan ikke være større enn 100 000.'],
    ['contracts', { vendor: 'a', annualCost: -1 }, 'Årlig kostnad (kr)', 'Årlig kostnad (kr) kan ikke være et negativt tall.'],
    ['systems', { name: 'a', userCount: -1 }, 'Antall brukere', 'Antall brukere kan ikke være et negativt tall.'],
    ['systems', { name: 'a', userCount: 1.5 }, 'Antall brukere', 'Antall brukere må være et heltall.'],
    ['systems', { name: 'a', userCount: 'x' }, 'Antall brukere', 'Antall brukere må være et tall.'],
    ['systems', { name: 'x'.repeat(301) }, 'Navn', 'Navn kan ha høyst 300 tegn. Kort ned teksten.'],
    ['systems', { name: '' }, 'Navn', '«Navn» må fylles ut.'],
    ['systems', { name: null }, 'Navn', '«Navn» må fylles ut.'],
    ['systems', { name: 'a', hosting: 'sky' }, 'Drift', 'Drift har en ugyldig verdi. Tillatt: Lokalt, Hos leverandør, SaaS/sky, Interkommunalt.'],
    ['systems', { name: 'a', archiveWorthy: 'x' }, 'Arkivverdig', 'Arkivverdig må være Ja eller Nei (tom er ukjent).'],
    ['contracts', { vendor: 'a', startDate: '2027-02-31' }, 'Startdato', 'Startdato: datoen finnes ikke i kalenderen.'],
    ['integrations', { fromSystemId: 'x' }, 'Fra system', 'Fra system viser ikke til et kjent system.'],
    ['systems', { municipalityNumber: '461', name: 'a' }, 'Kommunenummer', 'Kommunenummer må være et kommunenummer med fire sifre.'],
  ])('%s %o', (kind, values, header, message) => {
    const [issue] = issuesOf(kind, values);
    expect(schemaIssueMessage(issue!, header)).toBe(message);
  });

  it('reads without a column', () => {
    const [issue] = issuesOf('systems', { name: 'a', userCount: 20_000_000 });
    expect(schemaIssueMessage(issue!, null)).toBe('Feltet kan ikke være større enn 10 000 000.');
  });
});
