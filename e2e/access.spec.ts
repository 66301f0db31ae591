import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotIfFailed } from './support/browser.ts';
import { openUserMenuItem, pickMunicipality } from './support/flows.ts';
import { setupCodeFrom, startServer, type RunningServer } from './support/server.ts';

// The demand, end to end: a first run without SAMLA_ADMIN_*, where the administrator
// is created with the setup code from the server's log; users made under «Brukere»; a merger
// whose owner adds a reader under «Medlemmer» and changes a task; and the reader, signed in,
// who finds no way to edit (and whom the API refuses), but sees the owner's change, old and
// new value, in the history. Every new page passes axe.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const owner = { name: 'Ingrid Eier', email: 'ingrid.eier@nye-kommune.no', password: 'Ingrid har et langt passord' };
const reader = { name: 'Rolf Leser', email: 'rolf.leser@nye-kommune.no', password: 'Rolf leser men skriver ikke' };
const colleague = { name: 'Mona Medarbeider', email: 'mona@nye-kommune.no', password: 'Mona har også et langt passord' };
const mergerName = 'Digital sammenslåing Nye Fosen';
const taskTitle = 'Sette av dedikerte ressurser som kan påbegynne arbeidet';
const readerRole = 'Leser (styringsgruppe, Fellesnemnda)';

let mergerId = '';
let taskId = '';
let ownerId = '';

/** With SAMLA_E2E_SHOTS=<folder>, a full-page screenshot of each new page, to look at. */
async function shot(name: string): Promise<void> {
  const folder = process.env.SAMLA_E2E_SHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

/**
 * The changes in a history row as a sighted person reads them («Status: Ikke startet → Pågår»);
 * the words only screen readers get («endret til») are left out.
 */
async function changeLines(scope: Locator): Promise<string[]> {
  return scope.locator('.samla-changes li').evaluateAll((items) =>
    items.map((item) => {
      const clone = item.cloneNode(true) as HTMLElement;
      for (const hidden of clone.querySelectorAll('.ds-sr-only')) hidden.remove();
      return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
}

beforeAll(async () => {
  server = await startServer({ withAdmin: false });
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

describe('first run', () => {
  it('creates the administrator with the setup code from the server’s log', async () => {
    const code = await setupCodeFrom(server);

    await page.goto('/');
    await page.waitForURL(/\/oppsett$/);
    await page.getByRole('heading', { level: 1, name: 'Opprett administrator' }).waitFor();
    expect(await page.title()).toBe('Opprett administrator – Samla');
    expect(await page.locator('main').innerText()).toContain('serverens logg');
    // No one is signed in: no menu, no user.
    expect(await page.getByRole('navigation', { name: 'Hovedmeny' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'setup');
    await shot('01-setup');

    await page.getByRole('button', { name: 'Opprett administrator' }).click();
    const summary = page.locator('.ds-error-summary');
    await summary.waitFor();
    for (const message of ['Skriv oppsettkoden fra serverens logg.', 'Skriv e-postadressen.', 'Skriv navnet.', 'Passordet må ha minst 12 tegn.']) {
      expect(await summary.innerText()).toContain(message);
    }
    await expectNoAxeViolations(page, 'setup, empty submit');

    // A wrong code: said at the code field, and nothing typed is lost.
    await page.getByLabel('Oppsettkode').fill('feil-kode');
    await page.getByLabel('E-post').fill(owner.email);
    await page.getByLabel('Navn').fill(owner.name);
    await page.getByLabel('Passord').fill(owner.password);
    await page.getByRole('button', { name: 'Opprett administrator' }).click();
    await summary.getByText('Oppsettkoden stemmer ikke. Den står i serverens logg.').waitFor();
    expect(await page.locator('#setup-code').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('E-post').inputValue()).toBe(owner.email);
    expect(await page.getByLabel('Navn').inputValue()).toBe(owner.name);
    await expectNoAxeViolations(page, 'setup, wrong code');
    await shot('02-setup-wrong-code');

    await page.getByLabel('Oppsettkode').fill(code);
    await page.getByRole('button', { name: 'Opprett administrator' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Sammenslåinger' }).waitFor();
    await page.getByRole('button', { name: `Brukermeny for ${owner.name}` }).waitFor();

    // Set up once: the page now sends people on, and a reload keeps the session.
    await page.goto('/oppsett');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('button', { name: `Brukermeny for ${owner.name}` }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    ownerId = (session as { session: { user: { id: string } } }).session.user.id;
  });
});

describe('the administrator', () => {
  it('creates users under «Brukere»', async () => {
    await openUserMenuItem(page, owner.name, 'Brukere');
    await page.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
    await page.getByRole('row', { name: new RegExp(`${owner.name} ${owner.email} Ja`) }).waitFor();
    await expectNoAxeViolations(page, 'users');

    await page.getByLabel('E-post').fill(reader.email);
    await page.getByLabel('Navn').fill(reader.name);
    await page.getByLabel('Passord', { exact: true }).fill(reader.password);
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    await page.getByText(`Brukeren ${reader.name} (${reader.email}) er opprettet.`).waitFor();
    await page.getByRole('row', { name: new RegExp(`${reader.name} ${reader.email} Nei`) }).waitFor();
    expect(await page.getByLabel('E-post').inputValue()).toBe('');

    // Without single sign-on a user needs a password: an account without one could never sign in.
    expect(await page.locator('#user-password').evaluate((input) => input.getAttribute('aria-describedby'))).toBeTruthy();
    await page.getByLabel('E-post').fill(colleague.email);
    await page.getByLabel('Navn').fill(colleague.name);
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    await page.locator('.ds-error-summary').getByText('Skriv et passord til brukeren.').waitFor();
    await page.getByLabel('Passord', { exact: true }).fill(colleague.password);
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    await page.getByRole('row', { name: new RegExp(`${colleague.name} ${colleague.email}`) }).waitFor();

    // The same e-mail again: the message at the field, the input kept.
    await page.getByLabel('E-post').fill(reader.email.toUpperCase());
    await page.getByLabel('Navn').fill('Rolf på nytt');
    await page.getByLabel('Passord', { exact: true }).fill('for kort');
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    await page.locator('.ds-error-summary').getByText('Passordet må ha minst 12 tegn.').waitFor();
    await page.getByLabel('Passord', { exact: true }).fill('Rolf har et annet langt passord');
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    await page.locator('.ds-error-summary').getByText('Det finnes allerede en bruker med denne e-postadressen.').waitFor();
    expect(await page.locator('#user-email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Navn').inputValue()).toBe('Rolf på nytt');
    await expectNoAxeViolations(page, 'users, e-mail taken');
    await shot('03-users');
  });

  it('makes a personal API key, sees it once, and revokes it', async () => {
    // Keyboard only: the menu opens with Enter, and its items come next in the tab order.
    await page.getByRole('button', { name: `Brukermeny for ${owner.name}` }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.samla-user-menu').waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Mine API-nøkler');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mine API-nøkler' }).waitFor();
    await page.getByText('Du har ingen API-nøkler.').waitFor();
    await expectNoAxeViolations(page, 'API keys, none');

    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    await page.getByText('Skriv hva nøkkelen skal brukes til.').waitFor();
    await page.getByLabel('Navn på nøkkelen').fill('Rapport til styringsgruppen');
    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    await page.getByRole('heading', { name: 'Nøkkelen «Rapport til styringsgruppen» er laget' }).waitFor();
    expect(await page.locator('.samla-new-token').innerText()).toContain('Den vises bare denne ene gangen');
    const token = await page.getByLabel('Den nye API-nøkkelen').inputValue();
    expect(token).toMatch(/^samla_/);
    expect(await page.getByLabel('Den nye API-nøkkelen').getAttribute('readonly')).not.toBeNull();
    await page.getByRole('row', { name: /Rapport til styringsgruppen .* Aldri Aktiv/ }).waitFor();
    await expectNoAxeViolations(page, 'API keys, new key shown');
    await shot('04-tokens-new');

    // The key works as a bearer token.
    const withKey = () => fetch(`${server.baseUrl}/api/v1/mergers`, { headers: { authorization: `Bearer ${token}` } });
    expect((await withKey()).status).toBe(200);

    // Shown once: gone after «Jeg har kopiert nøkkelen» and after a reload.
    await page.getByRole('button', { name: 'Jeg har kopiert nøkkelen' }).click();
    expect(await page.getByLabel('Den nye API-nøkkelen').count()).toBe(0);
    await page.reload();
    await page.getByRole('row', { name: /Rapport til styringsgruppen/ }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain(token);

    await page.getByRole('button', { name: 'Trekk tilbake «Rapport til styringsgruppen»' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trekke tilbake «Rapport til styringsgruppen»?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'API keys, revoke dialog');
    await shot('05-tokens-revoke');
    await dialog.getByRole('button', { name: 'Trekk tilbake' }).click();
    await page.getByRole('row', { name: /Rapport til styringsgruppen .* Trukket tilbake/ }).waitFor();
    expect((await withKey()).status).toBe(401);
    await expectNoAxeViolations(page, 'API keys, revoked');
    await shot('06-tokens');
  });
});

describe('the owner', () => {
  it('creates a merger and adds a reader under «Medlemmer»', async () => {
    await page.getByRole('link', { name: 'Sammenslåinger' }).first().click();
    await page.getByRole('link', { name: 'Opprett den første sammenslåingen' }).click();
    await page.locator('#merger-municipalities').waitFor();
    await page.getByLabel('Navn på prosjektet').fill(mergerName);
    await page.getByLabel('Navn på den nye kommunen').fill('Fosen');
    await page.getByLabel('Sammenslåingstidspunkt').fill('2029-01-01');
    await pickMunicipality(page, 'Ørland', 'Ørland');
    await pickMunicipality(page, 'Åfjord', 'Åfjord');
    // Ørland writes bokmål, Åfjord is neutral: the merged municipality chooses its målform (decision 040).
    await page.getByRole('radio', { name: 'Bokmål', exact: true }).check();
    await page.getByRole('button', { name: 'Opprett sammenslåing' }).click();
    await page.waitForURL(/\/sammenslainger\/[0-9a-f-]{36}$/);
    mergerId = page.url().split('/').at(-1) ?? '';
    await page.getByRole('heading', { level: 1, name: mergerName }).waitFor();
    expect(await page.locator('.samla-facts').first().innerText()).toMatch(/Din rolle\s+Eier/);
    await expectNoAxeViolations(page, 'merger overview, owner');
    await shot('07-overview-owner');

    await page.getByRole('navigation', { name: 'I sammenslåingen' }).getByRole('link', { name: 'Medlemmer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Medlemmer' }).waitFor();
    await page.getByRole('row', { name: new RegExp(`${owner.name} \\(deg\\) ${owner.email}`) }).waitFor();
    expect(await page.title()).toBe(`Medlemmer – ${mergerName} – Samla`);
    await expectNoAxeViolations(page, 'members, owner');

    // Someone without a user yet: invited, a member when they first sign in; withdrawn again here.
    await page.getByLabel('E-post', { exact: true }).fill('ukjent@nye-kommune.no');
    await page.getByRole('button', { name: 'Legg til medlem' }).click();
    await page.getByText('Invitasjon sendt til ukjent@nye-kommune.no – personen blir medlem ved første innlogging.').first().waitFor();
    await page
      .getByRole('table', { name: /Invitasjoner som venter/ })
      .getByRole('row', { name: /ukjent@nye-kommune\.no/ })
      .waitFor();
    await expectNoAxeViolations(page, 'members, unknown e-mail');
    await shot('08-members-unknown');
    await page.getByRole('button', { name: 'Trekk tilbake invitasjonen til ukjent@nye-kommune.no' }).click();
    await page
      .getByRole('dialog', { name: 'Trekke tilbake invitasjonen til ukjent@nye-kommune.no?' })
      .getByRole('button', { name: 'Trekk tilbake invitasjonen' })
      .click();
    await page.getByRole('table', { name: /Invitasjoner som venter/ }).waitFor({ state: 'detached' });

    await page.getByLabel('E-post', { exact: true }).fill(reader.email);
    await page.getByRole('radio', { name: readerRole }).check();
    await page.getByRole('button', { name: 'Legg til medlem' }).click();
    await page.getByText(`${reader.name} er lagt til som ${readerRole}.`).first().waitFor();
    expect(await page.getByLabel(`Rolle for ${reader.name}`).inputValue()).toBe('reader');

    // A colleague: added, promoted, then removed after a confirmation.
    await page.getByLabel('E-post', { exact: true }).fill(colleague.email);
    await page.getByRole('radio', { name: 'Prosjektmedarbeider' }).check();
    await page.getByRole('button', { name: 'Legg til medlem' }).click();
    await page.getByLabel(`Rolle for ${colleague.name}`).waitFor();
    await page.getByLabel(`Rolle for ${colleague.name}`).selectOption({ label: 'Prosjektleder' });
    await page.getByRole('button', { name: `Lagre rollen til ${colleague.name}` }).click();
    await page.getByTestId('live-announcer').getByText(`${colleague.name} har nå rollen Prosjektleder.`).waitFor();

    // The last owner cannot step down: the message sits at that row's role.
    await page.getByLabel(`Rolle for ${owner.name}`).selectOption({ label: readerRole });
    await page.getByRole('button', { name: `Lagre rollen til ${owner.name}` }).click();
    await page.getByText('Sammenslåingen må ha minst én eier.', { exact: false }).waitFor();
    expect(await page.getByLabel(`Rolle for ${owner.name}`).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'members, last owner');
    await page.getByLabel(`Rolle for ${owner.name}`).selectOption({ label: 'Eier' });

    await page.getByRole('button', { name: `Fjern ${colleague.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Fjerne ${colleague.name} fra sammenslåingen?` });
    await dialog.waitFor();
    // Focus starts on the safe choice.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
    await expectNoAxeViolations(page, 'members, remove dialog');
    await shot('09-members-remove');
    await dialog.getByRole('button', { name: 'Fjern medlemmet' }).click();
    await page.getByRole('row', { name: new RegExp(colleague.name) }).waitFor({ state: 'detached' });
    expect(await page.getByRole('row').count()).toBe(3);
    await expectNoAxeViolations(page, 'members, after removal');
    await shot('10-members');
  });

  it('changes a task', async () => {
    await page.goto(`/sammenslainger/${mergerId}/sjekkliste?fase=1`);
    await page.getByRole('link', { name: taskTitle, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: taskTitle }).waitFor();
    taskId = page.url().split('/').at(-1) ?? '';
    await page.getByRole('heading', { level: 2, name: 'Historikk for oppgaven' }).waitFor();
    await page.getByText('Oppgaven er ikke endret ennå.').waitFor();
    await page.getByRole('radio', { name: 'Pågår' }).check();
    await page.getByLabel('Ansvarlig').fill('Prosjektleder Ingrid');
    await page.getByLabel('Frist').fill('2028-03-01');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText(`Lagret: «${taskTitle}».`).waitFor();
  });
});

describe('signing out and in', () => {
  it('signs out, says so, and keeps the e-mail after a wrong password', async () => {
    await openUserMenuItem(page, owner.name, 'Logg ut');
    await page.waitForURL(/\/logg-inn$/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await page.getByText('Du er logget ut.').first().waitFor();
    expect(await page.getByRole('button', { name: /Brukermeny/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'sign-in, signed out');
    await shot('11-signed-out');

    // Nothing behind the door any more.
    expect(await page.evaluate(async () => (await fetch('/api/v1/mergers')).status)).toBe(401);

    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Skriv e-postadressen din.').waitFor();
    await expectNoAxeViolations(page, 'sign-in, empty');

    await page.getByLabel('E-post').fill(reader.email);
    await page.getByLabel('Passord').fill('ikke riktig passord');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    const alert = page.locator('form .ds-alert');
    await alert.getByText('Feil e-post eller passord.').waitFor();
    expect(await page.getByLabel('E-post').inputValue()).toBe(reader.email);
    expect(await page.getByLabel('Passord').inputValue()).toBe('');
    expect(page.url()).toMatch(/\/logg-inn$/);
    await expectNoAxeViolations(page, 'sign-in, wrong password');
    await shot('12-wrong-password');

    await page.getByLabel('Passord').fill(reader.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('button', { name: `Brukermeny for ${reader.name}` }).waitFor();
    // Only the mergers the reader is in; no «Brukere» for someone who is not an administrator.
    await page.locator('.samla-merger-card').first().waitFor();
    expect(await page.locator('.samla-merger-card').count()).toBe(1);
    await page.getByRole('button', { name: `Brukermeny for ${reader.name}` }).click();
    await page.locator('.samla-user-menu').getByRole('link', { name: 'Mine API-nøkler' }).waitFor();
    expect(await page.locator('.samla-user-menu').getByRole('link', { name: 'Brukere' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator('.samla-user-menu').waitFor({ state: 'hidden' });
  });
});

describe('the reader', () => {
  it('finds no way to edit, and the API refuses if tried', async () => {
    await page.getByRole('link', { name: mergerName }).click();
    await page.getByRole('heading', { level: 1, name: mergerName }).waitFor();
    expect(await page.locator('.samla-facts').first().innerText()).toContain(`Din rolle\n${readerRole}`);
    await expectNoAxeViolations(page, 'merger overview, reader');

    await page.getByRole('link', { name: 'Fase 1: Før du starter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fase 1: Før du starter' }).waitFor();
    await page.getByRole('row', { name: new RegExp(`^${taskTitle} Pågår Prosjektleder Ingrid 01\\.03\\.2028`) }).waitFor();
    expect(await page.getByText('Legg til egen oppgave').count()).toBe(0);
    expect(
      await page
        .locator('main')
        .getByRole('button', { name: /Legg til|Lagre|Rediger|Endre/ })
        .count(),
    ).toBe(0);
    await expectNoAxeViolations(page, 'checklist, reader');
    await shot('13-checklist-reader');

    await page.getByRole('link', { name: taskTitle, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: taskTitle }).waitFor();
    await page.getByText('så du kan se oppgaven, men ikke endre den').waitFor();
    const main = page.locator('main');
    expect(await main.locator('form').count()).toBe(0);
    expect(await main.getByRole('textbox').count()).toBe(0);
    expect(await main.getByRole('radio').count()).toBe(0);
    expect(await main.getByRole('button').count()).toBe(0);
    const facts = await main.locator('.samla-task-view').innerText();
    expect(facts).toMatch(/Status\s+Pågår/);
    expect(facts).toMatch(/Ansvarlig\s+Prosjektleder Ingrid/);
    expect(facts).toMatch(/Frist\s+01\.03\.2028/);
    // The task's own history, with the owner's change.
    const taskHistory = page.getByRole('region', { name: 'Historikk for oppgaven' });
    await taskHistory.locator('.samla-changes').first().waitFor();
    expect(await changeLines(taskHistory)).toContain('Status: Ikke startet → Pågår');
    // A screen reader hears the change in words rather than an arrow.
    expect(await taskHistory.locator('.samla-changes li').first().textContent()).toContain('endret til');
    await expectNoAxeViolations(page, 'task, read only');
    await shot('14-task-reader');

    await page.goto(`/sammenslainger/${mergerId}/medlemmer`);
    await page.getByRole('row', { name: new RegExp(`${reader.name} \\(deg\\) ${reader.email} ${readerRole.replace(/[()]/g, '\\$&')}`) }).waitFor();
    expect(await page.getByRole('heading', { name: 'Legg til medlem' }).count()).toBe(0);
    expect(await page.locator('main').getByRole('combobox').count()).toBe(0);
    expect(await page.locator('main').getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(page, 'members, reader');

    // Straight to the API, with everything the page has: still no.
    const answers = await page.evaluate(
      async ({ mergerId, taskId }) => {
        const status = (await (await fetch('/api/v1/auth/session')).json()) as { session: { csrfToken: string } };
        const headers = { 'content-type': 'application/json', 'x-csrf-token': status.session.csrfToken };
        const task = (await (await fetch(`/api/v1/mergers/${mergerId}/tasks/${taskId}`)).json()) as { version: number };
        const patch = await fetch(`/api/v1/mergers/${mergerId}/tasks/${taskId}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ version: task.version, status: 'done' }),
        });
        const member = await fetch(`/api/v1/mergers/${mergerId}/members`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ email: 'mona@nye-kommune.no', role: 'reader' }),
        });
        return [
          { status: patch.status, body: (await patch.json()) as { error: { code: string } } },
          { status: member.status, body: (await member.json()) as { error: { code: string } } },
        ];
      },
      { mergerId, taskId },
    );
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('sees the owner’s change in the history, old and new, with filters in the URL and downloads', async () => {
    await page.goto(`/sammenslainger/${mergerId}`);
    await page.getByRole('navigation', { name: 'I sammenslåingen' }).getByRole('link', { name: 'Historikk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Historikk' }).waitFor();
    expect(await page.title()).toBe(`Historikk – ${mergerName} – Samla`);
    const taskRow = page.getByRole('row', { name: new RegExp(`${owner.name} .*Oppgave ${taskTitle} Endret`) });
    await taskRow.waitFor();
    expect(await changeLines(taskRow)).toEqual(['Status: Ikke startet → Pågår', 'Ansvarlig: (tom) → Prosjektleder Ingrid', 'Frist: (tom) → 01.03.2028']);
    // Time in Oslo as dd.mm.yyyy hh:mm.
    expect(await taskRow.locator('time').innerText()).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    // The merger's creation and the members, in words.
    await page.getByRole('row', { name: new RegExp(`Medlem ${reader.email} Opprettet Rolle: ${readerRole.replace(/[()]/g, '\\$&')}`) }).waitFor();
    await page.getByRole('row', { name: /Sammenslåingen Opprettet .*Kommuner: Ørland \(\d{4}\) og Åfjord \(\d{4}\)/ }).waitFor();
    await expectNoAxeViolations(page, 'history');
    await shot('15-history');

    await page.getByLabel('Hva').selectOption({ label: 'Oppgaver' });
    await page.waitForURL(/hva=task/);
    await page.getByLabel('Handling').selectOption({ label: 'Endret' });
    await page.waitForURL(/handling=update/);
    await page.getByLabel('Hvem').selectOption({ label: owner.name });
    await page.waitForURL(new RegExp(`hvem=${ownerId}`));
    await page.locator('.samla-filters').getByText('Viser 1 endring.').waitFor();
    await page.locator('.samla-history[aria-busy="false"]').waitFor();
    expect(await page.locator('.samla-history-table tbody tr').count()).toBe(1);

    // The downloads carry the same filters.
    const xlsx = page.getByRole('link', { name: 'Last ned som Excel (xlsx)' });
    const csv = page.getByRole('link', { name: 'Last ned som CSV' });
    const xlsxHref = (await xlsx.getAttribute('href')) ?? '';
    expect(xlsxHref).toContain(`/api/v1/mergers/${mergerId}/audit/export?format=xlsx&entity=task&action=update&actor=${ownerId}`);
    const csvHref = (await csv.getAttribute('href')) ?? '';
    expect(csvHref).toContain('format=csv&entity=task&action=update');
    const csvText = await page.evaluate(async (href) => (await fetch(href)).text(), csvHref);
    expect(csvText).toContain(taskTitle);
    expect(csvText).not.toContain(reader.email);
    const xlsxType = await page.evaluate(async (href) => (await fetch(href)).headers.get('content-type'), xlsxHref);
    expect(xlsxType).toContain('spreadsheetml');
    await expectNoAxeViolations(page, 'history, filtered');

    // A reload keeps the filters.
    await page.reload();
    await page.locator('.samla-filters').getByText('Viser 1 endring.').waitFor();
    expect(await page.getByLabel('Hva').inputValue()).toBe('task');
    expect(await page.getByLabel('Hvem').inputValue()).toBe(ownerId);

    // Dates: up to yesterday there is nothing; from today, the change is there.
    const today = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date()));
    const yesterday = new Date(`${today}T12:00:00Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    await page.getByLabel('Til og med').fill(yesterday.toISOString().slice(0, 10));
    await page.waitForURL(/til=/);
    await page.getByText('Ingen endringer passer med filtrene.').waitFor();
    await page.getByLabel('Til og med').fill('');
    await page.getByLabel('Fra og med').fill(today);
    await page.waitForURL(new RegExp(`fra=${today}`));
    await page.locator('.samla-filters').getByText('Viser 1 endring.').waitFor();
    await expectNoAxeViolations(page, 'history, dates');

    // From a task in the history to the task.
    await page.locator('.samla-history-table').getByRole('link', { name: taskTitle }).click();
    await page.getByRole('heading', { level: 1, name: taskTitle }).waitFor();
  });

  it('is sent to sign in when the session has ended, and comes back to the same page', async () => {
    const wanted = `/sammenslainger/${mergerId}/historikk?hva=member`;
    await page.goto(wanted);
    await page.getByRole('row', { name: new RegExp(`Medlem ${reader.email}`) }).waitFor();
    // The session ends behind the page's back (expired, or signed out in another tab).
    await context.clearCookies();
    await page.getByLabel('Handling').selectOption({ label: 'Opprettet' });
    await page.waitForURL(/\/logg-inn\?neste=/);
    await page.getByText('Du er logget ut fordi økten din er avsluttet', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'sign-in, session expired');
    await page.getByLabel('E-post').fill(reader.email);
    await page.getByLabel('Passord').fill(reader.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL((url) => url.pathname === `/sammenslainger/${mergerId}/historikk`);
    expect(new URL(page.url()).searchParams.get('hva')).toBe('member');
    expect(new URL(page.url()).searchParams.get('handling')).toBe('create');
    await page.getByRole('heading', { level: 1, name: 'Historikk' }).waitFor();
  });
});
