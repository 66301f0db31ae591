import { Tag } from '@digdir/designsystemet-react';
import type { TaskStatus } from '#shared/contracts/plan.tasks.ts';
import { useI18n } from '#web/i18n/messages.ts';

const colorOf: Record<TaskStatus, 'neutral' | 'info' | 'success' | 'warning'> = {
  not_started: 'neutral',
  in_progress: 'info',
  done: 'success',
  not_relevant: 'neutral',
};

/** A task's status as text in a tag; the colour only repeats what the text says. */
export function StatusTag({ status }: { status: TaskStatus }) {
  const { m } = useI18n();
  return (
    <Tag data-color={colorOf[status]} data-size='sm' variant={status === 'not_relevant' ? 'outline' : 'default'}>
      {m.status[status]}
    </Tag>
  );
}
