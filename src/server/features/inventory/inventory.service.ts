import type { z } from 'zod';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import { conflict, invalid, notFound, versionConflict } from '#server/platform/errors.ts';
import { creationChanges, deletionChanges, diffFields } from '#server/platform/audit-trail/changes.ts';
import { recordChange } from '#server/platform/audit-trail/audit-trail.ts';
import { commonSolutionKey, loadCommonSolutions } from '#server/features/common-solutions/common-solutions.domain.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import { municipalitiesOfMerger } from '#server/features/mergers/mergers.service.ts';
import type { FieldProblem } from '#shared/contracts/common.ts';
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { localize } from '#shared/localized-problems.ts';
import {
  inventoryKinds,
  type InventoryItem,
  type InventoryKindKey,
  type InventoryListQuery,
  type SideBySide,
  type SolutionAreaView,
} from '#shared/contracts/inventory.ts';
import { buildSolutionAreas, loadExtraSolutionAreas, referenceProblems, sideBySide, systemInUseMessage } from './inventory.domain.ts';
import { kindDefinitions, type InventoryValues } from './inventory.kinds.ts';
import * as repo from './inventory.repo.ts';

export type CreateBody<K extends InventoryKindKey> = z.output<(typeof inventoryKinds)[K]['create']>;
export type UpdateBody<K extends InventoryKindKey> = z.output<(typeof inventoryKinds)[K]['update']>;

/** Fields kept in a table of their own rather than in the kind's row. */
const linkFields = new Set(['systemIds']);

const cachedAreas = new Map<Language, SolutionAreaView[]>();
/**
 * The checklist's 4.2 solution areas with Samla's own, in the order the side-by-side view
 * shows them, named in `language` (the library's names from its translation); bokmål unless told.
 */
export function solutionAreas(language: Language = 'nb'): SolutionAreaView[] {
  let areas = cachedAreas.get(language);
  if (!areas) cachedAreas.set(language, (areas = buildSolutionAreas(translatedCatalog(language), loadExtraSolutionAreas(), language)));
  return areas;
}

const cachedAreaNames = new Map<Language, ReadonlyMap<string, string>>();
/** Every solution area's name in `language`, by id: the library's from Samla's translation, Samla's own areas from theirs. */
export function solutionAreaNames(language: Language): ReadonlyMap<string, string> {
  let names = cachedAreaNames.get(language);
  if (!names) cachedAreaNames.set(language, (names = new Map(solutionAreas(language).map((area) => [area.id, area.name]))));
  return names;
}

export function commonSolutions() {
  const register = loadCommonSolutions();
  return {
    version: register.version,
    commonSolutions: register.solutions.map((solution) => ({
      id: solution.id,
      name: solution.name,
      shortName: solution.shortName ?? null,
      owner: solution.owner,
      sector: solution.sector,
      description: solution.description,
      mergerNote: solution.mergerNote ?? null,
    })),
  };
}

/** The fields history follows for a kind: everything a person types, in the form's order. */
function auditedFields(kind: InventoryKindKey): string[] {
  return ['municipalityNumber', ...inventoryKinds[kind].fieldNames, 'notes'];
}

/** A stored row in the API's shape, without the names other rows give it. */
function valuesOf<K extends InventoryKindKey>(kind: K, row: repo.InventoryRow<K>, links: ReadonlyMap<string, string[]>): InventoryValues<K> {
  const stored = row as Record<string, unknown> & { id: string; createdAt: Date; updatedAt: Date };
  const fields = Object.fromEntries(inventoryKinds[kind].fieldNames.map((name) => [name, linkFields.has(name) ? (links.get(stored.id) ?? []) : stored[name]]));
  return {
    id: stored.id,
    mergerId: stored.mergerId,
    municipalityNumber: stored.municipalityNumber,
    ...fields,
    notes: stored.notes,
    createdAt: stored.createdAt.toISOString(),
    updatedAt: stored.updatedAt.toISOString(),
    version: stored.version,
  } as InventoryValues<K>;
}

/** Rows as items: one query for the contracts' systems, one for the names of every system referred to. */
async function toItems<K extends InventoryKindKey>(
  db: Database,
  kind: K,
  mergerId: string,
  rows: readonly repo.InventoryRow<K>[],
): Promise<InventoryItem<K>[]> {
  const definition = kindDefinitions[kind];
  const links =
    kind === 'contracts'
      ? await repo.listContractSystemIds(
          db,
          rows.map((row) => row.id),
        )
      : new Map<string, string[]>();
  const values = rows.map((row) => valuesOf(kind, row, links));
  const referred = values.flatMap((value) => definition.references(value).systems.map((system) => system.id));
  const systems = new Map((await repo.findSystemRefs(db, mergerId, referred)).map((system) => [system.id, system]));
  return values.map((value) => ({ ...value, ...definition.names(value, systems) }) as InventoryItem<K>);
}

/** Splits a request body into the row's columns and the systems a contract covers. */
function columnsOf(body: Record<string, unknown>): { columns: Record<string, unknown>; systemIds?: string[] } {
  const { systemIds, version: _version, ...columns } = body;
  return { columns, systemIds: systemIds as string[] | undefined };
}

/** Every reference and cross-field rule the change touches, checked at once so the form can show them all. */
async function checkValues<K extends InventoryKindKey>(
  db: Database,
  kind: K,
  mergerId: string,
  changed: Partial<InventoryValues<K>>,
  merged: InventoryValues<K>,
  reader: Language | undefined,
): Promise<void> {
  const definition = kindDefinitions[kind];
  const references = definition.references(changed);
  const ids = references.systems.map((system) => system.id);
  const known = {
    municipalityNumbers: new Set((await municipalitiesOfMerger(db, mergerId)).map((m) => m.number)),
    solutionAreaIds: new Set(solutionAreas().map((area) => area.id)),
    commonSolutionIds: new Set(loadCommonSolutions().solutions.map((solution) => solution.id)),
    systemIds: new Set((await repo.findSystemRefs(db, mergerId, ids)).map((system) => system.id)),
  };
  // The rules are pure: asked once per language, they give the message in every language and the fields in the reader's.
  const problemsIn = (language: Language): FieldProblem[] => [
    ...referenceProblems({ ...references, municipalityNumber: changed.municipalityNumber }, known, language),
    ...(definition.rules?.(merged, language) ?? []),
  ];
  const problems = problemsIn(reader ?? 'nb');
  if (problems.length > 0) {
    const count = problems.length;
    const message: Localized =
      count === 1
        ? localize((language) => problemsIn(language)[0]!.message)
        : {
            nb: `Registreringen har ${count} feil. Se feltene.`,
            nn: `Registreringa har ${count} feil. Sjå felta.`,
            en: `The entry has ${count} errors. See the fields.`,
          };
    throw invalid('VALIDATION_FAILED', message, problems);
  }
}

/** «Fant ikke {noun}.» in every language; the bokmål noun is the kind's own. */
const notFoundNouns: Record<InventoryKindKey, { nn: string; en: string }> = {
  systems: { nn: 'systemet', en: 'The system' },
  digitalServices: { nn: 'den digitale tenesta', en: 'The digital service' },
  contracts: { nn: 'avtalen', en: 'The agreement' },
  integrations: { nn: 'integrasjonen', en: 'The integration' },
  archives: { nn: 'arkivet', en: 'The archive' },
  infrastructure: { nn: 'infrastrukturen', en: 'The infrastructure' },
  itOrganisation: { nn: 'rolla', en: 'The role' },
  intermunicipalCooperation: { nn: 'samarbeidet', en: 'The cooperation' },
};
const itemNotFound = (kind: InventoryKindKey) =>
  notFound(kindDefinitions[kind].notFoundCode, {
    nb: `Fant ikke ${kindDefinitions[kind].noun}.`,
    nn: `Fann ikkje ${notFoundNouns[kind].nn}.`,
    en: `${notFoundNouns[kind].en} was not found.`,
  });
const theEntry: Localized = { nb: 'Registreringen', nn: 'Registreringa', en: 'The entry' };

function matchingCommonSolutionIds(text: string | undefined): string[] {
  if (!text) return [];
  const key = commonSolutionKey(text);
  return loadCommonSolutions()
    .solutions.filter((solution) => [solution.name, solution.shortName ?? ''].some((name) => commonSolutionKey(name).includes(key)))
    .map((solution) => solution.id);
}

export async function listItems<K extends InventoryKindKey>(
  ctx: ServiceContext,
  kind: K,
  mergerId: string,
  query: InventoryListQuery<K>,
): Promise<{ items: InventoryItem<K>[]; total: number }> {
  requireMergerAccess(ctx, mergerId);
  const { rows, total } = await repo.listKind(ctx.db, kind, mergerId, query, {
    commonSolutionIds: matchingCommonSolutionIds(query.q),
  });
  return { items: await toItems(ctx.db, kind, mergerId, rows), total };
}

export async function getItem<K extends InventoryKindKey>(ctx: ServiceContext, kind: K, mergerId: string, itemId: string): Promise<InventoryItem<K>> {
  requireMergerAccess(ctx, mergerId);
  const row = await repo.findRow(ctx.db, repo.inventoryTables[kind], mergerId, itemId);
  if (!row) throw itemNotFound(kind);
  const [item] = await toItems(ctx.db, kind, mergerId, [row as repo.InventoryRow<K>]);
  return item!;
}

export async function createItem<K extends InventoryKindKey>(ctx: ServiceContext, kind: K, mergerId: string, body: CreateBody<K>): Promise<InventoryItem<K>> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  const definition = kindDefinitions[kind];
  // Absent optional fields are stored as «no value», so the merged row is the body with nulls.
  const values = Object.fromEntries(
    auditedFields(kind).map((name) => [name, (body as Record<string, unknown>)[name] ?? (name === 'systemIds' ? [] : null)]),
  ) as InventoryValues<K>;
  return ctx.db.transaction(async (tx) => {
    await checkValues(tx, kind, mergerId, values, values, ctx.language);
    const { columns, systemIds } = columnsOf(values as Record<string, unknown>);
    const row = await repo.insertRow(tx, repo.inventoryTables[kind], { ...columns, mergerId } as never);
    if (kind === 'contracts') await repo.replaceContractSystems(tx, mergerId, row.id as string, systemIds ?? []);
    const [item] = await toItems(tx, kind, mergerId, [row as repo.InventoryRow<K>]);
    await recordChange(tx, actor, {
      mergerId,
      entity: definition.entity,
      entityId: item!.id,
      entityLabel: definition.label(item!),
      action: 'create',
      changes: creationChanges(item! as Record<string, unknown>, auditedFields(kind)),
    });
    return item!;
  });
}

export async function updateItem<K extends InventoryKindKey>(
  ctx: ServiceContext,
  kind: K,
  mergerId: string,
  itemId: string,
  body: UpdateBody<K>,
): Promise<InventoryItem<K>> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  const definition = kindDefinitions[kind];
  const table = repo.inventoryTables[kind];
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findRow(tx, table, mergerId, itemId);
    if (!current) throw itemNotFound(kind);
    if (current.version !== body.version) throw versionConflict(theEntry, current.version as number);
    const [before] = await toItems(tx, kind, mergerId, [current as repo.InventoryRow<K>]);
    const changed = Object.fromEntries(Object.entries(body).filter(([name, value]) => name !== 'version' && value !== undefined)) as Partial<
      InventoryValues<K>
    >;
    await checkValues(tx, kind, mergerId, changed, { ...before!, ...changed }, ctx.language);
    const { columns, systemIds } = columnsOf(changed as Record<string, unknown>);
    const updated = await repo.updateRowIfVersion(tx, table, mergerId, itemId, body.version, columns as never);
    // Another writer got in between our read and our write (another app node).
    if (!updated) throw versionConflict(theEntry, null);
    if (kind === 'contracts' && systemIds !== undefined) await repo.replaceContractSystems(tx, mergerId, itemId, systemIds);
    const [after] = await toItems(tx, kind, mergerId, [updated as repo.InventoryRow<K>]);
    await recordChange(tx, actor, {
      mergerId,
      entity: definition.entity,
      entityId: itemId,
      entityLabel: definition.label(after!),
      action: 'update',
      changes: diffFields(before! as Record<string, unknown>, after! as Record<string, unknown>, auditedFields(kind)),
    });
    return after!;
  });
}

export async function deleteItem<K extends InventoryKindKey>(
  ctx: ServiceContext,
  kind: K,
  mergerId: string,
  itemId: string,
  expectedVersion: number | undefined,
): Promise<void> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  const definition = kindDefinitions[kind];
  await ctx.db.transaction(async (tx) => {
    // Locked: a row that points at this system cannot be added while we count them.
    const current = await repo.findRow(tx, repo.inventoryTables[kind], mergerId, itemId, { lock: true });
    if (!current) throw itemNotFound(kind);
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw versionConflict(theEntry, current.version as number);
    }
    if (kind === 'systems') {
      const usage = await repo.countSystemUsage(tx, mergerId, itemId);
      if (systemInUseMessage(usage))
        throw conflict(
          'SYSTEM_IN_USE',
          localize((language) => systemInUseMessage(usage, language)!),
          usage,
        );
    }
    const [item] = await toItems(tx, kind, mergerId, [current as repo.InventoryRow<K>]);
    await repo.deleteRow(tx, repo.inventoryTables[kind], mergerId, itemId);
    await recordChange(tx, actor, {
      mergerId,
      entity: definition.entity,
      entityId: itemId,
      entityLabel: definition.label(item!),
      action: 'delete',
      changes: deletionChanges(item! as Record<string, unknown>, auditedFields(kind)),
    });
  });
}

export async function getSideBySide(ctx: ServiceContext, mergerId: string): Promise<SideBySide> {
  requireMergerAccess(ctx, mergerId);
  const municipalities = await municipalitiesOfMerger(ctx.db, mergerId);
  const systems = await repo.listSystemsForSideBySide(ctx.db, mergerId);
  return {
    municipalities,
    areas: sideBySide(
      solutionAreas(ctx.language),
      municipalities.map((m) => m.number),
      systems.map((system) => ({ ...system, hosting: system.hosting })),
    ),
  };
}

// ---------------------------------------------------------------- for other features (decision 001: through the service, never the repo)

/** Every contract with the systems it covers, read in one statement: what contract deadlines are computed from. The caller checked access. */
export function contractsWithSystems(db: Database, mergerId: string, only?: Parameters<typeof repo.listContractsWithSystems>[2]) {
  return repo.listContractsWithSystems(db, mergerId, only);
}
export type ContractWithSystems = Awaited<ReturnType<typeof repo.listContractsWithSystems>>[number];

// The Excel round trip (inventory-io) reads and writes whole kinds at once, in
// its own transaction and with its own history (one statement for the whole
// import). These are the inventory's statements for it; the caller checked access.

/** Whether the merger has any row in any register: its template then gets the Samla-ID column. */
export function hasAnyInventory(db: Database, mergerId: string): Promise<boolean> {
  return repo.hasAnyInventory(db, mergerId);
}

/** The systems some veivalg points at: deleting them is refused. */
export function systemIdsInDecisions(db: Database, mergerId: string): Promise<string[]> {
  return repo.listSystemIdsInDecisions(db, mergerId);
}

/** Every row of a kind in a merger, oldest first: the import diffs against these in memory. */
export function allRows<K extends InventoryKindKey>(db: Database, kind: K, mergerId: string) {
  return repo.listAllRows(db, kind, mergerId);
}

/** Every contract ↔ system link of a merger, in each contract's order. */
export function allContractSystemIds(db: Database, mergerId: string): Promise<Map<string, string[]>> {
  return repo.listAllContractSystemIds(db, mergerId);
}

/** Rows whose ids the caller chose (so later rows can point at them), and for contracts their systems, in few statements. */
export async function insertImportedRows(
  db: Database,
  kind: InventoryKindKey,
  rows: readonly Record<string, unknown>[],
  contractSystemLinks: ReadonlyArray<{ mergerId: string; contractId: string; systemId: string; position: number }> = [],
): Promise<void> {
  await repo.insertRows(db, repo.inventoryTables[kind], rows);
  if (kind === 'contracts') await repo.insertContractSystemLinks(db, contractSystemLinks);
}

/** Changes the given columns (and a contract's systems) if the row is still at `expectedVersion`; false when someone changed it first. */
export async function updateImportedRow(
  db: Database,
  kind: InventoryKindKey,
  mergerId: string,
  id: string,
  expectedVersion: number,
  columns: Record<string, unknown>,
  contractSystemIds?: string[],
): Promise<boolean> {
  const updated = await repo.updateRowIfVersion(db, repo.inventoryTables[kind], mergerId, id, expectedVersion, columns as never);
  if (!updated) return false;
  if (contractSystemIds) await repo.replaceContractSystems(db, mergerId, id, contractSystemIds);
  return true;
}

/** Deletes the row if it still has the version read; false when someone changed or deleted it meanwhile. */
export function deleteImportedRow(db: Database, kind: InventoryKindKey, mergerId: string, id: string, expectedVersion: number): Promise<boolean> {
  return repo.deleteRowIfVersion(db, repo.inventoryTables[kind], mergerId, id, expectedVersion);
}
