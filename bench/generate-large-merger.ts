import ExcelJS from 'exceljs';
import { loadCommonSolutions } from '#server/features/common-solutions/common-solutions.domain.ts';
import { solutionAreas } from '#server/features/inventory/inventory.service.ts';
import { layoutOfKind } from '#server/features/inventory-io/inventory-sheets.ts';

/**
 * A large merger's inventory as one workbook, the same every run: 5
 * municipalities, 2,500 systems, 800 contracts, 4,000 integrations (a fifth
 * of them to national common solutions) and 600 archive and data entries. A
 * small linear congruential generator instead of Math.random keeps it
 * deterministic; bench/large-merger.ts seeds the rest of the merger with it.
 */
export const largeMergerMunicipalities = ['4601', '4626', '4627', '4631', '4632'];

/** A deterministic generator of numbers in [0, 1): the same seed gives the same sequence. */
export function seededRandom(initial: number): () => number {
  let seed = initial;
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

export async function generateLargeMergerWorkbook(): Promise<Buffer> {
  const random = seededRandom(4601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const vendors = ['Visma', 'Tieto', 'Sikri', 'Acos', 'Evry', 'Microsoft', 'Norkart', 'Ambita', 'Vitec', 'Infoland'];
  const hostings = ['Lokalt', 'Hos leverandør', 'SaaS/sky', 'Interkommunalt'];
  const areas = solutionAreas().filter((area, _i, all) => all.filter((other) => other.name === area.name).length === 1);
  const solutions = loadCommonSolutions().solutions.map((solution) => solution.name);

  const book = new ExcelJS.Workbook();
  const sheetOf = (kind: 'systems' | 'contracts' | 'integrations' | 'archives') => {
    const layout = layoutOfKind(kind);
    const sheet = book.addWorksheet(layout.sheet);
    sheet.addRow(layout.columns.map((column) => column.header));
    return { sheet, layout };
  };
  const add = (target: ReturnType<typeof sheetOf>, values: Record<string, unknown>) =>
    target.sheet.addRow(target.layout.columns.map((column) => values[column.header] ?? null));

  const systems = sheetOf('systems');
  const perMunicipality = 500;
  const systemName = (i: number) => `Fagsystem ${String(i).padStart(3, '0')}`;
  for (const municipality of largeMergerMunicipalities) {
    for (let i = 0; i < perMunicipality; i++) {
      add(systems, {
        Kommunenummer: municipality,
        Navn: systemName(i),
        Leverandør: vendors[i % vendors.length],
        Produkt: `Produkt ${i % 120}`,
        Versjon: `${1 + (i % 9)}.${i % 4}`,
        Løsningsområde: pick(areas).name,
        Tjenesteområde: pick(['Oppvekst', 'Helse', 'Teknisk', 'Økonomi', 'Personal']),
        Drift: pick(hostings),
        'Antall brukere': Math.floor(random() * 2000),
        Systemeier: `Enhetsleder ${i % 30}`,
        Arkivverdig: pick(['Ja', 'Nei', null]),
        Merknader: i % 10 === 0 ? 'Skal vurderes i detaljkartleggingen' : null,
      });
    }
  }

  const contracts = sheetOf('contracts');
  for (const municipality of largeMergerMunicipalities) {
    for (let i = 0; i < 160; i++) {
      const start = new Date(Date.UTC(2015 + (i % 8), i % 12, 1));
      add(contracts, {
        Kommunenummer: municipality,
        Leverandør: vendors[i % vendors.length],
        Avtaletype: pick(['SSA-D', 'SSA-L', 'SSA-B']),
        Gjelder: `Avtale ${i}`,
        Startdato: start,
        Sluttdato: new Date(Date.UTC(2028 + (i % 3), 11, 31)),
        'Oppsigelsestid (måneder)': 3 + (i % 10),
        Endringsklausul: pick(['Avtalen går over til ny kommune', 'Avtalen går ikke over', 'Ukjent']),
        'Årlig kostnad (kr)': Math.round(random() * 2_000_000) / 2,
        Systemer: [systemName(i), systemName((i + 160) % perMunicipality)].join('; '),
      });
    }
  }

  const integrations = sheetOf('integrations');
  for (const municipality of largeMergerMunicipalities) {
    for (let j = 0; j < 800; j++) {
      const toCommon = j >= 640;
      const from = toCommon ? j - 640 : j % perMunicipality;
      add(integrations, {
        Kommunenummer: municipality,
        'Fra system': systemName(from),
        'Til system': toCommon ? null : systemName((from + 1 + Math.floor(j / perMunicipality)) % perMunicipality),
        Fellesløsning: toCommon ? solutions[j % solutions.length] : null,
        Retning: pick(['Ut', 'Inn', 'Begge veier']),
        Metode: pick(['API', 'Fil', 'Manuell']),
      });
    }
  }

  const archives = sheetOf('archives');
  const locations = ['I fagsystem', 'Filområde', 'Skylagring', 'E-post', 'Papir', 'Annet'];
  for (const municipality of largeMergerMunicipalities) {
    for (let k = 0; k < 120; k++) {
      const location = k % 3 === 0 ? 'I fagsystem' : pick(locations);
      const from = 1960 + Math.floor(random() * 50);
      add(archives, {
        Kommunenummer: municipality,
        Navn: `Arkivserie ${String(k).padStart(3, '0')}`,
        Beskrivelse: k % 4 === 0 ? 'Saksarkiv med journalposter og vedlegg' : null,
        Hvor: location,
        System: location === 'I fagsystem' ? systemName((k * 7) % perMunicipality) : null,
        'Noark 5': pick(['Ja', 'Nei', null]),
        Omfang: `${1 + Math.floor(random() * 400)} hyllemeter`,
        'Fra år': from,
        'Til år': Math.min(2026, from + Math.floor(random() * 40)),
        'Tilgang i ny kommune': k % 5 === 0 ? 'Lesetilgang for saksbehandlere i ny kommune' : null,
      });
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
