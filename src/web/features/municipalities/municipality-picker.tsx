import { Button, Input, Label, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Municipality } from '#shared/contracts/municipalities.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { searchMunicipalities } from './municipality-search.ts';

interface MunicipalityPickerProps {
  /** The id of the search input, for the error summary's link. */
  inputId: string;
  register: Municipality[];
  selected: string[];
  onChange: (numbers: string[]) => void;
  error?: string | undefined;
  /** Problems with one picked municipality (from the server), by its position in `selected`. */
  itemErrors?: Record<number, string>;
}

/**
 * A multi-select combobox over the municipality register, after WAI-ARIA's «combobox with
 * listbox popup»: the list opens as one types (or on Alt+↓ / ↓), shows only what matches
 * every name part, the number or the county (diacritics ignored), best match first; ↑/↓ move,
 * Enter picks, Escape closes. After a pick the search is emptied, the list closes and focus
 * stays in the field, so the next name can be typed at once; the picks show as a table under
 * the field with kommunenummer, county and målform (the new municipality decides its målform
 * anew, so each one's current målform matters). Focus never leaves the input while moving in
 * the list (aria-activedescendant).
 *
 * Designsystemet's Suggestion was used here before; in multiple mode it kept the typed text
 * after a pick, so the form had to clear it by hand, which reopened the whole register over
 * the label and the picks. This keeps Designsystemet's input, label and table, and owns the
 * list's behaviour.
 */
export function MunicipalityPicker({ inputId, register, selected, onChange, error, itemErrors = {} }: MunicipalityPickerProps) {
  const { m } = useI18n();
  const t = m.municipalities.picker;
  const announce = useAnnounce();
  const baseId = useId();
  const listId = `${baseId}-list`;
  const descriptionId = `${baseId}-description`;
  const errorId = `${baseId}-error`;
  const optionId = (number: string) => `${baseId}-option-${number}`;

  const byNumber = useMemo(() => new Map(register.map((municipality) => [municipality.number, municipality])), [register]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => (open ? searchMunicipalities(register, query) : []), [open, register, query]);
  const listRef = useRef<HTMLUListElement>(null);
  const activeNumber = active >= 0 ? matches[active]?.number : undefined;

  useEffect(() => {
    if (activeNumber) document.getElementById(optionId(activeNumber))?.scrollIntoView({ block: 'nearest' });
    // optionId depends only on baseId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeNumber]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const toggle = (municipality: Municipality) => {
    const picked = selected.includes(municipality.number);
    onChange(picked ? selected.filter((number) => number !== municipality.number) : [...selected, municipality.number]);
    announce(picked ? t.announceRemoved(municipality.name, selected.length - 1) : t.announceAdded(municipality.name, selected.length + 1));
    setQuery('');
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
      case 'Home':
      case 'End': {
        if (!open || matches.length === 0) return;
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : matches.length - 1);
        return;
      }
      case 'Enter': {
        // Enter in the field never sends the form: it picks, or does nothing.
        if (!open && query.trim() === '') return;
        event.preventDefault();
        const chosen = matches[active >= 0 ? active : 0];
        if (chosen && (active >= 0 || matches.length === 1)) toggle(chosen);
        else if (!open) setOpen(true);
        return;
      }
      case 'Escape': {
        if (open) {
          event.preventDefault();
          close();
        } else if (query !== '') {
          event.preventDefault();
          setQuery('');
        }
        return;
      }
      case 'Tab':
        close();
        return;
    }
  };

  const describedBy = [descriptionId, error ? errorId : undefined].filter(Boolean).join(' ');
  const picked = selected.map((number) => byNumber.get(number));

  return (
    <div className='samla-picker'>
      <div className='ds-field samla-combobox'>
        <Label htmlFor={inputId}>{t.label}</Label>
        <Paragraph id={descriptionId} className='samla-combobox__description'>
          {t.description}
        </Paragraph>
        <div
          className='samla-combobox__control'
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close();
          }}
        >
          <Input
            id={inputId}
            type='text'
            role='combobox'
            autoComplete='off'
            spellCheck={false}
            aria-autocomplete='list'
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={activeNumber ? optionId(activeNumber) : undefined}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setOpen(event.target.value.trim() !== '');
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onClick={() => {
              if (query.trim() !== '') setOpen(true);
            }}
          />
          <ul ref={listRef} id={listId} role='listbox' aria-label={t.listLabel} aria-multiselectable='true' className='samla-combobox__list' hidden={!open}>
            {open &&
              matches.map((municipality, index) => {
                const isPicked = selected.includes(municipality.number);
                return (
                  <li
                    key={municipality.number}
                    id={optionId(municipality.number)}
                    role='option'
                    aria-selected={isPicked}
                    data-active={index === active || undefined}
                    className='samla-combobox__option'
                    // Keep focus in the input; the click picks.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => toggle(municipality)}
                    onMouseMove={() => index !== active && setActive(index)}
                  >
                    <span aria-hidden='true' className='samla-combobox__check'>
                      {isPicked ? '✓' : ''}
                    </span>
                    {t.optionText(municipality.name, municipality.number, municipality.county)}
                  </li>
                );
              })}
            {open && matches.length === 0 && (
              <li role='option' aria-selected={false} aria-disabled='true' className='samla-combobox__empty'>
                {t.empty}
              </li>
            )}
          </ul>
        </div>
        <div className='ds-sr-only' role='status' aria-live='polite'>
          {open && query.trim() !== '' ? t.matchCount(matches.length) : ''}
        </div>
        {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
      </div>

      <div className='samla-picker__selected'>
        {selected.length === 0 ? (
          <Paragraph data-size='sm' className='samla-muted'>
            {t.noneSelected}
          </Paragraph>
        ) : (
          <>
            <Table data-color='neutral' data-size='sm' className='samla-table' border>
              <caption>{t.tableCaption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope='col'>{t.municipality}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.number}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.county}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.languageForm}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>
                    <span className='ds-sr-only'>{t.actions}</span>
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {selected.map((number, index) => {
                  const municipality = picked[index];
                  const name = municipality?.name ?? number;
                  return (
                    <Table.Row key={number}>
                      <Table.HeaderCell scope='row'>
                        {name}
                        {itemErrors[index] && <ValidationMessage data-size='sm'>{itemErrors[index]}</ValidationMessage>}
                      </Table.HeaderCell>
                      <Table.Cell>{number}</Table.Cell>
                      <Table.Cell>{municipality?.county ?? ''}</Table.Cell>
                      <Table.Cell>{municipality ? m.languageForm[municipality.languageForm] : ''}</Table.Cell>
                      <Table.Cell>
                        <Button
                          type='button'
                          variant='tertiary'
                          data-size='sm'
                          onClick={() => {
                            onChange(selected.filter((other) => other !== number));
                            announce(t.announceRemoved(name, selected.length - 1));
                            document.getElementById(inputId)?.focus();
                          }}
                        >
                          {t.removeNamed(name)}
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
            <Paragraph data-size='sm' className='samla-muted'>
              {t.languageFormNote}
            </Paragraph>
          </>
        )}
      </div>
    </div>
  );
}
