import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { signInThroughPage } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// The municipality picker on «Ny sammenslåing» as a combobox, with the keyboard alone: the list
// opens only as one types, holds only what matches (every name part, diacritics ignored), and
// closes after a pick with focus still in the field; the official names of today's register.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  await signInThroughPage(page, admin, '/sammenslainger/ny');
});
afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const input = () => page.getByRole('combobox', { name: 'Kommuner som slås sammen' });
const listbox = () => page.getByRole('listbox', { name: 'Kommuner som passer med søket' });
const options = () => listbox().getByRole('option');
const activeElementId = () => page.evaluate(() => document.activeElement?.id);

describe('the municipality picker', () => {
  it('opens only as one types, filters by every name part without diacritics, and closes after a pick with focus kept', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('heading', { level: 1, name: 'Ny sammenslåing' }).waitFor();
    await input().waitFor();
    expect(await input().getAttribute('aria-expanded')).toBe('false');
    expect(await listbox().count()).toBe(0); // hidden: not in the accessibility tree
    await expectNoAxeViolations(page, 'picker, closed');

    await input().focus();
    await page.keyboard.type('kauto');
    await listbox().waitFor();
    expect(await input().getAttribute('aria-expanded')).toBe('true');
    expect(await options().allInnerTexts()).toEqual(['Guovdageaidnu – Kautokeino (5612), Finnmark']);
    // The list is under the field, never over its label.
    const labelBox = (await page.locator('label[for="merger-municipalities"]').boundingBox())!;
    const inputBox = (await input().boundingBox())!;
    const listBox = (await listbox().boundingBox())!;
    expect(listBox.y).toBeGreaterThanOrEqual(inputBox.y + inputBox.height);
    expect(listBox.y).toBeGreaterThan(labelBox.y + labelBox.height);
    await expectNoAxeViolations(page, 'picker, open');

    await page.keyboard.press('ArrowDown');
    const active = await input().getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    expect(await page.locator(`[id="${active}"]`).innerText()).toContain('Guovdageaidnu – Kautokeino');
    await page.keyboard.press('Enter');
    await page.getByRole('row', { name: /Guovdageaidnu – Kautokeino 5612 Finnmark Bokmål/ }).waitFor();
    expect(await input().getAttribute('aria-expanded')).toBe('false');
    expect(await listbox().count()).toBe(0);
    expect(await input().inputValue()).toBe('');
    expect(await activeElementId()).toBe('merger-municipalities');
    expect(page.url()).toMatch(/\/sammenslainger\/ny$/); // Enter picked; it did not send the form
    await page.getByTestId('live-announcer').getByText('La til Guovdageaidnu – Kautokeino. 1 kommune er valgt.').waitFor();
    await expectNoAxeViolations(page, 'picker, one picked');

    // Straight on to the next, typed without the Sami letters.
    await page.keyboard.type('karasjohka');
    await listbox().waitFor();
    expect(await options().allInnerTexts()).toEqual(['Kárášjohka – Karasjok (5610), Finnmark']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('row', { name: /Kárášjohka – Karasjok 5610/ }).waitFor();
    expect(await listbox().count()).toBe(0);
    expect(await activeElementId()).toBe('merger-municipalities');
  });

  it('lists best matches first, marks what is picked, moves with the arrows and closes with Escape', async () => {
    await page.keyboard.type('ås');
    await listbox().waitFor();
    const texts = await options().allInnerTexts();
    // Names that begin with what was typed, alphabetically, before those that only contain it.
    expect(texts.slice(0, 3)).toEqual(['Ås (3218), Akershus', 'Åseral (4224), Agder', 'Åsnes (3418), Innlandet']);
    expect(texts.length).toBeLessThan(60);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator(`[id="${await input().getAttribute('aria-activedescendant')}"]`).innerText()).toContain('Ås (3218)');
    await page.keyboard.press('Escape');
    expect(await listbox().count()).toBe(0);
    expect(await input().inputValue()).toBe('ås'); // the first Escape closes the list, the text stays
    await page.keyboard.press('Escape');
    expect(await input().inputValue()).toBe('');

    // A picked one shows as selected in the list, and nothing matching says so.
    await page.keyboard.type('Guovda');
    await listbox().waitFor();
    expect(await options().first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.type('zzz');
    await listbox().getByText('Ingen kommuner passer med søket').waitFor();
    await expectNoAxeViolations(page, 'picker, nothing matches');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    // ↓ on an empty field opens the whole register (asked for), Tab closes it.
    await page.keyboard.press('ArrowDown');
    await listbox().waitFor();
    expect(await options().count()).toBe(357);
    await page.keyboard.press('Tab');
    expect(await listbox().count()).toBe(0);
  });

  it('removes a pick from the table and puts focus back in the field; the merger keeps the official names', async () => {
    await input().focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Fjern Kárášjohka – Karasjok' }).click();
    await page.getByRole('row', { name: /Kárášjohka/ }).waitFor({ state: 'detached' });
    expect(await activeElementId()).toBe('merger-municipalities');
    await page.keyboard.type('5622');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('row', { name: /Porsanger – Porsáŋgu – Porsanki 5622/ }).waitFor();

    await page.getByLabel('Navn på prosjektet').fill('Finnmarksvidda');
    await page.getByLabel('Navn på den nye kommunen').fill('Vidda');
    await page.getByLabel('Sammenslåingstidspunkt').fill('2030-01-01');
    await page.getByRole('button', { name: 'Opprett sammenslåing' }).click();
    await page.waitForURL(/\/sammenslainger\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Finnmarksvidda' }).waitFor();
    await page.getByRole('row', { name: /Guovdageaidnu – Kautokeino 5612/ }).waitFor();
    await page.getByRole('row', { name: /Porsanger – Porsáŋgu – Porsanki 5622/ }).waitFor();
  });

  it('works on a phone: the list stays within the screen and axe finds nothing', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/sammenslainger/ny');
    await input().waitFor();
    await input().focus();
    await page.keyboard.type('Oslo');
    await listbox().waitFor();
    expect((await options().allInnerTexts())[0]).toBe('Oslo – Oslove (0301), Oslo');
    const box = (await listbox().boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'picker on a phone, open');
  });
});
