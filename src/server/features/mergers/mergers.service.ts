import type { z } from 'zod';
import { loadCatalog } from '#catalog/catalog.ts';
import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import { creationChanges } from '#server/platform/audit-trail/changes.ts';
import { recordChange } from '#server/platform/audit-trail/audit-trail.ts';
import { permissionsOf } from '#server/platform/access/roles.ts';
import { addFounder, mergerIdsOf } from '#server/features/members/members.service.ts';
import { invalid, notFound } from '#server/platform/errors.ts';
import { addLibraryTasks, checklistProgress, progressByMerger } from '#server/features/plan/plan.tasks.service.ts';
import { registerProblemsAsFields } from '#server/features/municipalities/municipalities.service.ts';
import type { createMergerBody, Merger, MergerDetail, MergerSummary } from '#shared/contracts/mergers.ts';
import { requireMergerAccess } from '../../platform/access/merger-guard.ts';
import * as repo from './mergers.repo.ts';
import { todayOf } from '#server/platform/clock.ts';

function toMerger(row: repo.MergerRow, municipalities: repo.MergerMunicipalityRow[]): Merger {
  return {
    id: row.id,
    name: row.name,
    newMunicipalityName: row.newMunicipalityName,
    mergerDate: row.mergerDate,
    municipalities: municipalities.map((m) => ({
      number: m.municipalityNumber,
      name: m.name,
      languageForm: m.languageForm as Merger['municipalities'][number]['languageForm'],
    })),
    catalog: { id: row.catalogId, version: row.catalogVersion },
    createdAt: row.createdAt.toISOString(),
    isDemo: row.isDemo,
    version: row.version,
  };
}

/** `isDemo`: only the demo feature sets it, so the API's create body cannot mark a real merger as demo. */
export async function createMerger(ctx: ServiceContext, body: z.output<typeof createMergerBody>, options: { isDemo?: boolean } = {}): Promise<Merger> {
  const selection = registerProblemsAsFields(body.municipalities, todayOf(ctx));
  if (!selection.ok) {
    throw invalid(selection.code, selection.message, selection.problems);
  }
  const catalog = loadCatalog();
  const actor = actorOf(ctx);
  const { row, municipalities } = await ctx.db.transaction(async (tx) => {
    const municipalityRows = selection.municipalities.map((m) => ({
      municipalityNumber: m.number,
      name: m.name,
      languageForm: m.languageForm,
    }));
    const inserted = await repo.insertMerger(
      tx,
      {
        name: body.name,
        newMunicipalityName: body.newMunicipalityName,
        mergerDate: body.mergerDate,
        catalogId: catalog.id,
        catalogVersion: catalog.version,
        isDemo: options.isDemo ?? false,
      },
      municipalityRows,
    );
    await addLibraryTasks(tx, inserted.id, catalog);
    await addFounder(tx, inserted.id, actor.userId);
    await recordChange(tx, actor, {
      mergerId: inserted.id,
      entity: 'merger',
      entityId: inserted.id,
      entityLabel: inserted.name,
      action: 'create',
      changes: [
        ...creationChanges(inserted, ['name', 'newMunicipalityName', 'mergerDate'] as const),
        ...(inserted.isDemo ? [{ field: 'isDemo', old: null, new: true }] : []),
        { field: 'municipalities', old: null, new: municipalityRows.map((m) => m.municipalityNumber) },
      ],
    });
    return { row: inserted, municipalities: await repo.listMunicipalitiesOf(tx, [inserted.id]) };
  });
  return toMerger(row, municipalities);
}

export async function listMergers(ctx: ServiceContext): Promise<MergerSummary[]> {
  // Only the mergers the user belongs to: membership is the whole visibility rule.
  const rows = await repo.listMergers(ctx.db, await mergerIdsOf(ctx.db, actorOf(ctx).userId));
  const ids = rows.map((row) => row.id);
  const [municipalities, progress] = await Promise.all([repo.listMunicipalitiesOf(ctx.db, ids), progressByMerger(ctx, ids)]);
  const municipalitiesByMerger = new Map<string, repo.MergerMunicipalityRow[]>();
  for (const m of municipalities) municipalitiesByMerger.set(m.mergerId, [...(municipalitiesByMerger.get(m.mergerId) ?? []), m]);
  return rows.map((row) => {
    const { id, name, newMunicipalityName, mergerDate, municipalities: picked, isDemo, version } = toMerger(row, municipalitiesByMerger.get(row.id) ?? []);
    return { id, name, newMunicipalityName, mergerDate, municipalities: picked, isDemo, version, progress: progress.get(row.id)! };
  });
}

export async function getMerger(ctx: ServiceContext, mergerId: string): Promise<MergerDetail> {
  requireMergerAccess(ctx, mergerId);
  const [row, municipalities, progress] = await Promise.all([
    repo.findMerger(ctx.db, mergerId),
    repo.listMunicipalitiesOf(ctx.db, [mergerId]),
    checklistProgress(ctx, mergerId),
  ]);
  if (!row) throw notFound('MERGER_NOT_FOUND', 'Fant ikke sammenslåingen.');
  const myRole = ctx.membership!.role;
  return { ...toMerger(row, municipalities), progress, myRole, myPermissions: permissionsOf(myRole) };
}

/** The municipalities of a merger in their order, for features that file content under one of them. */
export async function municipalitiesOfMerger(db: Database, mergerId: string): Promise<Array<{ number: string; name: string }>> {
  const rows = await repo.listMunicipalitiesOf(db, [mergerId]);
  return rows.map((row) => ({ number: row.municipalityNumber, name: row.name }));
}

/** The merger date, for features whose deadlines count from it. */
export async function mergerDateOf(db: Database, mergerId: string): Promise<string> {
  return (await mergerBasics(db, mergerId)).mergerDate;
}

/** Name and merger date, for features that label or count from them. */
export async function mergerBasics(db: Database, mergerId: string): Promise<{ name: string; mergerDate: string }> {
  const row = await repo.findMerger(db, mergerId);
  if (!row) throw notFound('MERGER_NOT_FOUND', 'Fant ikke sammenslåingen.');
  return { name: row.name, mergerDate: row.mergerDate };
}
