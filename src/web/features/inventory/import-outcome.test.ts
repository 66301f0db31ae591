import { describe, expect, it } from 'vitest';
import type { ImportMissingRow, ImportResult } from '#shared/contracts/inventory-import.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { changesAnything, groupMissing, importRefusal, importSearch, isEmptySheet, isImportResult, visibleRows } from './import-outcome.ts';
import { kindOrder } from './inventory-kinds.ts';

const result = (over: Partial<ImportResult> = {}): ImportResult => ({
  mode: 'preview',
  committed: false,
  sheets: [],
  problems: [],
  warnings: [],
  missing: [],
  missingAction: 'keep',
  deleted: 0,
  previewToken: 'token-1',
  ...over,
});

describe('the import query', () => {
  it('asks a preview what it would do with missing rows, and nothing about warnings or tokens', () => {
    expect(importSearch({ mode: 'preview', csv: false, missing: 'delete', confirmWarnings: true, previewToken: 'x' })).toBe('mode=preview&missing=delete');
  });

  it('sends the kind for a CSV only', () => {
    expect(importSearch({ mode: 'preview', csv: true, kind: 'digital-services', missing: 'keep' })).toBe('mode=preview&kind=digital-services&missing=keep');
    expect(importSearch({ mode: 'preview', csv: false, kind: 'systems', missing: 'keep' })).toBe('mode=preview&missing=keep');
  });

  it('commits with the choice, the confirmation and the token of the preview shown', () => {
    expect(importSearch({ mode: 'commit', csv: false, missing: 'keep', confirmWarnings: true, previewToken: 'a b' })).toBe(
      'mode=commit&missing=keep&confirmWarnings=true&previewToken=a+b',
    );
    expect(importSearch({ mode: 'commit', csv: false, missing: 'delete' })).toBe('mode=commit&missing=delete&confirmWarnings=false');
  });
});

describe('a refused import', () => {
  const problem = { sheet: 'IKT-systemer', row: 3, column: 'Løsningsområde', code: 'UNKNOWN_AREA', message: 'Ukjent løsningsområde' };

  it('reads IMPORT_INVALID with the problems as a list, or as a whole result', () => {
    expect(importRefusal(new ApiError(400, 'IMPORT_INVALID', 'x', [problem, { nonsense: true }]))).toEqual({
      type: 'invalid',
      problems: [problem],
    });
    const whole = result({ mode: 'commit', problems: [problem] });
    expect(importRefusal(new ApiError(400, 'IMPORT_INVALID', 'x', whole))).toEqual({ type: 'invalid', problems: [problem], result: whole });
  });

  it('takes the new preview from an outdated one and from a missing confirmation', () => {
    const fresh = result({ previewToken: 'token-2' });
    expect(importRefusal(new ApiError(409, 'IMPORT_PREVIEW_OUTDATED', 'x', fresh))).toEqual({ type: 'outdated', result: fresh });
    expect(importRefusal(new ApiError(400, 'IMPORT_NEEDS_CONFIRMATION', 'x', fresh))).toEqual({ type: 'needsConfirmation', result: fresh });
  });

  it('leaves anything else to the ordinary error text', () => {
    expect(importRefusal(new ApiError(409, 'IMPORT_PREVIEW_OUTDATED', 'x', undefined))).toBeUndefined();
    expect(importRefusal(new ApiError(403, 'FORBIDDEN', 'x'))).toBeUndefined();
    expect(importRefusal(new Error('boom'))).toBeUndefined();
    expect(isImportResult({ sheets: [] })).toBe(false);
  });
});

describe('the rows in Samla that the file lacks', () => {
  const row = (kind: string, label: string, municipalityNumber = '3101'): ImportMissingRow => ({
    kind,
    id: `${kind}-${label}`,
    label,
    municipalityNumber,
    action: 'keep',
  });

  it('are grouped per register in the registers’ order, by municipality and then name (Norwegian order)', () => {
    const groups = groupMissing(
      [row('contracts', 'Avtale B'), row('systems', 'Øko'), row('systems', 'Arkiv', '3105'), row('systems', 'Ære'), row('whatever', 'X')],
      kindOrder,
    );
    expect(groups.map((group) => group.kind)).toEqual(['systems', 'contracts', 'whatever']);
    expect(groups[0]!.rows.map((one) => one.label)).toEqual(['Ære', 'Øko', 'Arkiv']);
  });
});

describe('long lists', () => {
  it('show the first 50 until all are asked for', () => {
    const rows = Array.from({ length: 2500 }, (_, index) => index);
    expect(visibleRows(rows, false)).toHaveLength(50);
    expect(visibleRows(rows, true)).toHaveLength(2500);
    expect(visibleRows(rows.slice(0, 50), false)).toHaveLength(50);
  });
});

describe('whether a preview changes anything', () => {
  const sheet = { kind: 'systems', sheet: 'IKT-systemer', created: 0, updated: 0, unchanged: 4, newRows: [], changedRows: [] };
  it('is no for a file Samla exported, yes once a row is new, changed or deleted', () => {
    expect(changesAnything(result({ sheets: [sheet] }))).toBe(false);
    expect(changesAnything(result({ sheets: [{ ...sheet, updated: 1 }] }))).toBe(true);
    expect(changesAnything(result({ sheets: [sheet], deleted: 2 }))).toBe(true);
  });

  it('tells a sheet without rows from one whose rows are all unchanged', () => {
    expect(isEmptySheet(sheet)).toBe(false);
    expect(isEmptySheet({ ...sheet, unchanged: 0 })).toBe(true);
  });
});
