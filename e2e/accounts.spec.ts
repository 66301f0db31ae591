import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { apiSession, createMergerViaApi, openUserMenuItem, signInThroughPage, type ApiSession } from './support/flows.ts';
import { admin, startServer, type RunningServer } from './support/server.ts';

// Issue 17, accounts you can trust: an administrator deactivates a user who is signed in
// elsewhere, and that user's next click lands on «Logg inn» with a message; reactivated, they
// sign in again. A one-time code sets a new password on «Nytt passord», and «Mine økter» ends
// another browser's session. Every new page and dialog passes axe.

let server: RunningServer;
let browser: Browser;
let adminApi: ApiSession;
const contexts: BrowserContext[] = [];
/** The page a failure screenshot is taken of: the one the test was last looking at. */
let current: Page | undefined;

const vera = { name: 'Vera Veileder', email: 'vera@nye-kommune.no', password: 'Vera har et langt passord' };
const typo = { name: 'Feil Adresse', email: 'feil@nye-kommune.no', password: 'Et passord som aldri brukes' };

/** With SAMLA_E2E_SHOTS=<folder>, a full-page screenshot of each new page, to look at. */
async function shot(page: Page, name: string): Promise<void> {
  const folder = process.env.SAMLA_E2E_SHOTS;
  if (folder) await page.screenshot({ path: `${folder}/accounts-${name}.png`, fullPage: true });
}

async function open(): Promise<Page> {
  const { context, page } = await newPage(browser, server.baseUrl);
  contexts.push(context);
  current = page;
  return page;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  adminApi = await apiSession(server.baseUrl, admin);
  for (const user of [vera, typo]) {
    const response = await adminApi.request('POST', '/users', user);
    if (response.status !== 201) throw new Error(`POST /users gave ${response.status}: ${await response.text()}`);
  }
  // Vera has made a change, so history holds her name and she cannot be deleted.
  const veraApi = await apiSession(server.baseUrl, vera);
  await createMergerViaApi(veraApi, {
    name: 'Digital sammenslåing Nye Vik',
    newMunicipalityName: 'Nye Vik',
    mergerDate: '2028-01-01',
    municipalities: ['4601', '4626'],
  });
  await veraApi.request('POST', '/auth/logout');
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(current, task.name, task.result?.state === 'fail');
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

/** The row of a user in «Brukere». */
const userRow = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) });

/** Vera's browser, signed in through the journeys below and used again in «Meg selv». */
let veraPage: Page;

describe('an administrator under «Brukere»', () => {
  let adminPage: Page;

  it('sees each user with status and changes a name', async () => {
    adminPage = await open();
    await signInThroughPage(adminPage, admin);
    const session = await adminPage.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    const adminName = (session as { session: { user: { name: string } } }).session.user.name;
    await openUserMenuItem(adminPage, adminName, 'Brukere');
    await adminPage.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
    await userRow(adminPage, vera.name).getByText('Aktiv', { exact: true }).waitFor();
    // No way to take away one's own access.
    const own = userRow(adminPage, adminName);
    expect(await own.getByRole('button', { name: /Deaktiver|Slett/ }).count()).toBe(0);
    await expectNoAxeViolations(adminPage, 'users, with status and actions');
    await shot(adminPage, '01-users');

    await adminPage.getByRole('button', { name: `Endre ${typo.name}` }).click();
    const dialog = adminPage.getByRole('dialog', { name: `Endre ${typo.name}` });
    await dialog.waitFor();
    await expectNoAxeViolations(adminPage, 'users, edit dialog');
    // The e-mail of another user: said at the field, what was typed stays.
    await dialog.getByLabel('Navn').fill('Feil Adresse Rettet');
    await dialog.getByLabel('E-post').fill(vera.email);
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.locator('.ds-error-summary').getByText('Det finnes allerede en bruker med denne e-postadressen.').waitFor();
    expect(await dialog.getByLabel('E-post').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Navn').inputValue()).toBe('Feil Adresse Rettet');
    await expectNoAxeViolations(adminPage, 'users, edit dialog with an error');
    await shot(adminPage, '02-edit-error');
    await dialog.getByLabel('E-post').fill(typo.email);
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await userRow(adminPage, 'Feil Adresse Rettet').waitFor();
    // Focus is back on the button that opened the dialog.
    await adminPage.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Endre Feil Adresse Rettet');
  });

  it('deletes a user who made no changes, and is told to deactivate one who did', async () => {
    await adminPage.getByRole('button', { name: `Slett ${vera.name}` }).click();
    const refused = adminPage.getByRole('dialog', { name: `Slette ${vera.name}?` });
    await refused.waitFor();
    await expectNoAxeViolations(adminPage, 'users, delete dialog');
    await refused.getByRole('button', { name: 'Slett brukeren' }).click();
    await refused.getByText('kan derfor ikke slettes. Deaktiver brukeren i stedet.', { exact: false }).waitFor();
    await expectNoAxeViolations(adminPage, 'users, delete refused');
    await shot(adminPage, '03-delete-refused');
    await refused.getByRole('button', { name: 'Avbryt' }).click();
    await userRow(adminPage, vera.name).waitFor();

    await adminPage.getByRole('button', { name: 'Slett Feil Adresse Rettet' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Slette Feil Adresse Rettet?' });
    await dialog.getByRole('button', { name: 'Slett brukeren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await userRow(adminPage, 'Feil Adresse Rettet').waitFor({ state: 'detached' });
  });

  it('deactivates a user signed in elsewhere: their next click lands on «Logg inn»; reactivated, they sign in again', async () => {
    veraPage = await open();
    await signInThroughPage(veraPage, vera);
    await veraPage.getByRole('button', { name: `Brukermeny for ${vera.name}` }).waitFor();

    current = adminPage;
    await adminPage.getByRole('button', { name: `Deaktiver ${vera.name}` }).click();
    const dialog = adminPage.getByRole('dialog', { name: `Deaktivere ${vera.name}?` });
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('logget ut med en gang');
    expect(text).toContain('API-nøklene');
    await expectNoAxeViolations(adminPage, 'users, deactivate dialog');
    await shot(adminPage, '04-deactivate');
    await dialog.getByRole('button', { name: 'Deaktiver brukeren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await userRow(adminPage, vera.name)
      .getByText(/^Deaktivert \d\d\.\d\d\.\d{4}$/)
      .waitFor();
    // No one-time code for someone who cannot sign in.
    expect(await adminPage.getByRole('button', { name: `Lag engangskode til ${vera.name}` }).count()).toBe(0);
    await expectNoAxeViolations(adminPage, 'users, one deactivated');

    current = veraPage;
    await veraPage.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Sjekklisten' }).click();
    await veraPage.waitForURL(/\/logg-inn/);
    await veraPage.getByText('Du er logget ut fordi økten din er avsluttet', { exact: false }).waitFor();
    expect(await veraPage.getByRole('button', { name: /Brukermeny/ }).count()).toBe(0);
    await expectNoAxeViolations(veraPage, 'sign-in, session ended by deactivation');
    await shot(veraPage, '05-signed-out');
    await veraPage.getByLabel('E-post').fill(vera.email);
    await veraPage.getByLabel('Passord').fill(vera.password);
    await veraPage.getByRole('button', { name: 'Logg inn' }).click();
    await veraPage.getByText('Brukeren din er deaktivert.', { exact: false }).waitFor();

    current = adminPage;
    await adminPage.getByRole('button', { name: `Aktiver igjen ${vera.name}` }).click();
    await userRow(adminPage, vera.name).getByText('Aktiv', { exact: true }).waitFor();

    current = veraPage;
    await veraPage.getByLabel('Passord').fill(vera.password);
    await veraPage.getByRole('button', { name: 'Logg inn' }).click();
    await veraPage.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
    await veraPage.getByRole('heading', { level: 1, name: 'Sjekklisten' }).waitFor();
  });

  it('makes a one-time code, with which the user sets a new password and signs in', async () => {
    current = adminPage;
    await adminPage.getByRole('button', { name: `Lag engangskode til ${vera.name}` }).click();
    const shown = adminPage.getByRole('heading', { name: `Engangskode for nytt passord til ${vera.name}` });
    await shown.waitFor();
    expect(await adminPage.evaluate(() => document.activeElement?.textContent)).toContain('Engangskode for nytt passord');
    const link = await adminPage.getByLabel('Lenke til «Nytt passord»').inputValue();
    const code = await adminPage.getByLabel('Engangskode', { exact: true }).inputValue();
    expect(link).toBe(`${server.baseUrl}/nytt-passord#kode=${code}`);
    expect(await adminPage.locator('.samla-new-token').innerText()).toMatch(/gjelder til \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d/);
    await expectNoAxeViolations(adminPage, 'users, one-time code shown');
    await shot(adminPage, '06-code');
    // Shown once: gone when dismissed.
    await adminPage.getByRole('button', { name: 'Jeg har gitt koden videre' }).click();
    expect(await adminPage.getByLabel('Engangskode', { exact: true }).count()).toBe(0);

    // Vera, signed out, follows the link.
    current = veraPage;
    await openUserMenuItem(veraPage, vera.name, 'Logg ut');
    await veraPage.waitForURL(/\/logg-inn$/);
    await veraPage.goto(link);
    await veraPage.getByRole('heading', { level: 1, name: 'Nytt passord' }).waitFor();
    // The code leaves the address bar, and is not asked for.
    await veraPage.waitForURL((url) => url.hash === '');
    expect(await veraPage.getByLabel('Engangskode').count()).toBe(0);
    await expectNoAxeViolations(veraPage, 'new password');

    const newPassword = 'Vera har fått et nytt passord';
    await veraPage.getByLabel('Nytt passord', { exact: true }).fill(newPassword);
    await veraPage.getByLabel('Gjenta det nye passordet').fill('noe helt annet enn det');
    await veraPage.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await veraPage.locator('.ds-error-summary').getByText('Passordene er ikke like.', { exact: false }).waitFor();
    // The server's policy, at the field.
    await veraPage.getByLabel('Nytt passord', { exact: true }).fill('sommeren2024!!');
    await veraPage.getByLabel('Gjenta det nye passordet').fill('sommeren2024!!');
    await veraPage.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await veraPage.locator('.ds-error-summary').getByText('Passordet er for vanlig', { exact: false }).waitFor();
    expect(await veraPage.locator('#reset-new-password').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(veraPage, 'new password, refused');
    await shot(veraPage, '07-new-password-refused');

    await veraPage.getByLabel('Nytt passord', { exact: true }).fill(newPassword);
    await veraPage.getByLabel('Gjenta det nye passordet').fill(newPassword);
    await veraPage.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await veraPage.waitForURL(/\/logg-inn$/);
    await veraPage.getByText('Passordet er endret', { exact: false }).waitFor();
    await expectNoAxeViolations(veraPage, 'sign-in, after a new password');
    vera.password = newPassword;
    await veraPage.getByLabel('E-post').fill(vera.email);
    await veraPage.getByLabel('Passord').fill(vera.password);
    await veraPage.getByRole('button', { name: 'Logg inn' }).click();
    await veraPage.getByRole('button', { name: `Brukermeny for ${vera.name}` }).waitFor();

    // Used once: the same link again is refused.
    const again = await open();
    await again.goto(link);
    await again.getByLabel('Nytt passord', { exact: true }).fill('Et annet langt passord her');
    await again.getByLabel('Gjenta det nye passordet').fill('Et annet langt passord her');
    await again.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await again.locator('.ds-error-summary').getByText('Koden er ugyldig, allerede brukt eller utløpt.', { exact: false }).waitFor();
    await expectNoAxeViolations(again, 'new password, code used');
  });
});

describe('«Meg selv»', () => {
  it('ends another session from «Mine økter», and changes the password', async () => {
    // Vera is signed in in her own browser (since the new password) and now in another one.
    const here = veraPage;
    const elsewhere = await open();
    await signInThroughPage(elsewhere, vera);

    current = here;
    await openUserMenuItem(here, vera.name, 'Meg selv');
    await here.getByRole('heading', { level: 1, name: 'Meg selv' }).waitFor();
    const sessions = here.getByRole('table', { name: 'Nettlesere der du er logget inn' });
    const rows = sessions.locator('tbody tr');
    await sessions.getByText('Denne økten').waitFor();
    expect(await rows.count()).toBe(2);
    expect(await sessions.innerText()).toContain('Chrome på Linux');
    await expectNoAxeViolations(here, 'me, sessions');
    await shot(here, '08-me');

    await sessions.getByRole('button', { name: /^Logg ut økten i Chrome på Linux, sist brukt/ }).click();
    await here.getByText('Økten i Chrome på Linux er logget ut.').first().waitFor();
    await here.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    expect(await rows.first().innerText()).toContain('Denne økten');

    // The other browser's next click lands on «Logg inn», with the message.
    current = elsewhere;
    await elsewhere.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Sjekklisten' }).click();
    await elsewhere.waitForURL(/\/logg-inn/);
    await elsewhere.getByText('Du er logget ut fordi økten din er avsluttet', { exact: false }).waitFor();

    // Signed in there again, then every other session ended at once.
    await elsewhere.getByLabel('E-post').fill(vera.email);
    await elsewhere.getByLabel('Passord').fill(vera.password);
    await elsewhere.getByRole('button', { name: 'Logg inn' }).click();
    await elsewhere.getByRole('button', { name: `Brukermeny for ${vera.name}` }).waitFor();
    current = here;
    await here.reload();
    await here.getByRole('button', { name: 'Logg ut alle andre økter' }).click();
    await here.getByText('1 annen økt er logget ut.').first().waitFor();
    await here.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    expect(await here.getByRole('button', { name: 'Logg ut alle andre økter' }).count()).toBe(0);
    await expectNoAxeViolations(here, 'me, other sessions ended');
    current = elsewhere;
    await openUserMenuItem(elsewhere, vera.name, 'Meg selv');
    await elsewhere.waitForURL(/\/logg-inn/);

    // «Bytt passord»: the wrong current password is said at its field; what was typed stays.
    current = here;
    const newPassword = 'Vera bytter passord selv';
    await here.getByRole('button', { name: 'Bytt passord' }).click();
    const summary = here.locator('.ds-error-summary');
    await summary.getByText('Skriv det nåværende passordet.').waitFor();
    await here.getByLabel('Nåværende passord').fill('ikke det riktige passordet');
    await here.getByLabel('Nytt passord', { exact: true }).fill(newPassword);
    await here.getByLabel('Gjenta det nye passordet').fill(newPassword);
    await here.getByRole('button', { name: 'Bytt passord' }).click();
    await summary.getByText('Passordet stemmer ikke.').waitFor();
    expect(await here.locator('#current-password').getAttribute('aria-invalid')).toBe('true');
    expect(await here.getByLabel('Nytt passord', { exact: true }).inputValue()).toBe(newPassword);
    await expectNoAxeViolations(here, 'me, wrong current password');
    await shot(here, '09-me-wrong-password');
    await here.getByLabel('Nåværende passord').fill(vera.password);
    await here.getByRole('button', { name: 'Bytt passord' }).click();
    await here.getByText('Passordet er byttet.', { exact: false }).first().waitFor();
    expect(await here.getByLabel('Nåværende passord').inputValue()).toBe('');
    await expectNoAxeViolations(here, 'me, password changed');
    // Still signed in here; the new password is the one that works now.
    await here.reload();
    await here.getByRole('heading', { level: 1, name: 'Meg selv' }).waitFor();
    await expect(apiSession(server.baseUrl, { email: vera.email, password: vera.password })).rejects.toThrow(/401/);
    const check = await apiSession(server.baseUrl, { email: vera.email, password: newPassword });
    expect(check.csrfToken).toBeTruthy();
  });
});

describe('«Mine API-nøkler»', () => {
  it('makes a key with a last day, and lists its status and last day', async () => {
    const page = veraPage;
    current = page;
    await openUserMenuItem(page, vera.name, 'Mine API-nøkler');
    await page.getByRole('heading', { level: 1, name: 'Mine API-nøkler' }).waitFor();
    const today = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date()));
    const [year, month, day] = today.split('-');
    // More than a year ahead: the server's reason, at the date field.
    await page.getByLabel('Navn på nøkkelen').fill('Månedsrapport');
    await page.getByLabel('Siste dag nøkkelen virker (valgfritt)').fill(`${Number(year) + 2}-${month}-${day}`);
    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    await page.getByText('En API-nøkkel kan vare høyst ett år.').waitFor();
    expect(await page.locator('#token-expires-on').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Navn på nøkkelen').inputValue()).toBe('Månedsrapport');
    await expectNoAxeViolations(page, 'API keys, last day refused');

    await page.getByLabel('Siste dag nøkkelen virker (valgfritt)').fill(today);
    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    await page.getByRole('heading', { name: 'Nøkkelen «Månedsrapport» er laget' }).waitFor();
    await page.getByRole('row', { name: new RegExp(`Månedsrapport .* Aldri Aktiv ${day}\\.${month}\\.${year}`) }).waitFor();
    await expectNoAxeViolations(page, 'API keys, with a last day');
    await shot(page, '10-tokens');
  });
});
