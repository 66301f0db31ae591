import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { Member } from '#shared/contracts/members.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { useMembers } from '#web/features/members/members.api.ts';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { isCalendarDate } from '#shared/calendar-dates.ts';
import { hasHistoryFilters, historyActions, historyEntities, historyFiltersFromSearch, historySearch, type HistoryFilters } from '#web/lib/history-filters.ts';
import { historyExportUrl, useHistory } from './history.api.ts';
import { HistoryTable } from './history-table.tsx';

export function HistoryPage() {
  const { mergerId, merger, trail } = useMergerRoute();
  const { m } = useI18n();
  const t = m.history;
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => historyFiltersFromSearch(searchParams), [searchParams]);
  const members = useMembers(mergerId);
  const history = useHistory(mergerId, filters);
  const announce = useAnnounce();
  useDocumentTitle(t.documentTitle(merger.name));

  // Two quick changes in a row must not undo each other (see the checklist's filters).
  const latestFilters = useRef(filters);
  useEffect(() => {
    latestFilters.current = filters;
  }, [filters]);
  const changeFilters = (change: Partial<HistoryFilters> | 'clear') => {
    const next = change === 'clear' ? {} : { ...latestFilters.current, ...change };
    latestFilters.current = next;
    setSearchParams(new URLSearchParams(historySearch(next)), { replace: true });
  };

  const count = history.data && !history.isPlaceholderData ? history.data.length : undefined;
  const countText = count === undefined ? m.common.loading : m.announcer.historyResults(count);
  // Tell screen reader users what a filter change did; the table itself is not a live region.
  const lastCount = useRef<string | undefined>(undefined);
  const countKey = count === undefined ? undefined : `${historySearch(filters)}:${count}`;
  useEffect(() => {
    if (countKey === undefined) return;
    if (lastCount.current !== undefined && lastCount.current !== countKey) announce(countText);
    lastCount.current = countKey;
  }, [countKey, countText, announce]);

  const memberNames = useMemo(() => new Map((members.data ?? []).map((member) => [member.userId, `${member.name} (${member.email})`])), [members.data]);

  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>

      <Filters merger={merger} members={members.data ?? []} filters={filters} onChange={changeFilters} countText={countText} />
      {history.isError && <LoadError error={history.error} onRetry={() => void history.refetch()} />}
      {history.isPending && !history.isError && <Loading />}
      {history.data && (
        <div aria-busy={history.isPlaceholderData} className='samla-checklist-results samla-history'>
          {history.data.length === 0 ? (
            <Alert data-color='info'>
              <Paragraph>{hasHistoryFilters(filters) ? t.noMatches : t.empty}</Paragraph>
            </Alert>
          ) : (
            <HistoryTable
              // A new filter starts again at the first hundred.
              key={historySearch(filters)}
              mergerId={mergerId}
              entries={history.data}
              caption={t.tableCaption}
              memberNames={memberNames}
            />
          )}
        </div>
      )}
    </>
  );
}

interface FiltersProps {
  merger: MergerDetail;
  members: Member[];
  filters: HistoryFilters;
  onChange: (change: Partial<HistoryFilters> | 'clear') => void;
  countText: string;
}

function Filters({ merger, members, filters, onChange, countText }: FiltersProps) {
  const { m } = useI18n();
  const t = m.history;
  const active = hasHistoryFilters(filters);
  const actorKnown = filters.actor === undefined || members.some((member) => member.userId === filters.actor);
  const setDate = (key: 'from' | 'to', value: string) => onChange({ [key]: value === '' || !isCalendarDate(value) ? undefined : value });
  return (
    <section className='samla-filters' aria-labelledby='history-filters-heading'>
      <Heading level={2} data-size='2xs' id='history-filters-heading'>
        {t.filtersHeading}
      </Heading>
      <div className='samla-filters__row samla-filters__row--history'>
        <Field>
          <Label>{t.entity}</Label>
          <Select
            id='history-entity'
            value={filters.entity ?? ''}
            onChange={(event) => onChange({ entity: historyEntities.find((entity) => entity === event.target.value) })}
          >
            <Select.Option value=''>{t.allEntities}</Select.Option>
            {historyEntities.map((entity) => (
              <Select.Option key={entity} value={entity}>
                {t.entityOptions[entity]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t.action}</Label>
          <Select
            id='history-action'
            value={filters.action ?? ''}
            onChange={(event) => onChange({ action: historyActions.find((action) => action === event.target.value) })}
          >
            <Select.Option value=''>{t.allActions}</Select.Option>
            {historyActions.map((action) => (
              <Select.Option key={action} value={action}>
                {t.actions[action]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t.actor}</Label>
          <Select
            id='history-actor'
            value={filters.actor ?? ''}
            onChange={(event) => onChange({ actor: event.target.value === '' ? undefined : event.target.value })}
          >
            <Select.Option value=''>{t.allActors}</Select.Option>
            {members.map((member) => (
              <Select.Option key={member.userId} value={member.userId}>
                {member.name}
              </Select.Option>
            ))}
            {!actorKnown && filters.actor && <Select.Option value={filters.actor}>{filters.actor}</Select.Option>}
          </Select>
        </Field>
        <Textfield
          id='history-from'
          type='date'
          label={t.from}
          value={filters.from ?? ''}
          onChange={(event) => setDate('from', event.target.value)}
          min='2000-01-01'
          max='2200-12-31'
          className='samla-date-field'
        />
        <Textfield
          id='history-to'
          type='date'
          label={t.to}
          value={filters.to ?? ''}
          onChange={(event) => setDate('to', event.target.value)}
          min='2000-01-01'
          max='2200-12-31'
          className='samla-date-field'
        />
        {active && (
          <Button variant='tertiary' data-size='sm' onClick={() => onChange('clear')} className='samla-filters__clear'>
            {t.clearFilters}
          </Button>
        )}
      </div>
      <div className='samla-filters__foot'>
        <Paragraph data-size='sm' className='samla-muted'>
          {countText}
        </Paragraph>
        <ul className='samla-downloads' aria-label={t.download}>
          <li>
            <Link href={historyExportUrl(merger.id, filters, 'xlsx')} download>
              {t.downloadXlsx}
            </Link>
          </li>
          <li>
            <Link href={historyExportUrl(merger.id, filters, 'csv')} download>
              {t.downloadCsv}
            </Link>
          </li>
        </ul>
      </div>
    </section>
  );
}
