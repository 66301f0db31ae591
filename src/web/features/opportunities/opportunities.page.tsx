import { Alert, Button, Checkbox, Dialog, Field, Heading, Label, Paragraph, Select, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { takeUpBody, type Opportunities, type OpportunityView } from '#shared/contracts/opportunities.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useFieldErrors } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { useOpportunities, useTakeUp } from '#web/features/benefits/benefits.api.ts';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';

/** Filters live in the URL (?omrade=…&lavthengende=ja), so a reload or a shared link keeps them. */
export function OpportunitiesPage() {
  const { mergerId, merger, trail, editable } = useMergerRoute();
  const { m } = useI18n();
  const t = m.opportunities;
  const [search, setSearch] = useSearchParams();
  const area = search.get('omrade') ?? undefined;
  const lowHangingFruit = search.get('lavthengende') === 'ja';
  const list = useOpportunities(mergerId, { area, lowHangingFruit });
  useDocumentTitle(t.documentTitle(merger.name));
  const setFilter = (next: { area?: string | undefined; lowHangingFruit?: boolean }) => {
    const params = new URLSearchParams(search);
    if ('area' in next) {
      if (next.area) params.set('omrade', next.area);
      else params.delete('omrade');
    }
    if (next.lowHangingFruit !== undefined) {
      if (next.lowHangingFruit) params.set('lavthengende', 'ja');
      else params.delete('lavthengende');
    }
    setSearch(params, { replace: true });
  };
  const error = list.error;
  const shown = list.data?.areas.reduce((sum, a) => sum + a.opportunities.length, 0) ?? 0;
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
          <search aria-label={t.filters} className='samla-filters samla-mt-4'>
            <Field>
              <Label htmlFor='opportunity-area'>{t.area}</Label>
              <Select id='opportunity-area' value={area ?? ''} onChange={(e) => setFilter({ area: e.target.value || undefined })}>
                <Select.Option value=''>{t.allAreas}</Select.Option>
                {list.data.allAreas.map((option) => (
                  <Select.Option key={option.id} value={option.id}>
                    {option.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Checkbox
              id='opportunity-low-hanging'
              label={t.lowHangingOnly}
              checked={lowHangingFruit}
              onChange={(e) => setFilter({ lowHangingFruit: e.target.checked })}
            />
          </search>
          <Paragraph role='status' className='samla-mt-2'>
            {t.count(shown)}
          </Paragraph>
          {shown === 0 && <Paragraph>{t.empty}</Paragraph>}
          <OpportunityList merger={merger} data={list.data} />
        </>
      )}
    </>
  );
}

function OpportunityList({ merger, data }: { merger: MergerDetail; data: Opportunities }) {
  const { m } = useI18n();
  const t = m.opportunities;
  const editable = can(merger, 'edit');
  const [chosen, setChosen] = useState<OpportunityView | null>(null);
  return (
    <>
      {data.areas.map((area) => (
        <section key={area.id} className='samla-section' aria-labelledby={`area-${area.id}`}>
          <Heading level={2} data-size='sm' id={`area-${area.id}`}>
            {area.name}
          </Heading>
          <ul className='samla-opportunities'>
            {area.opportunities.map((opportunity) => (
              <li key={opportunity.id} className='samla-opportunity' data-testid={`opportunity-${opportunity.id}`}>
                <span className='samla-opportunity__title'>{opportunity.title}</span>{' '}
                {opportunity.lowHangingFruit && (
                  <Tag data-size='sm' data-color='success'>
                    {t.lowHanging}
                  </Tag>
                )}{' '}
                {opportunity.takenUp ? (
                  <>
                    <Tag data-size='sm' data-color='info'>
                      ✓ {t.takenUp}
                    </Tag>
                    <ul className='samla-opportunity__links'>
                      <li>
                        <RouterLink to={paths.task(merger.id, opportunity.takenUp.task.id)}>{t.taskLink(opportunity.takenUp.task.title)}</RouterLink>
                      </li>
                      {opportunity.takenUp.benefits.map((benefit) => (
                        <li key={benefit.id}>
                          <RouterLink to={paths.benefit(merger.id, benefit.id)}>{t.benefitLink(benefit.title)}</RouterLink>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  editable && (
                    <Button variant='secondary' data-size='sm' aria-label={t.addLabel(opportunity.title)} onClick={() => setChosen(opportunity)}>
                      {t.add}
                    </Button>
                  )
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {chosen && <TakeUpDialog merger={merger} data={data} opportunity={chosen} onClose={() => setChosen(null)} />}
    </>
  );
}

function TakeUpDialog({
  merger,
  data,
  opportunity,
  onClose,
}: {
  merger: MergerDetail;
  data: Opportunities;
  opportunity: OpportunityView;
  onClose: () => void;
}) {
  const { m, fmt } = useI18n();
  const t = m.opportunities;
  const announce = useAnnounce();
  const takeUp = useTakeUp(merger.id);
  const headingId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const [activityId, setActivityId] = useState(opportunity.lowHangingFruit ? data.defaultActivity.lowHangingFruit : data.defaultActivity.other);
  const [createBenefit, setCreateBenefit] = useState(false);
  // A choice from the catalog's own list: whatever is wrong with it, the fix is to choose one.
  const { errors, otherErrors, validate, showServerError, clearField } = useFieldErrors(['activityId'] as const, {
    activityId: m.validation.option,
  });
  useEffect(() => selectRef.current?.focus(), []);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: z.input<typeof takeUpBody> = { activityId, createBenefit };
    if (!validate(takeUpBody, body)) return;
    takeUp.mutate(
      { opportunityId: opportunity.id, activityId, createBenefit },
      {
        onSuccess: (result) => {
          announce(result.benefit ? t.addedWithBenefit(opportunity.title) : t.added(opportunity.title));
          onClose();
        },
        onError: showServerError,
      },
    );
  };
  const phases = [...new Set(data.activities.map((activity) => activity.phase))];
  return (
    <Dialog open onClose={onClose} closeButton={m.common.closeDialog} aria-labelledby={headingId} className='samla-dialog'>
      <Dialog.Block>
        <Heading level={2} data-size='xs' id={headingId}>
          {t.dialogHeading(opportunity.title)}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form noValidate onSubmit={onSubmit} className='samla-form'>
          <Field>
            <Label htmlFor='take-up-activity'>{t.activity}</Label>
            <Field.Description>{t.activityDescription}</Field.Description>
            <Select
              id='take-up-activity'
              ref={selectRef}
              value={activityId}
              onChange={(e) => {
                setActivityId(e.target.value);
                clearField('activityId');
              }}
            >
              {phases.map((phase) => (
                <optgroup key={phase} label={t.phase(fmt.number(phase))}>
                  {data.activities
                    .filter((activity) => activity.phase === phase)
                    .map((activity) => (
                      <Select.Option key={activity.id} value={activity.id}>
                        {t.activityOption(fmt.number(activity.phase), activity.title)}
                      </Select.Option>
                    ))}
                </optgroup>
              ))}
            </Select>
            {errors.activityId && <ValidationMessage>{errors.activityId}</ValidationMessage>}
          </Field>
          <Checkbox
            id='take-up-benefit'
            label={t.alsoBenefit}
            description={t.alsoBenefitDescription}
            checked={createBenefit}
            onChange={(e) => setCreateBenefit(e.target.checked)}
          />
          {otherErrors.length > 0 && (
            <Alert data-color='danger' role='alert'>
              {otherErrors.map((message) => (
                <Paragraph key={message}>{message}</Paragraph>
              ))}
            </Alert>
          )}
          <div className='samla-form__actions'>
            <Button type='submit' loading={takeUp.isPending} disabled={takeUp.isPending}>
              {t.confirm}
            </Button>
            <Button type='button' variant='secondary' onClick={onClose}>
              {m.common.cancel}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
