import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 17 in the browser: a lead (no administrator) adds people by e-mail and gets the
// same answer whether or not the address has an account; the invitations wait on the
// members page until the person signs in, and can be withdrawn. A calendar address made
// by someone who has since left is shown to those who manage people, and can be deleted.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: ApiSession;
let mergerId: string;

const lead = { name: 'Lise Leder', email: 'lise.leder@nye-kommune.no', password: 'Lise leder prosjektet med et langt passord' };
const maker = { name: 'Mari Medarbeider', email: 'mari@nye-kommune.no', password: 'Mari lager kalenderadresser hele dagen' };
const known = { name: 'Kjell Kjent', email: 'kjell@nye-kommune.no', password: 'Kjell har en bruker allerede fra før' };
const unknownEmail = 'ingen.bruker@nye-kommune.no';

const main = () => page.locator('main');

async function ok(response: Response, what: string): Promise<Response> {
  if (response.status >= 300) throw new Error(`${what} gave ${response.status}: ${await response.text()}`);
  return response;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.baseUrl));
  api = await apiSession(server.baseUrl, admin);
  mergerId = (
    await createMergerViaApi(api, { name: 'Invitasjonsprøve', newMunicipalityName: 'Nye Fosen', mergerDate: '2029-01-01', municipalities: ['5057', '5058'] })
  ).id;
  const ids: Record<string, string> = {};
  for (const person of [lead, maker, known]) {
    const created = await ok(await api.request('POST', '/users', person), `POST /users ${person.email}`);
    ids[person.email] = ((await created.json()) as { id: string }).id;
  }
  // The administrator may know who has an account: these are members at once.
  await ok(await api.request('POST', `/mergers/${mergerId}/members`, { email: lead.email, role: 'lead' }), 'add lead');
  await ok(await api.request('POST', `/mergers/${mergerId}/members`, { email: maker.email, role: 'member' }), 'add maker');
  const makersApi = await apiSession(server.baseUrl, maker);
  await ok(await makersApi.request('POST', `/mergers/${mergerId}/calendar-feed`), 'calendar feed');
  await ok(await api.request('DELETE', `/mergers/${mergerId}/members/${ids[maker.email]}`), 'remove maker');
}, 180_000);

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('a lead adds people by e-mail', () => {
  it('gets the same answer for a known and an unknown address, sees the invitations, and withdraws one', async () => {
    await signInThroughPage(page, lead, `/sammenslainger/${mergerId}/medlemmer`);
    await page.getByRole('heading', { level: 1, name: 'Medlemmer' }).waitFor();
    // The calendar address outlived its maker's membership: said here, with the way to it.
    await main().getByText(`Sammenslåingen har en kalenderadresse som ${maker.name} laget.`, { exact: false }).waitFor();
    await main().getByRole('link', { name: 'Se eller slett kalenderadressen under «Avtalefrister»' }).waitFor();
    await expectNoAxeViolations(page, 'members, lead, calendar address of a former member');

    for (const email of [known.email, unknownEmail]) {
      await page.getByLabel('E-post', { exact: true }).fill(email);
      await page.getByRole('radio', { name: 'Prosjektmedarbeider' }).check();
      await page.getByRole('button', { name: 'Legg til medlem' }).click();
      await main().getByText(`Invitasjon sendt til ${email} – personen blir medlem ved første innlogging.`).waitFor();
    }
    const invitations = page.getByRole('table', { name: /Invitasjoner som venter/ });
    await invitations.getByRole('row', { name: new RegExp(`${known.email} Prosjektmedarbeider ${lead.name}`) }).waitFor();
    await invitations.getByRole('row', { name: new RegExp(`${unknownEmail} Prosjektmedarbeider ${lead.name}`) }).waitFor();
    // Neither is on the members list yet: nothing says which address has an account.
    expect(await page.getByRole('table', { name: 'Medlemmer med e-post og rolle' }).getByText(known.email).count()).toBe(0);
    await expectNoAxeViolations(page, 'members, invitations');

    await page.getByRole('button', { name: `Trekk tilbake invitasjonen til ${unknownEmail}` }).click();
    const dialog = page.getByRole('dialog', { name: `Trekke tilbake invitasjonen til ${unknownEmail}?` });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
    await expectNoAxeViolations(page, 'members, withdraw dialog');
    await dialog.getByRole('button', { name: 'Trekk tilbake invitasjonen' }).click();
    await invitations.getByRole('row', { name: new RegExp(unknownEmail) }).waitFor({ state: 'detached' });
    await page.getByTestId('live-announcer').getByText(`Invitasjonen til ${unknownEmail} er trukket tilbake.`).waitFor();
  });

  it('the invited person is a member after signing in', async () => {
    await apiSession(server.baseUrl, known);
    await page.reload();
    await page
      .getByRole('table', { name: 'Medlemmer med e-post og rolle' })
      .getByRole('row', { name: new RegExp(`${known.name} ${known.email}`) })
      .waitFor();
    expect(await page.getByRole('table', { name: /Invitasjoner som venter/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'members, after the invited person signed in');
  });
});

describe('the calendar address of someone who left', () => {
  it('is shown with its maker marked as no longer a member, and can be deleted', async () => {
    await main().getByRole('link', { name: 'Se eller slett kalenderadressen under «Avtalefrister»' }).click();
    await page.getByRole('heading', { level: 1, name: /Avtalefrister/ }).waitFor();
    await main().getByText(`En kalenderadresse ble laget av ${maker.name} (ikke lenger medlem)`, { exact: false }).waitFor();
    await main().getByText('Ingen kalender har hentet den ennå.', { exact: false }).waitFor();
    await main().getByText(`${maker.name}, som laget adressen, er ikke lenger med i sammenslåingen.`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'contract deadlines, calendar address of a former member');

    await page.getByRole('button', { name: 'Slett adressen' }).click();
    await main().getByText('Sammenslåingen har ingen kalenderadresse ennå.').waitFor();
    expect(await main().getByText('ikke lenger med i sammenslåingen', { exact: false }).count()).toBe(0);
    await expectNoAxeViolations(page, 'contract deadlines, calendar address deleted');
  });
});
