import {
  Button,
  EXPERIMENTAL_Suggestion as Suggestion,
  Field,
  Label,
  Paragraph,
  Table,
  ValidationMessage,
  type SuggestionItem,
} from '@digdir/designsystemet-react';
import { useMemo, useRef } from 'react';
import type { Municipality } from '#shared/contracts/municipalities.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { matchesQuery, searchTextOf } from './municipality-search.ts';

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
 * Searchable multi-select over the municipality register. Picks show as chips in the field
 * and as a table under it with kommunenummer, county and målform: the new municipality has
 * to decide its målform anew, so each one's current målform matters.
 */
export function MunicipalityPicker({ inputId, register, selected, onChange, error, itemErrors = {} }: MunicipalityPickerProps) {
  const { m } = useI18n();
  const t = m.municipalities.picker;
  const byNumber = useMemo(() => new Map(register.map((municipality) => [municipality.number, municipality])), [register]);
  const searchText = useMemo(() => new Map(register.map((municipality) => [municipality.number, searchTextOf(municipality)])), [register]);

  const inputRef = useRef<HTMLInputElement>(null);

  const onSelectedChange = (items: SuggestionItem[]) => {
    const next = items.map((item) => item.value);
    if (next.length > selected.length) {
      // After a pick, empty the search so the next name can be typed straight away.
      requestAnimationFrame(() => {
        const input = inputRef.current;
        if (input && input.value !== '') {
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
    }
    onChange(next);
  };

  const selectedItems: SuggestionItem[] = selected.map((number) => ({ value: number, label: byNumber.get(number)?.name ?? number }));
  const picked = selected.map((number) => byNumber.get(number));

  return (
    <div className='samla-picker'>
      <Field>
        <Label>{t.label}</Label>
        <Field.Description>{t.description}</Field.Description>
        <Suggestion
          multiple
          selected={selectedItems}
          onSelectedChange={onSelectedChange}
          filter={({ value, input }) => matchesQuery(searchText.get(value) ?? '', value, input.value)}
          data-sr-added={t.srAdded}
          data-sr-removed={t.srRemoved}
          data-sr-plural={t.srPlural}
          data-sr-singular={t.srSingular}
          data-sr-clear={t.srClear}
        >
          <Suggestion.Input ref={inputRef} id={inputId} aria-invalid={error ? true : undefined} autoComplete='off' />
          <Suggestion.Clear />
          <Suggestion.List>
            <Suggestion.Empty>{t.empty}</Suggestion.Empty>
            {register.map((municipality) => (
              <Suggestion.Option key={municipality.number} value={municipality.number} label={municipality.name}>
                {t.optionText(municipality.name, municipality.number, municipality.county)}
              </Suggestion.Option>
            ))}
          </Suggestion.List>
        </Suggestion>
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>

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
                          onClick={() => onChange(selected.filter((other) => other !== number))}
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
