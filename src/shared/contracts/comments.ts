import { z } from 'zod';
import { requiredText, uuidParam } from './common.ts';

/**
 * Comments on what the project works on (issue 21, decision 036). A veivalg is named by
 * its solution area's id (the area page), the others by their row's id.
 */
export const commentSubjectKinds = ['task', 'decision', 'risk', 'benefit'] as const;
export const commentSubjectKind = z.enum(commentSubjectKinds);
export type CommentSubjectKind = z.infer<typeof commentSubjectKind>;

/** Long enough for a few paragraphs; a comment is not a document. */
export const commentMaxLength = 5000;

const subjectId = z.string().trim().min(1).max(200).describe('Oppgavens, risikoens eller gevinstens id; for veivalg løsningsområdets id');

export const commentListQuery = z.object({ subjectKind: commentSubjectKind, subjectId });
export type CommentListQuery = z.infer<typeof commentListQuery>;

export const commentParams = z.object({ mergerId: uuidParam, commentId: uuidParam });

const body = requiredText(commentMaxLength).describe(
  'Teksten. Nevn et medlem som @[Navn](brukerId): de får et varsel, og navnet vises slik det er nå. Andre enn medlemmer blir vanlig tekst.',
);

export const createCommentBody = z.object({ subjectKind: commentSubjectKind, subjectId, body });
export type CreateCommentBody = z.input<typeof createCommentBody>;

export const updateCommentBody = z.object({ body, version: z.number().int().min(1).describe('Versjonen endringen startet fra; utdatert gir 409') });
export type UpdateCommentBody = z.input<typeof updateCommentBody>;

export const deleteCommentQuery = z.object({
  version: z.coerce.number().int().min(1).describe('Versjonen som slettes; utdatert versjon gir 409'),
});

export const comment = z
  .object({
    id: z.uuid(),
    subjectKind: commentSubjectKind,
    subjectId: z.string(),
    author: z.object({ userId: z.uuid().nullable(), name: z.string() }),
    body: z.string().describe('Med nevnte medlemmer som @[Navn](brukerId), navnet slik det er nå'),
    mentions: z.array(z.object({ userId: z.uuid(), name: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    edited: z.boolean(),
    version: z.number().int(),
    /** What the caller may do with it: their own they edit and delete; prosjektleder and eier delete any. */
    mayEdit: z.boolean(),
    mayDelete: z.boolean(),
  })
  .meta({ id: 'Comment' });
export type Comment = z.infer<typeof comment>;

export const commentListResponse = z.object({
  comments: z.array(comment).describe('Eldste først'),
  /** Whether the caller may write here (prosjektmedarbeider and up). */
  mayComment: z.boolean(),
});
export type CommentList = z.infer<typeof commentListResponse>;
