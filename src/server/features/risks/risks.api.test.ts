import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mergers } from '#server/platform/db/schema/index.ts';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';
import { defaultMatrix, scoreGrid } from './risks.domain.ts';

let t: TestApp;
let mergerId: string;
let base: string;

const economy = 'omrade-okonomi-og-regnskapssystem';

beforeEach(async () => {
  t = await createTestApp({ now: () => new Date('2027-03-01T10:00:00Z') });
  mergerId = await t.createMerger({ mergerDate: '2028-01-01', municipalities: ['4601', '4626'] });
  base = `/api/v1/mergers/${mergerId}`;
});
afterEach(async () => {
  await t.close();
});

async function add(kind: string, payload: object): Promise<string> {
  const response = await t.owner.inject({ method: 'POST', url: `${base}/inventory/${kind}`, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function createRisk(payload: object) {
  const response = await t.owner.inject({ method: 'POST', url: `${base}/risks`, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('risks', () => {
  it('creates a risk whose worst dimension sets its consequence, and places it in the default matrix', async () => {
    const systemId = await add('systems', { municipalityNumber: '4601', name: 'Visma', solutionAreaId: economy });
    const created = await createRisk({
      title: 'Nedetid i økonomisystemet',
      systemIds: [systemId],
      areaIds: [economy],
      consequences: { economy: 3, serviceDelivery: 5 },
      likelihood: 4,
      residualLikelihood: 2,
    });
    expect(created).toMatchObject({
      consequence: 5,
      inherent: { likelihood: 4, consequence: 5, classKey: 'high', className: 'Høy' },
      residual: { likelihood: 2, consequence: 5, classKey: 'high' },
      status: 'open',
      version: 1,
      systems: [{ id: systemId, name: 'Visma' }],
      areas: [{ id: economy }],
    });
    const history = (await t.owner.inject(`${base}/audit?entity=risk&entityId=${created.id}`)).json().entries;
    expect(history[0]).toMatchObject({ action: 'create', entityLabel: 'Nedetid i økonomisystemet' });
  });

  it('refuses residual above inherent, unknown systems and acceptance without a reason, at the field', async () => {
    const response = await t.owner.inject({
      method: 'POST',
      url: `${base}/risks`,
      payload: {
        title: 'X',
        likelihood: 2,
        residualLikelihood: 3,
        systemIds: ['00000000-0000-4000-8000-000000000000'],
        status: 'accepted',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toEqual(['residualLikelihood', 'acceptanceReason', 'systemIds.0']);
  });

  it('acceptance records who and why; a stale version is 409; history follows', async () => {
    const created = await createRisk({ title: 'Arkivtap', likelihood: 2, consequences: { reputation: 2 } });
    const accepted = await t.owner.inject({
      method: 'PATCH',
      url: `${base}/risks/${created.id}`,
      payload: { version: 1, status: 'accepted', acceptanceReason: 'Lav risiko, dyrt å redusere' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedBy: expect.any(String), acceptanceReason: 'Lav risiko, dyrt å redusere', version: 2 });
    expect(accepted.json().acceptedAt).toBe('2027-03-01T10:00:00.000Z');

    const stale = await t.owner.inject({ method: 'PATCH', url: `${base}/risks/${created.id}`, payload: { version: 1, owner: 'Kari' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });

    const history = (await t.owner.inject(`${base}/audit?entity=risk&entityId=${created.id}`)).json().entries;
    expect(history[0].changes.map((c: { field: string }) => c.field)).toEqual(['status', 'acceptedByName', 'acceptanceReason']);

    const deleted = await t.owner.inject({ method: 'DELETE', url: `${base}/risks/${created.id}?version=2` });
    expect(deleted.statusCode).toBe(204);
    expect((await t.owner.inject(`${base}/risks/${created.id}`)).statusCode).toBe(404);
  });

  it('filters by status, level and cell', async () => {
    await createRisk({ title: 'Høy', likelihood: 5, consequences: { economy: 5 } });
    await createRisk({ title: 'Lav', likelihood: 1, consequences: { economy: 1 }, status: 'in_progress' });
    const titles = async (query: string) => (await t.owner.inject(`${base}/risks${query}`)).json().risks.map((r: { title: string }) => r.title);
    expect(await titles('')).toEqual(['Høy', 'Lav']);
    expect(await titles('?level=high')).toEqual(['Høy']);
    expect(await titles('?cell=1-1')).toEqual(['Lav']);
    expect(await titles('?status=in_progress')).toEqual(['Lav']);
    expect(await titles('?cell=5-5&residual=true')).toEqual(['Høy']);
  });

  it('a deleted system leaves the risk, without the link', async () => {
    const systemId = await add('systems', { municipalityNumber: '4601', name: 'Gammelt' });
    const created = await createRisk({ title: 'R', systemIds: [systemId] });
    const system = (await t.owner.inject(`${base}/inventory/systems/${systemId}`)).json();
    const removed = await t.owner.inject({ method: 'DELETE', url: `${base}/inventory/systems/${systemId}?version=${system.version}` });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await t.owner.inject(`${base}/risks/${created.id}`)).json().systems).toEqual([]);
  });
});

describe('mitigations', () => {
  it('adds a mitigation linked to a task of the plan, changes and deletes it, with history', async () => {
    const created = await createRisk({ title: 'Integrasjon mot Altinn', likelihood: 3, consequences: { serviceDelivery: 4 } });
    const task = (await t.owner.inject(`${base}/tasks`)).json().tasks[0];
    const added = await t.owner.inject({
      method: 'POST',
      url: `${base}/risks/${created.id}/mitigations`,
      payload: { title: 'Test integrasjonen', owner: 'Ola', deadline: '2027-10-01', taskId: task.id },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ status: 'planned', taskId: task.id, taskTitle: task.title, version: 1 });

    const wrongTask = await t.owner.inject({
      method: 'POST',
      url: `${base}/risks/${created.id}/mitigations`,
      payload: { title: 'X', taskId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(wrongTask.statusCode).toBe(400);
    expect(wrongTask.json().error.details[0].path).toBe('taskId');

    const id = added.json().id;
    const done = await t.owner.inject({ method: 'PATCH', url: `${base}/risks/${created.id}/mitigations/${id}`, payload: { version: 1, status: 'done' } });
    expect(done.json()).toMatchObject({ status: 'done', version: 2 });
    expect(
      (await t.owner.inject({ method: 'PATCH', url: `${base}/risks/${created.id}/mitigations/${id}`, payload: { version: 1, status: 'planned' } })).statusCode,
    ).toBe(409);
    expect((await t.owner.inject(`${base}/risks/${created.id}`)).json().mitigations).toHaveLength(1);
    const history = (await t.owner.inject(`${base}/audit?entity=mitigation&entityId=${id}`)).json().entries;
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['update', 'create']);
    expect((await t.owner.inject({ method: 'DELETE', url: `${base}/risks/${created.id}/mitigations/${id}?version=2` })).statusCode).toBe(204);
  });
});

describe('the matrix', () => {
  it('starts as the default 5 × 5 at version 0', async () => {
    const response = (await t.owner.inject(`${base}/risk-matrix`)).json();
    expect(response).toMatchObject({ version: 0, riskCount: 0 });
    expect(response.matrix.likelihood).toHaveLength(5);
  });

  it('needs a mapping when risks exist and a scale changes size; the preview shows where risks move; apply is all or nothing', async () => {
    const high = await createRisk({ title: 'Høy', likelihood: 5, consequences: { economy: 5, lifeHealth: 2 }, residualLikelihood: 2, residualConsequence: 2 });
    const matrix = defaultMatrix();
    const small = { ...matrix, likelihood: matrix.likelihood.slice(0, 3), consequence: matrix.consequence.slice(0, 3), grid: scoreGrid(3, 3) };

    const without = await t.owner.inject({ method: 'PUT', url: `${base}/risk-matrix`, payload: { matrix: small, version: 0 } });
    expect(without.statusCode).toBe(400);
    expect(without.json().error.details[0].path).toBe('mapping');

    const mapping = { likelihood: { 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 }, consequence: { 1: 1, 2: 2, 3: 2, 4: 3, 5: 3 } };
    const preview = (await t.owner.inject({ method: 'POST', url: `${base}/risk-matrix/preview`, payload: { matrix: small, mapping } })).json();
    expect(preview).toMatchObject({ mappingRequired: true, problems: [] });
    expect(preview.moves[0]).toMatchObject({
      riskId: high.id,
      inherentBefore: { likelihood: 5, consequence: 5 },
      inherentAfter: { likelihood: 3, consequence: 3, classKey: 'high' },
      residualAfter: { likelihood: 1, consequence: 2 },
    });
    // Nothing was changed by the preview.
    expect((await t.owner.inject(`${base}/risks/${high.id}`)).json().likelihood).toBe(5);

    const badMapping = await t.owner.inject({
      method: 'PUT',
      url: `${base}/risk-matrix`,
      payload: { matrix: small, version: 0, mapping: { ...mapping, consequence: { ...mapping.consequence, 5: 7 } } },
    });
    expect(badMapping.statusCode).toBe(400);
    expect(badMapping.json().error.details[0].path).toBe('mapping.consequence.5');
    expect((await t.owner.inject(`${base}/risk-matrix`)).json().version).toBe(0);

    const applied = await t.owner.inject({ method: 'PUT', url: `${base}/risk-matrix`, payload: { matrix: small, version: 0, mapping } });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ version: 1, riskCount: 1 });
    const moved = (await t.owner.inject(`${base}/risks/${high.id}`)).json();
    expect(moved).toMatchObject({ likelihood: 3, consequence: 3, residualLikelihood: 1, residualConsequence: 2, version: 2 });
    expect(moved.consequences).toMatchObject({ economy: 3, lifeHealth: 2 });

    const stale = await t.owner.inject({ method: 'PUT', url: `${base}/risk-matrix`, payload: { matrix: small, version: 0, mapping } });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a grid that does not fit the scales', async () => {
    const matrix = defaultMatrix();
    const response = await t.owner.inject({
      method: 'PUT',
      url: `${base}/risk-matrix`,
      payload: { matrix: { ...matrix, grid: matrix.grid.slice(0, 4) }, version: 0 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('matrix.grid');
  });
});

describe('starter risks, heatmap and export', () => {
  it('suggests from the inventory and veivalg; accepted and dismissed ones do not come back', async () => {
    const visma = await add('systems', { municipalityNumber: '4601', name: 'Visma', solutionAreaId: economy });
    const agresso = await add('systems', { municipalityNumber: '4626', name: 'Agresso', solutionAreaId: economy, archiveWorthy: true });
    const toAltinn = await add('integrations', { municipalityNumber: '4626', fromSystemId: agresso, commonSolutionId: 'altinn' });
    const decided = await t.owner.inject({
      method: 'PUT',
      url: `${base}/decisions/${economy}`,
      payload: { outcome: 'continue', targetSystemId: visma, timing: 'before_merger', state: 'proposed' },
    });
    expect(decided.statusCode, decided.body).toBe(200);

    const first = (await t.owner.inject(`${base}/risk-suggestions`)).json();
    const keys = first.suggestions.map((s: { key: string }) => s.key);
    expect(keys).toEqual([
      `downtime:${agresso}`,
      `integration:${toAltinn}`,
      'generic:downtime',
      'generic:integration',
      'generic:archive',
      'generic:documentation',
    ]);
    const downtime = first.suggestions[0];
    const accepted = await createRisk({
      title: downtime.title,
      description: downtime.description,
      cause: downtime.cause,
      systemIds: downtime.systemIds,
      areaIds: downtime.areaIds,
      consequences: downtime.consequences,
      suggestionKey: downtime.key,
    });
    expect(accepted.suggestionKey).toBe(downtime.key);
    const again = await t.owner.inject({ method: 'POST', url: `${base}/risks`, payload: { title: 'igjen', suggestionKey: downtime.key } });
    expect(again.statusCode).toBe(409);

    const dismissed = await t.owner.inject({ method: 'POST', url: `${base}/risk-suggestions/dismissals`, payload: { key: 'generic:archive' } });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json().dismissedCount).toBe(1);
    expect(dismissed.json().suggestions.map((s: { key: string }) => s.key)).toEqual([
      `integration:${toAltinn}`,
      'generic:downtime',
      'generic:integration',
      'generic:documentation',
    ]);
    expect((await t.owner.inject({ method: 'POST', url: `${base}/risk-suggestions/dismissals`, payload: { key: 'finnes:ikke' } })).statusCode).toBe(404);
  });

  it('counts risks per cell and exports the register without formulas', async () => {
    await createRisk({ title: '=HYPERLINK("http://evil")', likelihood: 4, consequences: { economy: 5 }, residualLikelihood: 2, residualConsequence: 2 });
    const other = await createRisk({ title: 'Lav', likelihood: 4, consequences: { economy: 5 } });
    await createRisk({ title: 'Uvurdert' });
    await t.owner.inject({ method: 'POST', url: `${base}/risks/${other.id}/mitigations`, payload: { title: '-tiltak', owner: 'Ola' } });

    const heatmap = (await t.owner.inject(`${base}/risk-heatmap`)).json();
    expect(heatmap.inherent[3][4]).toBe(2);
    expect(heatmap.residual[1][1]).toBe(1);
    expect(heatmap.residual[3][4]).toBe(1);
    expect(heatmap).toMatchObject({ unassessed: 1, total: 3 });

    const response = await t.owner.inject(`${base}/risk-register.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Risikoregister')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Risiko');
    expect(sheet.rowCount).toBe(4);
    const title = sheet.getRow(2).getCell(1);
    expect(title.value).toBe(`'=HYPERLINK("http://evil")`);
    expect(title.formula).toBeUndefined();
    const mitigationCell = sheet.getRow(3).values as unknown[];
    expect(mitigationCell.some((value) => value === "'-tiltak (Planlagt, Ola)")).toBe(true);
  });

  it('exports dates as date cells shown dd.mm.åååå, and deadlines in text as dd.mm.åååå', async () => {
    const risk = await createRisk({ title: 'Datoer', likelihood: 2, consequences: { economy: 2 }, nextReviewDate: '2027-06-30' });
    await t.owner.inject({ method: 'POST', url: `${base}/risks/${risk.id}/mitigations`, payload: { title: 'Tiltak', deadline: '2027-04-15' } });
    const accepted = await t.owner.inject({
      method: 'PATCH',
      url: `${base}/risks/${risk.id}`,
      payload: { version: (await t.owner.inject(`${base}/risks/${risk.id}`)).json().version, status: 'accepted', acceptanceReason: 'Lav risiko' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await createRisk({ title: 'Uten datoer' });

    const response = await t.owner.inject(`${base}/risk-register.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Risikoregister')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const rowOf = (title: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === title) found = row;
      });
      return found!;
    };
    const dated = rowOf('Datoer');
    for (const [name, iso] of [
      ['Neste gjennomgang', '2027-06-30'],
      ['Akseptert', '2027-03-01'],
    ] as const) {
      const cell = dated.getCell(header.indexOf(name));
      expect(cell.type, name).toBe(ExcelJS.ValueType.Date);
      expect((cell.value as Date).toISOString(), name).toBe(`${iso}T00:00:00.000Z`);
      expect(cell.numFmt, name).toBe('dd.mm.yyyy');
    }
    expect(dated.getCell(header.indexOf('Tiltak')).value).toBe('Tiltak (Planlagt, frist 15.04.2027)');
    const undated = rowOf('Uten datoer');
    expect(undated.getCell(header.indexOf('Neste gjennomgang')).type).toBe(ExcelJS.ValueType.Null);
    expect(undated.getCell(header.indexOf('Akseptert')).type).toBe(ExcelJS.ValueType.Null);
  });

  it('a reader sees risks but may not change them', async () => {
    const reader = await t.createUser('Rita Leser');
    await t.addMember(mergerId, reader, 'reader');
    expect((await reader.inject(`${base}/risks`)).statusCode).toBe(200);
    expect((await reader.inject({ method: 'POST', url: `${base}/risks`, payload: { title: 'X' } })).statusCode).toBe(403);
  });
});

describe('who may accept a risk and change the matrix', () => {
  it('a member edits risks but cannot accept one, change or lift an acceptance, or change the matrix; prosjektleder can', async () => {
    const member = await t.createUser('Mads Medarbeider');
    const lead = await t.createUser('Live Leder');
    await t.addMember(mergerId, member, 'member');
    await t.addMember(mergerId, lead, 'lead');
    const post = (by: typeof member, payload: object) => by.inject({ method: 'POST', url: `${base}/risks`, payload });
    const patch = (by: typeof member, id: string, payload: object) => by.inject({ method: 'PATCH', url: `${base}/risks/${id}`, payload });

    const acceptedAtOnce = await post(member, { title: 'Akseptert med en gang', status: 'accepted', acceptanceReason: 'Lav risiko' });
    expect(acceptedAtOnce.statusCode).toBe(403);
    expect(acceptedAtOnce.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Bare prosjektleder og eier kan akseptere en risiko eller endre akseptansen.',
    });
    const created = await post(member, { title: 'Medarbeiderens risiko', likelihood: 2, consequences: { economy: 2 } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await patch(member, id, { version: 1, title: 'Endret tittel', status: 'in_progress' })).statusCode).toBe(200);
    expect((await patch(member, id, { version: 2, status: 'accepted', acceptanceReason: 'Lav risiko' })).statusCode).toBe(403);

    const accepted = await patch(lead, id, { version: 2, status: 'accepted', acceptanceReason: 'Lav risiko' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedBy: 'Live Leder' });
    // Content of an accepted risk is still the member's to edit; its acceptance is not.
    expect((await patch(member, id, { version: 3, description: 'Mer om risikoen' })).statusCode).toBe(200);
    expect((await patch(member, id, { version: 4, acceptanceReason: 'Annen grunn' })).statusCode).toBe(403);
    expect((await patch(member, id, { version: 4, status: 'open' })).statusCode).toBe(403);
    expect((await patch(lead, id, { version: 4, status: 'open' })).statusCode).toBe(200);

    const matrix = { matrix: defaultMatrix(), version: 0 };
    const byMember = await member.inject({ method: 'PUT', url: `${base}/risk-matrix`, payload: matrix });
    expect(byMember.statusCode).toBe(403);
    const byLead = await lead.inject({ method: 'PUT', url: `${base}/risk-matrix`, payload: matrix });
    expect(byLead.statusCode, byLead.body).toBe(200);
  });
});

describe('the risk register in the merger’s document language', () => {
  it('writes a nynorsk merger’s register with a nynorsk sheet name, headers and values, the team’s texts as written', async () => {
    const risk = await createRisk({ title: 'Nedetid i lønssystemet', likelihood: 2, consequences: { economy: 3 } });
    await t.owner.inject({ method: 'POST', url: `${base}/risks/${risk.id}/mitigations`, payload: { title: 'Reserveløysing', deadline: '2027-04-15' } });
    await createRisk({ title: 'Ikkje vurdert enno' });
    await t.database.db.update(mergers).set({ documentLanguage: 'nn' }).where(eq(mergers.id, mergerId));

    const response = await t.owner.inject({ url: `${base}/risk-register.xlsx`, headers: { 'accept-language': 'nb' } });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Risikoregister']);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(
      expect.arrayContaining([
        'Risiko',
        'Skildring',
        'Løysingsområde',
        'Integrasjonar',
        'Sannsyn',
        'Restsannsyn',
        'Eigar',
        'Grunngiving for aksept',
        'Konsekvens: Økonomi',
      ]),
    );
    expect(header).not.toContain('Beskrivelse');
    expect(header).not.toContain('Sannsynlighet');
    const rowOf = (title: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === title) found = row;
      });
      return found!;
    };
    const assessed = rowOf('Nedetid i lønssystemet');
    expect(assessed.getCell(header.indexOf('Tiltak') + 1).value).toBe('Reserveløysing (Planlagt, frist 15.04.2027)');
    expect(assessed.getCell(header.indexOf('Tiltak ferdige') + 1).value).toBe('0 av 1');
    expect(rowOf('Ikkje vurdert enno').getCell(header.indexOf('Risiko før tiltak') + 1).value).toBe('Ikkje vurdert');
  });
});

describe('the default matrix, starter risks and area names in the right language (issue 22)', () => {
  it('gives a nynorsk merger the default matrix in nynorsk, in the register too; a matrix the team saved stays as written', async () => {
    const nynorsk = await t.createMerger({ name: 'Nye Sogndal', mergerDate: '2028-01-01', municipalities: ['4601', '4626'], documentLanguage: 'nn' });
    const url = `/api/v1/mergers/${nynorsk}`;
    // The matrix is the merger's document: its målform, whatever the reader's language.
    const matrix = (await t.owner.inject({ url: `${url}/risk-matrix`, headers: { 'accept-language': 'nb' } })).json();
    expect(matrix.version).toBe(0);
    expect(matrix.matrix.likelihood.map((level: { name: string }) => level.name)).toEqual([
      'Svært lite sannsynleg',
      'Lite sannsynleg',
      'Moderat sannsynleg',
      'Sannsynleg',
      'Svært sannsynleg',
    ]);
    expect(matrix.matrix.likelihood[0].description).toBe('Kan skje, men det er ikkje kjent at det har skjedd i ei samanslåing.');
    expect(matrix.matrix.consequence[4].description).toBe('Liv og helse i fare, kritiske tenester ute, varig tap av data eller tillit.');
    expect(matrix.matrix.classes.map((riskClass: { name: string }) => riskClass.name)).toEqual(['Låg', 'Middels', 'Høg']);
    expect(JSON.stringify(matrix.matrix)).not.toMatch(/sannsynlig\b|\bikke\b|sammenslåing|Tjenester/);

    const created = await t.owner.inject({
      method: 'POST',
      url: `${url}/risks`,
      payload: { title: 'Nedetid i økonomisystemet', areaIds: [economy], likelihood: 4, consequences: { economy: 5 } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().inherent).toMatchObject({ classKey: 'high', className: 'Høg' });

    const response = await t.owner.inject({ url: `${url}/risk-register.xlsx`, headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Risikoregister')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1).value;
    expect(cell('Risiko')).toBe('Nedetid i økonomisystemet');
    expect(cell('Løysingsområde')).toBe('Økonomi- og rekneskapssystem');
    expect(cell('Sannsyn')).toBe('4 Sannsynleg');
    expect(cell('Risiko før tiltak')).toBe('Høg (4×5)');

    // Saved, the matrix is the team's: a bokmål matrix stays bokmål in a nynorsk merger.
    const saved = await t.owner.inject({ method: 'PUT', url: `${url}/risk-matrix`, payload: { matrix: defaultMatrix('nb'), version: 0 } });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await t.owner.inject(`${url}/risk-matrix`)).json();
    expect(after.matrix.classes.map((riskClass: { name: string }) => riskClass.name)).toEqual(['Lav', 'Middels', 'Høy']);
    expect(after.matrix.likelihood[3].name).toBe('Sannsynlig');
  });

  it('keeps a bokmål merger’s default matrix as it always was', async () => {
    const matrix = (await t.owner.inject({ url: `${base}/risk-matrix`, headers: { 'accept-language': 'en' } })).json().matrix;
    expect(matrix).toEqual(defaultMatrix());
    expect(matrix.classes.map((riskClass: { name: string }) => riskClass.name)).toEqual(['Lav', 'Middels', 'Høy']);
    expect(matrix.likelihood[0].name).toBe('Svært lite sannsynlig');
  });

  it('suggests an English merger’s starter risks in English, and an accepted one becomes a risk with the English title', async () => {
    const english = await t.createMerger({ name: 'New Bergen', mergerDate: '2028-01-01', municipalities: ['4601', '4626'], documentLanguage: 'en' });
    const url = `/api/v1/mergers/${english}`;
    const post = async (kind: string, payload: object) => {
      const response = await t.owner.inject({ method: 'POST', url: `${url}/inventory/${kind}`, payload });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const visma = await post('systems', { municipalityNumber: '4601', name: 'Visma', solutionAreaId: economy });
    const agresso = await post('systems', { municipalityNumber: '4626', name: 'Agresso', solutionAreaId: economy });
    const decided = await t.owner.inject({
      method: 'PUT',
      url: `${url}/decisions/${economy}`,
      payload: { outcome: 'continue', targetSystemId: visma, timing: 'before_merger', state: 'proposed' },
    });
    expect(decided.statusCode, decided.body).toBe(200);

    // The reader reads bokmål; the suggestions are the merger's texts, in its målform.
    const { suggestions } = (await t.owner.inject({ url: `${url}/risk-suggestions`, headers: { 'accept-language': 'nb' } })).json();
    const byKey = new Map(suggestions.map((suggestion: { key: string }) => [suggestion.key, suggestion]));
    expect(byKey.get(`downtime:${agresso}`)).toMatchObject({
      title: 'Downtime while Agresso (Øygarden) is migrated',
      description: expect.stringContaining('is in a critical solution area (Finance and accounting system) and is to be migrated'),
      cause: 'Migration and data conversion to the target system.',
    });
    expect(byKey.get('generic:downtime')).toMatchObject({ title: 'System downtime around the day of the merger' });
    expect(byKey.get('generic:archive')).toMatchObject({ title: 'Loss of archives' });
    expect(byKey.get('generic:documentation')).toMatchObject({ title: 'Reduced access to documentation' });
    expect(JSON.stringify(suggestions)).not.toMatch(/Nedetid|Arkivtap|Redusert|sammenslåing|løsningsområde/);

    const generic = byKey.get('generic:integration') as { key: string; title: string; description: string; cause: string; consequences: object };
    const accepted = await t.owner.inject({
      method: 'POST',
      url: `${url}/risks`,
      payload: { title: generic.title, description: generic.description, cause: generic.cause, consequences: generic.consequences, suggestionKey: generic.key },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().title).toBe('Failing integrations with common solutions');
  });

  it('names the library’s solution areas on a risk in the reader’s language', async () => {
    const risk = await createRisk({ title: 'Nedetid', areaIds: [economy] });
    const english = await t.owner.inject({ url: `${base}/risks/${risk.id}`, headers: { 'accept-language': 'en' } });
    expect(english.json().areas).toEqual([{ id: economy, name: 'Finance and accounting system' }]);
    const bokmal = await t.owner.inject({ url: `${base}/risks`, headers: { 'accept-language': 'nb' } });
    expect(bokmal.json().risks[0].areas).toEqual([{ id: economy, name: 'Økonomi- og regnskapssystem' }]);
  });
});
