import { Readable } from 'node:stream';
import type { ServiceContext } from '#server/platform/context.ts';
import { asBuffer, madeFileRunOptions, workerPool } from '#server/platform/workers/worker-pool.ts';
import type { ReferenceNames, StoredChange } from '#server/platform/audit-trail/audit-trail.ts';
import type { AuditEntry } from '#shared/contracts/audit.ts';
import type { Language } from '#shared/language.ts';
import { documentLanguageOf } from '#server/features/mergers/mergers.service.ts';
import { auditCsvLines, auditRows, historyWorkbook } from './audit.export.ts';
import { namesNow } from './audit.names.ts';
import { presentEntry, referencesIn, withNames, type ReferenceTarget } from './audit.presentation.ts';
import * as repo from './audit.repo.ts';

/**
 * The names every reference in these changes has now (one query per kind of
 * row and merger), kept with the change when it is written: the platform's
 * history writer gets this from the composition root (useReferenceNames).
 */
export const keepReferenceNames: ReferenceNames = async (db, records) => {
  const lookups = new Map<string, Awaited<ReturnType<typeof namesNow>>>();
  for (const [mergerId, wanted] of referencesByMerger(records)) lookups.set(mergerId, await namesNow(db, mergerId, wanted));
  return records.map((record) => {
    const lookup = lookups.get(record.mergerId);
    return lookup ? record.changes.map((change) => withNames(record.entity, change, lookup)) : record.changes;
  });
};

/** Per merger, the ids each kind of reference in these changes points at. */
function referencesByMerger(
  records: readonly { mergerId: string; entity: string; changes: readonly StoredChange[] }[],
): Map<string, Map<ReferenceTarget, Set<string>>> {
  const byMerger = new Map<string, Map<ReferenceTarget, Set<string>>>();
  for (const record of records) {
    for (const change of record.changes) {
      const references = referencesIn(record.entity, change);
      if (!references || references.ids.length === 0) continue;
      let wanted = byMerger.get(record.mergerId);
      if (!wanted) byMerger.set(record.mergerId, (wanted = new Map()));
      let ids = wanted.get(references.target);
      if (!ids) wanted.set(references.target, (ids = new Set()));
      for (const id of references.ids) ids.add(id);
    }
  }
  return byMerger;
}

/**
 * The history, newest first, each entry with its words for people (`display`)
 * in `language`: the reader's on the page, the merger's in its files.
 * References written before names were kept with them read by today's name,
 * or «(slettet)» when the row is gone.
 */
export async function listHistory(
  ctx: ServiceContext,
  mergerId: string,
  filter: repo.AuditFilter,
  language: Language = ctx.language ?? 'nb',
): Promise<AuditEntry[]> {
  const rows = await repo.listAuditEvents(ctx.db, mergerId, filter);
  const missing = referencesByMerger(
    rows.map((row) => ({
      mergerId,
      entity: row.entity,
      changes: (row.changes as StoredChange[]).filter((change) => !('oldLabel' in change) && !('newLabel' in change)),
    })),
  );
  const lookup = await namesNow(ctx.db, mergerId, missing.get(mergerId) ?? new Map());
  return rows.map((row) => {
    const changes = row.changes as StoredChange[];
    const action = row.action;
    return {
      id: row.id,
      at: row.at.toISOString(),
      actor: { userId: row.actorUserId, name: row.actorName, email: row.actorEmail },
      entity: row.entity,
      entityId: row.entityId,
      entityLabel: row.entityLabel,
      action,
      // The stored values as they are, for programs; the names kept with them are in `display`.
      changes: changes.map(({ field, old, new: value }) => ({ field, old, new: value })),
      display: presentEntry({ entity: row.entity, entityLabel: row.entityLabel, action, changes }, lookup, language),
    };
  });
}

/**
 * The history as a file with the page's filters, in the merger's document
 * language (a file is the merger's, whoever downloads it). The xlsx is written
 * in a worker thread and the CSV is sent a line at a time (decision 024): a
 * long history must not hold up everyone else's requests.
 */
export async function exportHistory(ctx: ServiceContext, mergerId: string, filter: repo.AuditFilter, format: 'xlsx' | 'csv'): Promise<Buffer | Readable> {
  const language = await documentLanguageOf(ctx.db, mergerId);
  const entries = await listHistory(ctx, mergerId, filter, language);
  if (format === 'csv') return Readable.from(auditCsvLines(entries, language));
  const workbook = historyWorkbook(auditRows(entries, language), language);
  return asBuffer(await workerPool().run('writeTableWorkbook', workbook, madeFileRunOptions));
}
