import { describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/catalog.ts';
import { activityIndex } from '#server/features/plan/plan.tasks.domain.ts';
import { defaultActivities, defaultActivityFor, filterOpportunities } from './opportunities.domain.ts';

const areas = [
  {
    id: 'a',
    name: 'A',
    opportunities: [
      { id: 'a-1', lowHangingFruit: true },
      { id: 'a-2', lowHangingFruit: false },
    ],
  },
  { id: 'b', name: 'B', opportunities: [{ id: 'b-1', lowHangingFruit: false }] },
];

describe('defaultActivityFor', () => {
  it('puts low-hanging fruit under phase 4 «Høste lavthengende frukter», the rest under phase 5', () => {
    expect(defaultActivityFor({ lowHangingFruit: true })).toBe('fase-4-akt-7');
    expect(defaultActivityFor({ lowHangingFruit: false })).toBe('fase-5-akt-8');
  });
  it('names activities that exist in the library', () => {
    const index = activityIndex(loadCatalog());
    expect(index.get(defaultActivities.lowHangingFruit)?.title).toMatch(/lavthengende frukter/);
    expect(index.get(defaultActivities.other)?.title).toMatch(/større gevinster/);
  });
});

describe('filterOpportunities', () => {
  it('keeps everything without a filter', () => {
    expect(filterOpportunities(areas, {})).toEqual(areas);
  });
  it('filters by area', () => {
    expect(filterOpportunities(areas, { area: 'b' }).map((area) => area.id)).toEqual(['b']);
  });
  it('keeps only low-hanging fruit, dropping areas left empty', () => {
    const result = filterOpportunities(areas, { lowHangingFruit: true });
    expect(result).toEqual([{ id: 'a', name: 'A', opportunities: [{ id: 'a-1', lowHangingFruit: true }] }]);
  });
  it('combines area and low-hanging fruit', () => {
    expect(filterOpportunities(areas, { area: 'b', lowHangingFruit: true })).toEqual([]);
  });
});
