import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { statusReports, tasks } from '#server/platform/db/schema/index.ts';

export type NewStatusReportRow = typeof statusReports.$inferInsert;

/** What the list shows of a report: everything but the PDF's bytes, with their size. */
const summaryColumns = {
  id: statusReports.id,
  periodFrom: statusReports.periodFrom,
  periodTo: statusReports.periodTo,
  overallStatus: statusReports.overallStatus,
  statusReason: statusReports.statusReason,
  mainPoints: statusReports.mainPoints,
  decisionsRequested: statusReports.decisionsRequested,
  issuedByName: statusReports.issuedByName,
  issuedAt: statusReports.issuedAt,
  fileName: statusReports.fileName,
  size: sql<number>`octet_length(${statusReports.pdf})`.mapWith(Number),
};
export type StatusReportSummary = {
  [K in keyof typeof summaryColumns]: K extends 'size' ? number : (typeof statusReports.$inferSelect)[K & keyof typeof statusReports.$inferSelect];
};

/** The merger's issued reports, newest first. */
export async function listStatusReports(db: Database, mergerId: string): Promise<StatusReportSummary[]> {
  return db
    .select(summaryColumns)
    .from(statusReports)
    .where(eq(statusReports.mergerId, mergerId))
    .orderBy(desc(statusReports.issuedAt), desc(statusReports.id));
}

/** When the last report was issued, or undefined: the next period starts there. */
export async function lastIssuedAt(db: Database, mergerId: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ issuedAt: statusReports.issuedAt })
    .from(statusReports)
    .where(eq(statusReports.mergerId, mergerId))
    .orderBy(desc(statusReports.issuedAt))
    .limit(1);
  return row?.issuedAt;
}

export async function insertStatusReport(db: Database, row: NewStatusReportRow): Promise<StatusReportSummary> {
  const [inserted] = await db.insert(statusReports).values(row).returning(summaryColumns);
  if (!inserted) throw new Error('insert into status_reports returned no row');
  return inserted;
}

/** The stored PDF exactly as issued, with its file name. */
export async function findStatusReportPdf(db: Database, mergerId: string, reportId: string) {
  const [row] = await db
    .select({ fileName: statusReports.fileName, pdf: statusReports.pdf })
    .from(statusReports)
    .where(and(eq(statusReports.mergerId, mergerId), eq(statusReports.id, reportId)));
  return row;
}

/** Tasks set to «ferdig» between two instants and still done, in the order they were done. */
export async function tasksCompletedBetween(db: Database, mergerId: string, from: Date, to: Date): Promise<Array<{ taskId: string; at: Date }>> {
  const rows = await db
    .select({ taskId: tasks.id, at: tasks.completedAt })
    .from(tasks)
    .where(and(eq(tasks.mergerId, mergerId), eq(tasks.status, 'done'), gte(tasks.completedAt, from), lt(tasks.completedAt, to)))
    .orderBy(asc(tasks.completedAt), asc(tasks.position));
  return rows.map((row) => ({ taskId: row.taskId, at: row.at! }));
}
