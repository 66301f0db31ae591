import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { deferralAcceptanceBody, type AreaDecision, type Decision } from '#shared/contracts/decisions.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { checkForm } from '#web/lib/form-validation.ts';
import { useSetDeferral, type DeferralBody } from './decisions.api.ts';

/**
 * A critical area deferred to the transition phase by an adopted veivalg: not ready for day one
 * until prosjektleder or eier accepts the deferral, with a reason. Others see why they cannot.
 */
export function Deferral({ merger, data }: { merger: MergerDetail; data: AreaDecision }) {
  const decision = data.decision;
  if (!decision?.defersDayOne) return null;
  return <DeferralSection merger={merger} data={data} decision={decision} />;
}

function DeferralSection({ merger, data, decision }: { merger: MergerDetail; data: AreaDecision; decision: Decision }) {
  const { m, fmt } = useI18n();
  const t = m.decisions.deferral;
  const announce = useAnnounce();
  const setDeferral = useSetDeferral(merger.id, data.area.id);
  const decides = can(merger, 'decide');
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [otherError, setOtherError] = useState<string | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const send = (accepted: boolean) => {
    setOtherError(undefined);
    const body: DeferralBody = accepted ? { accepted, reason: reason.trim(), version: decision.version } : { accepted, version: decision.version };
    // One field: its message goes next to it and focus to it, without a summary above.
    const rules = accepted && reason.trim() === '' ? { reason: t.reasonRequired } : {};
    const found = checkForm(deferralAcceptanceBody, body, ['reason'] as const, {}, m, rules).errors.reason;
    if (found) {
      setFieldError(found);
      document.getElementById('deferral-reason')?.focus();
      return;
    }
    setFieldError(undefined);
    setDeferral.mutate(body, {
      onSuccess: () => {
        setReason('');
        announce(accepted ? t.acceptedSaved(data.area.name) : t.withdrawn(data.area.name));
        // The form or button the person used is gone: keep them where the result is.
        headingRef.current?.focus();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.problems.some((problem) => problem.path === 'reason')) {
          setFieldError(error.message);
          document.getElementById('deferral-reason')?.focus();
        } else setOtherError(error instanceof Error ? error.message : String(error));
      },
    });
  };

  return (
    <section className='samla-section' aria-labelledby='deferral-heading'>
      <Heading level={2} data-size='sm' id='deferral-heading' ref={headingRef} tabIndex={-1}>
        {t.heading}
      </Heading>
      {decision.deferral ? (
        <>
          <Paragraph data-testid='deferral-accepted'>
            {t.accepted(decision.deferral.acceptedBy, fmt.date(decision.deferral.acceptedOn), decision.deferral.reason)}
          </Paragraph>
          <Paragraph data-size='sm' className='samla-muted'>
            {t.acceptedNote}
          </Paragraph>
        </>
      ) : (
        <Alert data-color='warning'>
          <Paragraph>{t.notAccepted}</Paragraph>
        </Alert>
      )}
      {otherError && (
        <Alert data-color='danger' role='alert' className='samla-mt-2'>
          <Paragraph>{otherError}</Paragraph>
        </Alert>
      )}
      {!decides ? (
        <Paragraph data-size='sm' className='samla-mt-2' data-testid='only-deciders-deferral'>
          {t.onlyDeciders}
        </Paragraph>
      ) : decision.deferral ? (
        <div className='samla-mt-2'>
          <Button variant='secondary' data-size='sm' loading={setDeferral.isPending} disabled={setDeferral.isPending} onClick={() => send(false)}>
            {t.withdraw}
          </Button>
        </div>
      ) : (
        <form
          noValidate
          className='samla-form samla-mt-2'
          aria-labelledby='deferral-heading'
          onSubmit={(event) => {
            event.preventDefault();
            send(true);
          }}
        >
          <Textfield
            id='deferral-reason'
            multiline
            rows={3}
            label={t.reason}
            description={t.reasonDescription}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setFieldError(undefined);
            }}
            error={fieldError}
          />
          <div className='samla-form__actions'>
            <Button type='submit' loading={setDeferral.isPending} disabled={setDeferral.isPending}>
              {t.accept}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
