import { Field, Label, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '#web/i18n/messages.ts';
import { insertMention, matchingMembers, mentionQueryAt, type Mentionable } from './mention-input.ts';

interface CommentEditorProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A member picked from the list: the caller keeps them, so «@Navn» is sent as a mention. */
  onPick: (member: Mentionable) => void;
  members: readonly Mentionable[];
  error?: string | undefined;
  autoFocus?: boolean;
}

/**
 * A comment's text with member completion: typing «@» and the start of a name lists the
 * members who match under the field. The field keeps focus throughout (arrow keys move in
 * the list, announced through aria-activedescendant; Enter or Tab picks, Escape closes), and
 * a status line says how many match, so it works with the keyboard and a screen reader.
 */
export function CommentEditor({ id, label, value, onChange, onPick, members, error, autoFocus }: CommentEditorProps) {
  const { m } = useI18n();
  const t = m.comments.mention;
  const listId = useId();
  const hintId = useId();
  const statusId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [closedAt, setClosedAt] = useState<number | null>(null);
  // Where the caret goes once the picked name is in the field. Placed as the new text is
  // committed, before the browser handles the next key: a later frame (requestAnimationFrame)
  // would pull the caret back behind what a quick typist had already typed after the pick.
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    const position = caretAfterPick.current;
    if (position === null) return;
    caretAfterPick.current = null;
    field.current?.focus();
    field.current?.setSelectionRange(position, position);
  }, [value]);

  const query = mentionQueryAt(value, caret);
  const open = query !== null && closedAt !== query.start;
  const matches = open ? matchingMembers(members, query.query) : [];
  const activeIndex = Math.min(active, Math.max(matches.length - 1, 0));

  const pick = (member: Mentionable) => {
    if (!query) return;
    const next = insertMention(value, query.start, caret, member.name);
    onChange(next.text);
    onPick(member);
    setCaret(next.caret);
    setActive(0);
    caretAfterPick.current = next.caret;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || matches.length === 0) {
      if (open && event.key === 'Escape') setClosedAt(query.start);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(matches[activeIndex]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setClosedAt(query.start);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  const describedBy = [hintId, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <Field className='samla-comment-editor'>
      <Label htmlFor={id}>{label}</Label>
      <p id={hintId} className='ds-sr-only'>
        {t.instructions}
      </p>
      <Textarea
        id={id}
        ref={field}
        rows={3}
        value={value}
        autoFocus={autoFocus}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy}
        aria-autocomplete='list'
        aria-controls={open && matches.length > 0 ? listId : undefined}
        aria-activedescendant={open && matches.length > 0 ? optionId(activeIndex) : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {open && matches.length > 0 && (
        <ul id={listId} role='listbox' aria-label={t.listLabel} className='samla-mention-list'>
          {matches.map((member, index) => (
            <li
              key={member.userId}
              id={optionId(index)}
              role='option'
              aria-selected={index === activeIndex}
              className='samla-mention-list__option'
              // Keep focus in the field: a click picks without moving it.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(member);
              }}
            >
              {member.name}
            </li>
          ))}
        </ul>
      )}
      <div id={statusId} className='ds-sr-only' role='status' aria-live='polite'>
        {open ? t.matches(matches.length) : ''}
      </div>
      {error && (
        <ValidationMessage id={`${id}-error`} role='alert'>
          {error}
        </ValidationMessage>
      )}
    </Field>
  );
}
