/**
 * The history writer every feature uses: a change is recorded in the caller's
 * transaction, so history and data are written together or not at all.
 * Reading, presenting and exporting history is the audit feature's; so is
 * knowing what each field points at and what those rows and register entries
 * are called. That knowledge depends on the features whose changes it names,
 * so it reaches the writer the other way round: the composition root hands it
 * over (useReferenceNames) when the app or a command starts.
 */
import type { Actor } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import type { FieldChange } from './changes.ts';
import * as repo from './audit-trail.repo.ts';

/** The names history records changes under. */
export type AuditedEntity =
  | 'merger'
  | 'task'
  | 'member'
  | 'decision'
  | 'calendarFeed'
  | 'benefit'
  | 'indicator'
  | 'measurement'
  | 'phase'
  | 'milestone'
  | 'risk'
  | 'mitigation'
  | 'riskMatrix'
  | 'comment'
  | 'statusReport'
  // The inventory's eight kinds (inventory.kinds.ts).
  | 'system'
  | 'digitalService'
  | 'contract'
  | 'integration'
  | 'archive'
  | 'infrastructure'
  | 'itOrganisation'
  | 'intermunicipalCooperation';

export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditRecord {
  mergerId: string;
  entity: AuditedEntity;
  entityId: string;
  entityLabel?: string;
  action: AuditAction;
  changes: FieldChange[];
}

/** A stored change: the value as written, and for references the names they had then. */
export interface StoredChange {
  field: string;
  old: unknown;
  new: unknown;
  /** The referenced row's name (a list for a list of ids) when the change was written. */
  oldLabel?: string | (string | null)[] | null;
  newLabel?: string | (string | null)[] | null;
}

/**
 * Gives each change that points at another row (a system, a task, an
 * integration) or a register entry the names those have now, so history reads
 * the same after the row is renamed or deleted. Reads in the caller's transaction.
 */
export type ReferenceNames = (db: Database, records: readonly AuditRecord[]) => Promise<StoredChange[][]>;

let referenceNames: ReferenceNames | undefined;

/** Called by a composition root (app.ts, a CLI command) before anything is recorded. */
export function useReferenceNames(names: ReferenceNames): void {
  referenceNames = names;
}

/** Records a change in the caller's transaction. An update that changed nothing is not history. */
export async function recordChange(db: Database, actor: Actor, record: AuditRecord): Promise<void> {
  await recordChanges(db, actor, [record]);
}

/** Many changes in one statement, in the caller's transaction: what an import writes. */
export async function recordChanges(db: Database, actor: Actor, records: readonly AuditRecord[]): Promise<void> {
  const kept = records.filter((record) => !(record.action === 'update' && record.changes.length === 0));
  if (kept.length === 0) return;
  // Without the names, history would silently lose them: refuse instead, so a forgotten composition root fails its first test.
  if (!referenceNames) throw new Error('history has no reference names: the composition root must call useReferenceNames first');
  const named = await referenceNames(db, kept);
  await repo.insertAuditEvents(
    db,
    kept.map((record, index) => ({
      mergerId: record.mergerId,
      actorUserId: actor.userId,
      actorName: actor.name,
      actorEmail: actor.email,
      entity: record.entity,
      entityId: record.entityId,
      entityLabel: record.entityLabel ?? null,
      action: record.action,
      changes: named[index] ?? record.changes,
    })),
  );
}

/** Removes a merger's history, in the caller's transaction: only the merger's own deletion does (decision 033). */
export async function forgetMergerHistory(db: Database, mergerId: string): Promise<void> {
  await repo.deleteAuditEventsOf(db, mergerId);
}
