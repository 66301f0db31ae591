import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AreaDecision } from '#shared/contracts/decisions.ts';
import type { ContractDeadlines } from '#shared/contracts/contract-deadlines.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import type { Dashboard } from '#shared/contracts/dashboard.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Veivalg in the browser against the real server: three municipalities' economy systems,
// an adopted «Videreføre» made with the keyboard, and what follows from it: the area's tasks
// in phase 4 of the plan, notices for the other systems' contracts, and, once the tasks are
// done, one more critical area ready for day one.

const economy = 'omrade-okonomi-og-regnskapssystem';
const economyName = 'Økonomi- og regnskapssystem';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let merger: MergerDetail;
const contracts: Record<string, string> = {};

/** One kind's rows through the import, as a CSV (semicolons, like Norwegian Excel writes them). */
async function importCsv(kind: string, lines: string[]): Promise<void> {
  const response = await fetch(`${server.baseUrl}/api/v1/mergers/${merger.id}/inventory/import?mode=commit&kind=${kind}`, {
    method: 'POST',
    body: `${lines.join('\r\n')}\r\n`,
    headers: { 'content-type': 'text/csv', cookie: api.cookie, 'x-csrf-token': api.csrfToken },
  });
  if (response.status !== 200) throw new Error(`import of ${kind} gave ${response.status}: ${await response.text()}`);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  const created = await createMergerViaApi(api, {
    name: 'Veivalgprøve',
    newMunicipalityName: 'Nye Nordhordland',
    mergerDate: '2030-01-01',
    municipalities: ['4601', '4626', '4631'],
  });
  merger = (await (await api.request('GET', `/mergers/${created.id}`)).json()) as MergerDetail;

  // A realistic start, imported as the municipalities would bring it: each runs its own economy
  // system on a contract with a notice period, and Alver's reports to Altinn.
  await importCsv('systems', [
    'Kommunenummer;Navn;Leverandør;Produkt;Løsningsområde;Drift;Antall brukere',
    `4601;Visma Økonomi;Visma;Visma Enterprise;${economyName};SaaS/sky;420`,
    `4626;Økonomi;Visma;Visma Enterprise;${economyName};Hos leverandør;90`,
    `4631;Agresso;Unit4;Agresso;${economyName};Lokalt;75`,
  ]);
  await importCsv('contracts', [
    'Kommunenummer;Leverandør;Gjelder;Sluttdato;Oppsigelsestid (måneder);Endringsklausul;Systemer',
    '4601;Visma;Visma Enterprise;31.12.2031;6;Avtalen går over til ny kommune;Visma Økonomi',
    '4626;Visma;Økonomisystem;30.06.2030;3;;Økonomi',
    '4631;Unit4;Agresso drift og lisens;31.12.2030;12;;Agresso',
  ]);
  await importCsv('integrations', ['Kommunenummer;Fra system;Fellesløsning;Metode', '4631;Agresso;Altinn;API']);
  const listed = (await (await api.request('GET', `/mergers/${merger.id}/inventory/contracts?limit=10`)).json()) as {
    items: Array<{ id: string; municipalityNumber: string }>;
  };
  for (const [key, number] of [
    ['bergen', '4601'],
    ['oygarden', '4626'],
    ['alver', '4631'],
  ] as const) {
    contracts[key] = listed.items.find((item) => item.municipalityNumber === number)!.id;
  }
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

async function readyCount(): Promise<number> {
  const text = await main().getByTestId('readiness-summary').innerText();
  const match = /^(\d+) av (\d+) kritiske områder er klare til dag én$/.exec(text.trim());
  if (!match) throw new Error(`unexpected readiness text: ${text}`);
  return Number(match[1]);
}

describe('Veivalg', () => {
  it('adopts «Videreføre» for the economy area with the keyboard, and the plan, contracts and readiness follow', async () => {
    await signInThroughPage(page, admin, `/sammenslainger/${merger.id}/veivalg`);
    await page.getByRole('heading', { level: 1, name: 'Veivalg' }).waitFor();
    await main().getByTestId('readiness-summary').waitFor();
    const readyBefore = await readyCount();
    // The economy area is critical and has no decision: it is listed as missing.
    const readiness = page.getByRole('region', { name: 'Klar til dag én' });
    await readiness.getByRole('listitem').filter({ hasText: economyName }).getByText('ingen veivalg', { exact: false }).waitFor();
    const row = main().getByRole('row', { name: new RegExp(economyName) });
    await row.getByText('Kritisk').waitFor();
    await row.getByText('Ikke besluttet').waitFor();
    await expectNoAxeViolations(page, 'Veivalg overview');

    await main().getByRole('table').getByRole('link', { name: economyName }).click();
    await page.getByRole('heading', { level: 1, name: economyName }).waitFor();
    const systemsTable = main().getByRole('table', { name: /Systemer i/ });
    await systemsTable.getByRole('link', { name: 'Agresso' }).waitFor();
    expect(await systemsTable.getByText('Ikke besluttet').count()).toBe(3);
    await main()
      .getByRole('button', { name: /Bruk .* som forslag/ })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'economy area');

    const area = (await (await api.request('GET', `/mergers/${merger.id}/decisions/${economy}`)).json()) as AreaDecision;
    const seedTitles = area.area.tasks.map((task) => task.title);
    expect(seedTitles.length).toBeGreaterThan(0);

    // The decision, with the keyboard: Space picks a radio, the target is a native select.
    await page.getByRole('radio', { name: 'Videreføre' }).focus();
    await page.keyboard.press('Space');
    const target = page.getByLabel('Målsystem');
    await target.focus();
    await target.selectOption({ label: 'Visma Økonomi (Bergen)' });
    await page.getByRole('radio', { name: 'Før sammenslåingen' }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Begrunnelse').focus();
    await page.keyboard.type('Flest brukere, og to kommuner har samme produkt.');
    await page.getByRole('radio', { name: 'Vedtatt' }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Vedtatt' }).isChecked()).toBe(true);
    // Adopting asks who decided and when (decision 038): not saved without them.
    await page.getByRole('button', { name: 'Lagre veivalget' }).focus();
    await page.keyboard.press('Enter');
    await main().getByText('Velg hvem som vedtok veivalget.').first().waitFor();
    await main().getByText('Oppgi datoen for møtet der veivalget ble vedtatt.').first().waitFor();
    const maker = page.getByLabel('Vedtatt av');
    await maker.focus();
    await maker.selectOption({ label: 'Styringsgruppen' });
    await page.getByLabel('Møtedato').fill('2026-11-02');
    await page.getByLabel('Saksnummer eller arkivreferanse').fill('PS 12/2026');
    await page.getByLabel('Lenke til vedtaket i arkivet').fill('https://innsyn.bergen.kommune.no/sak/2026/12');
    await expectNoAxeViolations(page, 'the veivalg form with the decision on record');
    await page.getByRole('button', { name: 'Lagre veivalget' }).focus();
    await page.keyboard.press('Enter');

    await main().getByText('Veivalget er lagret.').waitFor();
    await main().getByTestId('decision-maker').getByText('Styringsgruppen, møte 02.11.2026').waitFor();
    await main().getByTestId('case-number').getByText('PS 12/2026').waitFor();
    expect(await main().getByTestId('archive-link').getAttribute('href')).toBe('https://innsyn.bergen.kommune.no/sak/2026/12');
    await page.getByTestId('live-announcer').getByText(`Veivalget for ${economyName} er vedtatt.`, { exact: false }).waitFor();
    await main().getByTestId('decided-by').waitFor();
    const planned = main().getByRole('table', { name: 'Oppgaver fra veivalget' });
    for (const title of seedTitles) await planned.getByRole('link', { name: title, exact: true }).waitFor();
    expect(await planned.getByRole('link', { name: 'Fase 4' }).count()).toBe(seedTitles.length);
    const fates = main().getByRole('table', { name: /Systemer i/ });
    await fates
      .getByRole('row', { name: /Visma Økonomi/ })
      .getByText('Videreføres')
      .waitFor();
    await fates
      .getByRole('row', { name: /Agresso/ })
      .getByText('Migreres (datakonvertering)')
      .waitFor();
    await main().getByRole('table', { name: 'Integrasjoner som må etableres på nytt' }).getByText('Agresso', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'economy area after adopting');

    // The plan: the area's tasks are in phase 4 of the checklist.
    await page.goto(`/sammenslainger/${merger.id}/sjekkliste?fase=4`);
    await page.getByRole('heading', { level: 1, name: /^Fase 4:/ }).waitFor();
    // Each under the area's heading; a link says its area too (issue 18), so not an exact name.
    await main()
      .getByRole('heading', { level: 4, name: `Løsningsområde: ${economyName}` })
      .waitFor();
    for (const title of seedTitles)
      await main()
        .getByRole('link', { name: `${title} (${economyName})`, exact: true })
        .waitFor();
    await expectNoAxeViolations(page, 'checklist phase 4');

    // Contract deadlines: the systems that are migrated away have contracts to terminate.
    const deadlines = (await (await api.request('GET', `/mergers/${merger.id}/contract-deadlines`)).json()) as ContractDeadlines;
    const action = (id: string) => deadlines.contracts.find((contract) => contract.contractId === id);
    // Notice runs from the end of a month: 12 months before the end of 2029, and 3 months.
    expect(action(contracts.alver!)).toMatchObject({ action: 'terminate', deadline: '2028-12-31' });
    expect(action(contracts.oygarden!)).toMatchObject({ action: 'terminate', deadline: '2029-09-30' });
    expect(action(contracts.bergen!)).toMatchObject({ action: 'transfer', legalReview: false });
    await page.goto(`/sammenslainger/${merger.id}/avtalefrister`);
    await page.getByRole('heading', { level: 1, name: 'Avtalefrister' }).waitFor();
    await main()
      .getByRole('row', { name: /Agresso drift og lisens/ })
      .getByText('31.12.2028')
      .waitFor();
    await main()
      .getByRole('row', { name: /Økonomisystem/ })
      .getByText('30.09.2029')
      .waitFor();
    await expectNoAxeViolations(page, 'contract deadlines');

    // The planned tasks done (through the API): one more critical area ready for day one.
    const after = (await (await api.request('GET', `/mergers/${merger.id}/decisions/${economy}`)).json()) as AreaDecision;
    for (const task of after.plannedTasks) {
      const current = (await (await api.request('GET', `/mergers/${merger.id}/tasks/${task.id}`)).json()) as { version: number };
      const done = await api.request('PATCH', `/mergers/${merger.id}/tasks/${task.id}`, { version: current.version, status: 'done' });
      expect(done.status, await done.clone().text()).toBe(200);
    }
    await page.goto(`/sammenslainger/${merger.id}/veivalg`);
    await main().getByTestId('readiness-summary').waitFor();
    expect(await readyCount()).toBe(readyBefore + 1);
    expect(await page.getByRole('region', { name: 'Klar til dag én' }).getByRole('link', { name: economyName }).count()).toBe(0);
    const decided = main().getByRole('row', { name: new RegExp(economyName) });
    await decided.getByText('Vedtatt').waitFor();
    await decided.getByText('Visma Økonomi').waitFor();
    await expectNoAxeViolations(page, 'Veivalg overview after the tasks are done');
  });
  it('a critical area deferred to the transition is not ready until prosjektleder or eier accepts the deferral, with the keyboard', async () => {
    const payroll = 'omrade-personal-og-lonnssystem';
    const payrollName = 'Personal- og lønnssystem og ansattdokumentasjon';
    const rationale = 'Ny lønnsleverandør fra 1. mars 2030.';
    const deferred = await api.request('PUT', `/mergers/${merger.id}/decisions/${payroll}`, {
      outcome: 'procure',
      timing: 'transition',
      state: 'adopted',
      decisionMaker: 'steering_group',
      meetingDate: '2026-11-02',
      rationale,
    });
    expect(deferred.status, await deferred.clone().text()).toBe(200);

    await page.goto(`/sammenslainger/${merger.id}/veivalg`);
    await main().getByTestId('readiness-summary').waitFor();
    const readyBefore = await readyCount();
    const readiness = page.getByRole('region', { name: 'Klar til dag én' });
    await readiness
      .getByRole('listitem')
      .filter({ hasText: payrollName })
      .getByText(`utsatt til overgangsfasen («${rationale}»), utsettelsen er ikke godtatt`, { exact: false })
      .waitFor();
    await main()
      .getByRole('row', { name: new RegExp(payrollName) })
      .getByText('Utsatt, ikke godtatt')
      .waitFor();
    await expectNoAxeViolations(page, 'Veivalg overview with a deferred critical area');

    await readiness.getByRole('link', { name: payrollName }).click();
    await page.getByRole('heading', { level: 1, name: payrollName }).waitFor();
    const section = page.getByRole('region', { name: 'Utsatt til overgangsfasen' });
    await section.getByText('regnes ikke som klart før prosjektet godtar utsettelsen', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'deferred area, not accepted');

    // With the keyboard: Enter on the button without a reason says what is missing, at the field.
    const reason = page.getByLabel('Hvorfor godtar prosjektet utsettelsen?');
    await reason.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Godta utsettelsen');
    await page.keyboard.press('Enter');
    await section.getByText('Skriv hvorfor prosjektet godtar utsettelsen.').waitFor();
    expect(await reason.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'deferral without a reason');
    await page.keyboard.type('Styringsgruppen godtok utsettelsen 01.09.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const accepted = section.getByTestId('deferral-accepted');
    await accepted.waitFor();
    expect(await accepted.innerText()).toMatch(/^Utsettelse godtatt av .+ \d{2}\.\d{2}\.\d{4}: Styringsgruppen godtok utsettelsen 01\.09\.$/);
    await page.getByTestId('live-announcer').getByText(`Utsettelsen for ${payrollName} er godtatt.`).waitFor();
    // The form the person used is gone: focus stays with the result.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Utsatt til overgangsfasen');
    await section.getByRole('button', { name: 'Trekk tilbake godkjenningen' }).waitFor();
    await expectNoAxeViolations(page, 'deferral accepted');

    // The same rule on the veivalg list and on the dashboard: ready, shown with who, when and why.
    await page.goto(`/sammenslainger/${merger.id}/veivalg`);
    await main().getByTestId('readiness-summary').waitFor();
    expect(await readyCount()).toBe(readyBefore + 1);
    expect(await main().getByTestId('readiness-accepted-deferrals').innerText()).toContain('Utsettelse godtatt av ');
    await main()
      .getByRole('row', { name: new RegExp(payrollName) })
      .getByText('Utsettelse godtatt')
      .waitFor();
    await expectNoAxeViolations(page, 'Veivalg overview with an accepted deferral');
    const dashboard = (await (await api.request('GET', `/mergers/${merger.id}/dashboard`)).json()) as Dashboard;
    expect(dashboard.readiness.acceptedDeferrals.map((entry) => entry.areaId)).toEqual([payroll]);
    await page.goto(`/sammenslainger/${merger.id}`);
    const onDashboard = page.getByTestId('dashboard-accepted-deferrals');
    await onDashboard.waitFor();
    expect(await onDashboard.innerText()).toContain(`${payrollName}: Utsettelse godtatt av `);
    await expectNoAxeViolations(page, 'dashboard with an accepted deferral');
  });

  it('a prosjektmedarbeider proposes, and is told why adopting, accepting a deferral and changing the matrix are not theirs', async () => {
    const member = { email: 'medarbeider@samla.test', password: 'Et langt passord for medarbeideren', name: 'Mads Medarbeider' };
    const created = await api.request('POST', '/users', member);
    expect(created.status, await created.clone().text()).toBe(201);
    const added = await api.request('POST', `/mergers/${merger.id}/members`, { email: member.email, role: 'member' });
    expect(added.status, await added.clone().text()).toBeLessThan(300);
    const { context: memberContext, page: memberPage } = await newPage(browser, server.baseUrl);
    try {
      // A deferred area: the deferral is the project's to accept; the adopted veivalg the project's to change.
      await signInThroughPage(memberPage, member, `/sammenslainger/${merger.id}/veivalg/omrade-personal-og-lonnssystem`);
      await memberPage.getByRole('heading', { level: 1, name: 'Personal- og lønnssystem og ansattdokumentasjon' }).waitFor();
      await memberPage.getByTestId('only-deciders-deferral').getByText('Bare prosjektleder og eier kan godta at et kritisk område utsettes.').waitFor();
      await memberPage.getByTestId('only-deciders-change').getByText('Bare prosjektleder og eier kan endre et vedtatt veivalg.', { exact: false }).waitFor();
      expect(await memberPage.getByRole('button', { name: 'Trekk tilbake godkjenningen' }).count()).toBe(0);
      expect(await memberPage.getByRole('button', { name: 'Lagre veivalget' }).count()).toBe(0);
      await expectNoAxeViolations(memberPage, 'member on an adopted, deferred area');

      // An undecided area: the member may propose, and reads why «Vedtatt» is not offered.
      await memberPage.goto(`/sammenslainger/${merger.id}/veivalg/omrade-losning-for-reiseregninger`);
      await memberPage.getByRole('button', { name: 'Lagre veivalget' }).waitFor();
      await memberPage.getByTestId('only-deciders-adopt').getByText('Bare prosjektleder og eier kan vedta veivalg.', { exact: false }).waitFor();
      expect(await memberPage.getByRole('radio', { name: 'Vedtatt' }).count()).toBe(0);
      await memberPage.getByRole('radio', { name: 'Avvikle' }).focus();
      await memberPage.keyboard.press('Space');
      await memberPage.getByRole('button', { name: 'Lagre veivalget' }).focus();
      await memberPage.keyboard.press('Enter');
      await memberPage.getByRole('main').getByText('Veivalget er lagret.').waitFor();
      await expectNoAxeViolations(memberPage, 'member proposing a veivalg');

      // The risk matrix: shown, not editable, and the page says why.
      await memberPage.goto(`/sammenslainger/${merger.id}/risiko/matrise`);
      await memberPage.getByTestId('only-deciders-matrix').getByText('Bare prosjektleder og eier kan endre risikomatrisen.').waitFor();
      await expectNoAxeViolations(memberPage, 'member on the risk matrix');
    } finally {
      await memberContext.close();
    }
  });
});
