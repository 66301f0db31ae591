import { describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/catalog.ts';
import { solutionAreas } from '#server/features/inventory/inventory.service.ts';
import {
  areaRanks,
  dayOneReadiness,
  defersDayOne,
  daysBetween,
  decisionTaskPlan,
  defaultTiming,
  loadAreaPriorities,
  priorityRankOfArea,
  suggestCandidates,
  systemFates,
  validateDecision,
  type CandidateSystem,
} from './decisions.domain.ts';
import { reconcileDecisionTasks } from '#server/features/plan/plan.tasks.domain.ts';

const catalog = loadCatalog();
const catalogAreas = catalog.sectors.flatMap((sector) => sector.solutionAreas);
const areaById = (id: string) => {
  const area = catalogAreas.find((a) => a.id === id);
  if (!area) throw new Error(`no area ${id}`);
  return area;
};

describe('what a decision means for each system', () => {
  const ids = ['a', 'b', 'c'];

  it('continuing a system keeps it and migrates every other system in the area into it', () => {
    const fates = systemFates({ outcome: 'continue', targetSystemId: 'b' }, ids);
    expect(Object.fromEntries(fates)).toEqual({ a: 'migrated', b: 'continues', c: 'migrated' });
  });

  it('adapting a system is continuing it as far as the other systems are concerned', () => {
    const fates = systemFates({ outcome: 'adapt', targetSystemId: 'a' }, ids);
    expect(Object.fromEntries(fates)).toEqual({ a: 'continues', b: 'migrated', c: 'migrated' });
  });

  it('procuring a new system migrates every system of today', () => {
    expect([...systemFates({ outcome: 'procure', targetSystemId: null }, ids).values()]).toEqual(['migrated', 'migrated', 'migrated']);
  });

  it('procuring migrates every system even if a target is named', () => {
    expect([...systemFates({ outcome: 'procure', targetSystemId: 'a' }, ids).values()]).toEqual(['migrated', 'migrated', 'migrated']);
  });

  it('retiring the function retires every system (their data go to archive)', () => {
    expect([...systemFates({ outcome: 'retire', targetSystemId: null }, ids).values()]).toEqual(['retired', 'retired', 'retired']);
  });

  it('without a decision every system is undecided', () => {
    expect([...systemFates(undefined, ids).values()]).toEqual(['undecided', 'undecided', 'undecided']);
  });

  it('answers only for the systems asked about, even when the target is elsewhere', () => {
    const fates = systemFates({ outcome: 'continue', targetSystemId: 'x' }, ['a']);
    expect(Object.fromEntries(fates)).toEqual({ a: 'migrated' });
  });

  it('an area with no systems has no fates', () => {
    expect(systemFates({ outcome: 'retire', targetSystemId: null }, []).size).toBe(0);
  });
});

describe('validating a decision', () => {
  const systems = [{ id: 'a' }, { id: 'b' }];

  it('accepts continuing or adapting one of the area’s systems', () => {
    expect(validateDecision({ outcome: 'continue', targetSystemId: 'a' }, systems)).toEqual([]);
    expect(validateDecision({ outcome: 'adapt', targetSystemId: 'b' }, systems)).toEqual([]);
  });

  it('asks which system to continue when none is chosen', () => {
    expect(validateDecision({ outcome: 'continue', targetSystemId: null }, systems)).toEqual([
      { path: ['targetSystemId'], message: expect.objectContaining({ nb: 'Velg systemet som skal videreføres.' }) },
    ]);
    expect(validateDecision({ outcome: 'adapt', targetSystemId: null }, systems)).toEqual([
      { path: ['targetSystemId'], message: expect.objectContaining({ nb: 'Velg systemet som skal tilpasses.' }) },
    ]);
  });

  it('refuses continuing a system that is not in the area', () => {
    const problems = validateDecision({ outcome: 'continue', targetSystemId: 'elsewhere' }, systems);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toEqual(['targetSystemId']);
    expect(problems[0]!.message.nb).toContain('et av systemene i området');
  });

  it('points at the outcome when the area has no systems to continue', () => {
    const problems = validateDecision({ outcome: 'continue', targetSystemId: null }, []);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toEqual(['outcome']);
    expect(problems[0]!.message.nb).toContain('anskaffe nytt eller avvikle');
    expect(problems[0]!.message.nn).toBe(
      'Området har ingen system i kartlegginga som kan førast vidare. Vel skaffe nytt eller avvikle, eller registrer systemet først.',
    );
    expect(problems[0]!.message.en).toBe(
      'The area has no systems in the inventory that can be continued. Choose procure new or retire, or register the system first.',
    );
  });

  it('accepts retiring with no system named, and refuses a named one', () => {
    expect(validateDecision({ outcome: 'retire', targetSystemId: null }, systems)).toEqual([]);
    expect(validateDecision({ outcome: 'retire', targetSystemId: 'a' }, systems)).toEqual([
      { path: ['targetSystemId'], message: expect.objectContaining({ nb: 'Når løsningen avvikles, skal ingen systemer videreføres. Fjern valgt system.' }) },
    ]);
    expect(validateDecision({ outcome: 'retire', targetSystemId: 'elsewhere' }, systems)).toHaveLength(1);
  });

  it('accepts procuring with no system named, or one from outside the area, but not one of the area’s own', () => {
    expect(validateDecision({ outcome: 'procure', targetSystemId: null }, systems)).toEqual([]);
    expect(validateDecision({ outcome: 'procure', targetSystemId: 'registered-elsewhere' }, systems)).toEqual([]);
    const problems = validateDecision({ outcome: 'procure', targetSystemId: 'a' }, systems);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toEqual(['targetSystemId']);
  });

  it('accepts procuring or retiring in an area with no systems', () => {
    expect(validateDecision({ outcome: 'procure', targetSystemId: null }, [])).toEqual([]);
    expect(validateDecision({ outcome: 'retire', targetSystemId: null }, [])).toEqual([]);
  });

  it('refuses an unknown outcome in Norwegian', () => {
    expect(validateDecision({ outcome: 'keep', targetSystemId: null }, systems)).toEqual([
      { path: ['outcome'], message: expect.objectContaining({ nb: 'Velg videreføre, tilpasse, anskaffe nytt eller avvikle.' }) },
    ]);
  });
});

describe('default timing', () => {
  it('critical areas are handled before the merger date, medium ones may wait for the transition phase', () => {
    expect(defaultTiming('critical')).toBe('before_merger');
    expect(defaultTiming('medium')).toBe('transition');
  });
});

describe('candidate suggestions from the inventory', () => {
  const system = (over: Partial<CandidateSystem> & Pick<CandidateSystem, 'id' | 'municipalityNumber'>): CandidateSystem => ({
    name: `System ${over.id}`,
    vendor: null,
    product: null,
    hosting: null,
    userCount: null,
    integrationCount: 0,
    contractEndDates: [],
    ...over,
  });

  it('two municipalities running the same product in different letter case give one suggestion', () => {
    const suggestions = suggestCandidates([
      system({ id: 'a', municipalityNumber: '3401', vendor: 'Visma', product: 'Visma Enterprise' }),
      system({ id: 'b', municipalityNumber: '3403', vendor: 'VISMA  AS', product: ' visma   enterprise' }),
    ]);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ basis: 'product', municipalities: ['3401', '3403'] });
    expect(suggestions[0]!.systems.map((s) => s.id).sort()).toEqual(['a', 'b']);
  });

  it('one municipality with two copies of a product is no suggestion', () => {
    expect(
      suggestCandidates([
        system({ id: 'a', municipalityNumber: '3401', vendor: 'Visma', product: 'Enterprise' }),
        system({ id: 'b', municipalityNumber: '3401', vendor: 'Visma', product: 'Enterprise' }),
      ]),
    ).toEqual([]);
  });

  it('systems with neither vendor nor product suggest nothing', () => {
    expect(suggestCandidates([system({ id: 'a', municipalityNumber: '1' }), system({ id: 'b', municipalityNumber: '2' })])).toEqual([]);
  });

  it('recommends the system with most users, and adds up the group’s facts', () => {
    const [suggestion] = suggestCandidates([
      system({
        id: 'small',
        municipalityNumber: '3401',
        name: 'Gerica Hamar',
        vendor: 'Tietoevry',
        product: 'Gerica',
        hosting: 'on_premises',
        userCount: 40,
        integrationCount: 5,
        contractEndDates: ['2027-12-31'],
      }),
      system({
        id: 'big',
        municipalityNumber: '3403',
        name: 'Gerica Stange',
        vendor: 'Tietoevry',
        product: 'Gerica',
        hosting: 'saas',
        userCount: 300,
        integrationCount: 2,
        contractEndDates: ['2029-06-30', '2026-03-01'],
      }),
      system({ id: 'none', municipalityNumber: '3405', vendor: 'Tietoevry', product: 'gerica', hosting: 'saas' }),
    ]);
    expect(suggestion).toMatchObject({
      basis: 'product',
      label: 'Gerica (Tietoevry)',
      municipalities: ['3401', '3403', '3405'],
      totals: { users: 340, integrations: 7 },
      earliestContractEnd: '2026-03-01',
      hostings: ['on_premises', 'saas'],
      recommendedSystemId: 'big',
    });
    expect(suggestion!.systems.map((s) => s.id)).toEqual(['big', 'small', 'none']);
    expect(suggestion!.systems[0]).toMatchObject({ userCount: 300, integrationCount: 2, hosting: 'saas' });
  });

  it('breaks a tie on users by integrations, then by name', () => {
    const byIntegrations = suggestCandidates([
      system({ id: 'a', municipalityNumber: '1', vendor: 'V', product: 'P', userCount: 10, integrationCount: 1 }),
      system({ id: 'b', municipalityNumber: '2', vendor: 'V', product: 'P', userCount: 10, integrationCount: 3 }),
    ]);
    expect(byIntegrations[0]!.recommendedSystemId).toBe('b');
    const byName = suggestCandidates([
      system({ id: 'a', municipalityNumber: '1', name: 'Øst', vendor: 'V', product: 'P' }),
      system({ id: 'b', municipalityNumber: '2', name: 'Aust', vendor: 'V', product: 'P' }),
    ]);
    expect(byName[0]!.recommendedSystemId).toBe('b');
  });

  it('reports no contract end when none is known', () => {
    const [suggestion] = suggestCandidates([
      system({ id: 'a', municipalityNumber: '1', vendor: 'V', product: 'P' }),
      system({ id: 'b', municipalityNumber: '2', vendor: 'V', product: 'P' }),
    ]);
    expect(suggestion!.earliestContractEnd).toBeNull();
    expect(suggestion!.hostings).toEqual([]);
  });

  it('matches on the product alone when no vendor is given', () => {
    const suggestions = suggestCandidates([
      system({ id: 'a', municipalityNumber: '1', product: 'Websak' }),
      system({ id: 'b', municipalityNumber: '2', product: 'WEBSAK' }),
    ]);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ basis: 'product', label: 'Websak' });
  });

  it('a system without vendor joins its product’s group when everyone else names the same vendor', () => {
    const suggestions = suggestCandidates([
      system({ id: 'a', municipalityNumber: '1', vendor: 'Acos', product: 'Websak', userCount: 10 }),
      system({ id: 'b', municipalityNumber: '2', product: 'Websak', userCount: 20 }),
    ]);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ basis: 'product', label: 'Websak (Acos)', recommendedSystemId: 'b' });
  });

  it('the same product name from different vendors is not the same product', () => {
    const suggestions = suggestCandidates([
      system({ id: 'a', municipalityNumber: '1', vendor: 'Acme', product: 'Arkiv' }),
      system({ id: 'b', municipalityNumber: '2', vendor: 'Other', product: 'Arkiv' }),
    ]);
    expect(suggestions).toEqual([]);
  });

  it('falls back to the same vendor when the municipalities run different products from it', () => {
    const suggestions = suggestCandidates([
      system({ id: 'a', municipalityNumber: '1', vendor: 'Visma', product: 'Flyt Skole' }),
      system({ id: 'b', municipalityNumber: '2', vendor: 'visma', product: 'Flyt Barnehage' }),
    ]);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ basis: 'vendor', label: 'Visma', municipalities: ['1', '2'] });
  });

  it('drops a vendor suggestion that holds exactly the systems of a product suggestion', () => {
    const suggestions = suggestCandidates([
      system({ id: 'a', municipalityNumber: '1', vendor: 'Visma', product: 'Enterprise' }),
      system({ id: 'b', municipalityNumber: '2', vendor: 'Visma', product: 'Enterprise' }),
    ]);
    expect(suggestions.map((s) => s.basis)).toEqual(['product']);
  });

  it('keeps a vendor suggestion that reaches further than the product suggestion', () => {
    const suggestions = suggestCandidates([
      system({ id: 'a', municipalityNumber: '1', vendor: 'Visma', product: 'Enterprise' }),
      system({ id: 'b', municipalityNumber: '2', vendor: 'Visma', product: 'Enterprise' }),
      system({ id: 'c', municipalityNumber: '3', vendor: 'Visma', product: 'Lønn' }),
    ]);
    expect(suggestions.map((s) => [s.basis, s.municipalities.length])).toEqual([
      ['product', 2],
      ['vendor', 3],
    ]);
  });

  it('ranks product before vendor, then more municipalities, then more users, then more integrations', () => {
    const suggestions = suggestCandidates([
      // vendor-only group across three municipalities
      system({ id: 'v1', municipalityNumber: '1', vendor: 'Big', product: 'X' }),
      system({ id: 'v2', municipalityNumber: '2', vendor: 'Big', product: 'Y' }),
      system({ id: 'v3', municipalityNumber: '3', vendor: 'Big', product: 'Z' }),
      // product group, two municipalities, few users
      system({ id: 'p1', municipalityNumber: '1', vendor: 'A', product: 'Alpha', userCount: 5 }),
      system({ id: 'p2', municipalityNumber: '2', vendor: 'A', product: 'Alpha', userCount: 5 }),
      // product group, two municipalities, many users
      system({ id: 'q1', municipalityNumber: '1', vendor: 'B', product: 'Beta', userCount: 100 }),
      system({ id: 'q2', municipalityNumber: '2', vendor: 'B', product: 'Beta', userCount: 100 }),
      // product group, three municipalities
      system({ id: 'r1', municipalityNumber: '1', vendor: 'C', product: 'Gamma' }),
      system({ id: 'r2', municipalityNumber: '2', vendor: 'C', product: 'Gamma' }),
      system({ id: 'r3', municipalityNumber: '3', vendor: 'C', product: 'Gamma' }),
      // product group, two municipalities, few users but more integrations than Alpha
      system({ id: 's1', municipalityNumber: '1', vendor: 'D', product: 'Delta', userCount: 5, integrationCount: 4 }),
      system({ id: 's2', municipalityNumber: '2', vendor: 'D', product: 'Delta', userCount: 5 }),
    ]);
    expect(suggestions.map((s) => s.label)).toEqual(['Gamma (C)', 'Beta (B)', 'Delta (D)', 'Alpha (A)', 'Big']);
  });

  it('ranks equal suggestions by label', () => {
    const suggestions = suggestCandidates([
      system({ id: 'a1', municipalityNumber: '1', vendor: 'V', product: 'Bravo' }),
      system({ id: 'a2', municipalityNumber: '2', vendor: 'V', product: 'Bravo' }),
      system({ id: 'b1', municipalityNumber: '1', vendor: 'W', product: 'Alfa' }),
      system({ id: 'b2', municipalityNumber: '2', vendor: 'W', product: 'Alfa' }),
    ]);
    expect(suggestions.map((s) => s.label)).toEqual(['Alfa (W)', 'Bravo (V)']);
  });

  it('does not change the systems it is given', () => {
    const input = [
      system({ id: 'a', municipalityNumber: '1', vendor: 'V', product: 'P', contractEndDates: ['2030-01-01'] }),
      system({ id: 'b', municipalityNumber: '2', vendor: 'V', product: 'P', contractEndDates: ['2028-01-01'] }),
    ];
    const copy = structuredClone(input);
    suggestCandidates(input);
    expect(input).toEqual(copy);
  });
});

describe('the 4.1 ranking of solution areas', () => {
  it('every solution area Samla knows has a rank from 1 to 8', () => {
    const areas = solutionAreas();
    expect(areas.length).toBeGreaterThanOrEqual(40);
    for (const area of areas) {
      const rank = priorityRankOfArea(area.id);
      expect(rank, area.id).toBeGreaterThanOrEqual(1);
      expect(rank, area.id).toBeLessThanOrEqual(8);
    }
  });

  it('every area and priority the ranking names exists, and no area is ranked twice', () => {
    const areaIds = new Set(solutionAreas().map((area) => area.id));
    const priorityIds = new Set(catalog.prioritization.priorities.map((p) => p.id));
    const entries = loadAreaPriorities().areas;
    for (const entry of entries) {
      expect(areaIds.has(entry.areaId), entry.areaId).toBe(true);
      expect(priorityIds.has(entry.priorityId), entry.priorityId).toBe(true);
    }
    expect(new Set(entries.map((e) => e.areaId)).size).toBe(entries.length);
  });

  it('uses every one of the eight priorities', () => {
    expect(new Set(loadAreaPriorities().areas.map((e) => e.priorityId)).size).toBe(8);
  });

  it('places infrastructure first, archive second and digital services last, as 4.1 does', () => {
    expect(priorityRankOfArea('samla-omrade-servere-lagring-og-drift')).toBe(1);
    expect(priorityRankOfArea('samla-omrade-identitet-og-tilgang')).toBe(1);
    expect(priorityRankOfArea('omrade-digitale-arkiv-og-arkivlosninger')).toBe(2);
    expect(priorityRankOfArea('samla-omrade-arkivdepot-og-avlevering')).toBe(2);
    expect(priorityRankOfArea('omrade-personal-og-lonnssystem')).toBe(3);
    expect(priorityRankOfArea('omrade-pasientjournalsystemer')).toBe(4);
    expect(priorityRankOfArea('omrade-integrasjon-mot-matrikkelen-og-grunnboken')).toBe(5);
    expect(priorityRankOfArea('omrade-feide-identiteter')).toBe(6);
    expect(priorityRankOfArea('omrade-dokumentasjon-innen-innkjop')).toBe(7);
    expect(priorityRankOfArea('samla-omrade-nettsider-og-digitale-tjenester')).toBe(8);
  });

  it('gives a reason wherever the area is not named by its priority', () => {
    const entries = loadAreaPriorities().areas;
    for (const id of ['omrade-tilgang-til-nasjonale-grunndataregistre', 'omrade-dokumentasjon-innen-innkjop', 'omrade-feide-identiteter']) {
      expect(entries.find((e) => e.areaId === id)?.reason, id).toBeTruthy();
    }
  });

  it('refuses an unknown area rather than sorting it silently', () => {
    expect(() => priorityRankOfArea('omrade-finnes-ikke')).toThrow(/no 4.1 priority/);
  });

  it('refuses ranking data that names an unknown priority or ranks an area twice', () => {
    expect(() => areaRanks({ version: '1.0.0', areas: [{ areaId: 'x', priorityId: 'prioritet-nope' }] }, catalog)).toThrow(/unknown priority/);
    expect(() =>
      areaRanks(
        {
          version: '1.0.0',
          areas: [
            { areaId: 'x', priorityId: 'prioritet-arkiv' },
            { areaId: 'x', priorityId: 'prioritet-arkiv' },
          ],
        },
        catalog,
      ),
    ).toThrow(/twice/);
  });
});

describe('placing a decision’s tasks in the plan', () => {
  const journal = areaById('omrade-pasientjournalsystemer');

  it('before the merger puts the area’s tasks under «Slå sammen prioriterte IKT-systemer» in phase 4', () => {
    const plan = decisionTaskPlan(journal, 'before_merger', priorityRankOfArea);
    expect(plan).toHaveLength(journal.tasks.length);
    expect(plan.map((t) => t.catalogItemId)).toEqual(journal.tasks.map((t) => t.id));
    expect(plan.map((t) => t.title)).toEqual(journal.tasks.map((t) => t.title));
    for (const task of plan) expect(task).toMatchObject({ phaseId: 'fase-4', activityId: 'fase-4-akt-4' });
    const activity = catalog.phases.find((p) => p.id === 'fase-4')!.activities.find((a) => a.id === 'fase-4-akt-4')!;
    expect(activity.title).toBe('Slå sammen prioriterte IKT-systemer og digitale tjenester');
  });

  it('the transition phase puts them under «Slå sammen resterende IKT-systemer» in phase 5', () => {
    for (const task of decisionTaskPlan(journal, 'transition', priorityRankOfArea)) {
      expect(task).toMatchObject({ phaseId: 'fase-5', activityId: 'fase-5-akt-3' });
    }
    const activity = catalog.phases.find((p) => p.id === 'fase-5')!.activities.find((a) => a.id === 'fase-5-akt-3')!;
    expect(activity.title).toBe('Slå sammen resterende IKT-systemer og digitale tjenester');
  });

  it('orders by the 4.1 rank first: archive tasks come before payroll, payroll before health', () => {
    const archive = decisionTaskPlan(areaById('omrade-digitale-arkiv-og-arkivlosninger'), 'before_merger', priorityRankOfArea);
    const payroll = decisionTaskPlan(areaById('omrade-personal-og-lonnssystem'), 'before_merger', priorityRankOfArea);
    const health = decisionTaskPlan(journal, 'before_merger', priorityRankOfArea);
    expect(Math.max(...archive.map((t) => t.order))).toBeLessThan(Math.min(...payroll.map((t) => t.order)));
    expect(Math.max(...payroll.map((t) => t.order))).toBeLessThan(Math.min(...health.map((t) => t.order)));
  });

  it('orders areas of the same rank by their place in the catalogue, and tasks by their place in the area', () => {
    // The archive area comes after payroll in the catalogue, but its rank (2) puts it first; within rank 4
    // the journal systems come before Helsenettet as in the catalogue.
    const helsenett = decisionTaskPlan(areaById('omrade-integrasjon-mot-helsenettet'), 'before_merger', priorityRankOfArea);
    const journalPlan = decisionTaskPlan(journal, 'before_merger', priorityRankOfArea);
    expect(Math.max(...journalPlan.map((t) => t.order))).toBeLessThan(Math.min(...helsenett.map((t) => t.order)));
    const orders = journalPlan.map((t) => t.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('computes the order as rank × 10 000 + the area’s place × 100 + the task’s place', () => {
    const place = catalogAreas.findIndex((a) => a.id === journal.id);
    const plan = decisionTaskPlan(journal, 'before_merger', () => 4);
    expect(plan.map((t) => t.order)).toEqual(journal.tasks.map((_, i) => 40_000 + place * 100 + i));
  });

  it('uses the rank it is given', () => {
    const [first] = decisionTaskPlan(journal, 'before_merger', () => 1);
    expect(first!.order).toBeLessThan(20_000);
  });

  it('every order in the catalogue is unique, so the plan has one clear sequence', () => {
    const orders = catalogAreas.flatMap((area) => decisionTaskPlan(area, 'before_merger', priorityRankOfArea).map((t) => t.order));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('Samla’s own areas carry no checklist tasks and so plan none', () => {
    expect(decisionTaskPlan({ id: 'samla-omrade-teknisk-sikkerhet', priority: null, tasks: [] }, 'before_merger', priorityRankOfArea)).toEqual([]);
  });
});

describe('bringing the merger’s tasks in line with a decision', () => {
  const journal = areaById('omrade-pasientjournalsystemer');
  const before = decisionTaskPlan(journal, 'before_merger', priorityRankOfArea);
  const after = decisionTaskPlan(journal, 'transition', priorityRankOfArea);

  const existingFrom = (plan: typeof before) =>
    plan.map((task, i) => ({
      id: `task-${i}`,
      catalogItemId: task.catalogItemId,
      phaseId: task.phaseId,
      activityId: task.activityId,
      status: i === 0 ? ('done' as const) : ('in_progress' as const),
      responsible: 'Kari',
      notes: `Notat ${i}`,
    }));

  it('a first decision creates every task of the area', () => {
    const result = reconcileDecisionTasks([], before);
    expect(result).toEqual({ create: before, move: [], keep: [] });
  });

  it('the same decision again changes nothing', () => {
    const existing = existingFrom(before);
    const result = reconcileDecisionTasks(existing, before);
    expect(result).toEqual({ create: [], move: [], keep: existing.map((t) => t.id) });
  });

  it('a changed timing moves the tasks and keeps their status, owner and notes', () => {
    const existing = existingFrom(before);
    const result = reconcileDecisionTasks(existing, after);
    expect(result.create).toEqual([]);
    expect(result.keep).toEqual([]);
    expect(result.move).toEqual(existing.map((task, i) => ({ id: task.id, phaseId: 'fase-5', activityId: 'fase-5-akt-3', order: after[i]!.order })));
    // A move names only the place: nothing in it could overwrite status, owner or notes.
    for (const move of result.move) expect(Object.keys(move).sort()).toEqual(['activityId', 'id', 'order', 'phaseId']);
  });

  it('creates only the tasks that are missing', () => {
    const existing = existingFrom(before).slice(0, 2);
    const result = reconcileDecisionTasks(existing, before);
    expect(result.keep).toEqual(['task-0', 'task-1']);
    expect(result.create.map((t) => t.catalogItemId)).toEqual(before.slice(2).map((t) => t.catalogItemId));
  });

  it('moves a task whose order differs when the order is known', () => {
    const [first] = existingFrom(before);
    const result = reconcileDecisionTasks([{ ...first!, order: 1 }], before.slice(0, 1));
    expect(result.move).toEqual([{ id: 'task-0', phaseId: 'fase-4', activityId: 'fase-4-akt-4', order: before[0]!.order }]);
  });

  it('never deletes: tasks no longer wanted and the merger’s own tasks are left alone', () => {
    const existing = [
      ...existingFrom(before),
      { id: 'own', catalogItemId: null, phaseId: 'fase-4', activityId: 'fase-4-akt-4', status: 'not_started' as const, responsible: null, notes: null },
    ];
    const result = reconcileDecisionTasks(existing, before.slice(0, 1));
    expect(result).toEqual({ create: [], move: [], keep: ['task-0'] });
  });

  it('moves every copy when a task was copied twice, and creates no third', () => {
    const [first] = existingFrom(before);
    const result = reconcileDecisionTasks([first!, { ...first!, id: 'copy' }], after.slice(0, 1));
    expect(result.create).toEqual([]);
    expect(result.move.map((m) => m.id)).toEqual(['task-0', 'copy']);
  });
});

describe('readiness for day one', () => {
  const base = { mergerDate: '2028-01-01', today: '2027-12-01' };
  type Status = 'not_started' | 'in_progress' | 'done' | 'not_relevant';
  const tasks = (...list: Array<[string, Status]>) => list.map(([phaseId, status]) => ({ phaseId, status }));

  it('an adopted decision with every phase-4 task done or not relevant is ready', () => {
    const result = dayOneReadiness({
      ...base,
      criticalAreaIds: ['a'],
      decisions: new Map([['a', { state: 'adopted' as const, timing: 'before_merger' as const }]]),
      tasksByArea: new Map([['a', tasks(['fase-4', 'done'], ['fase-4', 'not_relevant'])]]),
    });
    expect(result).toEqual({ criticalTotal: 1, ready: 1, missing: [], acceptedDeferrals: [], daysLeft: 31 });
  });

  it('an area without a decision is missing, with the reason', () => {
    const result = dayOneReadiness({ ...base, criticalAreaIds: ['a'], decisions: new Map(), tasksByArea: new Map() });
    expect(result.missing).toEqual([{ areaId: 'a', reasons: ['no_decision'], openTasks: 0, rationale: null }]);
    expect(result.ready).toBe(0);
  });

  it('a proposal is not ready until it is adopted', () => {
    const result = dayOneReadiness({
      ...base,
      criticalAreaIds: ['a'],
      decisions: new Map([['a', { state: 'proposed' as const, timing: 'before_merger' as const }]]),
      tasksByArea: new Map([['a', tasks(['fase-4', 'done'])]]),
    });
    expect(result.missing).toEqual([{ areaId: 'a', reasons: ['not_adopted'], openTasks: 0, rationale: null }]);
  });

  it('open tasks in phase 4 or earlier keep an adopted area from being ready; later phases do not count', () => {
    const result = dayOneReadiness({
      ...base,
      criticalAreaIds: ['a'],
      decisions: new Map([['a', { state: 'adopted' as const, timing: 'before_merger' as const }]]),
      tasksByArea: new Map([
        ['a', tasks(['fase-4', 'in_progress'], ['fase-3', 'not_started'], ['fase-4', 'done'], ['fase-5', 'not_started'], ['fase-6', 'in_progress'])],
      ]),
    });
    expect(result.missing).toEqual([{ areaId: 'a', reasons: ['tasks_open'], openTasks: 2, rationale: null }]);
  });

  it('lists every reason at once: a proposal with open tasks', () => {
    const result = dayOneReadiness({
      ...base,
      criticalAreaIds: ['a'],
      decisions: new Map([['a', { state: 'proposed' as const, timing: 'before_merger' as const }]]),
      tasksByArea: new Map([['a', tasks(['fase-4', 'not_started'])]]),
    });
    expect(result.missing).toEqual([{ areaId: 'a', reasons: ['not_adopted', 'tasks_open'], openTasks: 1, rationale: null }]);
  });

  // The seed: critical areas must be in place by day one. Deferring one is a choice the
  // project must make explicitly (who, when, why); until then the area is not ready.
  const accepted = { acceptedBy: 'Live Leder', acceptedAt: '2027-11-02T09:00:00.000Z', reason: 'Leverandøren kan ikke levere før mars.' };
  const deferralCases: Array<{
    name: string;
    decision: { state: 'adopted' | 'proposed'; timing: 'before_merger' | 'transition'; rationale?: string | null; deferral?: typeof accepted | null };
    tasks: ReturnType<typeof tasks>;
    ready: boolean;
    reasons?: string[];
    rationale?: string | null;
    acceptedDeferral?: boolean;
  }> = [
    {
      name: 'adopted, deferred, not accepted: not ready, «deferred» with the rationale',
      decision: { state: 'adopted', timing: 'transition', rationale: 'Ny anskaffelse tar tid.' },
      tasks: tasks(['fase-5', 'not_started']),
      ready: false,
      reasons: ['deferred'],
      rationale: 'Ny anskaffelse tar tid.',
    },
    {
      name: 'adopted, deferred, no rationale, not accepted: not ready, rationale null',
      decision: { state: 'adopted', timing: 'transition', rationale: null },
      tasks: tasks(['fase-5', 'not_started'], ['fase-4', 'not_started']),
      ready: false,
      reasons: ['deferred'],
      rationale: null,
    },
    {
      name: 'adopted, deferred, explicitly null acceptance: not ready',
      decision: { state: 'adopted', timing: 'transition', deferral: null },
      tasks: [],
      ready: false,
      reasons: ['deferred'],
      rationale: null,
    },
    {
      name: 'adopted, deferred, acceptance with a blank reason: not ready (no why, no acceptance)',
      decision: { state: 'adopted', timing: 'transition', deferral: { ...accepted, reason: '   ' } },
      tasks: [],
      ready: false,
      reasons: ['deferred'],
      rationale: null,
    },
    {
      name: 'adopted, deferred, accepted: ready, listed as an accepted deferral',
      decision: { state: 'adopted', timing: 'transition', rationale: 'Ny anskaffelse tar tid.', deferral: accepted },
      tasks: tasks(['fase-5', 'not_started'], ['fase-4', 'not_started']),
      ready: true,
      acceptedDeferral: true,
    },
    {
      name: 'proposal to defer, even with a stale acceptance: not adopted',
      decision: { state: 'proposed', timing: 'transition', deferral: accepted },
      tasks: tasks(['fase-5', 'not_started']),
      ready: false,
      reasons: ['not_adopted'],
      rationale: null,
    },
    {
      name: 'adopted before the merger with a stale acceptance: the acceptance is ignored, open tasks count',
      decision: { state: 'adopted', timing: 'before_merger', deferral: accepted },
      tasks: tasks(['fase-4', 'not_started']),
      ready: false,
      reasons: ['tasks_open'],
      rationale: null,
    },
    {
      name: 'adopted before the merger with a stale acceptance and tasks done: ready, not an accepted deferral',
      decision: { state: 'adopted', timing: 'before_merger', deferral: accepted },
      tasks: tasks(['fase-4', 'done']),
      ready: true,
    },
  ];
  for (const c of deferralCases) {
    it(c.name, () => {
      const result = dayOneReadiness({ ...base, criticalAreaIds: ['a'], decisions: new Map([['a', c.decision]]), tasksByArea: new Map([['a', c.tasks]]) });
      expect(result.ready).toBe(c.ready ? 1 : 0);
      if (c.ready) expect(result.missing).toEqual([]);
      else expect(result.missing).toEqual([expect.objectContaining({ areaId: 'a', reasons: c.reasons, rationale: c.rationale })]);
      expect(result.acceptedDeferrals).toEqual(c.acceptedDeferral ? [{ areaId: 'a', rationale: c.decision.rationale ?? null, ...accepted }] : []);
    });
  }

  it('knows which veivalg defer a critical area past day one', () => {
    for (const priority of ['critical', 'medium', null] as const) {
      for (const state of ['proposed', 'adopted'] as const) {
        for (const timing of ['before_merger', 'transition'] as const) {
          expect(defersDayOne(priority, { state, timing }), `${priority} ${state} ${timing}`).toBe(
            priority === 'critical' && state === 'adopted' && timing === 'transition',
          );
        }
      }
    }
    expect(defersDayOne('critical', undefined)).toBe(false);
  });

  it('a proposal to wait is still not ready', () => {
    const result = dayOneReadiness({
      ...base,
      criticalAreaIds: ['a'],
      decisions: new Map([['a', { state: 'proposed' as const, timing: 'transition' as const }]]),
      tasksByArea: new Map([['a', tasks(['fase-5', 'not_started'])]]),
    });
    expect(result.missing).toEqual([{ areaId: 'a', reasons: ['not_adopted'], openTasks: 0, rationale: null }]);
  });

  it('counts every critical area once and lists the missing ones in the order given', () => {
    const adopted = { state: 'adopted' as const, timing: 'before_merger' as const };
    const result = dayOneReadiness({
      ...base,
      criticalAreaIds: ['c', 'a', 'b', 'a'],
      decisions: new Map([['b', adopted]]),
      tasksByArea: new Map(),
    });
    expect(result.criticalTotal).toBe(3);
    expect(result.ready).toBe(1);
    expect(result.missing.map((m) => m.areaId)).toEqual(['c', 'a']);
  });

  it('with no critical areas everything is ready', () => {
    expect(dayOneReadiness({ ...base, criticalAreaIds: [], decisions: new Map(), tasksByArea: new Map() })).toEqual({
      criticalTotal: 0,
      ready: 0,
      missing: [],
      acceptedDeferrals: [],
      daysLeft: 31,
    });
  });

  it('with a merger date in the past the days left are negative', () => {
    const result = dayOneReadiness({
      criticalAreaIds: ['a'],
      decisions: new Map(),
      tasksByArea: new Map(),
      mergerDate: '2024-01-01',
      today: '2024-01-11',
    });
    expect(result.daysLeft).toBe(-10);
    expect(result.missing).toHaveLength(1);
  });

  it('on the merger date itself no days are left', () => {
    expect(daysBetween('2028-01-01', '2028-01-01')).toBe(0);
  });

  it('counts calendar days across a daylight-saving change and a leap day', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
  });
});
