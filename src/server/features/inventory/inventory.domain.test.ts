import { describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/catalog.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import {
  archiveProblems,
  buildSolutionAreas,
  containsPattern,
  contractProblems,
  integrationProblems,
  loadExtraSolutionAreas,
  nameKey,
  referenceProblems,
  sideBySide,
  systemInUseMessage,
  vendorKey,
  type SideBySideInputSystem,
} from './inventory.domain.ts';

describe('solution areas', () => {
  const catalog = loadCatalog();
  const areas = buildSolutionAreas(catalog, loadExtraSolutionAreas());

  it('holds every solution area of the checklist’s 4.2 with its sector and priority', () => {
    const fromCatalog = catalog.sectors.flatMap((sector) => sector.solutionAreas.map((area) => ({ sector, area })));
    expect(fromCatalog.length).toBeGreaterThanOrEqual(30);
    for (const { sector, area } of fromCatalog) {
      expect(areas).toContainEqual({
        id: area.id,
        name: area.name,
        sectorId: sector.id,
        sector: sector.name,
        priority: area.priority,
        source: 'catalog',
      });
    }
  });

  it('adds Samla’s infrastructure, archive and common-solution areas first, and «Annet fagsystem» last in each sector', () => {
    expect(areas[0]).toMatchObject({ source: 'samla', sector: 'Infrastruktur, arkiv og fellesløsninger', priority: null });
    const names = areas.filter((area) => area.source === 'samla').map((area) => area.name);
    expect(names).toEqual(expect.arrayContaining(['Servere, lagring og drift', 'Identitet og tilgang', 'Arkivdepot, avlevering og langtidslagring']));
    for (const sector of catalog.sectors) {
      const inSector = areas.filter((area) => area.sectorId === sector.id);
      expect(inSector.at(-1)).toMatchObject({ name: 'Annet fagsystem', source: 'samla' });
    }
  });

  it('has unique ids, and Samla’s all start with «samla-» so they never meet a catalogue id', () => {
    expect(new Set(areas.map((area) => area.id)).size).toBe(areas.length);
    expect(areas.filter((area) => area.source === 'samla').every((area) => area.id.startsWith('samla-'))).toBe(true);
  });

  it('refuses shipped data that repeats an id or names a sector the catalogue lacks', () => {
    const extra = loadExtraSolutionAreas();
    const repeated = { ...extra, otherPerSector: [...extra.otherPerSector, extra.otherPerSector[0]!] };
    expect(() => buildSolutionAreas(catalog, repeated)).toThrow(/used twice/);
    const stray = {
      ...extra,
      otherPerSector: [{ sectorId: 'sektor-finnes-ikke', id: 'samla-omrade-x', name: 'X', translations: { nn: { name: 'X' }, en: { name: 'X' } } }],
    };
    expect(() => buildSolutionAreas(catalog, stray)).toThrow(/unknown sector/);
  });

  it('names every area and sector in nynorsk and English: the library’s from its translation, Samla’s own from theirs', () => {
    const extra = loadExtraSolutionAreas();
    const nn = buildSolutionAreas(translatedCatalog('nn'), extra, 'nn');
    const en = buildSolutionAreas(translatedCatalog('en'), extra, 'en');
    expect(nn.map((area) => area.id)).toEqual(areas.map((area) => area.id));
    expect(en.map((area) => area.id)).toEqual(areas.map((area) => area.id));
    const other = (list: typeof areas) => list.find((area) => area.id === 'samla-omrade-annet-fagsystem-helse-og-velferd');
    expect(other(nn)).toMatchObject({ name: 'Anna fagsystem', sector: 'Helse og velferd' });
    expect(other(en)).toMatchObject({ name: 'Other line-of-business system', sector: 'Health and welfare' });
    const security = (list: typeof areas) => list.find((area) => area.id === 'samla-omrade-teknisk-sikkerhet');
    expect(security(nn)).toMatchObject({ name: 'Teknisk tryggleik', sector: 'Infrastruktur, arkiv og fellesløysingar' });
    expect(security(en)).toMatchObject({ name: 'Technical security', sector: 'Infrastructure, archives and common solutions' });
    // The library's own areas take the translation's names (a name the translation writes differently from bokmål).
    const byId = new Map(areas.map((area) => [area.id, area.name]));
    expect(nn.filter((area) => area.source === 'catalog').some((area) => area.name !== byId.get(area.id))).toBe(true);
    expect(en.filter((area) => area.source === 'catalog').every((area) => area.name !== byId.get(area.id))).toBe(true);
  });

  it('never gives one area’s name in one language to another area in another (an import reads all three)', () => {
    const extra = loadExtraSolutionAreas();
    const byLanguage = (['nb', 'nn', 'en'] as const).map((language) => buildSolutionAreas(translatedCatalog(language), extra, language));
    const idsByName = byLanguage.map((list) => {
      const ids = new Map<string, string[]>();
      for (const area of list) ids.set(area.name.toLowerCase(), [...(ids.get(area.name.toLowerCase()) ?? []), area.id].sort());
      return ids;
    });
    for (const one of idsByName) {
      for (const other of idsByName) {
        for (const [name, ids] of one) if (other.has(name)) expect([name, other.get(name)]).toEqual([name, ids]);
      }
    }
  });
});

describe('rules across fields', () => {
  it('a contract cannot end before it starts', () => {
    expect(contractProblems({ startDate: '2024-01-01', endDate: '2023-12-31' })).toEqual([
      { path: 'endDate', code: 'range', message: 'Sluttdatoen kan ikke være før startdatoen.' },
    ]);
    expect(contractProblems({ startDate: '2024-01-01', endDate: '2024-01-01' })).toEqual([]);
    expect(contractProblems({ startDate: null, endDate: '2020-01-01' })).toEqual([]);
  });

  it('an archive period cannot end before it begins', () => {
    expect(archiveProblems({ periodFrom: 2010, periodTo: 2005 })[0]?.path).toBe('periodTo');
    expect(archiveProblems({ periodFrom: 2005, periodTo: 2010 })).toEqual([]);
    expect(archiveProblems({ periodFrom: null, periodTo: 1990 })).toEqual([]);
  });

  it('an integration goes to exactly one target', () => {
    expect(integrationProblems({ toSystemId: 'a', commonSolutionId: null })).toEqual([]);
    expect(integrationProblems({ toSystemId: null, commonSolutionId: 'altinn' })).toEqual([]);
    const both = integrationProblems({ toSystemId: 'a', commonSolutionId: 'altinn' });
    expect(both.map((p) => [p.path, p.code])).toEqual([
      ['toSystemId', 'exclusive'],
      ['commonSolutionId', 'exclusive'],
    ]);
    const neither = integrationProblems({ toSystemId: null, commonSolutionId: null });
    expect(neither.map((p) => p.code)).toEqual(['required', 'required']);
  });
});

describe('referenceProblems', () => {
  const known = {
    municipalityNumbers: new Set(['4601', '4626']),
    solutionAreaIds: new Set(['omrade-okonomi-og-regnskapssystem']),
    commonSolutionIds: new Set(['altinn']),
    systemIds: new Set(['s1']),
  };

  it('accepts references that exist and ignores absent ones', () => {
    expect(
      referenceProblems(
        {
          municipalityNumber: '4601',
          solutionAreaId: 'omrade-okonomi-og-regnskapssystem',
          commonSolutionId: 'altinn',
          systems: [{ path: 'systemId', id: 's1' }],
        },
        known,
      ),
    ).toEqual([]);
    expect(referenceProblems({ solutionAreaId: null, systems: [] }, known)).toEqual([]);
  });

  it('reports each unknown reference at its own field', () => {
    const problems = referenceProblems(
      {
        municipalityNumber: '0301',
        solutionAreaId: 'omrade-finnes-ikke',
        commonSolutionId: 'finnes-ikke',
        systems: [
          { path: 'systemIds.0', id: 's1' },
          { path: 'systemIds.1', id: 's2' },
        ],
      },
      known,
    );
    expect(problems.map((p) => p.path)).toEqual(['municipalityNumber', 'solutionAreaId', 'commonSolutionId', 'systemIds.1']);
    expect(problems[0]!.message).toBe('Kommunenummer 0301 er ikke en av kommunene i sammenslåingen.');
  });
});

describe('systemInUseMessage', () => {
  it('lists what still points at the system, in Norwegian with the right number', () => {
    expect(systemInUseMessage({ integrations: 3, contracts: 1, digitalServices: 0, archives: 2, decisions: 0 })).toBe(
      'Systemet kan ikke slettes fordi 3 integrasjoner, 1 avtale og 2 arkiver viser til det. Fjern eller endre dem først.',
    );
    expect(systemInUseMessage({ integrations: 0, contracts: 0, digitalServices: 1, archives: 0, decisions: 0 })).toBe(
      'Systemet kan ikke slettes fordi 1 digital tjeneste viser til det. Fjern eller endre dem først.',
    );
    expect(systemInUseMessage({ integrations: 0, contracts: 0, digitalServices: 0, archives: 0, decisions: 1 })).toBe(
      'Systemet kan ikke slettes fordi 1 veivalg viser til det. Fjern eller endre dem først.',
    );
    expect(systemInUseMessage({ integrations: 0, contracts: 0, digitalServices: 0, archives: 0, decisions: 0 })).toBeNull();
  });
});

describe('search and names', () => {
  it('takes the user’s % and _ literally in a search', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b\\c')).toBe('%a\\_b\\\\c%');
  });

  it('compares names without case or extra whitespace, vendors also without company form', () => {
    expect(nameKey('  Visma   Enterprise ')).toBe(nameKey('visma enterprise'));
    expect(nameKey('Øyvind')).toBe('øyvind');
    expect(vendorKey('Visma AS')).toBe('visma');
    expect(vendorKey('Tieto Evry ASA')).toBe('tieto evry');
    expect(vendorKey('Acos, AS')).toBe('acos');
    expect(vendorKey('Asker Data')).toBe('asker data');
  });
});

describe('sideBySide', () => {
  const areas = [
    { id: 'okonomi', name: 'Økonomi', sector: 'Støttefunksjoner', priority: 'critical' as const },
    { id: 'lonn', name: 'Lønn', sector: 'Støttefunksjoner', priority: 'critical' as const },
    { id: 'pasient', name: 'Pasientjournal', sector: 'Helse og velferd', priority: 'critical' as const },
  ];
  let next = 0;
  const system = (municipalityNumber: string, solutionAreaId: string | null, name: string, extra: Partial<SideBySideInputSystem> = {}) => ({
    id: `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`,
    municipalityNumber,
    solutionAreaId,
    name,
    vendor: null,
    product: null,
    productVersion: null,
    userCount: null,
    hosting: null,
    ...extra,
  });

  it('puts each system in its area and municipality, keeping empty cells and every area in order', () => {
    const rows = sideBySide(
      areas,
      ['4601', '4626'],
      [system('4626', 'okonomi', 'Agresso'), system('4601', 'okonomi', 'Visma'), system('4601', 'okonomi', 'Fakturaportal')],
    );
    expect(rows.map((row) => row.solutionAreaId)).toEqual(['okonomi', 'lonn', 'pasient']);
    expect(rows[0]!.municipalities.map((cell) => [cell.municipalityNumber, cell.systems.map((s) => s.name)])).toEqual([
      ['4601', ['Fakturaportal', 'Visma']],
      ['4626', ['Agresso']],
    ]);
    expect(rows[1]!.municipalities.every((cell) => cell.systems.length === 0)).toBe(true);
    expect(rows[0]!.municipalities[0]!.systems[0]).not.toHaveProperty('municipalityNumber');
  });

  it('gathers systems without a known area in a last row', () => {
    const rows = sideBySide(areas, ['4601'], [system('4601', null, 'Ukjent'), system('4601', 'utgått-område', 'Gammel')]);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({ solutionAreaId: null, name: 'Uten løsningsområde', sector: null });
    expect(rows[3]!.municipalities[0]!.systems.map((s) => s.name)).toEqual(['Gammel', 'Ukjent']);
  });

  it('finds products two or more municipalities run in the same area, ignoring case and whitespace', () => {
    const a = system('4601', 'pasient', 'Journal', { product: 'CosDoc', vendor: 'Tieto Evry AS' });
    const b = system('4626', 'pasient', 'EPJ', { product: ' cosdoc ', vendor: 'TietoEvry' });
    const c = system('4626', 'pasient', 'Journal 2', { product: 'CosDoc', vendor: 'Tieto Evry' });
    const d = system('4631', 'pasient', 'Profil', { product: 'Profil', vendor: 'Tieto Evry' });
    const rows = sideBySide(areas, ['4601', '4626', '4631'], [a, b, c, d]);
    const pasient = rows.find((row) => row.solutionAreaId === 'pasient')!;
    expect(pasient.sharedProducts).toEqual([{ name: 'CosDoc', municipalityNumbers: ['4601', '4626'], systemIds: [a.id, b.id, c.id] }]);
    expect(pasient.sharedVendors).toEqual([{ name: 'Tieto Evry', municipalityNumbers: ['4601', '4626', '4631'], systemIds: [a.id, c.id, d.id] }]);
  });

  it('falls back to the system name when no product is given, and never shares within one municipality', () => {
    const rows = sideBySide(
      areas,
      ['4601', '4626'],
      [
        system('4601', 'lonn', 'Visma Lønn'),
        system('4601', 'lonn', 'visma lønn'),
        system('4626', 'lonn', 'Visma  Lønn'),
        system('4601', 'okonomi', 'Agresso'),
        system('4601', 'okonomi', 'Agresso'),
      ],
    );
    expect(rows[1]!.sharedProducts.map((group) => [group.name, group.municipalityNumbers])).toEqual([['Visma Lønn', ['4601', '4626']]]);
    expect(rows[0]!.sharedProducts).toEqual([]);
  });
});
