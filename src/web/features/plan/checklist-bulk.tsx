import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { bulkUpdateTasksBody, type BulkUpdateTasksBody, type BulkUpdateTasksResult, type Task, type TaskStatus } from '#shared/contracts/plan.tasks.ts';
import { isCalendarDate } from '#shared/calendar-dates.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState, type FieldErrors } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { responsibleBody } from '#web/features/members/responsible.ts';
import { ResponsibleField } from '#web/features/members/responsible-field.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { taskStatuses } from './checklist-filters.ts';
import { useBulkUpdateTasks } from './plan.tasks.api.ts';

type BulkField = 'status' | 'responsible' | 'dueDate';
const fields = ['tasks', 'status', 'notRelevantReason', 'overrideReason', 'responsible', 'dueDate'] as const;
type FormField = (typeof fields)[number];
const ids: Record<FormField, string> = {
  tasks: 'bulk-select-all',
  status: 'bulk-status',
  notRelevantReason: 'bulk-reason',
  overrideReason: 'bulk-override-reason',
  responsible: 'bulk-responsible',
  dueDate: 'bulk-due-date',
};

export interface BulkFormValues {
  field: BulkField;
  status: TaskStatus;
  notRelevantReason: string;
  overrideReason: string;
  responsible: string;
  /** The member picked from the list; '' for a typed name (someone outside Samla). */
  responsibleUserId: string;
  dueDate: string;
}

/** What the form sends: the selected tasks with the versions the person saw, and only the chosen change. */
export function bulkBodyOf(values: BulkFormValues, tasks: ReadonlyArray<Pick<Task, 'id' | 'version'>>): BulkUpdateTasksBody {
  const change: BulkUpdateTasksBody['change'] =
    values.field === 'status'
      ? {
          status: values.status,
          ...(values.status === 'not_relevant' ? { notRelevantReason: values.notRelevantReason.trim() } : {}),
          ...(values.status === 'done' && values.overrideReason.trim() !== '' ? { overrideReason: values.overrideReason.trim() } : {}),
        }
      : values.field === 'responsible'
        ? responsibleBody({ text: values.responsible, userId: values.responsibleUserId })
        : { dueDate: values.dueDate === '' ? null : values.dueDate };
  return { tasks: tasks.map((task) => ({ taskId: task.id, version: task.version })), change };
}

interface BulkChangeProps {
  mergerId: string;
  /** The tasks the list shows now, in its order. */
  visible: readonly Task[];
  selected: ReadonlySet<string>;
  onSelectAll: (on: boolean) => void;
  onDone: () => void;
}

/**
 * The same change to the tasks ticked in the list. Each is checked on its own by the
 * server; the result says how many changed and, for each that did not, why (decision 035).
 */
export function BulkChange({ mergerId, visible, selected, onSelectAll, onDone }: BulkChangeProps) {
  const { m } = useI18n();
  const t = m.checklist.bulk;
  const announce = useAnnounce();
  const bulk = useBulkUpdateTasks(mergerId);
  const [result, setResult] = useState<BulkUpdateTasksResult | null>(null);
  const [dateIsBad, setDateIsBad] = useState(false);
  const { values, change, errors, otherErrors, attempt, validate, showServerError } = useFormState<BulkFormValues, FormField>(
    { field: 'status', status: 'done', notRelevantReason: '', overrideReason: '', responsible: '', responsibleUserId: '', dueDate: '' },
    fields,
    { messages: { dueDate: t.dueDateInvalid } },
  );
  const chosen = visible.filter((task) => selected.has(task.id));
  const allSelected = visible.length > 0 && chosen.length === visible.length;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const extra: FieldErrors<FormField> = {};
    if (chosen.length === 0) extra.tasks = t.noneSelected;
    if (values.field === 'status' && values.status === 'not_relevant' && values.notRelevantReason.trim() === '') extra.notRelevantReason = t.reasonRequired;
    if (values.field === 'dueDate' && (dateIsBad || (values.dueDate !== '' && !isCalendarDate(values.dueDate)))) extra.dueDate = t.dueDateInvalid;
    const body = bulkBodyOf(values, chosen);
    if (!validate(bulkUpdateTasksBody, body, extra)) return;
    setResult(null);
    bulk.mutate(body, {
      onSuccess: (answer) => {
        setResult(answer);
        announce(t.summary(answer.changed.length, answer.notChanged.length));
        onDone();
      },
      onError: showServerError,
    });
  };

  const summary: SummaryItem[] = fields.filter((field) => errors[field]).map((field) => ({ targetId: ids[field], message: errors[field]! }));
  const titles = new Map(visible.map((task) => [task.id, task.title]));

  return (
    <section className='samla-bulk' aria-labelledby='bulk-heading'>
      <Heading level={2} data-size='2xs' id='bulk-heading'>
        {t.heading}
      </Heading>
      <form onSubmit={onSubmit} noValidate className='samla-bulk__form'>
        <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
        <div className='samla-filters__row'>
          <Checkbox
            id={ids.tasks}
            label={t.selectAll(visible.length)}
            checked={allSelected}
            onChange={(event) => onSelectAll(event.target.checked)}
            error={errors.tasks}
          />
          <Paragraph data-size='sm' className='samla-muted' data-testid='bulk-count'>
            {t.selected(chosen.length)}
          </Paragraph>
        </div>
        <div className='samla-filters__row'>
          <Field>
            <Label>{t.field}</Label>
            <Select id='bulk-field' value={values.field} onChange={(event) => change('field', event.target.value as BulkField)}>
              <Select.Option value='status'>{t.fieldStatus}</Select.Option>
              <Select.Option value='responsible'>{t.fieldResponsible}</Select.Option>
              <Select.Option value='dueDate'>{t.fieldDueDate}</Select.Option>
            </Select>
          </Field>
          {values.field === 'status' && (
            <Field>
              <Label>{t.status}</Label>
              <Select id={ids.status} value={values.status} onChange={(event) => change('status', event.target.value as TaskStatus)}>
                {taskStatuses.map((status) => (
                  <Select.Option key={status} value={status}>
                    {m.status[status]}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
          {values.field === 'responsible' && (
            <ResponsibleField
              id={ids.responsible}
              mergerId={mergerId}
              label={t.responsible}
              description={t.responsibleDescription}
              value={{ text: values.responsible, userId: values.responsibleUserId }}
              onChange={(draft) => {
                change('responsible', draft.text);
                change('responsibleUserId', draft.userId);
              }}
              error={errors.responsible}
            />
          )}
          {values.field === 'dueDate' && (
            <Textfield
              id={ids.dueDate}
              type='date'
              label={t.dueDate}
              description={t.dueDateDescription}
              value={values.dueDate}
              onChange={(event) => {
                setDateIsBad(event.target.validity.badInput);
                change('dueDate', event.target.value);
              }}
              error={errors.dueDate}
              min='1900-01-01'
              max='2200-12-31'
              className='samla-date-field'
            />
          )}
        </div>
        {values.field === 'status' && values.status === 'not_relevant' && (
          <Textfield
            id={ids.notRelevantReason}
            label={t.reason}
            value={values.notRelevantReason}
            onChange={(event) => change('notRelevantReason', event.target.value)}
            error={errors.notRelevantReason}
          />
        )}
        {values.field === 'status' && values.status === 'done' && (
          <Textfield
            id={ids.overrideReason}
            label={t.overrideReason}
            description={t.overrideReasonDescription}
            value={values.overrideReason}
            onChange={(event) => change('overrideReason', event.target.value)}
            error={errors.overrideReason}
          />
        )}
        <div>
          <Button type='submit' variant='secondary' loading={bulk.isPending} disabled={bulk.isPending}>
            {t.submit(chosen.length)}
          </Button>
        </div>
      </form>
      {result && (
        <Alert data-color={result.notChanged.length === 0 ? 'success' : 'warning'} className='samla-bulk__result' data-testid='bulk-result'>
          <Heading level={3} data-size='xs'>
            {t.resultHeading}
          </Heading>
          <Paragraph>{t.summary(result.changed.length, result.notChanged.length)}</Paragraph>
          {result.notChanged.length > 0 && (
            <>
              <Heading level={4} data-size='2xs'>
                {t.notChangedHeading}
              </Heading>
              <ul className='samla-bulk__refused'>
                {result.notChanged.map((item) => (
                  <li key={item.taskId}>{t.reasonFor(item.title ?? titles.get(item.taskId) ?? t.unknownTask, item.message)}</li>
                ))}
              </ul>
            </>
          )}
        </Alert>
      )}
    </section>
  );
}
