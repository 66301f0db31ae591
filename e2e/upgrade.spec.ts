import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// A tab opened before Samla was upgraded still runs the old build. When it
// follows a link to a page whose code it has not loaded yet, that code is gone
// from the server. The tab should then load the new build, not show an error;
// and when the page's code fails for another reason, show the error once and
// not reload in a loop.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let mergerId: string;

const main = () => page.getByRole('main');
const checklistChunk = '**/assets/checklist.page-*.js';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  const api = await apiSession(server.baseUrl, admin);
  mergerId = (
    await createMergerViaApi(api, {
      name: 'Oppgraderingsprøve',
      newMunicipalityName: 'Nye Nordhordland',
      mergerDate: '2030-01-01',
      municipalities: ['4601', '4626'],
    })
  ).id;
  await signInThroughPage(page, admin, `/sammenslainger/${mergerId}`);
});

afterEach(async ({ task }) => {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function openStartPageMarked() {
  await page.goto(`/sammenslainger/${mergerId}`);
  await page.getByTestId('dashboard-days-left').waitFor();
  // Gone when the tab reloads.
  await page.evaluate('window.samlaSameDocument = true');
}

describe('a page whose code cannot be loaded', () => {
  it('loads the new build when Samla was upgraded since the tab was opened', async () => {
    await openStartPageMarked();
    // The upgrade as the tab meets it: the old build's chunk answers 404, and the server's
    // index.html names another build's scripts. Once each: the reloaded tab gets the real ones.
    const shell = await (await fetch(`${server.baseUrl}/`)).text();
    expect(shell).toContain('/assets/index-');
    await page.route(checklistChunk, (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{}' }), { times: 1 });
    await page.route(
      `${server.baseUrl}/`,
      (route) => route.fulfill({ status: 200, contentType: 'text/html', body: shell.replace('/assets/index-', '/assets/index-ny') }),
      { times: 1 },
    );

    await main().getByRole('link', { name: 'Åpne hele sjekklisten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sjekkliste' }).waitFor();
    expect(await page.evaluate('window.samlaSameDocument')).toBeUndefined();
    expect(new URL(page.url()).pathname).toBe(`/sammenslainger/${mergerId}/sjekkliste`);
  });

  it('shows the error with «Prøv igjen», without reloading, when the server still has the same build', async () => {
    await openStartPageMarked();
    await page.route(checklistChunk, (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'utilgjengelig' }), { times: 1 });

    await main().getByRole('link', { name: 'Åpne hele sjekklisten' }).click();
    await main().getByText('Fikk ikke hentet denne siden fra Samla-serveren.', { exact: false }).waitFor();
    expect(await page.evaluate('window.samlaSameDocument')).toBe(true);
    await expectNoAxeViolations(page, 'page code failed to load');

    await main().getByRole('button', { name: 'Prøv igjen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sjekkliste' }).waitFor();
    expect(await page.evaluate('window.samlaSameDocument')).toBe(true);
  });
});
