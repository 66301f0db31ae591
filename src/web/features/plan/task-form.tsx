import { Alert, Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link as RouterLinkBase, useLocation, useNavigate } from 'react-router';
import { type Task, type TaskStatus, type UpdateTaskBody, updateTaskBody } from '#shared/contracts/plan.tasks.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import type { OpenDependencies } from '#shared/contracts/plan.schedule.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useVersionConflict, VersionConflict } from '#web/components/version-conflict.tsx';
import { errorText } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { type Messages, useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { isCalendarDate } from '#shared/calendar-dates.ts';
import { fieldErrorsFromProblems } from '#web/lib/field-errors.ts';
import { checkForm } from '#web/lib/form-validation.ts';
import { paths } from '#web/lib/paths.ts';
import { ResponsibleField } from '#web/features/members/responsible-field.tsx';
import { responsibleBody } from '#web/features/members/responsible.ts';
import { taskLinkId } from './activity-section.tsx';
import { useUpdateTask } from './plan.tasks.api.ts';
import { taskStatuses } from './checklist-filters.ts';
import type { ChecklistLocationState } from './checklist.page.tsx';
import { TaskHeading, type TaskLocationState } from './task-view.tsx';

const fields = ['title', 'status', 'notRelevantReason', 'responsible', 'municipalityNumber', 'plannedStart', 'dueDate', 'notes', 'overrideReason'] as const;
type FieldName = (typeof fields)[number];
type FieldErrors = Partial<Record<FieldName, string>>;

const inputIds: Record<FieldName, string> = {
  title: 'task-title',
  status: 'task-status-not_started',
  notRelevantReason: 'task-reason',
  responsible: 'task-responsible',
  municipalityNumber: 'task-municipality',
  plannedStart: 'task-planned-start',
  dueDate: 'task-due-date',
  overrideReason: 'task-override-reason',
  notes: 'task-notes',
};

interface FormValues {
  title: string;
  status: TaskStatus;
  notRelevantReason: string;
  /** The name shown: the member's, or one typed for someone outside Samla. */
  responsible: string;
  /** The member picked from the list; '' for a typed name. */
  responsibleUserId: string;
  /** '' for a task common to all the municipalities. */
  municipalityNumber: string;
  plannedStart: string;
  dueDate: string;
  notes: string;
}

function valuesOf(task: Task): FormValues {
  return {
    title: task.title,
    status: task.status,
    notRelevantReason: task.notRelevantReason ?? '',
    responsible: task.responsibleName ?? '',
    responsibleUserId: task.responsibleUserId ?? '',
    municipalityNumber: task.municipalityNumber ?? '',
    plannedStart: task.plannedStart ?? '',
    dueDate: task.dueDate ?? '',
    notes: task.notes ?? '',
  };
}

/** The fields that differ from what the form started with. */
function changedFields(start: FormValues, now: FormValues): Partial<FormValues> {
  const changed: Partial<FormValues> = {};
  for (const key of Object.keys(now) as Array<keyof FormValues>) {
    if (now[key] !== start[key]) Object.assign(changed, { [key]: now[key] });
  }
  return changed;
}

/** What the form sends: the title only for the merger's own tasks, empty text as null. */
function taskBodyOf(values: FormValues, own: boolean, version: number, override: string | undefined): UpdateTaskBody {
  return {
    version,
    status: values.status,
    ...(values.status === 'not_relevant' ? { notRelevantReason: values.notRelevantReason.trim() } : {}),
    ...responsibleBody({ text: values.responsible, userId: values.responsibleUserId }),
    municipalityNumber: values.municipalityNumber === '' ? null : values.municipalityNumber,
    plannedStart: values.plannedStart === '' ? null : values.plannedStart,
    dueDate: values.dueDate === '' ? null : values.dueDate,
    notes: values.notes.trim() === '' ? null : values.notes,
    ...(own ? { title: values.title.trim() } : {}),
    ...(override !== undefined ? { overrideReason: override.trim() } : {}),
  };
}

/**
 * The contract's check of the body, in the form's words, and the rules the service adds: a reason
 * for «Ikke relevant», a start not after the due date, a reason to override open dependencies.
 * `dateIsBad`: the browser could not read what was typed in the date field.
 */
function checkTask(values: FormValues, own: boolean, dateIsBad: boolean, version: number, override: string | undefined, m: Messages): FieldErrors {
  const t = m.checklist.edit;
  const rules: FieldErrors = {};
  if (values.status === 'not_relevant' && values.notRelevantReason.trim() === '') rules.notRelevantReason = t.reasonRequired;
  if (dateIsBad) rules.dueDate = t.dueDateInvalid;
  else if (isCalendarDate(values.plannedStart) && isCalendarDate(values.dueDate) && values.plannedStart > values.dueDate)
    rules.plannedStart = t.plannedStartAfterDue;
  if (override !== undefined && override.trim() === '') rules.overrideReason = t.overrideReasonRequired;
  const messages = { title: { required: t.titleRequired }, dueDate: t.dueDateInvalid, plannedStart: t.plannedStartInvalid };
  const { errors } = checkForm(updateTaskBody, taskBodyOf(values, own, version, override), fields, messages, m, rules);
  // A date the browser could not read is empty to the contract: the browser's word goes first.
  if (dateIsBad) errors.dueDate = t.dueDateInvalid;
  return errors;
}

interface TaskFormProps {
  mergerId: string;
  initial: Task;
  merger: MergerDetail | undefined;
  reload: () => Promise<Task | undefined>;
}

export function TaskForm({ mergerId, initial, merger, reload }: TaskFormProps) {
  const { m, fmt } = useI18n();
  const t = m.checklist.edit;
  const navigate = useNavigate();
  const location = useLocation();
  const announce = useAnnounce();
  const update = useUpdateTask(mergerId, initial.id);
  const dateRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);

  const [base, setBase] = useState<Task>(initial);
  const [values, setValues] = useState<FormValues>(() => valuesOf(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  // On a conflict: only the fields the person changed, so applying them to the newest version
  // does not undo what the other person saved in fields this person never touched.
  const conflict = useVersionConflict<Partial<FormValues>>();
  const draft = conflict.draft;
  // Saving «Ferdig» while tasks it depends on are open: which, and the reason to do it anyway.
  const [openDeps, setOpenDeps] = useState<OpenDependencies['openTasks'] | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const openDepsRef = useRef<HTMLDivElement>(null);

  const own = base.catalogItemId === null;
  const from = (location.state as TaskLocationState | null)?.from;
  const backTo = from ?? paths.checklist(mergerId, { phase: base.phase });
  const dateIsBad = () => dateRef.current instanceof HTMLInputElement && dateRef.current.validity.badInput;

  useEffect(() => {
    if (openDeps) openDepsRef.current?.focus();
  }, [openDeps]);

  // The responsible member changes with its name, through the responsible field, not here.
  const change = <K extends Exclude<keyof FormValues, 'responsibleUserId'>>(field: K, value: FormValues[K]) => {
    const next = { ...values, [field]: value };
    setValues(next);
    const affected: FieldName[] = field === 'status' ? ['status', 'notRelevantReason'] : [field];
    if (affected.some((name) => errors[name] !== undefined)) {
      const again = checkTask(next, own, field === 'dueDate' && dateIsBad(), base.version, undefined, m);
      setErrors((current) => {
        const updated = { ...current };
        for (const name of affected) updated[name] = again[name];
        return updated;
      });
    }
  };

  const save = (override: string | undefined) => {
    setAttempt((n) => n + 1);
    setOtherErrors([]);
    const found = checkTask(values, own, dateIsBad(), base.version, override, m);
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    update.mutate(taskBodyOf(values, own, base.version, override), {
      onSuccess: (saved) => {
        announce(m.announcer.taskSaved(saved.title));
        const state: ChecklistLocationState = { focusId: taskLinkId(saved.id), savedTitle: saved.title };
        void navigate(backTo, { state });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'DEPENDENCIES_OPEN') {
          setOpenDeps((error.details as OpenDependencies | undefined)?.openTasks ?? []);
          return;
        }
        if (conflict.caught(error, changedFields(valuesOf(base), values))) return;
        if (error instanceof ApiError && error.problems.length > 0) {
          const { byField, unmatched } = fieldErrorsFromProblems(error.problems, fields);
          if (error.code === 'PLANNED_START_AFTER_DUE_DATE') byField.plannedStart = t.plannedStartAfterDue;
          if (byField.notRelevantReason !== undefined && error.code === 'NOT_RELEVANT_REASON_REQUIRED') {
            byField.notRelevantReason = m.errors.byCode.NOT_RELEVANT_REASON_REQUIRED ?? byField.notRelevantReason;
          }
          setErrors(byField);
          setOtherErrors(unmatched);
        } else {
          setOtherErrors([errorText(error, m)]);
        }
        setAttempt((n) => n + 1);
      },
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setOpenDeps(null);
    save(undefined);
  };

  const loadLatest = async () => {
    const latest = await reload();
    if (latest) {
      setBase(latest);
      setValues(valuesOf(latest));
      setErrors({});
      conflict.reloaded();
    }
  };

  const summary: SummaryItem[] = fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ targetId: inputIds[field], message }] : [];
  });

  return (
    <>
      <TaskHeading task={base} merger={merger} />

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
        {draft && (
          <>
            <Heading level={2} data-size='2xs' className='samla-mt-2'>
              {t.yourDraft}
            </Heading>
            <dl className='samla-draft'>
              {draft.title !== undefined && (
                <div>
                  <dt>{t.titleField}</dt>
                  <dd>{draft.title}</dd>
                </div>
              )}
              {draft.status !== undefined && (
                <div>
                  <dt>{t.status}</dt>
                  <dd>{m.status[draft.status]}</dd>
                </div>
              )}
              {draft.notRelevantReason !== undefined && (
                <div>
                  <dt>{t.reason}</dt>
                  <dd>{draft.notRelevantReason || m.common.notSet}</dd>
                </div>
              )}
              {draft.responsible !== undefined && (
                <div>
                  <dt>{t.responsible}</dt>
                  <dd>{draft.responsible || m.common.notSet}</dd>
                </div>
              )}
              {draft.dueDate !== undefined && (
                <div>
                  <dt>{t.dueDate}</dt>
                  <dd>{draft.dueDate ? fmt.date(draft.dueDate) : m.common.notSet}</dd>
                </div>
              )}
              {draft.notes !== undefined && (
                <div>
                  <dt>{t.notes}</dt>
                  <dd className='samla-pre'>{draft.notes || m.common.notSet}</dd>
                </div>
              )}
            </dl>
          </>
        )}
      </VersionConflict>

      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />

      {openDeps && values.status === 'done' && (
        <Alert data-color='warning' className='samla-conflict' ref={openDepsRef} tabIndex={-1} role='alert' data-testid='dependencies-open'>
          <Heading level={2} data-size='xs'>
            {t.dependenciesOpenHeading}
          </Heading>
          <Paragraph>{t.dependenciesOpenText}</Paragraph>
          <ul className='samla-dependencies'>
            {openDeps.map((dep) => (
              <li key={dep.id}>
                <RouterLink to={paths.task(mergerId, dep.id)}>{dep.title}</RouterLink> ({m.status[dep.status].toLowerCase()})
              </li>
            ))}
          </ul>
          <Textfield
            id={inputIds.overrideReason}
            multiline
            rows={2}
            label={t.overrideReason}
            description={t.overrideReasonDescription}
            value={overrideReason}
            onChange={(event) => setOverrideReason(event.target.value)}
            error={errors.overrideReason}
            required
          />
          <Button variant='secondary' data-size='sm' className='samla-mt-2' onClick={() => save(overrideReason)} loading={update.isPending}>
            {t.overrideSubmit}
          </Button>
        </Alert>
      )}

      <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby='task-heading'>
        {own && (
          <Textfield
            id={inputIds.title}
            label={t.titleField}
            value={values.title}
            onChange={(event) => change('title', event.target.value)}
            error={errors.title}
          />
        )}
        <Fieldset>
          <Fieldset.Legend>{t.status}</Fieldset.Legend>
          <div className='samla-radios'>
            {taskStatuses.map((status) => (
              <Radio
                key={status}
                id={`task-status-${status}`}
                name='status'
                value={status}
                label={m.status[status]}
                checked={values.status === status}
                onChange={() => change('status', status)}
              />
            ))}
          </div>
        </Fieldset>
        {values.status === 'not_relevant' && (
          <Textfield
            id={inputIds.notRelevantReason}
            multiline
            rows={3}
            label={t.reason}
            description={t.reasonDescription}
            value={values.notRelevantReason}
            onChange={(event) => change('notRelevantReason', event.target.value)}
            error={errors.notRelevantReason}
            required
          />
        )}
        <ResponsibleField
          id={inputIds.responsible}
          mergerId={mergerId}
          label={t.responsible}
          description={t.responsibleDescription}
          value={{ text: values.responsible, userId: values.responsibleUserId }}
          onChange={(picked) => {
            setValues((current) => ({ ...current, responsible: picked.text, responsibleUserId: picked.userId }));
            if (errors.responsible !== undefined) setErrors((current) => ({ ...current, responsible: undefined }));
          }}
          error={errors.responsible}
        />
        {merger && (
          <Field>
            <Label>{t.municipality}</Label>
            <Field.Description>{t.municipalityDescription}</Field.Description>
            <Select id={inputIds.municipalityNumber} value={values.municipalityNumber} onChange={(event) => change('municipalityNumber', event.target.value)}>
              <Select.Option value=''>{t.allMunicipalities}</Select.Option>
              {merger.municipalities.map((municipality) => (
                <Select.Option key={municipality.number} value={municipality.number}>
                  {municipality.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Textfield
          id={inputIds.plannedStart}
          type='date'
          label={t.plannedStart}
          description={t.plannedStartDescription}
          value={values.plannedStart}
          onChange={(event) => change('plannedStart', event.target.value)}
          error={errors.plannedStart}
          min='1900-01-01'
          max='2200-12-31'
          className='samla-date-field'
        />
        <Textfield
          ref={dateRef}
          id={inputIds.dueDate}
          type='date'
          label={t.dueDate}
          description={t.dueDateDescription}
          value={values.dueDate}
          onChange={(event) => change('dueDate', event.target.value)}
          error={errors.dueDate}
          min='1900-01-01'
          max='2200-12-31'
          className='samla-date-field'
        />
        <Textfield
          id={inputIds.notes}
          multiline
          rows={5}
          label={t.notes}
          value={values.notes}
          onChange={(event) => change('notes', event.target.value)}
          error={errors.notes}
        />
        <div className='samla-form__actions'>
          <Button type='submit' loading={update.isPending} disabled={update.isPending}>
            {update.isPending ? m.common.saving : m.common.save}
          </Button>
          <Button variant='tertiary' asChild>
            <RouterLinkBase to={backTo}>{t.backToChecklist}</RouterLinkBase>
          </Button>
        </div>
        <Paragraph data-size='sm' className='samla-muted'>
          {t.lastChanged(fmt.dateTime(base.updatedAt))}
        </Paragraph>
      </form>
    </>
  );
}
