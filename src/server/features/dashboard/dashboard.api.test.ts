import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, exampleIndicator, type TestApp } from '#server/test/test-app.ts';

let t: TestApp;
let mergerId: string;
let base: string;
let clock: Date;

const economy = 'omrade-okonomi-og-regnskapssystem';
const payroll = 'omrade-personal-og-lonnssystem';

beforeEach(async () => {
  // A fixed «today», 2027-09-20 in Oslo; the merger is on 2028-01-01.
  clock = new Date('2027-09-20T10:00:00Z');
  t = await createTestApp({ now: () => clock });
  mergerId = await t.createMerger({ mergerDate: '2028-01-01', municipalities: ['4601', '4626', '4631'] });
  base = `/api/v1/mergers/${mergerId}`;
});
afterEach(async () => {
  await t.close();
});

async function post(url: string, payload: object): Promise<{ id: string } & Record<string, unknown>> {
  const response = await t.owner.inject({ method: 'POST', url: `${base}${url}`, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function setDueDate(task: { id: string; version: number }, dueDate: string) {
  const response = await t.owner.inject({ method: 'PATCH', url: `${base}/tasks/${task.id}`, payload: { version: task.version, dueDate } });
  expect(response.statusCode, response.body).toBe(200);
}

describe('GET /api/v1/mergers/{mergerId}/dashboard', () => {
  it('shows each figure: days left, progress, readiness, overdue, the next 30 days, red risks and benefits behind', async () => {
    const tasks: Array<{ id: string; title: string; version: number }> = (await t.owner.inject(`${base}/tasks`)).json().tasks;
    const [tomorrow, late] = [tasks[0]!, tasks[1]!];
    await setDueDate(tomorrow, '2027-09-21');
    await setDueDate(late, '2027-09-01');

    const milestone = await post('/schedule/milestones', { title: 'Fellesnemndas møte', date: '2027-09-30', kind: 'joint_committee_meeting' });

    const agresso = await post('/inventory/systems', { municipalityNumber: '4631', name: 'Agresso', vendor: 'Unit4', solutionAreaId: economy });
    const visma = await post('/inventory/systems', { municipalityNumber: '4601', name: 'Visma Økonomi', vendor: 'Visma', solutionAreaId: economy });
    const contract = await post('/inventory/contracts', {
      municipalityNumber: '4631',
      vendor: 'Unit4',
      subject: 'Agresso drift',
      noticePeriodMonths: 3,
      systemIds: [agresso.id],
    });
    const decided = await t.owner.inject({
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
    expect(decided.statusCode, decided.body).toBe(200);

    const red = await post('/risks', { title: 'Lønn utbetales ikke', likelihood: 5, consequences: { serviceDelivery: 5 } });
    await post('/risks', { title: 'Liten risiko', likelihood: 1, consequences: { economy: 1 } });

    const { benefit } = (await post('/benefits', { title: 'Færre manuelle søknader', type: 'time' })) as unknown as { benefit: { id: string } };
    await post('/benefits', { title: 'I rute', type: 'quality' });
    const { indicators } = (await post(`/benefits/${benefit.id}/indicators`, exampleIndicator)) as unknown as { indicators: Array<{ id: string }> };
    await post(`/benefits/${benefit.id}/indicators/${indicators[0]!.id}/measurements`, { measuredOn: '2027-09-01', value: 22 });

    const response = await t.owner.inject(`${base}/dashboard`);
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json();

    expect(dashboard.merger).toMatchObject({ id: mergerId, mergerDate: '2028-01-01' });
    expect(dashboard.today).toBe('2027-09-20');
    expect(dashboard.daysLeft).toBe(103);

    expect(dashboard.progress.phases).toHaveLength(6);
    expect(dashboard.progress.phases[0]).toMatchObject({ number: 1, done: 0, percent: 0 });
    expect(dashboard.progress.total).toBeGreaterThan(0);

    expect(dashboard.readiness.criticalTotal).toBeGreaterThan(0);
    expect(dashboard.readiness.missing.length).toBeLessThanOrEqual(5);
    expect(dashboard.readiness.missingCount).toBe(dashboard.readiness.criticalTotal - dashboard.readiness.ready);

    expect(dashboard.overdue).toEqual({ count: 1, tasks: [{ id: late.id, title: late.title, dueDate: '2027-09-01', phase: expect.any(Number) }] });

    expect(dashboard.upcoming).toMatchObject({ from: '2027-09-20', to: '2027-10-19' });
    expect(dashboard.upcoming.items).toEqual([
      { kind: 'task', date: '2027-09-21', title: tomorrow.title, targetId: tomorrow.id },
      { kind: 'milestone', date: '2027-09-30', title: 'Fellesnemndas møte', targetId: milestone.id },
      { kind: 'contract_deadline', date: '2027-09-30', title: 'Unit4: Agresso drift', targetId: contract.id },
    ]);

    expect(dashboard.risks).toMatchObject({ total: 2, unassessed: 0, red: { classKey: 'high', className: 'Høy', inherent: 1, residual: 1 } });
    expect(dashboard.risks.inherent[4][4]).toBe(1);
    expect(red.id).toEqual(expect.any(String));

    expect(dashboard.benefits).toEqual({ total: 2, behindCount: 1, behind: [{ id: benefit.id, title: 'Færre manuelle søknader', behindCount: 1 }] });
  });

  it('lists in the next 30 days exactly the contracts whose deadline the contract list puts in them', async () => {
    const system = (municipalityNumber: string, name: string, solutionAreaId: string) =>
      post('/inventory/systems', { municipalityNumber, name, vendor: name, solutionAreaId });
    const contract = (vendor: string, systemId: string, facts: { endDate?: string; noticePeriodMonths?: number }) =>
      post('/inventory/contracts', { municipalityNumber: '4631', vendor, systemIds: [systemId], ...facts });
    const decide = async (area: string, targetSystemId: string, timing: 'before_merger' | 'transition') => {
      const response = await t.owner.inject({
        method: 'PUT',
        url: `${base}/decisions/${area}`,
        payload: { outcome: 'continue', targetSystemId, timing, state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02' },
      });
      expect(response.statusCode, response.body).toBe(200);
    };
    const agresso = await system('4631', 'Agresso', economy);
    const visma = await system('4601', 'Visma Økonomi', economy);
    const oldPayroll = await system('4631', 'Gamle lønn', payroll);
    const newPayroll = await system('4601', 'Nye lønn', payroll);
    await decide(economy, visma.id, 'before_merger');
    await decide(payroll, newPayroll.id, 'transition');

    // Agresso is needed until 2027-12-31, the old payroll system until the end of the transition (2028-12-31).
    const notice = await contract('Varsel i vinduet', agresso.id, { noticePeriodMonths: 3 }); // notice by 2027-09-30
    await contract('Varsel etter vinduet', agresso.id, { noticePeriodMonths: 2 }); // 2027-10-31
    const expires = await contract('Løper ut i vinduet', agresso.id, { endDate: '2027-10-05' });
    await contract('Løper ut etter vinduet', agresso.id, { endDate: '2027-10-25' });
    await contract('Ukjent oppsigelsestid', agresso.id, {});
    const longNotice = await contract('Lang oppsigelsestid', oldPayroll.id, { noticePeriodMonths: 15 }); // 2027-09-30
    const transfer = await contract('Overføres', visma.id, { noticePeriodMonths: 3 }); // transfer by 2027-12-31

    const contractItems = async () => {
      const dashboard = (await t.owner.inject(`${base}/dashboard`)).json();
      const { contracts } = (await t.owner.inject(`${base}/contract-deadlines`)).json();
      const { from, to } = dashboard.upcoming;
      const listed = contracts
        .filter((row: { deadline: string | null }) => row.deadline !== null && row.deadline >= from && row.deadline <= to)
        .map((row: { contractId: string; deadline: string }) => ({ id: row.contractId, date: row.deadline }));
      const shown = dashboard.upcoming.items
        .filter((item: { kind: string }) => item.kind === 'contract_deadline')
        .map((item: { targetId: string; date: string }) => ({ id: item.targetId, date: item.date }));
      expect(shown).toEqual(expect.arrayContaining(listed));
      expect(shown).toHaveLength(listed.length);
      return shown;
    };

    // By date, then by title («Lang …» before «Varsel …»).
    expect(await contractItems()).toEqual([
      { id: longNotice.id, date: '2027-09-30' },
      { id: notice.id, date: '2027-09-30' },
      { id: expires.id, date: '2027-10-05' },
    ]);
    // In the last days before the merger every contract that transfers falls due.
    clock = new Date('2027-12-10T10:00:00Z');
    expect(await contractItems()).toEqual([{ id: transfer.id, date: '2027-12-31' }]);
  });

  it("counts benefits behind plan by their indicators' latest measurements, as the benefit list does", async () => {
    const benefit = async (title: string) => ((await post('/benefits', { title, type: 'time' })) as unknown as { benefit: { id: string } }).benefit;
    const indicator = async (benefitId: string) =>
      ((await post(`/benefits/${benefitId}/indicators`, exampleIndicator)) as unknown as { indicators: Array<{ id: string }> }).indicators.at(-1)!.id;
    const measure = (benefitId: string, indicatorId: string, measuredOn: string, value: number) =>
      post(`/benefits/${benefitId}/indicators/${indicatorId}/measurements`, { measuredOn, value });

    const caughtUp = await benefit('Tok seg inn igjen');
    const caughtUpIndicator = await indicator(caughtUp.id);
    await measure(caughtUp.id, caughtUpIndicator, '2027-09-01', 50);
    await measure(caughtUp.id, caughtUpIndicator, '2027-06-01', 20); // older and behind: not what counts

    const twice = await benefit('Bak på to indikatorer');
    for (const id of [await indicator(twice.id), await indicator(twice.id)]) await measure(twice.id, id, '2027-09-01', 21);
    const unmeasured = await benefit('Ikke målt ennå');
    await indicator(unmeasured.id);
    await benefit('Uten indikatorer');

    const dashboard = (await t.owner.inject(`${base}/dashboard`)).json();
    const list = (await t.owner.inject(`${base}/benefits`)).json();
    expect(dashboard.benefits).toEqual({ total: 4, behindCount: 1, behind: [{ id: twice.id, title: 'Bak på to indikatorer', behindCount: 2 }] });
    expect(dashboard.benefits.behind).toEqual(
      list.benefits
        .filter((row: { behindCount: number }) => row.behindCount > 0)
        .map(({ id, title, behindCount }: { id: string; title: string; behindCount: number }) => ({ id, title, behindCount })),
    );
  });

  it('shows the risk heatmap the risk pages show, risks with the same levels counted each', async () => {
    for (const title of ['Én', 'To', 'Tre']) await post('/risks', { title, likelihood: 4, consequences: { economy: 5 } });
    await post('/risks', { title: 'Ikke vurdert', consequences: {} });
    const dashboard = (await t.owner.inject(`${base}/dashboard`)).json();
    const heatmap = (await t.owner.inject(`${base}/risk-heatmap`)).json();
    expect(dashboard.risks).toMatchObject({ total: 4, unassessed: 1, inherent: heatmap.inherent, residual: heatmap.residual });
    expect(dashboard.risks.inherent[3][4]).toBe(3);
  });

  it('answers a reader, and as not found for someone outside the merger', async () => {
    const reader = await t.createUser('Rita Leser');
    await t.addMember(mergerId, reader, 'reader');
    expect((await reader.inject(`${base}/dashboard`)).statusCode).toBe(200);
    const outsider = await t.createUser('Ola Utenfor');
    expect((await outsider.inject(`${base}/dashboard`)).statusCode).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const spec = (await t.owner.inject('/api/v1/openapi.json')).json();
    expect(spec.paths['/api/v1/mergers/{mergerId}/dashboard'].get).toBeDefined();
  });
});
