import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { contractActions, type ContractDeadlines } from '#shared/contracts/contract-deadlines.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import {
  contractDeadlinesIcsUrl,
  mergerCalendarUrl,
  useCalendarFeed,
  useContractDeadlines,
  useCreateCalendarFeed,
  useDeleteCalendarFeed,
} from './contract-deadlines.api.ts';
import '#web/styles/contract-deadlines.css';

type Contract = ContractDeadlines['contracts'][number];

/** The filters in the URL, so a reload or a shared link keeps them. */
const municipalityParam = 'kommune';
const actionParam = 'tiltak';

/** Red for what is already too late; the text says the same, the colour only repeats it. */
const statusColor: Record<Contract['status'], 'danger' | 'warning' | 'success' | 'neutral'> = {
  overdue: 'danger',
  expired: 'danger',
  due_soon: 'warning',
  ok: 'success',
  none: 'neutral',
};

export function ContractDeadlinesPage() {
  const { mergerId, merger, trail } = useMergerRoute();
  const { m } = useI18n();
  const t = m.contractDeadlines;
  const deadlines = useContractDeadlines(mergerId);
  useDocumentTitle(t.documentTitle(merger.name));
  const error = deadlines.error;
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>
        {t.lead} <RouterLink to={paths.decisions(mergerId)}>{t.goToDecisions}</RouterLink>
      </Paragraph>
      {error && <LoadError error={error} onRetry={() => void deadlines.refetch()} />}
      {!error && deadlines.isPending && <Loading />}
      {deadlines.data && <Deadlines merger={merger} data={deadlines.data} />}
    </>
  );
}

/** The secret address a calendar program subscribes to: made, replaced or deleted here, shown once. */
function CalendarSubscription({ merger }: { merger: MergerDetail }) {
  const { m, fmt } = useI18n();
  const t = m.contractDeadlines.feed;
  const announce = useAnnounce();
  const feed = useCalendarFeed(merger.id);
  const create = useCreateCalendarFeed(merger.id);
  const remove = useDeleteCalendarFeed(merger.id);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editable = can(merger, 'edit');
  useEffect(() => {
    if (created) headingRef.current?.focus();
  }, [created]);
  const make = () =>
    create.mutate(undefined, {
      onSuccess: (answer) => {
        setCopied(false);
        setCreated(new URL(answer.path, window.location.origin).href);
      },
    });
  const copy = async () => {
    if (!created) return;
    await navigator.clipboard.writeText(created);
    setCopied(true);
    announce(m.announcer.copied);
  };
  return (
    <section className='samla-deadlines-ics' aria-labelledby='deadlines-feed-heading'>
      <Heading level={2} data-size='xs' id='deadlines-feed-heading'>
        {t.heading}
      </Heading>
      <Paragraph>{t.lead}</Paragraph>
      <Paragraph>
        <Link href={mergerCalendarUrl(merger.id)} download='samla-frister-og-milepaeler.ics'>
          {t.downloadAll}
        </Link>
      </Paragraph>
      {feed.data && (
        <Paragraph data-size='sm'>
          {feed.data.exists && feed.data.createdBy && feed.data.createdAt
            ? t.exists(feed.data.createdByIsMember === false ? t.formerMember(feed.data.createdBy) : feed.data.createdBy, fmt.dateTime(feed.data.createdAt))
            : t.none}
          {/* Owners and leads are told whether it is in use (null for others). */}
          {feed.data.exists && feed.data.createdByIsMember !== null && (
            <> {feed.data.lastUsedAt ? t.lastUsed(fmt.dateTime(feed.data.lastUsedAt)) : t.neverUsed}</>
          )}
        </Paragraph>
      )}
      {feed.data?.exists && feed.data.createdByIsMember === false && feed.data.createdBy && (
        <Alert data-color='warning'>
          <Paragraph>{t.makerLeft(feed.data.createdBy)}</Paragraph>
        </Alert>
      )}
      {created && (
        <Alert data-color='warning'>
          <Heading level={3} data-size='2xs' ref={headingRef} tabIndex={-1}>
            {t.newHeading}
          </Heading>
          <Paragraph>{t.newWarning}</Paragraph>
          <Textfield
            id='calendar-feed-address'
            label={t.field}
            value={created}
            readOnly
            spellCheck={false}
            autoComplete='off'
            onFocus={(event) => event.currentTarget.select()}
          />
          <Paragraph data-size='sm'>{t.usage}</Paragraph>
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
      {editable ? (
        <div className='samla-actions'>
          <Button variant='secondary' onClick={make} disabled={create.isPending} aria-busy={create.isPending || undefined}>
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
      ) : (
        <Paragraph data-size='sm' className='samla-muted'>
          {t.readOnly}
        </Paragraph>
      )}
    </section>
  );
}

function Deadlines({ merger, data }: { merger: MergerDetail; data: ContractDeadlines }) {
  const { m, fmt } = useI18n();
  const t = m.contractDeadlines;
  const [params, setParams] = useSearchParams();
  const municipality = params.get(municipalityParam) ?? '';
  const rawAction = params.get(actionParam) ?? '';
  const action = (contractActions as readonly string[]).includes(rawAction) ? rawAction : '';
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const names = useMemo(() => new Map(merger.municipalities.map((mu) => [mu.number, mu.name])), [merger]);
  const shown = data.contracts.filter(
    (contract) => (municipality === '' || contract.municipalityNumber === municipality) && (action === '' || contract.action === action),
  );

  return (
    <>
      <dl className='samla-facts samla-deadlines-facts'>
        <div>
          <dt>{t.mergerDate}</dt>
          <dd>{fmt.date(data.mergerDate)}</dd>
        </div>
        <div>
          <dt>{t.transitionEnd}</dt>
          <dd>{fmt.date(data.transitionEnd)}</dd>
        </div>
      </dl>
      <Paragraph data-size='sm' className='samla-muted'>
        {t.transitionNote}
      </Paragraph>

      <section className='samla-deadlines-ics' aria-labelledby='deadlines-ics-heading'>
        <Heading level={2} data-size='xs' id='deadlines-ics-heading'>
          {t.icsHeading}
        </Heading>
        <Paragraph>
          <Link href={contractDeadlinesIcsUrl(merger.id)} download='samla-avtalefrister.ics' aria-describedby='deadlines-ics-hint'>
            {t.icsLink}
          </Link>
        </Paragraph>
        <Paragraph data-size='sm' className='samla-muted' id='deadlines-ics-hint'>
          {t.icsHint}
        </Paragraph>
      </section>

      <CalendarSubscription merger={merger} />

      {data.contracts.length === 0 ? (
        <Alert data-color='info'>
          <Paragraph>{t.empty}</Paragraph>
        </Alert>
      ) : (
        <>
          <section className='samla-filters' aria-labelledby='deadlines-filters-heading'>
            <Heading level={2} data-size='2xs' id='deadlines-filters-heading'>
              {t.filtersHeading}
            </Heading>
            <div className='samla-filters__row'>
              <Field>
                <Label>{t.municipality}</Label>
                <Select id='deadlines-municipality' value={municipality} onChange={(event) => set(municipalityParam, event.target.value || undefined)}>
                  <Select.Option value=''>{t.allMunicipalities}</Select.Option>
                  {merger.municipalities.map((mu) => (
                    <Select.Option key={mu.number} value={mu.number}>
                      {mu.name}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Field>
                <Label>{t.action}</Label>
                <Select id='deadlines-action' value={action} onChange={(event) => set(actionParam, event.target.value || undefined)}>
                  <Select.Option value=''>{t.allActions}</Select.Option>
                  {contractActions.map((key) => (
                    <Select.Option key={key} value={key}>
                      {t.actions[key]}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              {(municipality !== '' || action !== '') && (
                <Button variant='tertiary' data-size='sm' onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                  {t.clearFilters}
                </Button>
              )}
            </div>
            <Paragraph data-size='sm' className='samla-muted' role='status'>
              {t.count(shown.length, data.contracts.length, fmt.number)}
            </Paragraph>
          </section>
          {shown.length === 0 ? (
            <Alert data-color='info'>
              <Paragraph>{t.noMatches}</Paragraph>
            </Alert>
          ) : (
            // Wide, a table; under 48rem each contract is a card of named values (the CSS reflows the
            // same table, so it stays one table to assistive technology). The region can take focus in
            // case a long word still makes it scroll.
            <div className='samla-table-scroll samla-scroll-focus' tabIndex={0} role='region' aria-label={t.caption}>
              {/* The explicit roles keep the table a table where a browser drops its semantics when CSS reflows it. */}
              <Table data-color='neutral' className='samla-table samla-deadlines-table' border data-size='sm' role='table' aria-label={t.caption}>
                <caption className='ds-sr-only'>{t.caption}</caption>
                <Table.Head role='rowgroup'>
                  <Table.Row role='row'>
                    <Table.HeaderCell scope='col' role='columnheader'>
                      {t.columns.municipality}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope='col' role='columnheader'>
                      {t.columns.contract}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope='col' role='columnheader'>
                      {t.columns.systems}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope='col' role='columnheader'>
                      {t.columns.endDate}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope='col' role='columnheader'>
                      {t.columns.noticePeriod}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope='col' role='columnheader'>
                      {t.columns.action}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope='col' role='columnheader'>
                      {t.columns.deadline}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope='col' role='columnheader'>
                      {t.columns.status}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body role='rowgroup'>
                  {shown.map((contract) => (
                    <ContractRow key={contract.contractId} contract={contract} municipalityName={names.get(contract.municipalityNumber)} />
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
    </>
  );
}

/** A column's name inside the cell, shown only when the table is reflowed into cards (the header row is then hidden). */
function CellLabel({ children }: { children: string }) {
  return (
    <span className='samla-reflow__label' aria-hidden='true'>
      {children}
    </span>
  );
}

const extendActions: ReadonlySet<string> = new Set(['extend_before_merger', 'extend_until_retired']);

function ContractRow({ contract, municipalityName }: { contract: Contract; municipalityName: string | undefined }) {
  const { m, fmt } = useI18n();
  const t = m.contractDeadlines;
  const late = contract.status === 'overdue' || contract.status === 'expired';
  const extend = extendActions.has(contract.action);
  const notes = [
    ...(contract.legalReview ? [t.legalReview] : []),
    ...contract.flags.map((flag) => (extend && flag === 'notice_period_unknown' ? t.extendNoticeUnknown : (t.flags[flag] ?? flag))),
  ];
  const meaning = t.deadlineMeaning[contract.action];
  const actionWords = t.actions[contract.action] ?? contract.action;
  return (
    <Table.Row role='row' className={late ? 'samla-deadline--late' : undefined}>
      <Table.Cell role='cell'>
        <CellLabel>{t.columns.municipality}</CellLabel>
        <span>{municipalityName ?? contract.municipalityNumber}</span>
      </Table.Cell>
      <Table.HeaderCell scope='row' role='rowheader' className='samla-deadline__contract'>
        <span>
          <strong>{contract.vendor}</strong>
          <br />
          <span className='samla-muted'>{contract.subject ?? t.noSubject}</span>
        </span>
      </Table.HeaderCell>
      <Table.Cell role='cell'>
        <CellLabel>{t.columns.systems}</CellLabel>
        {contract.systems.length === 0 ? (
          <span className='samla-muted'>{t.noSystems}</span>
        ) : (
          <ul className='samla-deadline__list'>
            {contract.systems.map((system) => (
              <li key={system.id}>
                {system.name} <span className='samla-muted'>({t.fates[system.fate] ?? system.fate})</span>
              </li>
            ))}
          </ul>
        )}
      </Table.Cell>
      <Table.Cell role='cell' className='samla-nowrap'>
        <CellLabel>{t.columns.endDate}</CellLabel>
        {contract.endDate ? <span>{fmt.date(contract.endDate)}</span> : <span className='samla-muted'>{t.noEndDate}</span>}
      </Table.Cell>
      <Table.Cell role='cell' className='samla-nowrap'>
        <CellLabel>{t.columns.noticePeriod}</CellLabel>
        {contract.noticePeriodMonths === null ? (
          <span className='samla-muted'>{t.unknown}</span>
        ) : (
          <span>{t.months(fmt.number(contract.noticePeriodMonths))}</span>
        )}
      </Table.Cell>
      <Table.Cell role='cell'>
        <CellLabel>{t.columns.action}</CellLabel>
        {extend && contract.deadline ? (
          // Runs out while the system is still needed: what and by when in one sentence, as the issue asked.
          <span>
            <strong>{t.mustExtend(actionWords, fmt.date(contract.deadline))}</strong>
            {contract.action === 'extend_until_retired' && contract.neededUntil && (
              <>
                <br />
                <span className='samla-muted'>{t.neededUntil(fmt.date(contract.neededUntil))}</span>
              </>
            )}
          </span>
        ) : (
          <span>{actionWords}</span>
        )}
      </Table.Cell>
      <Table.Cell role='cell'>
        <CellLabel>{t.columns.deadline}</CellLabel>
        {contract.deadline ? (
          <span>
            <strong className='samla-nowrap samla-deadline__date'>{fmt.date(contract.deadline)}</strong>
            {meaning && (
              <>
                <br />
                <span className='samla-muted'>{meaning}</span>
              </>
            )}
          </span>
        ) : (
          <span className='samla-muted'>{t.noDeadline}</span>
        )}
      </Table.Cell>
      <Table.Cell role='cell'>
        <CellLabel>{t.columns.status}</CellLabel>
        <span>
          <Tag data-color={statusColor[contract.status]} data-size='sm' variant={contract.status === 'none' ? 'outline' : 'default'}>
            {t.statuses[contract.status] ?? contract.status}
          </Tag>
          {notes.length > 0 && (
            <ul className='samla-deadline__list samla-deadline__notes'>
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </span>
      </Table.Cell>
    </Table.Row>
  );
}
