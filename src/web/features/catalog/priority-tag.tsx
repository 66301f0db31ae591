import { Tag } from '@digdir/designsystemet-react';
import type { TaskPriority } from '#catalog/catalog.schema.ts';
import { useI18n } from '#web/i18n/messages.ts';

/** «Kritisk» in red, «Middels» in yellow: the word carries the meaning, the colour repeats it. */
export function PriorityTag({ priority }: { priority: TaskPriority }) {
  const { m } = useI18n();
  return (
    <Tag data-size='sm' data-color={priority === 'critical' ? 'danger' : 'warning'} className='samla-priority-tag'>
      {priority === 'critical' ? m.catalog.critical : m.catalog.medium}
    </Tag>
  );
}
