import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 4's round trip in the browser, against the real server: fill Samla's own
// template, upload it, see a problem pointed out at its sheet, row and column with
// nothing imported, fix it, confirm the preview, and find the systems side by side.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let merger: MergerDetail;
let areaName: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  const created = await createMergerViaApi(api, {
    name: 'Importprøve',
    newMunicipalityName: 'Nye Østfold',
    mergerDate: '2030-01-01',
    municipalities: ['3101', '3105'],
  });
  merger = (await (await api.request('GET', `/mergers/${created.id}`)).json()) as MergerDetail;
  const areas = (await (await api.request('GET', '/solution-areas')).json()) as { solutionAreas: Array<{ name: string }> };
  areaName = areas.solutionAreas[0]!.name;
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** Samla's template with systems filled in, as an IT person would fill it. */
async function filledTemplate(systems: Array<Record<string, string | number>>): Promise<Buffer> {
  const response = await api.request('GET', `/mergers/${merger.id}/inventory/template.xlsx`);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.getWorksheet('IKT-systemer')!;
  const headerRow = sheet.getRow(1);
  const columnOf = new Map<string, number>();
  headerRow.eachCell((cell, column) => columnOf.set(String(cell.value), column));
  systems.forEach((system, index) => {
    const row = sheet.getRow(2 + index);
    for (const [header, value] of Object.entries(system)) {
      const column = columnOf.get(header);
      if (!column) throw new Error(`the template has no column «${header}»`);
      row.getCell(column).value = value;
    }
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The page's own content, not the screen-reader announcements that repeat it. */
const main = () => page.getByRole('main');

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('importing the inventory from Excel', () => {
  it('points at the wrong cell and imports nothing, then imports the fixed file and shows it side by side', async () => {
    const systems = [
      { Kommunenummer: '3101', Navn: 'Visma Flyt Skole', Leverandør: 'Visma', Produkt: 'Flyt Skole', Løsningsområde: areaName, 'Antall brukere': 120 },
      { Kommunenummer: '3105', Navn: 'Flyt Skole', Leverandør: 'Visma', Produkt: 'Flyt Skole', Løsningsområde: 'Skolen', 'Antall brukere': 300 },
    ];
    await signInThroughPage(page, admin, `/sammenslainger/${merger.id}`);
    await page.getByRole('link', { name: 'Kartlegging', exact: true }).click();
    await page.getByRole('link', { name: 'Importer fra Excel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Importer fra Excel' }).waitFor();
    await expectNoAxeViolations(page, 'import page');

    await page.locator('#import-file').setInputFiles({ name: 'kartlegging.xlsx', mimeType: xlsx, buffer: await filledTemplate(systems) });
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    const problems = page.getByRole('table', { name: 'Feil som må rettes før import' });
    await problems.waitFor();
    expect(await problems.locator('tbody tr').first().innerText()).toMatch(/IKT-systemer\s+3\s+Løsningsområde/);
    await main().getByText('Ingenting er importert.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'import preview with a problem');
    const before = (await (await api.request('GET', `/mergers/${merger.id}/inventory/systems`)).json()) as { total: number };
    expect(before.total).toBe(0);

    systems[1]!.Løsningsområde = areaName;
    await page.locator('#import-file').setInputFiles({ name: 'kartlegging.xlsx', mimeType: xlsx, buffer: await filledTemplate(systems) });
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await main().getByText('Filen er uten feil.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'import preview without problems');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await main().getByText('Importen er fullført.').waitFor();
    await expectNoAxeViolations(page, 'import committed');
    const after = (await (await api.request('GET', `/mergers/${merger.id}/inventory/systems`)).json()) as { total: number };
    expect(after.total).toBe(2);

    await page.getByRole('link', { name: 'Se kommunene side om side' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Side om side' }).waitFor();
    const area = page.getByRole('row', { name: new RegExp(areaName) });
    await area.getByText('Visma Flyt Skole').waitFor();
    await area.getByText('Flyt Skole', { exact: true }).first().waitFor();
    await main().getByText('Felles produkt: Flyt Skole (2 kommuner)').waitFor();
    await expectNoAxeViolations(page, 'side by side after import');
  });
});
