import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { TaskStatus } from '#shared/contracts/plan.tasks.ts';
import type { AreaDecision } from '#shared/contracts/decisions.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { RouterLink } from '#web/components/router-link.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { StatusTag } from '#web/components/status-tag.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { phaseNumber } from './decision-form.ts';

const taskStatuses: readonly TaskStatus[] = ['not_started', 'in_progress', 'done', 'not_relevant'];
export function PlannedTasks({ merger, data }: { merger: MergerDetail; data: AreaDecision }) {
  const { m, fmt } = useI18n();
  const t = m.decisions.planned;
  if (!data.decision) return null;
  return (
    <section className='samla-section' aria-labelledby='planned-heading'>
      <Heading level={2} data-size='sm' id='planned-heading'>
        {t.heading}
      </Heading>
      {data.plannedTasks.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <>
          <Paragraph>{t.lead}</Paragraph>
          <ScrollRegion label={t.caption}>
            <Table data-color='neutral' className='samla-table' border data-size='sm'>
              <caption className='ds-sr-only'>{t.caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope='col'>{t.task}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.phase}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.status}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.plannedTasks.map((task) => {
                  const phase = phaseNumber(task.phaseId);
                  const status = taskStatuses.find((candidate) => candidate === task.status);
                  return (
                    <Table.Row key={task.id}>
                      <Table.Cell>
                        <RouterLink to={paths.task(merger.id, task.id)}>{task.title}</RouterLink>
                      </Table.Cell>
                      <Table.Cell className='samla-nowrap'>
                        {phase === undefined ? (
                          task.phaseId
                        ) : (
                          <RouterLink to={paths.checklist(merger.id, { phase })}>{t.phaseNumber(fmt.number(phase))}</RouterLink>
                        )}
                      </Table.Cell>
                      <Table.Cell>{status ? <StatusTag status={status} /> : task.status}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
