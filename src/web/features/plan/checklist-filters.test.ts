import { describe, expect, it } from 'vitest';
import { checklistSearch } from '#web/lib/paths.ts';
import { filtersFromSearch, narrowsTasks } from './checklist-filters.ts';

describe('checklist filters in the URL', () => {
  it('round-trips through the query string', () => {
    const filters = { phase: 3, status: 'in_progress' as const, overdue: true };
    expect(checklistSearch(filters)).toBe('?fase=3&status=in_progress&forfalte=ja');
    expect(filtersFromSearch(new URLSearchParams(checklistSearch(filters)))).toEqual(filters);
  });

  it('ignores what it does not know instead of failing', () => {
    expect(filtersFromSearch(new URLSearchParams('fase=9&status=kanskje&forfalte=1'))).toEqual({
      phase: undefined,
      status: undefined,
      overdue: false,
    });
  });

  it('knows which filters hide tasks', () => {
    expect(narrowsTasks({ phase: 2 })).toBe(false);
    expect(narrowsTasks({ overdue: true })).toBe(true);
    expect(narrowsTasks({ status: 'done' })).toBe(true);
  });
});
