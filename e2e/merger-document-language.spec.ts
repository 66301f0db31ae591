import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/catalog.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { pickMunicipality, signInThroughPage } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 22, the merger's målform (decision 040): «Ny sammenslåing» proposes it from the
// municipalities picked, asks when they write different målformer (språklova), and the
// merger's overview shows it; a change on «Rediger» is shown first, and retitles the checklist.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let mergerId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  await signInThroughPage(page, admin, '/sammenslainger/ny');
});
afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const radio = (name: string) => page.getByRole('radio', { name, exact: true });
const firstPhaseTask = (language: 'nb' | 'nn') => translatedCatalog(language).phases[0]!.activities[0]!.tasks[0]!.title;

describe('the merger’s målform', () => {
  it('is proposed from nynorsk municipalities, and asked for when they write different målformer', async () => {
    await page.getByRole('heading', { level: 1, name: 'Ny sammenslåing' }).waitFor();
    await page.getByRole('group', { name: 'Målform for dokumenter' }).waitFor();
    expect(await radio('Bokmål').isChecked()).toBe(false);
    expect(await radio('Nynorsk').isChecked()).toBe(false);

    await pickMunicipality(page, 'Sogndal', 'Sogndal');
    await pickMunicipality(page, 'Luster', 'Luster');
    expect(await radio('Nynorsk').isChecked()).toBe(true);
    await page.getByText('Foreslått fordi alle kommunene har denne målformen i dag.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'new merger, nynorsk proposed');

    await pickMunicipality(page, 'Halden', 'Halden');
    for (const name of ['Bokmål', 'Nynorsk', 'Engelsk']) expect(await radio(name).isChecked()).toBe(false);
    await page.getByText('Kommunene skriver ulike målformer i dag.', { exact: false }).waitFor();

    await page.getByLabel('Navn på prosjektet').fill('Digital samanslåing Indre Sogn');
    await page.getByLabel('Navn på den nye kommunen').fill('Indre Sogn');
    await page.getByLabel('Sammenslåingstidspunkt').fill('2029-01-01');
    await page.getByRole('button', { name: 'Opprett sammenslåing' }).click();
    const summary = page.locator('.ds-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Velg målform for dokumentene.');
    expect(page.url()).toMatch(/\/sammenslainger\/ny$/);
    await expectNoAxeViolations(page, 'new merger, målform missing');
    await summary.getByRole('link', { name: 'Velg målform for dokumentene.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('merger-document-language-nb');

    await radio('Nynorsk').check();
    await page.getByRole('button', { name: 'Opprett sammenslåing' }).click();
    await page.waitForURL(/\/sammenslainger\/[0-9a-f-]{36}$/);
    mergerId = page.url().split('/').at(-1) ?? '';
    await page.getByRole('heading', { level: 1, name: 'Digital samanslåing Indre Sogn' }).waitFor();
    expect(await page.locator('.samla-facts').first().innerText()).toMatch(/Målform for dokumenter\s+Nynorsk/);
    await expectNoAxeViolations(page, 'overview with målform');

    await page.goto(`/sammenslainger/${mergerId}/sjekkliste`);
    await page.getByText(firstPhaseTask('nn'), { exact: true }).first().waitFor();
  });

  it('is changed on «Rediger», shown first, and the checklist follows', async () => {
    expect(firstPhaseTask('nn')).not.toBe(firstPhaseTask('nb'));
    await page.goto(`/sammenslainger/${mergerId}/rediger`);
    await page.getByRole('heading', { level: 1, name: 'Rediger sammenslåing' }).waitFor();
    expect(await radio('Nynorsk').isChecked()).toBe(true);
    await radio('Bokmål').check();
    await page.getByRole('button', { name: 'Se hva som endres' }).click();
    await page.getByText('Målformen endres fra nynorsk til bokmål.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'edit merger, målform preview');
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.waitForURL(/\/sammenslainger\/[0-9a-f-]{36}$/);
    await page.locator('.samla-facts').first().getByText('Bokmål').waitFor();

    await page.goto(`/sammenslainger/${mergerId}/sjekkliste`);
    expect(loadCatalog().phases[0]!.activities[0]!.tasks[0]!.title).toBe(firstPhaseTask('nb'));
    await page.getByText(firstPhaseTask('nb'), { exact: true }).first().waitFor();
  });
});
