import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { benefitStatuses, benefitTypes, type Benefit } from '#shared/contracts/benefits.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { benefitBodyOf, benefitFields, emptyBenefit, type BenefitField, type BenefitValues } from './benefit-form.ts';
import { benefitExportUrl, useBenefits, useCreateBenefit } from './benefits.api.ts';
import { ResponsibleField } from '#web/features/members/responsible-field.tsx';

export const statusColor = { planned: 'info', in_progress: 'warning', realised: 'success', cancelled: 'neutral' } as const;

export function BenefitsPage() {
  const { mergerId, merger, trail, editable } = useMergerRoute();
  const { m } = useI18n();
  const t = m.benefits;
  const list = useBenefits(mergerId);
  useDocumentTitle(t.documentTitle(merger.name));
  const error = list.error;
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {error ? (
        <LoadError error={error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <>
          {!editable && (
            <Alert data-color='info' className='samla-read-only-note samla-mt-4'>
              <Paragraph>{t.readOnly}</Paragraph>
            </Alert>
          )}
          <Paragraph className='samla-mt-4' data-testid='benefit-summary'>
            {t.summary(list.data.summary.total, list.data.summary.behind)}
          </Paragraph>
          <ul className='samla-downloads'>
            <li>
              <Link href={benefitExportUrl(mergerId)} download>
                {t.export}
              </Link>
            </li>
            <li>
              <RouterLink to={paths.opportunities(mergerId)}>{t.opportunitiesLink}</RouterLink>
            </li>
          </ul>
          <BenefitTable merger={merger} benefits={list.data.benefits} />
          {editable && <NewBenefitForm merger={merger} />}
        </>
      )}
    </>
  );
}

function BenefitTable({ merger, benefits }: { merger: MergerDetail; benefits: Benefit[] }) {
  const { m, fmt } = useI18n();
  const t = m.benefits.list;
  if (benefits.length === 0) return <Paragraph className='samla-mt-4'>{t.empty}</Paragraph>;
  return (
    <ScrollRegion label={t.caption} className='samla-mt-4'>
      <Table data-color='neutral' className='samla-table' border data-size='sm'>
        <caption className='ds-sr-only'>{t.caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope='col'>{t.title}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.type}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.owner}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.status}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.planned}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.indicators}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {benefits.map((benefit) => (
            <Table.Row key={benefit.id}>
              <Table.HeaderCell scope='row'>
                <RouterLink to={paths.benefit(merger.id, benefit.id)}>{benefit.title}</RouterLink>
              </Table.HeaderCell>
              <Table.Cell>{m.benefits.types[benefit.type]}</Table.Cell>
              <Table.Cell>{benefit.owner ?? m.benefits.none}</Table.Cell>
              <Table.Cell>
                <Tag data-size='sm' data-color={statusColor[benefit.status]}>
                  {m.benefits.statuses[benefit.status]}
                </Tag>
              </Table.Cell>
              <Table.Cell className='samla-nowrap'>{benefit.plannedRealisationDate ? fmt.date(benefit.plannedRealisationDate) : m.benefits.none}</Table.Cell>
              <Table.Cell>
                {fmt.number(benefit.indicatorCount)}{' '}
                {benefit.behindCount > 0 && (
                  <Tag data-size='sm' data-color='danger'>
                    ⚠ {t.behind(benefit.behindCount)}
                  </Tag>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

const newIds: Record<BenefitField, string> = Object.fromEntries(benefitFields.map((field) => [field, `new-benefit-${field}`])) as Record<BenefitField, string>;

function NewBenefitForm({ merger }: { merger: MergerDetail }) {
  const { m } = useI18n();
  const t = m.benefits.form;
  const announce = useAnnounce();
  const navigate = useNavigate();
  const create = useCreateBenefit(merger.id);
  const { values, errors, otherErrors, attempt, change, showCheck, showServerError } = useFormState<BenefitValues, BenefitField>(emptyBenefit, benefitFields);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { body, errors: found } = benefitBodyOf(values, m);
    showCheck(found);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (saved) => {
        announce(t.created(saved.benefit.title));
        void navigate(paths.benefit(merger.id, saved.benefit.id));
      },
      onError: showServerError,
    });
  };
  const summary: SummaryItem[] = benefitFields.flatMap((field) => (errors[field] ? [{ targetId: newIds[field], message: errors[field] }] : []));
  return (
    <section className='samla-section' aria-labelledby='new-benefit-heading'>
      <Heading level={2} data-size='sm' id='new-benefit-heading'>
        {t.newHeading}
      </Heading>
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby='new-benefit-heading'>
        <Textfield id={newIds.title} label={t.title} value={values.title} onChange={(e) => change('title', e.target.value)} error={errors.title} />
        <Field>
          <Label htmlFor={newIds.type}>{t.type}</Label>
          <Select
            id={newIds.type}
            value={values.type}
            aria-invalid={errors.type ? true : undefined}
            onChange={(e) => change('type', e.target.value as BenefitValues['type'])}
          >
            <Select.Option value=''>{m.common.notSet}</Select.Option>
            {benefitTypes.map((type) => (
              <Select.Option key={type} value={type}>
                {m.benefits.types[type]}
              </Select.Option>
            ))}
          </Select>
          {errors.type && <ValidationMessage>{errors.type}</ValidationMessage>}
        </Field>
        <Textfield
          id={newIds.description}
          multiline
          rows={3}
          label={t.description}
          value={values.description}
          onChange={(e) => change('description', e.target.value)}
          error={errors.description}
        />
        <Textfield
          id={newIds.serviceArea}
          label={t.serviceArea}
          value={values.serviceArea}
          onChange={(e) => change('serviceArea', e.target.value)}
          error={errors.serviceArea}
        />
        <Textfield
          id={newIds.owner}
          label={t.owner}
          description={t.ownerDescription}
          value={values.owner}
          onChange={(e) => change('owner', e.target.value)}
          error={errors.owner}
        />
        <ResponsibleField
          id={newIds.responsible}
          mergerId={merger.id}
          label={t.responsible}
          value={{ text: values.responsible, userId: values.responsibleUserId }}
          onChange={(picked) => {
            change('responsible', picked.text);
            change('responsibleUserId', picked.userId);
          }}
          error={errors.responsible}
        />
        <Textfield
          id={newIds.plannedRealisationDate}
          type='date'
          label={t.plannedRealisationDate}
          value={values.plannedRealisationDate}
          onChange={(e) => change('plannedRealisationDate', e.target.value)}
          error={errors.plannedRealisationDate}
        />
        <Field>
          <Label htmlFor={newIds.status}>{t.status}</Label>
          <Select id={newIds.status} value={values.status} onChange={(e) => change('status', e.target.value as BenefitValues['status'])}>
            {benefitStatuses.map((status) => (
              <Select.Option key={status} value={status}>
                {m.benefits.statuses[status]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div className='samla-form__actions'>
          <Button type='submit' loading={create.isPending} disabled={create.isPending}>
            {create.isPending ? m.common.saving : t.create}
          </Button>
        </div>
      </form>
    </section>
  );
}
