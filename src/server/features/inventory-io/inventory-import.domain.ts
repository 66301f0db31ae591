import { inventoryKinds, type InventoryKindKey } from '#shared/contracts/inventory.ts';
import type { ImportFieldChange, ImportMissing, ImportMissingRow, ImportProblem, ImportSheetSummary } from '#shared/contracts/inventory-import.ts';
import { kindDefinitions } from '#server/features/inventory/inventory.kinds.ts';
import { formatDate, nameKey, parseCell, schemaIssueMessage, type CellContext, type CellValue } from './inventory-cells.ts';
import { flagLabelsIn, labelsIn, layoutOfKind, samlaIdHeader, type Column, type SheetLayout } from './inventory-sheets.ts';
import type { Language } from '#shared/language.ts';
import { inValidationLanguage } from '#shared/validation/messages.ts';
import type { Localized } from '#shared/localized.ts';

export type { CellValue } from './inventory-cells.ts';
export { formatDate, nameKey, parseDate, unescapeFormula } from './inventory-cells.ts';

/**
 * The import as pure functions: cells in, a plan out (rows to create, update
 * and delete, what each changes field by field, problems that block and
 * warnings the user confirms, each at sheet, row and column). The service
 * loads what is stored once, calls `planImport` and writes the plan in one
 * transaction. Decision 021 says how rows are recognised.
 */

export interface SheetInput {
  /** The sheet's name as the file spells it («CSV» for a CSV file). */
  sheet: string;
  layout: SheetLayout;
  /** The header row as the spreadsheet numbers it. */
  headerRow: number;
  headers: Array<string | null>;
  /** Each read column's header as the file writes it (where it is a header Samla writes), for where a problem is. */
  written?: Array<string | null>;
  /** The language the sheet's headers are written in: columns the file lacks are named in it. */
  language?: Language;
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
  /** Stored rows the file does not have: kept (the default) or deleted. */
  missing?: ImportMissing;
  /** Systems a veivalg points at: an import never deletes them. */
  systemsInDecisions?: ReadonlySet<string>;
  /** A common solution's name by id, for what the preview shows. */
  commonSolutionName?: (id: string) => string | undefined;
}

export interface PlannedWrite {
  kind: InventoryKindKey;
  id: string;
  /** Where the row is in the file. */
  sheet: string;
  row: number;
  /** Only for updates: the version read, and the values before. */
  version?: number;
  before?: Record<string, unknown>;
  values: Record<string, unknown>;
}

export interface PlannedDelete {
  kind: InventoryKindKey;
  id: string;
  version: number;
  values: Record<string, unknown>;
}

export interface ImportPlan {
  sheets: ImportSheetSummary[];
  problems: ImportProblem[];
  warnings: ImportProblem[];
  creates: PlannedWrite[];
  updates: PlannedWrite[];
  deletes: PlannedDelete[];
  missing: ImportMissingRow[];
}

const auditedFieldsOfKind = new Map<InventoryKindKey, readonly string[]>();
/** The fields history and the import compare, in order; made once per kind (the import asks for every row). */
export const auditedFields = (kind: InventoryKindKey): string[] => {
  let fields = auditedFieldsOfKind.get(kind);
  if (!fields) {
    fields = ['municipalityNumber', ...inventoryKinds[kind].fieldNames, 'notes'];
    auditedFieldsOfKind.set(kind, fields);
  }
  return fields as string[];
};

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

const keyPart = (value: unknown) => (typeof value === 'string' ? nameKey(value) : value == null ? '' : String(value));

/** The fields that recognise a row without a Samla-ID: the municipality and the layout's key. */
export function naturalKey(layout: SheetLayout, values: Record<string, unknown>): string {
  return [values.municipalityNumber, ...layout.naturalKey.map((field) => values[field])].map(keyPart).join('\u0000');
}

/** The key and the fields that tell rows with the same key apart: two rows of one file are the same row when these agree. */
function fullKey(layout: SheetLayout, values: Record<string, unknown>, key = naturalKey(layout, values)): string {
  if (!layout.tieBreaker) return key;
  return [key, ...layout.tieBreaker.map((field) => keyPart(values[field]))].join('\u0000');
}

const systemKey = (municipality: unknown, name: string) => `${String(municipality)}\u0000${nameKey(name)}`;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const andWord: Localized = { nb: 'og', nn: 'og', en: 'and' };
const moreWord: Localized = { nb: 'til', nn: 'til', en: 'more' };

/** «rad 3, 5 og 9», at most ten numbers. */
export function rowList(rows: readonly number[], language: Language = 'nb'): string {
  const and = andWord[language];
  const shown = rows.slice(0, 10);
  const rest = rows.length - shown.length;
  const text = shown.length === 1 ? String(shown[0]) : `${shown.slice(0, -1).join(', ')} ${and} ${shown.at(-1)}`;
  return rest > 0 ? `${shown.join(', ')} ${and} ${rest} ${moreWord[language]}` : text;
}

// ---------------------------------------------------------------- what the preview shows

const numberText = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

interface Names {
  systems: Map<string, string>;
  areas: Map<string, string>;
  commonSolution: (id: string) => string | undefined;
}

/** A stored value as the user sees it in the spreadsheet: names, labels (in `language`), dd.mm.åååå; null for empty. */
export function displayValue(column: Column, value: unknown, names: Names, language: Language = 'nb'): string | null {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  switch (column.type) {
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? numberText.format(value) : String(value);
    case 'flag':
      return value ? flagLabelsIn(language).yes : flagLabelsIn(language).no;
    case 'date':
      return formatDate(String(value));
    case 'choice':
      return labelsIn(column, language)?.[String(value)] ?? String(value);
    case 'area':
      return names.areas.get(String(value)) ?? String(value);
    case 'system':
      return names.systems.get(String(value)) ?? String(value);
    case 'systems':
      return (value as string[]).map((id) => names.systems.get(id) ?? id).join('; ');
    case 'commonSolution':
      return names.commonSolution(String(value)) ?? String(value);
    default:
      return String(value);
  }
}

/** A row's name as Samla shows it elsewhere (the register, history). */
export function rowLabel(kind: InventoryKindKey, values: Record<string, unknown>, names: Names): string {
  // Only an integration is named by what it connects; the others by their own fields.
  if (kind !== 'integrations') return kindDefinitions[kind].label(values as never);
  const named = {
    fromSystemName: names.systems.get(String(values.fromSystemId)) ?? '',
    toSystemName: values.toSystemId ? (names.systems.get(String(values.toSystemId)) ?? null) : null,
    commonSolutionName: values.commonSolutionId ? (names.commonSolution(String(values.commonSolutionId)) ?? null) : null,
  };
  return kindDefinitions[kind].label(named as never);
}

// ---------------------------------------------------------------- the plan

interface RowWork {
  input: SheetInput;
  row: number;
  parsed: Record<string, unknown>;
  problems: ImportProblem[];
  /** The Samla-ID cell, when it holds an id. */
  samlaId: string | null;
  /** Set once the row depends on a system row of the file that has problems. */
  blocked: boolean;
  /** The stored row it updates, and how it was recognised. */
  match?: { stored: StoredRow; by: 'samlaId' | 'key' };
  /** naturalKey of the parsed values, worked out once. */
  key?: string;
}

interface PlanState {
  plan: ImportPlan;
  /** The reader's language: every problem and warning is in it. */
  language: Language;
  context: PlanContext;
  names: Names;
  /** Systems by municipality and name: those stored, then those the file adds, so later sheets can name them. */
  systemsByName: Map<string, string>;
  /** System rows of the file that have problems, by municipality and name: the rows that name them say so once. */
  failedSystems: Map<string, { sheet: string; row: number; name: string }>;
  /** Rows that name a failed system, per sheet, column and system. */
  dependents: Map<string, { sheet: string; column: string; system: { sheet: string; row: number; name: string }; rows: number[] }>;
  /** Every stored row the file recognises, by kind. */
  claimed: Map<InventoryKindKey, Set<string>>;
  /** The municipalities each kind's rows in the file belong to: «missing» means missing among these. */
  covered: Map<InventoryKindKey, Set<string>>;
}

export function planImport(inputs: readonly SheetInput[], context: PlanContext): ImportPlan {
  const plan: ImportPlan = { sheets: [], problems: [], warnings: [], creates: [], updates: [], deletes: [], missing: [] };
  const names: Names = {
    systems: new Map((context.stored.systems ?? []).map((row) => [row.id, String(row.values.name)])),
    areas: new Map(context.areas.map((area) => [area.id, area.label])),
    commonSolution: context.commonSolutionName ?? ((id) => id),
  };
  const language = context.language ?? 'nb';
  const state: PlanState = {
    plan,
    language,
    context,
    names,
    systemsByName: new Map(),
    failedSystems: new Map(),
    dependents: new Map(),
    claimed: new Map(),
    covered: new Map(),
  };
  for (const system of context.stored.systems ?? []) {
    const key = systemKey(system.values.municipalityNumber, String(system.values.name));
    if (!state.systemsByName.has(key)) state.systemsByName.set(key, system.id);
  }
  // Systems first, whatever order the workbook has: the other sheets name them.
  const kinds = [...new Set(inputs.map((input) => input.layout.kind))].sort((a, b) => Number(b === 'systems') - Number(a === 'systems'));
  for (const kind of kinds)
    planKind(
      inputs.filter((input) => input.layout.kind === kind),
      state,
    );
  for (const dependent of state.dependents.values()) {
    const one = dependent.rows.length === 1;
    const { name, row, sheet } = dependent.system;
    plan.problems.push({
      sheet: dependent.sheet,
      row: dependent.rows[0]!,
      column: dependent.column,
      code: 'DEPENDS_ON_ROW_WITH_PROBLEM',
      message: {
        nb: `${one ? 'Raden' : `Rad ${rowList(dependent.rows)}`} viser til systemet «${name}» i rad ${row} i arket «${sheet}», som har feil. Rett den raden først.`,
        nn: `${one ? 'Rada' : `Rad ${rowList(dependent.rows, 'nn')}`} viser til systemet «${name}» i rad ${row} i arket «${sheet}», som har feil. Rett den rada først.`,
        en: `${one ? 'The row' : `Rows ${rowList(dependent.rows, 'en')}`} refer${one ? 's' : ''} to the system «${name}» in row ${row} of the sheet «${sheet}», which has errors. Correct that row first.`,
      }[language],
    });
  }
  planMissing(state, kinds);
  return plan;
}

function planKind(inputs: readonly SheetInput[], state: PlanState): void {
  const { plan, context, language } = state;
  const say = (text: Localized) => text[language];
  const kind = inputs[0]!.layout.kind;
  const layout = inputs[0]!.layout;
  const summaries = new Map<SheetInput, ImportSheetSummary>();
  const work: RowWork[] = [];
  const claimed = new Set<string>();
  state.claimed.set(kind, claimed);
  const covered = new Set<string>();
  state.covered.set(kind, covered);

  for (const input of inputs) {
    const summary: ImportSheetSummary = {
      kind,
      sheet: input.sheet,
      created: 0,
      updated: 0,
      unchanged: 0,
      newRows: [],
      changedRows: [],
    };
    plan.sheets.push(summary);
    summaries.set(input, summary);
    work.push(...parseSheet(input, state));
  }

  // Recognise rows: by Samla-ID first, then by key among the stored rows no id claimed.
  const storedRows = context.stored[kind] ?? [];
  const byId = new Map(storedRows.map((row) => [row.id, row]));
  const idRows = new Map<string, RowWork>();
  for (const item of work) {
    if (!item.samlaId) continue;
    const earlier = idRows.get(item.samlaId);
    if (earlier) {
      item.problems.push({
        sheet: item.input.sheet,
        row: item.row,
        column: samlaIdHeader,
        code: 'DUPLICATE_SAMLA_ID',
        message: say({
          nb:
            `Samme Samla-ID som rad ${earlier.row}${earlier.input.sheet === item.input.sheet ? '' : ` i arket «${earlier.input.sheet}»`}. ` +
            'Er raden kopiert? Tøm Samla-ID i den nye raden, så blir den lagt til som ny.',
          nn:
            `Same Samla-ID som rad ${earlier.row}${earlier.input.sheet === item.input.sheet ? '' : ` i arket «${earlier.input.sheet}»`}. ` +
            'Er rada kopiert? Tøm Samla-ID i den nye rada, så blir ho lagd til som ny.',
          en:
            `The same Samla-ID as row ${earlier.row}${earlier.input.sheet === item.input.sheet ? '' : ` in the sheet «${earlier.input.sheet}»`}. ` +
            'Was the row copied? Empty Samla-ID in the new row, and it will be added as a new one.',
        }),
      });
      continue;
    }
    idRows.set(item.samlaId, item);
    const stored = byId.get(item.samlaId);
    if (stored) {
      item.match = { stored, by: 'samlaId' };
      claimed.add(stored.id);
    } else {
      plan.warnings.push({
        sheet: item.input.sheet,
        row: item.row,
        column: samlaIdHeader,
        code: 'SAMLA_ID_NOT_FOUND',
        message: say({
          nb:
            'Samla-ID-en finnes ikke i denne sammenslåingen (raden kan være slettet i Samla, eller kopiert fra en annen sammenslåing). ' +
            'Raden kjennes igjen på kommune og navn i stedet.',
          nn:
            'Samla-ID-en finst ikkje i denne samanslåinga (rada kan vere sletta i Samla, eller kopiert frå ei anna samanslåing). ' +
            'Rada blir kjend att på kommune og namn i staden.',
          en:
            'The Samla-ID does not exist in this merger (the row may have been deleted in Samla, or copied from another merger). ' +
            'The row is recognised by municipality and name instead.',
        }),
      });
      item.samlaId = null;
    }
  }
  const byKey = new Map<string, StoredRow[]>();
  for (const row of storedRows) {
    if (claimed.has(row.id)) continue;
    const key = naturalKey(layout, row.values);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const keyReady = (item: RowWork) =>
    item.parsed.municipalityNumber != null && layout.naturalKey.every((field) => field in item.parsed || !isKeyColumnRequired(layout, field));
  // How many rows of the file share a key: with more than one, only the tie-breaker (the vendor) can match them.
  const fileKeyCounts = new Map<string, number>();
  const keyOf = (item: RowWork) => (item.key ??= naturalKey(layout, item.parsed));
  for (const item of work) {
    if (item.match || !keyReady(item)) continue;
    const key = keyOf(item);
    fileKeyCounts.set(key, (fileKeyCounts.get(key) ?? 0) + 1);
  }
  for (const item of work) {
    if (item.match || !keyReady(item)) continue;
    const key = keyOf(item);
    const sameKey = (byKey.get(key) ?? []).filter((row) => !claimed.has(row.id));
    let candidates = sameKey;
    const tieFields = (layout.tieBreaker ?? []).filter((field) => field in item.parsed);
    const onlyRowWithKey = (fileKeyCounts.get(key) ?? 0) === 1;
    if ((candidates.length > 1 || !onlyRowWithKey) && tieFields.length > 0) {
      candidates = candidates.filter((row) => tieFields.every((field) => keyPart(row.values[field]) === keyPart(item.parsed[field])));
    }
    if (candidates.length === 1) {
      item.match = { stored: candidates[0]!, by: 'key' };
      claimed.add(candidates[0]!.id);
    } else if (onlyRowWithKey && (candidates.length > 1 || (candidates.length === 0 && sameKey.length > 1))) {
      // Several stored rows fit and nothing in the file says which: a guess could change the wrong one.
      candidates = sameKey;
      item.problems.push({
        sheet: item.input.sheet,
        row: item.row,
        column: columnName(item.input, layout.naturalKey[0]!),
        code: 'AMBIGUOUS_MATCH',
        message: say({
          nb:
            `Kommune ${String(item.parsed.municipalityNumber)} har ${candidates.length} rader i Samla som passer ` +
            `(${candidates.map((row) => rowLabel(kind, row.values, state.names)).join(', ')}). ` +
            'Last ned eksporten og bruk kolonnen Samla-ID, så vet Samla hvilken raden gjelder.',
          nn:
            `Kommune ${String(item.parsed.municipalityNumber)} har ${candidates.length} rader i Samla som passar ` +
            `(${candidates.map((row) => rowLabel(kind, row.values, state.names)).join(', ')}). ` +
            'Last ned eksporten og bruk kolonnen Samla-ID, så veit Samla kva rad det gjeld.',
          en:
            `Municipality ${String(item.parsed.municipalityNumber)} has ${candidates.length} rows in Samla that fit ` +
            `(${candidates.map((row) => rowLabel(kind, row.values, state.names)).join(', ')}). ` +
            'Download the export and use the Samla-ID column, so that Samla knows which row it is.',
        }),
      });
    }
  }

  // Two rows of the file that are the same row.
  const seen = new Map<string, RowWork>();
  for (const item of work) {
    if (item.problems.length > 0 || item.blocked || item.parsed.municipalityNumber == null) continue;
    const key = fullKey(layout, item.parsed, keyOf(item));
    const earlier = seen.get(key);
    if (earlier && !(earlier.match?.by === 'samlaId' && item.match?.by === 'samlaId')) {
      const headers = ['municipalityNumber', ...layout.naturalKey, ...(layout.tieBreaker ?? [])].map((field) => columnName(item.input, field) ?? field);
      const elsewhere = earlier.input.sheet !== item.input.sheet;
      item.problems.push({
        sheet: item.input.sheet,
        row: item.row,
        column: columnName(item.input, layout.naturalKey[0]!),
        code: 'DUPLICATE_ROW',
        message: say({
          nb: `Raden er lik rad ${earlier.row}${elsewhere ? ` i arket «${earlier.input.sheet}»` : ''} (samme ${headers.join(', ')}).`,
          nn: `Rada er lik rad ${earlier.row}${elsewhere ? ` i arket «${earlier.input.sheet}»` : ''} (same ${headers.join(', ')}).`,
          en: `The row is the same as row ${earlier.row}${elsewhere ? ` in the sheet «${earlier.input.sheet}»` : ''} (same ${headers.join(', ')}).`,
        }),
      });
    } else if (!earlier) seen.set(key, item);
  }

  const schema = inventoryKinds[kind].create;
  const headerOf = (input: SheetInput, field: string) => columnName(input, field);
  const empty = Object.fromEntries(auditedFields(kind).map((f) => [f, f === 'systemIds' ? [] : null]));
  for (const item of work) {
    const municipality = item.parsed.municipalityNumber;
    if (typeof municipality === 'string') covered.add(municipality);
    const report = (column: string | null, code: string, message: string) =>
      item.problems.push({ sheet: item.input.sheet, row: item.row, column, code, message });
    const existing = item.match?.stored;
    // Columns the file does not have keep what is stored; an empty cell in a column it has clears the value.
    const values = { ...(existing?.values ?? empty), ...item.parsed };
    if (item.problems.length === 0 && !item.blocked) {
      // Zod writes an issue's message (a contract's own, such as a date check) when the issues
      // are first read, in the validation language of that moment: read them inside.
      const issues = inValidationLanguage(language, () => schema.safeParse(values).error?.issues ?? []);
      for (const issue of issues) {
        const header = headerOf(item.input, String(issue.path[0] ?? ''));
        report(header, 'INVALID', schemaIssueMessage(issue, header, language));
      }
      for (const rule of kindDefinitions[kind].rules?.(values as never, language) ?? []) report(headerOf(item.input, rule.path), rule.code, rule.message);
    }
    if (item.problems.length > 0 || item.blocked) {
      plan.problems.push(...item.problems);
      if (kind === 'systems' && typeof municipality === 'string' && typeof item.parsed.name === 'string') {
        const key = systemKey(municipality, item.parsed.name);
        if (!state.systemsByName.has(key) && !state.failedSystems.has(key)) {
          state.failedSystems.set(key, { sheet: item.input.sheet, row: item.row, name: item.parsed.name });
        }
      }
      continue;
    }
    const summary = summaries.get(item.input)!;
    if (!existing) {
      const id = context.newId();
      plan.creates.push({ kind, id, sheet: item.input.sheet, row: item.row, values });
      summary.created++;
      if (kind === 'systems') {
        const key = systemKey(values.municipalityNumber, String(values.name));
        if (!state.systemsByName.has(key)) state.systemsByName.set(key, id);
        state.names.systems.set(id, String(values.name));
      }
      summary.newRows.push({ row: item.row, label: rowLabel(kind, values, state.names) });
      continue;
    }
    const changed = changedFields(kind, existing.values, values);
    if (changed.length === 0) {
      summary.unchanged++;
      continue;
    }
    plan.updates.push({
      kind,
      id: existing.id,
      sheet: item.input.sheet,
      row: item.row,
      version: existing.version,
      before: existing.values,
      values,
    });
    summary.updated++;
    if (kind === 'systems') {
      // Later sheets may name the system by its new name.
      state.systemsByName.set(systemKey(values.municipalityNumber, String(values.name)), existing.id);
    }
    const changes: ImportFieldChange[] = changed.map((field) => {
      const column = layout.columns.find((candidate) => candidate.field === field)!;
      return {
        column: columnName(item.input, field) ?? column.header,
        before: displayValue(column, existing.values[field], state.names, language),
        after: displayValue(column, values[field], state.names, language),
      };
    });
    summary.changedRows.push({
      row: item.row,
      id: existing.id,
      label: rowLabel(kind, values, state.names),
      matchedBy: item.match!.by,
      changes,
    });
    if (item.match!.by === 'key') {
      const tie = (layout.tieBreaker ?? []).filter((field) => changed.includes(field));
      if (tie.length > 0) {
        const column = layout.columns.find((candidate) => candidate.field === tie[0])!;
        const name = columnName(item.input, column.field) ?? column.header;
        const label = rowLabel(kind, values, state.names);
        const municipality = String(values.municipalityNumber);
        const from = (empty: string) => displayValue(column, existing.values[tie[0]!], state.names, language) ?? empty;
        const to = (empty: string) => displayValue(column, values[tie[0]!], state.names, language) ?? empty;
        plan.warnings.push({
          sheet: item.input.sheet,
          row: item.row,
          column: name,
          code: 'MATCHED_BY_NAME',
          message: say({
            nb:
              `Raden er kjent igjen på navnet «${label}» i kommune ${municipality}, ` +
              `og ${name.toLowerCase()} endres fra «${from('(tom)')}» til «${to('(tom)')}». Er det et annet system, gi det et eget navn.`,
            nn:
              `Rada er kjend att på namnet «${label}» i kommune ${municipality}, ` +
              `og ${name.toLowerCase()} blir endra frå «${from('(tom)')}» til «${to('(tom)')}». Er det eit anna system, gi det eit eige namn.`,
            en:
              `The row is recognised by the name «${label}» in municipality ${municipality}, ` +
              `and ${name.toLowerCase()} changes from «${from('(empty)')}» to «${to('(empty)')}». If it is another system, give it a name of its own.`,
          }),
        });
      }
    }
  }
}

/** A column's name where a problem is: as the file writes its header, else in the sheet's language (bokmål for a file of none). */
function columnName(input: SheetInput, field: string): string | null {
  if (field === 'municipalityNumber' || input.layout.columns.some((column) => column.field === field)) {
    const column = input.layout.columns.find((candidate) => candidate.field === field)!;
    const index = input.headers.indexOf(column.header);
    return (index >= 0 ? input.written?.[index] : undefined) ?? column.headers[input.language ?? 'nb'];
  }
  return null;
}

function isKeyColumnRequired(layout: SheetLayout, field: string): boolean {
  return layout.columns.find((column) => column.field === field)?.required === true;
}

/** The rows of one sheet, each cell parsed, systems named resolved to ids. */
function parseSheet(input: SheetInput, state: PlanState): RowWork[] {
  const { plan, language } = state;
  const say = (text: Localized) => text[language];
  // Cell messages name the column as the file does.
  const context: CellContext = { ...state.context, headerOf: (column) => columnName(input, column.field) ?? column.header };
  const { layout, sheet } = input;
  const headerKey = (header: string) => header.replaceAll(/\s+/g, ' ').trim().toLowerCase();
  const positions = new Map<string, number>();
  input.headers.forEach((header, index) => {
    if (header && !positions.has(headerKey(header))) positions.set(headerKey(header), index);
  });
  const present = layout.columns.filter((column) => positions.has(headerKey(column.header)));
  const missing = layout.columns.filter((column) => column.required && !positions.has(headerKey(column.header)));
  for (const column of missing) {
    const name = column.headers[input.language ?? language];
    plan.problems.push({
      sheet,
      row: input.headerRow,
      column: name,
      code: 'MISSING_COLUMN',
      message: say({
        nb: `Kolonnen «${name}» mangler i overskriftsraden.`,
        nn: `Kolonnen «${name}» manglar i overskriftsrada.`,
        en: `The column «${name}» is missing from the header row.`,
      }),
    });
  }
  if (missing.length > 0) return [];

  const idIndex = positions.get(headerKey(samlaIdHeader));
  // Worked out once per sheet, not once per cell: a large import has tens of thousands of cells.
  const cellIndexes = present.map((column) => positions.get(headerKey(column.header))!);
  const requiredColumns = present.filter((column) => column.required);
  const systemColumns = present.filter((column) => column.type === 'system' || column.type === 'systems');
  const nameOf = new Map(present.map((column) => [column, columnName(input, column.field) ?? column.header]));
  const result: RowWork[] = [];
  for (const { row, cells } of input.rows) {
    const item: RowWork = { input, row, parsed: {}, problems: [], samlaId: null, blocked: false };
    const report = (column: string | null, code: string, message: string) => item.problems.push({ sheet, row, column, code, message });
    present.forEach((column, index) => {
      const parsed = parseCell(column, cells[cellIndexes[index]!] ?? null, context);
      if ('problem' in parsed) report(nameOf.get(column)!, parsed.code, parsed.problem);
      else {
        item.parsed[column.field] = parsed.value;
        const warning = parsed.warning;
        if (warning) plan.warnings.push({ sheet, row, column: nameOf.get(column)!, code: warning.code, message: warning.message });
      }
    });
    if (idIndex !== undefined) {
      const text = String(cells[idIndex] ?? '').trim();
      if (uuidPattern.test(text)) item.samlaId = text.toLowerCase();
      else if (text !== '') {
        plan.warnings.push({
          sheet,
          row,
          column: samlaIdHeader,
          code: 'SAMLA_ID_NOT_FOUND',
          message: say({
            nb: `«${text}» er ikke en Samla-ID. Raden kjennes igjen på kommune og navn i stedet.`,
            nn: `«${text}» er ikkje ein Samla-ID. Rada blir kjend att på kommune og namn i staden.`,
            en: `«${text}» is not a Samla-ID. The row is recognised by municipality and name instead.`,
          }),
        });
      }
    }
    for (const column of requiredColumns) {
      const name = nameOf.get(column)!;
      if (item.parsed[column.field] == null && !item.problems.some((p) => p.column === name)) {
        report(name, 'REQUIRED', say({ nb: `«${name}» må fylles ut.`, nn: `«${name}» må fyllast ut.`, en: `«${name}» must be filled in.` }));
      }
    }
    // Names of systems → ids, within the row's municipality.
    const municipality = item.parsed.municipalityNumber;
    for (const column of systemColumns) {
      const text = item.parsed[column.field] as string | undefined;
      if (text === undefined) continue;
      const systemNames =
        column.type === 'systems'
          ? text
              .split(';')
              .map((name) => name.trim())
              .filter(Boolean)
          : text
            ? [text]
            : [];
      const ids: string[] = [];
      for (const name of systemNames) {
        const key = municipality ? systemKey(municipality, name) : undefined;
        const id = key ? state.systemsByName.get(key) : undefined;
        const failed = key ? state.failedSystems.get(key) : undefined;
        if (id) ids.push(id);
        else if (failed) {
          item.blocked = true;
          const dependentKey = `${sheet}\u0000${column.header}\u0000${key}`;
          const dependent = state.dependents.get(dependentKey) ?? { sheet, column: nameOf.get(column)!, system: failed, rows: [] };
          if (dependent.rows.at(-1) !== row) dependent.rows.push(row);
          state.dependents.set(dependentKey, dependent);
        } else if (municipality) {
          const systemsSheet = plan.sheets.find((summary) => summary.kind === 'systems')?.sheet ?? layoutOfKind('systems').sheets[input.language ?? language];
          report(
            nameOf.get(column)!,
            'UNKNOWN_SYSTEM',
            say({
              nb: `Systemet «${name}» finnes ikke i kommune ${String(municipality)}, verken i Samla eller i arket «${systemsSheet}».`,
              nn: `Systemet «${name}» finst ikkje i kommune ${String(municipality)}, verken i Samla eller i arket «${systemsSheet}».`,
              en: `The system «${name}» does not exist in municipality ${String(municipality)}, neither in Samla nor in the sheet «${systemsSheet}».`,
            }),
          );
        }
      }
      item.parsed[column.field] = column.type === 'systems' ? ids : (ids[0] ?? null);
    }
    result.push(item);
  }
  return result;
}

/** Stored rows of the kinds and municipalities the file has that it does not name: kept, or deleted when asked. */
function planMissing(state: PlanState, kinds: readonly InventoryKindKey[]): void {
  const { plan, context } = state;
  const remove = context.missing === 'delete';
  const candidates: Array<{ kind: InventoryKindKey; row: StoredRow }> = [];
  for (const kind of kinds) {
    const claimed = state.claimed.get(kind) ?? new Set();
    const covered = state.covered.get(kind) ?? new Set();
    for (const row of context.stored[kind] ?? []) {
      if (!claimed.has(row.id) && covered.has(String(row.values.municipalityNumber))) candidates.push({ kind, row });
    }
  }
  const deleted = new Set(remove ? candidates.filter((c) => c.kind !== 'systems').map((c) => c.row.id) : []);
  // A system is deleted only when nothing points at it once the import is done.
  const inUse = new Set<string>(context.systemsInDecisions ?? []);
  if (remove) {
    const written = new Map(plan.updates.map((write) => [write.id, write.values]));
    const pointsAt = (values: Record<string, unknown>) => {
      for (const field of ['fromSystemId', 'toSystemId', 'systemId']) if (typeof values[field] === 'string') inUse.add(values[field] as string);
      if (Array.isArray(values.systemIds)) for (const id of values.systemIds as string[]) inUse.add(id);
    };
    for (const kind of Object.keys(context.stored) as InventoryKindKey[]) {
      if (kind === 'systems') continue;
      for (const row of context.stored[kind] ?? []) if (!deleted.has(row.id)) pointsAt(written.get(row.id) ?? row.values);
    }
    for (const write of plan.creates) pointsAt(write.values);
  }
  const language = state.language;
  const systemsSheet = plan.sheets.find((sheet) => sheet.kind === 'systems')?.sheet ?? layoutOfKind('systems').sheets[language];
  for (const { kind, row } of candidates) {
    const label = rowLabel(kind, row.values, state.names);
    let action: 'keep' | 'delete' = remove ? 'delete' : 'keep';
    if (remove && kind === 'systems' && inUse.has(row.id)) {
      action = 'keep';
      plan.warnings.push({
        sheet: systemsSheet,
        row: null,
        column: null,
        code: 'SYSTEM_KEPT_IN_USE',
        message: {
          nb:
            `Systemet «${label}» (kommune ${String(row.values.municipalityNumber)}) står ikke i filen, men blir ikke slettet: ` +
            'integrasjoner, avtaler, tjenester, arkiv eller veivalg viser fortsatt til det.',
          nn:
            `Systemet «${label}» (kommune ${String(row.values.municipalityNumber)}) står ikkje i fila, men blir ikkje sletta: ` +
            'integrasjonar, avtalar, tenester, arkiv eller vegval viser framleis til det.',
          en:
            `The system «${label}» (municipality ${String(row.values.municipalityNumber)}) is not in the file, but is not deleted: ` +
            'integrations, agreements, services, archives or decisions still refer to it.',
        }[language],
      });
    }
    plan.missing.push({ kind, id: row.id, label, municipalityNumber: String(row.values.municipalityNumber), action });
    if (action === 'delete') plan.deletes.push({ kind, id: row.id, version: row.version, values: row.values });
  }
}
