import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { AuditEntry } from '#shared/contracts/audit.ts';
import { RouterLink } from '#web/components/router-link.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import './history.css';

const pageSize = 100;

interface HistoryTableProps {
  mergerId: string;
  entries: AuditEntry[];
  caption: string;
  /** Off on a task's own page, where every entry is about that task. */
  showEntity?: boolean;
  /**
   * Not needed any more: the server names the municipalities (and every other
   * value) in `display`. Kept so pages that still pass it need no change.
   */
  municipalityNames?: ReadonlyMap<string, string>;
  /** User id → name, for entries whose label the server did not keep (a removed member). */
  memberNames?: ReadonlyMap<string, string>;
}

/**
 * The changes, newest first, a hundred at a time so a long history stays
 * quick to show. Every word comes from the server's `display` (the same words
 * as the xlsx and CSV). The table fits the page: long names and values wrap,
 * and on a phone each change is a card with the column names beside the values.
 */
export function HistoryTable({ mergerId, entries, caption, showEntity = true, memberNames }: HistoryTableProps) {
  const { m, fmt } = useI18n();
  const t = m.history;
  const [limit, setLimit] = useState(pageSize);
  const shown = entries.slice(0, limit);

  return (
    <>
      <div className='samla-history-wrap'>
        <Table data-color='neutral' className='samla-table samla-history-table' data-size='sm' border>
          <caption className='ds-sr-only'>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col' className='samla-history-table__at'>
                {t.at}
              </Table.HeaderCell>
              <Table.HeaderCell scope='col' className='samla-history-table__who'>
                {t.who}
              </Table.HeaderCell>
              {showEntity && (
                <Table.HeaderCell scope='col' className='samla-history-table__what'>
                  {t.what}
                </Table.HeaderCell>
              )}
              <Table.HeaderCell scope='col' className='samla-history-table__action'>
                {t.handling}
              </Table.HeaderCell>
              <Table.HeaderCell scope='col' className='samla-history-table__changes'>
                {t.changes}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((entry) => (
              <Table.Row key={entry.id}>
                <Table.Cell data-label={t.at}>
                  <time dateTime={entry.at}>{fmt.timestamp(entry.at)}</time>
                </Table.Cell>
                <Table.Cell data-label={t.who}>
                  <span className='samla-history-table__actor'>{entry.actor.name}</span>
                  {entry.actor.email && entry.actor.email !== entry.actor.name && (
                    <span className='samla-history-table__email samla-muted'>{entry.actor.email}</span>
                  )}
                </Table.Cell>
                {showEntity && (
                  <Table.Cell data-label={t.what}>
                    <EntityCell mergerId={mergerId} entry={entry} memberNames={memberNames} />
                  </Table.Cell>
                )}
                <Table.Cell data-label={t.handling}>{entry.display.action}</Table.Cell>
                <Table.Cell data-label={t.changes}>
                  {entry.display.changes.length === 0 ? (
                    <span className='samla-muted'>{t.noFieldChanges}</span>
                  ) : (
                    <ul className='samla-changes'>
                      {entry.display.changes.map((change, index) => (
                        <li key={`${change.field}-${index}`}>
                          <span className='samla-changes__field'>{change.field}:</span>{' '}
                          {/* A created row says what it started as, a deleted one what it was. */}
                          {entry.action === 'create' && change.old === null ? (
                            <span className='samla-changes__new'>{change.new ?? t.emptyValue}</span>
                          ) : entry.action === 'delete' && change.new === null ? (
                            <span className='samla-changes__old'>{change.old ?? t.emptyValue}</span>
                          ) : (
                            <>
                              <span className='samla-changes__old'>{change.old ?? t.emptyValue}</span> <span aria-hidden='true'>→</span>
                              <span className='ds-sr-only'>{t.changedTo}</span> <span className='samla-changes__new'>{change.new ?? t.emptyValue}</span>
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
  const { display } = entry;
  // The server keeps every entry's name; an old membership entry without one falls back to today's member list.
  const label = display.label ?? memberNames?.get(entry.entityId) ?? null;
  if (entry.entity === 'merger' || label === null) return <>{display.entity}</>;
  return (
    <>
      <span className='samla-history-table__kind'>{display.entity}</span>{' '}
      {entry.entity === 'task' ? <RouterLink to={paths.task(mergerId, entry.entityId)}>{label}</RouterLink> : <span>{label}</span>}
    </>
  );
}
