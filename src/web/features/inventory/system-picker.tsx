import { Button, Field, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useI18n } from '#web/i18n/messages.ts';
import { useSystemSearch } from './inventory.api.ts';

interface SystemPickerProps {
  id: string;
  label: string;
  mergerId: string;
  municipality: string;
  value: string;
  /** The chosen system's name, which may not be among the search's results. */
  valueName: string | undefined;
  onChange: (id: string, name: string | undefined) => void;
  error?: string | undefined;
  required?: boolean;
  /** The search field's label; by default «Søk etter system (label)». */
  searchLabel?: string;
}

/**
 * A searchable choice among the merger's systems in one municipality: a search field that asks
 * the list API (`q`) and a select of what it found. Works with keyboard and screen readers as
 * two plain controls.
 */
export function SystemPicker({ id, label, mergerId, municipality, value, valueName, onChange, error, required, searchLabel }: SystemPickerProps) {
  const { m } = useI18n();
  const t = m.inventory.edit;
  const [q, setQ] = useState('');
  const found = useSystemSearch(mergerId, municipality, q);
  const options = found.data?.items ?? [];
  const hasValue = value !== '' && !options.some((item) => item.id === value);
  return (
    <div className='samla-system-picker'>
      <Textfield
        id={`${id}-search`}
        label={searchLabel ?? t.systemSearch(label)}
        description={municipality === '' ? t.pickMunicipalityFirst : t.systemSearchDescription}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        disabled={municipality === ''}
        autoComplete='off'
      />
      <Field>
        <Label>
          {label}
          {required ? ` ${t.requiredMark}` : ''}
        </Label>
        <Select
          id={id}
          value={value}
          aria-invalid={error ? true : undefined}
          disabled={municipality === ''}
          onChange={(event) => {
            const chosen = options.find((item) => item.id === event.target.value);
            onChange(event.target.value, chosen ? String(chosen.name) : undefined);
          }}
        >
          <Select.Option value=''>{required ? t.chooseSystem : t.noSystem}</Select.Option>
          {hasValue && <Select.Option value={value}>{valueName ?? value}</Select.Option>}
          {options.map((item) => (
            <Select.Option key={item.id} value={item.id}>
              {[item.name, item.vendor].filter(Boolean).join(' – ')}
            </Select.Option>
          ))}
        </Select>
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
    </div>
  );
}

interface MultiProps {
  id: string;
  label: string;
  mergerId: string;
  municipality: string;
  value: Array<{ id: string; name: string }>;
  onChange: (next: Array<{ id: string; name: string }>) => void;
  error?: string | undefined;
}

/** Several systems (a contract's): the chosen ones as a list, and the picker to add one more. */
export function SystemsPicker({ id, label, mergerId, municipality, value, onChange, error }: MultiProps) {
  const { m } = useI18n();
  const t = m.inventory.edit;
  const [pick, setPick] = useState<{ id: string; name: string | undefined }>({ id: '', name: undefined });
  return (
    <fieldset className='samla-systems-picker ds-fieldset'>
      <legend className='ds-label'>{label}</legend>
      {value.length === 0 ? (
        <Paragraph data-size='sm' className='samla-muted'>
          {t.noSystemsChosen}
        </Paragraph>
      ) : (
        <ul className='samla-chosen-systems'>
          {value.map((system) => (
            <li key={system.id}>
              {system.name}{' '}
              <Button variant='tertiary' data-size='sm' onClick={() => onChange(value.filter((other) => other.id !== system.id))}>
                {t.removeSystem(system.name)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <SystemPicker
        id={id}
        label={t.systemToAdd}
        searchLabel={t.systemSearchPlain}
        mergerId={mergerId}
        municipality={municipality}
        value={pick.id}
        valueName={pick.name}
        onChange={(next, name) => setPick({ id: next, name })}
        error={error}
      />
      <Button
        variant='secondary'
        data-size='sm'
        disabled={pick.id === '' || value.some((system) => system.id === pick.id)}
        onClick={() => {
          onChange([...value, { id: pick.id, name: pick.name ?? pick.id }]);
          setPick({ id: '', name: undefined });
        }}
      >
        {t.addSystem}
      </Button>
    </fieldset>
  );
}
