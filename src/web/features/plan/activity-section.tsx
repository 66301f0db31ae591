import { Button, Checkbox, Details, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { useLocation } from 'react-router';
import { createTaskBody, type ChecklistProgress, type CreateTaskBody, type Task } from '#shared/contracts/plan.tasks.ts';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { ProgressSummary } from '#web/components/progress-summary.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { StatusTag } from '#web/components/status-tag.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { chunkByContext } from '#shared/task-title.ts';
import { useCreateTask } from './plan.tasks.api.ts';

type ActivityProgress = ChecklistProgress['phases'][number]['activities'][number];

export const taskLinkId = (taskId: string) => `task-${taskId}`;

/** The tasks chosen for a change to many at once (only for those who may edit). */
export interface TaskSelection {
  selected: ReadonlySet<string>;
  toggle: (taskId: string, on: boolean) => void;
}

interface ActivitySectionProps {
  mergerId: string;
  /** Landmarks need unique names, and activities repeat across phases. */
  phaseNumber: number;
  activity: ActivityProgress;
  tasks: Task[];
  showAddTask: boolean;
  selection?: TaskSelection | undefined;
}

export function ActivitySection({ mergerId, phaseNumber, activity, tasks, showAddTask, selection }: ActivitySectionProps) {
  const { m, fmt } = useI18n();
  const t = m.checklist.page;
  const headingId = `activity-${activity.activityId}`;
  return (
    <section className='samla-activity' aria-label={t.activityRegion(activity.title, fmt.number(phaseNumber))}>
      <div className='samla-activity__head'>
        <Heading level={3} data-size='xs' id={headingId}>
          {activity.title}
        </Heading>
        <ProgressSummary progress={activity.progress} size='sm' />
      </div>
      {tasks.length === 0 && (
        <Paragraph data-size='sm' className='samla-muted'>
          {showAddTask ? t.noTasksInActivity : t.noTasksInActivityReadOnly}
        </Paragraph>
      )}
      {/* Consecutive tasks under one sub-heading: the library's group, or the solution area of a veivalg's tasks. */}
      {chunkByContext(tasks).map((chunk, index) => (
        <div key={`${chunk.heading ?? ''}-${index}`} className='samla-task-group' data-area={chunk.isArea ? 'true' : undefined}>
          {chunk.heading && (
            <Heading level={4} data-size='2xs' className='samla-task-group__heading'>
              {chunk.isArea ? t.areaHeading(chunk.heading) : chunk.heading}
            </Heading>
          )}
          <TaskTable
            mergerId={mergerId}
            tasks={chunk.tasks}
            selection={selection}
            caption={
              chunk.heading === null
                ? t.tasksCaption(activity.title)
                : chunk.isArea
                  ? t.tasksCaptionArea(activity.title, chunk.heading)
                  : t.tasksCaptionGroup(activity.title, chunk.heading)
            }
          />
        </div>
      ))}
      {showAddTask && <AddTask mergerId={mergerId} activityId={activity.activityId} activityTitle={activity.title} />}
    </section>
  );
}

function TaskTable({ mergerId, tasks, caption, selection }: { mergerId: string; tasks: Task[]; caption: string; selection?: TaskSelection | undefined }) {
  const { m, fmt } = useI18n();
  const t = m.checklist.page;
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;
  return (
    <ScrollRegion label={caption}>
      <Table data-color='neutral' className='samla-table samla-task-table' data-size='sm' border>
        <caption className='ds-sr-only'>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope='col' className='samla-task-table__title'>
              {t.task}
            </Table.HeaderCell>
            <Table.HeaderCell scope='col' className='samla-task-table__status'>
              {t.status}
            </Table.HeaderCell>
            <Table.HeaderCell scope='col' className='samla-task-table__responsible'>
              {t.responsible}
            </Table.HeaderCell>
            <Table.HeaderCell scope='col' className='samla-task-table__due'>
              {t.dueDate}
            </Table.HeaderCell>
            {/* Last, so a row still reads (and is found) by its task's title first. */}
            {selection && (
              <Table.HeaderCell scope='col' className='samla-task-table__select'>
                <span className='ds-sr-only'>{t.select}</span>
              </Table.HeaderCell>
            )}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {tasks.map((task) => (
            <Table.Row key={task.id}>
              <Table.Cell>
                <RouterLink id={taskLinkId(task.id)} to={paths.task(mergerId, task.id)} state={{ from }} data-color='accent'>
                  {task.title}
                  {/* The area's heading says it on screen; a list of links read alone must say it too. */}
                  {task.area && <span className='ds-sr-only'> ({task.area.name})</span>}
                </RouterLink>
                {task.catalogItemId === null && (
                  <>
                    {' '}
                    <Tag data-size='sm' data-color='brand2' variant='outline' className='samla-own-tag'>
                      {t.ownTask}
                    </Tag>
                  </>
                )}
              </Table.Cell>
              <Table.Cell>
                <StatusTag status={task.status} />
              </Table.Cell>
              <Table.Cell>{task.responsible ?? <span className='samla-muted'>{m.common.notSet}</span>}</Table.Cell>
              <Table.Cell className='samla-nowrap'>
                {task.dueDate === null ? (
                  <span className='samla-muted'>{m.common.notSet}</span>
                ) : task.overdue ? (
                  <span className='samla-overdue'>
                    {fmt.date(task.dueDate)}{' '}
                    <Tag data-size='sm' data-color='danger'>
                      {t.overdue}
                    </Tag>
                  </span>
                ) : (
                  fmt.date(task.dueDate)
                )}
              </Table.Cell>
              {selection && (
                <Table.Cell>
                  <Checkbox
                    id={`select-${task.id}`}
                    aria-label={t.selectTask(task.area ? `${task.title} (${task.area.name})` : task.title)}
                    checked={selection.selected.has(task.id)}
                    onChange={(event) => selection.toggle(task.id, event.target.checked)}
                    data-size='sm'
                  />
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

function AddTask({ mergerId, activityId, activityTitle }: { mergerId: string; activityId: string; activityTitle: string }) {
  const { m } = useI18n();
  const t = m.checklist.addTask;
  const create = useCreateTask(mergerId);
  const announce = useAnnounce();
  const { values, setValues, errors, otherErrors, change, validate, showServerError } = useFormState({ title: '' }, ['title'] as const, {
    messages: { title: { required: t.titleRequired } },
  });
  // One field: whatever went wrong is said at it.
  const error = errors.title ?? (otherErrors.length > 0 ? otherErrors.join(' ') : undefined);
  const inputId = `add-task-${activityId}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateTaskBody = { activityId, title: values.title.trim() };
    if (!validate(createTaskBody, body)) return;
    create.mutate(body, {
      onSuccess: (task) => {
        setValues({ title: '' });
        announce(m.announcer.taskCreated(task.title));
      },
      onError: showServerError,
    });
  };

  return (
    <Details className='samla-add-task'>
      <Details.Summary>{t.toggle}</Details.Summary>
      <Details.Content>
        <form onSubmit={onSubmit} noValidate className='samla-add-task__form'>
          <Textfield
            id={inputId}
            label={
              <>
                {t.title}
                <span className='ds-sr-only'> {t.under(activityTitle)}</span>
              </>
            }
            description={t.description}
            value={values.title}
            onChange={(event) => change('title', event.target.value)}
            error={error}
            autoComplete='off'
          />
          <Button type='submit' variant='secondary' data-size='sm' loading={create.isPending} disabled={create.isPending}>
            {t.submit}
          </Button>
        </form>
      </Details.Content>
    </Details>
  );
}
