import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 22 (decision 039): a person picks bokmål, nynorsk or English on the sign-in page or in
// the user menu; the pages follow at once, <html lang> with them, the choice is kept on the user
// and survives signing out and in (also in a browser that never saw it), and every language
// passes axe (which checks the lang attributes too).

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const htmlLang = () => page.evaluate(() => document.documentElement.lang);

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

describe('language', () => {
  it('starts in bokmål for a Norwegian browser, and the sign-in page switches to English', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(await htmlLang()).toBe('nb');
    const switcher = page.getByRole('group', { name: 'Språk' });
    // Each language is named in its own language, and marked as such.
    expect(await switcher.getByRole('button').allTextContents()).toEqual(['Bokmål', 'Nynorsk', 'English']);
    expect(await switcher.getByRole('button', { name: 'English' }).getAttribute('lang')).toBe('en');
    expect(await switcher.getByRole('button', { name: 'Bokmål' }).getAttribute('aria-pressed')).toBe('true');
    await expectNoAxeViolations(page, 'sign-in page, bokmål');

    await switcher.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await htmlLang()).toBe('en');
    expect(await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await expectNoAxeViolations(page, 'sign-in page, English');
  });

  it('keeps the choice through signing in, on the user', async () => {
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
    await page.getByRole('heading', { level: 1, name: 'Mergers' }).waitFor();
    expect(await htmlLang()).toBe('en');
    // Saved on the user, not only in this browser.
    await expect
      .poll(() =>
        page.evaluate(() =>
          fetch('/api/v1/auth/session')
            .then((r) => r.json())
            .then((s) => s.session.user.language),
        ),
      )
      .toBe('en');

    await page.goto('/sjekklisten');
    await page.getByRole('heading', { name: 'Phase 1: Before you start' }).waitFor();
    await page.getByText("Translated by Samla from KS' «Sjekkliste for digital sammenslåing»").waitFor();
    await expectNoAxeViolations(page, 'the checklist, English');
  });

  it('switches to nynorsk in the user menu: the page, <html lang> and the library follow', async () => {
    await page.getByRole('button', { name: `User menu for Administrator` }).click();
    await page.locator('.samla-user-menu').getByRole('button', { name: 'Nynorsk' }).click();
    await page.getByRole('link', { name: 'Sjekklista' }).waitFor();
    expect(await htmlLang()).toBe('nn');
    await page.getByRole('heading', { name: 'Fase 1: Før du startar' }).waitFor();
    await page.getByText("Omsett av Samla frå KS' «Sjekkliste for digital sammenslåing»").waitFor();
    await page.keyboard.press('Escape');
    await expectNoAxeViolations(page, 'the checklist, nynorsk');

    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Samanslåingar' }).waitFor();
    expect(await htmlLang()).toBe('nn');
    await expectNoAxeViolations(page, 'the merger list, nynorsk');
  });

  it('survives signing out and in, also in a browser that never saw the choice', async () => {
    await page.getByRole('button', { name: `Brukarmeny for Administrator` }).click();
    await page.locator('.samla-user-menu').getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(await htmlLang()).toBe('nn');
    await expectNoAxeViolations(page, 'sign-in page, nynorsk');

    // A new browser (bokmål, nothing stored): nynorsk as soon as the user has signed in.
    const fresh = await newPage(browser, server.baseUrl);
    try {
      await fresh.page.goto('/');
      await fresh.page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
      expect(await fresh.page.evaluate(() => document.documentElement.lang)).toBe('nb');
      await fresh.page.getByLabel('E-post').fill(admin.email);
      await fresh.page.getByLabel('Passord').fill(admin.password);
      await fresh.page.getByRole('button', { name: 'Logg inn', exact: true }).click();
      await fresh.page.getByRole('heading', { level: 1, name: 'Samanslåingar' }).waitFor();
      expect(await fresh.page.evaluate(() => document.documentElement.lang)).toBe('nn');
    } finally {
      await fresh.context.close();
    }
  });
});
