/**
 * Comments on tasks, veivalg, risks and benefits, with @mentions of members (issue 21,
 * decision 036). Who may: every member reads; prosjektmedarbeider and up write; a comment
 * is edited only by its author and deleted by its author or by prosjektleder and eier.
 * Every change is in history (the text as read, mentions as «@Navn»). Who is told: the
 * members a comment mentions («mentioned»), and the subject's followers («comment»): those
 * who commented on it before and the member responsible for it.
 */
import type { z } from 'zod';
import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import { DomainError, notFound, versionConflict } from '#server/platform/errors.ts';
import { recordChange } from '#server/platform/audit-trail/audit-trail.ts';
import { creationChanges, deletionChanges, diffFields } from '#server/platform/audit-trail/changes.ts';
import { roleAllows, type MergerRole } from '#server/platform/access/roles.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import { getTask } from '#server/features/plan/plan.tasks.service.ts';
import { getRisk } from '#server/features/risks/risks.service.ts';
import { getBenefit } from '#server/features/benefits/benefits.service.ts';
import { solutionAreas } from '#server/features/inventory/inventory.service.ts';
import { notify, type NotificationEvent } from '#server/features/notifications/notifications.service.ts';
import { membersNamed, responsibleMembersOfTasks } from '#server/features/notifications/notifications.events.service.ts';
import { commentExcerpt, formatCommentText, mentionedIds, parseCommentText, plainCommentText } from '#shared/comment-text.ts';
import type { Comment, CommentList, CommentListQuery, CommentSubjectKind, createCommentBody, updateCommentBody } from '#shared/contracts/comments.ts';
import { commentLink } from '#shared/subject-links.ts';
import { taskTitleInContext } from '#shared/task-title.ts';
import type { Localized } from '#shared/localized.ts';
import * as repo from './comments.repo.ts';

/** What history shows of a comment: its text as a person reads it. */
const auditedCommentFields = ['text'] as const;
const auditOf = (row: { body: string }) => ({ text: plainCommentText(row.body) });

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Prosjektleder and eier keep the conversation in order: they may delete anyone's comment. */
function mayModerate(role: MergerRole | undefined): boolean {
  return role === 'owner' || role === 'lead';
}

interface Subject {
  kind: CommentSubjectKind;
  id: string;
  title: string;
  /** Members responsible for it: they follow its comments. */
  responsibleUserIds: string[];
}

const commentNotFound: Localized = { nb: 'Fant ikke kommentaren.', nn: 'Fann ikkje kommentaren.', en: 'The comment was not found.' };
const theComment: Localized = { nb: 'Kommentaren', nn: 'Kommentaren', en: 'The comment' };

const subjectMissing: Record<CommentSubjectKind, () => DomainError> = {
  task: () => notFound('TASK_NOT_FOUND', { nb: 'Fant ikke oppgaven.', nn: 'Fann ikkje oppgåva.', en: 'The task was not found.' }),
  decision: () =>
    notFound('SOLUTION_AREA_NOT_FOUND', { nb: 'Fant ikke løsningsområdet.', nn: 'Fann ikkje løysingsområdet.', en: 'The solution area was not found.' }),
  risk: () => notFound('RISK_NOT_FOUND', { nb: 'Fant ikke risikoen.', nn: 'Fann ikkje risikoen.', en: 'The risk was not found.' }),
  benefit: () => notFound('BENEFIT_NOT_FOUND', { nb: 'Fant ikke gevinsten.', nn: 'Fann ikkje gevinsten.', en: 'The benefit was not found.' }),
};

/** The subject, asked of the feature it belongs to (which also says it is in this merger), or 404. */
async function findSubject(ctx: ServiceContext, mergerId: string, kind: CommentSubjectKind, id: string): Promise<Subject> {
  if (kind === 'decision') {
    const area = solutionAreas().find((candidate) => candidate.id === id);
    if (!area) throw subjectMissing.decision();
    return { kind, id, title: area.name, responsibleUserIds: [] };
  }
  if (!uuidPattern.test(id)) throw subjectMissing[kind]();
  switch (kind) {
    case 'task': {
      const task = await getTask(ctx, mergerId, id);
      const responsible = await responsibleMembersOfTasks(ctx.db, mergerId, [task.id]);
      return { kind, id, title: taskTitleInContext(task), responsibleUserIds: responsible.get(task.id) ?? [] };
    }
    case 'risk': {
      const risk = await getRisk(ctx, mergerId, id);
      return { kind, id, title: risk.title, responsibleUserIds: await membersNamed(ctx.db, mergerId, [risk.owner]) };
    }
    case 'benefit': {
      const { benefit } = await getBenefit(ctx, mergerId, id);
      return {
        kind,
        id,
        title: benefit.title,
        responsibleUserIds: [
          ...(benefit.responsibleUserId ? [benefit.responsibleUserId] : []),
          ...(await membersNamed(ctx.db, mergerId, [benefit.owner, benefit.responsibleUserId ? null : benefit.responsible])),
        ],
      };
    }
  }
}

async function toComments(db: Database, ctx: ServiceContext, rows: readonly repo.CommentRow[]): Promise<Comment[]> {
  const names = await repo.namesOf(db, [...new Set(rows.flatMap((row) => row.mentionedUserIds))]);
  const actor = actorOf(ctx);
  const moderator = mayModerate(ctx.membership?.role);
  const writer = ctx.membership ? roleAllows(ctx.membership.role, 'edit') : false;
  return rows.map((row) => {
    const mentioned = new Set(row.mentionedUserIds);
    const own = row.authorUserId === actor.userId;
    return {
      id: row.id,
      subjectKind: row.subjectKind,
      subjectId: row.subjectId,
      author: { userId: row.authorUserId, name: row.authorName },
      // Mentions show the member's name now: a renamed member reads right in old comments.
      body: formatCommentText(
        parseCommentText(row.body),
        (id) => mentioned.has(id),
        (id) => names.get(id),
      ),
      mentions: row.mentionedUserIds.map((userId) => ({ userId, name: names.get(userId) ?? '' })),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      edited: row.version > 1,
      version: row.version,
      mayEdit: writer && own,
      mayDelete: writer && (own || moderator),
    };
  });
}

/** The text to store: mentions of members kept (with their name now), anyone else's made plain text. */
async function resolveMentions(db: Database, mergerId: string, body: string): Promise<{ body: string; mentioned: string[] }> {
  const members = await repo.membersAmong(db, mergerId, mentionedIds(body));
  const text = formatCommentText(
    parseCommentText(body),
    (id) => members.has(id),
    (id) => members.get(id),
  );
  return { body: text, mentioned: mentionedIds(text) };
}

function events(
  kind: 'mentioned' | 'comment',
  recipients: Iterable<string>,
  mergerId: string,
  subject: Subject,
  saved: repo.CommentRow,
  actor: { userId: string; name: string },
): NotificationEvent[] {
  return [...recipients].map((recipientUserId) => ({
    kind,
    recipientUserId,
    mergerId,
    subject: { kind: subject.kind, id: subject.id, title: subject.title },
    link: commentLink(mergerId, subject.kind, subject.id, saved.id),
    actor: { userId: actor.userId, name: actor.name },
    excerpt: commentExcerpt(saved.body),
  }));
}

export async function listComments(ctx: ServiceContext, mergerId: string, query: CommentListQuery): Promise<CommentList> {
  requireMergerAccess(ctx, mergerId);
  await findSubject(ctx, mergerId, query.subjectKind, query.subjectId);
  const rows = await repo.listComments(ctx.db, mergerId, query.subjectKind, query.subjectId);
  return { comments: await toComments(ctx.db, ctx, rows), mayComment: ctx.membership ? roleAllows(ctx.membership.role, 'edit') : false };
}

export async function createComment(ctx: ServiceContext, mergerId: string, body: z.output<typeof createCommentBody>): Promise<Comment> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  // Read before the transaction: the subject's features read with their own connection.
  const subject = await findSubject(ctx, mergerId, body.subjectKind, body.subjectId);
  return ctx.db.transaction(async (tx) => {
    const { body: text, mentioned } = await resolveMentions(tx, mergerId, body.body);
    const followers = new Set([...(await repo.commenterIds(tx, mergerId, subject.kind, subject.id)), ...subject.responsibleUserIds]);
    const saved = await repo.insertComment(tx, {
      mergerId,
      subjectKind: subject.kind,
      subjectId: subject.id,
      authorUserId: actor.userId,
      authorName: actor.name,
      body: text,
      mentionedUserIds: mentioned,
    });
    await recordChange(tx, actor, {
      mergerId,
      entity: 'comment',
      entityId: saved.id,
      entityLabel: subject.title,
      action: 'create',
      changes: creationChanges(auditOf(saved), auditedCommentFields),
    });
    // A mentioned follower is told once, that they were mentioned.
    for (const userId of mentioned) followers.delete(userId);
    await notify(tx, [...events('mentioned', mentioned, mergerId, subject, saved, actor), ...events('comment', followers, mergerId, subject, saved, actor)]);
    return (await toComments(tx, ctx, [saved]))[0]!;
  });
}

async function requireComment(db: Database, mergerId: string, commentId: string): Promise<repo.CommentRow> {
  const row = await repo.findComment(db, mergerId, commentId, { lock: true });
  if (!row) throw notFound('COMMENT_NOT_FOUND', commentNotFound);
  return row;
}

export async function updateComment(ctx: ServiceContext, mergerId: string, commentId: string, body: z.output<typeof updateCommentBody>): Promise<Comment> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  const current = await repo.findComment(ctx.db, mergerId, commentId);
  if (!current) throw notFound('COMMENT_NOT_FOUND', commentNotFound);
  const subject = await findSubject(ctx, mergerId, current.subjectKind, current.subjectId);
  return ctx.db.transaction(async (tx) => {
    const locked = await requireComment(tx, mergerId, commentId);
    // What someone wrote stays theirs: nobody else puts words in it.
    if (locked.authorUserId !== actor.userId)
      throw new DomainError('NOT_COMMENT_AUTHOR', 403, {
        nb: 'Du kan bare endre dine egne kommentarer.',
        nn: 'Du kan berre endre dine eigne kommentarar.',
        en: 'You can only edit your own comments.',
      });
    if (body.version !== locked.version) throw versionConflict(theComment, locked.version);
    const { body: text, mentioned } = await resolveMentions(tx, mergerId, body.body);
    const saved = await repo.updateCommentIfVersion(tx, mergerId, commentId, body.version, { body: text, mentionedUserIds: mentioned });
    if (!saved) throw versionConflict(theComment, null);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'comment',
      entityId: saved.id,
      entityLabel: subject.title,
      action: 'update',
      changes: diffFields(auditOf(locked), auditOf(saved), auditedCommentFields),
    });
    // Only those mentioned for the first time are told; an edit is not news to followers.
    const before = new Set(locked.mentionedUserIds);
    await notify(
      tx,
      events(
        'mentioned',
        mentioned.filter((id) => !before.has(id)),
        mergerId,
        subject,
        saved,
        actor,
      ),
    );
    return (await toComments(tx, ctx, [saved]))[0]!;
  });
}

export async function deleteComment(ctx: ServiceContext, mergerId: string, commentId: string, version: number): Promise<void> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const current = await requireComment(tx, mergerId, commentId);
    if (current.authorUserId !== actor.userId && !mayModerate(ctx.membership?.role)) {
      throw new DomainError('NOT_COMMENT_AUTHOR', 403, {
        nb: 'Du kan bare slette dine egne kommentarer. Prosjektleder og eier kan slette alle.',
        nn: 'Du kan berre slette dine eigne kommentarar. Prosjektleiar og eigar kan slette alle.',
        en: 'You can only delete your own comments. The project manager and the owner can delete any comment.',
      });
    }
    if (version !== current.version) throw versionConflict(theComment, current.version);
    if (!(await repo.deleteCommentIfVersion(tx, mergerId, commentId, version))) throw versionConflict(theComment, null);
    await recordChange(tx, actor, {
      mergerId,
      entity: 'comment',
      entityId: commentId,
      entityLabel: current.authorName,
      action: 'delete',
      changes: deletionChanges(auditOf(current), auditedCommentFields),
    });
  });
}
