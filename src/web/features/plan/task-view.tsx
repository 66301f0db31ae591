import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useLocation } from 'react-router';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { RouterLink } from '#web/components/router-link.tsx';
import { StatusTag } from '#web/components/status-tag.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';

export interface TaskLocationState {
  from?: string;
}

/** The task's title and where it sits in the checklist; the same for editors and readers. */
export function TaskHeading({ task, merger }: { task: Task; merger: MergerDetail | undefined }) {
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
export function TaskView({ task, merger }: { task: Task; merger: MergerDetail | undefined }) {
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
          <dd>{task.responsibleName ?? notSet}</dd>
        </div>
        {task.municipalityNumber !== null && (
          <div>
            <dt>{t.municipality}</dt>
            <dd>{merger?.municipalities.find((municipality) => municipality.number === task.municipalityNumber)?.name ?? task.municipalityNumber}</dd>
          </div>
        )}
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
