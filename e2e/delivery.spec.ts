import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Decision 018: a page opened directly (a fresh tab, a link from an e-mail) asks for its own
// data together with the merger, from the route's loaders, not after the merger has answered
// and the merger's layout has rendered (a waterfall).

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let signedIn: Page;
let current: Page | undefined;
let api: ApiSession;
let mergerId: string;
let riskId: string;
const riskTitle = 'Lønn utbetales ikke';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page: signedIn } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  const created = await createMergerViaApi(api, {
    name: 'Leveringsprøve',
    newMunicipalityName: 'Nye Nordhordland',
    mergerDate: '2030-01-01',
    municipalities: ['4601', '4626'],
  });
  mergerId = created.id;
  const risk = await api.request('POST', `/mergers/${mergerId}/risks`, { title: riskTitle, likelihood: 5, consequences: { serviceDelivery: 5 } });
  expect(risk.status, await risk.clone().text()).toBe(201);
  riskId = ((await risk.json()) as { id: string }).id;
  await signInThroughPage(signedIn, admin, `/sammenslainger/${mergerId}`);
  await signedIn.getByTestId('dashboard').waitFor();
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(current, task.name, task.result?.state === 'fail');
  await current?.close();
  current = undefined;
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

type Event = { kind: 'request' | 'response'; path: string };

/**
 * Opens `path` in a new tab of the signed-in browser (nothing cached in the app) and records
 * the API's requests and responses in the order the browser reports them.
 */
async function openInNewTab(path: string): Promise<{ page: Page; events: Event[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  current = page;
  const events: Event[] = [];
  const apiPath = (url: string) => {
    const { pathname, search } = new URL(url);
    return pathname.startsWith('/api/v1/') ? pathname.slice('/api/v1'.length) + search : undefined;
  };
  page.on('request', (request) => {
    const at = apiPath(request.url());
    if (at) events.push({ kind: 'request', path: at });
  });
  page.on('response', (response) => {
    const at = apiPath(response.url());
    if (at) events.push({ kind: 'response', path: at });
  });
  await page.goto(path);
  return { page, events };
}

/** Where in `events` something first happened; fails if it never did. */
function indexOf(events: Event[], kind: Event['kind'], path: string): number {
  const index = events.findIndex((event) => event.kind === kind && event.path === path);
  expect(index, `${kind} ${path} in ${JSON.stringify(events)}`).toBeGreaterThanOrEqual(0);
  return index;
}

describe('a page opened directly asks for its data together with the merger', () => {
  it('a risk: the risk is asked for before the merger has answered', async () => {
    const { page, events } = await openInNewTab(`/sammenslainger/${mergerId}/risiko/${riskId}`);
    await page.getByRole('heading', { level: 1, name: riskTitle }).waitFor();

    const mergerAnswered = indexOf(events, 'response', `/mergers/${mergerId}`);
    expect(indexOf(events, 'request', `/mergers/${mergerId}/risks/${riskId}`)).toBeLessThan(mergerAnswered);
    // What the form offers to link and the risk's history leave with it too.
    expect(indexOf(events, 'request', `/mergers/${mergerId}/risk-matrix`)).toBeLessThan(mergerAnswered);
    expect(indexOf(events, 'request', `/mergers/${mergerId}/audit?entity=risk&entityId=${riskId}`)).toBeLessThan(mergerAnswered);
  });

  it('the checklist: its tasks, for the phase in the address, are asked for before the merger has answered, and once', async () => {
    const { page, events } = await openInNewTab(`/sammenslainger/${mergerId}/sjekkliste?fase=2`);
    await page.getByRole('heading', { level: 1, name: /^Fase 2: / }).waitFor();
    await page.locator('.samla-checklist-results').waitFor();

    const tasks = `/mergers/${mergerId}/tasks?phase=2`;
    expect(indexOf(events, 'request', tasks)).toBeLessThan(indexOf(events, 'response', `/mergers/${mergerId}`));
    // The page found the loader's answer in the cache rather than asking again.
    await page.waitForLoadState('networkidle');
    expect(events.filter((event) => event.kind === 'request' && event.path.startsWith(`/mergers/${mergerId}/tasks`))).toEqual([
      { kind: 'request', path: tasks },
    ]);
  });
});
