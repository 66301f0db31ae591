import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { signInThroughPage } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Someone trying Samla for the first time: an empty start page offers the demo
// merger; one click makes it and opens it, marked as demo, with invented data
// on every page. The start page, the demo and the marked list pass axe.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('demo merger', () => {
  it('is made from the empty start page with one click, opens, and is marked as demo', async () => {
    await signInThroughPage(page, admin, '/');
    await page.getByRole('heading', { level: 2, name: 'Ingen sammenslåinger ennå' }).waitFor();
    await expectNoAxeViolations(page, 'empty start page with the demo button');

    await page.getByRole('button', { name: 'Prøv Samla med en demosammenslåing' }).click();
    await page.waitForURL(/\/sammenslainger\/[0-9a-f-]{36}$/, { timeout: 90_000 });

    const heading = page.getByRole('heading', { level: 1, name: /^Demo: Digital sammenslåing Gjøvik og Toten/ });
    await heading.waitFor();
    // The name says Demo, and so does the mark next to it.
    expect(await heading.locator('.samla-demo-tag').textContent()).toBe('Demo');
    await page.getByText('Dette er en demosammenslåing med oppdiktede data.', { exact: false }).waitFor();
    // The start page has content to show: the dashboard of a merger under way.
    await page.getByTestId('dashboard').waitFor();
    await expectNoAxeViolations(page, 'demo merger start page');

    // Back on the list, the demo is marked next to its name.
    await page.goto('/');
    const card = page.locator('.samla-merger-card', { hasText: 'Gjøvik og Toten' });
    await card.waitFor();
    expect(await card.locator('.samla-demo-tag').textContent()).toBe('Demo');
    expect(await page.getByRole('button', { name: 'Prøv Samla med en demosammenslåing' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'merger list with a demo merger');
  });
});
