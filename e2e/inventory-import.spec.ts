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

/** Sends a file to the import endpoint as the page does (for set-up that is not what the test is about). */
async function importViaApi(mergerId: string, body: Buffer, query: string): Promise<Response> {
  return fetch(`${server.baseUrl}/api/v1/mergers/${mergerId}/inventory/import?${query}`, {
    method: 'POST',
    headers: { cookie: api.cookie, 'x-csrf-token': api.csrfToken, 'content-type': xlsx },
    body: new Uint8Array(body),
  });
}

/** Samla's template for `mergerId` with the systems filled in and, when asked, a column Samla does not know. */
async function workbookFor(
  mergerId: string,
  systems: Array<Record<string, string | number>>,
  extraColumn?: { header: string; values: string[] },
): Promise<Buffer> {
  const response = await api.request('GET', `/mergers/${mergerId}/inventory/template.xlsx`);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.getWorksheet('IKT-systemer')!;
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => columnOf.set(String(cell.value), column));
  systems.forEach((system, index) => {
    const row = sheet.getRow(2 + index);
    for (const [header, value] of Object.entries(system)) {
      const column = columnOf.get(header);
      if (!column) throw new Error(`the template has no column «${header}»`);
      row.getCell(column).value = value;
    }
    row.commit();
  });
  if (extraColumn) {
    const column = Math.max(...columnOf.values()) + 1;
    sheet.getRow(1).getCell(column).value = extraColumn.header;
    sheet.getRow(1).commit();
    extraColumn.values.forEach((value, index) => {
      sheet.getRow(2 + index).getCell(column).value = value;
      sheet.getRow(2 + index).commit();
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Opens a page, signing in first when this browser has no session yet (a test run on its own). */
async function visit(path: string): Promise<void> {
  if ((await context.cookies()).length === 0) await signInThroughPage(page, admin, path);
  else await page.goto(path);
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

  it('shows a second file field by field, the row it lacks and its warning, and imports it once the warning is confirmed', async () => {
    const created = await createMergerViaApi(api, {
      name: 'Importprøve med endringer',
      newMunicipalityName: 'Nye Østfold',
      mergerDate: '2030-01-01',
      municipalities: ['3101', '3105'],
    });
    const second = (await (await api.request('GET', `/mergers/${created.id}`)).json()) as MergerDetail;
    const municipalityName = second.municipalities.find((one) => one.number === '3101')!.name;
    const system = (name: string, vendor: string) => ({ Kommunenummer: '3101', Navn: name, Leverandør: vendor, Løsningsområde: areaName });

    // The first file, as set-up: three systems.
    const first = await workbookFor(created.id, [system('Sak og arkiv', 'Acos'), system('Lønn', 'Visma'), system('Byggesak', 'Norkart')]);
    const previewed = await importViaApi(created.id, first, 'mode=preview');
    expect(previewed.status).toBe(200);
    const { previewToken } = (await previewed.json()) as { previewToken: string };
    const committed = await importViaApi(created.id, first, `mode=commit&previewToken=${encodeURIComponent(previewToken)}`);
    expect(committed.status, await committed.clone().text()).toBe(200);

    // The second: Lønn has another vendor, Byggesak is gone, and a column Samla does not know.
    const changed = await workbookFor(created.id, [system('Sak og arkiv', 'Acos'), system('Lønn', 'Tietoevry')], {
      header: 'Kommentar',
      values: ['sjekk lisensene', ''],
    });
    await visit(`/sammenslainger/${created.id}`);
    await page.getByRole('link', { name: 'Kartlegging', exact: true }).click();
    await page.getByRole('link', { name: 'Importer fra Excel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Importer fra Excel' }).waitFor();
    await page.locator('#import-file').setInputFiles({ name: 'kartlegging-2.xlsx', mimeType: xlsx, buffer: changed });
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();

    // Focus goes to the result, and the sheet's heading and counts say what will happen.
    const heading = page.getByRole('heading', { level: 2, name: 'Forhåndsvisning' });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);
    await main().getByRole('heading', { level: 3, name: 'IKT-systemer' }).waitFor();
    await main().getByText('0 nye rader, 1 endret rad, 1 uendret rad').waitFor();

    // The field-level change: Leverandør, from the stored value to the file's.
    const changes = page.getByRole('table', { name: 'Endringer felt for felt i arket «IKT-systemer»' });
    await changes.waitFor();
    expect(await changes.locator('tbody').innerText()).toMatch(/Lønn[\s\S]*Leverandør\s+Visma\s+Tietoevry/);

    // The row in Samla the file lacks, by register, with the municipality's name.
    await main().getByRole('heading', { level: 3, name: 'Rader i Samla som ikke står i filen (1)' }).waitFor();
    await main().getByRole('heading', { level: 4, name: 'IKT-systemer (1)' }).waitFor();
    await main().getByText(`Byggesak (${municipalityName})`).waitFor();

    // The warning, pointing at its sheet and column (the server may add others, such as the vendor changed on a row known by name).
    await main()
      .getByRole('heading', { level: 3, name: /^\d+ advars(el|ler)$/ })
      .waitFor();
    const warnings = page.getByRole('table', { name: 'Advarsler du må lese før import' });
    expect(
      await warnings
        .getByRole('row', { name: /Kommentar/ })
        .first()
        .innerText(),
    ).toMatch(/IKT-systemer\s+1\s+Kommentar\s+\S/);
    await expectNoAxeViolations(page, 'import preview with changes, a missing row and a warning');

    // Deleting what the file lacks is a new preview that says so.
    await page.getByRole('radio', { name: 'Slett dem når filen importeres' }).check();
    await main().getByText('1 rad slettes når du importerer.').waitFor();
    await expect.poll(() => page.getByRole('radio', { name: 'Slett dem når filen importeres' }).isChecked()).toBe(true);

    // «Importer» without confirming the warning: the error summary points at the checkbox.
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const summaryLink = page.getByRole('link', { name: 'Bekreft at du har lest advarslene før du importerer.' });
    await summaryLink.waitFor();
    await expectNoAxeViolations(page, 'import preview with an unconfirmed warning');
    await summaryLink.click();
    const confirm = page.getByRole('checkbox', { name: 'Jeg har lest advarslene og vil importere likevel' });
    await expect.poll(() => confirm.evaluate((element) => element === document.activeElement)).toBe(true);
    await confirm.check();
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await main().getByText('Importen er fullført.').waitFor();
    await main().getByText('1 rad ble slettet.').waitFor();
    await expectNoAxeViolations(page, 'import with warnings committed');

    // The register shows the new vendor, and the row the file lacked is gone.
    await page.getByRole('link', { name: 'Gå til registrene' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: IKT-systemer' }).waitFor();
    const row = page.getByRole('row', { name: /Lønn/ });
    await row.getByText('Tietoevry').waitFor();
    expect(await page.getByRole('link', { name: 'Byggesak' }).count()).toBe(0);
    const stored = (await (await api.request('GET', `/mergers/${created.id}/inventory/systems?limit=50`)).json()) as {
      items: Array<{ name: string; vendor: string | null }>;
    };
    expect(stored.items.map((item) => `${item.name}: ${item.vendor}`).sort()).toEqual(['Lønn: Tietoevry', 'Sak og arkiv: Acos']);
  });

  it('reads a CSV that Norwegian Excel saved (Windows-1252, semicolons, CRLF) with æøå intact', async () => {
    const created = await createMergerViaApi(api, {
      name: 'CSV-prøve',
      newMunicipalityName: 'Nye Østfold',
      mergerDate: '2030-01-01',
      municipalities: ['3101', '3105'],
    });
    // An area name Windows-1252 can hold as latin1 does (no en dash or the like).
    const areas = (await (await api.request('GET', '/solution-areas')).json()) as { solutionAreas: Array<{ name: string }> };
    const area = areas.solutionAreas.map((one) => one.name).find((name) => /^[\x20-\x7e\u00c0-\u00ff]+$/.test(name))!;
    const names = ['Ærlig Øko-system', 'Blåbær Åpen sak', 'Søknad og særavtaler'];
    const vendor = 'Leverandør Ørje Æ/Å AS';
    const text = ['Kommunenummer;Navn;Leverandør;Løsningsområde', ...names.map((name) => `3105;${name};${vendor};${area}`)].join('\r\n') + '\r\n';
    const bytes = Buffer.from(text, 'latin1');
    expect(bytes.includes(Buffer.from('Æ', 'utf8'))).toBe(false);

    await visit(`/sammenslainger/${created.id}/importer`);
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Importer fra Excel' }).waitFor();
    await page.locator('#import-file').setInputFiles({ name: 'systemer.csv', mimeType: 'text/csv', buffer: bytes });
    await page.getByLabel('Register (for CSV)').selectOption({ label: 'IKT-systemer' });
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await main().getByRole('heading', { level: 4, name: 'Nye rader (3)' }).waitFor();
    for (const [index, name] of names.entries())
      await main()
        .getByText(`${name} (rad ${index + 2})`, { exact: true })
        .waitFor();
    await expectNoAxeViolations(page, 'CSV import preview');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await main().getByText('Importen er fullført.').waitFor();

    const stored = (await (await api.request('GET', `/mergers/${created.id}/inventory/systems?limit=50`)).json()) as {
      items: Array<{ name: string; vendor: string | null }>;
    };
    expect(stored.items.map((item) => item.name).sort()).toEqual([...names].sort());
    expect(new Set(stored.items.map((item) => item.vendor))).toEqual(new Set([vendor]));
  });

  it('shows a long preview 50 rows at a time, and a preview the data outgrew as the new one instead of importing', async () => {
    const created = await createMergerViaApi(api, {
      name: 'Stor import',
      newMunicipalityName: 'Nye Østfold',
      mergerDate: '2030-01-01',
      municipalities: ['3101', '3105'],
    });
    const rows = Array.from({ length: 120 }, (_, index) => `3101;System ${String(index + 1).padStart(3, '0')};Leverandør ${index % 7}`);
    const csv = Buffer.from(['Kommunenummer;Navn;Leverandør', ...rows].join('\r\n'), 'utf8');

    await visit(`/sammenslainger/${created.id}/importer`);
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Importer fra Excel' }).waitFor();
    await page.locator('#import-file').setInputFiles({ name: 'mange.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByLabel('Register (for CSV)').selectOption({ label: 'IKT-systemer' });
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await main().getByRole('heading', { level: 4, name: 'Nye rader (120)' }).waitFor();
    const list = main().locator('ul#import-sheet-0-new');
    expect(await list.locator('li').count()).toBe(50);
    const showAll = page.getByRole('button', { name: 'Vis alle (120)' });
    await showAll.click();
    await main().getByText('System 120 (rad 121)', { exact: true }).waitFor();
    expect(await list.locator('li').count()).toBe(120);
    // The same button, now to show fewer, keeps the keyboard's place.
    const showFewer = page.getByRole('button', { name: 'Vis bare de 50 første' });
    await expect.poll(() => showFewer.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'a long import preview shown whole');

    // Someone imports the same rows meanwhile: «Importer» would no longer create them.
    const elsewhere = await fetch(`${server.baseUrl}/api/v1/mergers/${created.id}/inventory/import?mode=commit&kind=systems`, {
      method: 'POST',
      headers: { cookie: api.cookie, 'x-csrf-token': api.csrfToken, 'content-type': 'text/csv' },
      body: new Uint8Array(csv),
    });
    expect(elsewhere.status, await elsewhere.clone().text()).toBe(200);
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await main().getByText('Dataene i Samla eller filen er endret siden forhåndsvisningen', { exact: false }).waitFor();
    const heading = page.getByRole('heading', { level: 2, name: 'Forhåndsvisning' });
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);
    await main().getByText('0 nye rader, 0 endrede rader, 120 uendrede rader').waitFor();
    await main().getByText('Filen endrer ingenting i Samla.').waitFor();
    await expectNoAxeViolations(page, 'an outdated import preview replaced');
    const stored = (await (await api.request('GET', `/mergers/${created.id}/inventory/systems?limit=1`)).json()) as { total: number };
    expect(stored.total).toBe(120);
  });

  it("keeps the keyboard's place while the file is read, then puts focus on the result's heading after «Forhåndsvis» and after «Importer»", async () => {
    const created = await createMergerViaApi(api, {
      name: 'Importprøve med tastatur',
      newMunicipalityName: 'Nye Østfold',
      mergerDate: '2030-01-01',
      municipalities: ['3101', '3105'],
    });
    const csv = Buffer.from(['Kommunenummer;Navn;Leverandør', '3101;Tastatursystem;Acos', '3105;Skjermleser;Visma'].join('\r\n'), 'utf8');
    // The server answers after a moment, as it does with a real workbook: long enough to see
    // where focus is while the page waits.
    let release: () => void = () => undefined;
    await page.route('**/inventory/import?*', async (route) => {
      await new Promise<void>((resolve) => (release = resolve));
      // After the test has let go of the route, the request may already be gone.
      await route.continue().catch(() => undefined);
    });
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return element === document.body || element === null ? 'body' : `${element.tagName.toLowerCase()}: ${element.textContent?.trim() ?? ''}`;
      });
    try {
      await visit(`/sammenslainger/${created.id}/importer`);
      await page.getByRole('heading', { level: 1, name: 'Kartlegging: Importer fra Excel' }).waitFor();
      await page.locator('#import-file').setInputFiles({ name: 'tastatur.csv', mimeType: 'text/csv', buffer: csv });
      await page.getByLabel('Register (for CSV)').selectOption({ label: 'IKT-systemer' });

      // «Forhåndsvis» with the keyboard: while the file is read, focus stays on the button.
      await page.getByRole('button', { name: 'Forhåndsvis' }).focus();
      const previewSent = page.waitForRequest('**/inventory/import?*');
      await page.keyboard.press('Enter');
      await previewSent;
      await page.waitForTimeout(300);
      expect(await focused()).toBe('button: Forhåndsvis');
      release();
      const previewHeading = page.getByRole('heading', { level: 2, name: 'Forhåndsvisning' });
      await previewHeading.waitFor();
      expect(await focused()).toBe('h2: Forhåndsvisning');
      expect(await previewHeading.evaluate((element) => element === document.activeElement)).toBe(true);
      await main().getByText('2 nye rader, 0 endrede rader, 0 uendrede rader').waitFor();
      await expectNoAxeViolations(page, 'import preview, focus on its heading');

      // «Importer»: the same, and focus ends on «Importert».
      await page.getByRole('button', { name: 'Importer', exact: true }).focus();
      const commitSent = page.waitForRequest('**/inventory/import?*');
      await page.keyboard.press('Enter');
      await commitSent;
      await page.waitForTimeout(300);
      expect(await focused()).toBe('button: Importer');
      release();
      const resultHeading = page.getByRole('heading', { level: 2, name: 'Importert' });
      await resultHeading.waitFor();
      expect(await focused()).toBe('h2: Importert');
      // In view, not left at the top of the page.
      expect(
        await resultHeading.evaluate((element) => element.getBoundingClientRect().top >= 0 && element.getBoundingClientRect().bottom <= window.innerHeight),
      ).toBe(true);
      await main().getByText('Importen er fullført.').waitFor();
    } finally {
      release();
      await page.unroute('**/inventory/import?*');
    }
  });
});
