import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { openUserMenuItem, signInThroughPage } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 21: each person chooses per kind of notification whether it comes by e-mail straks,
// in a daily summary or not at all; on a server without SMTP the page says e-mail is off.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext | undefined;
let page: Page | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('«Varslingsinnstillinger»', () => {
  it('is reached from the user menu, says e-mail is off here, and keeps a changed choice', async () => {
    ({ context, page } = await newPage(browser, server.baseUrl));
    await signInThroughPage(page, admin);
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    const name = (session as { session: { user: { name: string } } }).session.user.name;
    await openUserMenuItem(page, name, 'Varslingsinnstillinger');
    await page.getByRole('heading', { level: 1, name: 'Varslingsinnstillinger' }).waitFor();
    await page.getByText('E-post er slått av på denne serveren').waitFor();

    const assigned = page.getByRole('group', { name: 'Når du blir gjort ansvarlig for noe' });
    expect(await assigned.getByRole('radio', { name: 'Straks' }).isChecked()).toBe(true);
    const comments = page.getByRole('group', { name: 'Når noen kommenterer noe du følger' });
    expect(await comments.getByRole('radio', { name: 'Daglig sammendrag' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'mail settings, e-mail off');

    await comments.getByRole('radio', { name: 'Av' }).check();
    await page.getByRole('checkbox', { name: 'Send meg ukesoppsummeringen' }).uncheck();
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Varslingsinnstillingene er lagret.' }).waitFor();
    await expectNoAxeViolations(page, 'mail settings, saved');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Varslingsinnstillinger' }).waitFor();
    expect(await page.getByRole('group', { name: 'Når noen kommenterer noe du følger' }).getByRole('radio', { name: 'Av' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Send meg ukesoppsummeringen' }).isChecked()).toBe(false);
  });
});
