import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { AuditEntry } from '#shared/contracts/audit.ts';
import { RouterLink } from '#web/components/router-link.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { entityName, fieldName, formatValue, type FormatContext } from './history-format.ts';

const pageSize = 100;

interface HistoryTableProps {
  mergerId: string;
  entries: AuditEntry[];
  caption: string;
  /** Off on a task's own page, where every entry is about that task. */
  showEntity?: boolean;
  municipalityNames: ReadonlyMap<string, string>;
  /** User id → name, for entries whose label the server did not keep (a removed member). */
  memberNames?: ReadonlyMap<string, string>;
}

/** The changes, newest first, a hundred at a time so a long history stays quick to show. */
export function HistoryTable({ mergerId, entries, caption, showEntity = true, municipalityNames, memberNames }: HistoryTableProps) {
  const i18n = useI18n();
  const { m, fmt } = i18n;
  const t = m.history;
  const [limit, setLimit] = useState(pageSize);
  const context: FormatContext = { ...i18n, municipalityNames };
  const shown = entries.slice(0, limit);

  return (
    <>
      <div className='samla-table-scroll'>
        <Table data-color='neutral' className='samla-table samla-history-table' data-size='sm' border>
          <caption className='ds-sr-only'>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col' className='samla-history-table__at'>
                {t.at}
              </Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.who}</Table.HeaderCell>
              {showEntity && <Table.HeaderCell scope='col'>{t.what}</Table.HeaderCell>}
              <Table.HeaderCell scope='col'>{t.handling}</Table.HeaderCell>
              <Table.HeaderCell scope='col' className='samla-history-table__changes'>
                {t.changes}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((entry) => (
              <Table.Row key={entry.id}>
                <Table.Cell className='samla-nowrap'>
                  <time dateTime={entry.at}>{fmt.timestamp(entry.at)}</time>
                </Table.Cell>
                <Table.Cell>
                  <span className='samla-history-table__actor'>{entry.actor.name}</span>
                  {entry.actor.email && entry.actor.email !== entry.actor.name && (
                    <span className='samla-history-table__email samla-muted'>{entry.actor.email}</span>
                  )}
                </Table.Cell>
                {showEntity && (
                  <Table.Cell>
                    <EntityCell mergerId={mergerId} entry={entry} memberNames={memberNames} />
                  </Table.Cell>
                )}
                <Table.Cell className='samla-nowrap'>{t.actions[entry.action]}</Table.Cell>
                <Table.Cell>
                  {entry.changes.length === 0 ? (
                    <span className='samla-muted'>{t.noFieldChanges}</span>
                  ) : (
                    <ul className='samla-changes'>
                      {entry.changes.map((change, index) => (
                        <li key={`${change.field}-${index}`}>
                          <span className='samla-changes__field'>{fieldName(change.field, i18n)}:</span>{' '}
                          {entry.action === 'create' && (change.old === null || change.old === undefined) ? (
                            <span className='samla-changes__new'>{formatValue(change.field, change.new, context)}</span>
                          ) : (
                            <>
                              <span className='samla-changes__old'>{formatValue(change.field, change.old, context)}</span>{' '}
                              <span aria-hidden='true'>→</span>
                              <span className='ds-sr-only'>{t.changedTo}</span>{' '}
                              <span className='samla-changes__new'>{formatValue(change.field, change.new, context)}</span>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {entries.length > limit && (
        <div className='samla-show-more'>
          <Paragraph data-size='sm' className='samla-muted'>
            {t.showingOf(limit, entries.length)}
          </Paragraph>
          <Button variant='secondary' data-size='sm' onClick={() => setLimit((current) => current + pageSize)}>
            {t.showMore(fmt.number(Math.min(pageSize, entries.length - limit)))}
          </Button>
        </div>
      )}
    </>
  );
}

function EntityCell({ mergerId, entry, memberNames }: { mergerId: string; entry: AuditEntry; memberNames: ReadonlyMap<string, string> | undefined }) {
  const i18n = useI18n();
  const kind = entityName(entry, i18n);
  const label = entry.entityLabel ?? memberNames?.get(entry.entityId) ?? null;
  if (entry.entity === 'merger') return <>{kind}</>;
  return (
    <>
      <span className='samla-history-table__kind'>{kind}</span>{' '}
      {entry.entity === 'task' ? (
        <RouterLink to={paths.task(mergerId, entry.entityId)}>{label ?? entry.entityId}</RouterLink>
      ) : (
        <span>{label ?? entry.entityId}</span>
      )}
    </>
  );
}
