import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { issueReportBody, overallStatuses } from '#shared/contracts/reports.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFieldErrors } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { emptyReport, reportBodyOf, reportFieldMessages, reportFields, type ReportField, type ReportValues } from './report-form.ts';
import { useIssueReport } from './reports.api.ts';

const inputIds: Record<ReportField, string> = {
  overallStatus: `report-status-${overallStatuses[0]}`,
  statusReason: 'report-status-reason',
  mainPoints: 'report-main-points',
  decisionsRequested: 'report-decisions-requested',
};

/**
 * The project leader's own words before the report is made (decision 038): the overall status
 * with its reason, the main points and what the steering group is asked to decide. The period
 * is the one chosen above, shared with the draft.
 */
export function IssueReportForm({ mergerId, period }: { mergerId: string; period: { from: string; to: string } }) {
  const { m, fmt } = useI18n();
  const t = m.reports.issue;
  const announce = useAnnounce();
  const issue = useIssueReport(mergerId);
  const [values, setValues] = useState<ReportValues>(emptyReport);
  const [issuedNote, setIssuedNote] = useState<string | null>(null);
  const { errors, otherErrors, attempt, clearField, validate, showServerError } = useFieldErrors<ReportField>(reportFields, reportFieldMessages(m));

  const change = <K extends keyof ReportValues>(field: K, value: ReportValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setIssuedNote(null);
    clearField(field);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setIssuedNote(null);
    const body = reportBodyOf(values, period);
    if (!validate(issueReportBody, body)) return;
    issue.mutate(body, {
      onSuccess: (issued) => {
        const text = t.issued(`${fmt.date(issued.period.from)}–${fmt.date(issued.period.to)}`);
        setValues(emptyReport);
        setIssuedNote(text);
        announce(text);
      },
      onError: (error) => showServerError(error),
    });
  };

  const summary: SummaryItem[] = reportFields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ targetId: inputIds[field], message }] : [];
  });

  return (
    <section aria-labelledby='issue-report-heading' className='samla-section'>
      <Heading level={3} data-size='sm' id='issue-report-heading'>
        {t.heading}
      </Heading>
      <Paragraph>{t.lead}</Paragraph>
      {issuedNote && (
        <Alert data-color='success' className='samla-saved'>
          <Paragraph>{issuedNote}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby='issue-report-heading'>
        <Fieldset>
          <Fieldset.Legend>{t.status}</Fieldset.Legend>
          <div className='samla-radios samla-radios--stacked'>
            {overallStatuses.map((status) => (
              <Radio
                key={status}
                id={`report-status-${status}`}
                name='overallStatus'
                value={status}
                label={t.statuses[status]}
                description={t.statusDescriptions[status]}
                checked={values.overallStatus === status}
                aria-invalid={errors.overallStatus ? true : undefined}
                onChange={() => change('overallStatus', status)}
              />
            ))}
          </div>
          {errors.overallStatus && <ValidationMessage>{errors.overallStatus}</ValidationMessage>}
        </Fieldset>
        <Textfield
          id={inputIds.statusReason}
          multiline
          rows={3}
          label={t.reason}
          description={t.reasonDescription}
          value={values.statusReason}
          onChange={(event) => change('statusReason', event.target.value)}
          error={errors.statusReason}
        />
        <Textfield
          id={inputIds.mainPoints}
          multiline
          rows={5}
          label={t.mainPoints}
          description={t.mainPointsDescription}
          value={values.mainPoints}
          onChange={(event) => change('mainPoints', event.target.value)}
          error={errors.mainPoints}
        />
        <Textfield
          id={inputIds.decisionsRequested}
          multiline
          rows={3}
          label={t.decisionsRequested}
          description={t.decisionsRequestedDescription}
          value={values.decisionsRequested}
          onChange={(event) => change('decisionsRequested', event.target.value)}
          error={errors.decisionsRequested}
        />
        <div className='samla-form__actions'>
          <Button type='submit' loading={issue.isPending} disabled={issue.isPending}>
            {issue.isPending ? t.issuing : t.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}
