import { Field, Fieldset, Label, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { type I18n, useI18n } from '#web/i18n/messages.ts';
import { useCommonSolutions, useSolutionAreas } from './inventory.api.ts';
import type { FieldSpec } from './inventory-kinds.ts';
import { bySector } from './register.page.tsx';
import { SystemPicker, SystemsPicker } from './system-picker.tsx';

export type Values = Record<string, string>;

export function inputId(field: string): string {
  return `inv-${field}`;
}

interface FieldInputProps {
  field: FieldSpec;
  merger: MergerDetail;
  values: Values;
  error: string | undefined;
  change: (field: string, value: string) => void;
  systems: Array<{ id: string; name: string }>;
  setSystems: (next: Array<{ id: string; name: string }>) => void;
  names: Record<string, string | undefined>;
  setName: (field: string, name: string | undefined) => void;
  i18n: I18n;
}

export function FieldInput({ field, merger, values, error, change, systems, setSystems, names, setName, i18n }: FieldInputProps) {
  const { m } = i18n;
  const t = m.inventory.edit;
  const label = `${m.inventory.fields[field.name] ?? field.name}${field.required ? ` ${t.requiredMark}` : ''}`;
  const id = inputId(field.name);
  const value = values[field.name] ?? '';
  const municipality = values.municipalityNumber ?? '';
  switch (field.type) {
    case 'text':
      return <Textfield id={id} label={label} value={value} error={error} onChange={(e) => change(field.name, e.target.value)} autoComplete='off' />;
    case 'textarea':
      return <Textfield id={id} label={label} value={value} error={error} multiline rows={3} onChange={(e) => change(field.name, e.target.value)} />;
    case 'count':
    case 'amount':
    case 'year':
      return (
        <Textfield
          id={id}
          label={label}
          value={value}
          error={error}
          inputMode={field.type === 'amount' ? 'decimal' : 'numeric'}
          onChange={(e) => change(field.name, e.target.value)}
          className='samla-number-field'
        />
      );
    case 'date':
      return (
        <Textfield
          id={id}
          type='date'
          label={label}
          value={value}
          error={error}
          min='1900-01-01'
          max='2200-12-31'
          onChange={(e) => change(field.name, e.target.value)}
          className='samla-date-field'
        />
      );
    case 'flag':
    case 'choice':
      return (
        <Field>
          <Label>{label}</Label>
          <Select id={id} value={value} aria-invalid={error ? true : undefined} onChange={(e) => change(field.name, e.target.value)}>
            <Select.Option value=''>{field.type === 'flag' ? m.inventory.flag.unknown : t.noChoice}</Select.Option>
            {field.type === 'flag' ? (
              <>
                <Select.Option value='true'>{m.inventory.flag.yes}</Select.Option>
                <Select.Option value='false'>{m.inventory.flag.no}</Select.Option>
              </>
            ) : (
              (field.values ?? []).map((choice) => (
                <Select.Option key={choice} value={choice}>
                  {m.inventory.values[field.name]?.[choice] ?? choice}
                </Select.Option>
              ))
            )}
          </Select>
          {error && <ValidationMessage>{error}</ValidationMessage>}
        </Field>
      );
    case 'solutionArea':
      return <SolutionAreaSelect id={id} label={label} value={value} error={error} onChange={(next) => change(field.name, next)} />;
    case 'system':
      return (
        <SystemPicker
          id={id}
          label={m.inventory.fields[field.name] ?? field.name}
          mergerId={merger.id}
          municipality={municipality}
          value={value}
          valueName={names[field.name]}
          required={field.required}
          error={error}
          onChange={(next, name) => {
            change(field.name, next);
            setName(field.name, name);
          }}
        />
      );
    case 'systems':
      return (
        <SystemsPicker
          id={id}
          label={m.inventory.fields[field.name] ?? field.name}
          mergerId={merger.id}
          municipality={municipality}
          value={systems}
          onChange={setSystems}
          error={error}
        />
      );
    case 'integrationTarget':
      return (
        <IntegrationTarget
          merger={merger}
          values={values}
          error={error}
          change={change}
          toSystemName={names.toSystemId}
          setToSystemName={(name) => setName('toSystemId', name)}
        />
      );
  }
}

function SolutionAreaSelect({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}) {
  const { m } = useI18n();
  const areas = useSolutionAreas();
  return (
    <Field>
      <Label>{label}</Label>
      <Field.Description>{m.inventory.edit.solutionAreaDescription}</Field.Description>
      <Select id={id} value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)}>
        <Select.Option value=''>{m.inventory.edit.noChoice}</Select.Option>
        {bySector(areas.data ?? []).map((group) => (
          <optgroup key={group.sector} label={group.sector}>
            {group.areas.map((area) => (
              <Select.Option key={area.id} value={area.id}>
                {area.name}
              </Select.Option>
            ))}
          </optgroup>
        ))}
        {value !== '' && !areas.data?.some((area) => area.id === value) && <Select.Option value={value}>{value}</Select.Option>}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

interface TargetProps {
  merger: MergerDetail;
  values: Values;
  error: string | undefined;
  change: (field: string, value: string) => void;
  toSystemName: string | undefined;
  setToSystemName: (name: string | undefined) => void;
}

/** Where an integration goes: another system, or a national common solution. */
function IntegrationTarget({ merger, values, error, change, toSystemName, setToSystemName }: TargetProps) {
  const { m } = useI18n();
  const t = m.inventory.edit;
  const common = useCommonSolutions();
  const mode = values.targetMode === 'common' ? 'common' : 'system';
  return (
    <Fieldset>
      <Fieldset.Legend>
        {m.inventory.fields.target} {t.requiredMark}
      </Fieldset.Legend>
      <div className='samla-radios'>
        <Radio
          id='inv-target-system'
          name='targetMode'
          value='system'
          label={t.targetSystem}
          checked={mode === 'system'}
          onChange={() => change('targetMode', 'system')}
        />
        <Radio
          id='inv-target-common'
          name='targetMode'
          value='common'
          label={t.targetCommon}
          checked={mode === 'common'}
          onChange={() => change('targetMode', 'common')}
        />
      </div>
      {mode === 'system' ? (
        <SystemPicker
          id='inv-toSystemId'
          label={m.inventory.fields.toSystemId ?? ''}
          mergerId={merger.id}
          municipality={values.municipalityNumber ?? ''}
          value={values.toSystemId ?? ''}
          valueName={toSystemName}
          required
          error={error}
          onChange={(next, name) => {
            change('toSystemId', next);
            change('target', '');
            setToSystemName(name);
          }}
        />
      ) : (
        <Field>
          <Label>{m.inventory.fields.commonSolutionId}</Label>
          <Select
            id='inv-commonSolutionId'
            value={values.commonSolutionId ?? ''}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              change('commonSolutionId', e.target.value);
              change('target', '');
            }}
          >
            <Select.Option value=''>{t.chooseCommon}</Select.Option>
            {(common.data ?? []).map((solution) => (
              <Select.Option key={solution.id} value={solution.id}>
                {solution.name} ({solution.owner})
              </Select.Option>
            ))}
          </Select>
          {error && <ValidationMessage>{error}</ValidationMessage>}
        </Field>
      )}
    </Fieldset>
  );
}
