import { eq } from 'drizzle-orm';
import { bulkInsert } from '#server/platform/db/bulk-insert.ts';
import type { Database } from '#server/platform/db/client.ts';
import { auditEvents } from '#server/platform/db/schema/index.ts';

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insertAuditEvents(db: Database, events: NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await bulkInsert(db, auditEvents, events);
}

export async function deleteAuditEventsOf(db: Database, mergerId: string): Promise<void> {
  await db.delete(auditEvents).where(eq(auditEvents.mergerId, mergerId));
}
