import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { deleteIfVersion, updateIfVersion } from '#server/platform/db/versioned-write.ts';
import { comments, mergerMembers, users } from '#server/platform/db/schema/index.ts';
import type { CommentSubjectKind } from '#shared/contracts/comments.ts';

export type CommentRow = typeof comments.$inferSelect;
export type NewCommentRow = typeof comments.$inferInsert;

export function listComments(db: Database, mergerId: string, subjectKind: CommentSubjectKind, subjectId: string): Promise<CommentRow[]> {
  return db
    .select()
    .from(comments)
    .where(and(eq(comments.mergerId, mergerId), eq(comments.subjectKind, subjectKind), eq(comments.subjectId, subjectId)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

export async function findComment(db: Database, mergerId: string, commentId: string, options: { lock?: boolean } = {}): Promise<CommentRow | null> {
  const query = db
    .select()
    .from(comments)
    .where(and(eq(comments.mergerId, mergerId), eq(comments.id, commentId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertComment(db: Database, row: NewCommentRow): Promise<CommentRow> {
  const [saved] = await db.insert(comments).values(row).returning();
  return saved!;
}

export function updateCommentIfVersion(
  db: Database,
  mergerId: string,
  commentId: string,
  version: number,
  changes: { body: string; mentionedUserIds: string[] },
) {
  return updateIfVersion(db, comments, { mergerId, id: commentId }, version, changes);
}

export function deleteCommentIfVersion(db: Database, mergerId: string, commentId: string, version: number): Promise<boolean> {
  return deleteIfVersion(db, comments, { mergerId, id: commentId }, version);
}

/** Everyone who has commented on the subject: they follow it (decision 036). */
export async function commenterIds(db: Database, mergerId: string, subjectKind: CommentSubjectKind, subjectId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: comments.authorUserId })
    .from(comments)
    .where(and(eq(comments.mergerId, mergerId), eq(comments.subjectKind, subjectKind), eq(comments.subjectId, subjectId)));
  return rows.flatMap((row) => (row.userId ? [row.userId] : []));
}

/** Of `userIds`, the merger's members with their names now: who may be mentioned, and how they are called. */
export async function membersAmong(db: Database, mergerId: string, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: users.id, name: users.name })
    .from(mergerMembers)
    .innerJoin(users, eq(users.id, mergerMembers.userId))
    .where(and(eq(mergerMembers.mergerId, mergerId), inArray(mergerMembers.userId, [...userIds])));
  return new Map(rows.map((row) => [row.userId, row.name]));
}

/** Names now of the people named in comments (authors and mentioned), members or not. */
export async function namesOf(db: Database, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  return new Map(rows.map((row) => [row.id, row.name]));
}
