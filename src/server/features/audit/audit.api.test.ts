import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';
import { insertAuditEvents } from '#server/platform/audit-trail/audit-trail.repo.ts';
import { mergers } from '#server/platform/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import type { Language } from '#shared/language.ts';

let t: TestApp;
let mergerId: string;
beforeEach(async () => {
  t = await createTestApp();
  mergerId = await t.createMerger({ name: 'Historikk' });
});
afterEach(async () => {
  await t.close();
});

describe('history (Historikk)', () => {
  it('records who changed which task field from what to what, newest first', async () => {
    const task = (await t.owner.inject(`/api/v1/mergers/${mergerId}/tasks`)).json().tasks[0];
    const member = await t.createUser('Mia Medarbeider');
    await t.addMember(mergerId, member, 'member');

    await t.owner.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${mergerId}/tasks/${task.id}`,
      payload: { version: 1, status: 'in_progress', responsible: 'Kari' },
    });
    await member.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${mergerId}/tasks/${task.id}`,
      payload: { version: 2, status: 'not_relevant', notRelevantReason: 'Dekkes av IKS', responsible: 'Kari' },
    });

    const entries = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=task&entityId=${task.id}`)).json().entries;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actor: { name: 'Mia Medarbeider', email: member.email },
      entity: 'task',
      entityId: task.id,
      entityLabel: task.title,
      action: 'update',
      changes: [
        { field: 'status', old: 'in_progress', new: 'not_relevant' },
        { field: 'notRelevantReason', old: null, new: 'Dekkes av IKS' },
      ],
    });
    expect(entries[1]).toMatchObject({
      actor: { name: 'Eva Eier' },
      changes: [
        { field: 'status', old: 'not_started', new: 'in_progress' },
        { field: 'responsible', old: null, new: 'Kari' },
      ],
    });
  });

  it('keeps the merger’s creation and membership changes, and filters by actor and action', async () => {
    const reader = await t.createUser('Rolf Leser');
    await t.addMember(mergerId, reader, 'reader');
    const all = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit`)).json().entries;
    // The owner's invitation, then the membership made when the reader signed in (issue 17).
    expect(all.map((e: { entity: string; action: string }) => `${e.entity}:${e.action}`)).toEqual(['member:create', 'member:create', 'merger:create']);
    expect(all[2].changes).toContainEqual({ field: 'municipalities', old: null, new: ['4601', '4626'] });

    const byOwner = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?actor=${t.owner.id}&action=create`)).json().entries;
    expect(byOwner).toHaveLength(2);
    const byReader = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?actor=${reader.id}`)).json().entries;
    expect(byReader.map((e: { entityId: string }) => e.entityId)).toEqual([reader.id]);
  });

  it('records nothing for a failed or empty change', async () => {
    const task = (await t.owner.inject(`/api/v1/mergers/${mergerId}/tasks`)).json().tasks[0];
    await t.owner.inject({ method: 'PATCH', url: `/api/v1/mergers/${mergerId}/tasks/${task.id}`, payload: { version: 1, status: 'not_relevant' } });
    await t.owner.inject({ method: 'PATCH', url: `/api/v1/mergers/${mergerId}/tasks/${task.id}`, payload: { version: 1, status: 'not_started' } });
    const entries = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=task`)).json().entries;
    expect(entries).toHaveLength(0);
  });

  it('has no API that changes or deletes history', async () => {
    const spec = (await t.owner.inject('/api/v1/openapi.json')).json();
    const auditMethods = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.includes('/audit'))
      .flatMap(([, methods]) => Object.keys(methods));
    expect(new Set(auditMethods)).toEqual(new Set(['get']));
  });

  it('exports the history as a real xlsx workbook and as CSV', async () => {
    const task = (await t.owner.inject(`/api/v1/mergers/${mergerId}/tasks`)).json().tasks[0];
    await t.owner.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${mergerId}/tasks/${task.id}`,
      payload: { version: 1, notes: '=SUM(A1) «æøå»; "sitat"' },
    });

    const xlsx = await t.owner.inject(`/api/v1/mergers/${mergerId}/audit/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Historikk')!;
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain('Felt');
    expect(values).toContain('Notater');
    // Text that would read as a formula gets an apostrophe, as in the CSV and the other register exports.
    expect(values).toContain(`'=SUM(A1) «æøå»; "sitat"`);

    const csv = await t.owner.inject(`/api/v1/mergers/${mergerId}/audit/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFTidspunkt;Hvem;')).toBe(true);
    // Quoted, escaped, and never a live formula in a spreadsheet.
    expect(csv.body).toContain(`"'=SUM(A1) «æøå»; ""sitat"""`);
  });
});

interface Display {
  entity: string;
  label: string | null;
  action: string;
  changes: Array<{ field: string; old: string | null; new: string | null }>;
}
interface Entry {
  entity: string;
  entityId: string;
  action: string;
  display: Display;
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('history that people can read (issue 18)', () => {
  const base = () => `/api/v1/mergers/${mergerId}`;
  async function created(path: string, payload: object): Promise<{ id: string; version: number }> {
    const response = await t.owner.inject({ method: 'POST', url: `${base()}/${path}`, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function history(query = ''): Promise<Entry[]> {
    const response = await t.owner.inject(`${base()}/audit${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().entries;
  }
  const changesOf = (entry: Entry | undefined) => Object.fromEntries((entry?.display.changes ?? []).map((change) => [change.field, change.new ?? change.old]));

  it('names an integration’s systems by the names they had, also after one is renamed and the other deleted', async () => {
    const visma = await created('inventory/systems', { municipalityNumber: '4601', name: 'Visma Profil' });
    const gerica = await created('inventory/systems', { municipalityNumber: '4601', name: 'Gerica' });
    const integration = await created('inventory/integrations', {
      municipalityNumber: '4601',
      fromSystemId: visma.id,
      toSystemId: gerica.id,
      direction: 'outbound',
      method: 'api',
    });
    const contract = await created('inventory/contracts', {
      municipalityNumber: '4601',
      vendor: 'Visma',
      systemIds: [visma.id],
      changeClause: 'does_not_transfer',
      endDate: '2027-08-31',
    });

    // Renamed, then deleted (the integration and contract first: a system in use cannot go).
    const renamed = await t.owner.inject({ method: 'PATCH', url: `${base()}/inventory/systems/${gerica.id}`, payload: { version: 1, name: 'Gerica Plus' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await t.owner.inject({ method: 'DELETE', url: `${base()}/inventory/integrations/${integration.id}?version=1` })).statusCode).toBe(204);
    expect((await t.owner.inject({ method: 'DELETE', url: `${base()}/inventory/contracts/${contract.id}?version=1` })).statusCode).toBe(204);
    expect((await t.owner.inject({ method: 'DELETE', url: `${base()}/inventory/systems/${visma.id}?version=1` })).statusCode).toBe(204);

    const entries = await history();
    const made = entries.find((entry) => entry.entity === 'integration' && entry.action === 'create');
    expect(made?.display.entity).toBe('Integrasjon');
    expect(made?.display.action).toBe('Opprettet');
    expect(changesOf(made)).toMatchObject({ 'Fra system': 'Visma Profil', 'Til system': 'Gerica', Retning: 'Ut', Metode: 'API' });
    expect(changesOf(made)['Kommunenummer']).toMatch(/^Bergen \(4601\)$/);
    const removed = entries.find((entry) => entry.entity === 'integration' && entry.action === 'delete');
    expect(changesOf(removed)).toMatchObject({ 'Fra system': 'Visma Profil', 'Til system': 'Gerica Plus' });
    const contractMade = entries.find((entry) => entry.entity === 'contract' && entry.action === 'create');
    expect(changesOf(contractMade)).toMatchObject({ Systemer: 'Visma Profil', Endringsklausul: 'Avtalen går ikke over', Sluttdato: '31.08.2027' });
    const rename = entries.find((entry) => entry.entity === 'system' && entry.action === 'update');
    expect(rename?.display.changes).toEqual([{ field: 'Navn', old: 'Gerica', new: 'Gerica Plus' }]);

    // Nothing a person reads is an id or an English code.
    for (const entry of entries) {
      const text = JSON.stringify(entry.display);
      expect(text, text).not.toMatch(uuidPattern);
      expect(text).not.toMatch(/outbound|does_not_transfer|"api"/);
    }
  });

  it('reads an entry written before names were kept by today’s name, or «(slettet)»', async () => {
    const kept = await created('inventory/systems', { municipalityNumber: '4601', name: 'Acos WebSak' });
    await insertAuditEvents(t.database.db, [
      {
        mergerId,
        actorUserId: t.owner.id,
        actorName: 'Eva Eier',
        actorEmail: null,
        entity: 'integration',
        entityId: 'f0000000-0000-4000-8000-000000000000',
        entityLabel: 'Gammel integrasjon',
        action: 'create',
        changes: [
          { field: 'fromSystemId', old: null, new: kept.id },
          { field: 'toSystemId', old: null, new: 'deadbeef-0000-4000-8000-000000000000' },
        ],
      },
    ]);
    const [old] = await history('?entity=integration');
    expect(old!.display.changes).toEqual([
      { field: 'Fra system', old: null, new: 'Acos WebSak' },
      { field: 'Til system', old: null, new: '(slettet)' },
    ]);
  });

  it('says statuses, kinds, roles and structured values in words, on the page and in the xlsx and CSV', async () => {
    const task = (await t.owner.inject(`${base()}/tasks`)).json().tasks[0];
    await t.owner.inject({ method: 'PATCH', url: `${base()}/tasks/${task.id}`, payload: { version: 1, status: 'done', dueDate: '2027-03-01' } });
    await created('schedule/milestones', { title: 'Fellesnemndsmøte', date: '2027-05-04', kind: 'joint_committee_meeting' });
    const visma = await created('inventory/systems', { municipalityNumber: '4626', name: 'Visma Enterprise', archiveWorthy: true });
    await created('risks', { title: 'Nedetid', systemIds: [visma.id], consequences: { economy: 3, reputation: 2 }, likelihood: 4 });

    await t.addMember(mergerId, await t.createUser('Per Prosjektleder'), 'lead');
    const entries = await history();
    const taskChange = entries.find((entry) => entry.entity === 'task');
    expect(taskChange?.display).toMatchObject({
      entity: 'Oppgave',
      action: 'Endret',
      changes: [
        { field: 'Status', old: 'Ikke startet', new: 'Ferdig' },
        { field: 'Frist', old: null, new: '01.03.2027' },
      ],
    });
    expect(entries.find((entry) => entry.entity === 'milestone')?.display.changes).toContainEqual({ field: 'Type', old: null, new: 'Fellesnemnda-møte' });
    expect(changesOf(entries.find((entry) => entry.entity === 'system'))).toMatchObject({ Arkivverdig: 'Ja' });
    const risk = changesOf(entries.find((entry) => entry.entity === 'risk'));
    expect(risk).toMatchObject({ Konsekvens: 'Økonomi 3, Omdømme 2', Systemer: 'Visma Enterprise', Sannsynlighet: '4' });
    expect(entries.find((entry) => entry.entity === 'merger')?.display.entity).toBe('Sammenslåingen');
    expect(entries.find((entry) => entry.entity === 'member')?.display.changes).toEqual([{ field: 'Rolle', old: null, new: 'Prosjektleder' }]);

    const csv = (await t.owner.inject(`${base()}/audit/export?format=csv`)).body;
    expect(csv.split('\r\n')[0]).toBe('\uFEFFTidspunkt;Hvem;E-post;Hva;Navn;Handling;Felt;Før;Etter');
    expect(csv).toContain(';Oppgave;');
    expect(csv).toContain(';Status;Ikke startet;Ferdig');
    expect(csv).toContain(';Fellesnemnda-møte');
    expect(csv).toContain('Økonomi 3, Omdømme 2');
    expect(csv).toContain(';Systemer;;Visma Enterprise');
    expect(csv).not.toMatch(uuidPattern);
    expect(csv).not.toMatch(/;(task|update|create|not_started|done|joint_committee_meeting);/);
    expect(csv).not.toContain('{');

    const xlsx = await t.owner.inject(`${base()}/audit/export?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = workbook
      .getWorksheet('Historikk')!
      .getSheetValues()
      .flat()
      .filter((value) => value !== undefined && value !== null)
      .map(String);
    expect(cells).toEqual(expect.arrayContaining(['Oppgave', 'Status', 'Ikke startet', 'Ferdig', 'Fellesnemnda-møte', 'Økonomi 3, Omdømme 2', 'Risiko']));
    expect(cells.filter((value) => uuidPattern.test(value) || ['task', 'not_started', 'done', 'update'].includes(value))).toEqual([]);
  });

  describe('in nynorsk and English', () => {
    /** The merger's målform, set in the database (the merger update API is another step's). */
    const setDocumentLanguage = (language: Language) => t.database.db.update(mergers).set({ documentLanguage: language }).where(eq(mergers.id, mergerId));

    async function changeATask() {
      const task = (await t.owner.inject(`/api/v1/mergers/${mergerId}/tasks`)).json().tasks[0];
      await t.owner.inject({
        method: 'PATCH',
        url: `/api/v1/mergers/${mergerId}/tasks/${task.id}`,
        payload: { version: 1, status: 'in_progress', responsible: 'Kari Nordmann', dueDate: '2027-03-01' },
      });
      return task as { id: string; title: string };
    }

    it('answers the history page in the reader’s language (Accept-Language), whatever the merger writes in', async () => {
      const task = await changeATask();
      await setDocumentLanguage('en');
      const ask = (language: string) =>
        t.owner.inject({ url: `/api/v1/mergers/${mergerId}/audit?entity=task&entityId=${task.id}`, headers: { 'accept-language': language } });

      const [nynorsk] = (await ask('nn')).json().entries;
      expect(nynorsk.display).toEqual({
        entity: 'Oppgåve',
        // The stored name of the row is data: as it was written.
        label: task.title,
        action: 'Endra',
        changes: [
          { field: 'Status', old: 'Ikkje starta', new: 'Pågår' },
          { field: 'Ansvarleg', old: null, new: 'Kari Nordmann' },
          { field: 'Frist', old: null, new: '01.03.2027' },
        ],
      });
      // The codes for programs are the same in every language.
      expect(nynorsk.changes[0]).toEqual({ field: 'status', old: 'not_started', new: 'in_progress' });

      const [english] = (await ask('en-GB,en;q=0.9')).json().entries;
      expect(english.display).toMatchObject({ entity: 'Task', action: 'Changed' });
      expect(english.display.changes).toContainEqual({ field: 'Due date', old: null, new: '1 Mar 2027' });

      const [bokmål] = (await ask('nb')).json().entries;
      expect(bokmål.display).toMatchObject({ entity: 'Oppgave', action: 'Endret' });
    });

    it('writes an English merger’s history CSV with English headers and words, whoever downloads it', async () => {
      await changeATask();
      await setDocumentLanguage('en');
      const csv = await t.owner.inject({ url: `/api/v1/mergers/${mergerId}/audit/export?format=csv`, headers: { 'accept-language': 'nb' } });
      expect(csv.statusCode).toBe(200);
      const [header, ...lines] = csv.body.split('\r\n');
      expect(header).toBe('\uFEFFTime;Who;Email;What;Name;Action;Field;Before;After');
      expect(lines.join('\n')).toContain(';Task;');
      expect(lines.join('\n')).toContain(';Status;Not started;In progress');
      expect(lines.join('\n')).toContain(';Responsible;;Kari Nordmann');
      expect(lines.join('\n')).not.toContain('Ikke startet');
    });

    it('writes a nynorsk merger’s history xlsx with a nynorsk title, headers and words', async () => {
      await changeATask();
      await setDocumentLanguage('nn');
      const xlsx = await t.owner.inject(`/api/v1/mergers/${mergerId}/audit/export?format=xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Historikk')!;
      expect(sheet.getRow(1).getCell(1).value).toBe('Historikk for samanslåinga');
      expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Tidspunkt', 'Kven', 'E-post', 'Kva', 'Namn', 'Handling', 'Felt', 'Før', 'Etter']);
      const cells = sheet.getSheetValues().flat().map(String);
      expect(cells).toEqual(expect.arrayContaining(['Oppgåve', 'Endra', 'Ansvarleg', 'Ikkje starta', 'Pågår']));
    });
  });
});
