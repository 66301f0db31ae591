import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

// Issue 18, finding 1: a contract that runs out while its system is still needed
// must say so, with the last day to extend it, and turn red when that day has passed.

let t: TestApp;
let mergerId: string;
let base: string;
let now: Date;

const epj = 'omrade-pasientjournalsystemer';
const economy = 'omrade-okonomi-og-regnskapssystem';

async function add(kind: string, payload: object): Promise<string> {
  const response = await t.owner.inject({ method: 'POST', url: `${base}/inventory/${kind}`, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function decide(area: string, payload: object) {
  const response = await t.owner.inject({
    method: 'PUT',
    url: `${base}/decisions/${area}`,
    payload: { ...payload, state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02' },
  });
  expect(response.statusCode, response.body).toBe(200);
}

beforeEach(async () => {
  now = new Date('2026-12-01T10:00:00Z');
  t = await createTestApp({ now: () => now });
  // Merger 01.01.2028; the transition phase ends 31.12.2028 by default.
  mergerId = await t.createMerger({ mergerDate: '2028-01-01', municipalities: ['4601', '4626'] });
  base = `/api/v1/mergers/${mergerId}`;
});
afterEach(async () => {
  await t.close();
});

describe('a contract that runs out while its system is still needed', () => {
  it('must be extended by its notice date when the system is replaced in the transition, and is red once that day has passed', async () => {
    const profil = await add('systems', { municipalityNumber: '4626', name: 'Visma Profil', solutionAreaId: epj });
    const contractId = await add('contracts', {
      municipalityNumber: '4626',
      vendor: 'Visma',
      subject: 'Profil (EPJ)',
      endDate: '2027-08-31',
      noticePeriodMonths: 6,
      systemIds: [profil],
    });
    // «Anskaffe nytt, i overgangsfasen»: Visma Profil is needed until the day before the transition ends.
    await decide(epj, { outcome: 'procure', timing: 'transition' });

    const listed = (await t.owner.inject(`${base}/contract-deadlines`)).json();
    expect(listed.transitionEnd).toBe('2029-01-01');
    expect(listed.contracts.find((c: { contractId: string }) => c.contractId === contractId)).toMatchObject({
      action: 'extend_until_retired',
      // Six months' notice before 31.08.2027.
      deadline: '2027-02-28',
      neededUntil: '2028-12-31',
      endDate: '2027-08-31',
      status: 'due_soon',
      legalReview: false,
    });

    now = new Date('2027-03-01T10:00:00Z');
    const late = (await t.owner.inject(`${base}/contract-deadlines`)).json();
    expect(late.contracts.find((c: { contractId: string }) => c.contractId === contractId)).toMatchObject({
      action: 'extend_until_retired',
      deadline: '2027-02-28',
      status: 'overdue',
    });
  });

  it('must be extended before the merger when the system goes on, and still needs a legal review to transfer', async () => {
    const kept = await add('systems', { municipalityNumber: '4601', name: 'Visma Økonomi', solutionAreaId: economy });
    const contractId = await add('contracts', {
      municipalityNumber: '4601',
      vendor: 'Visma',
      subject: 'Økonomi',
      endDate: '2027-06-30',
      changeClause: 'unknown',
      systemIds: [kept],
    });
    await decide(economy, { outcome: 'continue', targetSystemId: kept, timing: 'before_merger' });
    const listed = (await t.owner.inject(`${base}/contract-deadlines`)).json();
    expect(listed.contracts.find((c: { contractId: string }) => c.contractId === contractId)).toMatchObject({
      action: 'extend_before_merger',
      // The notice period is unknown: the end date itself, and a note that it may be earlier.
      deadline: '2027-06-30',
      neededUntil: null,
      flags: ['notice_period_unknown'],
      legalReview: true,
      status: 'ok',
    });
  });

  it('shows up among the deadlines of the next days on the dashboard', async () => {
    const profil = await add('systems', { municipalityNumber: '4626', name: 'Visma Profil', solutionAreaId: epj });
    await add('contracts', {
      municipalityNumber: '4626',
      vendor: 'Visma',
      subject: 'Profil (EPJ)',
      endDate: '2027-08-31',
      noticePeriodMonths: 6,
      systemIds: [profil],
    });
    await decide(epj, { outcome: 'procure', timing: 'transition' });
    now = new Date('2027-02-10T10:00:00Z');
    const dashboard = (await t.owner.inject(`${base}/dashboard`)).json();
    expect(dashboard.upcoming.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'contract_deadline', date: '2027-02-28', title: 'Visma: Profil (EPJ)' })]),
    );
  });
});

describe('the OpenAPI document', () => {
  it('lists the actions to extend and the day a system is needed until', async () => {
    const spec = (await t.owner.inject('/api/v1/openapi.json')).json();
    const schema = spec.paths['/api/v1/mergers/{mergerId}/contract-deadlines'].get.responses['200'].content['application/json'].schema;
    const item = schema.properties.contracts.items;
    expect(item.properties.action.enum).toEqual(['await_decision', 'transfer', 'extend_before_merger', 'extend_until_retired', 'let_expire', 'terminate']);
    expect(item.properties.neededUntil).toBeDefined();
    expect(item.required).toEqual(expect.arrayContaining(['action', 'deadline', 'neededUntil', 'status']));
  });
});

describe('the calendar of contract deadlines', () => {
  it('names the municipality and writes dates as Norwegians do', async () => {
    const profil = await add('systems', { municipalityNumber: '4626', name: 'Visma Profil', solutionAreaId: epj });
    await add('contracts', {
      municipalityNumber: '4626',
      vendor: 'Visma',
      subject: 'Profil (EPJ)',
      endDate: '2027-08-31',
      noticePeriodMonths: 6,
      systemIds: [profil],
    });
    await decide(epj, { outcome: 'procure', timing: 'transition' });

    for (const path of ['contract-deadlines.ics', 'calendar.ics']) {
      const response = await t.owner.inject(`${base}/${path}`);
      expect(response.statusCode).toBe(200);
      const unfolded = response.body.replaceAll('\r\n ', '');
      const event = unfolded.split('BEGIN:VEVENT').find((text) => text.includes('Visma – Profil'))!;
      expect(event).toContain('DTSTART;VALUE=DATE:20270228');
      expect(event).toContain('SUMMARY:Siste dag for å forlenge: Visma – Profil (EPJ)');
      const description = /DESCRIPTION:(.*)\r\n/.exec(event)![1]!.replaceAll('\\n', '\n').replaceAll('\\,', ',');
      expect(description.split('\n')).toEqual([
        'Kommune: Øygarden',
        'Løper ut før systemet kan avvikles — må forlenges innen 28.02.2027',
        'Systemer: Visma Profil',
        'Avtalen utløper 31.08.2027',
        'Systemet trengs til 31.12.2028',
      ]);
      // No municipality number and no ISO date for a person to decode.
      expect(event).not.toMatch(/Kommune \d{4}/);
      expect(description).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });
});
