import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoMergerCreated } from '#shared/contracts/demo.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 22 (decisions 039 and 041): every page of a merger reads in the reader's language. The
// administrator visits every page of the demo merger (a realistic amount of data), first in
// English, then in nynorsk; on each, <html lang> follows, axe finds nothing, and no bokmål word
// is left in the page's text. The demo's own names and notes are bokmål data the team wrote and
// stay as they are: a word the demo data uses is only looked for in the page's chrome (headings,
// labels, buttons, table headers, navigation), never in the cells that show the team's data.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let mergerId: string;
let taskId: string;
let riskId: string;
let benefitId: string;

const economy = 'omrade-okonomi-og-regnskapssystem';
const demoText = readFileSync(new URL('../src/server/features/demo/demo.data.ts', import.meta.url), 'utf8');

/** A whole word, also where it begins or ends with æ, ø or å (which \b does not know). */
const wordPattern = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u');

/** Bokmål that never occurs in English (nor in nynorsk, which these spell differently). */
const bokmalNotEnglish = [
  'Sammenslåing',
  'Sammenslåinger',
  'sammenslåingen',
  'sammenslåinger',
  'Oppgaver',
  'oppgaver',
  'Oppgave',
  'oppgaven',
  'Lagre',
  'Avbryt',
  'Løsningsområde',
  'løsningsområde',
  'Løsningsområder',
  'ikke',
  'Ikke',
  'Kartlegging',
  'Gevinster',
  'gevinster',
  'Risikoer',
  'risikoer',
  'Fremdrift',
  'Fremdriftsplan',
  'Ansvarlig',
  'ansvarlig',
  'Velg',
  'Tilbake',
  'Søk',
  'Slett',
  'Endre',
  'Legg til',
  'Ingen',
  'hvis',
  'eller',
  'Varsler',
  'Innstillinger',
  'Medlemmer',
  'Historikk',
  'Rapporter',
  'Veivalg',
  'Avtalefrister',
  'Mine oppgaver',
  'ikkje',
  'Samanslåing',
  'Oppgåver',
  'oppgåve',
];

/** Bokmål that nynorsk spells otherwise («ikkje», «Oppgåver», «Lagra», «viss», «Framdrift» …). */
const bokmalNotNynorsk = [
  'ikke',
  'Ikke',
  'Oppgaver',
  'oppgaver',
  'oppgaven',
  'Lagre',
  'hvis',
  'Hvis',
  'Fremdrift',
  'Fremdriftsplan',
  'Løsningsområde',
  'løsningsområde',
  'Løsningsområder',
  'Sammenslåing',
  'Sammenslåinger',
  'sammenslåingen',
  'Gevinster',
  'gevinster',
  'Risikoer',
  'risikoer',
  'Velg',
  'Hva',
  'hva',
  'Hvem',
  'hvem',
  'ennå',
  'Ansvarlig',
  'ansvarlig',
  'fra',
  'Fra',
  'noen',
  'Noen',
  'hver',
  'være',
  'bare',
  'Tjenester',
  'tjenester',
  'Avtaler',
  'Integrasjoner',
  'Innstillinger',
  'Brukere',
  'Varsler',
  'Rapporter',
  'Kommuner',
  'Mine oppgaver',
];

/** What the page shows in its chrome: the texts Samla writes, not the team's data in the cells. */
const chromeSelector = 'h1, h2, h3, h4, legend, label, button, th, caption, nav, summary, [role=tab], title';

async function leaks(words: readonly string[]): Promise<string[]> {
  // The demo data's own words are left out of the page's text, not out of its chrome.
  const inData = (word: string) => wordPattern(word).test(demoText);
  const { body, chrome } = await page.evaluate((selector) => {
    const visible = (element: Element) => !(element instanceof HTMLElement) || element.offsetParent !== null || getComputedStyle(element).position === 'fixed';
    const chromeTexts = [...document.querySelectorAll(selector)].filter(visible).map((element) => (element as HTMLElement).innerText ?? element.textContent ?? '');
    return { body: document.body.innerText, chrome: chromeTexts };
  }, chromeSelector);
  const found: string[] = [];
  for (const word of words) {
    const pattern = wordPattern(word);
    if (!inData(word) && pattern.test(body)) {
      const at = body.search(pattern);
      found.push(`«${word}» in «${body.slice(Math.max(0, at - 40), at + 40).replaceAll('\n', ' ⏎ ')}»`);
      continue;
    }
    const inChrome = chrome.find((text) => pattern.test(text));
    if (inChrome !== undefined) found.push(`«${word}» in the chrome: «${inChrome.slice(0, 100).replaceAll('\n', ' ⏎ ')}»`);
  }
  return found;
}

/** The page has its heading and nothing is loading any more. */
async function settled(): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => document.querySelector('.samla-loading, [aria-busy="true"]') === null);
}

interface Sweep {
  name: string;
  path: () => string;
  /** What shows that the page's content (not only its frame) is there. */
  ready?: (page: Page) => Promise<void>;
}

const main = () => page.getByRole('main');
const firstRow = async () => {
  await main().locator('.samla-table tbody tr').first().waitFor();
};

const registers = [
  'ikt-systemer',
  'digitale-tjenester',
  'avtaler',
  'integrasjoner',
  'arkiv-og-data',
  'infrastruktur',
  'ikt-organisering',
  'interkommunale-samarbeid',
] as const;

const merger = (rest = '') => `/sammenslainger/${mergerId}${rest}`;
let systemPath = '';

const pages: Sweep[] = [
  { name: 'the merger list', path: () => '/' },
  { name: 'the overview', path: () => merger(), ready: async () => page.getByTestId('dashboard').waitFor() },
  {
    name: 'the checklist, fase 2',
    path: () => merger('/sjekkliste?fase=2'),
    ready: async () => main().locator('.samla-checklist-results li, .samla-checklist-results tr').first().waitFor(),
  },
  { name: 'a task', path: () => merger(`/oppgaver/${taskId}`) },
  { name: 'Mine oppgaver', path: () => '/mine-oppgaver' },
  { name: 'the notifications', path: () => '/varsler' },
  { name: 'the kartlegging start', path: () => merger('/kartlegging') },
  ...registers.map((slug) => ({ name: `the register ${slug}`, path: () => merger(`/kartlegging/${slug}`), ready: firstRow })),
  { name: 'a system', path: () => systemPath, ready: async () => main().locator('form').first().waitFor() },
  { name: 'a new contract', path: () => merger('/kartlegging/avtaler/ny') },
  { name: 'side by side', path: () => merger('/side-om-side'), ready: async () => main().locator('.samla-sbs-table').first().waitFor() },
  { name: 'the import', path: () => merger('/importer') },
  { name: 'the veivalg list', path: () => merger('/veivalg'), ready: async () => main().getByTestId('readiness-summary').waitFor() },
  { name: 'one veivalg area', path: () => merger(`/veivalg/${economy}`), ready: async () => main().getByRole('table').first().waitFor() },
  { name: 'the contract deadlines', path: () => merger('/avtalefrister'), ready: firstRow },
  { name: 'the integration graph', path: () => merger('/integrasjoner') },
  { name: 'the plan', path: () => merger('/fremdriftsplan') },
  { name: 'the risks', path: () => merger('/risiko') },
  { name: 'a risk', path: () => merger(`/risiko/${riskId}`), ready: async () => main().locator('form').first().waitFor() },
  { name: 'a new risk', path: () => merger('/risiko/ny') },
  { name: 'the risk suggestions', path: () => merger('/risiko/forslag') },
  { name: 'the risk heatmap', path: () => merger('/risiko/risikokart') },
  { name: 'the risk matrix', path: () => merger('/risiko/matrise') },
  { name: 'the benefits', path: () => merger('/gevinster'), ready: async () => main().getByTestId('benefit-summary').waitFor() },
  { name: 'a benefit', path: () => merger(`/gevinster/${benefitId}`) },
  { name: 'the opportunities', path: () => merger('/muligheter') },
  { name: 'the reports', path: () => merger('/rapporter') },
  { name: 'the history', path: () => merger('/historikk') },
  { name: 'the members', path: () => merger('/medlemmer') },
  { name: 'the merger settings', path: () => merger('/rediger'), ready: async () => main().locator('form').first().waitFor() },
  { name: 'the library', path: () => '/sjekklisten' },
  { name: 'a new merger', path: () => '/sammenslainger/ny' },
  { name: 'deleted mergers', path: () => '/slettede-sammenslainger' },
  { name: 'the users (admin)', path: () => '/brukere' },
  { name: 'the API keys', path: () => '/api-nokler' },
  { name: 'my account', path: () => '/meg' },
  { name: 'my notification settings', path: () => '/meg/varslingsinnstillinger' },
];

async function firstId(path: string, key: string): Promise<string> {
  const response = await api.request('GET', path);
  if (response.status !== 200) throw new Error(`GET ${path} gave ${response.status}: ${await response.text()}`);
  const items = ((await response.json()) as Record<string, Array<{ id: string }>>)[key];
  const id = items?.[0]?.id;
  if (!id) throw new Error(`GET ${path} had no ${key}`);
  return id;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  page.setDefaultTimeout(20_000);
  api = await apiSession(server.baseUrl, admin);
  const response = await api.request('POST', '/demo-merger', {});
  if (response.status !== 201) throw new Error(`POST /demo-merger gave ${response.status}: ${await response.text()}`);
  mergerId = ((await response.json()) as DemoMergerCreated).merger.id;
  taskId = await firstId(`/mergers/${mergerId}/tasks?phase=2`, 'tasks');
  riskId = await firstId(`/mergers/${mergerId}/risks`, 'risks');
  benefitId = await firstId(`/mergers/${mergerId}/benefits`, 'benefits');
  const systems = await firstId(`/mergers/${mergerId}/inventory/systems`, 'items');
  systemPath = merger(`/kartlegging/ikt-systemer/${systems}`);
  await signInThroughPage(page, admin, merger());
  await page.getByTestId('dashboard').waitFor();
}, 180_000);

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** Switches language the way a person does: in the user menu. */
async function switchTo(menuLabel: string, language: string, inNewLanguage: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: menuLabel }).click();
  await page.locator('.samla-user-menu').getByRole('button', { name: language }).click();
  await page.getByRole('button', { name: inNewLanguage }).waitFor();
  await page.keyboard.press('Escape');
}

function sweep(language: 'en' | 'nn', words: readonly string[]): void {
  for (const entry of pages) {
    it(entry.name, async () => {
      await page.goto(entry.path());
      await settled();
      await entry.ready?.(page);
      await settled();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(await leaks(words), `bokmål on ${entry.name} (${language})`).toEqual([]);
      await expectNoAxeViolations(page, `${entry.name} (${language})`);
    });
  }
}

describe('every page in English', () => {
  beforeAll(async () => {
    await switchTo('Brukermeny for Administrator', 'English', 'User menu for Administrator');
  });
  sweep('en', bokmalNotEnglish);
});

describe('every page in nynorsk', () => {
  beforeAll(async () => {
    await switchTo('User menu for Administrator', 'Nynorsk', 'Brukarmeny for Administrator');
  });
  sweep('nn', bokmalNotNynorsk);
});
