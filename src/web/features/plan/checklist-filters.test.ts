import { describe, expect, it } from 'vitest';
import { checklistSearch } from '#web/lib/paths.ts';
import { filtersFromSearch, narrowsTasks, visibleSelection } from './checklist-filters.ts';

describe('checklist filters in the URL', () => {
  it('round-trips through the query string', () => {
    const filters = { phase: 3, status: 'in_progress' as const, overdue: true };
    expect(checklistSearch(filters)).toBe('?fase=3&status=in_progress&forfalte=ja');
    expect(filtersFromSearch(new URLSearchParams(checklistSearch(filters)))).toEqual(filters);
  });

  it('ignores what it does not know instead of failing', () => {
    expect(filtersFromSearch(new URLSearchParams('fase=9&status=kanskje&forfalte=1&kommune=Bergen&sok=%20%20'))).toEqual({
      phase: undefined,
      status: undefined,
      overdue: false,
      q: undefined,
      responsible: undefined,
      area: undefined,
      municipality: undefined,
    });
  });

  it('knows which filters hide tasks', () => {
    expect(narrowsTasks({ phase: 2 })).toBe(false);
    expect(narrowsTasks({ overdue: true })).toBe(true);
    expect(narrowsTasks({ status: 'done' })).toBe(true);
    expect(narrowsTasks({ q: 'arkiv' })).toBe(true);
    expect(narrowsTasks({ responsible: 'Kari' })).toBe(true);
    expect(narrowsTasks({ area: 'omrade-sosialsystem' })).toBe(true);
    expect(narrowsTasks({ municipality: '4601' })).toBe(true);
  });

  it('keeps search, responsible, area and municipality in the URL, so a link shows the same list', () => {
    const filters = {
      phase: undefined,
      status: undefined,
      overdue: false,
      q: 'grønn plattform',
      responsible: 'Kari',
      area: 'omrade-sosialsystem',
      municipality: '4601',
    };
    const search = checklistSearch(filters);
    expect(search).toBe('?sok=gr%C3%B8nn+plattform&ansvarlig=Kari&omrade=omrade-sosialsystem&kommune=4601');
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual(filters);
  });

  it('keeps only the selected tasks still shown', () => {
    expect([...visibleSelection(new Set(['a', 'b', 'c']), ['c', 'a', 'd'])].sort()).toEqual(['a', 'c']);
  });
});
