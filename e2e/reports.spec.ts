import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 7 in the browser: from the merger's overview to «Rapporter», a period
// that the page refuses, then the steering group's status report downloaded as PDF.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let mergerId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  const api = await apiSession(server.baseUrl, admin);
  const merger = await createMergerViaApi(api, {
    name: 'Rapportprøve Ørsta',
    newMunicipalityName: 'Nye Bergen',
    mergerDate: '2028-01-01',
    municipalities: ['4601', '4626'],
  });
  mergerId = merger.id;
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

describe('reports', () => {
  it('downloads the status report as PDF, after refusing a period that runs backwards', async () => {
    await page.getByRole('navigation', { name: 'I sammenslåingen' }).getByRole('link', { name: 'Rapporter' }).click();
    await page.waitForURL(`**/sammenslainger/${mergerId}/rapporter`);
    await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Statusrapport til styringsgruppen' }).waitFor();
    const link = page.getByRole('link', { name: 'Last ned statusrapport (PDF)' });
    await link.waitFor();
    await expectNoAxeViolations(page, 'reports');

    await page.getByLabel('Fra og med', { exact: true }).fill('2027-05-02');
    await page.getByLabel('Til og med', { exact: true }).fill('2027-05-01');
    await page.getByText('Fra-datoen kan ikke være etter til-datoen.').waitFor();
    expect(await link.count()).toBe(0);
    await expectNoAxeViolations(page, 'reports with a period that runs backwards');

    await page.getByLabel('Fra og med', { exact: true }).fill('2027-01-01');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^statusrapport-rapportprove-orsta-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The whole merger as a workbook and as a calendar, from the same page.
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned hele kartleggingen som Excel (xlsx)' }).click(),
    ]);
    expect((await readFile((await workbook.path())!)).subarray(0, 2).toString('latin1')).toBe('PK');
    const [calendar] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned alle frister og milepæler som kalender (.ics)' }).click(),
    ]);
    const ics = await readFile((await calendar.path())!, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics).toContain('SUMMARY:Milepæl: Sammenslåingsdato');
  });
});
