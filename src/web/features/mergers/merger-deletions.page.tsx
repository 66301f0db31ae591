import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useCurrentUser } from '#web/features/auth/session.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { useMergerDeletions } from './mergers.api.ts';

/** The instance's log of deleted mergers, for administrators (decision 033). */
export function MergerDeletionsPage() {
  const { m, fmt } = useI18n();
  const t = m.mergers.deletions;
  useDocumentTitle(t.title);
  const me = useCurrentUser();
  const deletions = useMergerDeletions(me.isAdministrator);

  if (!me.isAdministrator) {
    return (
      <>
        <Heading level={1} data-size='lg'>
          {m.errors.forbiddenTitle}
        </Heading>
        <Paragraph>{t.adminOnly}</Paragraph>
      </>
    );
  }
  return (
    <>
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {deletions.isPending && <Loading />}
      {deletions.isError && <LoadError error={deletions.error} onRetry={() => void deletions.refetch()} />}
      {deletions.data && deletions.data.length === 0 && <Paragraph>{t.empty}</Paragraph>}
      {deletions.data && deletions.data.length > 0 && (
        <ScrollRegion label={t.tableCaption}>
          <Table data-color='neutral' className='samla-table' data-size='sm' border>
            <caption className='ds-sr-only'>{t.tableCaption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.name}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.deletedBy}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.deletedAt}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.counts}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {deletions.data.map((deletion) => (
                <Table.Row key={deletion.id}>
                  <Table.HeaderCell scope='row'>
                    {deletion.mergerName}
                    {deletion.isDemo && ` ${t.demo}`}
                  </Table.HeaderCell>
                  <Table.Cell>{deletion.deletedBy.name}</Table.Cell>
                  <Table.Cell className='samla-nowrap'>{fmt.dateTime(deletion.deletedAt)}</Table.Cell>
                  <Table.Cell>
                    {Object.entries(deletion.counts)
                      .map(([kind, count]) => t.count(t.countKinds[kind] ?? kind, fmt.number(count)))
                      .join('; ')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </>
  );
}
