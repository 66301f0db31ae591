import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// ROS-analyse in the browser against the real server: two risks through the form, a mitigation
// linked to a task of the plan, both risks in the heatmap (and its table), and one starter
// suggestion made concrete from the inventory and the veivalg accepted.

const economy = 'omrade-okonomi-og-regnskapssystem';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let merger: MergerDetail;
let taskTitle: string;

async function add(kind: string, payload: object): Promise<string> {
  const response = await api.request('POST', `/mergers/${merger.id}/inventory/${kind}`, payload);
  if (response.status !== 201) throw new Error(`POST ${kind} gave ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  const created = await createMergerViaApi(api, {
    name: 'ROS-prøve',
    newMunicipalityName: 'Nye Nordhordland',
    mergerDate: '2030-01-01',
    municipalities: ['4601', '4626'],
  });
  merger = (await (await api.request('GET', `/mergers/${created.id}`)).json()) as MergerDetail;
  const visma = await add('systems', { municipalityNumber: '4601', name: 'Visma Økonomi', solutionAreaId: economy });
  const agresso = await add('systems', { municipalityNumber: '4626', name: 'Agresso', solutionAreaId: economy });
  await add('integrations', { municipalityNumber: '4626', fromSystemId: agresso, commonSolutionId: 'altinn' });
  // A proposed «Videreføre Visma»: Agresso is migrated, so downtime and its Altinn integration are suggested.
  // The shared session helper types the methods other tests use; fetch itself takes PUT.
  const put = api.request as (method: string, path: string, body?: unknown) => Promise<Response>;
  const decided = await put('PUT', `/mergers/${merger.id}/decisions/${economy}`, {
    outcome: 'continue',
    targetSystemId: visma,
    timing: 'before_merger',
    state: 'proposed',
  });
  expect(decided.status, await decided.clone().text()).toBe(200);
  const tasks = (await (await api.request('GET', `/mergers/${merger.id}/tasks`)).json()) as { tasks: Array<{ title: string }> };
  taskTitle = tasks.tasks[0]!.title;
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

async function fillRisk(values: { title: string; likelihood: string; dimension: string; consequence: string; residualLikelihood?: string }) {
  await page.getByLabel('Tittel').fill(values.title);
  await page.getByLabel('Sannsynlighet', { exact: true }).selectOption({ label: values.likelihood });
  await page.getByLabel(values.dimension, { exact: true }).selectOption({ label: values.consequence });
  if (values.residualLikelihood) await page.getByLabel('Restsannsynlighet').selectOption({ label: values.residualLikelihood });
}

describe('ROS-analyse', () => {
  it('adds two risks and a mitigation linked to a task, sees them in the heatmap, and accepts a starter suggestion', async () => {
    await signInThroughPage(page, admin, `/sammenslainger/${merger.id}`);
    await page.getByRole('heading', { level: 1, name: merger.name }).waitFor();
    await page.getByRole('navigation', { name: 'I sammenslåingen' }).getByRole('link', { name: 'Risiko (ROS)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risiko (ROS)' }).waitFor();
    await main().getByText('Ingen risikoer ennå', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'risk list, empty');

    // The first risk: a save without a title shows the error at the field and keeps the input.
    await page.getByRole('navigation', { name: 'ROS-analysen' }).getByRole('link', { name: 'Ny risiko' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny risiko' }).waitFor();
    await page.getByLabel('Sannsynlighet', { exact: true }).selectOption({ label: '4 – Sannsynlig' });
    await page.getByRole('button', { name: 'Registrer risikoen' }).click();
    await main().getByRole('link', { name: 'Skriv en tittel.' }).waitFor();
    expect(await page.getByLabel('Sannsynlighet', { exact: true }).inputValue()).toBe('4');
    await expectNoAxeViolations(page, 'new risk with an error');
    await fillRisk({
      title: 'Nedetid i økonomisystemet',
      likelihood: '4 – Sannsynlig',
      dimension: 'Tjenesteleveranse',
      consequence: '5 – Svært stor',
      residualLikelihood: '2 – Lite sannsynlig',
    });
    await page.getByRole('button', { name: 'Registrer risikoen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nedetid i økonomisystemet' }).waitFor();
    await main().getByText('Høy (S4 × K5)').first().waitFor();

    // A mitigation linked to a task of the plan.
    await page.getByLabel('Navn på tiltaket').fill('Test økonomisystemet før dag én');
    await page.getByLabel('Ansvarlig').fill('Ola Nordmann');
    await page.getByLabel('Oppgave i planen').selectOption({ label: taskTitle });
    await page.getByRole('button', { name: 'Legg til tiltaket' }).click();
    const mitigations = main().getByRole('table', { name: 'Tiltak for risikoen' });
    const row = mitigations.getByRole('row', { name: /Test økonomisystemet før dag én/ });
    await row.getByRole('link', { name: taskTitle }).waitFor();
    await row.getByText('Ola Nordmann').waitFor();
    await main().getByRole('table', { name: 'Historikk for risikoen' }).waitFor();
    await expectNoAxeViolations(page, 'risk with a mitigation');

    // The second risk.
    await page.getByRole('navigation', { name: 'ROS-analysen' }).getByRole('link', { name: 'Ny risiko' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny risiko' }).waitFor();
    await fillRisk({ title: 'Arkivtap i gamle systemer', likelihood: '2 – Lite sannsynlig', dimension: 'Økonomi', consequence: '3 – Moderat' });
    await page.getByRole('button', { name: 'Registrer risikoen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arkivtap i gamle systemer' }).waitFor();

    // The heatmap: both risks before mitigation, the first one lower after; the table says the same.
    await page.getByRole('navigation', { name: 'ROS-analysen' }).getByRole('link', { name: 'Risikokart' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risikokart' }).waitFor();
    const inherent = page.getByTestId('heatmap-inherent');
    await inherent.getByRole('link', { name: '1 risiko, Høy, sannsynlighet 4, konsekvens 5' }).waitFor();
    await inherent.getByRole('link', { name: '1 risiko, Middels, sannsynlighet 2, konsekvens 3' }).waitFor();
    await page.getByTestId('heatmap-residual').getByRole('link', { name: '1 risiko, Høy, sannsynlighet 2, konsekvens 5' }).waitFor();
    const table = page.getByRole('table', { name: 'Antall risikoer per celle, før og etter tiltak' });
    expect(await table.getByRole('row').count()).toBe(1 + 3);
    await table.getByRole('row', { name: /4 Sannsynlig.*5 Svært stor.*Høy/ }).waitFor();
    await expectNoAxeViolations(page, 'heatmap');

    await inherent.getByRole('link', { name: '1 risiko, Høy, sannsynlighet 4, konsekvens 5' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risiko (ROS)' }).waitFor();
    await main().getByText('Viser celle 4 × 5', { exact: false }).waitFor();
    const list = main().getByRole('table', { name: 'Risikoer' });
    await list.getByRole('link', { name: 'Nedetid i økonomisystemet' }).waitFor();
    expect(await list.getByRole('link', { name: 'Arkivtap i gamle systemer' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'risk list filtered to a cell');

    // A starter suggestion made concrete from the inventory: accepted, and not suggested again.
    await page.getByRole('navigation', { name: 'ROS-analysen' }).getByRole('link', { name: 'Startforslag' }).click();
    await page.getByRole('heading', { level: 1, name: 'Startforslag' }).waitFor();
    const accept = main().getByRole('button', { name: /^Legg til som risiko: Nedetid under migrering av Agresso/ });
    await accept.waitFor();
    await main()
      .getByRole('heading', { name: /Integrasjonen mellom Agresso og Altinn/ })
      .waitFor();
    await expectNoAxeViolations(page, 'starter suggestions');
    await accept.click();
    await main()
      .getByText(/er lagt til som risiko\./)
      .waitFor();
    await page.waitForFunction(() => !document.body.innerText.includes('Legg til som risiko: Nedetid under migrering av Agresso'));
    const risks = (await (await api.request('GET', `/mergers/${merger.id}/risks`)).json()) as { risks: Array<{ title: string; suggestionKey: string | null }> };
    expect(risks.risks.map((risk) => risk.title)).toEqual([
      'Nedetid i økonomisystemet',
      'Arkivtap i gamle systemer',
      expect.stringMatching(/^Nedetid under migrering av Agresso/),
    ]);
    expect(risks.risks[2]!.suggestionKey).toMatch(/^downtime:/);

    // The matrix settings page, read as it is.
    await page.getByRole('navigation', { name: 'ROS-analysen' }).getByRole('link', { name: 'Risikomatrise' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risikomatrise' }).waitFor();
    await page.getByLabel('Navn på nivå 5').first().waitFor();
    await expectNoAxeViolations(page, 'risk matrix');
    // Renaming a class needs no mapping; the preview shows every risk where it lands, then it is saved.
    // Every field is named in words: no class key («high») in a label.
    const labels = await main().locator('label').allTextContents();
    expect(labels.filter((label) => /«[a-z0-9-]+»/.test(label))).toEqual([]);
    await page.getByLabel('Navn på klassen for høy risiko').fill('Høy risiko');
    await page.getByRole('button', { name: 'Forhåndsvis endringen' }).click();
    const moves = main().getByRole('table', { name: 'Risikoene før og etter endringen' });
    await moves
      .getByRole('row', { name: /Nedetid i økonomisystemet/ })
      .getByText('Høy risiko (S4 × K5)')
      .waitFor();
    expect(await moves.getByRole('row').count()).toBe(1 + 3);
    await expectNoAxeViolations(page, 'risk matrix preview');
    await page.getByRole('button', { name: 'Lagre matrisen' }).click();
    await main().getByText('Risikomatrisen er lagret, og risikoene er flyttet.').waitFor();
    const matrix = (await (await api.request('GET', `/mergers/${merger.id}/risk-matrix`)).json()) as { version: number };
    expect(matrix.version).toBe(1);
  });

  it('links a risk to systems with a searchable picker, by keyboard alone', async () => {
    await add('systems', { municipalityNumber: '4601', name: 'Visma Lønn', solutionAreaId: economy });
    await page.goto(`/sammenslainger/${merger.id}/risiko/ny`);
    // Signed in already when the journey above ran first; on its own, sign in first.
    const heading = page.getByRole('heading', { level: 1, name: /^(Ny risiko|Logg inn)$/ });
    if ((await heading.textContent()) === 'Logg inn') await signInThroughPage(page, admin, `/sammenslainger/${merger.id}/risiko/ny`);
    await page.getByRole('heading', { level: 1, name: 'Ny risiko' }).waitFor();
    await fillRisk({
      title: 'Feil i lønnskjøringen',
      likelihood: '3 – Moderat sannsynlig',
      dimension: 'Økonomi',
      consequence: '4 – Stor',
      residualLikelihood: '4 – Sannsynlig',
    });
    // A message written to stand by its field is read in the summary with the field's name.
    await page.getByRole('button', { name: 'Registrer risikoen' }).click();
    await main().getByRole('link', { name: 'Restsannsynlighet: Restrisikoen kan ikke være høyere enn risikoen før tiltak.', exact: true }).waitFor();
    await page.getByLabel('Restsannsynlighet').selectOption('');
    const field = page.getByRole('combobox', { name: 'Systemer risikoen gjelder' });
    const picker = page.locator('ds-suggestion', { has: page.locator('#risk-systems') });
    const picked = () => picker.locator('data').allTextContents();

    // Typing narrows the list: only the two Visma systems are left.
    await page.locator('#risk-systems').focus();
    await page.keyboard.type('visma');
    await page.getByRole('option', { name: 'Visma Lønn (Bergen)' }).waitFor();
    await expect.poll(() => page.getByRole('option', { name: /Agresso/ }).isVisible()).toBe(false);
    expect(await page.getByRole('option', { name: 'Visma Økonomi (Bergen)' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'risk form with the system picker open');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(picked).toEqual(['Visma Lønn (Bergen)']);
    // The field is empty again for the next pick.
    await expect.poll(() => field.inputValue()).toBe('');
    await page.keyboard.type('agre');
    await page.getByRole('option', { name: 'Agresso (Øygarden)' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(picked).toEqual(['Visma Lønn (Bergen)', 'Agresso (Øygarden)']);

    // ← from the empty field goes to the last pick; Enter removes it.
    await expect.poll(() => field.inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(picked).toEqual(['Visma Lønn (Bergen)']);
    await expectNoAxeViolations(page, 'risk form with a linked system');

    await page.getByRole('button', { name: 'Registrer risikoen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Feil i lønnskjøringen' }).waitFor();
    await expect.poll(picked).toEqual(['Visma Lønn (Bergen)']);
    const riskId = /\/risiko\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    const saved = (await (await api.request('GET', `/mergers/${merger.id}/risks/${riskId}`)).json()) as { systems: Array<{ name: string }> };
    expect(saved.systems.map((system) => system.name)).toEqual(['Visma Lønn']);
    await expectNoAxeViolations(page, 'risk with a linked system');
  });
});
