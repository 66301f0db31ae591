import { Label, Paragraph, Input, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { useMembers } from './members.api.ts';
import { searchMembers, type ResponsibleDraft, type ResponsibleMember } from './responsible.ts';

interface ResponsibleFieldProps {
  /** The input's id, for the error summary's link. */
  id: string;
  mergerId: string;
  label: string;
  /** What the field is for, above the input; the field adds how to pick or type. */
  description?: string | undefined;
  value: ResponsibleDraft;
  onChange: (value: ResponsibleDraft) => void;
  error?: string | undefined;
}

/**
 * «Ansvarlig» on tasks, mitigations, benefits and veivalg: one field where typing searches the
 * merger's members (a combobox with a listbox popup, as the municipality picker: ↓ or Alt+↓
 * opens, ↑/↓ move, Enter picks, Escape closes; focus stays in the input), and where a name
 * that is not picked is kept as free text for someone outside Samla. Under the field it says
 * which of the two it is, since only a member is told and sees it in «Mine oppgaver».
 */
export function ResponsibleField({ id, mergerId, label, description, value, onChange, error }: ResponsibleFieldProps) {
  const { m } = useI18n();
  const t = m.members.responsible;
  const announce = useAnnounce();
  const baseId = useId();
  const listId = `${baseId}-list`;
  const descriptionId = `${baseId}-description`;
  const stateId = `${baseId}-state`;
  const errorId = `${baseId}-error`;
  const optionId = (userId: string) => `${baseId}-option-${userId}`;
  const membersQuery = useMembers(mergerId);
  const members: ResponsibleMember[] = useMemo(() => membersQuery.data ?? [], [membersQuery.data]);

  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // While a member is picked, the list offers everyone (the text is their name, not a search).
  const matches = useMemo(() => (open ? searchMembers(members, value.userId !== '' ? '' : value.text) : []), [open, members, value]);
  const activeMember = active >= 0 ? matches[active] : undefined;
  const pickedIsMember = value.userId !== '' && members.some((member) => member.userId === value.userId);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (member: ResponsibleMember) => {
    onChange({ text: member.name, userId: member.userId });
    announce(t.announcePicked(member.name));
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown': {
        event.preventDefault();
        if (!open || event.altKey) {
          setOpen(true);
          setActive(event.altKey ? -1 : 0);
        } else setActive((index) => Math.min(index + 1, matches.length - 1));
        return;
      }
      case 'ArrowUp': {
        if (!open) return;
        event.preventDefault();
        if (event.altKey) return close();
        setActive((index) => Math.max(index - 1, 0));
        return;
      }
      case 'Enter': {
        // Enter picks the highlighted member; otherwise the form is sent as usual (with the typed name).
        if (open && activeMember) {
          event.preventDefault();
          pick(activeMember);
        }
        return;
      }
      case 'Escape': {
        if (open) {
          event.preventDefault();
          close();
        }
        return;
      }
      case 'Tab':
        close();
        return;
    }
  };

  const stateText =
    value.userId !== ''
      ? pickedIsMember || membersQuery.isPending
        ? t.isMember(value.text)
        : t.formerMember(value.text)
      : value.text.trim() !== ''
        ? t.isText
        : '';
  const describedBy = [descriptionId, stateText ? stateId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');

  return (
    <div className='ds-field samla-combobox'>
      <Label htmlFor={id}>{label}</Label>
      <Paragraph id={descriptionId} data-size='sm' className='samla-combobox__description'>
        {description ? `${description} ` : ''}
        {t.description}
      </Paragraph>
      <div
        className='samla-combobox__control'
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close();
        }}
      >
        <Input
          id={id}
          type='text'
          role='combobox'
          autoComplete='off'
          spellCheck={false}
          aria-autocomplete='list'
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeMember ? optionId(activeMember.userId) : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          value={value.text}
          onChange={(event) => {
            // Typing makes it a name again: a member is only ever what was picked from the list.
            onChange({ text: event.target.value, userId: '' });
            setOpen(event.target.value.trim() !== '');
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role='listbox' aria-label={t.listLabel} className='samla-combobox__list' hidden={!open}>
          {open &&
            matches.map((member, index) => (
              <li
                key={member.userId}
                id={optionId(member.userId)}
                role='option'
                aria-selected={member.userId === value.userId}
                data-active={index === active || undefined}
                className='samla-combobox__option'
                // Keep focus in the input; the click picks.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(member)}
                onMouseMove={() => index !== active && setActive(index)}
              >
                <span aria-hidden='true' className='samla-combobox__check'>
                  {member.userId === value.userId ? '✓' : ''}
                </span>
                {t.optionText(member.name, member.email)}
              </li>
            ))}
          {open && matches.length === 0 && (
            <li role='option' aria-selected={false} aria-disabled='true' className='samla-combobox__empty'>
              {t.noMatch}
            </li>
          )}
        </ul>
      </div>
      <div className='ds-sr-only' role='status' aria-live='polite'>
        {open ? t.matchCount(matches.length) : ''}
      </div>
      {stateText && (
        <Paragraph id={stateId} data-size='sm' className='samla-muted' data-testid='responsible-state'>
          {stateText}
        </Paragraph>
      )}
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </div>
  );
}
