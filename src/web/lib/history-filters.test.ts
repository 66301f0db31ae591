import { describe, expect, it } from 'vitest';
import { historyApiQuery, historyFiltersFromSearch, historySearch } from './history-filters.ts';
import { paths, safeReturnPath } from './paths.ts';

describe('history filters in the URL', () => {
  const actor = '0b6f4f2e-8d7a-4c53-9d61-2a5b7c1e9f00';

  it('round-trips through the Norwegian parameter names', () => {
    const filters = { entity: 'task', action: 'update', actor, from: '2028-01-01', to: '2028-01-31' } as const;
    const search = historySearch(filters);
    expect(search).toBe(`?hva=task&handling=update&hvem=${actor}&fra=2028-01-01&til=2028-01-31`);
    expect(historyFiltersFromSearch(new URLSearchParams(search))).toEqual(filters);
  });

  it('ignores what it does not know instead of failing', () => {
    const filters = historyFiltersFromSearch(new URLSearchParams('hva=widget&handling=x&hvem=kari&fra=31.01.2028&til=2028-02-30'));
    expect(filters).toEqual({ entity: undefined, action: undefined, actor: undefined, from: undefined, to: undefined });
    expect(historySearch(filters)).toBe('');
  });

  it('offers every kind of row history records', () => {
    expect(historyFiltersFromSearch(new URLSearchParams('hva=integration')).entity).toBe('integration');
    expect(historyFiltersFromSearch(new URLSearchParams('hva=riskMatrix')).entity).toBe('riskMatrix');
  });

  it('asks the API with its own names, and adds the export format', () => {
    expect(historyApiQuery({ entity: 'task', entityId: 'abc', from: '2028-01-01' }, { format: 'csv' })).toBe(
      '?format=csv&entity=task&entityId=abc&from=2028-01-01',
    );
    expect(historyApiQuery({})).toBe('');
  });
});

describe('the return path after signing in', () => {
  it('keeps a path inside the app', () => {
    expect(safeReturnPath('/sammenslainger/1/historikk?hva=task')).toBe('/sammenslainger/1/historikk?hva=task');
  });

  it('never leaves the app or loops back to sign-in', () => {
    for (const value of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/api/v1/users',
      '/logg-inn',
      '/logg-inn?neste=/x',
      '/oppsett',
      '/\t/evil.example/',
      '/\n/evil.example',
      '/\r\n//evil.example',
      '/.//evil.example',
    ]) {
      expect(safeReturnPath(value)).toBe('/');
    }
  });

  it('puts the wanted page on the sign-in link', () => {
    expect(paths.login('/brukere')).toBe('/logg-inn?neste=%2Fbrukere');
    expect(paths.login('/')).toBe('/logg-inn');
  });
});
