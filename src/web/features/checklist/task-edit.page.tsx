import { useParams } from 'react-router';
import { taskTitleInContext } from '#shared/task-title.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { Loading, PageLoadError } from '#web/components/query-state.tsx';
import { useMerger } from '#web/features/mergers/mergers.api.ts';
import { can } from '#web/features/mergers/permissions.ts';
import { TaskHistory } from '#web/features/history/task-history.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { useTask } from './checklist.api.ts';
import { TaskForm } from './task-form.tsx';
import { TaskView } from './task-view.tsx';
import { TaskDependencies } from './task-dependencies.tsx';

export function TaskEditPage() {
  const { mergerId = '', taskId = '' } = useParams();
  const { m } = useI18n();
  const task = useTask(mergerId, taskId);
  const merger = useMerger(mergerId);
  useDocumentTitle(task.data ? taskTitleInContext(task.data) : task.isError ? m.errors.loadFailed : m.common.loading);

  const trail = [{ label: m.mergers.list.title, to: paths.mergers() }];
  if (merger.data) {
    trail.push({ label: merger.data.name, to: paths.merger(mergerId) });
    if (task.data) trail.push({ label: m.checklist.page.title, to: paths.checklist(mergerId, { phase: task.data.phase }) });
  }

  if (task.isError) {
    return (
      <>
        <PageBreadcrumbs trail={trail} />
        <PageLoadError error={task.error} onRetry={() => void task.refetch()} />
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
      <TaskDependencies mergerId={mergerId} task={task.data} editable={can(merger.data, 'edit')} />
      <TaskHistory mergerId={mergerId} task={task.data} merger={merger.data} />
    </>
  );
}
