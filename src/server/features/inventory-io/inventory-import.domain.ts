import { inventoryKinds, type InventoryKindKey } from '#shared/contracts/inventory.ts';
import type { ImportProblem, ImportSheetSummary } from '#shared/contracts/inventory-import.ts';
import { kindDefinitions } from '#server/features/inventory/inventory.kinds.ts';
import { nameKey, parseCell, type CellContext, type CellValue } from './inventory-cells.ts';
import type { SheetLayout } from './inventory-sheets.ts';

export type { CellValue } from './inventory-cells.ts';
export { formatDate, nameKey, parseDate, unescapeFormula } from './inventory-cells.ts';

/**
 * The import as pure functions: cells in, a plan out (rows to create, rows to
 * update, problems with sheet, row and column). The service loads what is
 * stored once, calls `planImport` and writes the plan in one transaction.
 */

export interface SheetInput {
  /** The sheet's name as the file spells it («CSV» for a CSV file). */
  sheet: string;
  layout: SheetLayout;
  /** The header row as the spreadsheet numbers it. */
  headerRow: number;
  headers: Array<string | null>;
  rows: Array<{ row: number; cells: CellValue[] }>;
}

/**
 * An upload read into sheets: what the reader found, and warnings about what
 * it did with the file (a sheet it read under another name, a header it did
 * not know, hidden rows …), each at sheet, row and column.
 */
export interface ParsedUpload {
  sheets: SheetInput[];
  warnings: ImportProblem[];
}

/** What is stored, as plain values of the audited fields. */
export interface StoredRow {
  id: string;
  version: number;
  values: Record<string, unknown>;
}

export interface PlanContext extends CellContext {
  stored: { [K in InventoryKindKey]?: StoredRow[] };
  newId: () => string;
}

export interface PlannedWrite {
  kind: InventoryKindKey;
  id: string;
  /** Only for updates: the version read, and the values before. */
  version?: number;
  before?: Record<string, unknown>;
  values: Record<string, unknown>;
}

export interface ImportPlan {
  sheets: ImportSheetSummary[];
  problems: ImportProblem[];
  creates: PlannedWrite[];
  updates: PlannedWrite[];
}

export const auditedFields = (kind: InventoryKindKey): string[] => [
  'municipalityNumber',
  ...inventoryKinds[kind].fieldNames,
  'notes',
];

// ---------------------------------------------------------------- comparison and keys

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = (a ?? []) as unknown[];
    const right = (b ?? []) as unknown[];
    return left.length === right.length && left.every((value, index) => value === right[index]);
  }
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return (a ?? null) === (b ?? null);
}

export function changedFields(kind: InventoryKindKey, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return auditedFields(kind).filter((field) => !sameValue(before[field], after[field]));
}

export function naturalKey(layout: SheetLayout, values: Record<string, unknown>): string {
  return [values.municipalityNumber, ...layout.naturalKey.map((field) => values[field])]
    .map((value) => (typeof value === 'string' ? nameKey(value) : value == null ? '' : String(value)))
    .join('\u0000');
}

const systemKey = (municipality: unknown, name: string) => `${String(municipality)}\u0000${nameKey(name)}`;

// ---------------------------------------------------------------- the plan

export function planImport(inputs: readonly SheetInput[], context: PlanContext): ImportPlan {
  const plan: ImportPlan = { sheets: [], problems: [], creates: [], updates: [] };
  // Systems by municipality and name: those stored, then those the file adds, so later sheets can name them.
  const systemsByName = new Map<string, string>();
  for (const system of context.stored.systems ?? []) {
    const key = systemKey(system.values.municipalityNumber, String(system.values.name));
    if (!systemsByName.has(key)) systemsByName.set(key, system.id);
  }
  // The system sheet first, whatever order the workbook has.
  const ordered = [...inputs].sort((a, b) => Number(b.layout.kind === 'systems') - Number(a.layout.kind === 'systems'));
  for (const input of ordered) planSheet(input, context, systemsByName, plan);
  return plan;
}

function planSheet(input: SheetInput, context: PlanContext, systemsByName: Map<string, string>, plan: ImportPlan): void {
  const { layout, sheet } = input;
  const kind = layout.kind;
  const summary: ImportSheetSummary = { kind, sheet, created: 0, updated: 0, unchanged: 0 };
  plan.sheets.push(summary);
  const headerKey = (header: string) => header.replaceAll(/\s+/g, ' ').trim().toLowerCase();
  const positions = new Map<string, number>();
  input.headers.forEach((header, index) => {
    if (header && !positions.has(headerKey(header))) positions.set(headerKey(header), index);
  });
  const present = layout.columns.filter((column) => positions.has(headerKey(column.header)));
  const missing = layout.columns.filter((column) => column.required && !positions.has(headerKey(column.header)));
  // Integrations need a target column; a sheet without either cannot name one.
  for (const column of missing) {
    plan.problems.push({
      sheet,
      row: input.headerRow,
      column: column.header,
      code: 'MISSING_COLUMN',
      message: `Kolonnen «${column.header}» mangler i overskriftsraden.`,
    });
  }
  if (missing.length > 0) return;

  const stored = new Map<string, StoredRow>();
  for (const row of context.stored[kind] ?? []) stored.set(naturalKey(layout, row.values), row);
  const seen = new Map<string, number>();
  const schema = inventoryKinds[kind].create;
  const headers = new Map(layout.columns.map((column) => [column.field, column.header]));
  const headerOf = (field: string) => headers.get(field) ?? null;
  // Worked out once per sheet, not once per cell: a large import has tens of thousands of cells.
  const cellIndexes = present.map((column) => positions.get(headerKey(column.header))!);
  const requiredColumns = present.filter((column) => column.required);
  const systemColumns = present.filter((column) => column.type === 'system' || column.type === 'systems');
  const emptyValues = () => Object.fromEntries(auditedFields(kind).map((f) => [f, f === 'systemIds' ? [] : null]));

  for (const { row, cells } of input.rows) {
    const problems: ImportProblem[] = [];
    const report = (column: string | null, code: string, message: string) =>
      problems.push({ sheet, row, column, code, message });
    const parsed: Record<string, unknown> = {};
    present.forEach((column, index) => {
      const result = parseCell(column, cells[cellIndexes[index]!] ?? null, context);
      if ('problem' in result) report(column.header, result.code, result.problem);
      else parsed[column.field] = result.value;
    });
    for (const column of requiredColumns) {
      if (parsed[column.field] == null && !problems.some((p) => p.column === column.header)) {
        report(column.header, 'REQUIRED', `«${column.header}» må fylles ut.`);
      }
    }
    // Names of systems → ids, within the row's municipality.
    const municipality = parsed.municipalityNumber;
    for (const column of systemColumns) {
      const text = parsed[column.field] as string;
      const names = column.type === 'systems' ? text.split(';').map((name) => name.trim()).filter(Boolean) : text ? [text] : [];
      const ids: string[] = [];
      for (const name of names) {
        const id = municipality ? systemsByName.get(systemKey(municipality, name)) : undefined;
        if (id) ids.push(id);
        else if (municipality) {
          report(
            column.header,
            'UNKNOWN_SYSTEM',
            `Systemet «${name}» finnes ikke i kommune ${String(municipality)}, verken i Samla eller i arket «IKT-systemer».`,
          );
        }
      }
      parsed[column.field] = column.type === 'systems' ? ids : (ids[0] ?? null);
    }
    if (problems.length > 0) {
      plan.problems.push(...problems);
      continue;
    }
    const key = naturalKey(layout, parsed);
    const duplicateOf = seen.get(key);
    if (duplicateOf !== undefined) {
      plan.problems.push({
        sheet,
        row,
        column: headerOf(layout.naturalKey[0]!),
        code: 'DUPLICATE_ROW',
        message: `Raden er lik rad ${duplicateOf} (samme ${['Kommunenummer', ...layout.naturalKey.map(headerOf)].join(', ')}).`,
      });
      continue;
    }
    seen.set(key, row);
    const existing = stored.get(key);
    const base = existing?.values ?? emptyValues();
    // Columns the file does not have keep what is stored; an empty cell in a column it has clears the value.
    const values = { ...base, ...parsed };
    const check = schema.safeParse(values);
    if (!check.success) {
      for (const issue of check.error.issues) {
        report(headerOf(String(issue.path[0] ?? '')), 'INVALID', issue.message);
      }
    }
    for (const rule of kindDefinitions[kind].rules?.(values as never) ?? []) report(headerOf(rule.path), rule.code, rule.message);
    if (problems.length > 0) {
      plan.problems.push(...problems);
      continue;
    }
    if (!existing) {
      const id = context.newId();
      plan.creates.push({ kind, id, values });
      summary.created++;
      if (kind === 'systems') {
        const nameKeyOfRow = systemKey(values.municipalityNumber, String(values.name));
        if (!systemsByName.has(nameKeyOfRow)) systemsByName.set(nameKeyOfRow, id);
      }
    } else if (changedFields(kind, existing.values, values).length > 0) {
      plan.updates.push({ kind, id: existing.id, version: existing.version, before: existing.values, values });
      summary.updated++;
    } else summary.unchanged++;
  }
}

