import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/catalog.ts';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { mergers } from '#server/platform/db/schema/index.ts';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

let t: TestApp;
let mergerId: string;
let base: string;

const economy = 'omrade-okonomi-og-regnskapssystem';
const economyTasks = loadCatalog()
  .sectors.flatMap((sector) => sector.solutionAreas)
  .find((area) => area.id === economy)!.tasks;

beforeEach(async () => {
  // A fixed «today», so deadlines and days left do not drift with the calendar.
  t = await createTestApp({ now: () => new Date('2027-03-01T10:00:00Z') });
  mergerId = await t.createMerger({ mergerDate: '2028-01-01', municipalities: ['4601', '4626', '4631'] });
  base = `/api/v1/mergers/${mergerId}`;
});
afterEach(async () => {
  await t.close();
});

async function add(kind: string, payload: object): Promise<{ id: string; version: number }> {
  const response = await t.owner.inject({ method: 'POST', url: `${base}/inventory/${kind}`, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Three municipalities' economy systems: two run the same product, one another; with contracts and integrations. */
async function economyLandscape() {
  const visma = await add('systems', {
    municipalityNumber: '4601',
    name: 'Visma Økonomi',
    vendor: 'Visma',
    product: 'Visma Enterprise',
    solutionAreaId: economy,
    userCount: 120,
    hosting: 'saas',
  });
  const vismaToo = await add('systems', {
    municipalityNumber: '4626',
    name: 'Økonomi',
    vendor: 'visma ',
    product: 'VISMA ENTERPRISE',
    solutionAreaId: economy,
    userCount: 40,
  });
  const agresso = await add('systems', {
    municipalityNumber: '4631',
    name: 'Agresso',
    vendor: 'Unit4',
    product: 'Agresso',
    solutionAreaId: economy,
    userCount: 60,
  });
  const keep = await add('contracts', {
    municipalityNumber: '4601',
    vendor: 'Visma',
    subject: 'Økonomisystem',
    endDate: '2029-06-30',
    changeClause: 'unknown',
    systemIds: [visma.id],
  });
  const terminate = await add('contracts', {
    municipalityNumber: '4631',
    vendor: 'Unit4',
    subject: 'Agresso drift',
    noticePeriodMonths: 3,
    systemIds: [agresso.id],
  });
  const toAltinn = await add('integrations', { municipalityNumber: '4631', fromSystemId: agresso.id, commonSolutionId: 'altinn' });
  return { visma, vismaToo, agresso, keep, terminate, toAltinn };
}

function decide(payload: object) {
  return t.owner.inject({ method: 'PUT', url: `${base}/decisions/${economy}`, payload });
}

describe('deciding a solution area', () => {
  it('shows every municipality’s systems in the area and suggests the product two municipalities share', async () => {
    const { visma, vismaToo } = await economyLandscape();
    const overview = (await t.owner.inject(`${base}/decisions`)).json();
    const area = overview.sectors.flatMap((sector: { areas: object[] }) => sector.areas).find((a: { id: string }) => a.id === economy);
    expect(area).toMatchObject({ priority: 'critical', rank: 3, systemsByMunicipality: { '4601': 1, '4626': 1, '4631': 1 }, decision: null });
    expect(area.suggestionCount).toBeGreaterThanOrEqual(1);

    const detail = (await t.owner.inject(`${base}/decisions/${economy}`)).json();
    expect(detail.area).toMatchObject({ id: economy, priority: 'critical', defaultTiming: 'before_merger' });
    expect(detail.systems).toHaveLength(3);
    const facts = Object.fromEntries(
      detail.systems.map((s: { name: string; integrationCount: number; contractEndDates: string[] }) => [s.name, [s.integrationCount, s.contractEndDates]]),
    );
    expect(facts).toEqual({ 'Visma Økonomi': [0, ['2029-06-30']], Økonomi: [0, []], Agresso: [1, []] });
    expect(detail.systems.every((system: { fate: string }) => system.fate === 'undecided')).toBe(true);
    expect(detail.suggestions[0]).toMatchObject({
      basis: 'product',
      municipalities: ['4601', '4626'],
      recommendedSystemId: visma.id,
      totals: { users: 160 },
    });
    expect(detail.suggestions[0].systemIds).toEqual([visma.id, vismaToo.id]);
    // A suggestion is not a decision.
    expect(detail.decision).toBeNull();
    expect(detail.plannedTasks).toEqual([]);
  });

  it('adopting «continue» puts the area’s checklist tasks in phase 4 and gives each system its fate', async () => {
    const { visma, vismaToo, agresso, toAltinn } = await economyLandscape();
    const before = (await t.owner.inject(`${base}/tasks?phase=4`)).json().tasks.length;

    const proposed = await decide({ outcome: 'continue', targetSystemId: visma.id, timing: 'before_merger', state: 'proposed', rationale: 'Flest brukere' });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json().decision).toMatchObject({ state: 'proposed', decidedBy: null, targetSystemName: 'Visma Økonomi', version: 1 });
    // A proposal plans nothing yet.
    expect((await t.owner.inject(`${base}/tasks?phase=4`)).json().tasks.length).toBe(before);

    const adopted = await decide({
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'before_merger',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
      rationale: 'Flest brukere',
      version: 1,
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const body = adopted.json();
    expect(body.decision).toMatchObject({ state: 'adopted', decidedBy: t.owner.name, version: 2 });
    expect(body.decision.decidedAt).toBeTruthy();
    const fates = Object.fromEntries(body.systems.map((system: { id: string; fate: string }) => [system.id, system.fate]));
    expect(fates).toEqual({ [visma.id]: 'continues', [vismaToo.id]: 'migrated', [agresso.id]: 'migrated' });
    expect(body.integrationsToReestablish.map((i: { integrationId: string }) => i.integrationId)).toEqual([toAltinn.id]);
    expect(body.integrationsToReestablish[0].commonSolution).toEqual({ id: 'altinn', name: expect.stringContaining('Altinn') });

    const phase4 = (await t.owner.inject(`${base}/tasks?phase=4`)).json().tasks;
    expect(phase4.length).toBe(before + economyTasks.length);
    const added = phase4.filter((task: { catalogItemId: string }) => economyTasks.some((item) => item.id === task.catalogItemId));
    expect(added.map((task: { title: string }) => task.title)).toEqual(economyTasks.map((item) => item.title));
    expect(added.every((task: { activityId: string }) => task.activityId === 'fase-4-akt-4')).toBe(true);
    expect(body.plannedTasks).toHaveLength(economyTasks.length);

    // Adopting again changes nothing in the plan.
    const again = await decide({
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'before_merger',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
      rationale: 'Flest brukere',
      version: 2,
    });
    expect(again.statusCode).toBe(200);
    expect((await t.owner.inject(`${base}/tasks?phase=4`)).json().tasks.length).toBe(before + economyTasks.length);
  });

  it('a changed timing moves the tasks to the transition phase and keeps their status, owner and notes', async () => {
    const { visma } = await economyLandscape();
    await decide({
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'before_merger',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
    });
    const task = (await t.owner.inject(`${base}/tasks?phase=4`))
      .json()
      .tasks.find((item: { catalogItemId: string }) => item.catalogItemId === economyTasks[0]!.id);
    const edited = await t.owner.inject({
      method: 'PATCH',
      url: `${base}/tasks/${task.id}`,
      payload: { version: task.version, status: 'in_progress', responsible: 'Økonomisjefen', notes: 'Startet' },
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const moved = await decide({
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'transition',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await t.owner.inject(`${base}/tasks/${task.id}`)).json();
    expect(after).toMatchObject({ phase: 5, activityId: 'fase-5-akt-3', status: 'in_progress', responsible: 'Økonomisjefen', notes: 'Startet' });
    const phase5 = (await t.owner.inject(`${base}/tasks?phase=5`)).json().tasks;
    expect(phase5.filter((item: { catalogItemId: string }) => economyTasks.some((e) => e.id === item.catalogItemId))).toHaveLength(economyTasks.length);
    const history = (await t.owner.inject(`${base}/audit?entity=task&entityId=${task.id}`)).json().entries;
    // Its dates followed phase 4 (Samla set them): they go to the transition's in the same change (issue 18).
    expect(history[0].changes).toEqual([
      { field: 'phase', old: 4, new: 5 },
      { field: 'plannedStart', old: '2027-04-01', new: '2028-01-01' },
      { field: 'dueDate', old: '2027-12-31', new: '2028-12-31' },
    ]);
  });

  it('refuses a decision that does not hold, with the field it concerns, and leaves nothing behind', async () => {
    const { agresso } = await economyLandscape();
    const noTarget = await decide({
      outcome: 'continue',
      timing: 'before_merger',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
    });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().error.code).toBe('DECISION_INVALID');
    expect(noTarget.json().error.details[0].path).toBe('targetSystemId');

    const payroll = await add('systems', { municipalityNumber: '4601', name: 'Lønn', solutionAreaId: 'omrade-personal-og-lonnssystem' });
    const wrongArea = await decide({ outcome: 'adapt', targetSystemId: payroll.id, timing: 'before_merger', state: 'proposed' });
    expect(wrongArea.statusCode).toBe(400);
    expect(wrongArea.json().error.details[0].path).toBe('targetSystemId');

    const badOutcome = await decide({ outcome: 'keep', timing: 'before_merger', state: 'proposed' });
    expect(badOutcome.statusCode).toBe(400);

    const retireWithTarget = await decide({ outcome: 'retire', targetSystemId: agresso.id, timing: 'before_merger', state: 'proposed' });
    expect(retireWithTarget.statusCode).toBe(400);

    expect((await t.owner.inject(`${base}/decisions/${economy}`)).json().decision).toBeNull();
    expect((await t.owner.inject(`${base}/decisions/omrade-finnes-ikke`)).statusCode).toBe(404);
  });

  it('a stale version gets 409, and the decision’s target cannot be deleted from under it', async () => {
    const { visma } = await economyLandscape();
    expect((await decide({ outcome: 'continue', targetSystemId: visma.id, timing: 'before_merger', state: 'proposed' })).statusCode).toBe(200);
    const again = await decide({ outcome: 'retire', timing: 'before_merger', state: 'proposed' });
    expect(again.statusCode).toBe(409);
    const stale = await decide({ outcome: 'retire', timing: 'before_merger', state: 'proposed', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ currentVersion: 1 });

    const deleted = await t.owner.inject({ method: 'DELETE', url: `${base}/inventory/systems/${visma.id}` });
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().error.message).toContain('1 veivalg');
  });

  it('a reader sees decisions but cannot make them; history names who decided', async () => {
    const { visma } = await economyLandscape();
    const reader = await t.createUser('Rita Leser');
    await t.addMember(mergerId, reader, 'reader');
    expect((await reader.inject(`${base}/decisions/${economy}`)).statusCode).toBe(200);
    const denied = await reader.inject({
      method: 'PUT',
      url: `${base}/decisions/${economy}`,
      payload: {
        outcome: 'continue',
        targetSystemId: visma.id,
        timing: 'before_merger',
        state: 'adopted',
        decisionMaker: 'steering_group',
        meetingDate: '2026-11-02',
      },
    });
    expect(denied.statusCode).toBe(403);

    const saved = (
      await decide({
        outcome: 'continue',
        targetSystemId: visma.id,
        timing: 'before_merger',
        state: 'adopted',
        decisionMaker: 'steering_group',
        meetingDate: '2026-11-02',
      })
    ).json();
    const history = (await t.owner.inject(`${base}/audit?entity=decision&entityId=${saved.decision.id}`)).json().entries;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', entityLabel: 'Økonomi- og regnskapssystem', actor: { name: t.owner.name } });
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'outcome', old: null, new: 'continue' },
        { field: 'state', old: null, new: 'adopted' },
      ]),
    );
  });
});

describe('contract deadlines', () => {
  it('follow adopted decisions: the continued system’s contract is transferred, the migrated one’s terminated in time', async () => {
    const { visma, keep, terminate } = await economyLandscape();
    const undecided = (await t.owner.inject(`${base}/contract-deadlines`)).json();
    expect(undecided.contracts.map((c: { action: string }) => c.action)).toEqual(['await_decision', 'await_decision']);

    await decide({
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'before_merger',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
    });
    const decided = (await t.owner.inject(`${base}/contract-deadlines`)).json();
    expect(decided).toMatchObject({ mergerDate: '2028-01-01', transitionEnd: '2029-01-01' });
    // Sorted by deadline: the notice date (three months before the end of 2027) comes first.
    expect(decided.contracts).toMatchObject([
      { contractId: terminate.id, action: 'terminate', deadline: '2027-09-30', status: 'ok', legalReview: false },
      { contractId: keep.id, action: 'transfer', deadline: '2027-12-31', legalReview: true },
    ]);
    expect(decided.contracts[0].systems).toEqual([{ id: expect.any(String), name: 'Agresso', fate: 'migrated' }]);
  });

  it('count from the transition end the schedule gives, when a decision waits for the transition phase', async () => {
    const { visma, terminate } = await economyLandscape();
    await decide({
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'transition',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
    });
    const byDefault = (await t.owner.inject(`${base}/contract-deadlines`)).json();
    expect(byDefault.transitionEnd).toBe('2029-01-01');
    // Needed until 31.12.2028; three months' notice: by the end of September 2028.
    expect(byDefault.contracts.find((c: { contractId: string }) => c.contractId === terminate.id).deadline).toBe('2028-09-30');

    const schedule = (await t.owner.inject(`${base}/schedule`)).json();
    const transition = schedule.phases.find((phase: { number: number }) => phase.number === 5);
    const moved = await t.owner.inject({
      method: 'PATCH',
      url: `${base}/schedule/phases/5`,
      payload: { version: transition.version, start: transition.start, end: '2028-06-30' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const shorter = (await t.owner.inject(`${base}/contract-deadlines`)).json();
    expect(shorter.transitionEnd).toBe('2028-07-01');
    expect(shorter.contracts.find((c: { contractId: string }) => c.contractId === terminate.id).deadline).toBe('2028-03-31');
  });

  it('are an iCalendar file a calendar can read, one all-day event per deadline', async () => {
    const { visma } = await economyLandscape();
    await decide({
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'before_merger',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
    });
    const response = await t.owner.inject(`${base}/contract-deadlines.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const text = response.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const unfolded = text.replaceAll('\r\n ', '');
    const events = unfolded.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(2);
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20270930');
    expect(unfolded).toContain('SUMMARY:Siste dag for oppsigelse: Unit4 – Agresso drift');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20271231');
  });
});

describe('day-one readiness', () => {
  it('counts a critical area as ready once its decision is adopted and its tasks before day one are done', async () => {
    const { visma } = await economyLandscape();
    const initial = (await t.owner.inject(`${base}/decisions/readiness`)).json();
    expect(initial).toMatchObject({ mergerDate: '2028-01-01', daysLeft: 306, ready: 0 });
    expect(initial.criticalTotal).toBeGreaterThan(20);
    expect(initial.missing.find((item: { areaId: string }) => item.areaId === economy)).toMatchObject({
      areaName: 'Økonomi- og regnskapssystem',
      reasons: ['no_decision'],
    });

    await decide({
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'before_merger',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
    });
    const adopted = (await t.owner.inject(`${base}/decisions/readiness`)).json();
    expect(adopted.missing.find((item: { areaId: string }) => item.areaId === economy)).toMatchObject({
      reasons: ['tasks_open'],
      openTasks: economyTasks.length,
    });

    const tasks = (await t.owner.inject(`${base}/decisions/${economy}`)).json().plannedTasks as Array<{ id: string }>;
    for (const task of tasks) {
      const current = (await t.owner.inject(`${base}/tasks/${task.id}`)).json();
      const done = await t.owner.inject({ method: 'PATCH', url: `${base}/tasks/${task.id}`, payload: { version: current.version, status: 'done' } });
      expect(done.statusCode).toBe(200);
    }
    const ready = (await t.owner.inject(`${base}/decisions/readiness`)).json();
    expect(ready.ready).toBe(1);
    expect(ready.missing.some((item: { areaId: string }) => item.areaId === economy)).toBe(false);
  });
});

describe('a critical area deferred to the transition phase', () => {
  const readinessOf = async () => (await t.owner.inject(`${base}/decisions/readiness`)).json();
  const accept = (payload: object, by = t.owner) => by.inject({ method: 'PUT', url: `${base}/decisions/${economy}/deferral-acceptance`, payload });
  const history = async (decisionId: string) =>
    (await t.owner.inject(`${base}/audit?entity=decision&entityId=${decisionId}`)).json().entries as Array<{
      actor: { name: string };
      changes: Array<{ field: string; old: unknown; new: unknown }>;
    }>;

  it('is not ready until the project accepts the deferral (who, when, why, in history); the dashboard says the same', async () => {
    const { visma } = await economyLandscape();
    const deferred = await decide({
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'transition',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
      rationale: 'Bytte midt i budsjettåret er for risikabelt.',
    });
    expect(deferred.statusCode, deferred.body).toBe(200);
    expect(deferred.json().decision).toMatchObject({ defersDayOne: true, deferral: null });
    const before = await readinessOf();
    expect(before.missing.find((item: { areaId: string }) => item.areaId === economy)).toEqual({
      areaId: economy,
      areaName: 'Økonomi- og regnskapssystem',
      reasons: ['deferred'],
      openTasks: 0,
      rationale: 'Bytte midt i budsjettåret er for risikabelt.',
    });
    expect(before.acceptedDeferrals).toEqual([]);
    const overviewArea = async () =>
      (await t.owner.inject(`${base}/decisions`))
        .json()
        .sectors.flatMap((sector: { areas: object[] }) => sector.areas)
        .find((a: { id: string }) => a.id === economy);
    expect((await overviewArea()).decision.deferral).toBe('not_accepted');

    // A reason is required; a stale version is refused.
    const noReason = await accept({ accepted: true, reason: '  ', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.map((detail: { path: string }) => detail.path)).toEqual(['reason']);
    expect((await accept({ accepted: true, reason: 'Avtalen løper til 2028.', version: 99 })).statusCode).toBe(409);

    const accepted = await accept({ accepted: true, reason: 'Avtalen løper til 2028.', version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().decision).toMatchObject({
      version: 2,
      deferral: { acceptedBy: t.owner.name, acceptedAt: '2027-03-01T10:00:00.000Z', acceptedOn: '2027-03-01', reason: 'Avtalen løper til 2028.' },
    });
    const after = await readinessOf();
    expect(after.ready).toBe(before.ready + 1);
    expect(after.missing.some((item: { areaId: string }) => item.areaId === economy)).toBe(false);
    expect(after.acceptedDeferrals).toEqual([
      {
        areaId: economy,
        areaName: 'Økonomi- og regnskapssystem',
        rationale: 'Bytte midt i budsjettåret er for risikabelt.',
        acceptedBy: t.owner.name,
        acceptedAt: '2027-03-01T10:00:00.000Z',
        acceptedOn: '2027-03-01',
        reason: 'Avtalen løper til 2028.',
      },
    ]);
    expect((await overviewArea()).decision.deferral).toBe('accepted');
    const dashboard = (await t.owner.inject(`${base}/dashboard`)).json();
    expect(dashboard.readiness).toMatchObject({ ready: after.ready, acceptedDeferrals: after.acceptedDeferrals });
    const decisionId = accepted.json().decision.id as string;
    expect((await history(decisionId))[0]!.changes).toEqual([
      { field: 'deferralAcceptedByName', old: null, new: t.owner.name },
      { field: 'deferralReason', old: null, new: 'Avtalen løper til 2028.' },
    ]);

    // Withdrawn: not ready again, and history says who took it back.
    const withdrawn = await accept({ accepted: false, version: 2 });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().decision).toMatchObject({ version: 3, deferral: null });
    expect((await readinessOf()).missing.find((item: { areaId: string }) => item.areaId === economy).reasons).toEqual(['deferred']);
    expect((await history(decisionId))[0]!.changes).toEqual([
      { field: 'deferralAcceptedByName', old: t.owner.name, new: null },
      { field: 'deferralReason', old: 'Avtalen løper til 2028.', new: null },
    ]);
  });

  it('is cleared, in history, when the veivalg stops deferring: timing moved before the merger, or no longer adopted', async () => {
    const { visma } = await economyLandscape();
    const payload = {
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'transition',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
    };
    await decide(payload);
    const accepted = (await accept({ accepted: true, reason: 'Godtatt av styringsgruppen.', version: 1 })).json().decision;

    // Another change that still defers keeps the acceptance.
    const reworded = await decide({ ...payload, rationale: 'Ny begrunnelse', version: accepted.version });
    expect(reworded.json().decision.deferral).toMatchObject({ reason: 'Godtatt av styringsgruppen.' });

    const moved = await decide({ ...payload, timing: 'before_merger', version: reworded.json().decision.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().decision).toMatchObject({ defersDayOne: false, deferral: null });
    const entry = (await history(accepted.id))[0]!;
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { field: 'timing', old: 'transition', new: 'before_merger' },
        { field: 'deferralReason', old: 'Godtatt av styringsgruppen.', new: null },
      ]),
    );
    // Back to the transition: the old acceptance does not come back with it.
    const back = await decide({ ...payload, version: moved.json().decision.version });
    expect(back.json().decision).toMatchObject({ defersDayOne: true, deferral: null });
    expect((await readinessOf()).missing.find((item: { areaId: string }) => item.areaId === economy).reasons).toEqual(['deferred']);

    const again = (await accept({ accepted: true, reason: 'Godtatt på nytt.', version: back.json().decision.version })).json().decision;
    const proposed = await decide({ ...payload, state: 'proposed', version: again.version });
    expect(proposed.json().decision.deferral).toBeNull();
    expect((await history(accepted.id))[0]!.changes).toEqual(expect.arrayContaining([{ field: 'deferralReason', old: 'Godtatt på nytt.', new: null }]));
  });

  it('can only be accepted for an adopted veivalg that defers a critical area', async () => {
    const { visma } = await economyLandscape();
    expect((await accept({ accepted: true, reason: 'x', version: 1 })).statusCode).toBe(404);
    await decide({
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'before_merger',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
    });
    const onTime = await accept({ accepted: true, reason: 'x', version: 1 });
    expect(onTime.statusCode).toBe(409);
    expect(onTime.json().error.code).toBe('DEFERRAL_NOT_APPLICABLE');
    await decide({ outcome: 'continue', targetSystemId: visma.id, timing: 'transition', state: 'proposed', version: 1 });
    expect((await accept({ accepted: true, reason: 'x', version: 2 })).json().error.code).toBe('DEFERRAL_NOT_APPLICABLE');
    // A medium area may wait for the transition by default: nothing to accept.
    const medium = 'omrade-losning-for-reiseregninger';
    const mediumDecision = await t.owner.inject({
      method: 'PUT',
      url: `${base}/decisions/${medium}`,
      payload: { outcome: 'retire', timing: 'transition', state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02' },
    });
    expect(mediumDecision.statusCode, mediumDecision.body).toBe(200);
    expect(mediumDecision.json().decision.defersDayOne).toBe(false);
    const refused = await t.owner.inject({
      method: 'PUT',
      url: `${base}/decisions/${medium}/deferral-acceptance`,
      payload: { accepted: true, reason: 'x', version: 1 },
    });
    expect(refused.json().error?.code).toBe('DEFERRAL_NOT_APPLICABLE');
  });
});

describe('who may decide', () => {
  it('members propose; only prosjektleder and eier adopt, change what is adopted, and accept a deferral', async () => {
    const { visma } = await economyLandscape();
    const member = await t.createUser('Mads Medarbeider');
    const lead = await t.createUser('Live Leder');
    await t.addMember(mergerId, member, 'member');
    await t.addMember(mergerId, lead, 'lead');
    const put = (by: typeof member, payload: object, path = '') => by.inject({ method: 'PUT', url: `${base}/decisions/${economy}${path}`, payload });
    const proposal = { outcome: 'continue', targetSystemId: visma.id, timing: 'transition', state: 'proposed' };

    const adopting = await put(member, { ...proposal, state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02' });
    expect(adopting.statusCode).toBe(403);
    expect(adopting.json().error).toMatchObject({ code: 'FORBIDDEN', message: 'Bare prosjektleder og eier kan vedta veivalg.' });
    expect((await put(member, proposal)).statusCode).toBe(200);
    expect((await put(member, { ...proposal, rationale: 'Endret forslag', version: 1 })).statusCode).toBe(200);
    expect((await put(member, { ...proposal, state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02', version: 2 })).statusCode).toBe(403);

    const adopted = await put(lead, { ...proposal, state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02', version: 2 });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json().decision.decidedBy).toBe('Live Leder');
    const changing = await put(member, { ...proposal, version: 3 });
    expect(changing.statusCode).toBe(403);
    expect(changing.json().error.message).toBe('Bare prosjektleder og eier kan endre et vedtatt veivalg.');
    expect(
      (await put(member, { ...proposal, state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02', rationale: 'x', version: 3 })).statusCode,
    ).toBe(403);

    const memberAccepts = await put(member, { accepted: true, reason: 'Medarbeideren synes det er greit.', version: 3 }, '/deferral-acceptance');
    expect(memberAccepts.statusCode).toBe(403);
    const leadAccepts = await put(lead, { accepted: true, reason: 'Styringsgruppen godtok det 01.03.', version: 3 }, '/deferral-acceptance');
    expect(leadAccepts.statusCode, leadAccepts.body).toBe(200);
    expect(leadAccepts.json().decision.deferral.acceptedBy).toBe('Live Leder');
    expect((await put(member, { accepted: false, version: 4 }, '/deferral-acceptance')).statusCode).toBe(403);
    // The merger detail tells the web which role may decide.
    expect((await member.inject(`${base}`)).json().myPermissions).not.toContain('decide');
    expect((await lead.inject(`${base}`)).json().myPermissions).toContain('decide');
  });
});

describe('the integration landscape', () => {
  it('has systems and common solutions as nodes, filters by municipality, and marks what a decision breaks', async () => {
    const { visma, vismaToo, agresso, toAltinn } = await economyLandscape();
    const between = await add('integrations', { municipalityNumber: '4626', fromSystemId: vismaToo.id, toSystemId: vismaToo.id, method: 'file' });
    const whole = (await t.owner.inject(`${base}/integration-graph`)).json();
    expect(whole.nodes.map((node: { id: string }) => node.id).sort()).toEqual([visma.id, vismaToo.id, agresso.id, 'cs:altinn'].sort());
    expect(whole.edges).toHaveLength(2);
    expect(whole.edges.every((edge: { breaks: boolean }) => !edge.breaks)).toBe(true);

    await decide({
      outcome: 'continue',
      targetSystemId: visma.id,
      timing: 'before_merger',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
    });
    const one = (await t.owner.inject(`${base}/integration-graph?municipality=4631`)).json();
    expect(one.nodes.map((node: { id: string }) => node.id).sort()).toEqual([agresso.id, 'cs:altinn'].sort());
    expect(one.edges).toEqual([expect.objectContaining({ id: toAltinn.id, from: agresso.id, to: 'cs:altinn', breaks: true })]);
    expect(one.nodes.find((node: { id: string }) => node.id === agresso.id).fate).toBe('migrated');

    const byArea = (await t.owner.inject(`${base}/integration-graph?area=${economy}&municipality=4626`)).json();
    expect(byArea.edges.map((edge: { id: string }) => edge.id)).toEqual([between.id]);
    expect((await t.owner.inject(`${base}/integration-graph?municipality=abc`)).statusCode).toBe(400);
  });
});

describe('the decision log in the merger’s document language', () => {
  it('writes a nynorsk merger’s log with nynorsk sheet name, headers, values and the library’s area names', async () => {
    const decided = await t.owner.inject({
      method: 'PUT',
      url: `${base}/decisions/omrade-okonomi-og-regnskapssystem`,
      payload: { outcome: 'procure', timing: 'before_merger', state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2027-02-01' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    await t.database.db.update(mergers).set({ documentLanguage: 'nn' }).where(eq(mergers.id, mergerId));

    const response = await t.owner.inject(`${base}/decisions/export.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Vegval')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Vegval og vedtak');
    const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 7)).toEqual(['Sektor', 'Løysingsområde', 'Vegval', 'Målsystem', 'Når på plass', 'Tilstand', 'Vedteke av']);
    const row = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
    expect(row[2]).toBe('Skaffe nytt');
    expect(row[5]).toBe('Vedteke');
    // The library's area in Samla's nynorsk translation, not its bokmål name.
    expect(row[1]).not.toBe(
      loadCatalog()
        .sectors.flatMap((sector) => sector.solutionAreas)
        .find((area) => area.id === 'omrade-okonomi-og-regnskapssystem')!.name,
    );
  });
});
