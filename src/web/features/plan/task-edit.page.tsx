import { useParams } from 'react-router';
import { taskTitleInContext } from '#shared/task-title.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { Loading, PageLoadError } from '#web/components/query-state.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { TaskHistory } from '#web/features/history/task-history.tsx';
import { Comments } from '#web/features/comments/comments-section.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { useTask } from './plan.tasks.api.ts';
import { TaskForm } from './task-form.tsx';
import { TaskView } from './task-view.tsx';
import { TaskDependencies } from './task-dependencies.tsx';

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
      <Comments mergerId={mergerId} subjectKind='task' subjectId={task.data.id} />
      <TaskHistory mergerId={mergerId} task={task.data} />
    </>
  );
}
