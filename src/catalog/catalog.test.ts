import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogItemCounts, catalogSchema, catalogSummary, loadCatalog, phaseTasksInOrder, type Catalog } from './catalog.ts';

const CHECKBOX = '\uF063';
const LOW_HANGING = '\uF0EA';
/** The PDF text the library was extracted from, kept beside the library for provenance. */
const SEED_URL = new URL('./source/ks-sjekkliste-digital-sammenslaing.txt', import.meta.url);

const catalog = loadCatalog();

/** Every checklist item in document order: phase tasks, sector tasks, opportunities. */
function itemsInDocumentOrder(c: Catalog): { id: string; title: string; lowHangingFruit: boolean }[] {
  return [
    ...c.phases.flatMap((p) => p.activities.flatMap((a) => a.tasks.map((t) => ({ id: t.id, title: t.title, lowHangingFruit: false })))),
    ...c.sectors.flatMap((s) => s.solutionAreas.flatMap((a) => a.tasks.map((t) => ({ id: t.id, title: t.title, lowHangingFruit: false })))),
    ...c.opportunities.areas.flatMap((a) => a.opportunities),
  ];
}

/** Every `id` anywhere in the library. */
function allIds(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => allIds(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'id' && typeof child === 'string') out.push(child);
      else allIds(child, out);
    }
  }
  return out;
}

/** Every string anywhere in the library. */
function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allStrings(v, out));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => allStrings(v, out));
  return out;
}

/** Titles and names users see as headings or checklist lines. */
function allTitles(c: Catalog): string[] {
  return [
    ...c.advice.map((a) => a.title),
    ...c.phases.flatMap((p) => [p.name, ...p.activities.flatMap((a) => [a.title, ...a.tasks.flatMap((t) => [t.title, ...(t.group ? [t.group] : [])])])]),
    ...c.prioritization.priorities.map((p) => p.area),
    ...c.sectors.flatMap((s) => [s.name, ...s.solutionAreas.flatMap((a) => [a.name, ...a.tasks.map((t) => t.title)])]),
    ...c.opportunities.areas.flatMap((a) => [a.name, ...(a.sector ? [a.sector] : []), ...a.opportunities.map((o) => o.title)]),
  ];
}

const titles = new Set(allTitles(catalog));

describe('catalogue: counts', () => {
  it('holds the 306 checklist items of the source', () => {
    expect(catalogItemCounts(catalog)).toEqual({
      phaseTasks: 121,
      sectorTasks: 83,
      opportunities: 102,
      lowHangingFruit: 33,
      total: 306,
    });
  });

  it('splits the sector tasks into 61 critical and 22 medium, as in the source', () => {
    const tasks = catalog.sectors.flatMap((s) => s.solutionAreas.flatMap((a) => a.tasks));
    expect(tasks.every((t) => t.priority === 'critical' || t.priority === 'medium')).toBe(true);
    expect(tasks.filter((t) => t.priority === 'critical')).toHaveLength(61);
    expect(tasks.filter((t) => t.priority === 'medium')).toHaveLength(22);

    const perSector = catalog.sectors.map((s) => {
      const sectorTasks = s.solutionAreas.flatMap((a) => a.tasks);
      return [s.number, s.name, sectorTasks.filter((t) => t.priority === 'critical').length, sectorTasks.filter((t) => t.priority === 'medium').length];
    });
    expect(perSector).toEqual([
      ['4.2.1', 'Støttefunksjoner', 19, 6],
      ['4.2.2', 'Helse og velferd', 24, 6],
      ['4.2.3', 'Oppvekst og utdanning', 5, 8],
      ['4.2.4', 'Plan, bygg og geodata', 13, 2],
    ]);
    for (const area of catalog.sectors.flatMap((s) => s.solutionAreas)) {
      expect(
        area.tasks.every((t) => t.priority === area.priority),
        area.name,
      ).toBe(true);
    }
  });
});

describe('catalogue: structure', () => {
  it('has the six phases, in order', () => {
    expect(catalog.phases.map((p) => [p.number, p.name])).toEqual([
      [1, 'Før du starter'],
      [2, 'Kartlegging og målbilde'],
      [3, 'Planlegging og anskaffelse'],
      [4, 'Gjennomføring'],
      [5, 'Overgangsfase'],
      [6, 'Drift'],
    ]);
    expect(catalog.phases.map((p) => p.description.split(' omfatter ')[0])).toEqual([
      'Før du starter',
      'Kartlegging og målbilde',
      'Planlegging og anskaffelse',
      'Gjennomføring',
      'Overgangsfasen',
      'Drift',
    ]);
  });

  it('keeps activities without tasks, and the sub-groups of phase 4', () => {
    const empty = catalog.phases.flatMap((p) => p.activities.filter((a) => a.tasks.length === 0).map((a) => a.title));
    expect(empty).toEqual([
      'Eventuelt påbegynne periodisering av IKT-systemer, ajourføring av Matrikkelen og kvalitetssikring av grunndata',
      'Dersom mulig, påbegynne organisering av IKT-drift for den nye kommunen og konsolidering av IKT-infrastruktur',
      'Eventuelt påbegynne forberedelse av datauttrekk og -konvertering',
    ]);

    const groups = phaseTasksInOrder(catalog)
      .filter((t) => t.group !== null)
      .map((t) => `${t.activityTitle} / ${t.group}`);
    expect([...new Set(groups)]).toEqual([
      'Slå sammen prioriterte IKT-systemer og digitale tjenester / Digitale arkiv',
      'Slå sammen prioriterte IKT-systemer og digitale tjenester / Systemer',
      'Etablere prioriterte integrasjoner mellom fagsystemene og mot fellesløsninger / Integrasjoner mellom lokale løsninger',
      'Etablere prioriterte integrasjoner mellom fagsystemene og mot fellesløsninger / Bruk av fellesløsninger',
    ]);
    expect(groups.filter((g) => g.endsWith('/ Digitale arkiv'))).toHaveLength(7);
    expect(groups.filter((g) => g.endsWith('/ Systemer'))).toHaveLength(10);
    expect(groups.filter((g) => g.endsWith('/ Integrasjoner mellom lokale løsninger'))).toHaveLength(2);
    expect(groups.filter((g) => g.endsWith('/ Bruk av fellesløsninger'))).toHaveLength(7);
  });

  it('reads the solution-area headings that are glued to other lines in the source', () => {
    const areas = catalog.sectors.flatMap((s) => s.solutionAreas.map((a) => ({ sector: s.name, ...a })));
    const area = (name: string) => areas.find((a) => a.name === name);
    expect(area('Løsning for timeregistrering')).toMatchObject({ sector: 'Støttefunksjoner', priority: 'medium' });
    expect(area('Løsning for timeregistrering')?.tasks.map((t) => t.title)).toEqual([
      'Etablere digital løsning for timeregistrering',
      'Integrere løsningen mot personal- og lønnssystemet',
    ]);
    expect(area('Dokumentasjon innen flyktningtjenesten, PPT og barnevern')).toMatchObject({ sector: 'Helse og velferd', priority: 'critical' });
    expect(area('Dokumentasjon innen flyktningtjenesten, PPT og barnevern')?.tasks).toHaveLength(3);
    expect(area('Sosialsystem og dokumentasjon på sosiale tjenester')?.tasks).toHaveLength(4);
    expect(area('Dokumentasjon på barnehager, grunnskole, voksenopplæring, bibliotek og grunnskole')).toMatchObject({
      sector: 'Oppvekst og utdanning',
      priority: 'critical',
    });
    expect(area('Dokumentasjon på barnehager, grunnskole, voksenopplæring, bibliotek og grunnskole')?.tasks).toHaveLength(3);
    expect(area('System for barnehageadministrasjon')).toMatchObject({ priority: 'medium' });
  });

  it('reads the opportunity areas, their sectors and the low-hanging fruit', () => {
    const areas = catalog.opportunities.areas;
    expect(areas.map((a) => a.sector)).toEqual([
      null,
      null,
      ...Array<string>(4).fill('Støttefunksjoner'),
      ...Array<string>(7).fill('Helse og velferd'),
      ...Array<string>(5).fill('Oppvekst og utdanning'),
      ...Array<string>(3).fill('Plan, bygg og geodata'),
      null,
      null,
    ]);
    const arkiv = areas.find((a) => a.name === 'Arkiv og dokumenthåndtering');
    expect(arkiv?.opportunities.map((o) => [o.title, o.lowHangingFruit])).toEqual([
      ['Integrere arkivsystemet med flere fagsystemer og digitale tjenester', true],
      ['Etablere digital utsendelse av svar', true],
      ['Skille sak og arkiv', false],
      ['Etablere fullelektronisk arkiv', false],
      ['Øke sentralisering av arkivfunksjonen', false],
      ['Etablere gode standarder for data', false],
    ]);
    const grunnskolen = areas.find((a) => a.name === 'Grunnskolen');
    expect(grunnskolen?.opportunities).toHaveLength(11);
    expect(grunnskolen?.opportunities.slice(3, 5).map((o) => [o.title, o.lowHangingFruit])).toEqual([
      ['Etablere flere digitale søknader', true],
      ['Øke lærernes digitale kompetanse', false],
    ]);
  });

  it('ranks the eight priorities with infrastructure first and digital services last', () => {
    const priorities = catalog.prioritization.priorities;
    expect(priorities.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(priorities[0]).toMatchObject({ area: 'IKT-infrastruktur' });
    expect(priorities[0]?.text).toMatch(/^Etablert IKT-infrastruktur er en forutsetning/);
    expect(priorities[1]?.text).toMatch(/^Deretter bør det etableres arkiv/);
    expect(priorities[7]).toMatchObject({ area: 'Digitale tjenester for innbyggere og næringsliv' });
    expect(priorities[7]?.text).toMatch(/^Digitale tjenester for innbyggere og næringsliv er ikke kritiske/);
    // The chapter heading that the page break dropped into the first item is gone.
    expect(priorities[0]?.text).toContain('IKT-infrastrukturen gir også føringer');
    expect(catalog.prioritization.legend.critical).toContain('rødt');
    expect(catalog.prioritization.legend.medium).toContain('gult');
  });

  it('has the five pieces of advice with their boxed leads', () => {
    expect(catalog.advice.map((a) => [a.number, a.title])).toEqual([
      [1, 'Kom tidlig i gang'],
      [2, 'Velg de smarteste løsningene'],
      [3, 'Tenk helhetlig'],
      [4, 'Forenkle der du kan'],
      [5, 'Vektlegg organisasjonsutvikling'],
    ]);
    expect(catalog.advice[0]?.lead).toBe(
      'Digital sammenslåing er ressurskrevende, og det lønner seg å komme tidlig i gang. ' +
        'Enkelte aktiviteter kan påbegynnes allerede under sondering av mulige kandidater for kommunesammenslåing.',
    );
    expect(catalog.advice[3]?.lead).toContain('selve sammenslåingsprosessen mindre krevende');
    // Footnote markers are removed from the text; the notes are kept with the advice.
    expect(catalog.advice[1]?.paragraphs.join(' ')).toContain('utlyse nye konkurranser. Konkurranse om');
    expect(catalog.advice[1]?.footnotes).toEqual(['Anbefaling fra KS Advokatene', 'https://www.anskaffelser.no/innovasjon']);
    // The footnote block that a page break put in the middle of a paragraph is gone.
    expect(catalog.advice[2]?.paragraphs.join(' ')).toContain('IKT er stadig mer integrert i kommuners tjenesteproduksjon');
  });
});

describe('catalogue: text', () => {
  it('joins wrapped lines into whole titles', () => {
    for (const title of [
      'Arkiv og data – arkivverdig og bevaringsverdig dokumentasjon i de ulike IKT-systemene, filsystemene, skyløsningene og e-postregistrene, behov for tilgang i den nye kommunen',
      'Integrere systemet med økonomi- og regnskapssystemet, løsninger for bank og A-meldingen',
      'Integrere prioriterte fagsystemer mot økonomi- og regnskapssystemet, personal- og lønnssystemet og arkivsystemet',
      'Etablere teknisk informasjonssikkerhet og støttesystemer for IKT-infrastruktur og -drift',
      'Sikre tilgang til Folkeregisteret, Enhetsregisteret, Matrikkelen, Kontakt- og reservasjonsregisteret, relevante nasjonale helseregistre, kvalitetsregistre og helseadministrative registre samt nasjonal plan- og kartdata',
      'Ved nyanskaffelser av systemer innen pleie og omsorg, helsestasjon og legevakt: stille krav til integrasjon mot kjernejournal når den blir tilgjengelig',
      'Gjøre informasjon fra Matrikkelen, nasjonalt planregister, DOK og felles kartdatabase lett tilgjengelig for ansatte',
      'Dersom mulig, påbegynne organisering av IKT-drift for den nye kommunen og konsolidering av IKT-infrastruktur',
      'Dokumentasjon på barnehager, grunnskole, voksenopplæring, bibliotek og grunnskole',
    ]) {
      expect(titles.has(title), title).toBe(true);
    }
  });

  it('has no PDF debris in titles', () => {
    for (const title of titles) {
      expect(title, title).not.toContain(CHECKBOX);
      expect(title, title).not.toContain(LOW_HANGING);
      expect(title, title).not.toMatch(/https?:\/\/|www\./);
      expect(title, title).not.toContain('SAMMENSLÅING');
      expect(title, title).not.toMatch(/^\d+$/);
      expect(title, title).not.toMatch(/[:\s]$/);
      expect(title, title).not.toMatch(/^\s|\s{2,}/);
    }
  });

  it('has no PDF glyphs or broken whitespace anywhere', () => {
    for (const text of allStrings(catalog)) {
      expect(text, text).not.toMatch(/[\uE000-\uF8FF]/);
      expect(text, text).not.toMatch(/^\s|\s$|\s{2,}/);
    }
  });
});

describe('catalogue: ids', () => {
  it('gives every item a unique, readable kebab-case id', () => {
    const ids = allIds(catalog);
    expect(ids.length).toBeGreaterThan(306);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(ids).toContain('fase-1-akt-2-opp-1');
    expect(ids).toContain('sektor-stottefunksjoner');
    expect(ids).toContain('omrade-okonomi-og-regnskapssystem-opp-3');
    expect(ids).toContain('mulighet-ikt-infrastruktur-og-drift-1');
  });

  it('refuses a library with a duplicated id', () => {
    const copy = structuredClone(catalog) as Catalog;
    const [first, second] = copy.phases[0]!.activities[0]!.tasks.concat(copy.phases[0]!.activities[1]!.tasks);
    second!.id = first!.id;
    expect(catalogSchema.safeParse(copy).success).toBe(false);
  });
});

describe('catalogue: loading and helpers', () => {
  it('returns one cached, deeply frozen object', () => {
    expect(loadCatalog()).toBe(catalog);
    expect(Object.isFrozen(catalog)).toBe(true);
    expect(Object.isFrozen(catalog.phases[0]!.activities[0]!.tasks[0])).toBe(true);
    expect(Object.isFrozen(catalog.opportunities.areas)).toBe(true);
    expect(() => {
      catalog.title = 'Endret';
    }).toThrow(TypeError);
    expect(() => {
      catalog.phases.push(catalog.phases[0]!);
    }).toThrow(TypeError);
  });

  it('lists the phase tasks flat, in document order', () => {
    const tasks = phaseTasksInOrder(catalog);
    expect(tasks).toHaveLength(121);
    expect(tasks[0]).toEqual({
      phaseId: 'fase-1',
      phaseNumber: 1,
      activityId: 'fase-1-akt-1',
      activityTitle: 'Etablere et team for digital sammenslåing',
      taskId: 'fase-1-akt-1-opp-1',
      title: 'Sette av dedikerte ressurser som kan påbegynne arbeidet',
      group: null,
      position: 0,
    });
    expect(tasks.at(-1)).toMatchObject({ phaseNumber: 6, title: 'Iverksette korrigerende tiltak ved behov', position: 2 });
    // Positions count up from 0 within each activity; phases never go backwards.
    tasks.forEach((t, i) => {
      const previous = tasks[i - 1];
      expect(t.position).toBe(previous && previous.activityId === t.activityId ? previous.position + 1 : 0);
      if (previous) expect(t.phaseNumber).toBeGreaterThanOrEqual(previous.phaseNumber);
    });
  });

  it('summarises the library', () => {
    expect(catalogSummary(catalog)).toEqual({
      id: 'ks-sjekkliste-digital-sammenslaing',
      version: catalog.version,
      title: 'Sjekkliste for digital sammenslåing',
      source: {
        publisher: 'KS',
        author: 'PA Consulting',
        title: 'Sjekkliste for digital sammenslåing',
        basedOn: 'Digitale konsekvenser av en kommunesammenslåing (KS FoU-rapport, 2016)',
      },
    });
    expect(catalog.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('catalogue against the source text', () => {
  /**
   * An independent, deliberately simple reading of the seed: an item is a line starting with
   * the checkbox glyph, plus the lines after it up to a blank-with-spaces separator, a line
   * with leading whitespace (new text block), a heading ending in a colon, another item or a
   * chapter heading in capitals.
   */
  function seedItems(text: string): { title: string; lowHangingFruit: boolean }[] {
    const lines = text.split(/\r?\n/);
    const items: { title: string; lowHangingFruit: boolean }[] = [];
    lines.forEach((line, i) => {
      if (!line.trimStart().startsWith(CHECKBOX)) return;
      const parts = [line.trimStart().slice(1)];
      for (const next of lines.slice(i + 1)) {
        if (next === '') continue;
        const t = next.trim();
        if (t === '' || /^\s/.test(next) || t.startsWith(CHECKBOX) || t.endsWith(':') || /^[\dA-ZÆØÅ ]+$/.test(t)) break;
        parts.push(next);
      }
      let joined = '';
      for (const part of parts) {
        joined = joined === '' ? part : /\S-$/.test(joined) ? joined + part.trimStart() : `${joined} ${part}`;
      }
      joined = joined.replace(/\s+/g, ' ').trim();
      const lowHangingFruit = joined.endsWith(LOW_HANGING);
      items.push({ title: joined.replace(LOW_HANGING, '').trim(), lowHangingFruit });
    });
    return items;
  }

  it('has every checklist item of the seed, joined, in the same order', () => {
    const seedPath = fileURLToPath(SEED_URL);
    expect(existsSync(seedPath), `The seed file is missing: expected it at ${seedPath} (src/catalog/source).`).toBe(true);
    const seed = readFileSync(seedPath, 'utf8');

    const checkboxLines = seed.split(/\r?\n/).filter((l) => l.trimStart().startsWith(CHECKBOX));
    expect(checkboxLines).toHaveLength(306);

    const fromSeed = seedItems(seed);
    const fromCatalog = itemsInDocumentOrder(catalog).map((i) => ({ title: i.title, lowHangingFruit: i.lowHangingFruit }));
    expect(fromCatalog).toEqual(fromSeed);
    for (const item of fromSeed) expect(titles.has(item.title), item.title).toBe(true);
  });
});
