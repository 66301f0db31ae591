import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 18 in the browser: contracts that run out while their system is still needed
// (finding 1), and the Avtalefrister page on a phone (390 × 844) as well as at 1366.
// The dates are far enough ahead or behind that the statuses hold for years.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let mergerId: string;

const economy = 'omrade-okonomi-og-regnskapssystem';
const epj = 'omrade-pasientjournalsystemer';

async function add(kind: string, body: object): Promise<{ id: string }> {
  const response = await api.request('POST', `/mergers/${mergerId}/inventory/${kind}`, body);
  if (response.status !== 201) throw new Error(`POST ${kind} gave ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string };
}

async function decide(area: string, body: object): Promise<void> {
  const response = await api.request('PUT', `/mergers/${mergerId}/decisions/${area}`, {
    ...body,
    state: 'adopted',
    decisionMaker: 'steering_group',
    meetingDate: '2026-11-02',
  });
  if (response.status !== 200) throw new Error(`PUT decision gave ${response.status}: ${await response.text()}`);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  const merger = await createMergerViaApi(api, {
    name: 'Avtaleprøve',
    newMunicipalityName: 'Nye Vestland',
    mergerDate: '2030-01-01',
    municipalities: ['4601', '4626', '4631'],
  });
  mergerId = merger.id;

  // EPJ replaced in the transition (over 31.12.2030): Visma Profil is needed until then, but its contract ends 31.08.2029.
  const profil = await add('systems', { municipalityNumber: '4626', name: 'Visma Profil', vendor: 'Visma', solutionAreaId: epj });
  await add('contracts', {
    municipalityNumber: '4626',
    vendor: 'Visma',
    subject: 'Profil pasientjournal med drift, lisens og vedlikehold',
    endDate: '2029-08-31',
    noticePeriodMonths: 6,
    systemIds: [profil.id],
  });
  await decide(epj, { outcome: 'procure', timing: 'transition' });

  // Economy: Visma Økonomi goes on, but its contract ended 30.06.2026; Agresso is migrated into it.
  const visma = await add('systems', { municipalityNumber: '4601', name: 'Visma Økonomi', vendor: 'Visma', solutionAreaId: economy });
  const agresso = await add('systems', { municipalityNumber: '4631', name: 'Agresso', vendor: 'Unit4', solutionAreaId: economy });
  await add('contracts', {
    municipalityNumber: '4601',
    vendor: 'Visma',
    subject: 'Økonomisystem',
    endDate: '2026-06-30',
    noticePeriodMonths: 3,
    changeClause: 'transfers',
    systemIds: [visma.id],
  });
  await add('contracts', { municipalityNumber: '4631', vendor: 'Unit4', subject: 'Agresso drift', noticePeriodMonths: 3, systemIds: [agresso.id] });
  await decide(economy, { outcome: 'continue', targetSystemId: visma.id, timing: 'before_merger' });

  await signInThroughPage(page, admin, `/sammenslainger/${mergerId}`);
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

/** Whether anything makes the page scroll sideways. */
async function horizontalOverflow(): Promise<{ scrollWidth: number; innerWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    // What sticks out, to say in the failure which element is too wide.
    const widest = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > innerWidth + 0.5)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} right=${Math.round(element.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, widest };
  });
}

async function openPage(): Promise<void> {
  await page.goto(`/sammenslainger/${mergerId}/avtalefrister`);
  await page.getByRole('heading', { level: 1, name: 'Avtalefrister' }).waitFor();
  await main().getByText('Viser 3 av 3 avtaler.').waitFor();
}

describe('contracts that run out while their system is still needed', () => {
  it('say so with the day to extend, red once it has passed, and can be filtered', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await openPage();
    const table = page.getByRole('table', { name: 'Avtalene sortert etter frist, den nærmeste først' });

    const profil = table.getByRole('row', { name: /Profil pasientjournal/ });
    await profil.getByText('Løper ut før systemet kan avvikles — må forlenges innen 28.02.2029').waitFor();
    await profil.getByText('Systemet trengs til 31.12.2030').waitFor();
    await profil.getByText('God tid').waitFor();

    const economyContract = table.getByRole('row', { name: /Økonomisystem/ });
    await economyContract.getByText('Løper ut før sammenslåingen — må forlenges innen 31.03.2026').waitFor();
    await economyContract.getByText('Fristen er passert').waitFor();
    expect(await economyContract.innerText()).not.toContain('God tid');

    await page.getByLabel('Hva må skje').selectOption({ label: 'Løper ut før systemet kan avvikles' });
    await page.waitForURL(/tiltak=extend_until_retired/);
    await main().getByText('Viser 1 av 3 avtaler.').waitFor();
    await page.getByRole('button', { name: 'Fjern filtrene' }).click();
    await main().getByText('Viser 3 av 3 avtaler.').waitFor();

    const overflow = await horizontalOverflow();
    expect(overflow.scrollWidth, overflow.widest.join('\n')).toBeLessThanOrEqual(overflow.innerWidth);
    await expectNoAxeViolations(page, 'contract deadlines at 1366 px');
  });
});

describe('Avtalefrister on a phone', () => {
  it('fits 390 px without sideways scrolling, every contract readable, and passes axe', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage();
    const overflow = await horizontalOverflow();
    expect(overflow.scrollWidth, overflow.widest.join('\n')).toBeLessThanOrEqual(overflow.innerWidth);
    // Nor does the table scroll sideways inside its own box: it reflows to the width.
    const region = main().getByRole('region', { name: 'Avtalene sortert etter frist, den nærmeste først' });
    const box = await region.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);

    // Each contract is still one row of the table, with every value named.
    const table = page.getByRole('table', { name: 'Avtalene sortert etter frist, den nærmeste først' });
    const profil = table.getByRole('row', { name: /Profil pasientjournal/ });
    // Nothing in a row reaches past the screen's edge.
    const rowRight = await profil.evaluate((row) => row.getBoundingClientRect().right);
    expect(rowRight).toBeLessThanOrEqual(390);
    expect(await profil.innerText()).toMatch(/Sluttdato[\s\S]*31\.08\.2029/);
    expect(await profil.innerText()).toMatch(/Oppsigelsestid[\s\S]*6 mnd/);
    await profil.getByText('Løper ut før systemet kan avvikles — må forlenges innen 28.02.2029').waitFor();
    await expectNoAxeViolations(page, 'contract deadlines at 390 px');
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});
