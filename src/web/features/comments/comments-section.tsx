import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { commentMaxLength, type Comment, type CommentSubjectKind } from '#shared/contracts/comments.ts';
import { parseCommentText } from '#shared/comment-text.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { useMembers } from '#web/features/members/members.api.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { useAddComment, useComments, useDeleteComment, useEditComment } from './comments.api.ts';
import { CommentEditor } from './comment-editor.tsx';
import { toEditableText, toStoredBody, type Mentionable } from './mention-input.ts';
import '#web/styles/comments.css';

interface CommentsProps {
  mergerId: string;
  subjectKind: CommentSubjectKind;
  /** The row's id; for a veivalg the solution area's id. */
  subjectId: string;
}

/**
 * «Kommentarer» under a task, a veivalg, a risk or a benefit (issue 21, decision 036):
 * everyone in the merger reads; prosjektmedarbeider and up write, with @mentions; each
 * person edits and deletes their own, prosjektleder and eier delete any.
 */
export function Comments({ mergerId, subjectKind, subjectId }: CommentsProps) {
  const { m } = useI18n();
  const t = m.comments;
  const headingId = useId();
  const comments = useComments(mergerId, subjectKind, subjectId);
  const mayComment = comments.data?.mayComment ?? false;
  const members = useMembers(mergerId);
  const mentionable: Mentionable[] = (members.data ?? []).map((member) => ({ userId: member.userId, name: member.name }));
  const location = useLocation();

  // A notification's link ends in #kommentar-<id>: show that comment once the thread is there.
  const loaded = comments.data !== undefined;
  useEffect(() => {
    if (!loaded || !location.hash.startsWith('#kommentar-')) return;
    const target = document.getElementById(location.hash.slice(1));
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }, [loaded, location.hash]);

  return (
    <section className='samla-section samla-comments' aria-labelledby={headingId}>
      <Heading level={2} data-size='sm' id={headingId}>
        {t.heading}
      </Heading>
      {comments.isError ? (
        <LoadError error={comments.error} onRetry={() => void comments.refetch()} />
      ) : !comments.data ? (
        <Loading />
      ) : (
        <>
          {comments.data.comments.length === 0 ? (
            <Paragraph>{t.none}</Paragraph>
          ) : (
            <ol className='samla-comment-list' aria-label={t.listLabel}>
              {comments.data.comments.map((comment) => (
                <CommentItem key={comment.id} mergerId={mergerId} comment={comment} members={mentionable} />
              ))}
            </ol>
          )}
          {mayComment ? (
            <NewComment mergerId={mergerId} subjectKind={subjectKind} subjectId={subjectId} members={mentionable} />
          ) : (
            <Paragraph data-size='sm' className='samla-muted'>
              {t.readerNote}
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}

/** The text as written, with mentions standing out. */
function CommentBody({ body }: { body: string }) {
  return (
    <p className='samla-comment__body'>
      {parseCommentText(body).map((part, index) =>
        part.userId ? (
          <strong key={index} className='samla-mention'>
            @{part.text}
          </strong>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function useCommentCheck() {
  const { m, fmt } = useI18n();
  return (text: string): string | undefined => {
    if (text.trim() === '') return m.comments.required;
    if (text.trim().length > commentMaxLength) return m.comments.tooLong(fmt.number(commentMaxLength));
    return undefined;
  };
}

function NewComment({ mergerId, subjectKind, subjectId, members }: CommentsProps & { members: Mentionable[] }) {
  const { m } = useI18n();
  const t = m.comments;
  const announce = useAnnounce();
  const add = useAddComment(mergerId);
  const check = useCommentCheck();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Mentionable[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const fieldId = `new-comment-${subjectKind}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problem = check(text);
    setError(problem);
    if (problem) {
      document.getElementById(fieldId)?.focus();
      return;
    }
    add.mutate(
      { subjectKind, subjectId, body: toStoredBody(text, picked) },
      {
        onSuccess: () => {
          setText('');
          setPicked([]);
          announce(t.added);
        },
        onError: (failure) => setError(errorText(failure, m)),
      },
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className='samla-form samla-comment-form'>
      <Paragraph data-size='sm' className='samla-muted'>
        {t.lead}
      </Paragraph>
      <CommentEditor
        id={fieldId}
        label={t.newLabel}
        value={text}
        onChange={setText}
        onPick={(member) => setPicked((before) => [...before, member])}
        members={members}
        error={error}
      />
      <div className='samla-form__actions'>
        <Button type='submit' loading={add.isPending}>
          {t.add}
        </Button>
      </div>
    </form>
  );
}

function CommentItem({ mergerId, comment, members }: { mergerId: string; comment: Comment; members: Mentionable[] }) {
  const { m, fmt } = useI18n();
  const t = m.comments;
  const announce = useAnnounce();
  const edit = useEditComment(mergerId);
  const remove = useDeleteComment(mergerId);
  const check = useCommentCheck();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(() => toEditableText(comment.body));
  const [error, setError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<string | undefined>(undefined);
  const when = fmt.dateTime(comment.createdAt);
  const fieldId = `edit-comment-${comment.id}`;

  const startEditing = () => {
    setDraft(toEditableText(comment.body));
    setError(undefined);
    setEditing(true);
  };

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    const problem = check(draft.text);
    setError(problem);
    if (problem) return;
    edit.mutate(
      { commentId: comment.id, body: toStoredBody(draft.text, draft.picked), version: comment.version },
      {
        onSuccess: () => {
          setEditing(false);
          announce(t.saved);
        },
        onError: (failure) => setError(errorText(failure, m)),
      },
    );
  };

  return (
    <li className='samla-comment' id={`kommentar-${comment.id}`} tabIndex={-1}>
      <p className='samla-comment__meta'>
        <strong>{comment.author.name}</strong> <time dateTime={comment.createdAt}>{when}</time>
        {comment.edited && <span className='samla-muted'> {t.edited}</span>}
      </p>
      {editing ? (
        <form noValidate onSubmit={onSave} className='samla-form'>
          <CommentEditor
            id={fieldId}
            label={t.editField}
            value={draft.text}
            onChange={(text) => setDraft((before) => ({ ...before, text }))}
            onPick={(member) => setDraft((before) => ({ ...before, picked: [...before.picked, member] }))}
            members={members}
            error={error}
            autoFocus
          />
          <div className='samla-form__actions'>
            <Button type='submit' data-size='sm' loading={edit.isPending}>
              {t.save}
            </Button>
            <Button type='button' data-size='sm' variant='secondary' onClick={() => setEditing(false)}>
              {t.cancel}
            </Button>
          </div>
        </form>
      ) : (
        <CommentBody body={comment.body} />
      )}
      {!editing && (comment.mayEdit || comment.mayDelete) && (
        <div className='samla-comment__actions'>
          {comment.mayEdit && (
            <Button variant='tertiary' data-size='sm' aria-label={t.editLabel(comment.author.name, when)} onClick={startEditing}>
              {t.edit}
            </Button>
          )}
          {comment.mayDelete && (
            <Button
              variant='tertiary'
              data-size='sm'
              data-color='danger'
              aria-label={t.deleteLabel(comment.author.name, when)}
              onClick={() => {
                setDeleteError(undefined);
                setConfirming(true);
              }}
            >
              {t.delete}
            </Button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        heading={t.deleteHeading}
        text={t.deleteText}
        confirmLabel={t.deleteConfirm}
        pending={remove.isPending}
        error={deleteError}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(
            { commentId: comment.id, version: comment.version },
            {
              onSuccess: () => {
                setConfirming(false);
                announce(t.deleted);
              },
              onError: (failure) => setDeleteError(errorText(failure, m)),
            },
          )
        }
      />
    </li>
  );
}
