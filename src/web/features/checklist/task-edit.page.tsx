import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLinkBase, useLocation, useNavigate, useParams } from 'react-router';
import type { Task, TaskStatus, UpdateTaskBody } from '#shared/contracts/checklist.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { StatusTag } from '#web/components/status-tag.tsx';
import { useMerger } from '#web/features/mergers/mergers.api.ts';
import { can } from '#web/features/mergers/permissions.ts';
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

const fields = ['title', 'status', 'notRelevantReason', 'responsible', 'dueDate', 'notes'] as const;
type FieldName = (typeof fields)[number];
type FieldErrors = Partial<Record<FieldName, string>>;

const inputIds: Record<FieldName, string> = {
  title: 'task-title',
  status: 'task-status-not_started',
  notRelevantReason: 'task-reason',
  responsible: 'task-responsible',
  dueDate: 'task-due-date',
  notes: 'task-notes',
};

interface FormValues {
  title: string;
  status: TaskStatus;
  notRelevantReason: string;
  responsible: string;
  dueDate: string;
  notes: string;
}

function valuesOf(task: Task): FormValues {
  return {
    title: task.title,
    status: task.status,
    notRelevantReason: task.notRelevantReason ?? '',
    responsible: task.responsible ?? '',
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
  return errors;
}

interface TaskLocationState {
  from?: string;
}

export function TaskEditPage() {
  const { mergerId = '', taskId = '' } = useParams();
  const { m } = useI18n();
  const task = useTask(mergerId, taskId);
  const merger = useMerger(mergerId);
  useDocumentTitle(task.data?.title ?? (task.isError ? m.errors.loadFailed : m.common.loading));

  const trail = [{ label: m.mergers.list.title, to: paths.mergers() }];
  if (merger.data) {
    trail.push({ label: merger.data.name, to: paths.merger(mergerId) });
    if (task.data) trail.push({ label: m.checklist.page.title, to: paths.checklist(mergerId, { phase: task.data.phase }) });
  }

  if (task.isError) {
    return (
      <>
        <PageBreadcrumbs trail={trail} />
        <Heading level={1} data-size='lg'>
          {m.errors.loadFailed}
        </Heading>
        <LoadError error={task.error} onRetry={() => void task.refetch()} />
      </>
    );
  }
  if (task.isPending || merger.isPending) {
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
      {can(merger.data, 'edit') ? (
        // A new task id is a new form; the same task refetched keeps what the person typed.
        <TaskForm key={task.data.id} mergerId={mergerId} initial={task.data} merger={merger.data} reload={() => task.refetch().then((r) => r.data)} />
      ) : (
        <TaskView task={task.data} merger={merger.data} />
      )}
      <TaskHistory mergerId={mergerId} task={task.data} merger={merger.data} />
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

  const own = base.catalogItemId === null;
  const from = (location.state as TaskLocationState | null)?.from;
  const backTo = from ?? paths.checklist(mergerId, { phase: base.phase });
  const dateIsBad = () => dateRef.current instanceof HTMLInputElement && dateRef.current.validity.badInput;

  useEffect(() => {
    if (conflict === 'detected') conflictRef.current?.focus();
  }, [conflict]);

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

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setOtherErrors([]);
    const found = validate(values, own, dateIsBad(), m);
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    const body: UpdateTaskBody = {
      version: base.version,
      status: values.status,
      ...(values.status === 'not_relevant' ? { notRelevantReason: values.notRelevantReason.trim() } : {}),
      responsible: values.responsible.trim() === '' ? null : values.responsible.trim(),
      dueDate: values.dueDate === '' ? null : values.dueDate,
      notes: values.notes.trim() === '' ? null : values.notes,
      ...(own ? { title: values.title.trim() } : {}),
    };
    update.mutate(body, {
      onSuccess: (saved) => {
        announce(m.announcer.taskSaved(saved.title));
        const state: ChecklistLocationState = { focusId: taskLinkId(saved.id), savedTitle: saved.title };
        void navigate(backTo, { state });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
          setDraft(changedFields(valuesOf(base), values));
          setConflict('detected');
          return;
        }
        if (error instanceof ApiError && error.problems.length > 0) {
          const { byField, unmatched } = fieldErrorsFromProblems(error.problems, fields);
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
