import { Alert, Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLinkBase, useLocation, useNavigate, useParams } from 'react-router';
import type { Task, TaskStatus, UpdateTaskBody } from '#shared/contracts/checklist.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import type { OpenDependencies } from '#shared/contracts/schedule.ts';
import { taskTitleInContext } from '#shared/task-title.ts';
import { useAddDependency, useRemoveDependency, useSchedule } from '#web/features/schedule/schedule.api.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading, PageLoadError } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { StatusTag } from '#web/components/status-tag.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { TaskHistory } from '#web/features/history/task-history.tsx';
import { useI18n, type Messages } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { isIsoDate } from '#web/lib/dates.ts';
import { fieldErrorsFromProblems } from '#web/lib/field-errors.ts';
import { paths } from '#web/lib/paths.ts';
import { taskLinkId } from './activity-section.tsx';
import { useTask, useUpdateTask } from './checklist.api.ts';
import { taskStatuses } from './checklist-filters.ts';
import type { ChecklistLocationState } from './checklist.page.tsx';

const fields = ['title', 'status', 'notRelevantReason', 'responsible', 'plannedStart', 'dueDate', 'notes', 'overrideReason'] as const;
type FieldName = (typeof fields)[number];
type FieldErrors = Partial<Record<FieldName, string>>;

const inputIds: Record<FieldName, string> = {
  title: 'task-title',
  status: 'task-status-not_started',
  notRelevantReason: 'task-reason',
  responsible: 'task-responsible',
  plannedStart: 'task-planned-start',
  dueDate: 'task-due-date',
  overrideReason: 'task-override-reason',
  notes: 'task-notes',
};

interface FormValues {
  title: string;
  status: TaskStatus;
  notRelevantReason: string;
  responsible: string;
  plannedStart: string;
  dueDate: string;
  notes: string;
}

function valuesOf(task: Task): FormValues {
  return {
    title: task.title,
    status: task.status,
    notRelevantReason: task.notRelevantReason ?? '',
    responsible: task.responsible ?? '',
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

function validate(values: FormValues, own: boolean, dateIsBad: boolean, m: Messages): FieldErrors {
  const t = m.checklist.edit;
  const errors: FieldErrors = {};
  if (own && values.title.trim() === '') errors.title = t.titleRequired;
  if (values.status === 'not_relevant' && values.notRelevantReason.trim() === '') errors.notRelevantReason = t.reasonRequired;
  if (dateIsBad || (values.dueDate !== '' && !isIsoDate(values.dueDate))) errors.dueDate = t.dueDateInvalid;
  if (values.plannedStart !== '' && !isIsoDate(values.plannedStart)) errors.plannedStart = t.plannedStartInvalid;
  else if (values.plannedStart !== '' && errors.dueDate === undefined && values.dueDate !== '' && values.plannedStart > values.dueDate) {
    errors.plannedStart = t.plannedStartAfterDue;
  }
  return errors;
}

interface TaskLocationState {
  from?: string;
}

export function TaskEditPage() {
  const { taskId = '' } = useParams();
  const { mergerId, merger, trail: mergerTrail, editable } = useMergerRoute();
  const { m } = useI18n();
  const task = useTask(mergerId, taskId);
  useDocumentTitle(task.data ? taskTitleInContext(task.data) : task.isError ? m.errors.loadFailed : m.common.loading);

  const trail = task.data ? [...mergerTrail, { label: m.checklist.page.title, to: paths.checklist(mergerId, { phase: task.data.phase }) }] : mergerTrail;

  if (task.isError) {
    return (
      <>
        <PageBreadcrumbs trail={trail} />
        <PageLoadError error={task.error} onRetry={() => void task.refetch()} />
      </>
    );
  }
  if (task.isPending) {
    return (
      <>
        <PageBreadcrumbs trail={trail} />
        <Loading />
      </>
    );
  }
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      {editable ? (
        // A new task id is a new form; the same task refetched keeps what the person typed.
        <TaskForm key={task.data.id} mergerId={mergerId} initial={task.data} merger={merger} reload={() => task.refetch().then((r) => r.data)} />
      ) : (
        <TaskView task={task.data} merger={merger} />
      )}
      <TaskDependencies mergerId={mergerId} task={task.data} editable={editable} />
      <TaskHistory mergerId={mergerId} task={task.data} merger={merger} />
    </>
  );
}

interface TaskFormProps {
  mergerId: string;
  initial: Task;
  merger: MergerDetail | undefined;
  reload: () => Promise<Task | undefined>;
}

function TaskForm({ mergerId, initial, merger, reload }: TaskFormProps) {
  const { m, fmt } = useI18n();
  const t = m.checklist.edit;
  const navigate = useNavigate();
  const location = useLocation();
  const announce = useAnnounce();
  const update = useUpdateTask(mergerId, initial.id);
  const dateRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  const [base, setBase] = useState<Task>(initial);
  const [values, setValues] = useState<FormValues>(() => valuesOf(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<'none' | 'detected' | 'reloaded'>('none');
  // On a conflict: only the fields the person changed, so applying them to the newest version
  // does not undo what the other person saved in fields this person never touched.
  const [draft, setDraft] = useState<Partial<FormValues> | undefined>(undefined);
  const [reloading, setReloading] = useState(false);
  // Saving «Ferdig» while tasks it depends on are open: which, and the reason to do it anyway.
  const [openDeps, setOpenDeps] = useState<OpenDependencies['openTasks'] | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const openDepsRef = useRef<HTMLDivElement>(null);

  const own = base.catalogItemId === null;
  const from = (location.state as TaskLocationState | null)?.from;
  const backTo = from ?? paths.checklist(mergerId, { phase: base.phase });
  const dateIsBad = () => dateRef.current instanceof HTMLInputElement && dateRef.current.validity.badInput;

  useEffect(() => {
    if (conflict === 'detected') conflictRef.current?.focus();
  }, [conflict]);
  useEffect(() => {
    if (openDeps) openDepsRef.current?.focus();
  }, [openDeps]);

  const change = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    const next = { ...values, [field]: value };
    setValues(next);
    const affected: FieldName[] = field === 'status' ? ['status', 'notRelevantReason'] : [field];
    if (affected.some((name) => errors[name] !== undefined)) {
      const again = validate(next, own, field === 'dueDate' && dateIsBad(), m);
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
    const found = validate(values, own, dateIsBad(), m);
    if (override !== undefined && override.trim() === '') found.overrideReason = t.overrideReasonRequired;
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    const body: UpdateTaskBody = {
      version: base.version,
      status: values.status,
      ...(values.status === 'not_relevant' ? { notRelevantReason: values.notRelevantReason.trim() } : {}),
      responsible: values.responsible.trim() === '' ? null : values.responsible.trim(),
      plannedStart: values.plannedStart === '' ? null : values.plannedStart,
      dueDate: values.dueDate === '' ? null : values.dueDate,
      notes: values.notes.trim() === '' ? null : values.notes,
      ...(own ? { title: values.title.trim() } : {}),
      ...(override !== undefined ? { overrideReason: override.trim() } : {}),
    };
    update.mutate(body, {
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
        if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
          setDraft(changedFields(valuesOf(base), values));
          setConflict('detected');
          return;
        }
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
    setReloading(true);
    try {
      const latest = await reload();
      if (latest) {
        setBase(latest);
        setValues(valuesOf(latest));
        setErrors({});
        setConflict('reloaded');
      }
    } finally {
      setReloading(false);
    }
  };

  const summary: SummaryItem[] = fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ targetId: inputIds[field], message }] : [];
  });

  return (
    <>
      <TaskHeading task={base} merger={merger} />

      {conflict === 'detected' && (
        <Alert data-color='warning' className='samla-conflict' ref={conflictRef} tabIndex={-1} role='alert'>
          <Heading level={2} data-size='xs'>
            {t.conflictHeading}
          </Heading>
          <Paragraph>{t.conflictText}</Paragraph>
          <Button variant='secondary' data-size='sm' onClick={() => void loadLatest()} loading={reloading} className='samla-mt-2'>
            {t.conflictReload}
          </Button>
        </Alert>
      )}
      {conflict === 'reloaded' && draft && (
        <Alert data-color='info' className='samla-conflict' role='status'>
          <Paragraph>{t.conflictReloaded}</Paragraph>
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
        <Textfield
          id={inputIds.responsible}
          label={t.responsible}
          description={t.responsibleDescription}
          value={values.responsible}
          onChange={(event) => change('responsible', event.target.value)}
          error={errors.responsible}
          autoComplete='off'
        />
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

/** The task's title and where it sits in the checklist; the same for editors and readers. */
function TaskHeading({ task, merger }: { task: Task; merger: MergerDetail | undefined }) {
  const { m, fmt } = useI18n();
  const t = m.checklist.edit;
  const own = task.catalogItemId === null;
  const phase = merger?.progress.phases.find((p) => p.number === task.phase);
  const activity = phase?.activities.find((a) => a.activityId === task.activityId);
  return (
    <>
      <Heading level={1} data-size='md' id='task-heading'>
        {task.title}
      </Heading>
      <div className='samla-task-context'>
        {phase && activity && (
          <Paragraph data-size='sm' className='samla-muted'>
            {t.context(fmt.number(phase.number), phase.name, activity.title)}
          </Paragraph>
        )}
        {task.area && (
          <Paragraph data-size='sm' className='samla-muted' data-testid='task-area'>
            {t.area(task.area.name)}
          </Paragraph>
        )}
        {task.group && (
          <Paragraph data-size='sm' className='samla-muted'>
            {t.group(task.group)}
          </Paragraph>
        )}
        {own && (
          <Tag data-size='sm' data-color='brand2' variant='outline'>
            {m.checklist.page.ownTask}
          </Tag>
        )}
        {task.overdue && (
          <Tag data-size='sm' data-color='danger'>
            {t.overdueNote}
          </Tag>
        )}
      </div>
    </>
  );
}

/** For a role that may only read: the same facts as the form, as text. */
function TaskView({ task, merger }: { task: Task; merger: MergerDetail | undefined }) {
  const { m, fmt } = useI18n();
  const t = m.checklist.edit;
  const location = useLocation();
  const from = (location.state as TaskLocationState | null)?.from;
  const backTo = from ?? paths.checklist(task.mergerId, { phase: task.phase });
  const notSet = <span className='samla-muted'>{m.common.notSet}</span>;
  return (
    <>
      <TaskHeading task={task} merger={merger} />
      <Alert data-color='info' className='samla-read-only-note'>
        <Paragraph>{t.readOnly}</Paragraph>
      </Alert>
      <dl className='samla-task-view'>
        <div>
          <dt>{t.status}</dt>
          <dd>
            <StatusTag status={task.status} />
          </dd>
        </div>
        {task.status === 'not_relevant' && (
          <div>
            <dt>{t.reason}</dt>
            <dd className='samla-pre'>{task.notRelevantReason ?? t.noReason}</dd>
          </div>
        )}
        <div>
          <dt>{t.responsible}</dt>
          <dd>{task.responsible ?? notSet}</dd>
        </div>
        <div>
          <dt>{t.plannedStart}</dt>
          <dd>{task.plannedStart ? fmt.date(task.plannedStart) : notSet}</dd>
        </div>
        <div>
          <dt>{t.dueDate}</dt>
          <dd>{task.dueDate ? fmt.date(task.dueDate) : notSet}</dd>
        </div>
        <div>
          <dt>{t.notes}</dt>
          <dd className='samla-pre'>{task.notes ?? notSet}</dd>
        </div>
      </dl>
      <Paragraph data-size='sm' className='samla-muted'>
        {t.lastChanged(fmt.dateTime(task.updatedAt))}
      </Paragraph>
      <Paragraph className='samla-mt-4'>
        <RouterLink to={backTo}>{t.backToChecklist}</RouterLink>
      </Paragraph>
    </>
  );
}

/** «Avhenger av»: the tasks this one waits for, changed at once (not with the form's Lagre). */
function TaskDependencies({ mergerId, task, editable }: { mergerId: string; task: Task; editable: boolean }) {
  const { m, fmt } = useI18n();
  const t = m.checklist.dependencies;
  const announce = useAnnounce();
  const schedule = useSchedule(mergerId);
  const add = useAddDependency(mergerId, task.id);
  const remove = useRemoveDependency(mergerId, task.id);
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  if (!schedule.data) return schedule.isError ? <LoadError error={schedule.error} onRetry={() => void schedule.refetch()} /> : null;
  const byId = new Map(schedule.data.tasks.map((other) => [other.id, other]));
  const dependsOn = (byId.get(task.id)?.dependsOn ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const dependents = schedule.data.tasks.filter((other) => other.dependsOn.includes(task.id));
  const candidates = schedule.data.tasks.filter((other) => other.id !== task.id && !dependsOn.some((dep) => dep.id === other.id));
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    if (picked === '') {
      setError(t.pickRequired);
      return;
    }
    setError(undefined);
    add.mutate(picked, {
      onSuccess: () => {
        const added = byId.get(picked);
        announce(t.added(added ? taskTitleInContext(added) : ''));
        setPicked('');
      },
      onError: (failure) => setError(errorText(failure, m)),
    });
  };
  return (
    <section className='samla-section' aria-labelledby='dependencies-heading'>
      <Heading level={2} data-size='sm' id='dependencies-heading'>
        {t.heading}
      </Heading>
      <Paragraph data-size='sm' className='samla-muted'>
        {t.lead}
      </Paragraph>
      {dependsOn.length === 0 ? (
        <Paragraph>{t.none}</Paragraph>
      ) : (
        <ul className='samla-dependencies' data-testid='depends-on'>
          {dependsOn.map((dep) => (
            <li key={dep.id}>
              <RouterLink to={paths.task(mergerId, dep.id)}>{taskTitleInContext(dep)}</RouterLink> <StatusTag status={dep.status} />{' '}
              {editable && (
                <Button
                  variant='tertiary'
                  data-size='sm'
                  aria-label={t.remove(taskTitleInContext(dep))}
                  loading={remove.isPending && remove.variables === dep.id}
                  onClick={() =>
                    remove.mutate(dep.id, {
                      onSuccess: () => announce(t.removed(taskTitleInContext(dep))),
                      onError: (failure) => setError(errorText(failure, m)),
                    })
                  }
                >
                  {t.removeShort}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {dependents.length > 0 && (
        <>
          <Paragraph data-size='sm'>{t.dependents}</Paragraph>
          <ul className='samla-dependencies'>
            {dependents.map((other) => (
              <li key={other.id}>
                <RouterLink to={paths.task(mergerId, other.id)}>{taskTitleInContext(other)}</RouterLink>
              </li>
            ))}
          </ul>
        </>
      )}
      {editable && (
        <form noValidate onSubmit={onAdd} className='samla-form' aria-label={t.add}>
          <Field>
            <Label htmlFor='dependency-pick'>{t.pick}</Label>
            <Select
              id='dependency-pick'
              value={picked}
              onChange={(event) => setPicked(event.target.value)}
              aria-invalid={error !== undefined}
              aria-describedby={error ? 'dependency-error' : undefined}
            >
              <Select.Option value=''>{t.pickPlaceholder}</Select.Option>
              {candidates.map((other) => (
                <Select.Option key={other.id} value={other.id}>
                  {t.option(fmt.number(other.phase), taskTitleInContext(other))}
                </Select.Option>
              ))}
            </Select>
            {error && (
              <ValidationMessage id='dependency-error' role='alert'>
                {error}
              </ValidationMessage>
            )}
          </Field>
          <div className='samla-form__actions'>
            <Button type='submit' variant='secondary' loading={add.isPending}>
              {t.add}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
