import { Alert, Card, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { ProgressSummary, progressText } from '#web/components/progress-summary.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useDashboard, type DashboardQuery } from '#web/features/dashboard/dashboard.api.ts';
import { MergerDashboard } from '#web/features/dashboard/merger-dashboard.tsx';
import { DemoNotice, DemoTag } from '#web/features/demo/demo-merger.tsx';
import { useI18n, type I18n } from '#web/i18n/messages.ts';
import { daysBetween, todayInOslo } from '#shared/calendar-dates.ts';
import { paths } from '#web/lib/paths.ts';
import { useMergerRoute } from './merger-route.tsx';

function countdownText(mergerDate: string, { m }: I18n): string {
  const t = m.mergers.overview;
  const days = daysBetween(todayInOslo(new Date()), mergerDate);
  if (days === 0) return t.today;
  if (days > 0) return t.daysLeft(days);
  return t.daysSince(-days);
}

export function MergerOverviewPage() {
  const { mergerId, merger, trail } = useMergerRoute();
  // Asked for by the route's loader together with the merger: the dashboard is the slower of the two.
  const dashboard = useDashboard(mergerId);
  useDocumentTitle(merger.name);
  return (
    <>
      {/* The start page is the merger itself: the trail ends above it. */}
      <PageBreadcrumbs trail={trail.slice(0, -1)} />
      <Overview merger={merger} dashboard={dashboard} />
    </>
  );
}

function Overview({ merger, dashboard }: { merger: MergerDetail; dashboard: DashboardQuery }) {
  const { can } = useMergerRoute();
  const i18n = useI18n();
  const { m, fmt } = i18n;
  const t = m.mergers.overview;
  const forms = new Set(merger.municipalities.map((municipality) => municipality.languageForm));

  return (
    <>
      <Heading level={1} data-size='lg'>
        {merger.name}
        {merger.isDemo && (
          <>
            {' '}
            <DemoTag />
          </>
        )}
      </Heading>
      {merger.isDemo && <DemoNotice />}
      {can('administer') && (
        <Paragraph>
          <RouterLink to={paths.editMerger(merger.id)}>{merger.archivedAt === null ? t.editLink : t.archivedEditLink}</RouterLink>
        </Paragraph>
      )}
      <nav aria-label={t.sectionsLabel} className='samla-merger-nav'>
        <ul>
          <li>
            <RouterLink to={paths.schedule(merger.id)}>{m.schedule.title}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.inventory(merger.id)}>{m.inventory.overviewLink}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.sideBySide(merger.id)}>{m.inventory.sideBySide.title}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.decisions(merger.id)}>{m.decisions.title}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.contractDeadlines(merger.id)}>{m.contractDeadlines.title}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.risks(merger.id)}>{m.risks.title}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.integrationGraph(merger.id)}>{m.integrationGraph.title}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.members(merger.id)}>{t.membersLink}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.history(merger.id)}>{t.historyLink}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.benefits(merger.id)}>{m.benefits.title}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.opportunities(merger.id)}>{m.opportunities.title}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.reports(merger.id)}>{m.reports.navLink}</RouterLink>
          </li>
        </ul>
      </nav>

      <MergerDashboard mergerId={merger.id} dashboard={dashboard} />

      <Card data-color='neutral' className='samla-overview-facts'>
        <dl className='samla-facts'>
          <div>
            <dt>{t.newMunicipality}</dt>
            <dd>{merger.newMunicipalityName}</dd>
          </div>
          <div>
            <dt>{t.mergerDate}</dt>
            <dd>{fmt.date(merger.mergerDate)}</dd>
          </div>
          <div>
            <dt>{t.countdown}</dt>
            <dd>{countdownText(merger.mergerDate, i18n)}</dd>
          </div>
          <div>
            <dt>{t.catalogVersion}</dt>
            <dd>{t.catalogVersionValue(merger.catalog.version)}</dd>
          </div>
          <div>
            <dt>{m.mergers.documentLanguage.overview}</dt>
            <dd className='samla-document-language'>{m.mergers.documentLanguage.options[merger.documentLanguage]}</dd>
          </div>
          <div>
            <dt>{t.yourRole}</dt>
            <dd className='samla-your-role'>{m.roles[merger.myRole]}</dd>
          </div>
        </dl>
        <div>
          <span className='samla-label'>{t.overallProgress}</span>
          <ProgressSummary progress={merger.progress.merger} details />
        </div>
      </Card>

      <section className='samla-section' aria-labelledby='municipalities-heading'>
        <Heading level={2} data-size='sm' id='municipalities-heading'>
          {t.municipalitiesHeading}
        </Heading>
        <Paragraph className='samla-lead'>{t.languageFormNote}</Paragraph>
        <ScrollRegion label={t.municipalitiesHeading}>
          <Table data-color='neutral' className='samla-table samla-table--compact' border data-size='sm'>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.municipality}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.number}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.languageForm}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {merger.municipalities.map((municipality) => (
                <Table.Row key={municipality.number}>
                  <Table.HeaderCell scope='row'>{municipality.name}</Table.HeaderCell>
                  <Table.Cell>{municipality.number}</Table.Cell>
                  <Table.Cell>{m.languageForm[municipality.languageForm]}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
        {forms.size > 1 && (
          <Alert data-color='info' className='samla-mt-2'>
            <Paragraph>{t.mixedLanguageForms}</Paragraph>
          </Alert>
        )}
      </section>

      <section className='samla-section' aria-labelledby='phases-heading'>
        <div className='samla-section-head'>
          <Heading level={2} data-size='sm' id='phases-heading'>
            {t.phasesHeading}
          </Heading>
          <RouterLink to={paths.checklist(merger.id)}>{t.openChecklist}</RouterLink>
        </div>
        <ol className='samla-phase-list'>
          {merger.progress.phases.map((phase) => (
            <li key={phase.phaseId}>
              <Card data-color='neutral' className='samla-phase-card'>
                <Card.Block>
                  <Heading level={3} data-size='xs'>
                    <RouterLink to={paths.checklist(merger.id, { phase: phase.number })}>{t.phaseLink(fmt.number(phase.number), phase.name)}</RouterLink>
                  </Heading>
                  <ProgressSummary progress={phase.progress} details size='sm' />
                </Card.Block>
                <Details>
                  <Details.Summary>{t.activitiesOf(fmt.number(phase.number))}</Details.Summary>
                  <Details.Content>
                    <Table data-color='neutral' className='samla-table' data-size='sm'>
                      <Table.Head>
                        <Table.Row>
                          <Table.HeaderCell scope='col'>{t.activity}</Table.HeaderCell>
                          <Table.HeaderCell scope='col'>{t.activityProgress}</Table.HeaderCell>
                        </Table.Row>
                      </Table.Head>
                      <Table.Body>
                        {phase.activities.map((activity) => (
                          <Table.Row key={activity.activityId}>
                            <Table.HeaderCell scope='row'>{activity.title}</Table.HeaderCell>
                            <Table.Cell className='samla-nowrap'>{progressText(activity.progress, m, fmt)}</Table.Cell>
                          </Table.Row>
                        ))}
                      </Table.Body>
                    </Table>
                  </Details.Content>
                </Details>
              </Card>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
