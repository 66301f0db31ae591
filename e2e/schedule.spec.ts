import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import type { Schedule } from '#shared/contracts/plan.schedule.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// The Fremdriftsplan in the browser against the real server: a dependency between two tasks
// and the «ferdig» rule with its override, a phase moved, a milestone added, and the timeline
// (today line, the milestone, an overdue task) with its list alternative.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let mergerId: string;
let first: Task;
let second: Task;

/** A calendar date some days from today (negative: in the past). */
function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  mergerId = (await createMergerViaApi(api, { name: 'Planprøve', newMunicipalityName: 'Nye Plan', mergerDate: '2028-01-01', municipalities: ['4601', '4626'] }))
    .id;
  const { tasks } = (await (await api.request('GET', `/mergers/${mergerId}/tasks`)).json()) as { tasks: Task[] };
  [first, second] = tasks as [Task, Task];
  // The first task is overdue: planned and due in the past, not done.
  const overdue = await api.request('PATCH', `/mergers/${mergerId}/tasks/${first.id}`, {
    version: first.version,
    plannedStart: daysFromToday(-40),
    dueDate: daysFromToday(-10),
  });
  expect(overdue.status).toBe(200);
  const later = await api.request('PATCH', `/mergers/${mergerId}/tasks/${second.id}`, {
    version: second.version,
    plannedStart: daysFromToday(5),
    dueDate: daysFromToday(60),
  });
  expect(later.status).toBe(200);
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const main = () => page.getByRole('main');

describe('Fremdriftsplan', () => {
  it('sets a dependency, and «Ferdig» explains what is open before it is overridden with a reason', async () => {
    await signInThroughPage(page, admin, `/sammenslainger/${mergerId}/oppgaver/${second.id}`);
    await page.getByRole('heading', { level: 1, name: second.title }).waitFor();
    const dependencies = page.getByRole('region', { name: 'Avhenger av' });
    await dependencies.getByText('Oppgaven avhenger ikke av andre oppgaver.').waitFor();
    await expectNoAxeViolations(page, 'task page');

    await dependencies.getByLabel('Oppgave den avhenger av').selectOption({ label: `Fase 1: ${first.title}` });
    await dependencies.getByRole('button', { name: 'Legg til avhengighet' }).click();
    await dependencies.getByTestId('depends-on').getByRole('link', { name: first.title }).waitFor();

    await main().getByRole('radio', { name: 'Ferdig' }).check();
    await main().getByRole('button', { name: 'Lagre' }).click();
    const open = main().getByTestId('dependencies-open');
    await open.getByRole('heading', { name: 'Oppgaven avhenger av oppgaver som ikke er ferdige' }).waitFor();
    await open.getByRole('link', { name: first.title }).waitFor();
    await expectNoAxeViolations(page, 'task page with open dependencies');

    // The reason is required.
    await open.getByRole('button', { name: 'Sett som ferdig likevel' }).click();
    await page.getByText('Skriv en begrunnelse for å sette oppgaven som ferdig likevel.').first().waitFor();
    await open.getByLabel('Begrunnelse for å sette oppgaven som ferdig likevel').fill('Styringsgruppen godtok kartleggingen som den er');
    await open.getByRole('button', { name: 'Sett som ferdig likevel' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/oppgaver/'));

    const saved = (await (await api.request('GET', `/mergers/${mergerId}/tasks/${second.id}`)).json()) as Task;
    expect(saved.status).toBe('done');
    const history = (await (await api.request('GET', `/mergers/${mergerId}/audit?entity=task&entityId=${second.id}`)).json()) as {
      entries: Array<{ changes: Array<{ field: string; new: unknown }> }>;
    };
    expect(history.entries[0]!.changes).toContainEqual(
      expect.objectContaining({ field: 'dependencyOverride', new: 'Styringsgruppen godtok kartleggingen som den er' }),
    );
  });

  it('moves a phase’s end, adds a milestone, and shows the timeline and its list', async () => {
    await page.goto(`/sammenslainger/${mergerId}`);
    await main().getByRole('navigation').getByRole('link', { name: 'Fremdriftsplan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fremdriftsplan' }).waitFor();
    const timeline = page.getByRole('region', { name: /Tidslinje for fasene/ });
    await timeline.waitFor();
    await expectNoAxeViolations(page, 'schedule page');

    // Move the end of Gjennomføring.
    await main().getByRole('button', { name: 'Endre datoene for Fase 4: Gjennomføring' }).click();
    await main().getByRole('textbox', { name: 'Slutt', exact: true }).fill('2027-12-15');
    await expectNoAxeViolations(page, 'phase form');
    await main().getByRole('button', { name: 'Lagre' }).click();
    const phaseRow = page.getByRole('region', { name: 'Fasenes datoer' }).getByRole('row', { name: /Fase 4: Gjennomføring/ });
    await phaseRow.getByText('15.12.2027').waitFor();
    await phaseRow.getByText('Satt av prosjektet').waitFor();

    // Add a Fellesnemnda meeting.
    const milestoneDate = daysFromToday(20);
    await main().getByRole('button', { name: 'Legg til milepæl' }).click();
    await main().getByRole('textbox', { name: 'Milepæl', exact: true }).fill('Fellesnemnda vedtar budsjett');
    await main().getByRole('textbox', { name: 'Dato', exact: true }).fill(milestoneDate);
    await main().getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Fellesnemnda-møte' });
    await expectNoAxeViolations(page, 'milestone form');
    await main().getByRole('button', { name: 'Lagre' }).click();
    await page
      .getByRole('region', { name: 'Milepæler' })
      .getByRole('row', { name: /Fellesnemnda vedtar budsjett/ })
      .waitFor();

    const schedule = (await (await api.request('GET', `/mergers/${mergerId}/schedule`)).json()) as Schedule;
    expect(schedule.phases[3]).toMatchObject({ end: '2027-12-15', isDefault: false });
    expect(schedule.milestones.map((m) => m.title)).toContain('Fellesnemnda vedtar budsjett');

    // The timeline: today line, the milestone, the overdue task (marked with «!» and «Forfalt», not colour alone).
    await timeline.getByTestId('timeline-today').getByText('I dag').waitFor();
    await timeline.getByRole('img', { name: /Milepæl: Fellesnemnda vedtar budsjett/ }).waitFor();
    await timeline.getByRole('img', { name: /Milepæl: Sammenslåingsdato, 01\.01\.2028/ }).waitFor();
    const overdueBar = timeline.getByRole('link', { name: new RegExp(`${escape(first.title)}.*forfalt$`) });
    await overdueBar.waitFor();
    expect(await overdueBar.innerText()).toBe('!');
    await timeline.getByText('Forfalt').first().waitFor();
    await timeline.getByRole('link', { name: new RegExp(`^${escape(second.title)}: .* – .*, ferdig$`) }).waitFor();

    // Zoom from months to weeks and quarters.
    const weeks = main().getByRole('button', { name: 'Uker' });
    await weeks.click();
    expect(await weeks.getAttribute('aria-pressed')).toBe('true');
    await timeline
      .getByText(/^Uke \d+$/)
      .first()
      .waitFor();
    await main().getByRole('button', { name: 'Kvartaler' }).click();
    await timeline
      .getByText(/^\d\. kv\. \d{4}$/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'timeline zoomed to quarters');

    // The list alternative holds the same: the phase, the milestone and the overdue task.
    const list = page.getByRole('table', { name: 'Faser, milepæler og oppgaver med datoer, sortert etter dato' });
    await list
      .getByRole('row', { name: /Fase 4: Gjennomføring/ })
      .getByText('15.12.2027')
      .waitFor();
    await list.getByRole('row', { name: /Fellesnemnda vedtar budsjett/ }).waitFor();
    await list
      .getByRole('row', { name: new RegExp(escape(first.title)) })
      .getByText('Forfalt')
      .waitFor();

    // With the keyboard: focus the overdue bar and open the task.
    await overdueBar.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: first.title }).waitFor();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Issue 18: tasks a veivalg placed are dated and on the timeline under their area; «Kvartaler»
// fits a 1366 px screen with every milestone's name whole; the page fits a phone.
describe('Fremdriftsplan with tasks placed by veivalg', () => {
  let placedMerger: string;
  const placedAreas = ['omrade-pasientjournalsystemer', 'omrade-systemer-innen-plan-og-byggesak', 'omrade-digitale-arkiv-og-arkivlosninger'];

  beforeAll(async () => {
    placedMerger = (
      await createMergerViaApi(api, { name: 'Veivalgprøve', newMunicipalityName: 'Nye Vei', mergerDate: '2028-01-01', municipalities: ['4601', '4626'] })
    ).id;
    for (const area of placedAreas) {
      const saved = await api.request('PUT', `/mergers/${placedMerger}/decisions/${area}`, {
        outcome: 'procure',
        timing: 'before_merger',
        state: 'adopted',
        decisionMaker: 'steering_group',
        meetingDate: '2026-11-02',
      });
      expect(saved.status).toBe(200);
    }
  });

  async function openSchedule(viewport: { width: number; height: number }) {
    await page.setViewportSize(viewport);
    await gotoSignedIn(`/sammenslainger/${placedMerger}/fremdriftsplan`);
    await page.getByRole('heading', { level: 1, name: 'Fremdriftsplan' }).waitFor();
    const timeline = page.getByRole('region', { name: /Tidslinje for fasene/ });
    await timeline.waitFor();
    return timeline;
  }

  it('shows the placed tasks on the timeline under their area, each bar named with its area', async () => {
    const timeline = await openSchedule({ width: 1366, height: 768 });
    for (const area of ['Pasientjournalsystemer', 'Systemer innen plan- og byggesak', 'Digitale arkiv og arkivløsninger']) {
      await timeline.getByText(`Løsningsområde: ${area}`, { exact: true }).waitFor();
      await timeline.getByRole('link', { name: `Videreføre pågående saker (${area}): 01.04.2027 – 31.12.2027, ikke startet` }).waitFor();
    }
    // The list by date says which area each is from, too.
    const list = page.getByRole('table', { name: 'Faser, milepæler og oppgaver med datoer, sortert etter dato' });
    await list.getByRole('link', { name: 'Videreføre pågående saker (Pasientjournalsystemer)' }).waitFor();
    await expectNoAxeViolations(page, 'schedule with placed tasks');
  });

  it('fits «Kvartaler» into 1366 px without scrolling sideways, with the merger date’s name whole', async () => {
    const timeline = await openSchedule({ width: 1366, height: 768 });
    await main().getByRole('button', { name: 'Kvartaler' }).click();
    await timeline
      .getByText(/^1\. kv\. \d{4}$/)
      .first()
      .waitFor();
    const fit = await timeline.evaluate((region) => {
      const box = region.getBoundingClientRect();
      const names = [...region.querySelectorAll('.samla-timeline__milestone-text')].map((element) => {
        const r = element.getBoundingClientRect();
        return { text: element.textContent, inside: r.left >= box.left && r.right <= box.right };
      });
      return { scrollWidth: region.scrollWidth, clientWidth: region.clientWidth, names };
    });
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    expect(fit.names).toContainEqual({ text: 'Sammenslåingsdato', inside: true });
    expect(fit.names.every((name) => name.inside)).toBe(true);
    await expectNoAxeViolations(page, 'timeline fitted to 1366 px');
  });

  it('lists the dependency picker’s tasks with their area, so no two options read the same', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const tasks = ((await (await api.request('GET', `/mergers/${placedMerger}/tasks?phase=4`)).json()) as { tasks: Task[] }).tasks;
    const placed = tasks.find((task) => task.area?.name === 'Pasientjournalsystemer' && task.title === 'Videreføre pågående saker')!;
    await page.goto(`/sammenslainger/${placedMerger}/oppgaver/${placed.id}`);
    await page.getByRole('heading', { level: 1, name: 'Videreføre pågående saker' }).waitFor();
    await main().getByTestId('task-area').getByText('Pasientjournalsystemer', { exact: false }).waitFor();
    const options = await page.getByLabel('Oppgave den avhenger av').locator('option').allInnerTexts();
    expect(options).toContain('Fase 4: Videreføre pågående saker (Systemer innen plan- og byggesak)');
    expect(options).toContain('Fase 4: Videreføre pågående saker (Digitale arkiv)');
    expect(new Set(options).size).toBe(options.length);
    await expectNoAxeViolations(page, 'placed task page');
  });

  it('fits a phone: no sideways scrolling of the page at 390 × 844, and axe finds nothing', async () => {
    await openSchedule({ width: 390, height: 844 });
    await page.getByRole('table', { name: 'Faser, milepæler og oppgaver med datoer, sortert etter dato' }).waitFor();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    await expectNoAxeViolations(page, 'schedule at 390 px');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

/** Opens a page, signing in first when this test runs alone (the journey before it signs in otherwise). */
async function gotoSignedIn(path: string): Promise<void> {
  await page.goto(path);
  const heading = page.getByRole('heading', { level: 1 });
  await heading.first().waitFor();
  if ((await heading.first().innerText()).trim() !== 'Logg inn') return;
  await page.getByLabel('E-post').fill(admin.email);
  await page.getByLabel('Passord').fill(admin.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
}
