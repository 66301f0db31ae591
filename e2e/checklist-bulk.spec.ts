import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 21, the checklist at scale: find tasks by text, tick a few, set them «Ferdig» in one
// go, and read which were changed and why the others were not.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;

beforeAll(async () => {
  server = await startServer();
  api = await apiSession(server.baseUrl, admin);
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  await signInThroughPage(page, admin);
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function ownTask(mergerId: string, title: string): Promise<Task> {
  const response = await api.request('POST', `/mergers/${mergerId}/tasks`, { activityId: 'fase-1-akt-1', title });
  if (response.status !== 201) throw new Error(`POST tasks gave ${response.status}: ${await response.text()}`);
  return (await response.json()) as Task;
}

describe('changing many tasks at once', () => {
  it('searches, ticks two, sets them «Ferdig» and says which were not changed and why', async () => {
    const merger = await createMergerViaApi(api, {
      name: 'Masseendring',
      newMunicipalityName: 'Nye Masse',
      mergerDate: '2030-01-01',
      municipalities: ['4601', '4627'],
    });
    const first = await ownTask(merger.id, 'Velferdsteknologi: kartlegge sensorer');
    const second = await ownTask(merger.id, 'Velferdsteknologi: felles plattform');
    await ownTask(merger.id, 'Velferdsteknologi: opplæring');
    const blocker = await ownTask(merger.id, 'Avklare budsjett');
    const linked = await api.request('POST', `/mergers/${merger.id}/tasks/${second.id}/dependencies`, { dependsOnTaskId: blocker.id });
    expect(linked.status).toBe(201);

    await page.goto(`/sammenslainger/${merger.id}/sjekkliste`);
    await page.getByRole('heading', { level: 1, name: 'Sjekkliste' }).waitFor();
    await page.getByRole('searchbox', { name: 'Søk i oppgavene' }).fill('velferdsteknologi');
    await page.getByRole('searchbox', { name: 'Søk i oppgavene' }).press('Enter');
    await page.waitForURL(/sok=velferdsteknologi/);
    await page.locator('.samla-filters').getByText('Viser 3 oppgaver.').waitFor();
    await page.locator('.samla-checklist-results[aria-busy="false"]').waitFor();
    await expectNoAxeViolations(page, 'checklist, searched');

    // With the keyboard: space ticks a box.
    await page.getByRole('checkbox', { name: `Velg «${first.title}»` }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: `Velg «${second.title}»` }).check();
    await page.getByTestId('bulk-count').getByText('2 oppgaver valgt.').waitFor();
    expect(await page.getByLabel('Sett oppgavene til').inputValue()).toBe('done');
    await page.getByRole('button', { name: 'Endre 2 oppgaver' }).click();

    const result = page.getByTestId('bulk-result');
    await result.getByText('1 oppgave ble endret. 1 oppgave ble ikke endret.').waitFor();
    expect(await result.innerText()).toContain(`${second.title}: Den avhenger av oppgaver som ikke er ferdige: «${blocker.title}»`);
    await expect.poll(() => page.getByTestId('live-announcer').innerText()).toBe('1 oppgave ble endret. 1 oppgave ble ikke endret.');
    await page.getByRole('row', { name: new RegExp(`^${first.title} Egen oppgave Ferdig`) }).waitFor();
    await page.getByRole('row', { name: new RegExp(`^${second.title} Egen oppgave Ikke startet`) }).waitFor();
    // What was sent is no longer ticked.
    await page.getByTestId('bulk-count').getByText('Ingen oppgaver er valgt.').waitFor();
    await expectNoAxeViolations(page, 'checklist, after a change to many');

    // «Velg alle synlige» ticks what the search shows.
    await page.getByLabel(/^Velg alle synlige/).check();
    await page.getByTestId('bulk-count').getByText('3 oppgaver valgt.').waitFor();

    // The search is in the URL: «tilbake» goes to the whole list.
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('sok='));
    await expect.poll(() => page.getByRole('searchbox', { name: 'Søk i oppgavene' }).inputValue()).toBe('');
  });
});
