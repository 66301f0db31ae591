import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Historikk as people read it (issue 18): other rows by the names they had (also
// after they are deleted), values in Norwegian words, and a table that wraps
// within the page on a laptop (1366 px) and on a phone (390 px).

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let mergerId: string;

const longName = 'Visma Profil Elektronisk Pasientjournal for Helse og Omsorg med Mobil Omsorg og Meldingsutveksling';
const unbroken = 'https://example.no/' + 'lang-adresse-uten-mellomrom-'.repeat(12);
const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

async function created(path: string, body: unknown): Promise<{ id: string; version: number }> {
  const response = await api.request('POST', `/mergers/${mergerId}${path}`, body);
  if (response.status !== 201) throw new Error(`POST ${path} gave ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string; version: number };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  mergerId = (
    await createMergerViaApi(api, { name: 'Historikkprøve', newMunicipalityName: 'Nye Historikk', mergerDate: '2028-01-01', municipalities: ['4601', '4626'] })
  ).id;
  const visma = await created('/inventory/systems', { municipalityNumber: '4601', name: longName, archiveWorthy: true });
  const gerica = await created('/inventory/systems', { municipalityNumber: '4626', name: 'Gerica' });
  const integration = await created('/inventory/integrations', {
    municipalityNumber: '4601',
    fromSystemId: visma.id,
    toSystemId: gerica.id,
    direction: 'outbound',
  });
  await created('/risks', { title: 'Nedetid i journalen', systemIds: [gerica.id], consequences: { economy: 3, reputation: 2 }, likelihood: 3 });
  await created('/schedule/milestones', { title: 'Fellesnemndsmøte', date: '2027-05-04', kind: 'joint_committee_meeting' });
  const { tasks } = (await (await api.request('GET', `/mergers/${mergerId}/tasks`)).json()) as { tasks: Task[] };
  const task = tasks[0]!;
  const patched = await api.request('PATCH', `/mergers/${mergerId}/tasks/${task.id}`, { version: task.version, status: 'in_progress', notes: unbroken });
  expect(patched.status).toBe(200);
  // The integration goes, then the system it came from: history still names it.
  expect((await api.request('DELETE', `/mergers/${mergerId}/inventory/integrations/${integration.id}?version=1`)).status).toBe(204);
  expect((await api.request('DELETE', `/mergers/${mergerId}/inventory/systems/${visma.id}?version=1`)).status).toBe(204);
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** How far the page and the history table reach past the window, in pixels (0 when everything fits). */
async function overflow(): Promise<{ page: number; table: number; cells: number }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const table = document.querySelector('.samla-history-table')!.getBoundingClientRect();
    const cells = [...document.querySelectorAll('.samla-history-table td')].map((cell) => cell.scrollWidth - cell.clientWidth);
    return {
      page: document.documentElement.scrollWidth - width,
      table: Math.max(0, table.right - width),
      cells: Math.max(0, ...cells),
    };
  });
}

/** With SAMLA_E2E_SHOTS set, a full-page screenshot there to look at. */
async function shot(name: string): Promise<void> {
  const folder = process.env.SAMLA_E2E_SHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

async function openHistory(): Promise<void> {
  await page.goto(`/sammenslainger/${mergerId}/historikk`);
  await page.getByRole('heading', { level: 1, name: 'Historikk' }).waitFor();
  await page.locator('.samla-history-table tbody tr').first().waitFor();
}

describe('Historikk', () => {
  it('names rows by name and values in Norwegian, and fits the page at 1366 px', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInThroughPage(page, admin, `/sammenslainger/${mergerId}/historikk`);
    await openHistory();
    // As a sighted person reads it: without the words only screen readers get («endret til»).
    const rows = await page.locator('.samla-history-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')]
          .flatMap((cell) => {
            const clone = cell.cloneNode(true) as HTMLElement;
            for (const hidden of clone.querySelectorAll('.ds-sr-only')) hidden.remove();
            const items = [...clone.querySelectorAll('li')];
            return (items.length > 0 ? items : [clone]).map((part) => (part.textContent ?? '').replace(/\s+/g, ' ').trim());
          })
          .join(' | '),
      ),
    );
    const text = rows.join('\n');
    expect(text).toContain(`Fra system: ${longName}`);
    expect(text).toContain('Til system: Gerica');
    expect(text).toContain('Retning: Ut');
    expect(text).toContain('Konsekvens: Økonomi 3, Omdømme 2');
    expect(text).toContain('Type: Fellesnemnda-møte');
    expect(text).toContain('Status: Ikke startet → Pågår');
    expect(text).toContain('Arkivverdig: Ja');
    expect(text).toContain('Integrasjon');
    // What a deleted row was, without a list of «→ (tom)».
    const deleted = rows.find((row) => row.includes('| Slettet |') && row.includes('IKT-system'));
    expect(deleted).toContain(`| Slettet | Kommunenummer: Bergen (4601) | Navn: ${longName} | Arkivverdig: Ja`);
    expect(text).not.toMatch(uuidPattern);
    expect(text).not.toMatch(/outbound|joint_committee_meeting|not_started|in_progress|\{"/);
    expect(await overflow()).toEqual({ page: 0, table: 0, cells: 0 });
    await expectNoAxeViolations(page, 'Historikk at 1366 px');
    await shot('history-1366');
  });

  it('fits a phone (390 × 844): no sideways scrolling, each change readable', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openHistory();
    expect(await overflow()).toEqual({ page: 0, table: 0, cells: 0 });
    // The long address breaks inside its card.
    const notes = page.locator('.samla-changes li', { hasText: 'Notater:' }).first();
    const box = (await notes.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'Historikk at 390 px');
    await shot('history-390');
    if (process.env.SAMLA_E2E_SHOTS) {
      await page
        .locator('.samla-history-table tbody tr')
        .nth(2)
        .evaluate((row) => row.scrollIntoView());
      await page.screenshot({ path: `${process.env.SAMLA_E2E_SHOTS}/history-390-cards.png` });
    }
  });
});
