import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { memo } from 'react';
import type { DecisionOverview, Readiness } from '#shared/contracts/decisions.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { PriorityTag } from '#web/features/catalog/priority-tag.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { useDecisionOverview, useReadiness } from './decisions.api.ts';
import { acceptedDeferralText, daysLeftText, missingReasons } from './readiness-text.ts';
import '#web/styles/decisions.css';

export function DecisionsPage() {
  const { mergerId, merger, trail, editable } = useMergerRoute();
  const { m } = useI18n();
  const t = m.decisions;
  const overview = useDecisionOverview(mergerId);
  const readiness = useReadiness(mergerId);
  useDocumentTitle(t.documentTitle(merger.name));
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {!editable && (
        <Alert data-color='info' className='samla-read-only-note'>
          <Paragraph>{t.readOnly}</Paragraph>
        </Alert>
      )}
      {readiness.isError && <LoadError error={readiness.error} onRetry={() => void readiness.refetch()} />}
      {readiness.data && <ReadinessSummary mergerId={mergerId} readiness={readiness.data} />}
      {overview.isError && <LoadError error={overview.error} onRetry={() => void overview.refetch()} />}
      {(overview.isPending || readiness.isPending) && <Loading />}
      {overview.data && <Sectors mergerId={mergerId} overview={overview.data} />}
    </>
  );
}

function ReadinessSummary({ mergerId, readiness }: { mergerId: string; readiness: Readiness }) {
  const { m, fmt } = useI18n();
  const t = m.decisions.readiness;
  return (
    <section className='samla-section samla-readiness' aria-labelledby='readiness-heading'>
      <Heading level={2} data-size='sm' id='readiness-heading'>
        {t.heading}
      </Heading>
      <p className='samla-readiness__figure' data-testid='readiness-summary'>
        {t.summary(readiness.ready, readiness.criticalTotal)}
      </p>
      <Paragraph>{daysLeftText(readiness.daysLeft, readiness.mergerDate, m, fmt)}</Paragraph>
      <Paragraph data-size='sm' className='samla-muted'>
        {t.explanation}
      </Paragraph>
      {readiness.missing.length === 0 ? (
        <Paragraph>{t.allReady}</Paragraph>
      ) : (
        <>
          <Heading level={3} data-size='2xs' className='samla-mt-4'>
            {t.missingHeading}
          </Heading>
          <ul className='samla-readiness__missing'>
            {readiness.missing.map((entry) => (
              <li key={entry.areaId}>
                <RouterLink to={paths.decisionArea(mergerId, entry.areaId)}>{entry.areaName}</RouterLink>
                {': '}
                {missingReasons(entry, m, fmt).join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {readiness.acceptedDeferrals.length > 0 && (
        <>
          <Heading level={3} data-size='2xs' className='samla-mt-4'>
            {t.acceptedHeading}
          </Heading>
          <ul className='samla-readiness__missing' data-testid='readiness-accepted-deferrals'>
            {readiness.acceptedDeferrals.map((entry) => (
              <li key={entry.areaId}>
                <RouterLink to={paths.decisionArea(mergerId, entry.areaId)}>{entry.areaName}</RouterLink>
                {': '}
                {acceptedDeferralText(entry, m, fmt)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Sectors({ mergerId, overview }: { mergerId: string; overview: DecisionOverview }) {
  const { m } = useI18n();
  if (overview.sectors.every((sector) => sector.areas.length === 0)) {
    return (
      <Alert data-color='info'>
        <Paragraph>{m.decisions.overview.empty}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      {overview.sectors
        .filter((sector) => sector.areas.length > 0)
        .map((sector) => (
          <SectorTable key={sector.id} mergerId={mergerId} sector={sector} municipalities={overview.municipalities} />
        ))}
    </>
  );
}

type Sector = DecisionOverview['sectors'][number];
type Area = Sector['areas'][number];

const SectorTable = memo(function SectorTable({
  mergerId,
  sector,
  municipalities,
}: {
  mergerId: string;
  sector: Sector;
  municipalities: DecisionOverview['municipalities'];
}) {
  const { m } = useI18n();
  const t = m.decisions.overview;
  const headingId = `sector-${sector.id}`;
  return (
    <section className='samla-section' aria-labelledby={headingId}>
      <Heading level={2} data-size='sm' id={headingId}>
        {sector.name}
      </Heading>
      <ScrollRegion label={t.caption(sector.name)}>
        <Table data-color='neutral' className='samla-table samla-decisions-table' border data-size='sm'>
          <caption className='ds-sr-only'>{t.caption(sector.name)}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col'>{t.area}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.priority}</Table.HeaderCell>
              {municipalities.map((mu) => (
                <Table.HeaderCell key={mu.number} scope='col' className='samla-decisions-table__count'>
                  {mu.name}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope='col' className='samla-decisions-table__count'>
                {t.suggestions}
              </Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.decision}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sector.areas.map((area) => (
              <AreaRow key={area.id} mergerId={mergerId} area={area} municipalities={municipalities} />
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </section>
  );
});

function AreaRow({ mergerId, area, municipalities }: { mergerId: string; area: Area; municipalities: DecisionOverview['municipalities'] }) {
  const { m, fmt } = useI18n();
  const t = m.decisions;
  const decision = area.decision;
  return (
    <Table.Row>
      <Table.HeaderCell scope='row'>
        <RouterLink to={paths.decisionArea(mergerId, area.id)}>{area.name}</RouterLink>
      </Table.HeaderCell>
      <Table.Cell>{area.priority ? <PriorityTag priority={area.priority} /> : <span className='ds-sr-only'>{t.overview.noPriority}</span>}</Table.Cell>
      {municipalities.map((mu) => {
        const count = area.systemsByMunicipality[mu.number] ?? 0;
        return (
          <Table.Cell key={mu.number} className={`samla-decisions-table__count${count === 0 ? ' samla-muted' : ''}`}>
            {fmt.number(count)}
          </Table.Cell>
        );
      })}
      <Table.Cell className='samla-decisions-table__count'>{fmt.number(area.suggestionCount)}</Table.Cell>
      <Table.Cell>
        {decision ? (
          <div className='samla-decision-cell'>
            <span>
              <strong>{t.outcomes[decision.outcome]}</strong>{' '}
              <Tag data-size='sm' data-color={decision.state === 'adopted' ? 'success' : 'info'}>
                {t.states[decision.state]}
              </Tag>
            </span>
            {decision.targetSystemName && <span>{decision.targetSystemName}</span>}
            <span className='samla-muted'>{t.timings[decision.timing]}</span>
            {decision.deferral && (
              <span>
                <Tag data-size='sm' data-color={decision.deferral === 'accepted' ? 'neutral' : 'warning'}>
                  {t.overview.deferral[decision.deferral]}
                </Tag>
              </span>
            )}
          </div>
        ) : (
          <span className='samla-muted'>{t.overview.noDecision}</span>
        )}
      </Table.Cell>
    </Table.Row>
  );
}
