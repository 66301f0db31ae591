import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Comment, CommentList, CommentSubjectKind, CreateCommentBody, UpdateCommentBody } from '#shared/contracts/comments.ts';
import { apiRequest } from '#web/lib/api-client.ts';
import { mergerKeys } from '#web/features/mergers/mergers.api.ts';

const base = (mergerId: string) => `/mergers/${encodeURIComponent(mergerId)}/comments`;

export const commentKeys = {
  subject: (mergerId: string, subjectKind: CommentSubjectKind, subjectId: string) =>
    [...mergerKeys.detail(mergerId), 'comments', subjectKind, subjectId] as const,
};

export const commentsQuery = (mergerId: string, subjectKind: CommentSubjectKind, subjectId: string) =>
  queryOptions({
    queryKey: commentKeys.subject(mergerId, subjectKind, subjectId),
    queryFn: ({ signal }) =>
      apiRequest<CommentList>(`${base(mergerId)}?${new URLSearchParams({ subjectKind, subjectId })}`, {
        signal,
      }),
  });

export function useComments(mergerId: string, subjectKind: CommentSubjectKind, subjectId: string) {
  return useQuery(commentsQuery(mergerId, subjectKind, subjectId));
}

/** After a change: this thread, and history (which records comments). */
function useRefresh(mergerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: mergerKeys.detail(mergerId) });
}

export function useAddComment(mergerId: string) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: (body: CreateCommentBody) => apiRequest<Comment>(base(mergerId), { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useEditComment(mergerId: string) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: ({ commentId, ...body }: UpdateCommentBody & { commentId: string }) =>
      apiRequest<Comment>(`${base(mergerId)}/${encodeURIComponent(commentId)}`, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

export function useDeleteComment(mergerId: string) {
  const refresh = useRefresh(mergerId);
  return useMutation({
    mutationFn: ({ commentId, version }: { commentId: string; version: number }) =>
      apiRequest<void>(`${base(mergerId)}/${encodeURIComponent(commentId)}?version=${version}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
