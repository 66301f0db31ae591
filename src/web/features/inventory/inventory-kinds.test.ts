import { describe, expect, it } from 'vitest';
import { inventoryKinds } from '#shared/contracts/inventory.ts';
import { nbVocabulary } from '#shared/vocabulary/nb.ts';
import { nb } from '#web/i18n/nb.ts';
import { kindOrder, kindSpecs, listQuery, registerFiltersFromSearch, registerSearch } from './inventory-kinds.ts';

describe('the register state in the URL', () => {
  it('round-trips search, filters, sorting and page with Norwegian parameter names', () => {
    const filters = { q: 'flyt', sort: '-userCount', municipality: '3101', solutionArea: 'a', vendor: 'Visma', hosting: 'saas', page: 3 };
    const search = registerSearch(filters);
    expect(search).toBe('?sok=flyt&sorter=-userCount&kommune=3101&omrade=a&leverandor=Visma&drift=saas&side=3');
    expect(registerFiltersFromSearch(new URLSearchParams(search))).toEqual(filters);
  });

  it('leaves out page 1 and ignores nonsense pages', () => {
    expect(registerSearch({ page: 1 })).toBe('');
    expect(registerFiltersFromSearch(new URLSearchParams('side=-2')).page).toBeUndefined();
    expect(registerFiltersFromSearch(new URLSearchParams('side=abc')).page).toBeUndefined();
  });
});

describe('the list query sent to the API', () => {
  it('asks for one page of 100 from the right offset', () => {
    const params = new URLSearchParams(listQuery(kindSpecs.systems, { page: 3, q: 'x' }));
    expect(params.get('limit')).toBe('100');
    expect(params.get('offset')).toBe('200');
    expect(params.get('sort')).toBe('name');
    expect(params.get('q')).toBe('x');
  });

  it('sends only the filters the kind has', () => {
    const params = new URLSearchParams(listQuery(kindSpecs.itOrganisation, { hosting: 'saas', vendor: 'V', municipality: '3101' }));
    expect(params.get('hosting')).toBeNull();
    expect(params.get('vendor')).toBeNull();
    expect(params.get('municipality')).toBe('3101');
  });

  it('every default sort and sortable column is one the API accepts', () => {
    for (const key of kindOrder) {
      const spec = kindSpecs[key];
      const accepted: readonly string[] = inventoryKinds[key].sortFields;
      expect(accepted).toContain(spec.defaultSort);
      for (const column of spec.columns) if (column.sort) expect(accepted, `${key}.${column.sort}`).toContain(column.sort);
    }
  });
});

describe('the form covers the contract', () => {
  it('every field of every kind is in the form and has a Norwegian label', () => {
    for (const key of kindOrder) {
      const formFields = new Set(
        kindSpecs[key].fields.flatMap((field) => (field.type === 'integrationTarget' ? ['toSystemId', 'commonSolutionId'] : [field.name])),
      );
      for (const name of inventoryKinds[key].fieldNames) expect(formFields, `${key}.${name}`).toContain(name);
      for (const field of kindSpecs[key].fields) expect(nb.inventory.fields[field.name], `${key}.${field.name}`).toBeTruthy();
    }
  });

  it('every fixed value has a Norwegian label', () => {
    for (const key of kindOrder) {
      for (const field of kindSpecs[key].fields) {
        for (const value of field.values ?? []) expect(nb.inventory.values[field.name]?.[value], `${field.name}.${value}`).toBeTruthy();
      }
    }
  });
});

describe('the fixed values read the same on screen as in Excel', () => {
  it("the web catalog uses the server's wording", () => {
    expect(nb.inventory.values).toEqual(nbVocabulary.inventoryValue);
  });

  it("the registers are named as the workbook's sheets are, in the seed's wording", () => {
    expect(nb.inventory.kinds).toBe(nbVocabulary.inventoryKind);
    expect(nb.inventory.kinds.itOrganisation).toBe('IKT-organisering');
    expect(nb.inventory.kinds.intermunicipalCooperation).toBe('Interkommunale samarbeid');
  });
});
