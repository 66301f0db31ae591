import { describe, expect, it } from 'vitest';
import { graphFiltersFromSearch, withGraphFilter } from './graph-filters.ts';

const numbers = ['4601', '4626', '4631'];

describe('the landscape filters in the URL', () => {
  it('start with the first municipality, all areas and every integration', () => {
    expect(graphFiltersFromSearch(new URLSearchParams(''), numbers)).toEqual({
      municipalityChoice: '4601',
      municipality: '4601',
      area: undefined,
      onlyBreaking: false,
    });
  });

  it('read «alle», an area and «only what breaks»; an unknown municipality falls back to the first', () => {
    expect(graphFiltersFromSearch(new URLSearchParams('kommune=alle&omrade=omrade-x&brudd=ja'), numbers)).toEqual({
      municipalityChoice: 'alle',
      municipality: undefined,
      area: 'omrade-x',
      onlyBreaking: true,
    });
    expect(graphFiltersFromSearch(new URLSearchParams('kommune=9999'), numbers).municipality).toBe('4601');
    expect(graphFiltersFromSearch(new URLSearchParams('kommune=4631'), numbers).municipality).toBe('4631');
  });

  it('leave the defaults out of the URL and keep the other filters', () => {
    const start = new URLSearchParams('kommune=4631&omrade=a');
    expect(withGraphFilter(start, numbers, { municipality: '4601' }).toString()).toBe('omrade=a');
    expect(withGraphFilter(start, numbers, { municipality: 'alle' }).toString()).toBe('kommune=alle&omrade=a');
    expect(withGraphFilter(start, numbers, { area: undefined }).toString()).toBe('kommune=4631');
    expect(withGraphFilter(start, numbers, { onlyBreaking: true }).toString()).toBe('kommune=4631&omrade=a&brudd=ja');
    expect(withGraphFilter(new URLSearchParams('brudd=ja'), numbers, { onlyBreaking: false }).toString()).toBe('');
  });
});
