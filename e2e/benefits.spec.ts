import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Merger } from '#shared/contracts/mergers.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Gevinstrealisering in the browser: a benefit with one indicator, two measurements (the
// latest behind the line), the chart with its table alternative and summary sentence; then
// a low-hanging opportunity taken up as task and benefit, seen as taken up and in the plan.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let merger: Merger;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  merger = await createMergerViaApi(api, {
    name: 'Gevinstprøve',
    newMunicipalityName: 'Nye Nordhordland',
    mergerDate: '2030-01-01',
    municipalities: ['4601', '4626'],
  });
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

describe('Gevinster', () => {
  it('creates a benefit with an indicator, records two measurements and shows the chart, its table and the warning', async () => {
    await signInThroughPage(page, admin, `/sammenslainger/${merger.id}`);
    await main().getByRole('navigation').getByRole('link', { name: 'Gevinster' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gevinster' }).waitFor();
    await main().getByText('Ingen gevinster er registrert ennå.').waitFor();
    await expectNoAxeViolations(page, 'benefits, empty');

    // Errors at the fields, and the form keeps what was typed.
    await main().getByLabel('Gevinsteier').fill('Kommunedirektøren');
    await main().getByRole('button', { name: 'Opprett gevinst' }).click();
    await main().getByText('Skriv en tittel.').first().waitFor();
    expect(await main().getByLabel('Gevinsteier').inputValue()).toBe('Kommunedirektøren');
    await main().getByLabel('Tittel').fill('Flere digitale søknader');
    await main().getByLabel('Type gevinst').selectOption({ label: 'Tid' });
    await main().getByLabel('Status').selectOption({ label: 'Under realisering' });
    await main().getByRole('button', { name: 'Opprett gevinst' }).click();
    await page.getByRole('heading', { level: 1, name: 'Flere digitale søknader' }).waitFor();
    await main().getByText('Gevinsten har ingen indikatorer ennå.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'benefit without indicators');

    await main().getByLabel('Navn på indikatoren').fill('Andel digitale søknader');
    await main().getByLabel('Enhet').fill('%');
    await main().getByLabel('Nullpunkt (verdi)').fill('20');
    await main().getByLabel('Dato for nullpunktet').fill('2027-01-01');
    await main().getByLabel('Mål (verdi)').fill('60');
    await main().getByLabel('Måldato').fill('2026-01-01');
    await main().getByRole('button', { name: 'Legg til indikator' }).click();
    await main().getByText('Måldatoen kan ikke være før datoen for nullpunktet.').first().waitFor();
    await main().getByLabel('Måldato').fill('2028-01-01');
    await main().getByRole('button', { name: 'Legg til indikator' }).click();
    await main()
      .getByRole('heading', { level: 3, name: /Andel digitale søknader/ })
      .waitFor();
    await main().getByRole('paragraph').filter({ hasText: 'Ingen målinger er registrert ennå.' }).waitFor();

    const record = async (date: string, value: string) => {
      await main().getByLabel('Dato for målingen').fill(date);
      await main().getByLabel('Verdi (%)').fill(value);
      await main().getByRole('button', { name: 'Registrer måling' }).click();
      await main()
        .getByRole('table', { name: /Målinger av «Andel digitale søknader»/ })
        .getByRole('rowheader', { name: date.split('-').reverse().join('.') })
        .waitFor();
    };
    await record('2027-03-01', '30');
    await record('2027-07-02', '30');

    const table = main().getByRole('table', { name: 'Målinger av «Andel digitale søknader» med forventet verdi på datoen' });
    const latestRow = table.getByRole('row', { name: /02\.07\.2027/ });
    await latestRow.getByText('39,9 %').waitFor();
    await latestRow.getByText('Bak planen', { exact: false }).waitFor();
    await table
      .getByRole('row', { name: /01\.03\.2027/ })
      .getByText('I rute', { exact: false })
      .waitFor();
    await main().getByTestId('behind-warning').getByText('Siste måling (02.07.2027: 30 %) ligger bak planen (forventet 39,9 %).').waitFor();
    const chart = main().getByRole('img', { name: /Diagram: målinger av «Andel digitale søknader»/ });
    await chart.waitFor();
    expect(await chart.locator('polyline[stroke-dasharray]').count()).toBe(1);
    expect(await chart.locator('polygon').count()).toBe(1); // the behind-plan point is a triangle
    expect(await chart.locator('circle').count()).toBe(1);
    await expectNoAxeViolations(page, 'benefit with chart');

    await page.goto(`/sammenslainger/${merger.id}/gevinster`);
    const row = main().getByRole('row', { name: /Flere digitale søknader/ });
    await row.getByText('1 bak planen', { exact: false }).waitFor();
    await row.getByText('Under realisering').waitFor();
    await expectNoAxeViolations(page, 'benefit list with warning');
  });

  it('refuses a measurement before the baseline date at the date field and keeps what was typed', async () => {
    const created = await api.request('POST', `/mergers/${merger.id}/benefits`, { title: 'Kortere saksbehandling', type: 'time' });
    const benefitId = ((await created.json()) as { benefit: { id: string } }).benefit.id;
    const indicator = {
      name: 'Saksbehandlingstid',
      unit: 'dager',
      baselineValue: 30,
      baselineDate: '2027-03-15',
      targetValue: 10,
      targetDate: '2028-03-15',
      direction: 'lower',
    };
    const withIndicator = await api.request('POST', `/mergers/${merger.id}/benefits/${benefitId}/indicators`, indicator);
    expect(withIndicator.status).toBe(201);
    const indicatorId = ((await withIndicator.json()) as { indicators: Array<{ id: string }> }).indicators[0]!.id;
    await page.goto(`/sammenslainger/${merger.id}/gevinster/${benefitId}`);
    await page.getByRole('heading', { level: 1, name: 'Kortere saksbehandling' }).waitFor();
    const date = main().getByLabel('Dato for målingen');
    await date.fill('2027-03-01');
    await main().getByLabel('Verdi (dager)').fill('28');
    await main().getByRole('textbox', { name: 'Kommentar', exact: true }).fill('Før sammenslåingen');
    await main().getByRole('button', { name: 'Registrer måling' }).click();
    const message = 'Dato for målingen kan ikke være før datoen for nullpunktet (15.03.2027).';
    await main().getByText(message).first().waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await date.inputValue()).toBe('2027-03-01');
    expect(await main().getByLabel('Verdi (dager)').inputValue()).toBe('28');
    expect(await main().getByRole('textbox', { name: 'Kommentar', exact: true }).inputValue()).toBe('Før sammenslåingen');
    await main().getByRole('paragraph').filter({ hasText: 'Ingen målinger er registrert ennå.' }).waitFor();
    await expectNoAxeViolations(page, 'measurement before the baseline refused');

    // The server says the same when asked directly.
    const refused = await api.request('POST', `/mergers/${merger.id}/benefits/${benefitId}/indicators/${indicatorId}/measurements`, {
      measuredOn: '2027-03-01',
      value: 28,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { details: Array<{ path: string; message: string }> } }).error.details).toEqual([
      expect.objectContaining({ path: 'measuredOn', message }),
    ]);

    await date.fill('2027-03-15');
    await main().getByRole('button', { name: 'Registrer måling' }).click();
    await main()
      .getByRole('table', { name: /Målinger av «Saksbehandlingstid»/ })
      .getByRole('rowheader', { name: '15.03.2027' })
      .waitFor();
  });

  it('takes up a low-hanging opportunity as task and benefit, marks it taken up, and the task is in the plan', async () => {
    await page.goto(`/sammenslainger/${merger.id}/muligheter`);
    await page.getByRole('heading', { level: 1, name: 'Muligheter' }).waitFor();
    await main().getByText('Viser 102 muligheter.').waitFor();
    await expectNoAxeViolations(page, 'opportunities');
    // A click, then the URL: the switch follows the URL, which under load can take a moment.
    await main().getByLabel('Bare lavthengende frukter').click();
    await page.waitForURL(/lavthengende=ja/);
    await expect.poll(() => main().getByLabel('Bare lavthengende frukter').isChecked()).toBe(true);
    await main().getByLabel('Område').selectOption({ label: 'IKT-infrastruktur og -drift' });
    await main().getByText('Viser 3 muligheter.').waitFor();
    expect(page.url()).toContain('lavthengende=ja');

    await main().getByRole('button', { name: 'Legg til i planen: Standardisere IKT-tjenester' }).click();
    const dialog = page.getByRole('dialog', { name: 'Legg «Standardisere IKT-tjenester» til i planen' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Aktivitet i sjekklisten').inputValue()).toBe('fase-4-akt-7');
    await dialog.getByLabel('Opprett også en gevinst').check();
    await expectNoAxeViolations(page, 'take-up dialog');
    await dialog.getByRole('button', { name: 'Legg til', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const item = main().getByTestId('opportunity-mulighet-ikt-infrastruktur-og-drift-1');
    await item.getByText('Lagt til i planen').waitFor();
    await item.getByRole('link', { name: 'Gevinst: Standardisere IKT-tjenester' }).waitFor();
    await expectNoAxeViolations(page, 'opportunities after take-up');

    // Twice is refused with a Norwegian message.
    const again = await api.request('POST', `/mergers/${merger.id}/opportunities/mulighet-ikt-infrastruktur-og-drift-1/take-up`, {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain('er allerede lagt til i planen');

    await page.goto(`/sammenslainger/${merger.id}/sjekkliste?fase=4`);
    await page.getByRole('heading', { level: 1, name: /^Fase 4:/ }).waitFor();
    await main().getByRole('link', { name: 'Standardisere IKT-tjenester', exact: true }).first().waitFor();

    await page.goto(`/sammenslainger/${merger.id}/muligheter`);
    await main().getByTestId('opportunity-mulighet-ikt-infrastruktur-og-drift-1').getByRole('link', { name: 'Gevinst: Standardisere IKT-tjenester' }).click();
    await page.getByRole('heading', { level: 1, name: 'Standardisere IKT-tjenester' }).waitFor();
    await main().getByRole('link', { name: 'Oppgave: Standardisere IKT-tjenester' }).waitFor();
    await expectNoAxeViolations(page, 'benefit from opportunity');
  });
});
