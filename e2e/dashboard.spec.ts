import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// The dashboard on the merger's start page against the real server: an overdue task, a task due
// tomorrow, a milestone in ten days and a red risk show as figures in words; the overdue figure
// leads to the checklist filtered to overdue tasks.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let mergerId: string;
let overdueTitle: string;
let tomorrowTitle: string;

/** Today in Norway moved by `days`, as YYYY-MM-DD (the server counts in Europe/Oslo). */
function osloDate(days: number): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

async function ok(response: Promise<Response>, status = 200): Promise<unknown> {
  const answered = await response;
  expect(answered.status, await answered.clone().text()).toBe(status);
  return answered.json();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  const created = await createMergerViaApi(api, {
    name: 'Dashbordprøve',
    newMunicipalityName: 'Nye Nordhordland',
    mergerDate: '2030-01-01',
    municipalities: ['4601', '4626'],
  });
  mergerId = created.id;
  const base = `/mergers/${mergerId}`;
  const { tasks } = (await ok(api.request('GET', `${base}/tasks`))) as { tasks: Array<{ id: string; title: string; version: number }> };
  const [late, soon] = [tasks[0]!, tasks[1]!];
  overdueTitle = late.title;
  tomorrowTitle = soon.title;
  await ok(api.request('PATCH', `${base}/tasks/${late.id}`, { version: late.version, dueDate: osloDate(-5) }));
  await ok(api.request('PATCH', `${base}/tasks/${soon.id}`, { version: soon.version, dueDate: osloDate(1) }));
  await ok(api.request('POST', `${base}/schedule/milestones`, { title: 'Fellesnemndas møte', date: osloDate(10), kind: 'joint_committee_meeting' }), 201);
  await ok(api.request('POST', `${base}/risks`, { title: 'Lønn utbetales ikke', likelihood: 5, consequences: { serviceDelivery: 5 } }), 201);
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('dashboard', () => {
  it('shows the figures in words on the start page and the overdue figure leads to the filtered checklist', async () => {
    await signInThroughPage(page, admin, `/sammenslainger/${mergerId}`);
    const dashboard = page.getByTestId('dashboard');
    await dashboard.getByRole('heading', { level: 2, name: 'Status' }).waitFor();
    await page.getByTestId('dashboard-overdue-link').waitFor();

    expect(await page.getByTestId('dashboard-overdue-link').textContent()).toBe('1 oppgave har passert fristen');
    expect(await page.getByTestId('dashboard-card-overdue').textContent()).toContain(overdueTitle);
    expect(await page.getByTestId('dashboard-days-left').textContent()).toMatch(/^[\d\s\u00a0\u202f]+ dager til sammenslåingsdatoen 01\.01\.2030$/);
    expect(await page.getByTestId('dashboard-red-risks').textContent()).toBe('1 risiko i klassen «Høy»');
    expect(await page.getByTestId('dashboard-readiness').textContent()).toMatch(/^0 av \d+ kritiske områder er klare$/);
    expect(await page.getByTestId('dashboard-benefits').textContent()).toBe('0 av 0 gevinster ligger bak planen');

    const upcoming = page.getByTestId('dashboard-upcoming-list');
    expect(await page.getByTestId('dashboard-upcoming').textContent()).toMatch(/^2 frister og milepæler fra /);
    const items = await upcoming.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toContain(`Oppgavefrist: ${tomorrowTitle}`);
    expect(items[1]).toContain('Milepæl: Fellesnemndas møte');

    // The small heatmap has its counts in words for a screen reader, and links the cell.
    await dashboard.getByRole('link', { name: '1 risiko i klassen Høy, sannsynlighet 5, konsekvens 5' }).waitFor();

    await expectNoAxeViolations(page, 'dashboard');

    await page.getByTestId('dashboard-overdue-link').click();
    await page.waitForURL(/\/sjekkliste\?forfalte=ja$/);
    expect(await page.getByLabel('Bare forfalte oppgaver').isChecked()).toBe(true);
    await page.getByRole('main').getByText(overdueTitle).first().waitFor();
  });

  it("says so when a page's code cannot be fetched, and «Prøv igjen» fetches it", async () => {
    await page.goto(`/sammenslainger/${mergerId}`);
    await page.getByTestId('dashboard').waitFor();
    // Offline for the schedule page's chunk only (each page has its own; the start page's came with the app).
    let offline = true;
    const schedulePageChunk = /\/assets\/schedule\.page-[^/]+\.js$/;
    await page.route(schedulePageChunk, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    try {
      await page.getByRole('main').getByRole('link', { name: 'Fremdriftsplan' }).first().click();
      const alert = page.getByRole('alert');
      await alert.getByText('Fikk ikke hentet denne siden fra Samla-serveren.', { exact: false }).waitFor();
      await expectNoAxeViolations(page, 'a page whose code could not be fetched');

      offline = false;
      await alert.getByRole('button', { name: 'Prøv igjen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Fremdriftsplan' }).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
    } finally {
      await page.unroute(schedulePageChunk);
    }
  });

  it('shows the error boundary, inside the app, when a page fails while it is drawn', async () => {
    // An answer the page cannot draw (the dashboard without its fields) throws during render.
    const dashboardApi = `**/api/v1/mergers/${mergerId}/dashboard`;
    await page.route(dashboardApi, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
    try {
      await page.goto(`/sammenslainger/${mergerId}`);
      const heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Noe gikk galt på denne siden' });
      await heading.waitFor();
      // The frame stands: header navigation, and a way back.
      await page.getByRole('navigation', { name: 'Hovedmeny' }).waitFor();
      expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await page.title()).toBe('Noe gikk galt på denne siden – Samla');
      await expectNoAxeViolations(page, 'the error boundary');
      await page.unroute(dashboardApi);
      await page.getByRole('main').getByRole('link', { name: 'Gå til sammenslåingene' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sammenslåinger' }).waitFor();
    } finally {
      await page.unroute(dashboardApi);
    }
  });
});
