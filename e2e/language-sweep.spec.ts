import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoMergerCreated } from '#shared/contracts/demo.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 22 (decisions 039, 040 and 041): every page of a merger reads in the reader's language.
// The administrator visits every page of the demo merger (a realistic amount of data), first in
// English, then in nynorsk; on each, <html lang> follows, axe finds nothing, and no bokmål word
// is left in the page's text once the merger's own words are taken out: what the team wrote (the
// demo's names and notes) and what the merger holds in its målform, bokmål for the demo (its
// tasks' titles, its risks and the risks it is offered, the plan's phases and activities; 040).

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

/** Every text the demo data writes: the team's names and notes, bokmål whatever the reader's language. */
const demoSource = readFileSync(new URL('../src/server/features/demo/demo.data.ts', import.meta.url), 'utf8');
const demoTexts = [
  ...[...demoSource.matchAll(/'((?:[^'\\\n]|\\.)+)'/g)].map((match) => match[1]!.replaceAll("\\'", "'")),
  // Template literals: their fixed pieces («Serverrom ${name} rådhus»).
  ...[...demoSource.matchAll(/`([^`]+)`/g)].flatMap((match) => match[1]!.split(/\$\{[^}]*\}/)).map((piece) => piece.trim()),
].filter((text) => /\p{L}{3}/u.test(text));

/**
 * The merger's own words, filled in before the sweep: the demo's texts, the merger's and its
 * municipalities' names, and what the merger holds in its målform. Taken out of the page's text
 * before it is searched, longest first, so a title with a word in it goes as a whole.
 */
let mergerTexts: string[] = [];

/** A whole word, also where it begins or ends with æ, ø or å (which \b does not know). */
const wordPattern = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u');

/** Bokmål that never occurs in English (and nynorsk that does not either). */
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
  'Slett',
  'Endre',
  'Legg til',
  'Ingen',
  'hvis',
  'eller',
  'og',
  'av',
  'Varsler',
  'Innstillinger',
  'Medlemmer',
  'Historikk',
  'Rapporter',
  'Veivalg',
  'Avtalefrister',
  'ikkje',
  'Samanslåing',
  'Oppgåver',
  'oppgåve',
];

/** Bokmål that nynorsk spells otherwise («ikkje», «Oppgåver», «viss», «Framdrift», «Løysingsområde» …). */
const bokmalNotNynorsk = [
  'ikke',
  'Ikke',
  'Oppgaver',
  'oppgaver',
  'oppgaven',
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

/**
 * Words English uses itself: the languages' own names («Norwegian Bokmål»), and «målform»,
 * which the English text explains where it is used; and names (a product, a county).
 */
const englishToo = new Set(['Bokmål', 'Nynorsk', 'målform', 'eByggeSøknad', 'Østfold']);

/** Where a text stands whole: not the start or end of a longer word. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let mergerTextPatterns: RegExp[] = [];
/** The solution areas' names in bokmål, as the history recorded them. */
let areaNamesAsRecorded: string[] = [];
/** The merger's own words and the areas' recorded names together, longest first, so neither cuts into the other. */
let recordedPatterns: RegExp[] = [];
const wholeText = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escaped(text)}(?![\\p{L}\\p{N}])`, 'gu');

/** What is left of the page's visible text once the merger's own words are taken out. */
async function pageText(recorded: boolean): Promise<string> {
  let text = await page.evaluate(() => document.body.innerText);
  for (const pattern of recorded ? recordedPatterns : mergerTextPatterns) text = text.replace(pattern, ' ');
  return text;
}

async function leaks(language: 'en' | 'nn', recorded: boolean): Promise<string[]> {
  const text = await pageText(recorded);
  const found: string[] = [];
  const around = (at: number) => `«${text.slice(Math.max(0, at - 50), at + 50).replaceAll('\n', ' ⏎ ')}»`;
  for (const word of language === 'en' ? bokmalNotEnglish : bokmalNotNynorsk) {
    const at = text.search(wordPattern(word));
    if (at >= 0) found.push(`«${word}» in ${around(at)}`);
  }
  // English has no æ, ø or å: a word with one is Norwegian that was not translated.
  if (language === 'en') {
    for (const match of text.matchAll(/[\p{L}-]*[æøåÆØÅ][\p{L}-]*/gu)) {
      if (englishToo.has(match[0])) continue;
      found.push(`«${match[0]}» in ${around(match.index)}`);
      if (found.length > 12) break;
    }
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
  /**
   * The page quotes what was recorded (the history): the solution areas named as they were
   * then, in bokmål. (Translating recorded area names is left to the history's presentation.)
   */
  recorded?: boolean;
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
  { name: 'the history', path: () => merger('/historikk'), recorded: true },
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

async function getJson<T>(path: string): Promise<T> {
  const response = await api.request('GET', path);
  if (response.status !== 200) throw new Error(`GET ${path} gave ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

type Text = string | null;

/** The risk matrix is the merger's, in its målform: its classes and its scales' labels. */
function matrixTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(matrixTexts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(matrixTexts);
  return [];
}

const commonSolutionNames = (
  JSON.parse(readFileSync(new URL('../src/server/features/common-solutions/data/felleslosninger.json', import.meta.url), 'utf8')) as {
    solutions: Array<{ name: string }>;
  }
).solutions.map((solution) => solution.name);

/** The merger's own words (see mergerTexts), read in bokmål, the demo merger's målform. */
async function ownTexts(): Promise<string[]> {
  const merger = await getJson<{ name: string; newMunicipalityName: string; municipalities: Array<{ name: string }> }>(`/mergers/${mergerId}`);
  const { tasks } = await getJson<{ tasks: Array<{ title: string; group: Text; notes: Text; responsible: Text; notRelevantReason: Text }> }>(
    `/mergers/${mergerId}/tasks`,
  );
  const { risks } = await getJson<{
    risks: Array<{
      title: string;
      description: Text;
      cause: Text;
      owner: Text;
      acceptanceReason: Text;
      mitigations: Array<{ title: string; description: Text; owner: Text }>;
    }>;
  }>(`/mergers/${mergerId}/risks`);
  const { suggestions } = await getJson<{ suggestions: Array<{ title: string; description: string; cause: string }> }>(`/mergers/${mergerId}/risk-suggestions`);
  // The plan's phases and activities: the library's, in the merger's målform.
  const catalog = await getJson<{ phases: Array<{ name: string; activities: Array<{ title: string }> }> }>('/catalog');
  // A library task's label names its area after the title, in the merger's målform like the title.
  const { solutionAreas } = await getJson<{ solutionAreas: Array<{ name: string }> }>('/solution-areas');
  areaNamesAsRecorded = solutionAreas.map((area) => area.name);
  const texts = [
    ...demoTexts,
    ...areaNamesAsRecorded.map((name) => `(${name})`),
    merger.name,
    merger.newMunicipalityName,
    ...merger.municipalities.map((municipality) => municipality.name),
    ...tasks.flatMap((task) => [task.title, task.group, task.notes, task.responsible, task.notRelevantReason]),
    ...risks.flatMap((risk) => [
      risk.title,
      risk.description,
      risk.cause,
      risk.owner,
      risk.acceptanceReason,
      ...risk.mitigations.flatMap((mitigation) => [mitigation.title, mitigation.description, mitigation.owner]),
    ]),
    ...suggestions.flatMap((suggestion) => [suggestion.title, suggestion.description, suggestion.cause]),
    ...catalog.phases.flatMap((phase) => [phase.name, ...phase.activities.map((activity) => activity.title)]),
    ...matrixTexts(await getJson<unknown>(`/mergers/${mergerId}/risk-matrix`)),
    // Names, never translated: the national common solutions, the source's title and the FoU
    // report's, quoted where the library names them, and Outlook's menu as Outlook writes it.
    ...commonSolutionNames,
    'Sjekkliste for digital sammenslåing',
    'Digitale konsekvenser av en kommunesammenslåing',
    'Kalender › Legg til kalender › Last opp fra fil',
  ];
  return [...new Set(texts.filter((text): text is string => typeof text === 'string' && text.trim().length > 2))].sort((a, b) => b.length - a.length);
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
  mergerTexts = await ownTexts();
  mergerTextPatterns = mergerTexts.map(wholeText);
  recordedPatterns = [...new Set([...mergerTexts, ...areaNamesAsRecorded])].sort((a, b) => b.length - a.length).map(wholeText);
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

function sweep(language: 'en' | 'nn'): void {
  for (const entry of pages) {
    it(entry.name, async () => {
      await page.goto(entry.path());
      await settled();
      await entry.ready?.(page);
      await settled();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      expect((await leaks(language, entry.recorded ?? false)).join('\n'), `bokmål on ${entry.name} (${language})`).toBe('');
      await expectNoAxeViolations(page, `${entry.name} (${language})`);
    });
  }
}

describe('every page in English', () => {
  beforeAll(async () => {
    await switchTo('Brukermeny for Administrator', 'English', 'User menu for Administrator');
  });
  sweep('en');
});

describe('every page in nynorsk', () => {
  beforeAll(async () => {
    await switchTo('User menu for Administrator', 'Nynorsk', 'Brukarmeny for Administrator');
  });
  sweep('nn');
});
