import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import type { BenefitDetail } from '#shared/contracts/benefits.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { Loading, PageLoadError } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { useBenefit } from './benefits.api.ts';
import { statusColor } from './benefits.page.tsx';
import { IndicatorSection } from './indicator-section.tsx';
import { IndicatorForm } from './indicator-form.tsx';
import { Comments } from '#web/features/comments/comments-section.tsx';
import { EditBenefitForm } from './edit-benefit-form.tsx';

export function BenefitPage() {
  const { benefitId = '' } = useParams();
  const { mergerId, merger, trail: mergerTrail } = useMergerRoute();
  const { m } = useI18n();
  const t = m.benefits;
  const detail = useBenefit(mergerId, benefitId);
  const title = detail.data?.benefit.title;
  useDocumentTitle(title ? t.benefitDocumentTitle(title, merger.name) : t.title);
  const trail = [...mergerTrail, { label: t.title, to: paths.benefits(mergerId) }];
  const error = detail.error;
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      {error ? (
        <>
          <PageLoadError error={error} onRetry={() => void detail.refetch()} />
        </>
      ) : detail.data ? (
        <BenefitView merger={merger} data={detail.data} reload={() => detail.refetch().then((result) => result.data)} />
      ) : (
        <>
          <Heading level={1} data-size='lg'>
            {t.title}
          </Heading>
          <Loading />
        </>
      )}
    </>
  );
}

function BenefitView({ merger, data, reload }: { merger: MergerDetail; data: BenefitDetail; reload: () => Promise<BenefitDetail | undefined> }) {
  const { m, fmt } = useI18n();
  const t = m.benefits;
  const editable = can(merger, 'edit');
  const { benefit } = data;
  const enablers = benefit.enablers;
  const hasEnablers = enablers.tasks.length + enablers.decisions.length + enablers.opportunities.length > 0;
  return (
    <>
      <Heading level={1} data-size='lg'>
        {benefit.title}
      </Heading>
      <dl className='samla-facts samla-overview-facts' aria-label={t.detail.facts}>
        <div>
          <dt>{t.form.status}</dt>
          <dd>
            <Tag data-size='sm' data-color={statusColor[benefit.status]}>
              {t.statuses[benefit.status]}
            </Tag>
          </dd>
        </div>
        <div>
          <dt>{t.form.type}</dt>
          <dd>{t.types[benefit.type]}</dd>
        </div>
        <div>
          <dt>{t.form.owner}</dt>
          <dd>{benefit.owner ?? t.none}</dd>
        </div>
        <div>
          <dt>{t.form.responsible}</dt>
          <dd>{benefit.responsibleName ?? t.none}</dd>
        </div>
        <div>
          <dt>{t.form.serviceArea}</dt>
          <dd>{benefit.serviceArea ?? t.none}</dd>
        </div>
        <div>
          <dt>{t.form.plannedRealisationDate}</dt>
          <dd>{benefit.plannedRealisationDate ? fmt.date(benefit.plannedRealisationDate) : t.none}</dd>
        </div>
      </dl>
      {benefit.description && <Paragraph className='samla-mt-4'>{benefit.description}</Paragraph>}
      {!editable && (
        <Alert data-color='info' className='samla-read-only-note samla-mt-4'>
          <Paragraph>{t.readOnly}</Paragraph>
        </Alert>
      )}
      <section className='samla-section' aria-labelledby='enablers-heading'>
        <Heading level={2} data-size='sm' id='enablers-heading'>
          {t.detail.enablers}
        </Heading>
        {!hasEnablers ? (
          <Paragraph>{t.detail.noEnablers}</Paragraph>
        ) : (
          <ul>
            {enablers.tasks.map((task) => (
              <li key={task.id}>
                <RouterLink to={paths.task(merger.id, task.id)}>{t.detail.task(task.title)}</RouterLink>
              </li>
            ))}
            {enablers.decisions.map((decision) => (
              <li key={decision.solutionAreaId}>
                <RouterLink to={paths.decisionArea(merger.id, decision.solutionAreaId)}>{t.detail.decision(decision.name)}</RouterLink>
              </li>
            ))}
            {enablers.opportunities.map((opportunity) => (
              <li key={opportunity.id}>{t.detail.opportunity(opportunity.title)}</li>
            ))}
          </ul>
        )}
      </section>
      <section className='samla-section' aria-labelledby='indicators-heading'>
        <Heading level={2} data-size='sm' id='indicators-heading'>
          {t.detail.indicatorsHeading}
        </Heading>
        {data.indicators.length === 0 && <Paragraph>{t.detail.noIndicators}</Paragraph>}
        {data.indicators.map((indicator) => (
          <IndicatorSection key={indicator.id} merger={merger} benefitId={benefit.id} indicator={indicator} editable={editable} />
        ))}
        {editable && <IndicatorForm merger={merger} benefitId={benefit.id} />}
      </section>
      {editable && <EditBenefitForm key={benefit.id} merger={merger} data={data} reload={reload} />}
      <Comments mergerId={merger.id} subjectKind='benefit' subjectId={benefit.id} />
    </>
  );
}

// ---------------------------------------------------------------- an indicator
