import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { myWorkKinds, type MyWork, type MyWorkItem } from '#shared/contracts/my-work.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { myWorkParam, myWorkQueryFromSearch, myWorkStatusValues } from './my-work-filters.ts';
import { useCreateMyCalendarFeed, useDeleteMyCalendarFeed, useMyCalendarFeed, useMyWork } from './my-work.api.ts';

/** «Mine oppgaver»: what I am responsible for across my mergers, overdue first, and my calendar address. */
export function MyWorkPage() {
  const { m } = useI18n();
  const t = m.myWork;
  useDocumentTitle(t.title);
  const [search, setSearch] = useSearchParams();
  const query = myWorkQueryFromSearch(search);
  const work = useMyWork(query);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };

  return (
    <>
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      <div className='samla-filters' role='group' aria-label={t.filtersLabel}>
        <Field>
          <Label htmlFor='my-work-merger'>{t.merger}</Label>
          <Select id='my-work-merger' value={query.mergerId ?? ''} onChange={(event) => set(myWorkParam.merger, event.target.value)}>
            <Select.Option value=''>{t.allMergers}</Select.Option>
            {(work.data?.mergers ?? []).map((merger) => (
              <Select.Option key={merger.id} value={merger.id}>
                {merger.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor='my-work-status'>{t.status}</Label>
          <Select
            id='my-work-status'
            value={query.status}
            onChange={(event) => set(myWorkParam.status, event.target.value === 'open' ? '' : event.target.value)}
          >
            {myWorkStatusValues.map((value) => (
              <Select.Option key={value} value={value}>
                {t.statusFilter[value]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor='my-work-kind'>{t.kind}</Label>
          <Select id='my-work-kind' value={query.kind ?? ''} onChange={(event) => set(myWorkParam.kind, event.target.value)}>
            <Select.Option value=''>{t.allKinds}</Select.Option>
            {myWorkKinds.map((kind) => (
              <Select.Option key={kind} value={kind}>
                {t.kinds[kind]}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      {work.isPending && <Loading />}
      {work.isError && <LoadError error={work.error} onRetry={() => void work.refetch()} />}
      {work.data && <WorkTable data={work.data} />}
      <MyCalendar />
    </>
  );
}

function statusText(item: MyWorkItem, m: ReturnType<typeof useI18n>['m']): string {
  switch (item.kind) {
    case 'task':
      return m.status[item.status as keyof typeof m.status] ?? item.status;
    case 'mitigation':
      return m.risks.mitigationStatuses[item.status] ?? item.status;
    case 'benefit':
      return m.benefits.statuses[item.status as keyof typeof m.benefits.statuses] ?? item.status;
    case 'decision':
      return m.decisions.states[item.status as keyof typeof m.decisions.states] ?? item.status;
  }
}

function WorkTable({ data }: { data: MyWork }) {
  const { m, fmt } = useI18n();
  const t = m.myWork;
  const overdue = data.items.filter((item) => item.overdue).length;
  if (data.items.length === 0) return <Paragraph data-testid='my-work-empty'>{t.empty}</Paragraph>;
  return (
    <>
      <Paragraph role='status' data-size='sm'>
        {t.count(data.items.length, overdue)}
      </Paragraph>
      <ScrollRegion label={t.caption}>
        <Table data-color='neutral' className='samla-table' border data-size='sm' data-testid='my-work-table'>
          <caption className='ds-sr-only'>{t.caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col'>{t.what}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.kind}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.merger}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.dueDate}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.status}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.items.map((item) => (
              <Table.Row key={`${item.kind}-${item.id}`}>
                <Table.HeaderCell scope='row'>
                  <RouterLink to={item.link}>{item.title}</RouterLink>
                </Table.HeaderCell>
                <Table.Cell>{t.kinds[item.kind]}</Table.Cell>
                <Table.Cell>{item.mergerName}</Table.Cell>
                <Table.Cell className='samla-nowrap'>
                  {item.dueDate ? fmt.date(item.dueDate) : t.noDate}
                  {item.overdue && (
                    <>
                      {' '}
                      <Tag data-size='sm' data-color='danger'>
                        {t.overdue}
                      </Tag>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell>{statusText(item, m)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </>
  );
}

/** My own secret calendar address: made, replaced or deleted here, shown once. */
function MyCalendar() {
  const { m, fmt } = useI18n();
  const t = m.myWork.feed;
  const announce = useAnnounce();
  const feed = useMyCalendarFeed();
  const create = useCreateMyCalendarFeed();
  const remove = useDeleteMyCalendarFeed();
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (created) headingRef.current?.focus();
  }, [created]);
  const copy = async () => {
    if (!created) return;
    await navigator.clipboard.writeText(created);
    setCopied(true);
    announce(t.copiedAnnounce);
  };
  return (
    <section className='samla-section' aria-labelledby='my-feed-heading'>
      <Heading level={2} data-size='sm' id='my-feed-heading'>
        {t.heading}
      </Heading>
      <Paragraph>{t.lead}</Paragraph>
      {feed.data && (
        <Paragraph data-size='sm'>
          {feed.data.exists && feed.data.createdAt ? t.exists(fmt.dateTime(feed.data.createdAt)) : t.none}
          {feed.data.exists && <> {feed.data.lastUsedAt ? t.lastUsed(fmt.dateTime(feed.data.lastUsedAt)) : t.neverUsed}</>}
        </Paragraph>
      )}
      {created && (
        <Alert data-color='warning'>
          <Heading level={3} data-size='2xs' ref={headingRef} tabIndex={-1}>
            {t.newHeading}
          </Heading>
          <Paragraph>{t.newWarning}</Paragraph>
          <Textfield
            id='my-calendar-feed-address'
            label={t.field}
            value={created}
            readOnly
            spellCheck={false}
            autoComplete='off'
            onFocus={(event) => event.currentTarget.select()}
          />
          <Paragraph data-size='sm'>{m.contractDeadlines.feed.usage}</Paragraph>
          <div className='samla-actions'>
            <Button variant='secondary' onClick={() => void copy()}>
              {copied ? t.copied : t.copy}
            </Button>
            <Button variant='tertiary' onClick={() => setCreated(null)}>
              {t.done}
            </Button>
          </div>
        </Alert>
      )}
      {(create.isError || remove.isError) && (
        <Alert data-color='danger'>
          <Paragraph>{t.failed}</Paragraph>
        </Alert>
      )}
      <div className='samla-actions'>
        <Button
          variant='secondary'
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: (answer) => {
                setCopied(false);
                setCreated(new URL(answer.path, window.location.origin).href);
              },
            })
          }
          disabled={create.isPending}
          aria-busy={create.isPending || undefined}
        >
          {create.isPending ? t.creating : feed.data?.exists ? t.replace : t.create}
        </Button>
        {feed.data?.exists && (
          <Button
            variant='tertiary'
            data-color='danger'
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  setCreated(null);
                  announce(t.removed);
                },
              })
            }
            disabled={remove.isPending}
          >
            {t.remove}
          </Button>
        )}
      </div>
    </section>
  );
}
