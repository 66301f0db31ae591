import { Button, Field, Heading, Label, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import { taskTitleInContext } from '#shared/task-title.ts';
import { useAddDependency, useRemoveDependency, useSchedule } from '#web/features/plan/plan.schedule.api.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { StatusTag } from '#web/components/status-tag.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';

/** «Avhenger av»: the tasks this one waits for, changed at once (not with the form's Lagre). */
export function TaskDependencies({ mergerId, task, editable }: { mergerId: string; task: Task; editable: boolean }) {
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
