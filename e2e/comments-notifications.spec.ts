import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 21 in the browser: the lead comments on a task and @mentions a member, picking them
// with the keyboard; the member signs in, sees one unread in the header, opens «Varsler» and
// follows the link to the comment. axe on the task page with comments and on «Varsler».

let server: RunningServer;
let browser: Browser;
let leadContext: BrowserContext;
let memberContext: BrowserContext | undefined;
let page: Page;
let api: ApiSession;
let mergerId: string;
let taskId: string;
let taskTitle: string;

const lead = { name: 'Lise Leder', email: 'lise.leder@nye-kommune.no', password: 'Lise leder prosjektet med et langt passord' };
const member = { name: 'Mari Medarbeider', email: 'mari@nye-kommune.no', password: 'Mari svarer på kommentarer hele dagen' };

async function ok(response: Response, what: string): Promise<Response> {
  if (response.status >= 300) throw new Error(`${what} gave ${response.status}: ${await response.text()}`);
  return response;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context: leadContext, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  mergerId = (
    await createMergerViaApi(api, { name: 'Kommentarprøve', newMunicipalityName: 'Nye Fosen', mergerDate: '2029-01-01', municipalities: ['5057', '5058'] })
  ).id;
  for (const person of [lead, member]) await ok(await api.request('POST', '/users', person), `POST /users ${person.email}`);
  await ok(await api.request('POST', `/mergers/${mergerId}/members`, { email: lead.email, role: 'lead' }), 'add lead');
  await ok(await api.request('POST', `/mergers/${mergerId}/members`, { email: member.email, role: 'member' }), 'add member');
  const tasks = (await (await ok(await api.request('GET', `/mergers/${mergerId}/tasks`), 'tasks')).json()) as { tasks: Array<{ id: string; title: string }> };
  taskId = tasks.tasks[0]!.id;
  taskTitle = tasks.tasks[0]!.title;
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

describe('comments and «Varsler»', () => {
  it('the lead comments on a task and mentions a member, picked with the keyboard', async () => {
    await signInThroughPage(page, lead, `/sammenslainger/${mergerId}/oppgaver/${taskId}`);
    const section = page.getByRole('region', { name: 'Kommentarer' });
    await section.getByText('Ingen kommentarer ennå.').waitFor();
    const field = section.getByRole('textbox', { name: 'Ny kommentar' });
    await field.click();
    await page.keyboard.type('Kan du se på dette, @Mari');
    const option = page.getByRole('option', { name: member.name });
    await option.waitFor();
    await expect(field.getAttribute('aria-activedescendant')).resolves.toBe(await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.keyboard.type('før fredag?');
    await expect(field.inputValue()).resolves.toBe(`Kan du se på dette, @${member.name} før fredag?`);
    await section.getByRole('button', { name: 'Legg til kommentar' }).click();

    const comment = section.getByRole('listitem').filter({ hasText: 'før fredag?' });
    await comment.waitFor();
    await expect(comment.locator('.samla-mention').textContent()).resolves.toBe(`@${member.name}`);
    await expect(field.inputValue()).resolves.toBe('');
    await expectNoAxeViolations(page, 'task page with a comment');
  });

  it('the member is told: one unread in the header, «Varsler» lists it, and the link opens the comment', async () => {
    ({ context: memberContext, page } = await newPage(browser, server.baseUrl));
    await signInThroughPage(page, member, '/');
    const varsler = page.getByRole('link', { name: 'Varsler, 1 ulest' });
    await varsler.waitFor();
    await varsler.click();
    await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    const list = page.getByRole('list', { name: 'Varslene dine' });
    const link = list.getByRole('link', { name: new RegExp(`^${lead.name} nevnte deg i en kommentar til «${taskTitle}`) });
    await link.waitFor();
    await list.getByText(`«Kan du se på dette, @${member.name} før fredag?»`).waitFor();
    await expectNoAxeViolations(page, 'Varsler with one unread');

    await link.click();
    await page.waitForURL((url) => url.pathname === `/sammenslainger/${mergerId}/oppgaver/${taskId}` && url.hash.startsWith('#kommentar-'));
    await page.getByRole('region', { name: 'Kommentarer' }).getByText('før fredag?', { exact: false }).waitFor();
    // Opened: read, and the header says so.
    await page.getByRole('link', { name: 'Varsler, ingen uleste' }).waitFor();
    await expectNoAxeViolations(page, 'task page opened from a notification');
  });
});
