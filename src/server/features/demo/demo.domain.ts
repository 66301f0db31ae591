import { addMonths, parseCalendarDate } from '#shared/calendar-dates.ts';
import type { DemoIntegration, DemoMunicipality, DemoProduct } from './demo.data.ts';

/**
 * The demo's merger date: the 1 January nearest to two years from today.
 * Norwegian mergers take effect on 1 January, and two years is about what a
 * merger project has from the decision to the new municipality.
 */
export function demoMergerDate(today: string): string {
  const inTwoYears = parseCalendarDate(addMonths(today, 24));
  // From 1 July on, the next 1 January is nearer than the one just past.
  const year = inTwoYears.month >= 7 ? inTwoYears.year + 1 : inTwoYears.year;
  return `${year}-01-01`;
}

/** The products a municipality runs, as the set the other rules look things up in. */
export function productsOf(products: readonly DemoProduct[], municipality: DemoMunicipality): Set<string> {
  return new Set(products.filter((product) => product.uses[municipality] !== undefined).map((product) => product.key));
}

/** The first of `candidates` the municipality runs: which archive system, which journal system. */
export function firstRun(candidates: readonly string[] | undefined, runs: ReadonlySet<string>): string | undefined {
  return candidates?.find((key) => runs.has(key));
}

/** The integrations that exist in a municipality: both ends must be among its systems (or be a common solution). */
export function integrationsIn(integrations: readonly DemoIntegration[], runs: ReadonlySet<string>): DemoIntegration[] {
  return integrations.filter((integration) => runs.has(integration.from) && ('common' in integration.to || runs.has(integration.to.product)));
}

/** A contract's dates: end in months from the merger date (null: open-ended), started four years before it ends. */
export function contractDates(mergerDate: string, today: string, endMonths: number | null | undefined) {
  if (endMonths === null || endMonths === undefined) return { startDate: addMonths(today, -60), endDate: null };
  const endDate = addMonths(mergerDate, endMonths);
  return { startDate: addMonths(endDate, -48), endDate };
}
