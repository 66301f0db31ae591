import { alias } from 'drizzle-orm/pg-core';
import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { AuditAction } from '#server/platform/audit-trail/audit-trail.ts';
import type { Database } from '#server/platform/db/client.ts';
import { auditEvents, integrations, systems, tasks } from '#server/platform/db/schema/index.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorUserId?: string;
  action?: AuditAction;
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

/** The names of a merger's systems, by id; a deleted system is simply absent. */
export async function systemNames(db: Database, mergerId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: systems.id, name: systems.name })
    .from(systems)
    .where(and(eq(systems.mergerId, mergerId), inArray(systems.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The titles of a merger's tasks, by id. */
export async function taskTitles(db: Database, mergerId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), inArray(tasks.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row.title]));
}

export interface IntegrationEnds {
  id: string;
  fromName: string | null;
  toName: string | null;
  commonSolutionId: string | null;
}

/** A merger's integrations with the names of the systems at their ends, by id. */
export async function integrationEnds(db: Database, mergerId: string, ids: readonly string[]): Promise<IntegrationEnds[]> {
  if (ids.length === 0) return [];
  const fromSystem = alias(systems, 'from_system');
  const toSystem = alias(systems, 'to_system');
  return db
    .select({ id: integrations.id, fromName: fromSystem.name, toName: toSystem.name, commonSolutionId: integrations.commonSolutionId })
    .from(integrations)
    .leftJoin(fromSystem, eq(fromSystem.id, integrations.fromSystemId))
    .leftJoin(toSystem, eq(toSystem.id, integrations.toSystemId))
    .where(and(eq(integrations.mergerId, mergerId), inArray(integrations.id, [...ids])));
}
