import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#server/test/test-app.ts';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import type { Schedule } from '#shared/contracts/plan.schedule.ts';

// Issue 21, «Correcting the basics»: edit, archive and delete a merger (decision 033).
let t: TestApp;
let mergerId: string;
let lead: TestUser;
let member: TestUser;
const url = (path = '') => `/api/v1/mergers/${mergerId}${path}`;

beforeEach(async () => {
  t = await createTestApp({ now: () => new Date('2027-03-10T11:00:00Z') });
  mergerId = await t.createMerger({ name: 'Nye Bergen', mergerDate: '2028-01-01', municipalities: ['4601', '4626'] });
  lead = await t.createUser('Live Leder');
  member = await t.createUser('Mads Medarbeider');
  await t.addMember(mergerId, lead, 'lead');
  await t.addMember(mergerId, member, 'member');
});
afterEach(async () => {
  await t.close();
});

async function merger(as: TestUser = t.owner) {
  const response = await as.inject(url());
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
async function addSystem(municipalityNumber: string, name: string): Promise<string> {
  const response = await t.owner.inject({ method: 'POST', url: url('/inventory/systems'), payload: { municipalityNumber, name } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
async function historyOf(entity: string) {
  return (await t.owner.inject(url(`/audit?entity=${entity}`))).json().entries as Array<{
    action: string;
    changes: Array<{ field: string; old: unknown; new: unknown }>;
  }>;
}

describe('PATCH /mergers/{mergerId}: correcting the basics', () => {
  it('changes name and new municipality, version-checked, in history', async () => {
    const changed = await lead.inject({ method: 'PATCH', url: url(), payload: { version: 1, name: 'Nye Bergen 2028', newMunicipalityName: 'Bergen' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Nye Bergen 2028', newMunicipalityName: 'Bergen', version: 2 });

    const stale = await t.owner.inject({ method: 'PATCH', url: url(), payload: { version: 1, name: 'Noe annet' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await merger()).name).toBe('Nye Bergen 2028');

    const entries = await historyOf('merger');
    const update = entries.find((entry) => entry.action === 'update')!;
    expect(update.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', old: 'Nye Bergen', new: 'Nye Bergen 2028' }),
        expect.objectContaining({ field: 'newMunicipalityName', new: 'Bergen' }),
      ]),
    );
  });

  it('is for owner and lead: a member is refused', async () => {
    const refused = await member.inject({ method: 'PATCH', url: url(), payload: { version: 1, name: 'Medarbeiderens navn' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('moves default phases and the tasks that follow them with a new merger date, shown in the preview first', async () => {
    // A veivalg places tasks dated over phase 4; one of them a person dates by hand.
    const adopted = await t.owner.inject({
      method: 'PUT',
      url: url('/decisions/omrade-okonomi-og-regnskapssystem'),
      payload: { outcome: 'procure', timing: 'before_merger', state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02' },
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const placed = ((await t.owner.inject(url('/tasks?phase=4'))).json().tasks as Task[]).filter((task) => task.datesFollowPhase);
    expect(placed.length).toBeGreaterThan(1);
    const [handDated, ...following] = placed;
    const dated = await t.owner.inject({
      method: 'PATCH',
      url: url(`/tasks/${handDated!.id}`),
      payload: { version: handDated!.version, dueDate: '2027-06-30' },
    });
    expect(dated.statusCode, dated.body).toBe(200);
    // The project set phase 1's dates itself: they stay.
    const own = await t.owner.inject({ method: 'PATCH', url: url('/schedule/phases/1'), payload: { version: 0, start: '2025-09-01', end: '2026-03-31' } });
    expect(own.statusCode, own.body).toBe(200);

    const preview = await lead.inject({ method: 'POST', url: url('/change-preview'), payload: { mergerDate: '2029-01-01' } });
    expect(preview.statusCode, preview.body).toBe(200);
    const moves = preview.json().mergerDate;
    expect(moves).toMatchObject({ before: '2028-01-01', after: '2029-01-01' });
    expect(moves.phases.map((phase: { number: number }) => phase.number)).toEqual([2, 3, 4, 5, 6]);
    expect(moves.phases.find((phase: { number: number }) => phase.number === 4)).toMatchObject({
      before: { start: '2027-04-01', end: '2027-12-31' },
      after: { start: '2028-04-01', end: '2028-12-31' },
    });
    expect(moves.unchangedPhases).toEqual([expect.objectContaining({ number: 1 })]);
    expect(moves.milestones.map((m: { title: string }) => m.title)).toEqual(['Sammenslåingsdato', 'Overgangsfasen slutter']);
    expect(moves.tasks.count).toBe(following.length);
    expect(moves.tasks.titles.length).toBe(Math.min(10, following.length));
    // A preview writes nothing.
    expect((await merger()).mergerDate).toBe('2028-01-01');

    const saved = await lead.inject({ method: 'PATCH', url: url(), payload: { version: 1, mergerDate: '2029-01-01' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await t.owner.inject(url('/schedule'))).json() as Schedule;
    expect(after.phases.find((phase) => phase.number === 4)).toMatchObject({ start: '2028-04-01', end: '2028-12-31', isDefault: true });
    expect(after.phases.find((phase) => phase.number === 1)).toMatchObject({ start: '2025-09-01', end: '2026-03-31' });
    const tasks = new Map(after.tasks.map((task) => [task.id, task]));
    for (const task of following) expect(tasks.get(task.id)).toMatchObject({ plannedStart: '2028-04-01', dueDate: '2028-12-31' });
    expect(tasks.get(handDated!.id)!.dueDate).toBe('2027-06-30');
    // The moved tasks' history says so, as for a phase moved by hand.
    const taskHistory = await historyOf('task');
    expect(taskHistory.some((entry) => entry.changes.some((change) => change.field === 'dueDate' && change.new === '2028-12-31'))).toBe(true);
  });

  it('adds a municipality from the register, and removes one without inventory', async () => {
    const added = await t.owner.inject({ method: 'PATCH', url: url(), payload: { version: 1, municipalities: ['4601', '4626', '4627'] } });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().municipalities.map((m: { number: string }) => m.number)).toEqual(['4601', '4626', '4627']);
    expect(added.json().municipalities[2].name).toBe('Askøy');

    const removed = await t.owner.inject({ method: 'PATCH', url: url(), payload: { version: 2, municipalities: ['4601', '4627'] } });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().municipalities.map((m: { number: string }) => m.number)).toEqual(['4601', '4627']);
    const update = (await historyOf('merger')).find((entry) => entry.changes.some((change) => change.field === 'municipalities' && entry.action === 'update'));
    expect(update).toBeDefined();
  });

  it('refuses unknown, repeated or too few municipalities, field by field', async () => {
    const unknown = await t.owner.inject({ method: 'PATCH', url: url(), payload: { version: 1, municipalities: ['4601', '4626', '9999'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'UNKNOWN_MUNICIPALITY', details: [expect.objectContaining({ path: 'municipalities.2' })] });
    const tooFew = await t.owner.inject({ method: 'PATCH', url: url(), payload: { version: 1, municipalities: ['4601', '4601'] } });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json().error.code).toBe('TOO_FEW_MUNICIPALITIES');
  });

  it('removes a municipality with inventory only when confirmed, listing what goes', async () => {
    await t.owner.inject({ method: 'PATCH', url: url(), payload: { version: 1, municipalities: ['4601', '4626', '4627'] } });
    await addSystem('4627', 'Askøy lønn');
    await addSystem('4627', 'Askøy arkiv');
    const contract = await t.owner.inject({ method: 'POST', url: url('/inventory/contracts'), payload: { municipalityNumber: '4627', vendor: 'Visma' } });
    expect(contract.statusCode, contract.body).toBe(201);

    const preview = await t.owner.inject({ method: 'POST', url: url('/change-preview'), payload: { municipalities: ['4601', '4626'] } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().removedMunicipalities).toEqual([
      {
        number: '4627',
        name: 'Askøy',
        inventory: [
          { kind: 'systems', count: 2, names: ['Askøy arkiv', 'Askøy lønn'] },
          { kind: 'contracts', count: 1, names: ['Visma'] },
        ],
      },
    ]);

    const refused = await t.owner.inject({ method: 'PATCH', url: url(), payload: { version: 2, municipalities: ['4601', '4626'] } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('MUNICIPALITY_HAS_INVENTORY');
    expect(refused.json().error.message).toContain('«Askøy lønn»');
    expect(refused.json().error.details.municipalities[0]).toMatchObject({ number: '4627', inventory: expect.any(Array) });
    expect((await merger()).municipalities).toHaveLength(3);

    const confirmed = await t.owner.inject({ method: 'PATCH', url: url(), payload: { version: 2, municipalities: ['4601', '4626'], confirmRemoval: true } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().municipalities).toHaveLength(2);
    expect((await t.owner.inject(url('/inventory/systems'))).json().items).toHaveLength(0);
  });

  it('refuses removing a municipality whose systems others still point at', async () => {
    const system = await addSystem('4626', 'Felles sak/arkiv');
    const service = await t.owner.inject({
      method: 'POST',
      url: url('/inventory/digital-services'),
      payload: { municipalityNumber: '4601', name: 'Byggesøknad', systemId: system },
    });
    expect(service.statusCode, service.body).toBe(201);
    const refused = await t.owner.inject({
      method: 'PATCH',
      url: url(),
      payload: { version: 1, municipalities: ['4601', '4627'], confirmRemoval: true },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('MUNICIPALITY_SYSTEMS_IN_USE');
    expect(refused.json().error.message).toContain('«Byggesøknad»');
  });
});

describe('archiving', () => {
  it('makes the merger read-only for everyone, across features, until un-archived', async () => {
    const [task] = (await t.owner.inject(url('/tasks'))).json().tasks as Task[];
    const archived = await lead.inject({ method: 'PUT', url: url('/archived'), payload: { archived: true, version: 1 } });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archivedAt).toEqual(expect.any(String));

    // Still readable, with only reading (and un-archiving, deleting) left in the permissions.
    const detail = await merger();
    expect(detail.archivedAt).not.toBeNull();
    expect(detail.myPermissions).toEqual(['read', 'administer', 'delete']);
    expect((await merger(member)).myPermissions).toEqual(['read']);
    expect((await t.owner.inject(url('/tasks'))).statusCode).toBe(200);

    const writes = [
      await member.inject({ method: 'PATCH', url: url(`/tasks/${task!.id}`), payload: { version: task!.version, notes: 'Arkivert?' } }),
      await t.owner.inject({ method: 'POST', url: url('/inventory/systems'), payload: { municipalityNumber: '4601', name: 'Nytt system' } }),
      await t.owner.inject({ method: 'POST', url: url('/risks'), payload: { title: 'Ny risiko' } }),
      await t.owner.inject({ method: 'PATCH', url: url(), payload: { version: 2, name: 'Nytt navn' } }),
      await lead.inject({ method: 'POST', url: url('/members'), payload: { email: 'ny@samla.test', role: 'reader' } }),
    ];
    for (const response of writes) {
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().error.code).toBe('MERGER_ARCHIVED');
      expect(response.json().error.message).toMatch(/^Sammenslåingen er arkivert/);
    }
    // A member asking for more than their role gives is still told that first.
    expect((await member.inject({ method: 'PUT', url: url('/archived'), payload: { archived: false, version: 2 } })).statusCode).toBe(403);

    // The list shows it, marked archived.
    const listed = (await t.owner.inject('/api/v1/mergers')).json().mergers;
    expect(listed.find((m: { id: string }) => m.id === mergerId).archivedAt).not.toBeNull();

    const reopened = await t.owner.inject({ method: 'PUT', url: url('/archived'), payload: { archived: false, version: 2 } });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().archivedAt).toBeNull();
    const patched = await member.inject({ method: 'PATCH', url: url(`/tasks/${task!.id}`), payload: { version: task!.version, notes: 'Åpen igjen' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const changes = (await historyOf('merger')).flatMap((entry) => entry.changes.filter((change) => change.field === 'archived'));
    expect(changes.map((change) => change.new).sort()).toEqual([false, true]);
  });

  it('is version-checked', async () => {
    await t.owner.inject({ method: 'PATCH', url: url(), payload: { version: 1, name: 'Endret først' } });
    const stale = await t.owner.inject({ method: 'PUT', url: url('/archived'), payload: { archived: true, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });
});

describe('DELETE /mergers/{mergerId}', () => {
  it('needs the exact name, is for the owner only, and is logged for administrators', async () => {
    await addSystem('4601', 'Lønn');
    const wrong = await t.owner.inject({ method: 'DELETE', url: url(), payload: { name: 'Nye Berge' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'MERGER_NAME_MISMATCH', details: [expect.objectContaining({ path: 'name' })] });
    const byLead = await lead.inject({ method: 'DELETE', url: url(), payload: { name: 'Nye Bergen' } });
    expect(byLead.statusCode).toBe(403);

    const deleted = await t.owner.inject({ method: 'DELETE', url: url(), payload: { name: 'Nye Bergen' } });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toMatchObject({ mergerId, mergerName: 'Nye Bergen', deletedBy: { userId: t.owner.id, name: t.owner.name } });
    expect(deleted.json().counts).toMatchObject({ systems: 1, municipalities: 2, members: 3, tasks: 121 });
    expect((await t.owner.inject(url())).statusCode).toBe(404);
    expect((await t.owner.inject('/api/v1/mergers')).json().mergers).toEqual([]);
    // Its history went with it.
    const left = (await t.database.rawQuery('select count(*)::int as n from audit_events where merger_id = $1', [mergerId])) as Array<{ n: number }>;
    expect(left[0]!.n).toBe(0);

    const log = await t.administrator.inject('/api/v1/merger-deletions');
    expect(log.statusCode).toBe(200);
    expect(log.json().deletions).toEqual([expect.objectContaining({ mergerId, mergerName: 'Nye Bergen', counts: expect.objectContaining({ systems: 1 }) })]);
    expect((await t.owner.inject('/api/v1/merger-deletions')).statusCode).toBe(403);
  });

  it('deletes an archived merger and the demo merger too', async () => {
    await t.owner.inject({ method: 'PUT', url: url('/archived'), payload: { archived: true, version: 1 } });
    expect((await t.owner.inject({ method: 'DELETE', url: url(), payload: { name: 'Nye Bergen' } })).statusCode).toBe(200);

    const demo = await t.owner.inject({ method: 'POST', url: '/api/v1/demo-merger' });
    expect(demo.statusCode, demo.body).toBe(201);
    const demoId = demo.json().merger?.id ?? demo.json().id;
    const demoName = (await t.owner.inject(`/api/v1/mergers/${demoId}`)).json().name;
    const gone = await t.owner.inject({ method: 'DELETE', url: `/api/v1/mergers/${demoId}`, payload: { name: demoName } });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().isDemo).toBe(true);
    expect((await t.administrator.inject('/api/v1/merger-deletions')).json().deletions).toHaveLength(2);
  });
});
