import { Alert, Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLinkBase, Navigate, useNavigate, useParams } from 'react-router';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, Loading, PageLoadError } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { useI18n, type I18n, type Messages } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { fieldErrorsFromProblems } from '#web/lib/field-errors.ts';
import { paths } from '#web/lib/paths.ts';
import { useCommonSolutions, useDeleteItem, useInventoryItem, useSaveItem, useSolutionAreas, type AnyItem } from './inventory.api.ts';
import { kindBySlug, type FieldSpec, type KindSpec } from './inventory-kinds.ts';
import { InventoryNav } from './inventory-nav.tsx';
import { bySector, itemTitle } from './register.page.tsx';
import { SystemPicker, SystemsPicker } from './system-picker.tsx';

const NEW = 'ny';

export function InventoryItemPage() {
  const { kind = '', itemId = '' } = useParams();
  const { mergerId, merger, trail: mergerTrail, editable } = useMergerRoute();
  const spec = kindBySlug(kind);
  const { m } = useI18n();
  const isNew = itemId === NEW;
  const item = useInventoryItem(mergerId, spec?.key ?? 'systems', itemId, !!spec && !isNew);
  const title = spec
    ? isNew
      ? m.inventory.newItem[spec.key]
      : item.data
        ? itemTitle(spec, item.data, m.inventory.register.unnamed)
        : m.common.loading
    : m.inventory.title;
  useDocumentTitle(title);
  if (!spec) return <Navigate to={paths.inventory(mergerId)} replace />;

  const trail = [...mergerTrail, { label: m.inventory.kinds[spec.key], to: paths.inventory(mergerId, spec.slug) }];
  const error = item.error;
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      {error ? (
        <>
          <PageLoadError error={error} />
        </>
      ) : !isNew && item.isPending ? (
        <Loading />
      ) : editable ? (
        <ItemForm
          key={item.data?.id ?? NEW}
          spec={spec}
          merger={merger}
          initial={isNew ? undefined : item.data}
          reload={() => item.refetch().then((r) => r.data)}
        />
      ) : item.data ? (
        <ItemView spec={spec} merger={merger} item={item.data} />
      ) : (
        <Navigate to={paths.inventory(mergerId, spec.slug)} replace />
      )}
    </>
  );
}

type Values = Record<string, string>;

function valuesOf(spec: KindSpec, item: AnyItem | undefined): Values {
  const values: Values = { municipalityNumber: item?.municipalityNumber ?? '' };
  for (const field of spec.fields) {
    if (field.type === 'systems') continue;
    if (field.type === 'integrationTarget') {
      values.toSystemId = (item?.toSystemId as string | null) ?? '';
      values.commonSolutionId = (item?.commonSolutionId as string | null) ?? '';
      values.targetMode = item?.commonSolutionId ? 'common' : 'system';
      continue;
    }
    const value = item?.[field.name];
    values[field.name] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

function systemsOf(item: AnyItem | undefined): Array<{ id: string; name: string }> {
  const systems = item?.systems as Array<{ id: string; name: string }> | undefined;
  return systems?.map((system) => ({ id: system.id, name: system.name })) ?? [];
}

function parseNumber(text: string): number | null | 'invalid' {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : 'invalid';
}

/** The request body and the problems the browser can see by itself. */
function bodyOf(spec: KindSpec, values: Values, systems: Array<{ id: string }>, m: Messages) {
  const body: Record<string, unknown> = { municipalityNumber: values.municipalityNumber };
  const errors: Record<string, string> = {};
  const label = (name: string) => m.inventory.fields[name] ?? name;
  if (!values.municipalityNumber) errors.municipalityNumber = m.inventory.edit.required(label('municipalityNumber'));
  for (const field of spec.fields) {
    const raw = values[field.name] ?? '';
    switch (field.type) {
      case 'systems':
        body.systemIds = systems.map((system) => system.id);
        break;
      case 'integrationTarget':
        if (values.targetMode === 'common') {
          body.toSystemId = null;
          body.commonSolutionId = values.commonSolutionId || null;
        } else {
          body.toSystemId = values.toSystemId || null;
          body.commonSolutionId = null;
        }
        if (!body.toSystemId && !body.commonSolutionId) errors.target = m.inventory.edit.targetRequired;
        break;
      case 'count':
      case 'amount':
      case 'year': {
        const parsed = parseNumber(raw);
        if (parsed === 'invalid') errors[field.name] = m.inventory.edit.numberInvalid;
        else body[field.name] = parsed;
        break;
      }
      case 'flag':
        body[field.name] = raw === '' ? null : raw === 'true';
        break;
      default:
        if (field.required && raw.trim() === '') errors[field.name] = m.inventory.edit.required(label(field.name));
        body[field.name] = field.required ? raw.trim() : raw.trim() === '' ? null : raw;
    }
  }
  return { body, errors };
}

function inputId(field: string): string {
  return `inv-${field}`;
}

interface ItemFormProps {
  spec: KindSpec;
  merger: MergerDetail;
  initial: AnyItem | undefined;
  reload: () => Promise<AnyItem | undefined>;
}

function ItemForm({ spec, merger, initial, reload }: ItemFormProps) {
  const i18n = useI18n();
  const { m, fmt } = i18n;
  const t = m.inventory.edit;
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [base, setBase] = useState<AnyItem | undefined>(initial);
  const [values, setValues] = useState<Values>(() => valuesOf(spec, initial));
  const [systems, setSystems] = useState(() => systemsOf(initial));
  const [names, setNames] = useState<Record<string, string | undefined>>(() => ({
    systemId: (initial?.systemName as string | undefined) ?? undefined,
    fromSystemId: (initial?.fromSystemName as string | undefined) ?? undefined,
    toSystemId: (initial?.toSystemName as string | undefined) ?? undefined,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<'none' | 'detected' | 'reloaded'>('none');
  const [draft, setDraft] = useState<Values | undefined>(undefined);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const save = useSaveItem(merger.id, spec.key, base?.id);
  const remove = useDeleteItem(merger.id, spec.key);
  const listPath = paths.inventory(merger.id, spec.slug);
  const name = base ? itemTitle(spec, base, m.inventory.register.unnamed) : m.inventory.newItem[spec.key];

  useEffect(() => {
    if (conflict === 'detected') conflictRef.current?.focus();
  }, [conflict]);

  const change = (field: string, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: '' }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setOtherErrors([]);
    const { body, errors: found } = bodyOf(spec, values, systems, m);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    if (base) body.version = base.version;
    save.mutate(body, {
      onSuccess: (saved) => {
        const savedName = itemTitle(spec, saved, m.inventory.register.unnamed);
        announce(base ? t.saved(savedName) : t.created(savedName));
        void navigate(listPath);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
          const start = valuesOf(spec, base);
          setDraft(Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== start[key])));
          setConflict('detected');
          return;
        }
        if (error instanceof ApiError && error.problems.length > 0) {
          const names = ['municipalityNumber', ...spec.fields.map((field) => field.name), 'toSystemId', 'commonSolutionId'];
          const { byField, unmatched } = fieldErrorsFromProblems(error.problems, names);
          const mapped: Record<string, string> = {};
          for (const [key, message] of Object.entries(byField)) {
            if (!message) continue;
            mapped[key === 'toSystemId' || key === 'commonSolutionId' ? 'target' : key] = message;
          }
          setErrors(mapped);
          setOtherErrors(unmatched);
        } else {
          setOtherErrors([errorText(error, m)]);
        }
        setAttempt((n) => n + 1);
      },
    });
  };

  const loadLatest = async () => {
    const latest = await reload();
    if (!latest) return;
    setBase(latest);
    setValues(valuesOf(spec, latest));
    setSystems(systemsOf(latest));
    setErrors({});
    setConflict('reloaded');
  };

  const summary: SummaryItem[] = ['municipalityNumber', ...spec.fields.map((field) => field.name)].flatMap((field) => {
    const message = errors[field];
    if (!message) return [];
    const target = field === 'target' ? (values.targetMode === 'common' ? 'inv-commonSolutionId' : 'inv-toSystemId') : inputId(field);
    return [{ targetId: target, message }];
  });

  return (
    <>
      <Heading level={1} data-size='md' id='item-heading'>
        {base ? t.editTitle(name) : name}
      </Heading>
      <InventoryNav mergerId={merger.id} current={spec.key} />
      {conflict === 'detected' && (
        <Alert data-color='warning' className='samla-conflict' ref={conflictRef} tabIndex={-1} role='alert'>
          <Heading level={2} data-size='xs'>
            {t.conflictHeading}
          </Heading>
          <Paragraph>{t.conflictText}</Paragraph>
          <Button variant='secondary' data-size='sm' onClick={() => void loadLatest()} className='samla-mt-2'>
            {t.conflictReload}
          </Button>
        </Alert>
      )}
      {conflict === 'reloaded' && draft && Object.keys(draft).length > 0 && (
        <Alert data-color='info' className='samla-conflict' role='status'>
          <Paragraph>{t.conflictReloaded}</Paragraph>
          <dl className='samla-draft'>
            {Object.entries(draft).map(([key, value]) => (
              <div key={key}>
                <dt>{m.inventory.fields[key] ?? key}</dt>
                <dd>{value || m.common.notSet}</dd>
              </div>
            ))}
          </dl>
          <Button
            variant='secondary'
            data-size='sm'
            onClick={() => {
              setValues((current) => ({ ...current, ...draft }));
              setDraft(undefined);
              setConflict('none');
            }}
          >
            {t.applyDraft}
          </Button>
        </Alert>
      )}
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby='item-heading'>
        <Field>
          <Label>
            {m.inventory.fields.municipalityNumber} {t.requiredMark}
          </Label>
          <Select
            id={inputId('municipalityNumber')}
            value={values.municipalityNumber ?? ''}
            aria-invalid={errors.municipalityNumber ? true : undefined}
            onChange={(event) => change('municipalityNumber', event.target.value)}
          >
            <Select.Option value=''>{t.selectMunicipality}</Select.Option>
            {merger.municipalities.map((mu) => (
              <Select.Option key={mu.number} value={mu.number}>
                {mu.name}
              </Select.Option>
            ))}
          </Select>
          {errors.municipalityNumber && <ValidationMessage>{errors.municipalityNumber}</ValidationMessage>}
        </Field>
        {spec.fields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            merger={merger}
            values={values}
            error={errors[field.name]}
            change={change}
            systems={systems}
            setSystems={setSystems}
            names={names}
            setName={(key, value) => setNames((current) => ({ ...current, [key]: value }))}
            i18n={i18n}
          />
        ))}
        <div className='samla-form__actions'>
          <Button type='submit' loading={save.isPending} disabled={save.isPending}>
            {save.isPending ? m.common.saving : base ? t.save : t.create}
          </Button>
          <Button variant='tertiary' asChild>
            <RouterLinkBase to={listPath}>{t.back}</RouterLinkBase>
          </Button>
          {base && (
            <Button variant='tertiary' data-color='danger' onClick={() => setConfirmDelete(true)} className='samla-form__delete'>
              {t.delete}
            </Button>
          )}
        </div>
        {base && (
          <Paragraph data-size='sm' className='samla-muted'>
            {t.lastChanged(fmt.dateTime(base.updatedAt))}
          </Paragraph>
        )}
      </form>
      {base && (
        <ConfirmDialog
          open={confirmDelete}
          heading={t.deleteHeading(name)}
          text={t.deleteText}
          confirmLabel={t.deleteConfirm}
          pending={remove.isPending}
          error={
            remove.error
              ? remove.error instanceof ApiError && remove.error.code === 'VERSION_CONFLICT'
                ? t.deleteConflict
                : errorText(remove.error, m)
              : undefined
          }
          onCancel={() => {
            setConfirmDelete(false);
            remove.reset();
          }}
          onConfirm={() =>
            remove.mutate(
              { itemId: base.id, version: base.version },
              {
                onSuccess: () => {
                  announce(t.deleted(name));
                  void navigate(listPath);
                },
              },
            )
          }
        />
      )}
    </>
  );
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

function FieldInput({ field, merger, values, error, change, systems, setSystems, names, setName, i18n }: FieldInputProps) {
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

function SolutionAreaSelect({ id, label, value, error, onChange }: { id: string; label: string; value: string; error?: string | undefined; onChange: (value: string) => void }) {
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
        <Radio id='inv-target-system' name='targetMode' value='system' label={t.targetSystem} checked={mode === 'system'} onChange={() => change('targetMode', 'system')} />
        <Radio id='inv-target-common' name='targetMode' value='common' label={t.targetCommon} checked={mode === 'common'} onChange={() => change('targetMode', 'common')} />
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

/** For a role that may only read: the item's fields as text. */
function ItemView({ spec, merger, item }: { spec: KindSpec; merger: MergerDetail; item: AnyItem }) {
  const { m, fmt } = useI18n();
  const t = m.inventory.edit;
  const areas = useSolutionAreas();
  const text = (field: FieldSpec): string => {
    if (field.type === 'integrationTarget') return (item.toSystemName as string | null) ?? (item.commonSolutionName as string | null) ?? '';
    if (field.type === 'systems') return systemsOf(item).map((system) => system.name).join(', ');
    if (field.type === 'system') return (field.name === 'fromSystemId' ? item.fromSystemName : item.systemName) as string;
    const value = item[field.name];
    if (value === null || value === undefined || value === '') return '';
    if (field.type === 'flag') return value ? m.inventory.flag.yes : m.inventory.flag.no;
    if (field.type === 'choice') return m.inventory.values[field.name]?.[String(value)] ?? String(value);
    if (field.type === 'solutionArea') return areas.data?.find((area) => area.id === value)?.name ?? String(value);
    if (field.type === 'date') return fmt.date(String(value));
    if (typeof value === 'number') return fmt.number(value);
    return String(value);
  };
  return (
    <>
      <Heading level={1} data-size='md'>
        {t.viewTitle(itemTitle(spec, item, m.inventory.register.unnamed))}
      </Heading>
      <InventoryNav mergerId={merger.id} current={spec.key} />
      <Alert data-color='info' className='samla-read-only-note'>
        <Paragraph>{t.readOnly}</Paragraph>
      </Alert>
      <dl className='samla-task-view'>
        <div>
          <dt>{m.inventory.fields.municipalityNumber}</dt>
          <dd>{merger.municipalities.find((mu) => mu.number === item.municipalityNumber)?.name ?? item.municipalityNumber}</dd>
        </div>
        {spec.fields.map((field) => (
          <div key={field.name}>
            <dt>{m.inventory.fields[field.name]}</dt>
            <dd className='samla-pre'>{text(field) || <span className='samla-muted'>{m.common.notSet}</span>}</dd>
          </div>
        ))}
      </dl>
      <Paragraph className='samla-mt-4'>
        <RouterLink to={paths.inventory(merger.id, spec.slug)}>{t.back}</RouterLink>
      </Paragraph>
    </>
  );
}
