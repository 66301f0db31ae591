import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 21, decisions on record: the project leader writes the steering group's report in
// their own words, issues it, and finds it in the list, to download again as issued.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let mergerId: string;
const lead = { email: 'prosjektleder@samla.test', password: 'Et langt passord for prosjektlederen', name: 'Pia Prosjektleder' };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const api = await apiSession(server.baseUrl, admin);
  const merger = await createMergerViaApi(api, {
    name: 'Rapportutstedelse',
    newMunicipalityName: 'Nye Bergen',
    mergerDate: '2028-01-01',
    municipalities: ['4601', '4626'],
  });
  mergerId = merger.id;
  const created = await api.request('POST', '/users', lead);
  expect(created.status, await created.clone().text()).toBe(201);
  const added = await api.request('POST', `/mergers/${mergerId}/members`, { email: lead.email, role: 'lead' });
  expect(added.status, await added.clone().text()).toBeLessThan(300);
  ({ context, page } = await newPage(browser, server.baseUrl));
  await signInThroughPage(page, lead, `/sammenslainger/${mergerId}/rapporter`);
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

describe('issuing the steering group report', () => {
  it('the lead writes the narrative, issues the report and finds it in the list', async () => {
    await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
    await main().getByText('Ingen rapporter er utstedt ennå.').waitFor();
    const submit = page.getByRole('button', { name: 'Utsted rapporten' });
    await submit.waitFor();
    await expectNoAxeViolations(page, 'reports with the issue form');

    // Nothing filled in: each missing part is named, and nothing is issued.
    await submit.click();
    await main().getByText('Velg samlet status: grønn, gul eller rød.').first().waitFor();
    await main().getByText('Skriv hvorfor statusen er som den er.').first().waitFor();
    await main().getByText('Skriv minst ett hovedpunkt.').first().waitFor();
    await expectNoAxeViolations(page, 'the issue form with what is missing');

    // With the keyboard: Space picks the radio.
    await page.getByRole('radio', { name: 'Gul' }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Begrunnelse for statusen').fill('Lønn er forsinket med to uker.');
    await page.getByLabel('Hovedpunkter').fill('- Økonomisystemet er vedtatt.\n\n- Lønn er på anbud.');
    await page.getByLabel('Saker styringsgruppen bes om å beslutte').fill('Godkjenne ny fremdriftsplan for lønn.');
    await submit.focus();
    await page.keyboard.press('Enter');

    await main().getByText('er utstedt og lagret.', { exact: false }).waitFor();
    await page.getByTestId('live-announcer').getByText('er utstedt og lagret.', { exact: false }).waitFor();
    const list = main().getByTestId('issued-reports');
    await list.waitFor();
    const row = list.getByRole('row', { name: /Pia Prosjektleder/ });
    await row.getByText('Gul').waitFor();
    // The form is empty again, ready for the next report.
    expect(await page.getByLabel('Hovedpunkter').inputValue()).toBe('');
    await expectNoAxeViolations(page, 'reports with an issued report');

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /Last ned rapporten for/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^statusrapport-rapportutstedelse-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
