import { Button, Field, Heading, Label, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { Link as RouterLinkBase, useNavigate } from 'react-router';
import { inventoryKinds } from '#shared/contracts/inventory.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useVersionConflict, VersionConflict } from '#web/components/version-conflict.tsx';
import { errorText } from '#web/components/query-state.tsx';
import { type Messages, useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { fieldErrorsFromProblems } from '#web/lib/field-errors.ts';
import { checkForm, type FieldMessages } from '#web/lib/form-validation.ts';
import { paths } from '#web/lib/paths.ts';
import { type AnyItem, useDeleteItem, useSaveItem } from './inventory.api.ts';
import type { KindSpec } from './inventory-kinds.ts';
import { InventoryNav } from './inventory-nav.tsx';
import { itemTitle } from './register.page.tsx';
import { FieldInput, inputId, type Values } from './item-fields.tsx';

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

export function systemsOf(item: AnyItem | undefined): Array<{ id: string; name: string }> {
  const systems = item?.systems as Array<{ id: string; name: string }> | undefined;
  return systems?.map((system) => ({ id: system.id, name: system.name })) ?? [];
}

function parseNumber(text: string): number | null | 'invalid' {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : 'invalid';
}

/**
 * The request body, and what is wrong with it: the kind's contract checks it in the form's words;
 * «where the integration goes» (one of two fields) is the form's own rule.
 */
function bodyOf(spec: KindSpec, values: Values, systems: Array<{ id: string }>, m: Messages) {
  const body: Record<string, unknown> = { municipalityNumber: values.municipalityNumber ?? '' };
  const rules: Record<string, string> = {};
  const label = (name: string) => m.inventory.fields[name] ?? name;
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
        if (!body.toSystemId && !body.commonSolutionId) rules.target = m.inventory.edit.targetRequired;
        break;
      case 'count':
      case 'amount':
      case 'year': {
        const parsed = parseNumber(raw);
        // Not a number: sent to the contract as NaN, which it refuses as one.
        body[field.name] = parsed === 'invalid' ? Number.NaN : parsed;
        break;
      }
      case 'flag':
        body[field.name] = raw === '' ? null : raw === 'true';
        break;
      default:
        body[field.name] = field.required ? raw.trim() : raw.trim() === '' ? null : raw;
    }
  }
  const names = ['municipalityNumber', ...spec.fields.map((field) => field.name), 'target'];
  // The municipality is picked from a list: whatever the contract finds, the fix is to pick one.
  const messages: FieldMessages<string> = { municipalityNumber: m.inventory.edit.required(label('municipalityNumber')) };
  for (const field of spec.fields) {
    messages[field.name] = {
      required: m.inventory.edit.required(label(field.name)),
      number: m.inventory.edit.numberInvalid,
      ...(field.type === 'amount' ? { tooSmall: m.validation.amountNegative } : {}),
    };
  }
  const { errors } = checkForm(inventoryKinds[spec.key].create, body as never, names, messages, m, rules);
  return { body, errors: errors as Record<string, string> };
}

interface ItemFormProps {
  spec: KindSpec;
  merger: MergerDetail;
  initial: AnyItem | undefined;
  reload: () => Promise<AnyItem | undefined>;
}

export function ItemForm({ spec, merger, initial, reload }: ItemFormProps) {
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
  // Only the fields the person changed, shown and offered again after loading the newest version.
  const conflict = useVersionConflict<Values>();
  const draft = conflict.draft;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = useSaveItem(merger.id, spec.key, base?.id);
  const remove = useDeleteItem(merger.id, spec.key);
  const listPath = paths.inventory(merger.id, spec.slug);
  const name = base ? itemTitle(spec, base, m.inventory.register.unnamed) : m.inventory.newItem[spec.key];

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
        const start = valuesOf(spec, base);
        if (conflict.caught(error, Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== start[key])))) return;
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
    conflict.reloaded();
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
      <VersionConflict
        state={conflict.state}
        headingLevel={2}
        texts={{ heading: t.conflictHeading, text: t.conflictText, reload: t.conflictReload, reloaded: t.conflictReloaded, applyDraft: t.applyDraft }}
        onReload={loadLatest}
        onApply={() => {
          setValues((current) => ({ ...current, ...draft }));
          conflict.clear();
        }}
      >
        {draft && Object.keys(draft).length > 0 && (
          <dl className='samla-draft'>
            {Object.entries(draft).map(([key, value]) => (
              <div key={key}>
                <dt>{m.inventory.fields[key] ?? key}</dt>
                <dd>{value || m.common.notSet}</dd>
              </div>
            ))}
          </dl>
        )}
      </VersionConflict>
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
