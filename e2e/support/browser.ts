import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=nb-NO',
    ],
  });
}

/** A Norwegian user's browser: @axe-core/playwright needs a page from a context. */
export async function newPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/**
 * Runs axe with the WCAG 2.1 A and AA rules and fails with a readable list of what broke,
 * which page, which rule, and which elements.
 */
export async function expectNoAxeViolations(page: Page, label?: string): Promise<void> {
  await animationsSettled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => {
    const nodes = violation.nodes
      .slice(0, 5)
      .map((node) => `      - ${node.target.join(' ')}\n        ${node.failureSummary?.replaceAll('\n', '\n        ') ?? ''}`)
      .join('\n');
    const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
    return `  • ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
  });
  throw new Error(`axe found ${results.violations.length} WCAG 2.1 A/AA violation(s) on ${label ?? page.url()}:\n${lines.join('\n')}`);
}

/** After a failed test, a full-page screenshot in the temp folder says more than the assertion. */
export async function screenshotIfFailed(page: Page | undefined, testName: string, failed: boolean): Promise<void> {
  if (!failed || !page || page.isClosed()) return;
  const { tmpdir } = await import('node:os');
  const slug = testName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60);
  const file = `${tmpdir()}/samla-e2e-${slug}.png`;
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  console.warn(`screenshot of the failed test: ${file}`);
}

/**
 * Waits for running transitions and animations (a dialog fading in) to end, so axe measures
 * the colours a person sees rather than a frame half-way. Endless ones (a spinner) are skipped.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.race([
      Promise.all(finite.map((animation) => animation.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]);
  });
}
