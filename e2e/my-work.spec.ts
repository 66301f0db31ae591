import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Merger } from '#shared/contracts/mergers.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 21, people and assignments: the project leader picks a member as «Ansvarlig» for a task
// from the searchable list; the member signs in and finds it under «Mine oppgaver», overdue
// first, with a link back to the task, and can make a personal calendar address.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let merger: Merger;
let task: { id: string; title: string };
const mona = { email: 'mona.medlem@samla.test', password: 'Mona har et langt passord', name: 'Mona Medlem' };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  merger = await createMergerViaApi(api, {
    name: 'Ansvarsprøve',
    newMunicipalityName: 'Nye Nordhordland',
    mergerDate: '2030-01-01',
    municipalities: ['4601', '4626'],
  });
  const created = await api.request('POST', '/users', mona);
  expect(created.status, await created.clone().text()).toBe(201);
  const added = await api.request('POST', `/mergers/${merger.id}/members`, { email: mona.email, role: 'member' });
  expect(added.status, await added.clone().text()).toBeLessThan(300);
  const tasks = (await (await api.request('GET', `/mergers/${merger.id}/tasks`)).json()) as { tasks: Array<{ id: string; title: string; version: number }> };
  task = tasks.tasks[0]!;
  // A second task for Mona, overdue, given through the API: it must come first in her list.
  const overdue = tasks.tasks[1]!;
  const assigned = await api.request('PATCH', `/mergers/${merger.id}/tasks/${overdue.id}`, {
    version: overdue.version,
    responsibleUserId: (await findUserId(mona.email))!,
    dueDate: '2020-01-15',
  });
  expect(assigned.status, await assigned.clone().text()).toBe(200);
});
afterEach(async ({ task: test }) => {
  await screenshotIfFailed(page, test.name, test.result?.state === 'fail');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function findUserId(email: string): Promise<string | undefined> {
  const members = (await (await api.request('GET', `/mergers/${merger.id}/members`)).json()) as { members: Array<{ userId: string; email: string }> };
  return members.members.find((member) => member.email === email)?.userId;
}

describe('«Ansvarlig» and «Mine oppgaver»', () => {
  it('the project leader picks a member from the list as responsible for a task', async () => {
    await signInThroughPage(page, admin, `/sammenslainger/${merger.id}/oppgaver/${task.id}`);
    const field = page.getByRole('combobox', { name: 'Ansvarlig' });
    await field.waitFor();
    await field.focus();
    await page.keyboard.type('mon');
    const option = page.getByRole('option', { name: `${mona.name} (${mona.email})` });
    await option.waitFor({ state: 'visible' });
    await expectNoAxeViolations(page, 'task form with the member list open');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await field.inputValue()).toBe(mona.name);
    await page.getByTestId('responsible-state').getByText(`${mona.name} er medlem og får beskjed`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/sjekkliste'));

    const saved = (await (await api.request('GET', `/mergers/${merger.id}/tasks/${task.id}`)).json()) as Record<string, unknown>;
    expect(saved).toMatchObject({ responsibleName: mona.name, responsible: null });
    expect(saved.responsibleUserId).toBe(await findUserId(mona.email));
  });

  it('the member sees both tasks under «Mine oppgaver», the overdue one first, and makes a calendar address', async () => {
    const { context: monaContext, page: monaPage } = await newPage(browser, server.baseUrl);
    try {
      await signInThroughPage(monaPage, mona, '/');
      await monaPage.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mine oppgaver' }).click();
      await monaPage.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
      const table = monaPage.getByTestId('my-work-table');
      await table.waitFor();
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(0).innerText()).toContain('Forfalt');
      expect(await rows.nth(0).innerText()).toContain('15.01.2020');
      expect(await rows.nth(1).innerText()).toContain(task.title);
      expect(await rows.nth(1).innerText()).toContain('Ansvarsprøve');
      await expectNoAxeViolations(monaPage, 'Mine oppgaver');

      // «Ferdig» shows nothing yet, and the filter lives in the address.
      await monaPage.getByLabel('Status').selectOption({ label: 'Ferdig' });
      await monaPage.getByTestId('my-work-empty').waitFor();
      expect(monaPage.url()).toContain('status=done');
      await monaPage.getByLabel('Status').selectOption({ label: 'Gjenstår' });
      await table.waitFor();

      await monaPage.getByRole('button', { name: 'Lag kalenderadresse' }).click();
      const address = monaPage.getByLabel('Kalenderadresse');
      await address.waitFor();
      const url = await address.inputValue();
      expect(url).toMatch(/\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]+\/mine-oppgaver\.ics$/);
      await expectNoAxeViolations(monaPage, 'Mine oppgaver with a new calendar address');
      const feed = await fetch(url);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('DTSTART;VALUE=DATE:20200115');

      await rows.nth(1).getByRole('link', { name: task.title }).click();
      await monaPage.waitForURL((to) => to.pathname.endsWith(`/oppgaver/${task.id}`));
    } finally {
      await monaContext.close();
    }
  });
});
