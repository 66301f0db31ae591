import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, pickMunicipality, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// What the main journey does not cover: the server's own validation shown in the form,
// a conflicting edit (409), filters kept in the URL, overdue tasks, and the merger's own tasks.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;

beforeAll(async () => {
  server = await startServer();
  api = await apiSession(server.baseUrl, admin);
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  await signInThroughPage(page, admin);
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function tasksOf(mergerId: string, query = ''): Promise<Task[]> {
  const response = await api.request('GET', `/mergers/${mergerId}/tasks${query}`);
  return ((await response.json()) as { tasks: Task[] }).tasks;
}

async function patchTask(mergerId: string, task: Task, body: Record<string, unknown>): Promise<Task> {
  const response = await api.request('PATCH', `/mergers/${mergerId}/tasks/${task.id}`, { version: task.version, ...body });
  if (response.status !== 200) throw new Error(`PATCH gave ${response.status}: ${await response.text()}`);
  return (await response.json()) as Task;
}

describe('the server is the authority', () => {
  it('shows the server’s answer on the field it concerns and keeps the input', async () => {
    await page.goto('/sammenslainger/ny');
    await page.locator('#merger-municipalities').waitFor();
    await page.getByLabel('Navn på prosjektet').fill('Nye Fosen');
    await page.getByLabel('Navn på den nye kommunen').fill('Fosen');
    await page.getByLabel('Sammenslåingstidspunkt').fill('2029-01-01');
    await pickMunicipality(page, 'Ørland', 'Ørland');
    await pickMunicipality(page, 'Åfjord', 'Åfjord');
    // Ørland writes bokmål, Åfjord is neutral: the merged municipality chooses its målform (decision 040).
    await page.getByRole('radio', { name: 'Bokmål', exact: true }).check();

    // Stand in for a register that changed under the user: the second number is unknown to the server.
    await page.route('**/api/v1/mergers', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const body = JSON.parse(route.request().postData() ?? '{}') as { municipalities: string[] };
      body.municipalities[1] = '9999';
      await route.continue({ postData: JSON.stringify(body) });
    });
    await page.getByRole('button', { name: 'Opprett sammenslåing' }).click();
    const summary = page.locator('.ds-error-summary');
    await summary.waitFor();
    await page.unroute('**/api/v1/mergers');

    const summaryText = await summary.innerText();
    expect(summaryText).toMatch(/9999/);
    expect(await page.locator('.samla-picker .ds-validation-message').first().isVisible()).toBe(true);
    expect(await page.getByLabel('Navn på prosjektet').inputValue()).toBe('Nye Fosen');
    expect(await page.getByRole('row', { name: /Åfjord/ }).isVisible()).toBe(true);
    expect(page.url()).toMatch(/\/sammenslainger\/ny$/);
    await expectNoAxeViolations(page, 'new merger form, server error');

    // Sent again unchanged, the real numbers pass.
    await page.getByRole('button', { name: 'Opprett sammenslåing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nye Fosen' }).waitFor();
  });

  it('explains a conflicting edit, keeps what the user typed, and lets them reload and apply it', async () => {
    const merger = await createMergerViaApi(api, {
      name: 'Konfliktprøve',
      newMunicipalityName: 'Nye Konflikt',
      mergerDate: '2030-01-01',
      municipalities: ['3101', '3105'],
    });
    const [task] = await tasksOf(merger.id, '?phase=2');
    if (!task) throw new Error('no task in phase 2');

    await page.goto(`/sammenslainger/${merger.id}/oppgaver/${task.id}`);
    await page.getByRole('heading', { level: 1, name: task.title }).waitFor();
    await page.getByLabel('Ansvarlig').fill('Min tekst');
    await page.getByRole('radio', { name: 'Pågår' }).check();

    // Someone else saves first.
    await patchTask(merger.id, task, { responsible: 'Noen andre', notes: 'Notat fra en annen' });

    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('heading', { name: 'Noen andre har endret oppgaven' }).waitFor();
    expect(await page.getByLabel('Ansvarlig').inputValue()).toBe('Min tekst');
    await expectNoAxeViolations(page, 'task edit, conflict');

    await page.getByRole('button', { name: 'Last inn den nyeste versjonen' }).click();
    await page.getByText('Det du skrev (ikke lagret)').waitFor();
    expect(await page.getByLabel('Ansvarlig').inputValue()).toBe('Noen andre');
    expect(await page.locator('.samla-draft').innerText()).toContain('Min tekst');
    await expectNoAxeViolations(page, 'task edit, reloaded after conflict');

    await page.getByRole('button', { name: 'Bruk det jeg skrev' }).click();
    expect(await page.getByLabel('Ansvarlig').inputValue()).toBe('Min tekst');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText(`Lagret: «${task.title}».`).waitFor();
    const [saved] = await tasksOf(merger.id, '?phase=2');
    expect(saved?.responsible).toBe('Min tekst');
    expect(saved?.status).toBe('in_progress');
    // What only the other person changed is kept.
    expect(saved?.notes).toBe('Notat fra en annen');
  });
});

describe('the checklist', () => {
  it('keeps filters in the URL, marks overdue tasks in text, and takes the merger’s own tasks', async () => {
    const merger = await createMergerViaApi(api, {
      name: 'Filterprøve',
      newMunicipalityName: 'Nye Filter',
      mergerDate: '2030-01-01',
      municipalities: ['4601', '4627'],
    });
    const phase3 = await tasksOf(merger.id, '?phase=3');
    const [late, done] = phase3;
    if (!late || !done) throw new Error('too few tasks in phase 3');
    await patchTask(merger.id, late, { dueDate: '2020-01-15', responsible: 'Arkivleder' });
    await patchTask(merger.id, done, { status: 'done' });

    await page.goto(`/sammenslainger/${merger.id}/sjekkliste?fase=3`);
    await page.getByRole('heading', { level: 1, name: 'Fase 3: Planlegging og anskaffelse' }).waitFor();
    // Overdue is said in words, not only in red.
    const lateRow = page.getByRole('row', { name: new RegExp(`^${late.title}`) });
    expect(await lateRow.innerText()).toMatch(/15\.01\.2020\s+Forfalt/);

    // A click, then the URL: the switch follows the URL, which under load can take a moment.
    await page.getByLabel('Bare forfalte oppgaver').click();
    await page.waitForURL(/forfalte=ja/);
    await expect.poll(() => page.getByLabel('Bare forfalte oppgaver').isChecked()).toBe(true);
    await page.locator('.samla-filters').getByText('Viser 1 oppgave.').waitFor();
    await page.locator('.samla-checklist-results[aria-busy="false"]').waitFor();
    expect(await page.locator('.samla-task-table tbody tr').count()).toBe(1);
    await expectNoAxeViolations(page, 'checklist, overdue only');

    await page.reload();
    await page.locator('.samla-filters').getByText('Viser 1 oppgave.').waitFor();
    expect(await page.getByLabel('Bare forfalte oppgaver').isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Fjern filtrene' }).click();
    await page.getByLabel('Status').selectOption({ label: 'Ferdig' });
    await page.waitForURL(/status=done/);
    await page.locator('.samla-filters').getByText('Viser 1 oppgave.').waitFor();
    await page.getByRole('row', { name: new RegExp(`^${done.title} Ferdig`) }).waitFor();

    // An own task under the first activity of phase 2.
    await page.getByLabel('Status').selectOption({ label: 'Alle statuser' });
    await page.getByLabel('Fase', { exact: true }).selectOption({ label: '2. Kartlegging og målbilde' });
    await page.waitForURL(/fase=2/);
    await page.getByRole('heading', { level: 1, name: 'Fase 2: Kartlegging og målbilde' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Fase 2: Kartlegging og målbilde' }).waitFor();
    await page.locator('.samla-checklist-results[aria-busy="false"]').waitFor();
    const firstActivity = page.locator('.samla-activity').first();
    await firstActivity.getByText('Legg til egen oppgave').click();
    await firstActivity.getByRole('button', { name: 'Legg til oppgaven' }).click();
    expect(await firstActivity.locator('.ds-validation-message').innerText()).toBe('Skriv hva oppgaven går ut på.');
    await firstActivity.getByLabel(/^Ny oppgave/).fill('Kartlegge velferdsteknologi i begge kommunene');
    await firstActivity.getByRole('button', { name: 'Legg til oppgaven' }).click();
    const ownRow = page.getByRole('row', { name: /Kartlegge velferdsteknologi i begge kommunene Egen oppgave Ikke startet/ });
    await ownRow.waitFor();
    await expectNoAxeViolations(page, 'checklist with an own task');

    // The own task's title can be edited on its page.
    await ownRow.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegge velferdsteknologi i begge kommunene' }).waitFor();
    await page.getByLabel('Oppgave', { exact: true }).fill('Kartlegge velferdsteknologi');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('row', { name: /^Kartlegge velferdsteknologi Egen oppgave/ }).waitFor();
  });
});

describe('a page whose thing does not exist', () => {
  it('says so once, for a task and for a merger', async () => {
    const merger = await createMergerViaApi(api, {
      name: 'Feilprøve',
      newMunicipalityName: 'Nye Feil',
      mergerDate: '2029-01-01',
      municipalities: ['5055', '5056'],
    });
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [path, why] of [
      [`/sammenslainger/${merger.id}/oppgaver/${unknown}`, 'Fant ikke oppgaven.'],
      [`/sammenslainger/${unknown}`, 'Fant ikke sammenslåingen.'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Vi fikk ikke hentet innholdet.' }).waitFor();
      await page.getByRole('alert').getByText(why, { exact: false }).waitFor();
      // The failure is said once: no second heading with the same words under the first.
      expect(await page.getByText('Vi fikk ikke hentet innholdet.', { exact: true }).count()).toBe(1);
      // What does not exist is not fetched again.
      expect(await page.getByRole('button', { name: 'Prøv igjen' }).count()).toBe(0);
      await expectNoAxeViolations(page, `missing thing at ${path}`);
    }
  });
});
