import {
  archiveLocations,
  changeClauses,
  cooperationForms,
  hostings,
  infrastructureCategories,
  integrationDirections,
  integrationMethods,
  inventoryPathSegments,
  type InventoryKindKey,
} from '#shared/contracts/inventory.ts';

/**
 * How the web shows and edits each of the eight kinds: the form's fields and the table's
 * columns. Field names are the contract's; labels come from nb.ts (`m.inventory.fields`).
 */
export type FieldType =
  'text' | 'textarea' | 'count' | 'amount' | 'year' | 'date' | 'flag' | 'choice' | 'solutionArea' | 'system' | 'systems' | 'integrationTarget';

export interface FieldSpec {
  name: string;
  type: FieldType;
  required?: boolean;
  /** For `choice`: the fixed values (labels in `m.inventory.values[name]`). */
  values?: readonly string[];
}

export interface ColumnSpec {
  /** The item's field shown; `sort` is the API's sort key when the column can be sorted. */
  field: string;
  sort?: string;
  kind?: 'value' | 'number' | 'date' | 'flag';
}

export interface KindSpec {
  key: InventoryKindKey;
  /** The web's URL segment (Norwegian). */
  slug: string;
  /** The field that names a row (link text, headings). */
  titleField: string;
  fields: FieldSpec[];
  columns: ColumnSpec[];
  filters: Array<'solutionArea' | 'vendor' | 'hosting'>;
  defaultSort: string;
}

const notes: FieldSpec = { name: 'notes', type: 'textarea' };
const muni: ColumnSpec = { field: 'municipalityNumber', sort: 'municipalityNumber' };

export const kindSpecs: Record<InventoryKindKey, KindSpec> = {
  systems: {
    key: 'systems',
    slug: 'ikt-systemer',
    titleField: 'name',
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'vendor', type: 'text' },
      { name: 'product', type: 'text' },
      { name: 'productVersion', type: 'text' },
      { name: 'solutionAreaId', type: 'solutionArea' },
      { name: 'serviceArea', type: 'text' },
      { name: 'hosting', type: 'choice', values: hostings },
      { name: 'userCount', type: 'count' },
      { name: 'systemOwner', type: 'text' },
      { name: 'archiveWorthy', type: 'flag' },
      notes,
    ],
    columns: [
      { field: 'name', sort: 'name' },
      muni,
      { field: 'vendor', sort: 'vendor' },
      { field: 'product', sort: 'product' },
      { field: 'solutionAreaId', sort: 'solutionAreaId' },
      { field: 'hosting', sort: 'hosting', kind: 'value' },
      { field: 'userCount', sort: 'userCount', kind: 'number' },
    ],
    filters: ['solutionArea', 'vendor', 'hosting'],
    defaultSort: 'name',
  },
  digitalServices: {
    key: 'digitalServices',
    slug: 'digitale-tjenester',
    titleField: 'name',
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'vendor', type: 'text' },
      { name: 'productVersion', type: 'text' },
      { name: 'channel', type: 'text' },
      { name: 'systemId', type: 'system' },
      notes,
    ],
    columns: [{ field: 'name', sort: 'name' }, muni, { field: 'vendor', sort: 'vendor' }, { field: 'channel', sort: 'channel' }, { field: 'systemName' }],
    filters: ['vendor'],
    defaultSort: 'name',
  },
  contracts: {
    key: 'contracts',
    slug: 'avtaler',
    titleField: 'vendor',
    fields: [
      { name: 'vendor', type: 'text', required: true },
      { name: 'type', type: 'text' },
      { name: 'subject', type: 'textarea' },
      { name: 'startDate', type: 'date' },
      { name: 'endDate', type: 'date' },
      { name: 'noticePeriodMonths', type: 'count' },
      { name: 'terminationClause', type: 'textarea' },
      { name: 'changeClause', type: 'choice', values: changeClauses },
      { name: 'annualCost', type: 'amount' },
      { name: 'systemIds', type: 'systems' },
      notes,
    ],
    columns: [
      { field: 'vendor', sort: 'vendor' },
      muni,
      { field: 'type', sort: 'type' },
      { field: 'endDate', sort: 'endDate', kind: 'date' },
      { field: 'changeClause', sort: 'changeClause', kind: 'value' },
      { field: 'annualCost', sort: 'annualCost', kind: 'number' },
      { field: 'systems' },
    ],
    filters: ['vendor'],
    defaultSort: 'vendor',
  },
  integrations: {
    key: 'integrations',
    slug: 'integrasjoner',
    titleField: 'fromSystemName',
    fields: [
      { name: 'fromSystemId', type: 'system', required: true },
      { name: 'target', type: 'integrationTarget', required: true },
      { name: 'direction', type: 'choice', values: integrationDirections },
      { name: 'method', type: 'choice', values: integrationMethods },
      notes,
    ],
    columns: [
      { field: 'fromSystemName', sort: 'fromSystemName' },
      muni,
      { field: 'toSystemName', sort: 'toSystemName' },
      { field: 'direction', sort: 'direction', kind: 'value' },
      { field: 'method', sort: 'method', kind: 'value' },
    ],
    filters: [],
    defaultSort: 'fromSystemName',
  },
  archives: {
    key: 'archives',
    slug: 'arkiv-og-data',
    titleField: 'name',
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'description', type: 'textarea' },
      { name: 'locationKind', type: 'choice', values: archiveLocations },
      { name: 'systemId', type: 'system' },
      { name: 'noark5', type: 'flag' },
      { name: 'volume', type: 'text' },
      { name: 'periodFrom', type: 'year' },
      { name: 'periodTo', type: 'year' },
      { name: 'accessNeeded', type: 'textarea' },
      notes,
    ],
    columns: [
      { field: 'name', sort: 'name' },
      muni,
      { field: 'locationKind', sort: 'locationKind', kind: 'value' },
      { field: 'systemName' },
      { field: 'noark5', sort: 'noark5', kind: 'flag' },
      { field: 'periodFrom', sort: 'periodFrom' },
      { field: 'periodTo', sort: 'periodTo' },
    ],
    filters: [],
    defaultSort: 'name',
  },
  infrastructure: {
    key: 'infrastructure',
    slug: 'infrastruktur',
    titleField: 'name',
    fields: [
      { name: 'category', type: 'choice', values: infrastructureCategories, required: true },
      { name: 'name', type: 'text', required: true },
      { name: 'description', type: 'textarea' },
      { name: 'location', type: 'text' },
      notes,
    ],
    columns: [{ field: 'name', sort: 'name' }, muni, { field: 'category', sort: 'category', kind: 'value' }, { field: 'location', sort: 'location' }],
    filters: [],
    defaultSort: 'name',
  },
  itOrganisation: {
    key: 'itOrganisation',
    slug: 'ikt-organisering',
    titleField: 'role',
    fields: [{ name: 'role', type: 'text', required: true }, { name: 'competence', type: 'textarea' }, { name: 'fte', type: 'amount' }, notes],
    columns: [{ field: 'role', sort: 'role' }, muni, { field: 'fte', sort: 'fte', kind: 'number' }],
    filters: [],
    defaultSort: 'role',
  },
  intermunicipalCooperation: {
    key: 'intermunicipalCooperation',
    slug: 'interkommunale-samarbeid',
    titleField: 'name',
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'scope', type: 'textarea' },
      { name: 'form', type: 'choice', values: cooperationForms },
      { name: 'partners', type: 'textarea' },
      { name: 'archive', type: 'textarea' },
      notes,
    ],
    columns: [{ field: 'name', sort: 'name' }, muni, { field: 'form', sort: 'form', kind: 'value' }, { field: 'partners' }],
    filters: [],
    defaultSort: 'name',
  },
};

export const kindOrder: InventoryKindKey[] = [
  'systems',
  'digitalServices',
  'contracts',
  'integrations',
  'archives',
  'infrastructure',
  'itOrganisation',
  'intermunicipalCooperation',
];

export function kindBySlug(slug: string | undefined): KindSpec | undefined {
  return kindOrder.map((key) => kindSpecs[key]).find((spec) => spec.slug === slug);
}

export function apiSegment(kind: InventoryKindKey): string {
  return inventoryPathSegments[kind];
}

export const PAGE_SIZE = 100;

/** The register's state as it lives in the URL (Norwegian parameter names). */
export interface RegisterFilters {
  q?: string | undefined;
  sort?: string | undefined;
  municipality?: string | undefined;
  solutionArea?: string | undefined;
  vendor?: string | undefined;
  hosting?: string | undefined;
  page?: number | undefined;
}

export const registerParam = {
  q: 'sok',
  sort: 'sorter',
  municipality: 'kommune',
  solutionArea: 'omrade',
  vendor: 'leverandor',
  hosting: 'drift',
  page: 'side',
} as const;

export function registerFiltersFromSearch(params: URLSearchParams): RegisterFilters {
  const get = (key: string) => {
    const value = params.get(key)?.trim();
    return value ? value : undefined;
  };
  const page = Number(params.get(registerParam.page));
  return {
    q: get(registerParam.q),
    sort: get(registerParam.sort),
    municipality: get(registerParam.municipality),
    solutionArea: get(registerParam.solutionArea),
    vendor: get(registerParam.vendor),
    hosting: get(registerParam.hosting),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

export function registerSearch(filters: RegisterFilters): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(registerParam) as Array<keyof RegisterFilters>) {
    const value = filters[key];
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(registerParam[key], String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The API's list query for the filters: server-side paging, 100 rows a page. */
export function listQuery(spec: KindSpec, filters: RegisterFilters): string {
  const params = new URLSearchParams();
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String(((filters.page ?? 1) - 1) * PAGE_SIZE));
  params.set('sort', filters.sort ?? spec.defaultSort);
  if (filters.q) params.set('q', filters.q);
  if (filters.municipality) params.set('municipality', filters.municipality);
  if (filters.solutionArea && spec.filters.includes('solutionArea')) params.set('solutionArea', filters.solutionArea);
  if (filters.vendor && spec.filters.includes('vendor')) params.set('vendor', filters.vendor);
  if (filters.hosting && spec.filters.includes('hosting')) params.set('hosting', filters.hosting);
  return params.toString();
}
