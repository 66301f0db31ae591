import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReportList } from '#shared/contracts/reports.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { issuedReportUrl } from './reports.api.ts';

/** The reports as the steering group got them, newest first; each downloads exactly as issued. */
export function IssuedReports({ mergerId, list }: { mergerId: string; list: ReportList | undefined }) {
  const { m, fmt } = useI18n();
  const t = m.reports.issued;
  const reports = list?.reports ?? [];
  return (
    <section aria-labelledby='issued-reports-heading' className='samla-section'>
      <Heading level={2} data-size='md' id='issued-reports-heading'>
        {t.heading}
      </Heading>
      {reports.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <>
          <Paragraph>{t.lead}</Paragraph>
          <div className='samla-table-scroll'>
            <Table data-testid='issued-reports'>
              <caption className='ds-sr-only'>{t.caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.issuedAt}</Table.HeaderCell>
                  <Table.HeaderCell>{t.issuedBy}</Table.HeaderCell>
                  <Table.HeaderCell>{t.period}</Table.HeaderCell>
                  <Table.HeaderCell>{t.status}</Table.HeaderCell>
                  <Table.HeaderCell>{t.file}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {reports.map((report) => {
                  const period = `${fmt.date(report.period.from)}–${fmt.date(report.period.to)}`;
                  return (
                    <Table.Row key={report.id}>
                      <Table.Cell>{fmt.dateTime(report.issuedAt)}</Table.Cell>
                      <Table.Cell>{report.issuedBy}</Table.Cell>
                      <Table.Cell>{period}</Table.Cell>
                      <Table.Cell>{t.statuses[report.overallStatus]}</Table.Cell>
                      <Table.Cell>
                        <Link href={issuedReportUrl(mergerId, report.id)} download>
                          {t.download(period)}
                        </Link>
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
