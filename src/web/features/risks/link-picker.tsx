import { EXPERIMENTAL_Suggestion as Suggestion, Field, Label, ValidationMessage, type SuggestionItem } from '@digdir/designsystemet-react';
import { useMemo, useRef } from 'react';
import { useI18n } from '#web/i18n/messages.ts';

export interface LinkOption {
  value: string;
  label: string;
}

interface LinkPickerProps {
  /** The search field's id, for the label and the error summary's link. */
  id: string;
  label: string;
  options: readonly LinkOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
}

/**
 * A searchable multi-combobox for what a risk concerns (systems, areas, integrations):
 * type to narrow the list, Enter picks, and the picks are chips in the field. From the
 * empty field ← (or Backspace) moves to the chips, and Enter or Backspace on a chip removes it.
 * Replaces a plain multi-select, which needs Ctrl held down and shows no picks once scrolled.
 */
export function LinkPicker({ id, label, options, selected, onChange, error }: LinkPickerProps) {
  const { m } = useI18n();
  const t = m.risks.form.links;
  const inputRef = useRef<HTMLInputElement>(null);
  const labels = useMemo(() => new Map(options.map((option) => [option.value, option.label])), [options]);
  const items: SuggestionItem[] = selected.map((value) => ({ value, label: labels.get(value) ?? value }));

  const onSelectedChange = (next: SuggestionItem[] | SuggestionItem | null) => {
    const values = (Array.isArray(next) ? next : next ? [next] : []).map((item) => item.value);
    if (values.length > selected.length) {
      // After a pick the search is emptied, so the next one can be typed straight away.
      requestAnimationFrame(() => {
        const input = inputRef.current;
        if (input && input.value !== '') {
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
    }
    onChange(values);
  };

  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Field.Description>{selected.length === 0 ? t.hintNone : t.hint(selected.length)}</Field.Description>
      <Suggestion
        multiple
        selected={items}
        onSelectedChange={onSelectedChange}
        data-sr-added={t.srAdded}
        data-sr-removed={t.srRemoved}
        data-sr-remove={t.srRemove}
        data-sr-items={t.srItems}
        data-sr-empty={t.srEmpty}
        data-sr-found={t.srFound}
        data-sr-plural={t.srPlural}
        data-sr-singular={t.srSingular}
        data-sr-clear={t.srClear}
        data-sr-of={t.srOf}
      >
        <Suggestion.Input ref={inputRef} id={id} aria-invalid={error ? true : undefined} autoComplete='off' />
        <Suggestion.Clear />
        <Suggestion.List>
          <Suggestion.Empty>{t.empty}</Suggestion.Empty>
          {options.map((option) => (
            <Suggestion.Option key={option.value} value={option.value} label={option.label}>
              {option.label}
            </Suggestion.Option>
          ))}
        </Suggestion.List>
      </Suggestion>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
