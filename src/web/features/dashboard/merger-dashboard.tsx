import { Card, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import type { Dashboard } from '#shared/contracts/dashboard.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { acceptedDeferralText, missingReasons } from '#web/features/decisions/readiness-text.ts';
import { riskSearch, textColorOn } from '#web/features/risks/risk-view.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import type { DashboardQuery } from './dashboard.api.ts';
import { countsByClass, daysLeftFigure, upcomingTarget } from './dashboard-text.ts';
import '#web/styles/dashboard.css';

/**
 * The merger's start page figures, as a grid of cards. Each figure is a link
 * to the list behind it and is written out in words; colour only repeats it.
 */
export function MergerDashboard({ dashboard }: { mergerId: string; dashboard: DashboardQuery }) {
  const { m } = useI18n();
  const t = m.dashboard;
  return (
    <section className='samla-section samla-dashboard' aria-labelledby='dashboard-heading' data-testid='dashboard'>
      <Heading level={2} data-size='sm' id='dashboard-heading'>
        {t.heading}
      </Heading>
      <Paragraph data-size='sm' className='samla-lead'>
        {t.lead}
      </Paragraph>
      {dashboard.isError && <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {dashboard.isPending && <Loading />}
      {dashboard.data && (
        <ul className='samla-dashboard__grid'>
          <DaysLeftCard data={dashboard.data} />
          <ReadinessCard data={dashboard.data} />
          <OverdueCard data={dashboard.data} />
          <UpcomingCard data={dashboard.data} />
          <RiskCard data={dashboard.data} />
          <BenefitsCard data={dashboard.data} />
        </ul>
      )}
    </section>
  );
}

function DashCard({ id, heading, children }: { id: string; heading: string; children: React.ReactNode }) {
  return (
    <li>
      <Card data-color='neutral' className='samla-dashboard__card' data-testid={`dashboard-card-${id}`}>
        <Heading level={3} data-size='xs' id={`dashboard-${id}-heading`}>
          {heading}
        </Heading>
        {children}
      </Card>
    </li>
  );
}

/**
 * «103 dager til sammenslåingsdatoen …» as one link; the number large, the words after it.
 * `elementtiming` has the browser note when the figure is painted (bench/web.ts).
 */
function Figure({ to, figure, text, testId }: { to: string; figure: string; text: string; testId: string }) {
  return (
    <p className='samla-dashboard__figure' elementtiming={`figure-${testId}`}>
      <RouterLink to={to} data-testid={testId}>
        <span className='samla-dashboard__number'>{figure}</span> <span className='samla-dashboard__words'>{text}</span>
      </RouterLink>
    </p>
  );
}

function DaysLeftCard({ data }: { data: Dashboard }) {
  const { m, fmt } = useI18n();
  const t = m.dashboard.daysLeft;
  const { figure, text } = daysLeftFigure(data.daysLeft, data.merger.mergerDate, m, fmt);
  const { progress } = data;
  return (
    <DashCard id='days' heading={t.heading}>
      <Figure to={paths.schedule(data.merger.id)} figure={figure} text={text} testId='dashboard-days-left' />
      <Paragraph data-size='sm'>
        {progress.percent === null ? (
          t.noTasks
        ) : (
          <RouterLink to={paths.checklist(data.merger.id)}>{t.progress(progress.done, progress.total, fmt.number(progress.percent))}</RouterLink>
        )}
      </Paragraph>
      <Paragraph data-size='sm'>
        <DsLink href='#phases-heading'>{t.phasesLink}</DsLink>
      </Paragraph>
    </DashCard>
  );
}

function ReadinessCard({ data }: { data: Dashboard }) {
  const { m, fmt } = useI18n();
  const t = m.dashboard.readiness;
  const { readiness } = data;
  const mergerId = data.merger.id;
  return (
    <DashCard id='readiness' heading={t.heading}>
      <Figure
        to={paths.decisions(mergerId)}
        figure={t.figure(fmt.number(readiness.ready), fmt.number(readiness.criticalTotal))}
        text={t.summary(readiness.criticalTotal)}
        testId='dashboard-readiness'
      />
      {readiness.missingCount === 0 ? (
        <Paragraph data-size='sm'>{t.allReady}</Paragraph>
      ) : (
        <>
          <Paragraph data-size='sm' className='samla-dashboard__subheading' id='dashboard-missing-heading'>
            {t.missingHeading}
          </Paragraph>
          <ul className='samla-dashboard__list' aria-labelledby='dashboard-missing-heading'>
            {readiness.missing.map((entry) => (
              <li key={entry.areaId}>
                <RouterLink to={paths.decisionArea(mergerId, entry.areaId)}>{entry.areaName}</RouterLink>
                {`: ${missingReasons(entry, m, fmt).join(', ')}`}
              </li>
            ))}
            {readiness.missingCount > readiness.missing.length && (
              <li>
                <RouterLink to={paths.decisions(mergerId)}>{t.more(fmt.number(readiness.missingCount - readiness.missing.length))}</RouterLink>
              </li>
            )}
          </ul>
        </>
      )}
      {readiness.acceptedDeferrals.length > 0 && (
        <>
          <Paragraph data-size='sm' className='samla-dashboard__subheading' id='dashboard-deferred-heading'>
            {t.acceptedHeading}
          </Paragraph>
          <ul className='samla-dashboard__list' aria-labelledby='dashboard-deferred-heading' data-testid='dashboard-accepted-deferrals'>
            {readiness.acceptedDeferrals.map((entry) => (
              <li key={entry.areaId}>
                <RouterLink to={paths.decisionArea(mergerId, entry.areaId)}>{entry.areaName}</RouterLink>
                {`: ${acceptedDeferralText(entry, m, fmt)}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </DashCard>
  );
}

function OverdueCard({ data }: { data: Dashboard }) {
  const { m, fmt } = useI18n();
  const t = m.dashboard.overdue;
  const { overdue } = data;
  const mergerId = data.merger.id;
  return (
    <DashCard id='overdue' heading={t.heading}>
      <Figure
        to={paths.checklist(mergerId, { overdue: true })}
        figure={t.figure(fmt.number(overdue.count))}
        text={t.summary(overdue.count)}
        testId='dashboard-overdue-link'
      />
      {overdue.count === 0 ? (
        <Paragraph data-size='sm'>{t.none}</Paragraph>
      ) : (
        <ul className='samla-dashboard__list' aria-label={t.listLabel}>
          {overdue.tasks.map((task) => (
            <li key={task.id}>
              <RouterLink to={paths.task(mergerId, task.id)}>{task.title}</RouterLink>
              {`, ${t.due(fmt.date(task.dueDate))}`}
            </li>
          ))}
        </ul>
      )}
    </DashCard>
  );
}

function UpcomingCard({ data }: { data: Dashboard }) {
  const { m, fmt } = useI18n();
  const t = m.dashboard.upcoming;
  const { upcoming } = data;
  const mergerId = data.merger.id;
  return (
    <DashCard id='upcoming' heading={t.heading}>
      <Figure
        to={paths.schedule(mergerId)}
        figure={fmt.number(upcoming.items.length)}
        text={t.summary(upcoming.items.length, t.period(fmt.date(upcoming.from), fmt.date(upcoming.to)))}
        testId='dashboard-upcoming'
      />
      {upcoming.items.length === 0 ? (
        <Paragraph data-size='sm'>{t.none}</Paragraph>
      ) : (
        <ul className='samla-dashboard__list samla-dashboard__upcoming' data-testid='dashboard-upcoming-list'>
          {upcoming.items.map((item) => (
            <li key={`${item.kind}-${item.targetId}`}>
              <span className='samla-nowrap'>{fmt.date(item.date)}</span> <span className='samla-dashboard__kind'>{t.kinds[item.kind]}:</span>{' '}
              <RouterLink to={upcomingTarget(mergerId, item)}>{item.title}</RouterLink>
            </li>
          ))}
        </ul>
      )}
      <Paragraph data-size='sm'>
        <RouterLink to={paths.schedule(mergerId)}>{t.scheduleLink}</RouterLink>
        {' · '}
        <RouterLink to={paths.contractDeadlines(mergerId)}>{t.deadlinesLink}</RouterLink>
      </Paragraph>
    </DashCard>
  );
}

function RiskCard({ data }: { data: Dashboard }) {
  const { m, fmt } = useI18n();
  const t = m.dashboard.risks;
  const { risks } = data;
  const mergerId = data.merger.id;
  const { matrix } = risks;
  const likelihoodDescending = matrix.likelihood.map((_, index) => index).reverse();
  const classOf = (l: number, c: number) => matrix.classes.find((candidate) => candidate.key === matrix.grid[l]?.[c]);
  return (
    <DashCard id='risks' heading={t.heading}>
      <Figure
        to={paths.risks(mergerId, riskSearch({ level: risks.red.classKey }))}
        figure={t.figure(fmt.number(risks.red.inherent))}
        text={t.redSummary(risks.red.inherent, risks.red.className)}
        testId='dashboard-red-risks'
      />
      <Paragraph data-size='sm'>
        {t.residual(fmt.number(risks.red.residual), risks.red.className)} {t.total(risks.total)}
        {risks.unassessed > 0 && ` ${t.unassessed(fmt.number(risks.unassessed))}`}
      </Paragraph>
      <Paragraph data-size='sm' data-testid='dashboard-risk-classes'>
        {countsByClass(risks)
          .map((entry) => `${entry.name}: ${fmt.number(entry.count)}`)
          .join(' · ')}
      </Paragraph>
      <table className='samla-mini-heatmap'>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <td />
            {matrix.consequence.map((_, c) => (
              <th key={c} scope='col' title={matrix.consequence[c]!.name}>
                <span aria-hidden='true'>{fmt.number(c + 1)}</span>
                <span className='ds-sr-only'>{t.consequence(fmt.number(c + 1))}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {likelihoodDescending.map((l) => (
            <tr key={l}>
              <th scope='row' title={matrix.likelihood[l]!.name}>
                <span aria-hidden='true'>{fmt.number(l + 1)}</span>
                <span className='ds-sr-only'>{t.likelihood(fmt.number(l + 1))}</span>
              </th>
              {matrix.consequence.map((_, c) => {
                const riskClass = classOf(l, c);
                const color = riskClass?.color ?? '#ffffff';
                const count = risks.inherent[l]?.[c] ?? 0;
                const label = t.cellLabel(count, riskClass?.name ?? '', fmt.number(l + 1), fmt.number(c + 1));
                return (
                  <td key={c} style={{ backgroundColor: color, color: textColorOn(color) }} title={label}>
                    {count > 0 ? (
                      <RouterLink
                        to={paths.risks(mergerId, riskSearch({ cell: `${l + 1}-${c + 1}` }))}
                        aria-label={label}
                        style={{ color: textColorOn(color) }}
                      >
                        {fmt.number(count)}
                      </RouterLink>
                    ) : (
                      <>
                        <span aria-hidden='true'>·</span>
                        <span className='ds-sr-only'>{label}</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Paragraph data-size='sm'>
        <RouterLink to={paths.riskHeatmap(mergerId)}>{t.heatmapLink}</RouterLink>
        {' · '}
        <RouterLink to={paths.risks(mergerId)}>{t.listLink}</RouterLink>
      </Paragraph>
    </DashCard>
  );
}

function BenefitsCard({ data }: { data: Dashboard }) {
  const { m, fmt } = useI18n();
  const t = m.dashboard.benefits;
  const { benefits } = data;
  const mergerId = data.merger.id;
  return (
    <DashCard id='benefits' heading={t.heading}>
      <Figure to={paths.benefits(mergerId)} figure={t.figure(fmt.number(benefits.behindCount))} text={t.summary(benefits.total)} testId='dashboard-benefits' />
      {benefits.behindCount === 0 ? (
        <Paragraph data-size='sm'>{t.none}</Paragraph>
      ) : (
        <ul className='samla-dashboard__list'>
          {benefits.behind.map((benefit) => (
            <li key={benefit.id}>
              <RouterLink to={paths.benefit(mergerId, benefit.id)}>{benefit.title}</RouterLink>
              {`: ${t.behindIndicators(benefit.behindCount)}`}
            </li>
          ))}
        </ul>
      )}
    </DashCard>
  );
}
