import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#server/test/test-app.ts';

let t: TestApp;
let mergerId: string;
let base: string;

beforeEach(async () => {
  t = await createTestApp();
  mergerId = await t.createMerger();
  base = `/api/v1/mergers/${mergerId}/inventory`;
});
afterEach(async () => {
  await t.close();
});

const economy = 'omrade-okonomi-og-regnskapssystem';
const payroll = 'omrade-personal-og-lonnssystem';

function post(path: string, payload: object, as: TestUser = t.owner) {
  return as.inject({ method: 'POST', url: `${base}/${path}`, payload });
}
function patch(path: string, payload: object, as: TestUser = t.owner) {
  return as.inject({ method: 'PATCH', url: `${base}/${path}`, payload });
}
function remove(path: string, as: TestUser = t.owner) {
  return as.inject({ method: 'DELETE', url: `${base}/${path}` });
}
async function get(path: string, as: TestUser = t.owner) {
  return as.inject(`${base}/${path}`);
}
async function created(path: string, payload: object): Promise<{ id: string; version: number } & Record<string, unknown>> {
  const response = await post(path, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
const system = (name: string, extra: object = {}) => created('systems', { municipalityNumber: '4601', name, ...extra });
async function history(entity: string, entityId: string) {
  return (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=${entity}&entityId=${entityId}`)).json().entries as Array<{
    action: string;
    entityLabel: string;
    changes: Array<{ field: string; old: unknown; new: unknown }>;
  }>;
}

describe('systems', () => {
  it('are created, read, listed, changed and deleted, each change in history', async () => {
    const visma = await system('Visma Enterprise', {
      vendor: 'Visma',
      product: 'Visma Enterprise',
      productVersion: '8.2',
      solutionAreaId: economy,
      serviceArea: 'Økonomi',
      hosting: 'saas',
      userCount: 120,
      systemOwner: 'Økonomisjef',
      archiveWorthy: true,
      notes: 'Felles med IKS',
    });
    expect(visma).toMatchObject({ mergerId, municipalityNumber: '4601', hosting: 'saas', userCount: 120, version: 1 });

    expect((await get(`systems/${visma.id}`)).json()).toEqual(visma);
    const list = (await get('systems')).json();
    expect(list).toEqual({ items: [visma], total: 1 });

    const changed = await patch(`systems/${visma.id}`, { version: 1, productVersion: '9.0', userCount: 140, notes: '' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ productVersion: '9.0', userCount: 140, notes: null, vendor: 'Visma', version: 2 });

    expect((await remove(`systems/${visma.id}`)).statusCode).toBe(204);
    expect((await get(`systems/${visma.id}`)).json().error.code).toBe('SYSTEM_NOT_FOUND');

    const entries = await history('system', visma.id);
    expect(entries.map((entry) => entry.action)).toEqual(['delete', 'update', 'create']);
    expect(entries[1]!.changes).toEqual([
      { field: 'productVersion', old: '8.2', new: '9.0' },
      { field: 'userCount', old: 120, new: 140 },
      { field: 'notes', old: 'Felles med IKS', new: null },
    ]);
    expect(entries[2]!.changes).toContainEqual({ field: 'solutionAreaId', old: null, new: economy });
    expect(entries[0]).toMatchObject({ entityLabel: 'Visma Enterprise' });
    expect(entries[0]!.changes).toContainEqual({ field: 'name', old: 'Visma Enterprise', new: null });
  });

  it('refuses a municipality outside the merger, an unknown solution area and bad values, at their fields', async () => {
    const outside = await post('systems', { municipalityNumber: '0301', name: 'Gerica' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'municipalityNumber', code: 'unknown', message: 'Kommunenummer 0301 er ikke en av kommunene i sammenslåingen.' }],
    });

    const area = await post('systems', { municipalityNumber: '4601', name: 'Gerica', solutionAreaId: 'omrade-finnes-ikke' });
    expect(area.json().error.details).toEqual([expect.objectContaining({ path: 'solutionAreaId', code: 'unknown' })]);

    const bad = await post('systems', { municipalityNumber: '4601', name: ' ', hosting: 'skyen', userCount: -1 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['hosting', 'name', 'userCount']);

    const moved = await system('Gerica');
    const badMove = await patch(`systems/${moved.id}`, { version: 1, municipalityNumber: '5001' });
    expect(badMove.json().error.details[0].path).toBe('municipalityNumber');
    expect((await patch(`systems/${moved.id}`, { version: 1, municipalityNumber: '4626' })).json().municipalityNumber).toBe('4626');
  });

  it('refuses a stale version with 409, on change and on delete', async () => {
    const gerica = await system('Gerica');
    expect((await patch(`systems/${gerica.id}`, { version: 1, vendor: 'Tieto' })).statusCode).toBe(200);
    const stale = await patch(`systems/${gerica.id}`, { version: 1, vendor: 'Evry' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await get(`systems/${gerica.id}`)).json()).toMatchObject({ vendor: 'Tieto', version: 2 });

    const staleDelete = await t.owner.inject({ method: 'DELETE', url: `${base}/systems/${gerica.id}?version=1` });
    expect(staleDelete.statusCode).toBe(409);
    expect((await t.owner.inject({ method: 'DELETE', url: `${base}/systems/${gerica.id}?version=2` })).statusCode).toBe(204);
  });

  it('cannot be deleted while anything points at it, and says how many do', async () => {
    const journal = await system('Profil');
    const other = await system('Helsenett-tjener');
    const integration = await created('integrations', { municipalityNumber: '4601', fromSystemId: other.id, toSystemId: journal.id });
    const contract = await created('contracts', { municipalityNumber: '4601', vendor: 'Tieto', systemIds: [journal.id] });
    await created('digital-services', { municipalityNumber: '4601', name: 'Timebestilling', systemId: journal.id });
    await created('archives', { municipalityNumber: '4601', name: 'Journalarkiv', systemId: journal.id });

    const refused = await remove(`systems/${journal.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({
      code: 'SYSTEM_IN_USE',
      message: 'Systemet kan ikke slettes fordi 1 integrasjon, 1 avtale, 1 digital tjeneste og 1 arkiv viser til det. Fjern eller endre dem først.',
      details: { integrations: 1, contracts: 1, digitalServices: 1, archives: 1, decisions: 0 },
    });
    expect((await get(`systems/${journal.id}`)).statusCode).toBe(200);

    expect((await remove(`integrations/${integration.id}`)).statusCode).toBe(204);
    expect((await patch(`contracts/${contract.id}`, { version: 1, systemIds: [] })).statusCode).toBe(200);
    const stillUsed = await remove(`systems/${journal.id}`);
    expect(stillUsed.json().error.details).toEqual({ integrations: 0, contracts: 0, digitalServices: 1, archives: 1, decisions: 0 });
  });
});

describe('listing: paging, sorting, filters and search', () => {
  beforeEach(async () => {
    await system('Visma Enterprise', { vendor: 'Visma AS', solutionAreaId: economy, hosting: 'saas', userCount: 300 });
    await system('Agresso', { vendor: 'Unit4', solutionAreaId: economy, hosting: 'local', userCount: 80 });
    await system('Visma HRM', { vendor: 'visma as', solutionAreaId: payroll, hosting: 'saas', userCount: 25 });
    await created('systems', { municipalityNumber: '4626', name: 'Rettighet 100%', vendor: 'Acos', hosting: 'vendor' });
    await created('systems', { municipalityNumber: '4626', name: 'Tidbank', vendor: 'Visma AS', solutionAreaId: payroll });
  });
  const names = async (query: string) => {
    const response = await get(`systems${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Array<{ name: string }>; total: number };
  };

  it('sorts by name by default and by any whitelisted field either way, empty values last', async () => {
    expect((await names('')).items.map((s) => s.name)).toEqual(['Agresso', 'Rettighet 100%', 'Tidbank', 'Visma Enterprise', 'Visma HRM']);
    const byUsers = (await names('?sort=-userCount')).items.map((s) => s.name);
    expect(byUsers.slice(0, 3)).toEqual(['Visma Enterprise', 'Agresso', 'Visma HRM']);
    // The two without a user count come last, in id order (random here).
    expect(byUsers.slice(3).sort()).toEqual(['Rettighet 100%', 'Tidbank']);
    expect((await names('?sort=userCount')).items.map((s) => s.name).slice(0, 3)).toEqual(['Visma HRM', 'Agresso', 'Visma Enterprise']);
    expect(
      (await names('?sort=municipalityNumber')).items
        .map((s) => s.name)
        .slice(0, 3)
        .sort(),
    ).toEqual(['Agresso', 'Visma Enterprise', 'Visma HRM']);
    const unknown = await get('systems?sort=password');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('sort');
  });

  it('pages with limit and offset and gives the total', async () => {
    const first = await names('?limit=2');
    const second = await names('?limit=2&offset=2');
    const last = await names('?limit=2&offset=4');
    expect([first.total, second.total, last.total]).toEqual([5, 5, 5]);
    expect([...first.items, ...second.items, ...last.items].map((s) => s.name)).toEqual((await names('')).items.map((s) => s.name));
    expect((await get('systems?limit=1001')).statusCode).toBe(400);
  });

  it('filters by municipality, solution area, vendor (any case) and hosting', async () => {
    expect((await names('?municipality=4626')).items.map((s) => s.name)).toEqual(['Rettighet 100%', 'Tidbank']);
    expect((await names(`?solutionArea=${payroll}`)).total).toBe(2);
    expect((await names('?vendor=VISMA%20AS')).items.map((s) => s.name)).toEqual(['Tidbank', 'Visma Enterprise', 'Visma HRM']);
    expect((await names('?hosting=saas,vendor')).items.map((s) => s.name)).toEqual(['Rettighet 100%', 'Visma Enterprise', 'Visma HRM']);
    expect((await names(`?municipality=4601&solutionArea=${economy}&hosting=saas`)).items.map((s) => s.name)).toEqual(['Visma Enterprise']);
    expect((await get('systems?hosting=skyen')).statusCode).toBe(400);
  });

  it('searches names and vendors without regard to case, taking % literally', async () => {
    expect((await names('?q=VISMA')).items.map((s) => s.name)).toEqual(['Tidbank', 'Visma Enterprise', 'Visma HRM']);
    expect((await names('?q=unit4')).items.map((s) => s.name)).toEqual(['Agresso']);
    expect((await names('?q=100%25')).items.map((s) => s.name)).toEqual(['Rettighet 100%']);
    expect((await names('?q=0%25')).total).toBe(1);
  });
});

describe('contracts', () => {
  it('cover systems, cost a number of kroner and keep the systems in order', async () => {
    const a = await system('Visma');
    const b = await created('systems', { municipalityNumber: '4626', name: 'Visma Lønn' });
    const contract = await created('contracts', {
      municipalityNumber: '4601',
      vendor: 'Visma',
      type: 'Driftsavtale',
      subject: 'Økonomi og lønn',
      startDate: '2020-01-01',
      endDate: '2027-12-31',
      noticePeriodMonths: 6,
      terminationClause: 'Seks måneders gjensidig oppsigelse',
      changeClause: 'transfers',
      annualCost: 1250000.5,
      systemIds: [b.id, a.id],
    });
    expect(contract).toMatchObject({
      annualCost: 1250000.5,
      systemIds: [b.id, a.id],
      systems: [
        { id: b.id, name: 'Visma Lønn', municipalityNumber: '4626' },
        { id: a.id, name: 'Visma', municipalityNumber: '4601' },
      ],
    });

    const changed = await patch(`contracts/${contract.id}`, { version: 1, systemIds: [a.id], annualCost: 990000 });
    expect(changed.json()).toMatchObject({ systemIds: [a.id], annualCost: 990000, version: 2 });
    const entries = await history('contract', contract.id);
    expect(entries[0]).toMatchObject({ action: 'update', entityLabel: 'Visma: Økonomi og lønn' });
    expect(entries[0]!.changes).toEqual([
      { field: 'annualCost', old: 1250000.5, new: 990000 },
      { field: 'systemIds', old: [b.id, a.id], new: [a.id] },
    ]);

    const bySystem = (await get(`contracts?system=${b.id}`)).json();
    expect(bySystem.total).toBe(0);
    expect((await get(`contracts?system=${a.id}`)).json().total).toBe(1);
    expect((await get('contracts?sort=-annualCost')).statusCode).toBe(200);
  });

  it('refuses an end before the start, a negative notice period and a system of another merger', async () => {
    const backwards = await post('contracts', { municipalityNumber: '4601', vendor: 'Visma', startDate: '2024-01-01', endDate: '2023-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([{ path: 'endDate', code: 'range', message: 'Sluttdatoen kan ikke være før startdatoen.' }]);

    const contract = await created('contracts', { municipalityNumber: '4601', vendor: 'Visma', startDate: '2024-01-01' });
    const backwardsLater = await patch(`contracts/${contract.id}`, { version: 1, endDate: '2023-06-30' });
    expect(backwardsLater.json().error.details[0].path).toBe('endDate');

    expect((await post('contracts', { municipalityNumber: '4601', vendor: 'Visma', noticePeriodMonths: -3 })).json().error.details[0].path).toBe(
      'noticePeriodMonths',
    );
    expect((await post('contracts', { municipalityNumber: '4601', vendor: 'Visma', startDate: '2024-02-30' })).statusCode).toBe(400);

    const elsewhere = await t.createMerger({ name: 'Annen', municipalities: ['1508', '1580'] });
    const foreign = await t.owner.inject({
      method: 'POST',
      url: `/api/v1/mergers/${elsewhere}/inventory/systems`,
      payload: { municipalityNumber: '1508', name: 'Fremmed' },
    });
    const mine = await system('Egen');
    const mixed = await post('contracts', { municipalityNumber: '4601', vendor: 'Visma', systemIds: [mine.id, foreign.json().id] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details).toEqual([
      { path: 'systemIds.1', code: 'unknown', message: 'Systemet finnes ikke i denne sammenslåingens kartlegging.' },
    ]);
  });
});

describe('integrations', () => {
  it('go from a system to another system or to a national common solution', async () => {
    const sak = await system('Elements');
    const eiendom = await system('Komtek');
    const toSystem = await created('integrations', {
      municipalityNumber: '4601',
      fromSystemId: sak.id,
      toSystemId: eiendom.id,
      direction: 'both',
      method: 'api',
      notes: 'Via KS Fiks',
    });
    expect(toSystem).toMatchObject({ fromSystemName: 'Elements', toSystemName: 'Komtek', commonSolutionName: null });
    const toCommon = await created('integrations', {
      municipalityNumber: '4601',
      fromSystemId: eiendom.id,
      commonSolutionId: 'matrikkelen',
      direction: 'inbound',
      method: 'file',
    });
    expect(toCommon).toMatchObject({ toSystemId: null, commonSolutionName: 'Matrikkelen' });
    expect((await history('integration', toCommon.id))[0]!.entityLabel).toBe('Komtek → Matrikkelen');

    expect((await get(`integrations?system=${eiendom.id}`)).json().total).toBe(2);
    expect((await get(`integrations?system=${sak.id}`)).json().total).toBe(1);
    expect((await get('integrations?commonSolution=matrikkelen')).json().items.map((i: { id: string }) => i.id)).toEqual([toCommon.id]);
    expect((await get('integrations?q=matrikkel')).json().total).toBe(1);
    expect((await get('integrations?q=element')).json().total).toBe(1);
    expect((await get('integrations?method=api,manual')).json().total).toBe(1);
    expect((await get('integrations?sort=-fromSystemName')).json().items.map((i: { fromSystemName: string }) => i.fromSystemName)).toEqual([
      'Komtek',
      'Elements',
    ]);

    // Switching the target: the other one must be cleared in the same change.
    const switched = await patch(`integrations/${toSystem.id}`, { version: 1, toSystemId: null, commonSolutionId: 'altinn' });
    expect(switched.json()).toMatchObject({ toSystemId: null, commonSolutionId: 'altinn', toSystemName: null, commonSolutionName: 'Altinn' });
  });

  it('need exactly one target, a known common solution and systems of this merger', async () => {
    const sak = await system('Elements');
    const other = await system('Komtek');
    const both = await post('integrations', { municipalityNumber: '4601', fromSystemId: sak.id, toSystemId: other.id, commonSolutionId: 'altinn' });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`)).toEqual([
      'toSystemId:exclusive',
      'commonSolutionId:exclusive',
    ]);
    expect(both.json().error.message).toBe('Registreringen har 2 feil. Se feltene.');
    const neither = await post('integrations', { municipalityNumber: '4601', fromSystemId: sak.id });
    expect(neither.json().error.details.map((d: { code: string }) => d.code)).toEqual(['required', 'required']);

    const unknownCommon = await post('integrations', { municipalityNumber: '4601', fromSystemId: sak.id, commonSolutionId: 'skynet' });
    expect(unknownCommon.json().error.details).toEqual([expect.objectContaining({ path: 'commonSolutionId', code: 'unknown' })]);

    const missingFrom = await post('integrations', {
      municipalityNumber: '4601',
      fromSystemId: '6b0c7a52-4a53-4a43-9b9e-1d7f1b3a2c11',
      toSystemId: other.id,
    });
    expect(missingFrom.json().error.details).toEqual([expect.objectContaining({ path: 'fromSystemId', code: 'unknown' })]);

    const integration = await created('integrations', { municipalityNumber: '4601', fromSystemId: sak.id, toSystemId: other.id });
    const addsSecondTarget = await patch(`integrations/${integration.id}`, { version: 1, commonSolutionId: 'altinn' });
    expect(addsSecondTarget.statusCode).toBe(400);
  });
});

describe('the other kinds', () => {
  const kinds: Array<{ path: string; entity: string; create: object; change: object; listQuery: string }> = [
    {
      path: 'digital-services',
      entity: 'digitalService',
      create: { name: 'Søknad om barnehageplass', vendor: 'Visma', productVersion: '3', channel: 'Nettside' },
      change: { channel: 'App' },
      listQuery: '?q=barnehage&vendor=visma',
    },
    {
      path: 'archives',
      entity: 'archive',
      create: {
        name: 'Byggesaksarkiv',
        locationKind: 'file_share',
        noark5: false,
        volume: '40 hyllemeter',
        periodFrom: 1965,
        periodTo: 2004,
        accessNeeded: 'Lesetilgang for byggesak',
      },
      change: { periodTo: 2010 },
      listQuery: '?locationKind=file_share,paper&sort=-periodFrom',
    },
    {
      path: 'infrastructure',
      entity: 'infrastructure',
      create: { category: 'server_room', name: 'Serverrom rådhuset', location: 'Rådhuset, kjeller' },
      change: { description: 'Kjøling fornyet 2022' },
      listQuery: '?category=server_room&q=rådhus',
    },
    {
      path: 'it-organisation',
      entity: 'itOrganisation',
      create: { role: 'IKT-sjef', competence: 'Ledelse, anskaffelser', fte: 1.5 },
      change: { fte: 2 },
      listQuery: '?sort=-fte&q=ikt',
    },
    {
      path: 'intermunicipal-cooperation',
      entity: 'intermunicipalCooperation',
      create: { name: 'Vestland IKT', scope: 'Drift av fellesløsninger', form: 'iks', partners: 'Bergen, Øygarden', archive: 'IKAVA' },
      change: { form: 'host_municipality' },
      listQuery: '?form=iks,host_municipality&q=vestland',
    },
  ];

  for (const kind of kinds) {
    it(`${kind.path}: create, list, change and delete, with history`, async () => {
      const item = await created(kind.path, { municipalityNumber: '4626', ...kind.create });
      expect(item).toMatchObject({ municipalityNumber: '4626', ...kind.create, version: 1 });
      const list = (await get(`${kind.path}${kind.listQuery}`)).json();
      expect(list, kind.listQuery).toMatchObject({ total: 1, items: [{ id: item.id }] });
      const changed = await patch(`${kind.path}/${item.id}`, { version: 1, ...kind.change });
      expect(changed.json()).toMatchObject({ ...kind.change, version: 2 });
      expect((await remove(`${kind.path}/${item.id}`)).statusCode).toBe(204);
      expect((await history(kind.entity, item.id)).map((entry) => entry.action)).toEqual(['delete', 'update', 'create']);
      expect((await get(kind.path)).json()).toEqual({ items: [], total: 0 });
    });
  }

  it('validate their own fields', async () => {
    expect((await post('archives', { municipalityNumber: '4601', name: 'A', periodFrom: 2010, periodTo: 2000 })).json().error.details[0].path).toBe('periodTo');
    expect((await post('archives', { municipalityNumber: '4601', name: 'A', periodFrom: 1492 })).statusCode).toBe(400);
    expect((await post('infrastructure', { municipalityNumber: '4601', name: 'Brannmur' })).json().error.details[0].path).toBe('category');
    expect((await post('it-organisation', { municipalityNumber: '4601', role: 'Drift', fte: -1 })).json().error.details[0].path).toBe('fte');
    expect((await post('intermunicipal-cooperation', { municipalityNumber: '4601', name: 'X', form: 'kommunalt' })).statusCode).toBe(400);
    const other = await t.createMerger({ name: 'Annen', municipalities: ['1508', '1580'] });
    const foreign = (
      await t.owner.inject({
        method: 'POST',
        url: `/api/v1/mergers/${other}/inventory/systems`,
        payload: { municipalityNumber: '1508', name: 'Fremmed' },
      })
    ).json();
    const service = await post('digital-services', { municipalityNumber: '4601', name: 'Skjema', systemId: foreign.id });
    expect(service.json().error.details).toEqual([expect.objectContaining({ path: 'systemId', code: 'unknown' })]);
    // Nor can a row of another merger be reached through this one.
    expect((await get(`systems/${foreign.id}`)).statusCode).toBe(404);
    expect((await patch(`systems/${foreign.id}`, { version: 1, name: 'Kapret' })).statusCode).toBe(404);
    expect((await remove(`systems/${foreign.id}`)).statusCode).toBe(404);
  });
});

describe('access', () => {
  it('lets a reader read but not write, and hides the merger from outsiders', async () => {
    const reader = await t.createUser('Rita Leser');
    const outsider = await t.createUser('Otto Utenfor');
    await t.addMember(mergerId, reader, 'reader');
    const gerica = await system('Gerica');

    expect((await get('systems', reader)).json().total).toBe(1);
    expect((await post('systems', { municipalityNumber: '4601', name: 'X' }, reader)).statusCode).toBe(403);
    expect((await patch(`systems/${gerica.id}`, { version: 1, name: 'Y' }, reader)).statusCode).toBe(403);
    expect((await remove(`systems/${gerica.id}`, reader)).statusCode).toBe(403);

    for (const response of [
      await get('systems', outsider),
      await get(`systems/${gerica.id}`, outsider),
      await get('side-by-side', outsider),
      await post('systems', { municipalityNumber: '4601', name: 'X' }, outsider),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('MERGER_NOT_FOUND');
    }
    expect((await t.app.inject(`${base}/systems`)).statusCode).toBe(401);
  });
});

describe('side by side', () => {
  it('shows each municipality’s systems per solution area and the products several of them run', async () => {
    const a = await system('Visma Enterprise', {
      vendor: 'Visma AS',
      product: 'Visma Enterprise',
      productVersion: '8',
      solutionAreaId: economy,
      userCount: 40,
      hosting: 'saas',
    });
    const b = await created('systems', { municipalityNumber: '4626', name: 'Økonomi', vendor: 'Visma', product: 'visma  enterprise', solutionAreaId: economy });
    await created('systems', { municipalityNumber: '4626', name: 'Agresso', vendor: 'Unit4', solutionAreaId: payroll });
    await system('Uplassert');

    const response = await get('side-by-side');
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.municipalities).toEqual([
      { number: '4601', name: 'Bergen' },
      { number: '4626', name: 'Øygarden' },
    ]);
    const economyRow = view.areas.find((area: { solutionAreaId: string }) => area.solutionAreaId === economy);
    expect(economyRow).toMatchObject({ name: 'Økonomi- og regnskapssystem', sector: 'Støttefunksjoner', priority: 'critical' });
    expect(economyRow.municipalities).toEqual([
      {
        municipalityNumber: '4601',
        systems: [{ id: a.id, name: 'Visma Enterprise', vendor: 'Visma AS', product: 'Visma Enterprise', productVersion: '8', userCount: 40, hosting: 'saas' }],
      },
      { municipalityNumber: '4626', systems: [expect.objectContaining({ id: b.id, name: 'Økonomi' })] },
    ]);
    expect(economyRow.sharedProducts).toEqual([
      { name: expect.stringMatching(/^visma {1,2}enterprise$/i), municipalityNumbers: ['4601', '4626'], systemIds: expect.arrayContaining([a.id, b.id]) },
    ]);
    expect(economyRow.sharedVendors).toEqual([expect.objectContaining({ municipalityNumbers: ['4601', '4626'] })]);
    const payrollRow = view.areas.find((area: { solutionAreaId: string }) => area.solutionAreaId === payroll);
    expect(payrollRow.sharedProducts).toEqual([]);
    expect(view.areas.at(-1)).toMatchObject({ solutionAreaId: null, name: 'Uten løsningsområde' });
  });
});

describe('reference lists', () => {
  it('lists the solution areas and the national common solutions to signed-in users', async () => {
    const areas = (await t.owner.inject('/api/v1/solution-areas')).json().solutionAreas;
    expect(areas).toContainEqual({
      id: economy,
      name: 'Økonomi- og regnskapssystem',
      sectorId: 'sektor-stottefunksjoner',
      sector: 'Støttefunksjoner',
      priority: 'critical',
      source: 'catalog',
    });
    expect(areas.filter((area: { name: string }) => area.name === 'Annet fagsystem')).toHaveLength(4);
    const register = (await t.owner.inject('/api/v1/common-solutions')).json();
    expect(register.commonSolutions.length).toBeGreaterThanOrEqual(25);
    expect(register.commonSolutions).toContainEqual(expect.objectContaining({ id: 'matrikkelen', name: 'Matrikkelen' }));
    expect((await t.app.inject('/api/v1/solution-areas')).statusCode).toBe(401);
  });

  it('names the solution areas in the reader’s language: the library’s and Samla’s own', async () => {
    const inLanguage = async (language: string) =>
      (await t.owner.inject({ url: '/api/v1/solution-areas', headers: { 'accept-language': language } })).json().solutionAreas as Array<{
        id: string;
        name: string;
        sector: string;
      }>;
    const nynorsk = await inLanguage('nn');
    expect(nynorsk.find((area) => area.id === economy)).toMatchObject({ name: 'Økonomi- og rekneskapssystem' });
    expect(nynorsk.filter((area) => area.name === 'Anna fagsystem')).toHaveLength(4);
    const english = await inLanguage('en');
    expect(english.filter((area) => area.name === 'Other line-of-business system')).toHaveLength(4);
    expect(english.map((area) => area.name)).not.toContain('Økonomi- og regnskapssystem');
  });
});
