import type { Page } from 'playwright-core';
import type { Merger } from '#shared/contracts/mergers.ts';

/** Types into the municipality search and picks the first match with the keyboard. */
export async function pickMunicipality(page: Page, query: string, expectedName: string): Promise<void> {
  const input = page.locator('#merger-municipalities');
  await input.focus();
  await page.keyboard.type(query);
  const option = page.getByRole('option', { name: new RegExp(`^${expectedName} \\(`) });
  await option.waitFor({ state: 'visible' });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('row', { name: new RegExp(expectedName) }).waitFor();
  await page.keyboard.press('Escape');
}

/**
 * The API as a signed-in user from the test process (for set-up that is not what the test is
 * about): the session cookie and the CSRF token from POST /auth/login go along on every call.
 */
export interface ApiSession {
  /** For a request `request` cannot make (a raw file body): the session cookie and the CSRF token. */
  cookie: string;
  csrfToken: string;
  request: (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => Promise<Response>;
}

export async function apiSession(baseUrl: string, credentials: { email: string; password: string }): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (login.status !== 200) throw new Error(`POST /auth/login gave ${login.status}: ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return {
    cookie,
    csrfToken,
    request: (method, path, body) =>
      fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: {
          cookie,
          ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

/** Creates a merger through the API (for tests that are not about the form). */
export async function createMergerViaApi(
  api: ApiSession,
  body: { name: string; newMunicipalityName: string; mergerDate: string; municipalities: string[] },
): Promise<Merger> {
  const response = await api.request('POST', '/mergers', body);
  if (response.status !== 201) throw new Error(`POST /mergers gave ${response.status}: ${await response.text()}`);
  return (await response.json()) as Merger;
}

/**
 * Signs in through the page, as a person does: any page sends a signed-out visitor to
 * «Logg inn», and after signing in they land where they were going.
 */
export async function signInThroughPage(page: Page, credentials: { email: string; password: string }, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  await page.getByLabel('E-post').fill(credentials.email);
  await page.getByLabel('Passord').fill(credentials.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
}

/** Opens the signed-in person's menu in the header and picks an item. */
export async function openUserMenuItem(page: Page, userName: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `Brukermeny for ${userName}` }).click();
  const entry = page.locator('.samla-user-menu').getByRole(item === 'Logg ut' ? 'button' : 'link', { name: item });
  await entry.waitFor({ state: 'visible' });
  await entry.click();
}

/** The phase's progress line («3 av 17 ferdige (17 %)») on the checklist page. */
export function phaseProgress(page: Page, phaseHeading: string) {
  return page.getByRole('region', { name: phaseHeading }).locator('.samla-phase__progress');
}
