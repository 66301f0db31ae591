import { Fieldset, Heading, Link, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { mergerCalendarUrl } from '#web/features/contract-deadlines/contract-deadlines.api.ts';
import { exportXlsxUrl } from '#web/features/inventory/inventory.api.ts';
import { useState } from 'react';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { todayInOslo } from '#shared/calendar-dates.ts';
import { can } from '#web/features/mergers/permissions.ts';
import { periodProblem, statusReportUrl } from './report-period.ts';
import { IssueReportForm } from './issue-report-form.tsx';
import { IssuedReports } from './issued-reports.tsx';
import { useIssuedReports } from './reports.api.ts';

export function ReportsPage() {
  const { mergerId, merger, trail } = useMergerRoute();
  const { m, fmt } = useI18n();
  const t = m.reports;
  const issued = useIssuedReports(mergerId);
  const next = issued.data?.nextPeriod;
  useDocumentTitle(t.documentTitle(merger.name));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const problem = periodProblem(from, to, todayInOslo(new Date()));
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <section aria-labelledby='status-report-heading'>
        <Heading level={2} data-size='md' id='status-report-heading'>
          {t.statusReport.title}
        </Heading>
        <Paragraph>{t.statusReport.lead}</Paragraph>
        <Fieldset>
          <Fieldset.Legend>{t.statusReport.period}</Fieldset.Legend>
          <Fieldset.Description>
            {t.statusReport.periodDescription}
            {next && ` ${t.statusReport.defaultPeriod(fmt.date(next.from), fmt.date(next.to))}`}
          </Fieldset.Description>
          <Textfield
            id='report-from'
            type='date'
            label={t.statusReport.from}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            min='2000-01-01'
            max='2200-12-31'
            className='samla-date-field'
          />
          <Textfield
            id='report-to'
            type='date'
            label={t.statusReport.to}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            min='2000-01-01'
            max='2200-12-31'
            className='samla-date-field'
          />
          {problem && <ValidationMessage id='report-period-problem'>{t.statusReport.problems[problem]}</ValidationMessage>}
        </Fieldset>
        <Paragraph>
          {problem ? (
            <span className='samla-muted'>{t.statusReport.fixPeriod}</span>
          ) : (
            <>
              <Link href={statusReportUrl(mergerId, from, to)} download>
                {t.statusReport.download}
              </Link>{' '}
              <span className='samla-muted'>{t.statusReport.draftNote}</span>
            </>
          )}
        </Paragraph>
        {can(merger, 'decide') ? (
          <IssueReportForm mergerId={mergerId} period={{ from, to }} />
        ) : (
          <Paragraph data-size='sm' data-testid='only-deciders-issue'>
            {t.issue.onlyDeciders}
          </Paragraph>
        )}
      </section>
      <IssuedReports mergerId={mergerId} list={issued.data} />
      <section aria-labelledby='reports-other-heading'>
        <Heading level={2} data-size='sm' id='reports-other-heading'>
          {t.other.title}
        </Heading>
        <ul>
          <li>
            <Link href={exportXlsxUrl(mergerId)} download>
              {t.other.workbook}
            </Link>{' '}
            <span className='samla-muted'>{t.other.workbookNote}</span>
          </li>
          <li>
            <Link href={mergerCalendarUrl(mergerId)} download>
              {t.other.calendar}
            </Link>{' '}
            <span className='samla-muted'>{t.other.calendarNote}</span>
          </li>
        </ul>
      </section>
    </>
  );
}
