import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { bulkInsert } from '#server/db/bulk-insert.ts';
import type { Database } from '#server/db/client.ts';
import { auditEvents } from '#server/db/schema/index.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insertAuditEvents(db: Database, events: NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await bulkInsert(db, auditEvents, events);
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

export async function listAuditEvents(db: Database, mergerId: string, filter: AuditFilter): Promise<AuditEventRow[]> {
  const conditions: SQL[] = [eq(auditEvents.mergerId, mergerId)];
  if (filter.entity) conditions.push(eq(auditEvents.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.actorUserId) conditions.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.from) conditions.push(gte(auditEvents.at, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.at, filter.to));
  const query = db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id));
  return filter.limit ? query.limit(filter.limit) : query;
}
