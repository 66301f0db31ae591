import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import { apiSession, createMergerViaApi, phaseProgress, pickMunicipality } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// The demand, end to end in a real browser against the real server:
// create a merger of three municipalities through the form, work phase 1's checklist,
// and see the progress survive a reload and a server restart. Every page visited passes axe.

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

const PHASE_1 = 'Fase 1: Før du starter';
const doneTasks = [
  'Sette av dedikerte ressurser som kan påbegynne arbeidet',
  'Etablere faste møteplasser for de ulike fagmiljøene',
  'Vurdere å inngå innkjøpssamarbeid',
];
const notRelevantTask = 'Brukerbehov knyttet til digitale løsninger';

async function heading1(): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

describe('a merger of three municipalities, through the browser', () => {
  it('asks for sign-in first, and then goes to the page that was asked for', async () => {
    await page.goto('/sjekklisten');
    await page.waitForURL(/\/logg-inn\?neste=%2Fsjekklisten$/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(await page.title()).toBe('Logg inn – Samla');
    await expectNoAxeViolations(page, 'sign-in');
    await page.getByLabel('E-post').fill(admin.email);
    await page.getByLabel('Passord').fill(admin.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sjekklisten$/);
    await page.getByRole('heading', { level: 1, name: 'Sjekklisten' }).waitFor();
    await page.getByRole('button', { name: 'Brukermeny for Administrator' }).waitFor();
  });

  it('starts empty and invites creating a merger', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Sammenslåinger' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Ingen sammenslåinger ennå' }).waitFor();
    expect(await page.title()).toBe('Sammenslåinger – Samla');
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await expectNoAxeViolations(page, 'mergers list (empty)');
  });

  it('shows what is wrong when the form is sent empty, and refuses one municipality', async () => {
    await page.getByRole('link', { name: 'Opprett den første sammenslåingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny sammenslåing' }).waitFor();
    await page.locator('#merger-municipalities').waitFor();
    await expectNoAxeViolations(page, 'new merger form');

    await page.getByRole('button', { name: 'Opprett sammenslåing' }).click();
    const summary = page.locator('.ds-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Skriv navnet på prosjektet.');
    expect(await summary.innerText()).toContain('Velg minst to kommuner.');
    await expectNoAxeViolations(page, 'new merger form, empty submit');

    // The summary links move focus to the field.
    await summary.getByRole('link', { name: 'Skriv navnet på prosjektet.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('merger-name');

    await page.getByLabel('Navn på prosjektet').fill('Digital sammenslåing Nye Østfold');
    await page.getByLabel('Navn på den nye kommunen').fill('Nye Østfold');
    await page.getByLabel('Sammenslåingstidspunkt').fill('2028-01-01');
    await pickMunicipality(page, 'Indre Øst', 'Indre Østfold');
    await page.getByRole('button', { name: 'Opprett sammenslåing' }).click();

    await summary.waitFor();
    expect(await summary.innerText()).toContain('Velg minst to kommuner.');
    expect(await summary.innerText()).not.toContain('Skriv navnet på prosjektet.');
    // The message sits next to the picker, and nothing the user typed is lost.
    const pickerMessage = page.locator('.samla-picker .ds-validation-message');
    expect(await pickerMessage.innerText()).toBe('Velg minst to kommuner.');
    expect(await page.getByLabel('Navn på prosjektet').inputValue()).toBe('Digital sammenslåing Nye Østfold');
    expect(await page.getByLabel('Sammenslåingstidspunkt').inputValue()).toBe('2028-01-01');
    expect(await page.getByRole('row', { name: /Indre Østfold 3118 Østfold Bokmål/ }).isVisible()).toBe(true);
    expect(page.url()).toMatch(/\/sammenslainger\/ny$/);
    await expectNoAxeViolations(page, 'new merger form, one municipality');
  });

  it('creates the merger with three municipalities picked by typing and the keyboard', async () => {
    await pickMunicipality(page, '3101', 'Halden');
    await pickMunicipality(page, 'Sarps', 'Sarpsborg');
    expect(await page.locator('.samla-picker .ds-validation-message').count()).toBe(0);
    await page.getByRole('button', { name: 'Opprett sammenslåing' }).click();

    await page.waitForURL(/\/sammenslainger\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Digital sammenslåing Nye Østfold' }).waitFor();
    const facts = await page.locator('.samla-facts').innerText();
    expect(facts).toContain('Nye Østfold');
    expect(facts).toContain('01.01.2028');
    for (const [name, number] of [
      ['Indre Østfold', '3118'],
      ['Halden', '3101'],
      ['Sarpsborg', '3105'],
    ] as const) {
      expect(await page.getByRole('row', { name: new RegExp(`${name} ${number} Bokmål`) }).isVisible()).toBe(true);
    }
    await page.getByText('0 av 121 ferdige (0 %)').waitFor();
    expect(await page.title()).toBe('Digital sammenslåing Nye Østfold – Samla');
    await expectNoAxeViolations(page, 'merger overview');
  });

  it('works phase 1: three tasks done, one not relevant (with a reason), and the progress follows', async () => {
    await page.getByRole('link', { name: PHASE_1 }).click();
    await page.waitForURL(/\/sjekkliste\?fase=1$/);
    await page.getByRole('heading', { level: 1, name: PHASE_1 }).waitFor();
    await phaseProgress(page, PHASE_1).getByText('0 av 18 ferdige (0 %)').waitFor();
    expect(await heading1()).toBe(PHASE_1);
    await expectNoAxeViolations(page, 'checklist, phase 1');

    for (const [index, title] of doneTasks.entries()) {
      await page.getByRole('link', { name: title, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      if (index === 0) {
        await expectNoAxeViolations(page, 'task edit');
        // Keyboard only: from «Ikke startet», the arrow keys move to «Ferdig»; Enter in a field saves.
        await page.getByRole('radio', { name: 'Ikke startet' }).focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        expect(await page.getByRole('radio', { name: 'Ferdig' }).isChecked()).toBe(true);
        await page.getByLabel('Ansvarlig').focus();
        await page.keyboard.type('Prosjektleder');
        await page.keyboard.press('Enter');
      } else {
        await page.getByRole('radio', { name: 'Ferdig' }).check();
        await page.getByRole('button', { name: 'Lagre' }).click();
      }
      await page.getByText(`Lagret: «${title}».`).waitFor();
      expect(page.url()).toMatch(/\/sjekkliste\?fase=1$/);
      // Focus comes back to the task just saved.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(title);
    }
    await phaseProgress(page, PHASE_1).getByText('3 av 18 ferdige (16 %)').waitFor();

    // «Ikke relevant» without a reason: a Norwegian message by the field, the input kept.
    await page.getByRole('link', { name: notRelevantTask, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: notRelevantTask }).waitFor();
    await page.getByLabel('Ansvarlig').fill('IKT-leder i Halden');
    await page.getByLabel('Notater').fill('Dekkes av kartleggingen i fase 2.');
    await page.getByRole('radio', { name: 'Ikke relevant' }).check();
    await page.getByRole('button', { name: 'Lagre' }).click();
    const message = 'Skriv en begrunnelse når oppgaven settes til «Ikke relevant».';
    await page.locator('.ds-error-summary').getByText(message).waitFor();
    expect(await page.locator('.ds-validation-message').innerText()).toBe(message);
    expect(await page.getByLabel('Ansvarlig').inputValue()).toBe('IKT-leder i Halden');
    expect(await page.getByLabel('Notater').inputValue()).toBe('Dekkes av kartleggingen i fase 2.');
    expect(await page.getByRole('radio', { name: 'Ikke relevant' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'task edit, reason missing');

    await page.getByLabel('Begrunnelse for «Ikke relevant»').fill('Brukerbehovene kartlegges samlet for hele fylket.');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText(`Lagret: «${notRelevantTask}».`).waitFor();
    // 3 of the 17 tasks still relevant are done.
    await phaseProgress(page, PHASE_1).getByText('3 av 17 ferdige (17 %)').waitFor();
    await page.getByRole('row', { name: new RegExp(`${notRelevantTask} Ikke relevant IKT-leder i Halden`) }).waitFor();
    await expectNoAxeViolations(page, 'checklist after saving');
  });

  it('keeps the work after a reload and after the server restarts', async () => {
    await page.reload();
    await phaseProgress(page, PHASE_1).getByText('3 av 17 ferdige (17 %)').waitFor();

    const { port, dataDir } = server;
    await server.stop();
    server = await startServer({ port, dataDir });
    await page.reload();
    await phaseProgress(page, PHASE_1).getByText('3 av 17 ferdige (17 %)').waitFor();
    for (const title of doneTasks) {
      expect(await page.getByRole('row', { name: new RegExp(`^${title} Ferdig`) }).isVisible()).toBe(true);
    }
    expect(await page.getByRole('row', { name: new RegExp(`^${notRelevantTask} Ikke relevant`) }).isVisible()).toBe(true);

    await page.getByRole('link', { name: notRelevantTask, exact: true }).click();
    expect(await page.getByLabel('Begrunnelse for «Ikke relevant»').inputValue()).toBe('Brukerbehovene kartlegges samlet for hele fylket.');

    // The list of mergers shows the merger and its progress.
    await page.getByRole('link', { name: 'Sammenslåinger' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Sammenslåinger' }).waitFor();
    const card = page.locator('.samla-merger-card');
    await card.getByText('3 av 120 ferdige (2 %)').waitFor();
    expect(await card.innerText()).toContain('Indre Østfold, Halden og Sarpsborg');
    await expectNoAxeViolations(page, 'mergers list');
  });

  it('shows the catalogue with «Kritisk»/«Middels» tasks and the low-hanging fruit', async () => {
    await page.getByRole('link', { name: 'Sjekklisten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sjekklisten' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Muligheter' }).waitFor();
    expect(await page.getByText(/utgitt av KS og utarbeidet av PA Consulting/).isVisible()).toBe(true);
    expect(await page.getByText('Bibliotekversjon 1.0.0.', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('.samla-priority-tasks').getByText('Kritisk', { exact: true }).count()).toBeGreaterThan(20);
    expect(await page.locator('.samla-priority-tasks').getByText('Middels', { exact: true }).count()).toBeGreaterThan(10);
    const fruit = page.locator('.samla-opportunities').getByText('Lavthengende frukt', { exact: true });
    const fruitCount = await fruit.count();
    expect(fruitCount).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'catalogue');

    // A click, then what it shows: the switch follows the URL, which under load can take a moment.
    await page.getByRole('switch', { name: 'Vis bare lavthengende frukt' }).click();
    await page.getByText(`Viser ${fruitCount} av 102 muligheter.`).waitFor();
    expect(await page.locator('.samla-opportunities li').count()).toBe(fruitCount);
    expect(page.url()).toContain('lavthengende=ja');
    await expectNoAxeViolations(page, 'catalogue, low-hanging fruit only');
  });
});

// Issue 18: what five veivalg placed in fase 4 stands under each solution area's name,
// not in an untitled table, and with dates inside the phase.
describe('tasks placed by veivalg, in the checklist', () => {
  it('groups them under a heading naming their solution area, dated over phase 4', async () => {
    const api = await apiSession(server.baseUrl, admin);
    const mergerId = (
      await createMergerViaApi(api, { name: 'Områdeprøve', newMunicipalityName: 'Nye Område', mergerDate: '2028-01-01', municipalities: ['3101', '3105'] })
    ).id;
    const areas = {
      'omrade-pasientjournalsystemer': 'Pasientjournalsystemer',
      'omrade-systemer-innen-plan-og-byggesak': 'Systemer innen plan- og byggesak',
      'omrade-okonomi-og-regnskapssystem': 'Økonomi- og regnskapssystem',
    };
    for (const area of Object.keys(areas)) {
      const saved = await api.request('PUT', `/mergers/${mergerId}/decisions/${area}`, {
        outcome: 'procure',
        timing: 'before_merger',
        state: 'adopted',
        decisionMaker: 'steering_group',
        meetingDate: '2026-11-02',
      });
      expect(saved.status).toBe(200);
    }
    const path = `/sammenslainger/${mergerId}/sjekkliste?fase=4`;
    await gotoSignedIn(path);
    await page.getByRole('heading', { level: 1, name: /Fase 4/ }).waitFor();
    const activity = page.getByRole('region', { name: 'Slå sammen prioriterte IKT-systemer og digitale tjenester' });
    const tasks = ((await (await api.request('GET', `/mergers/${mergerId}/tasks?phase=4`)).json()) as { tasks: Task[] }).tasks;
    for (const [id, name] of Object.entries(areas)) {
      const heading = activity.getByRole('heading', { level: 4, name: `Løsningsområde: ${name}` });
      await heading.waitFor();
      // The table after the heading holds exactly that area's tasks.
      const group = activity.locator('.samla-task-group', { has: page.getByRole('heading', { level: 4, name: `Løsningsområde: ${name}` }) });
      const titles = await group.getByRole('link').allInnerTexts();
      const expected = tasks.filter((task) => task.area?.id === id).map((task) => task.title);
      expect(expected.length).toBeGreaterThan(0);
      // Each link, read alone, still says the area (hidden text after the title).
      expect(titles.map((title) => title.replace(/\s+/g, ' ').trim())).toEqual(expected.map((title) => `${title} (${name})`));
      await group.getByText('31.12.2027').first().waitFor();
    }
    await expectNoAxeViolations(page, 'checklist phase 4 with placed tasks');
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
