import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import { DomainError, invalid, versionConflict } from '#server/platform/errors.ts';
import { csvLines } from '#server/platform/formats/csv.ts';
import { creationChanges, deletionChanges, diffFields } from '#server/platform/audit-trail/changes.ts';
import { recordChanges, type AuditRecord } from '#server/platform/audit-trail/audit-trail.ts';
import { findCommonSolution, loadCommonSolutions, lookupCommonSolution } from '#server/features/common-solutions/common-solutions.domain.ts';
import { kindDefinitions } from '#server/features/inventory/inventory.kinds.ts';
import * as inventory from '#server/features/inventory/inventory.service.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import { documentLanguageOf, municipalitiesOfMerger } from '#server/features/mergers/mergers.service.ts';
import { inventoryKinds, inventoryPathSegments, type InventoryKindKey } from '#shared/contracts/inventory.ts';
import type { ImportMissing, ImportMode, ImportProblem, ImportResult } from '#shared/contracts/inventory-import.ts';
import { plural, pluralWord } from '#shared/plural.ts';
import {
  auditedFields,
  changedFields,
  planImport,
  rowLabel,
  type CellValue,
  type ImportPlan,
  type PlannedWrite,
  type StoredRow,
} from './inventory-import.domain.ts';
import type { CellContext } from './inventory-cells.ts';
import { flagLabelsIn, labelsIn, layoutOfKind, sheetLayouts, type SheetLayout } from './inventory-sheets.ts';
import { languages, type Language } from '#shared/language.ts';
import { csvRows, samlaIdField, type DisplayRow, type writeWorkbook } from './inventory-workbook.ts';
import { readUpload } from './inventory-upload.ts';
import { mergerWorkKey, shareIdenticalWork } from '#server/platform/workers/shared-work.ts';
import { asBuffer, madeFileRunOptions, workerPool } from '#server/platform/workers/worker-pool.ts';

export { importLimits } from './inventory-upload.ts';

const kindOrder = sheetLayouts.map((layout) => layout.kind);

// ---------------------------------------------------------------- what is stored

interface Stored {
  rows: { [K in InventoryKindKey]?: StoredRow[] };
  municipalities: Array<{ number: string; name: string }>;
}

/** One query per kind (and one for the contracts' systems): the import and export never read row by row. */
async function loadStored(db: Database, mergerId: string): Promise<Stored> {
  const links = await inventory.allContractSystemIds(db, mergerId);
  const rows: Stored['rows'] = {};
  for (const kind of kindOrder) {
    rows[kind] = (await inventory.allRows(db, kind, mergerId)).map((row) => {
      const stored = row as Record<string, unknown> & { id: string; version: number };
      const values = Object.fromEntries(
        auditedFields(kind).map((field) => [field, field === 'systemIds' ? (links.get(stored.id) ?? []) : (stored[field] ?? null)]),
      );
      return { id: stored.id, version: stored.version, values };
    });
  }
  return { rows, municipalities: await municipalitiesOfMerger(db, mergerId) };
}

/**
 * How the template and export name a solution area in `language` (the merger's målform
 * there): its name, with the sector where two areas share a name.
 */
function areaLabels(language: Language = 'nb') {
  const areas = inventory.solutionAreas(language);
  const counts = new Map<string, number>();
  for (const area of areas) counts.set(area.name, (counts.get(area.name) ?? 0) + 1);
  return areas.map((area) => ({
    id: area.id,
    name: area.name,
    label: (counts.get(area.name) ?? 0) > 1 ? `${area.name} (${area.sector})` : area.name,
  }));
}

/**
 * The areas an import reads: named in the reader's language (for its messages and the
 * changes it shows), and found by their names and labels in any of the three, since the
 * file may be a template in another målform.
 */
function importAreas(language: Language): CellContext['areas'] {
  const others = languages.filter((other) => other !== language).map((other) => new Map(areaLabels(other).map((area) => [area.id, area])));
  return areaLabels(language).map((area) => ({ ...area, translations: others.map((byId) => byId.get(area.id)!) }));
}

function workbookLists(municipalities: Stored['municipalities'], language: Language) {
  return {
    municipalities,
    areaLabels: areaLabels(language).map((area) => area.label),
    commonSolutionNames: loadCommonSolutions().solutions.map((solution) => solution.name),
  };
}

/** Stored rows as the cells a user sees: names instead of ids, labels in the workbook's language instead of keys. */
function displayRows(layout: SheetLayout, stored: Stored, language: Language): DisplayRow[] {
  const flag = flagLabelsIn(language);
  const systemNames = new Map((stored.rows.systems ?? []).map((row) => [row.id, String(row.values.name)]));
  const areas = new Map(areaLabels(language).map((area) => [area.id, area.label]));
  const register = loadCommonSolutions();
  const solutionNames = new Map(register.solutions.map((solution) => [solution.id, solution.name]));
  return (stored.rows[layout.kind] ?? []).map((row) =>
    Object.fromEntries([
      [samlaIdField, row.id],
      ...layout.columns.map((column) => {
        const value = row.values[column.field];
        let cell: CellValue;
        if (value === null || value === undefined) cell = null;
        else if (column.type === 'choice') cell = labelsIn(column, language)?.[String(value)] ?? String(value);
        else if (column.type === 'flag') cell = value ? flag.yes : flag.no;
        else if (column.type === 'date') cell = new Date(`${String(value)}T00:00:00Z`);
        else if (column.type === 'area') cell = areas.get(String(value)) ?? String(value);
        else if (column.type === 'system') cell = systemNames.get(String(value)) ?? null;
        else if (column.type === 'systems') {
          cell =
            (value as string[])
              .map((id) => systemNames.get(id))
              .filter(Boolean)
              .join('; ') || null;
        } else if (column.type === 'commonSolution') cell = solutionNames.get(String(value)) ?? String(value);
        else cell = value as CellValue;
        return [column.field, cell];
      }),
    ]),
  );
}

// ---------------------------------------------------------------- template and exports

/**
 * The workbook is written in a worker thread (exceljs holds the CPU for up to
 * a second on a large merger), and identical requests at the same time share
 * one read and one write (decision 024).
 */
function workbookInWorker(...args: Parameters<typeof writeWorkbook>): Promise<Buffer> {
  return workerPool().run('writeInventoryWorkbook', { args }, madeFileRunOptions).then(asBuffer);
}

export async function template(ctx: ServiceContext, mergerId: string): Promise<Buffer> {
  requireMergerAccess(ctx, mergerId);
  return shareIdenticalWork(mergerWorkKey(ctx, mergerId, 'inventory-template'), async () => {
    // A merger with data gets the Samla-ID column, so rows pasted from an export keep their identity.
    const hasData = await inventory.hasAnyInventory(ctx.db, mergerId);
    const language = await documentLanguageOf(ctx.db, mergerId);
    return workbookInWorker(workbookLists(await municipalitiesOfMerger(ctx.db, mergerId), language), {}, { samlaIds: hasData, language });
  });
}

export async function exportWorkbook(ctx: ServiceContext, mergerId: string): Promise<Buffer> {
  requireMergerAccess(ctx, mergerId);
  return shareIdenticalWork(mergerWorkKey(ctx, mergerId, 'inventory-export'), async () => {
    const stored = await loadStored(ctx.db, mergerId);
    const language = await documentLanguageOf(ctx.db, mergerId);
    const rowsByKind = Object.fromEntries(sheetLayouts.map((layout) => [layout.kind, displayRows(layout, stored, language)]));
    return workbookInWorker(workbookLists(stored.municipalities, language), rowsByKind, { samlaIds: true, language });
  });
}

/** One register as CSV, as lines made while the response is sent: the text of a large register is never held whole. */
export async function exportCsv(
  ctx: ServiceContext,
  mergerId: string,
  kind: InventoryKindKey,
  filter: { municipality?: readonly string[] },
): Promise<Readable> {
  requireMergerAccess(ctx, mergerId);
  const stored = await loadStored(ctx.db, mergerId);
  // Headers and labels in the merger's målform, like the workbook: the import reads any of the three back.
  const language = await documentLanguageOf(ctx.db, mergerId);
  const layout = layoutOfKind(kind);
  const wanted = filter.municipality ? new Set(filter.municipality) : undefined;
  const rows = displayRows(layout, stored, language).filter((row) => !wanted || wanted.has(String(row.municipalityNumber)));
  return Readable.from(csvLines(csvRows(layout, rows, language)));
}

// ---------------------------------------------------------------- import

export interface ImportOptions {
  mode: ImportMode;
  kind?: InventoryKindKey;
  missing?: ImportMissing;
  confirmWarnings?: boolean;
  previewToken?: string;
}

/**
 * What the preview showed, as a fingerprint: the rows written (by where they
 * are in the file, since new ids are made per plan), the rows deleted and the
 * warnings. A commit that would do anything else is refused (decision 021).
 */
function previewTokenOf(plan: ImportPlan, warnings: readonly ImportProblem[]): string {
  // New rows get new random ids in every plan; a row that points at one names it by its place in the file.
  const newIds = new Map(plan.creates.map((write) => [write.id, `${write.sheet}\u0000${write.row}`]));
  const writes = (list: readonly PlannedWrite[]) =>
    list.map((write) => [write.kind, write.sheet, write.row, newIds.get(write.id) ?? write.id, write.version ?? null, write.values]);
  const content = JSON.stringify(
    [
      writes(plan.creates),
      writes(plan.updates),
      plan.deletes.map((row) => [row.kind, row.id, row.version]),
      warnings.map((warning) => [warning.sheet, warning.row, warning.column, warning.code]),
    ],
    (_key, value: unknown) => (typeof value === 'string' ? (newIds.get(value) ?? value) : value),
  );
  return createHash('sha256').update(content).digest('base64url').slice(0, 32);
}

export async function importFile(ctx: ServiceContext, mergerId: string, body: unknown, options: ImportOptions): Promise<ImportResult> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  // Problems and warnings are for the person reading them; the file may be in any of the three languages.
  const language = ctx.language ?? 'nb';
  const upload = await readUpload(body, options.kind, language);
  const missing = options.missing ?? 'keep';
  const plan = async (db: Database) => {
    const stored = await loadStored(db, mergerId);
    const register = loadCommonSolutions();
    const made = planImport(upload.sheets, {
      municipalities: stored.municipalities,
      areas: importAreas(language),
      commonSolution: (text) => lookupCommonSolution(register, text),
      commonSolutionName: (id) => findCommonSolution(register, id)?.name,
      stored: stored.rows,
      newId: randomUUID,
      missing,
      systemsInDecisions: new Set(await inventory.systemIdsInDecisions(db, mergerId)),
      language,
    });
    return Object.assign(made, { storedSystems: stored.rows.systems ?? [] });
  };
  const result = (made: ImportPlan, committed: boolean): ImportResult => {
    const warnings = [...upload.warnings, ...made.warnings];
    return {
      mode: options.mode,
      committed,
      sheets: made.sheets,
      problems: made.problems,
      warnings,
      missing: made.missing,
      missingAction: missing,
      deleted: made.deletes.length,
      previewToken: previewTokenOf(made, warnings),
    };
  };
  if (options.mode === 'preview') return result(await plan(ctx.db), false);
  return ctx.db.transaction(async (tx) => {
    const made = await plan(tx);
    const answer = result(made, false);
    if (made.problems.length > 0) {
      const count = made.problems.length;
      throw new DomainError(
        'IMPORT_INVALID',
        400,
        {
          nb: `Filen har ${count} feil og ble ikke importert. Rett feilene og last opp på nytt.`,
          nn: `Fila har ${count} feil og vart ikkje importert. Rett feila og last opp på nytt.`,
          en: `The file has ${plural(count, 'error', 'errors')} and was not imported. Correct the errors and upload again.`,
        },
        made.problems,
      );
    }
    if (options.previewToken !== undefined && options.previewToken !== answer.previewToken) {
      throw new DomainError(
        'IMPORT_PREVIEW_OUTDATED',
        409,
        {
          nb:
            'Kartleggingen eller filen er endret siden forhåndsvisningen, så importen ville gjort noe annet enn den viste. ' +
            'Se over den nye forhåndsvisningen og importer på nytt.',
          nn:
            'Kartlegginga eller fila er endra sidan førehandsvisinga, så importen ville gjort noko anna enn ho viste. ' +
            'Sjå over den nye førehandsvisinga og importer på nytt.',
          en:
            'The inventory or the file has changed since the preview, so the import would do something other than it showed. ' +
            'Look over the new preview and import again.',
        },
        answer,
      );
    }
    if (answer.warnings.length > 0 && !options.confirmWarnings) {
      throw new DomainError(
        'IMPORT_NEEDS_CONFIRMATION',
        400,
        {
          nb: `Forhåndsvisningen har ${plural(answer.warnings.length, 'advarsel', 'advarsler')}. Les ${pluralWord(answer.warnings.length, 'den', 'dem')}, og bekreft at du vil importere likevel.`,
          nn: `Førehandsvisinga har ${plural(answer.warnings.length, 'åtvaring', 'åtvaringar')}. Les ${pluralWord(answer.warnings.length, 'den', 'dei')}, og stadfest at du vil importere likevel.`,
          en: `The preview has ${plural(answer.warnings.length, 'warning', 'warnings')}. Read ${pluralWord(answer.warnings.length, 'it', 'them')}, and confirm that you want to import anyway.`,
        },
        answer,
      );
    }
    await writePlan(tx, mergerId, made, made.storedSystems, actor);
    return { ...answer, committed: true };
  });
}

function columnsOf(kind: InventoryKindKey, values: Record<string, unknown>): Record<string, unknown> {
  const { systemIds: _links, ...columns } = values;
  return kind === 'contracts' ? columns : values;
}

/** The plan in the caller's transaction: systems first, since the others point at them; deletions last, systems after what pointed at them. */
async function writePlan(
  db: Database,
  mergerId: string,
  plan: ImportPlan,
  storedSystems: readonly StoredRow[],
  actor: ReturnType<typeof actorOf>,
): Promise<void> {
  const audit: AuditRecord[] = [];
  // History names an integration by its systems: those stored, as the file renames or adds them.
  const register = loadCommonSolutions();
  const names = {
    systems: new Map(storedSystems.map((row) => [row.id, String(row.values.name)])),
    areas: new Map(areaLabels().map((area) => [area.id, area.label])),
    commonSolution: (id: string) => findCommonSolution(register, id)?.name,
  };
  for (const write of plan.updates.concat(plan.creates)) if (write.kind === 'systems') names.systems.set(write.id, String(write.values.name));
  const labelOf = (write: { kind: InventoryKindKey; values: Record<string, unknown> }) => rowLabel(write.kind, write.values, names);
  for (const kind of kindOrder) {
    const creates = plan.creates.filter((write) => write.kind === kind);
    await inventory.insertImportedRows(
      db,
      kind,
      creates.map((write) => ({ ...columnsOf(kind, write.values), id: write.id, mergerId })),
      kind === 'contracts'
        ? creates.flatMap((write) =>
            [...new Set(write.values.systemIds as string[])].map((systemId, position) => ({
              mergerId,
              contractId: write.id,
              systemId,
              position,
            })),
          )
        : [],
    );
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
      const updated = await inventory.updateImportedRow(
        db,
        kind,
        mergerId,
        write.id,
        write.version!,
        columns,
        kind === 'contracts' && changed.includes('systemIds') ? (write.values.systemIds as string[]) : undefined,
      );
      if (!updated) throw changedMeanwhile();
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
  for (const kind of [...kindOrder].reverse()) {
    for (const row of plan.deletes.filter((candidate) => candidate.kind === kind)) {
      const removed = await inventory.deleteImportedRow(db, kind, mergerId, row.id, row.version);
      if (!removed) throw changedMeanwhile();
      audit.push({
        mergerId,
        entity: kindDefinitions[kind].entity,
        entityId: row.id,
        entityLabel: labelOf(row),
        action: 'delete',
        changes: deletionChanges(row.values, auditedFields(kind)),
      });
    }
  }
  await recordChanges(db, actor, audit);
}

const changedMeanwhile = () =>
  versionConflict({ nb: 'Kartleggingen', nn: 'Kartlegginga', en: 'The inventory' }, null, {
    message: {
      nb: 'Noen endret kartleggingen mens filen ble importert. Last opp filen på nytt.',
      nn: 'Nokon endra kartlegginga medan fila vart importert. Last opp fila på nytt.',
      en: 'Someone changed the inventory while the file was being imported. Upload the file again.',
    },
  });

export const kindKeys = Object.keys(inventoryKinds) as InventoryKindKey[];

export const unknownKind = (text: string) => {
  const valid = sheetLayouts.map((l) => inventoryPathSegments[l.kind]).join(', ');
  return invalid('UNKNOWN_KIND', {
    nb: `«${text}» er ikke en type register. Gyldige: ${valid}.`,
    nn: `«${text}» er ikkje ein type register. Gyldige: ${valid}.`,
    en: `«${text}» is not a kind of register. Valid: ${valid}.`,
  });
};
