import { randomUUID } from 'node:crypto';
import { actorOf, type ServiceContext } from '#server/context.ts';
import type { Database } from '#server/db/client.ts';
import { DomainError, invalid } from '#server/errors.ts';
import { creationChanges, diffFields } from '#server/features/audit/audit.domain.ts';
import { recordChanges, type AuditRecord } from '#server/features/audit/audit.service.ts';
import { findCommonSolution, loadCommonSolutions, matchCommonSolution } from '#server/features/common-solutions/common-solutions.domain.ts';
import { kindDefinitions } from '#server/features/inventory/inventory.kinds.ts';
import * as inventoryRepo from '#server/features/inventory/inventory.repo.ts';
import { solutionAreas } from '#server/features/inventory/inventory.service.ts';
import { requireMergerAccess } from '#server/features/mergers/merger-guard.ts';
import { municipalitiesOfMerger } from '#server/features/mergers/mergers.service.ts';
import { inventoryKinds, inventoryPathSegments, type InventoryKindKey } from '#shared/contracts/inventory.ts';
import type { ImportMode, ImportResult } from '#shared/contracts/inventory-import.ts';
import {
  auditedFields,
  changedFields,
  planImport,
  type CellValue,
  type ImportPlan,
  type PlannedWrite,
  type SheetInput,
  type StoredRow,
} from './inventory-import.domain.ts';
import { layoutOfKind, sheetLayouts, type SheetLayout } from './inventory-sheets.ts';
import { readCsv, readWorkbook, TooManyRowsError } from './inventory-reading.ts';
import { writeCsv, writeWorkbook, type DisplayRow } from './inventory-workbook.ts';
import { inspectZip, isZip } from './zip-guard.ts';

export const importLimits = {
  /** The request body. */
  maxBytes: 10 * 1024 * 1024,
  /** What the workbook unpacks to: a real 20,000-row workbook is far below this. */
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRowsPerSheet: 20_000,
};

const kindOrder = sheetLayouts.map((layout) => layout.kind);

// ---------------------------------------------------------------- what is stored

interface Stored {
  rows: { [K in InventoryKindKey]?: StoredRow[] };
  municipalities: Array<{ number: string; name: string }>;
}

/** One query per kind (and one for the contracts' systems): the import and export never read row by row. */
async function loadStored(db: Database, mergerId: string): Promise<Stored> {
  const links = await inventoryRepo.listAllContractSystemIds(db, mergerId);
  const rows: Stored['rows'] = {};
  for (const kind of kindOrder) {
    rows[kind] = (await inventoryRepo.listAllRows(db, kind, mergerId)).map((row) => {
      const stored = row as Record<string, unknown> & { id: string; version: number };
      const values = Object.fromEntries(
        auditedFields(kind).map((field) => [field, field === 'systemIds' ? links.get(stored.id) ?? [] : stored[field] ?? null]),
      );
      return { id: stored.id, version: stored.version, values };
    });
  }
  return { rows, municipalities: await municipalitiesOfMerger(db, mergerId) };
}

/** How the template and export name a solution area: its name, with the sector where two areas share a name. */
function areaLabels() {
  const areas = solutionAreas();
  const counts = new Map<string, number>();
  for (const area of areas) counts.set(area.name, (counts.get(area.name) ?? 0) + 1);
  return areas.map((area) => ({
    id: area.id,
    name: area.name,
    label: (counts.get(area.name) ?? 0) > 1 ? `${area.name} (${area.sector})` : area.name,
  }));
}

function workbookLists(municipalities: Stored['municipalities']) {
  return {
    municipalities,
    areaLabels: areaLabels().map((area) => area.label),
    commonSolutionNames: loadCommonSolutions().solutions.map((solution) => solution.name),
  };
}

/** Stored rows as the cells a user sees: names instead of ids, Norwegian labels instead of keys. */
function displayRows(layout: SheetLayout, stored: Stored): DisplayRow[] {
  const systemNames = new Map((stored.rows.systems ?? []).map((row) => [row.id, String(row.values.name)]));
  const areas = new Map(areaLabels().map((area) => [area.id, area.label]));
  const register = loadCommonSolutions();
  const solutionNames = new Map(register.solutions.map((solution) => [solution.id, solution.name]));
  return (stored.rows[layout.kind] ?? []).map((row) =>
    Object.fromEntries(
      layout.columns.map((column) => {
        const value = row.values[column.field];
        let cell: CellValue;
        if (value === null || value === undefined) cell = null;
        else if (column.type === 'choice') cell = column.labels?.[String(value)] ?? String(value);
        else if (column.type === 'flag') cell = value ? 'Ja' : 'Nei';
        else if (column.type === 'date') cell = new Date(`${String(value)}T00:00:00Z`);
        else if (column.type === 'area') cell = areas.get(String(value)) ?? String(value);
        else if (column.type === 'system') cell = systemNames.get(String(value)) ?? null;
        else if (column.type === 'systems') {
          cell = (value as string[]).map((id) => systemNames.get(id)).filter(Boolean).join('; ') || null;
        } else if (column.type === 'commonSolution') cell = solutionNames.get(String(value)) ?? String(value);
        else cell = value as CellValue;
        return [column.field, cell];
      }),
    ),
  );
}

// ---------------------------------------------------------------- template and exports

export async function template(ctx: ServiceContext, mergerId: string): Promise<Buffer> {
  requireMergerAccess(ctx, mergerId);
  return writeWorkbook(workbookLists(await municipalitiesOfMerger(ctx.db, mergerId)));
}

export async function exportWorkbook(ctx: ServiceContext, mergerId: string): Promise<Buffer> {
  requireMergerAccess(ctx, mergerId);
  const stored = await loadStored(ctx.db, mergerId);
  const rowsByKind = Object.fromEntries(sheetLayouts.map((layout) => [layout.kind, displayRows(layout, stored)]));
  return writeWorkbook(workbookLists(stored.municipalities), rowsByKind);
}

export async function exportCsv(
  ctx: ServiceContext,
  mergerId: string,
  kind: InventoryKindKey,
  filter: { municipality?: readonly string[] },
): Promise<string> {
  requireMergerAccess(ctx, mergerId);
  const stored = await loadStored(ctx.db, mergerId);
  const layout = layoutOfKind(kind);
  const wanted = filter.municipality ? new Set(filter.municipality) : undefined;
  const rows = displayRows(layout, stored).filter((row) => !wanted || wanted.has(String(row.municipalityNumber)));
  return writeCsv(layout, rows);
}

// ---------------------------------------------------------------- import

const refusal = (code: string, message: string) => invalid(code, message);

/** The file as sheets, after the checks that keep a hostile or absurd file away from exceljs. */
export async function readUpload(body: unknown, kind: InventoryKindKey | undefined): Promise<SheetInput[]> {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw refusal('NOT_A_SPREADSHEET', 'Filen er tom eller ikke et regneark. Last opp en xlsx-fil eller en CSV-fil.');
  }
  try {
    if (isZip(body)) {
      const verdict = inspectZip(body, importLimits.maxUncompressedBytes);
      if (!verdict.ok && verdict.reason === 'too-large') {
        throw refusal(
          'SPREADSHEET_TOO_LARGE',
          `Arbeidsboken pakker seg ut til mer enn ${importLimits.maxUncompressedBytes / 1024 / 1024} MB og blir ikke lest. Del den opp i flere filer.`,
        );
      }
      if (!verdict.ok) throw refusal('NOT_A_SPREADSHEET', 'Filen er ikke en gyldig xlsx-fil.');
      let sheets: SheetInput[];
      try {
        sheets = await readWorkbook(body, importLimits.maxRowsPerSheet);
      } catch (error) {
        if (error instanceof TooManyRowsError) throw error;
        throw refusal('NOT_A_SPREADSHEET', 'Filen kunne ikke leses som en xlsx-arbeidsbok.');
      }
      // With a kind, only that kind's sheet is read: «import just the systems from this workbook».
      if (kind) sheets = sheets.filter((sheet) => sheet.layout.kind === kind);
      if (sheets.length === 0) {
        throw refusal(
          'NO_KNOWN_SHEETS',
          `Arbeidsboken har ingen ark Samla kjenner. Arkene må hete ${sheetLayouts.map((l) => `«${l.sheet}»`).join(', ')}.`,
        );
      }
      return sheets;
    }
    const text = body.toString('utf8');
    // Binary data (an old .xls, a PDF, an image) is not CSV: NUL bytes or invalid UTF-8.
    if (text.includes('\u0000') || text.includes('\uFFFD')) {
      throw refusal('NOT_A_SPREADSHEET', 'Filen er ikke et regneark. Last opp en xlsx-fil eller en CSV-fil (UTF-8).');
    }
    if (!kind) throw refusal('KIND_REQUIRED', 'Oppgi hvilken type register CSV-filen gjelder (parameteren kind).');
    return [readCsv(text, layoutOfKind(kind), importLimits.maxRowsPerSheet)];
  } catch (error) {
    if (error instanceof TooManyRowsError) {
      throw refusal(
        'TOO_MANY_ROWS',
        `Arket «${error.sheet}» har ${error.rows} rader; grensen er ${importLimits.maxRowsPerSheet} per ark.`,
      );
    }
    throw error;
  }
}

export async function importFile(
  ctx: ServiceContext,
  mergerId: string,
  body: unknown,
  options: { mode: ImportMode; kind?: InventoryKindKey },
): Promise<ImportResult> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  const sheets = await readUpload(body, options.kind);
  const plan = async (db: Database) => {
    const stored = await loadStored(db, mergerId);
    const made = planImport(sheets, {
      municipalityNumbers: new Set(stored.municipalities.map((m) => m.number)),
      areas: areaLabels(),
      commonSolution: (text) => matchCommonSolution(loadCommonSolutions(), text),
      stored: stored.rows,
      newId: randomUUID,
    });
    return Object.assign(made, { storedSystems: stored.rows.systems ?? [] });
  };
  const result = (made: ImportPlan, committed: boolean): ImportResult => ({
    mode: options.mode,
    committed,
    sheets: made.sheets,
    problems: made.problems,
  });
  if (options.mode === 'preview') return result(await plan(ctx.db), false);
  return ctx.db.transaction(async (tx) => {
    const made = await plan(tx);
    if (made.problems.length > 0) {
      throw new DomainError(
        'IMPORT_INVALID',
        400,
        `Filen har ${made.problems.length} feil og ble ikke importert. Rett feilene og last opp på nytt.`,
        made.problems,
      );
    }
    await writePlan(tx, mergerId, made, made.storedSystems, actor);
    return result(made, true);
  });
}

function columnsOf(kind: InventoryKindKey, values: Record<string, unknown>): Record<string, unknown> {
  const { systemIds: _links, ...columns } = values;
  return kind === 'contracts' ? columns : values;
}

/** The plan in the caller's transaction: systems first, since the others point at them. */
async function writePlan(
  db: Database,
  mergerId: string,
  plan: ImportPlan,
  storedSystems: readonly StoredRow[],
  actor: ReturnType<typeof actorOf>,
): Promise<void> {
  const audit: AuditRecord[] = [];
  // History names an integration by its systems: those stored, as the file renames or adds them.
  const systemNames = new Map(storedSystems.map((row) => [row.id, String(row.values.name)]));
  const stored = plan.updates.concat(plan.creates);
  for (const write of stored) if (write.kind === 'systems') systemNames.set(write.id, String(write.values.name));
  const labelOf = (write: PlannedWrite) => {
    const values = write.values;
    const names = {
      systemName: null,
      systems: [],
      fromSystemName: systemNames.get(String(values.fromSystemId)) ?? '',
      toSystemName: values.toSystemId ? systemNames.get(String(values.toSystemId)) ?? null : null,
      commonSolutionName: values.commonSolutionId
        ? findCommonSolution(loadCommonSolutions(), String(values.commonSolutionId))?.name ?? null
        : null,
    };
    return kindDefinitions[write.kind].label({ ...values, ...names } as never);
  };
  for (const kind of kindOrder) {
    const creates = plan.creates.filter((write) => write.kind === kind);
    await inventoryRepo.insertRows(
      db,
      inventoryRepo.inventoryTables[kind],
      creates.map((write) => ({ ...columnsOf(kind, write.values), id: write.id, mergerId })),
    );
    if (kind === 'contracts') {
      await inventoryRepo.insertContractSystemLinks(
        db,
        creates.flatMap((write) =>
          [...new Set(write.values.systemIds as string[])].map((systemId, position) => ({
            mergerId,
            contractId: write.id,
            systemId,
            position,
          })),
        ),
      );
    }
    for (const write of creates) {
      audit.push({
        mergerId,
        entity: kindDefinitions[kind].entity,
        entityId: write.id,
        entityLabel: labelOf(write),
        action: 'create',
        changes: creationChanges(write.values, auditedFields(kind)),
      });
    }
    for (const write of plan.updates.filter((w) => w.kind === kind)) {
      const changed = changedFields(kind, write.before!, write.values);
      const columns = Object.fromEntries(changed.filter((field) => field !== 'systemIds').map((field) => [field, write.values[field]]));
      const updated = await inventoryRepo.updateRowIfVersion(
        db,
        inventoryRepo.inventoryTables[kind],
        mergerId,
        write.id,
        write.version!,
        columns as never,
      );
      if (!updated) {
        throw new DomainError(
          'VERSION_CONFLICT',
          409,
          'Noen endret kartleggingen mens filen ble importert. Last opp filen på nytt.',
        );
      }
      if (kind === 'contracts' && changed.includes('systemIds')) {
        await inventoryRepo.replaceContractSystems(db, mergerId, write.id, write.values.systemIds as string[]);
      }
      audit.push({
        mergerId,
        entity: kindDefinitions[kind].entity,
        entityId: write.id,
        entityLabel: labelOf(write),
        action: 'update',
        changes: diffFields(write.before!, write.values, auditedFields(kind)),
      });
    }
  }
  await recordChanges(db, actor, audit);
}

export const kindKeys = Object.keys(inventoryKinds) as InventoryKindKey[];

export const unknownKind = (text: string) =>
  invalid('UNKNOWN_KIND', `«${text}» er ikke en type register. Gyldige: ${sheetLayouts.map((l) => inventoryPathSegments[l.kind]).join(', ')}.`);
