import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 21, the team's day in one journey: the project leader gives a member three tasks in one
// go and @mentions her in a comment; the member signs in to two unread notifications, finds the
// tasks in «Mine oppgaver» and sets two of them «Ferdig» together; the project leader issues the
// steering group's report with her own words, and the report lists the two tasks done.

let server: RunningServer;
let browser: Browser;
let leadContext: BrowserContext;
let memberContext: BrowserContext | undefined;
let page: Page;
let api: ApiSession;
let mergerId: string;
const lead = { name: 'Pia Prosjektleder', email: 'pia@nye-kommune.no', password: 'Pia leder prosjektet med et langt passord' };
const member = { name: 'Mona Medlem', email: 'mona@nye-kommune.no', password: 'Mona gjør oppgavene sine hver dag' };
const titles = ['Teamdag: kartlegge fagsystemene', 'Teamdag: avklare lisensene', 'Teamdag: planlegge opplæringen'] as const;
const taskIds: string[] = [];

async function ok(response: Response, what: string): Promise<Response> {
  if (response.status >= 300) throw new Error(`${what} gave ${response.status}: ${await response.text()}`);
  return response;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context: leadContext, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  mergerId = (await createMergerViaApi(api, { name: 'Teamdag', newMunicipalityName: 'Nye Fosen', mergerDate: '2029-01-01', municipalities: ['5057', '5058'] }))
    .id;
  for (const person of [lead, member]) await ok(await api.request('POST', '/users', person), `POST /users ${person.email}`);
  await ok(await api.request('POST', `/mergers/${mergerId}/members`, { email: lead.email, role: 'lead' }), 'add lead');
  await ok(await api.request('POST', `/mergers/${mergerId}/members`, { email: member.email, role: 'member' }), 'add member');
  for (const title of titles) {
    const created = await ok(await api.request('POST', `/mergers/${mergerId}/tasks`, { activityId: 'fase-1-akt-1', title }), `POST task ${title}`);
    taskIds.push(((await created.json()) as { id: string }).id);
  }
}, 180_000);
afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});
afterAll(async () => {
  await memberContext?.close();
  await leadContext?.close();
  await browser?.close();
  await server?.stop();
});

/** The checklist narrowed to the journey's tasks by its search. */
async function searchChecklist(): Promise<void> {
  await page.goto(`/sammenslainger/${mergerId}/sjekkliste`);
  await page.getByRole('heading', { level: 1, name: 'Sjekkliste' }).waitFor();
  const search = page.getByRole('searchbox', { name: 'Søk i oppgavene' });
  await search.fill('teamdag');
  await search.press('Enter');
  await page.waitForURL(/sok=teamdag/);
  await page.locator('.samla-filters').getByText('Viser 3 oppgaver.').waitFor();
  await page.locator('.samla-checklist-results[aria-busy="false"]').waitFor();
}

describe('a project team works in Samla', () => {
  it('the project leader gives a member three tasks at once and mentions her in a comment', async () => {
    await signInThroughPage(page, lead, `/sammenslainger/${mergerId}/sjekkliste`);
    await searchChecklist();
    await page.getByLabel(/^Velg alle synlige/).check();
    await page.getByTestId('bulk-count').getByText('3 oppgaver valgt.').waitFor();
    await page.getByLabel('Hva vil du endre?').selectOption('responsible');
    const responsible = page.getByRole('combobox', { name: 'Ny ansvarlig' });
    await responsible.focus();
    await page.keyboard.type('mon');
    await page.getByRole('option', { name: `${member.name} (${member.email})` }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await responsible.inputValue()).toBe(member.name);
    await expectNoAxeViolations(page, 'checklist, giving three tasks to a member');
    await page.getByRole('button', { name: 'Endre 3 oppgaver' }).click();
    await page.getByTestId('bulk-result').getByText('3 oppgaver ble endret.').waitFor();

    await page.goto(`/sammenslainger/${mergerId}/oppgaver/${taskIds[0]}`);
    const comments = page.getByRole('region', { name: 'Kommentarer' });
    // The task page and its comments have loaded before anything is typed.
    await comments.getByText('Ingen kommentarer ennå.').waitFor();
    const field = comments.getByRole('textbox', { name: 'Ny kommentar' });
    await field.click();
    await page.keyboard.type('Start gjerne her, @Mon');
    await page.getByRole('option', { name: member.name }).waitFor();
    await page.keyboard.press('Enter');
    // The pick has put the name in before the rest is typed.
    await expect.poll(() => field.inputValue()).toBe(`Start gjerne her, @${member.name} `);
    await page.keyboard.type('så tar vi resten på fredag.');
    await expect.poll(() => field.inputValue()).toBe(`Start gjerne her, @${member.name} så tar vi resten på fredag.`);
    await comments.getByRole('button', { name: 'Legg til kommentar' }).click();
    await comments.getByRole('listitem').filter({ hasText: 'så tar vi resten på fredag.' }).waitFor();
  });

  it('the member sees two unread notifications and her tasks, and sets two «Ferdig» together', async () => {
    ({ context: memberContext, page } = await newPage(browser, server.baseUrl));
    await signInThroughPage(page, member, '/');
    // One for the three tasks given at once, one for the mention.
    await page.getByRole('link', { name: 'Varsler, 2 uleste' }).click();
    await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    const notifications = page.getByRole('list', { name: 'Varslene dine' });
    await notifications.getByRole('link', { name: new RegExp(`^${lead.name} ga deg ansvaret for «${titles[0]}`) }).waitFor();
    await notifications.getByText('og 2 oppgaver til').waitFor();
    await notifications.getByRole('link', { name: new RegExp(`^${lead.name} nevnte deg i en kommentar til «${titles[0]}`) }).waitFor();
    await expectNoAxeViolations(page, 'Varsler with two unread');

    await page.getByRole('link', { name: 'Mine oppgaver' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    for (const title of titles)
      await page
        .getByRole('main')
        .getByRole('link', { name: new RegExp(title) })
        .waitFor();
    await expectNoAxeViolations(page, 'Mine oppgaver with three tasks');

    await searchChecklist();
    await page.getByRole('checkbox', { name: `Velg «${titles[0]}»` }).check();
    await page.getByRole('checkbox', { name: `Velg «${titles[1]}»` }).check();
    expect(await page.getByLabel('Sett oppgavene til').inputValue()).toBe('done');
    await page.getByRole('button', { name: 'Endre 2 oppgaver' }).click();
    await page.getByTestId('bulk-result').getByText('2 oppgaver ble endret.').waitFor();
    await page.getByRole('row', { name: new RegExp(`^${titles[0]} Egen oppgave Ferdig`) }).waitFor();
    await page.getByRole('row', { name: new RegExp(`^${titles[1]} Egen oppgave Ferdig`) }).waitFor();
  });

  it('the project leader issues the report in her own words, and it lists the two tasks done', async () => {
    page = await leadContext.newPage();
    await page.goto(`/sammenslainger/${mergerId}/rapporter`);
    await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
    await page.getByRole('radio', { name: 'Grønn' }).check();
    await page.getByLabel('Begrunnelse for statusen').fill('Kartleggingen går etter planen.');
    await page.getByLabel('Hovedpunkter').fill('- Fagsystemene er kartlagt.\n\n- Lisensene er avklart.');
    await page.getByRole('button', { name: 'Utsted rapporten' }).click();
    await page.getByRole('main').getByText('er utstedt og lagret.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'reports with the issued report');

    const list = (await (await ok(await api.request('GET', `/mergers/${mergerId}/reports`), 'reports')).json()) as {
      reports: Array<{ id: string; issuedBy: string }>;
    };
    expect(list.reports.map((report) => report.issuedBy)).toEqual([lead.name]);
    const pdf = Buffer.from(await (await ok(await api.request('GET', `/mergers/${mergerId}/reports/${list.reports[0]!.id}/pdf`), 'report pdf')).arrayBuffer());
    const dir = mkdtempSync(path.join(tmpdir(), 'samla-journey-'));
    try {
      writeFileSync(path.join(dir, 'report.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replaceAll(/\s+/g, ' ');
      expect(text).toContain('Fagsystemene er kartlagt.');
      const done = text.slice(text.indexOf('Oppgaver fullført i perioden'));
      expect(done).toContain('2 oppgaver ble satt som ferdige i perioden.');
      expect(done).toContain(titles[0]);
      expect(done).toContain(titles[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
