import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoMergerCreated } from '#shared/contracts/demo.ts';
import { animationsSettled, expectNoAxeViolations, launchBrowser, screenshotIfFailed } from './support/browser.ts';
import { apiSession, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 18, «Readable for everyone»: the main pages on a phone (390 × 844) against the demo
// merger, which has a realistic amount of data (85 systems, 67 contracts, six veivalg, a
// checklist under way). Each page passes axe with zero WCAG 2.1 A/AA violations, its
// landmarks have unique names (axe's best-practice rule, which found the checklist's
// activities in fase 4 and 5 that share a name), and nothing makes the page itself wider
// than the screen: tables may scroll inside their own region, the page may not.
// (Avtalefrister, Fremdriftsplan and Historikk at 390 have their own specs.)

const phone = { width: 390, height: 844 };
const economy = 'omrade-okonomi-og-regnskapssystem';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let mergerId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: server.baseUrl, locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: phone, isMobile: true, hasTouch: true });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  api = await apiSession(server.baseUrl, admin);
  const response = await api.request('POST', '/demo-merger', {});
  if (response.status !== 201) throw new Error(`POST /demo-merger gave ${response.status}: ${await response.text()}`);
  mergerId = ((await response.json()) as DemoMergerCreated).merger.id;
  await signInThroughPage(page, admin, `/sammenslainger/${mergerId}`);
}, 180_000);

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** What sticks out past the right edge of the screen, so a failure names the culprit. */
async function overflow(): Promise<{ scrollWidth: number; innerWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const widest: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const rect = element.getBoundingClientRect();
      if (rect.right <= innerWidth + 0.5 || rect.width === 0) continue;
      // Only the outermost culprit: an element inside a scrolling region does not widen the page.
      let inside = false;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && parent.getBoundingClientRect().right <= innerWidth + 0.5) {
          inside = true;
          break;
        }
      }
      if (inside) continue;
      const classes = typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
      widest.push(`${element.tagName.toLowerCase()}${classes} (right ${Math.round(rect.right)})`);
      if (widest.length >= 8) break;
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, widest };
  });
}

/** axe's best-practice rule: two landmarks of the same kind may not share a name. */
async function expectUniqueLandmarks(label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
  const names = results.violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`));
  expect(names, `landmarks with the same name on ${label}`).toEqual([]);
}

/** The three checks every page gets on a phone. */
async function expectReadableOnPhone(label: string): Promise<void> {
  await animationsSettled(page);
  const measured = await overflow();
  expect(measured.scrollWidth, `${label} is wider than the screen; what sticks out: ${measured.widest.join(', ')}`).toBeLessThanOrEqual(measured.innerWidth);
  await expectNoAxeViolations(page, `${label} at 390 px`);
  await expectUniqueLandmarks(label);
}

const main = () => page.getByRole('main');

describe('the main pages at 390 × 844', () => {
  it('overview (the merger dashboard)', async () => {
    await page.goto(`/sammenslainger/${mergerId}`);
    await page.getByTestId('dashboard').waitFor();
    await expectReadableOnPhone('the overview');
  });

  it('checklist, all phases: fase 4 and 5 both have «Gjennomføre opplæring», as distinct regions', async () => {
    await page.goto(`/sammenslainger/${mergerId}/sjekkliste`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await main()
      .getByRole('heading', { level: 2, name: /^Fase 5/ })
      .waitFor();
    // The activity's regions say which phase they belong to.
    const training = main().getByRole('region', { name: /^Gjennomføre opplæring/ });
    await expect.poll(() => training.count()).toBe(2);
    await main().getByRole('region', { name: 'Gjennomføre opplæring (fase 4)' }).waitFor();
    await main().getByRole('region', { name: 'Gjennomføre opplæring (fase 5)' }).waitFor();
    await expectReadableOnPhone('the checklist');
  });

  it('checklist, one phase', async () => {
    await page.goto(`/sammenslainger/${mergerId}/sjekkliste?fase=2`);
    await main()
      .getByRole('heading', { level: 1, name: /^Fase 2/ })
      .waitFor();
    await expectReadableOnPhone('the checklist, fase 2');
  });

  const registers = [
    ['ikt-systemer', 'IKT-systemer'],
    ['digitale-tjenester', 'Digitale tjenester'],
    ['avtaler', 'Avtaler'],
    ['integrasjoner', 'Integrasjoner'],
    ['arkiv-og-data', 'Arkiv og data'],
    ['infrastruktur', 'Infrastruktur'],
    ['ikt-organisering', 'IKT-organisering'],
    ['interkommunale-samarbeid', 'Interkommunale samarbeid'],
  ] as const;
  for (const [slug] of registers) {
    it(`kartlegging: the register ${slug}`, async () => {
      await page.goto(`/sammenslainger/${mergerId}/kartlegging/${slug}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await main().locator('.samla-table tbody tr').first().waitFor();
      await expectReadableOnPhone(`the register ${slug}`);
    });
  }

  it('kartlegging: one system, and the new contract and integration forms', async () => {
    await page.goto(`/sammenslainger/${mergerId}/kartlegging/ikt-systemer`);
    await main().locator('.samla-table tbody tr').first().getByRole('link').first().click();
    await page.getByRole('button', { name: 'Lagre' }).waitFor();
    await expectReadableOnPhone('a system');
    for (const slug of ['avtaler', 'integrasjoner']) {
      await page.goto(`/sammenslainger/${mergerId}/kartlegging/${slug}/ny`);
      await page.getByText('Velg kommune først.').first().waitFor();
      await expectReadableOnPhone(`the new row form of ${slug}`);
    }
  });

  it('kartlegging: «Side om side», whose wide tables scroll in a named box the keyboard can reach', async () => {
    await page.goto(`/sammenslainger/${mergerId}/side-om-side`);
    await page.getByRole('heading', { level: 1, name: 'Kartlegging: Side om side' }).waitFor();
    await main().locator('.samla-sbs-table').first().waitFor();
    await expectReadableOnPhone('«Side om side»');
    // Three municipalities do not fit 390 px: each sector's table is a named group in the tab
    // order, named by its caption, and the arrow keys scroll it.
    const region = main()
      .getByRole('group', { name: /systemene i hver kommune per løsningsområde$/ })
      .first();
    expect(await region.getAttribute('tabindex')).toBe('0');
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  });

  it('kartlegging: the import page', async () => {
    await page.goto(`/sammenslainger/${mergerId}/importer`);
    await page.getByRole('heading', { level: 1, name: 'Importer fra Excel' }).waitFor();
    await expectReadableOnPhone('the import page');
  });

  it('veivalg: the list', async () => {
    await page.goto(`/sammenslainger/${mergerId}/veivalg`);
    await page.getByRole('heading', { level: 1, name: 'Veivalg' }).waitFor();
    await main().getByTestId('readiness-summary').waitFor();
    await expectReadableOnPhone('the veivalg list');
  });

  it('veivalg: one area with an adopted decision', async () => {
    await page.goto(`/sammenslainger/${mergerId}/veivalg/${economy}`);
    await page.getByRole('heading', { level: 1, name: 'Økonomi- og regnskapssystem' }).waitFor();
    await main().getByRole('table').first().waitFor();
    await expectReadableOnPhone('the economy area');
  });
});

describe('counts of one, in the singular', () => {
  let smallId: string;

  beforeAll(async () => {
    const created = await api.request('POST', '/mergers', {
      name: 'Entallsprøve',
      newMunicipalityName: 'Nye Entall',
      mergerDate: '2030-01-01',
      municipalities: ['3101', '3105'],
    });
    if (created.status !== 201) throw new Error(`POST /mergers gave ${created.status}: ${await created.text()}`);
    smallId = ((await created.json()) as { id: string }).id;
    const benefit = await api.request('POST', `/mergers/${smallId}/benefits`, { title: 'Færre fakturaer å sende', type: 'economic' });
    if (benefit.status !== 201) throw new Error(`POST benefits gave ${benefit.status}: ${await benefit.text()}`);
    // A risk nobody has assessed yet: it is left out of the heatmap, and the page says so.
    const risk = await api.request('POST', `/mergers/${smallId}/risks`, { title: 'Nøkkelpersoner slutter' });
    if (risk.status !== 201) throw new Error(`POST risks gave ${risk.status}: ${await risk.text()}`);
    // One task in fase 1 is not relevant.
    const { tasks } = (await (await api.request('GET', `/mergers/${smallId}/tasks?phase=1`)).json()) as { tasks: Array<{ id: string; version: number }> };
    const first = tasks[0]!;
    const patched = await api.request('PATCH', `/mergers/${smallId}/tasks/${first.id}`, {
      version: first.version,
      status: 'not_relevant',
      notRelevantReason: 'Gjelder ikke oss.',
    });
    if (patched.status !== 200) throw new Error(`PATCH task gave ${patched.status}: ${await patched.text()}`);
  });

  it('says «1 gevinst», «1 ikke relevant» and «1 risiko er ikke vurdert»', async () => {
    await page.goto(`/sammenslainger/${smallId}/gevinster`);
    await expect.poll(() => main().getByTestId('benefit-summary').innerText()).toBe('1 gevinst, 0 med indikatorer bak planen.');
    await expectReadableOnPhone('the benefits');

    await page.goto(`/sammenslainger/${smallId}`);
    await expect.poll(() => page.getByTestId('dashboard-benefits').innerText()).toMatch(/^0\s+av 1 gevinst ligger bak planen$/);

    await page.goto(`/sammenslainger/${smallId}/sjekkliste?fase=1`);
    const extras = main().locator('.samla-phase__progress .samla-progress__extras');
    await expect.poll(() => extras.innerText()).toContain('1 ikke relevant');
    expect(await extras.innerText()).not.toContain('1 ikke relevante');

    await page.goto(`/sammenslainger/${smallId}/risiko/risikokart`);
    await main().getByText('1 risiko er ikke vurdert ennå og vises ikke i kartet.').waitFor();
  });
});
