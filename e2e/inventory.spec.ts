import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 4 in the browser: register systems in two municipalities through the forms, find
// them again with search, sort and filters, see the shared product in «Side om side», edit
// with a validation error, add an integration to a national common solution, and open the
// import page. Every page and state visited passes axe.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let merger: MergerDetail;
let areaName: string;

const shots = process.env.SAMLA_E2E_SHOTS;
async function shot(name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  const created = await createMergerViaApi(api, {
    name: 'Kartleggingsprøve',
    newMunicipalityName: 'Nye Østfold',
    mergerDate: '2030-01-01',
    municipalities: ['3101', '3105'],
  });
  merger = (await (await api.request('GET', `/mergers/${created.id}`)).json()) as MergerDetail;
  const areas = (await (await api.request('GET', '/solution-areas')).json()) as { solutionAreas: Array<{ name: string }> };
  areaName = areas.solutionAreas[0]?.name ?? '';
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const name = (index: number) => merger.municipalities[index]?.name ?? '';
const rows = () => page.locator('.samla-table tbody tr');

async function addSystem(values: { municipality: string; name: string; vendor: string; product: string; users: string; area?: string }) {
  await page.getByRole('link', { name: 'Legg til' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nytt IKT-system' }).waitFor();
  await page.locator('#inv-municipalityNumber').selectOption({ label: values.municipality });
  await page.locator('#inv-name').fill(values.name);
  await page.locator('#inv-vendor').fill(values.vendor);
  await page.locator('#inv-product').fill(values.product);
  if (values.area) await page.locator('#inv-solutionAreaId').selectOption({ label: values.area });
  await page.locator('#inv-hosting').selectOption({ label: 'SaaS/sky' });
  await page.locator('#inv-userCount').fill(values.users);
  await page.getByRole('button', { name: 'Legg til' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kartlegging: IKT-systemer' }).waitFor();
  await page.getByRole('link', { name: values.name }).first().waitFor();
}

/**
 * The system search is disabled until a municipality is chosen, and its description says so:
 * the control may be faded, the hint that explains it may not (axe measured 1.54:1).
 */
async function expectDisabledHintReadable(label: string): Promise<void> {
  const hints = page.getByText('Velg kommune først.', { exact: true });
  await hints.first().waitFor();
  for (const hint of await hints.all()) {
    expect(await hint.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
  }
  await expectNoAxeViolations(page, label);
}

describe('the inventory, through the browser', () => {
  it('opens «Kartlegging» from the merger and starts empty', async () => {
    await signInThroughPage(page, admin, `/sammenslainger/${merger.id}`);
    await page.getByRole('heading', { level: 1, name: merger.name }).waitFor();
    await page.getByRole('link', { name: 'Kartlegging', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: IKT-systemer' }).waitFor();
    await page.getByText('Ingen er registrert ennå.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Registre i kartleggingen' }).getByRole('link').count()).toBe(10);
    await expectNoAxeViolations(page, 'systems register (empty)');
  });

  it('says what is missing when the form is sent empty', async () => {
    await page.getByRole('link', { name: 'Legg til' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt IKT-system' }).waitFor();
    await expectNoAxeViolations(page, 'new system form');
    await page.getByRole('button', { name: 'Legg til' }).click();
    const summary = page.locator('.ds-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Fyll ut «Kommune».');
    expect(await summary.innerText()).toContain('Fyll ut «Navn».');
    await expectNoAxeViolations(page, 'new system form, empty submit');
    await shot('system-form-errors');
    await page.getByRole('link', { name: 'Tilbake til listen' }).click();
  });

  it('registers the same product in two municipalities, and one more', async () => {
    await addSystem({ municipality: name(0), name: 'Flyt Skole', vendor: 'Visma', product: 'Flyt Skole', users: '120', area: areaName });
    await addSystem({ municipality: name(1), name: 'Visma Flyt Skole', vendor: 'Visma', product: 'Flyt Skole', users: '80', area: areaName });
    await addSystem({ municipality: name(0), name: 'Acos WebSak', vendor: 'Acos', product: 'WebSak', users: '300' });
    expect(await rows().count()).toBe(3);
    await expect.poll(() => page.locator('#register-count').innerText()).toBe('Viser 1–3 av 3');
    await expectNoAxeViolations(page, 'systems register (three)');
    await shot('systems-register');
  });

  it('searches, filters and sorts, with the state in the URL', async () => {
    await page.locator('#register-q').fill('flyt');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL(/sok=flyt/);
    await expect.poll(() => page.locator('#register-count').innerText()).toBe('Viser 1–2 av 2');
    expect(await rows().count()).toBe(2);

    await page.locator('#register-municipality').selectOption({ label: name(1) });
    await page.waitForURL(/kommune=3105/);
    await expect.poll(() => page.locator('#register-count').innerText()).toBe('Viser 1–1 av 1');
    expect(await rows().first().innerText()).toContain('Visma Flyt Skole');
    await expectNoAxeViolations(page, 'systems register, filtered');

    await page.getByRole('button', { name: 'Fjern filtrene' }).click();
    await expect.poll(() => page.locator('#register-count').innerText()).toBe('Viser 1–3 av 3');

    const usersHeader = page.getByRole('columnheader', { name: 'Antall brukere' });
    await usersHeader.getByRole('button').click();
    await page.waitForURL(/sorter=userCount/);
    await expect.poll(() => usersHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => rows().first().innerText()).toContain('Visma Flyt Skole');
    await usersHeader.getByRole('button').click();
    await page.waitForURL(/sorter=-userCount/);
    await expect.poll(() => usersHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => rows().first().innerText()).toContain('Acos WebSak');
    await expectNoAxeViolations(page, 'systems register, sorted');

    // A reload keeps the sorting.
    await page.reload();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Antall brukere' }).getAttribute('aria-sort')).toBe('descending');
  });

  it('shows the shared product side by side', async () => {
    await page.getByRole('link', { name: 'Side om side' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Side om side' }).waitFor();
    await page.getByText('Felles produkt: Flyt Skole (2 kommuner)').waitFor();
    const area = page.getByRole('row', { name: new RegExp(areaName) });
    await area.getByText('Visma Flyt Skole').waitFor();
    await page
      .getByRole('columnheader', { name: name(0) })
      .first()
      .waitFor();
    // Areas without systems are left out until asked for.
    expect(await page.locator('.samla-sbs-table tbody tr').count()).toBe(2);
    await expectNoAxeViolations(page, 'side by side');
    await shot('side-by-side');

    // A click, then the URL: the switch follows the URL, which under load can take a moment.
    await page.getByLabel('Bare områder med felles produkt').click();
    await page.waitForURL(/felles=ja/);
    await expect.poll(() => page.getByLabel('Bare områder med felles produkt').isChecked()).toBe(true);
    await page.getByText('Felles produkt: Flyt Skole (2 kommuner)').waitFor();
    expect(await page.getByText('Acos WebSak').count()).toBe(0);
    await expectNoAxeViolations(page, 'side by side, only shared');
  });

  it('on a phone, «Side om side» scrolls its table in a named box the keyboard can reach, and on a wide screen adds no tab stop', async () => {
    const table = page
      .locator('.samla-table-scroll')
      .filter({ has: page.locator('.samla-sbs-table') })
      .first();
    // 1280 px: the table fits, so the box is no region and takes no focus.
    expect(await table.getAttribute('tabindex')).toBeNull();
    expect(await table.getAttribute('role')).toBeNull();
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expect.poll(() => table.getAttribute('tabindex')).toBe('0');
      expect(await table.getAttribute('role')).toBe('group');
      expect(await table.getAttribute('aria-label')).toMatch(/: systemene i hver kommune per løsningsområde$/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectNoAxeViolations(page, 'side by side at 390 px');
      await table.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => table.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('edits a system: a negative number of users is refused next to the field, and the input is kept', async () => {
    await page.getByRole('link', { name: 'IKT-systemer' }).click();
    await page.getByRole('link', { name: 'Flyt Skole', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Endre «Flyt Skole»' }).waitFor();
    await expectNoAxeViolations(page, 'edit system');
    await page.locator('#inv-userCount').fill('-5');
    await page.locator('#inv-systemOwner').fill('Skolesjefen');
    await page.getByRole('button', { name: 'Lagre' }).click();
    const summary = page.locator('.ds-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Tallet kan ikke være negativt.');
    expect(await page.locator('#inv-userCount').inputValue()).toBe('-5');
    expect(await page.locator('#inv-systemOwner').inputValue()).toBe('Skolesjefen');
    expect(await page.locator('#inv-userCount').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'edit system, server validation');
    await shot('system-edit-error');

    await page.locator('#inv-userCount').fill('150');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: IKT-systemer' }).waitFor();
    await page
      .getByRole('row', { name: /Flyt Skole .*150/ })
      .first()
      .waitFor();
  });

  it('adds an integration from a system to Folkeregisteret', async () => {
    await page.getByRole('link', { name: 'Integrasjoner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Integrasjoner' }).waitFor();
    await page.getByRole('link', { name: 'Legg til' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny integrasjon' }).waitFor();
    await expectDisabledHintReadable('new integration form before a municipality is chosen');
    await page.locator('#inv-municipalityNumber').selectOption({ label: name(0) });
    await page.locator('#inv-fromSystemId-search').fill('acos');
    await expect.poll(() => page.locator('#inv-fromSystemId option').allInnerTexts()).toContain('Acos WebSak – Acos');
    await page.locator('#inv-fromSystemId').selectOption({ label: 'Acos WebSak – Acos' });
    await page.getByLabel('En nasjonal fellesløsning').check();
    await page.locator('#inv-commonSolutionId').selectOption({ value: 'folkeregisteret' });
    await page.locator('#inv-method').selectOption({ label: 'API' });
    await expectNoAxeViolations(page, 'new integration form');
    await shot('integration-form');
    await page.getByRole('button', { name: 'Legg til' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Integrasjoner' }).waitFor();
    await page.getByRole('link', { name: /Acos WebSak → Folkeregisteret/ }).waitFor();
    await expectNoAxeViolations(page, 'integrations register');
  });

  it('adds a contract that covers a system', async () => {
    await page.getByRole('link', { name: 'Avtaler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Avtaler' }).waitFor();
    await page.getByRole('link', { name: 'Legg til' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny avtale' }).waitFor();
    await expectDisabledHintReadable('new contract form before a municipality is chosen');
    await page.locator('#inv-municipalityNumber').selectOption({ label: name(0) });
    await page.locator('#inv-vendor').fill('Visma');
    await page.locator('#inv-endDate').fill('2029-12-31');
    await page.locator('#inv-changeClause').selectOption({ label: 'Avtalen går over til ny kommune' });
    await page.locator('#inv-annualCost').fill('1 200 000');
    await page.locator('#inv-systemIds-search').fill('flyt');
    await expect.poll(() => page.locator('#inv-systemIds option').allInnerTexts()).toContain('Flyt Skole – Visma');
    await page.locator('#inv-systemIds').selectOption({ label: 'Flyt Skole – Visma' });
    await page.getByRole('button', { name: 'Legg til systemet' }).click();
    await page.getByRole('button', { name: 'Fjern Flyt Skole' }).waitFor();
    await expectNoAxeViolations(page, 'new contract form');
    await shot('contract-form');
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Avtaler' }).waitFor();
    const row = page.getByRole('row', { name: /Visma/ });
    await expect.poll(() => row.innerText()).toContain('Avtalen går over til ny kommune');
    expect(await row.innerText()).toContain('Flyt Skole');
    expect(await row.innerText()).toContain('31.12.2029');
    await expectNoAxeViolations(page, 'contracts register');
  });

  it('refuses to delete a system in use, and deletes one that is not', async () => {
    await page.getByRole('link', { name: 'IKT-systemer' }).click();
    await page.getByRole('link', { name: 'Acos WebSak' }).click();
    await page.getByRole('button', { name: 'Slett' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Slette «Acos WebSak»?' }).waitFor();
    await expectNoAxeViolations(page, 'delete dialog');
    await dialog.getByRole('button', { name: 'Slett' }).click();
    await dialog.getByRole('alert').waitFor();
    await expectNoAxeViolations(page, 'delete dialog, refused');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByRole('link', { name: 'Tilbake til listen' }).click();
    await page.getByRole('link', { name: 'Visma Flyt Skole' }).click();
    await page.getByRole('button', { name: 'Slett' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Slett' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: IKT-systemer' }).waitFor();
    await expect.poll(() => page.locator('#register-count').innerText()).toBe('Viser 1–2 av 2');
  });

  it('opens the import page and asks for a file before previewing', async () => {
    // The real upload, preview and commit are in inventory-import.spec.ts.
    await page.getByRole('link', { name: 'Importer fra Excel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Importer fra Excel' }).waitFor();
    await page.getByRole('link', { name: 'Last ned Excel-malen' }).waitFor();
    await expectNoAxeViolations(page, 'import page');

    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await page.locator('.ds-error-summary').getByText('Velg en fil.').waitFor();
    await expectNoAxeViolations(page, 'import page, no file');
  });
});

describe('2,500 systems, a conflict, and a reader', () => {
  let big: MergerDetail;
  let firstSystem: { id: string; name: string };
  const reader = { name: 'Rita Leser', email: 'rita.leser@nye-kommune.no', password: 'Rita leser kartleggingen' };

  beforeAll(async () => {
    const created = await createMergerViaApi(api, {
      name: 'Stor kartlegging',
      newMunicipalityName: 'Nye Stor',
      mergerDate: '2030-01-01',
      municipalities: ['3101', '3105'],
    });
    big = (await (await api.request('GET', `/mergers/${created.id}`)).json()) as MergerDetail;
    const numbers = Array.from({ length: 2500 }, (_, index) => index);
    for (let start = 0; start < numbers.length; start += 50) {
      await Promise.all(
        numbers.slice(start, start + 50).map(async (index) => {
          const response = await api.request('POST', `/mergers/${big.id}/inventory/systems`, {
            municipalityNumber: index % 2 === 0 ? '3101' : '3105',
            name: `System ${String(index).padStart(4, '0')}`,
            vendor: `Leverandør ${index % 40}`,
            userCount: index,
          });
          if (response.status !== 201) throw new Error(`POST systems gave ${response.status}: ${await response.text()}`);
          if (index === 0) firstSystem = (await response.json()) as { id: string; name: string };
        }),
      );
    }
    const user = await api.request('POST', '/users', reader);
    if (user.status !== 201) throw new Error(`POST /users gave ${user.status}: ${await user.text()}`);
    const member = await api.request('POST', `/mergers/${big.id}/members`, { email: reader.email, role: 'reader' });
    if (member.status !== 201) throw new Error(`POST members gave ${member.status}: ${await member.text()}`);
  }, 180_000);

  it('shows 100 rows a page, with the count and paging', async () => {
    await page.goto(`/sammenslainger/${big.id}/kartlegging/ikt-systemer`);
    await expect.poll(() => page.locator('#register-count').innerText()).toBe('Viser 1–100 av 2\u00a0500');
    expect(await rows().count()).toBe(100);
    await page.getByText('Side 1 av 25').waitFor();
    await expectNoAxeViolations(page, 'register with 2,500 rows');
    await page.getByRole('button', { name: 'Neste side' }).click();
    await page.waitForURL(/side=2/);
    await expect.poll(() => page.locator('#register-count').innerText()).toBe('Viser 101–200 av 2\u00a0500');
    await expect.poll(() => rows().first().innerText()).toContain('System 0100');
    expect(await rows().count()).toBe(100);
  });

  it('explains a conflict when someone else saved first, and keeps what was typed', async () => {
    await page.goto(`/sammenslainger/${big.id}/kartlegging/ikt-systemer/${firstSystem.id}`);
    await page.getByRole('heading', { level: 1, name: 'Endre «System 0000»' }).waitFor();
    const patch = await api.request('PATCH', `/mergers/${big.id}/inventory/systems/${firstSystem.id}`, { version: 1, systemOwner: 'Noen andre' });
    expect(patch.status).toBe(200);
    await page.locator('#inv-vendor').fill('Ny leverandør');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('heading', { name: 'Noen andre har endret raden' }).waitFor();
    await expectNoAxeViolations(page, 'edit system, conflict');
    await page.getByRole('button', { name: 'Hent nyeste versjon' }).click();
    await page.getByText('Skjemaet viser nå den nyeste versjonen.', { exact: false }).waitFor();
    expect(await page.locator('#inv-systemOwner').inputValue()).toBe('Noen andre');
    await page.locator('.samla-draft').getByText('Ny leverandør').waitFor();
    await page.getByRole('button', { name: 'Legg inn endringene mine igjen' }).click();
    expect(await page.locator('#inv-vendor').inputValue()).toBe('Ny leverandør');
    await expectNoAxeViolations(page, 'edit system, conflict reloaded');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: IKT-systemer' }).waitFor();
  });

  it('lets a reader look but not change', async () => {
    const other = await newPage(browser, server.baseUrl);
    try {
      const readerPage = other.page;
      await signInThroughPage(readerPage, reader, `/sammenslainger/${big.id}/kartlegging/ikt-systemer`);
      await readerPage.getByRole('heading', { level: 1, name: 'Kartlegging: IKT-systemer' }).waitFor();
      await readerPage.getByText('rollen din gir ikke lov til å endre den', { exact: false }).waitFor();
      expect(await readerPage.getByRole('link', { name: 'Legg til' }).count()).toBe(0);
      await expectNoAxeViolations(readerPage, 'register as reader');
      await readerPage.getByRole('link', { name: 'System 0000' }).click();
      await readerPage.getByRole('heading', { level: 1, name: 'System 0000' }).waitFor();
      expect(await readerPage.locator('form').count()).toBe(0);
      expect(await readerPage.getByRole('button', { name: 'Slett' }).count()).toBe(0);
      await readerPage.getByText('Noen andre').waitFor();
      await expectNoAxeViolations(readerPage, 'system as reader');
    } finally {
      await other.context.close();
    }
  });
});
