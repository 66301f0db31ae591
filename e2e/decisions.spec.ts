import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AreaDecision, ContractDeadlines } from '#shared/contracts/decisions.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Veivalg in the browser against the real server: three municipalities' economy systems,
// an adopted «Videreføre» made with the keyboard, and what follows from it: the area's tasks
// in phase 4 of the plan, notices for the other systems' contracts, and, once the tasks are
// done, one more critical area ready for day one.

const economy = 'omrade-okonomi-og-regnskapssystem';
const economyName = 'Økonomi- og regnskapssystem';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let merger: MergerDetail;
const systems: Record<string, string> = {};
const contracts: Record<string, string> = {};

async function add(kind: string, payload: object): Promise<string> {
  const response = await api.request('POST', `/mergers/${merger.id}/inventory/${kind}`, payload);
  if (response.status !== 201) throw new Error(`POST ${kind} gave ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  const created = await createMergerViaApi(api, {
    name: 'Veivalgprøve',
    newMunicipalityName: 'Nye Nordhordland',
    mergerDate: '2030-01-01',
    municipalities: ['4601', '4626', '4631'],
  });
  merger = (await (await api.request('GET', `/mergers/${created.id}`)).json()) as MergerDetail;

  // A realistic start: each municipality runs its own economy system on a contract with a notice period.
  systems.bergen = await add('systems', {
    municipalityNumber: '4601',
    name: 'Visma Økonomi',
    vendor: 'Visma',
    product: 'Visma Enterprise',
    solutionAreaId: economy,
    userCount: 420,
    hosting: 'saas',
  });
  systems.oygarden = await add('systems', {
    municipalityNumber: '4626',
    name: 'Økonomi',
    vendor: 'Visma',
    product: 'Visma Enterprise',
    solutionAreaId: economy,
    userCount: 90,
    hosting: 'vendor',
  });
  systems.alver = await add('systems', {
    municipalityNumber: '4631',
    name: 'Agresso',
    vendor: 'Unit4',
    product: 'Agresso',
    solutionAreaId: economy,
    userCount: 75,
    hosting: 'local',
  });
  contracts.bergen = await add('contracts', {
    municipalityNumber: '4601',
    vendor: 'Visma',
    subject: 'Visma Enterprise',
    endDate: '2031-12-31',
    noticePeriodMonths: 6,
    changeClause: 'transfers',
    systemIds: [systems.bergen],
  });
  contracts.oygarden = await add('contracts', {
    municipalityNumber: '4626',
    vendor: 'Visma',
    subject: 'Økonomisystem',
    endDate: '2030-06-30',
    noticePeriodMonths: 3,
    systemIds: [systems.oygarden],
  });
  contracts.alver = await add('contracts', {
    municipalityNumber: '4631',
    vendor: 'Unit4',
    subject: 'Agresso drift og lisens',
    endDate: '2030-12-31',
    noticePeriodMonths: 12,
    systemIds: [systems.alver],
  });
  await add('integrations', { municipalityNumber: '4631', fromSystemId: systems.alver, commonSolutionId: 'altinn' });
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const main = () => page.getByRole('main');

async function readyCount(): Promise<number> {
  const text = await main().getByTestId('readiness-summary').innerText();
  const match = /^(\d+) av (\d+) kritiske områder er klare til dag én$/.exec(text.trim());
  if (!match) throw new Error(`unexpected readiness text: ${text}`);
  return Number(match[1]);
}

describe('Veivalg', () => {
  it('adopts «Videreføre» for the economy area with the keyboard, and the plan, contracts and readiness follow', async () => {
    await signInThroughPage(page, admin, `/sammenslainger/${merger.id}/veivalg`);
    await page.getByRole('heading', { level: 1, name: 'Veivalg' }).waitFor();
    await main().getByTestId('readiness-summary').waitFor();
    const readyBefore = await readyCount();
    // The economy area is critical and has no decision: it is listed as missing.
    const readiness = page.getByRole('region', { name: 'Klar til dag én' });
    await readiness.getByRole('listitem').filter({ hasText: economyName }).getByText('ingen veivalg', { exact: false }).waitFor();
    const row = main().getByRole('row', { name: new RegExp(economyName) });
    await row.getByText('Kritisk').waitFor();
    await row.getByText('Ikke besluttet').waitFor();
    await expectNoAxeViolations(page, 'Veivalg overview');

    await main().getByRole('table').getByRole('link', { name: economyName }).click();
    await page.getByRole('heading', { level: 1, name: economyName }).waitFor();
    const systemsTable = main().getByRole('table', { name: /Systemer i/ });
    await systemsTable.getByRole('link', { name: 'Agresso' }).waitFor();
    expect(await systemsTable.getByText('Ikke besluttet').count()).toBe(3);
    await main().getByRole('button', { name: /Bruk .* som forslag/ }).first().waitFor();
    await expectNoAxeViolations(page, 'economy area');

    const area = (await (await api.request('GET', `/mergers/${merger.id}/decisions/${economy}`)).json()) as AreaDecision;
    const seedTitles = area.area.tasks.map((task) => task.title);
    expect(seedTitles.length).toBeGreaterThan(0);

    // The decision, with the keyboard: Space picks a radio, the target is a native select.
    await page.getByRole('radio', { name: 'Videreføre' }).focus();
    await page.keyboard.press('Space');
    const target = page.getByLabel('Målsystem');
    await target.focus();
    await target.selectOption({ label: 'Visma Økonomi (Bergen)' });
    await page.getByRole('radio', { name: 'Før sammenslåingen' }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Begrunnelse').focus();
    await page.keyboard.type('Flest brukere, og to kommuner har samme produkt.');
    await page.getByRole('radio', { name: 'Vedtatt' }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Vedtatt' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Lagre veivalget' }).focus();
    await page.keyboard.press('Enter');

    await main().getByText('Veivalget er lagret.').waitFor();
    await page.getByTestId('live-announcer').getByText(`Veivalget for ${economyName} er vedtatt.`, { exact: false }).waitFor();
    await main().getByTestId('decided-by').waitFor();
    const planned = main().getByRole('table', { name: 'Oppgaver fra veivalget' });
    for (const title of seedTitles) await planned.getByRole('link', { name: title, exact: true }).waitFor();
    expect(await planned.getByRole('link', { name: 'Fase 4' }).count()).toBe(seedTitles.length);
    const fates = main().getByRole('table', { name: /Systemer i/ });
    await fates.getByRole('row', { name: /Visma Økonomi/ }).getByText('Videreføres').waitFor();
    await fates.getByRole('row', { name: /Agresso/ }).getByText('Migreres (datakonvertering)').waitFor();
    await main().getByRole('table', { name: 'Integrasjoner som må etableres på nytt' }).getByText('Agresso', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'economy area after adopting');

    // The plan: the area's tasks are in phase 4 of the checklist.
    await page.goto(`/sammenslainger/${merger.id}/sjekkliste?fase=4`);
    await page.getByRole('heading', { level: 1, name: /^Fase 4:/ }).waitFor();
    for (const title of seedTitles) await main().getByRole('link', { name: title, exact: true }).first().waitFor();
    await expectNoAxeViolations(page, 'checklist phase 4');

    // Contract deadlines: the systems that are migrated away have contracts to terminate.
    const deadlines = (await (await api.request('GET', `/mergers/${merger.id}/contract-deadlines`)).json()) as ContractDeadlines;
    const action = (id: string) => deadlines.contracts.find((contract) => contract.contractId === id);
    expect(action(contracts.oygarden!)).toMatchObject({ action: 'terminate', deadline: expect.any(String) });
    expect(action(contracts.alver!)).toMatchObject({ action: 'terminate', deadline: expect.any(String) });
    expect(action(contracts.bergen!)?.action).not.toBe('terminate');

    // The planned tasks done (through the API): one more critical area ready for day one.
    const after = (await (await api.request('GET', `/mergers/${merger.id}/decisions/${economy}`)).json()) as AreaDecision;
    for (const task of after.plannedTasks) {
      const current = (await (await api.request('GET', `/mergers/${merger.id}/tasks/${task.id}`)).json()) as { version: number };
      const done = await api.request('PATCH', `/mergers/${merger.id}/tasks/${task.id}`, { version: current.version, status: 'done' });
      expect(done.status, await done.clone().text()).toBe(200);
    }
    await page.goto(`/sammenslainger/${merger.id}/veivalg`);
    await main().getByTestId('readiness-summary').waitFor();
    expect(await readyCount()).toBe(readyBefore + 1);
    expect(await page.getByRole('region', { name: 'Klar til dag én' }).getByRole('link', { name: economyName }).count()).toBe(0);
    const decided = main().getByRole('row', { name: new RegExp(economyName) });
    await decided.getByText('Vedtatt').waitFor();
    await decided.getByText('Visma Økonomi').waitFor();
    await expectNoAxeViolations(page, 'Veivalg overview after the tasks are done');
  });
});
