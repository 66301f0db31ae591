import type { Actor, ServiceContext } from '#server/context.ts';
import type { Database } from '#server/db/client.ts';
import type { AuditEntry } from '#shared/contracts/audit.ts';
import type { FieldChange } from './audit.domain.ts';
import type { InventoryEntity } from '#server/features/inventory/inventory.kinds.ts';
import * as repo from './audit.repo.ts';

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
  | InventoryEntity;
export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditRecord {
  mergerId: string;
  entity: AuditedEntity;
  entityId: string;
  entityLabel?: string;
  action: AuditAction;
  changes: FieldChange[];
}

/**
 * Records a change in the caller's transaction, so history and data are
 * written together or not at all. An update that changed nothing is not history.
 */
export async function recordChange(db: Database, actor: Actor, record: AuditRecord): Promise<void> {
  if (record.action === 'update' && record.changes.length === 0) return;
  await repo.insertAuditEvents(db, [
    {
      mergerId: record.mergerId,
      actorUserId: actor.userId,
      actorName: actor.name,
      actorEmail: actor.email,
      entity: record.entity,
      entityId: record.entityId,
      entityLabel: record.entityLabel ?? null,
      action: record.action,
      changes: record.changes,
    },
  ]);
}

/** Many changes in one statement, in the caller's transaction: what an import writes. */
export async function recordChanges(db: Database, actor: Actor, records: readonly AuditRecord[]): Promise<void> {
  const events = records
    .filter((record) => !(record.action === 'update' && record.changes.length === 0))
    .map((record) => ({
      mergerId: record.mergerId,
      actorUserId: actor.userId,
      actorName: actor.name,
      actorEmail: actor.email,
      entity: record.entity,
      entityId: record.entityId,
      entityLabel: record.entityLabel ?? null,
      action: record.action,
      changes: record.changes,
    }));
  await repo.insertAuditEvents(db, events);
}

export type { AuditEntry };

export async function listHistory(
  ctx: ServiceContext,
  mergerId: string,
  filter: repo.AuditFilter,
): Promise<AuditEntry[]> {
  const rows = await repo.listAuditEvents(ctx.db, mergerId, filter);
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: { userId: row.actorUserId, name: row.actorName, email: row.actorEmail },
    entity: row.entity,
    entityId: row.entityId,
    entityLabel: row.entityLabel,
    action: row.action as AuditAction,
    changes: row.changes,
  }));
}
