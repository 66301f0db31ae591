import { describe, expect, it } from 'vitest';
import { demoMunicipalities, demoProducts, demoIntegrations } from './demo.data.ts';
import { contractDates, demoMergerDate, integrationsIn, productsOf } from './demo.domain.ts';
import { loadCommonSolutions } from '#server/features/common-solutions/common-solutions.domain.ts';
import { solutionAreas } from '#server/features/inventory/inventory.service.ts';

describe('demoMergerDate', () => {
  it('is the 1 January nearest to two years from today', () => {
    expect(demoMergerDate('2026-11-27')).toBe('2029-01-01');
    expect(demoMergerDate('2026-03-01')).toBe('2028-01-01');
    expect(demoMergerDate('2026-06-30')).toBe('2028-01-01');
    expect(demoMergerDate('2026-07-01')).toBe('2029-01-01');
  });
});

describe('contractDates', () => {
  it('ends the given months from the merger date and starts four years earlier; open-ended has no end', () => {
    expect(contractDates('2029-01-01', '2026-11-27', -8)).toEqual({ startDate: '2024-05-01', endDate: '2028-05-01' });
    expect(contractDates('2029-01-01', '2026-11-27', null)).toEqual({ startDate: '2021-11-27', endDate: null });
  });
});

describe('the demo data', () => {
  it('uses only solution areas and common solutions Samla knows, and product keys that exist', () => {
    const areas = new Set(solutionAreas().map((area) => area.id));
    const solutions = new Set(loadCommonSolutions().solutions.map((solution) => solution.id));
    const keys = new Set(demoProducts.map((product) => product.key));
    expect(demoProducts.filter((product) => !areas.has(product.area)).map((p) => p.key)).toEqual([]);
    expect(keys.size).toBe(demoProducts.length);
    for (const integration of demoIntegrations) {
      expect(keys.has(integration.from), integration.from).toBe(true);
      if ('common' in integration.to) expect(solutions.has(integration.to.common), integration.to.common).toBe(true);
      else expect(keys.has(integration.to.product), integration.to.product).toBe(true);
    }
  });

  it('makes integrations only where both ends run in the municipality', () => {
    for (const municipality of demoMunicipalities) {
      const runs = productsOf(demoProducts, municipality);
      for (const integration of integrationsIn(demoIntegrations, runs)) {
        expect(runs.has(integration.from)).toBe(true);
        if ('product' in integration.to) expect(runs.has(integration.to.product)).toBe(true);
      }
    }
  });
});
