import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, openUserMenuItem, signInThroughPage } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 21, «Correcting the basics» (decision 033): the owner corrects a merger (seeing
// first what a new date moves), archives it (a banner on it, apart under «Arkiverte» in the
// list), and deletes another by typing its name; the administrator finds it in the log.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let kept: { id: string };
let doomed: { id: string };

beforeAll(async () => {
  server = await startServer();
  const api = await apiSession(server.baseUrl, admin);
  kept = await createMergerViaApi(api, {
    name: 'Digital sammenslåing Nye Vestland',
    newMunicipalityName: 'Nye Vestland',
    mergerDate: '2028-01-01',
    municipalities: ['4601', '4626'],
  });
  doomed = await createMergerViaApi(api, {
    name: 'Prøvesammenslåing',
    newMunicipalityName: 'Prøve',
    mergerDate: '2028-01-01',
    municipalities: ['4601', '4627'],
  });
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('correcting, archiving and deleting a merger', () => {
  it('edits the basics after showing what a new date moves', async () => {
    await signInThroughPage(page, admin, `/sammenslainger/${kept.id}`);
    await page.getByRole('link', { name: 'Rediger sammenslåing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rediger sammenslåing' }).waitFor();
    await expectNoAxeViolations(page, 'edit merger page');

    await page.getByLabel('Navn på prosjektet').fill('Digital sammenslåing Nye Vestland 2029');
    await page.getByLabel('Sammenslåingstidspunkt').fill('2029-01-01');
    const input = page.locator('#edit-merger-municipalities');
    await input.focus();
    await page.keyboard.type('Askøy');
    await page.getByRole('option', { name: /^Askøy \(/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Se hva som endres' }).click();
    await page.getByRole('heading', { name: 'Dette skjer når du lagrer' }).waitFor();
    await page.getByText('Sammenslåingstidspunktet flyttes fra 01.01.2028 til 01.01.2029.').waitFor();
    await page.getByText('Kommuner som legges til: Askøy.').waitFor();
    await expectNoAxeViolations(page, 'edit merger page with the preview');

    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.waitForURL(new RegExp(`/sammenslainger/${kept.id}$`));
    await page.getByRole('heading', { level: 1, name: 'Digital sammenslåing Nye Vestland 2029' }).waitFor();
    await page.getByRole('cell', { name: '4627' }).waitFor();
  });

  it('archives it: a banner on every page, no edit buttons, apart in the list', async () => {
    await page.getByRole('link', { name: 'Rediger sammenslåing' }).click();
    await page.getByRole('button', { name: 'Arkiver sammenslåingen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Arkiver sammenslåingen' }).click();
    await page.getByRole('button', { name: 'Gjenåpne sammenslåingen' }).waitFor();
    await page.getByText('Sammenslåingen er arkivert. Alt kan leses', { exact: false }).waitFor();
    // The form is gone; what is left is reopening and deleting.
    expect(await page.getByLabel('Navn på prosjektet').count()).toBe(0);
    await expectNoAxeViolations(page, 'edit page of an archived merger');

    await page.goto(`/sammenslainger/${kept.id}`);
    await page.getByRole('heading', { level: 1, name: 'Digital sammenslåing Nye Vestland 2029' }).waitFor();
    await page.getByText('Sammenslåingen er arkivert. Alt kan leses', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: 'Rediger sammenslåing' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Gjenåpne eller slett' }).waitFor();
    await expectNoAxeViolations(page, 'archived merger start page');

    await page.goto('/');
    const archived = page.getByRole('region', { name: 'Arkiverte' });
    await archived.getByRole('link', { name: 'Digital sammenslåing Nye Vestland 2029' }).waitFor();
    expect(await archived.getByRole('link', { name: 'Prøvesammenslåing' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'merger list with an archived merger');
  });

  it('deletes a merger once its name is typed, and the administrator finds it in the log', async () => {
    await page.goto(`/sammenslainger/${doomed.id}/rediger`);
    await page.getByRole('heading', { level: 2, name: 'Slett sammenslåingen' }).waitFor();
    const confirmName = page.getByLabel('Skriv navnet på sammenslåingen («Prøvesammenslåing») for å bekrefte');
    await confirmName.fill('Prøvesammenslåin');
    await page.getByRole('button', { name: 'Slett sammenslåingen for godt' }).click();
    await page.getByText('Navnet stemmer ikke.', { exact: false }).first().waitFor();

    await confirmName.fill('Prøvesammenslåing');
    await page.getByRole('button', { name: 'Slett sammenslåingen for godt' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Sammenslåinger' }).waitFor();
    await page.getByRole('link', { name: 'Digital sammenslåing Nye Vestland 2029' }).waitFor();
    expect(await page.getByRole('link', { name: 'Prøvesammenslåing' }).count()).toBe(0);

    await openUserMenuItem(page, 'Administrator', 'Slettede sammenslåinger');
    await page.getByRole('heading', { level: 1, name: 'Slettede sammenslåinger' }).waitFor();
    const row = page.getByRole('row', { name: /Prøvesammenslåing/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Administrator');
    expect(await row.textContent()).toContain('Oppgaver: 121');
    await expectNoAxeViolations(page, 'deleted mergers log');
  });
});
