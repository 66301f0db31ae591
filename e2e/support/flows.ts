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

/** Creates a merger through the API (for tests that are not about the form). */
export async function createMergerViaApi(baseUrl: string, body: { name: string; newMunicipalityName: string; mergerDate: string; municipalities: string[] }): Promise<Merger> {
  const response = await fetch(`${baseUrl}/api/v1/mergers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST /mergers gave ${response.status}: ${await response.text()}`);
  return (await response.json()) as Merger;
}

/** The phase's progress line («3 av 17 ferdige (17 %)») on the checklist page. */
export function phaseProgress(page: Page, phaseHeading: string) {
  return page.getByRole('region', { name: phaseHeading }).locator('.samla-phase__progress');
}
