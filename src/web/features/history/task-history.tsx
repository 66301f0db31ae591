import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { useHistory } from './history.api.ts';
import { HistoryTable } from './history-table.tsx';

/** The task's own history, under the task: who changed what, and from what to what. */
export function TaskHistory({ mergerId, task }: { mergerId: string; task: Task }) {
  const { m } = useI18n();
  const t = m.history;
  const history = useHistory(mergerId, { entity: 'task', entityId: task.id });
  return (
    <section className='samla-section samla-task-history' aria-labelledby='task-history-heading'>
      <div className='samla-section-head'>
        <Heading level={2} data-size='sm' id='task-history-heading'>
          {t.taskHistory}
        </Heading>
        <RouterLink to={paths.history(mergerId)}>{t.seeAll}</RouterLink>
      </div>
      {history.isPending && <Loading />}
      {history.isError && <LoadError error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.length === 0 && <Paragraph className='samla-muted'>{t.taskHistoryEmpty}</Paragraph>}
      {history.data && history.data.length > 0 && <HistoryTable mergerId={mergerId} entries={history.data} caption={t.taskHistory} showEntity={false} />}
    </section>
  );
}
