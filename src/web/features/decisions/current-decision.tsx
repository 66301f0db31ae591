import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { AreaDecision, Decision } from '#shared/contracts/decisions.ts';
import { useI18n } from '#web/i18n/messages.ts';

export function CurrentDecision({ data }: { data: AreaDecision }) {
  const { m, fmt } = useI18n();
  const t = m.decisions.current;
  const decision = data.decision;
  return (
    <section className='samla-section' aria-labelledby='area-decision-heading'>
      <Heading level={2} data-size='sm' id='area-decision-heading'>
        {t.heading}
      </Heading>
      {decision ? <DecisionFacts decision={decision} /> : <Paragraph>{t.none}</Paragraph>}
      {decision && (
        <Paragraph data-size='sm' className='samla-muted samla-mt-2'>
          {m.decisions.form.lastChanged(fmt.dateTime(decision.updatedAt))}
        </Paragraph>
      )}
    </section>
  );
}

function DecisionFacts({ decision }: { decision: Decision }) {
  const { m, fmt } = useI18n();
  const t = m.decisions.current;
  const r = m.decisions.record;
  return (
    <dl className='samla-facts'>
      <div>
        <dt>{t.outcome}</dt>
        <dd>{m.decisions.outcomes[decision.outcome]}</dd>
      </div>
      <div>
        <dt>{t.target}</dt>
        <dd>{decision.targetSystemName ?? m.decisions.none}</dd>
      </div>
      <div>
        <dt>{t.timing}</dt>
        <dd>{m.decisions.timings[decision.timing]}</dd>
      </div>
      <div>
        <dt>{t.state}</dt>
        <dd>
          <Tag data-size='sm' data-color={decision.state === 'adopted' ? 'success' : 'info'}>
            {m.decisions.states[decision.state]}
          </Tag>
        </dd>
      </div>
      {decision.state === 'adopted' && <DecisionOnRecord decision={decision} />}
      {decision.state === 'adopted' && decision.decidedBy && decision.decidedAt && (
        <div>
          <dt>{decision.record ? r.registered : t.decided}</dt>
          <dd data-testid='decided-by'>{t.decidedBy(decision.decidedBy, fmt.dateTime(decision.decidedAt))}</dd>
        </div>
      )}
      {decision.responsibleName && (
        <div>
          <dt>{t.responsible}</dt>
          <dd data-testid='decision-responsible'>{decision.responsibleName}</dd>
        </div>
      )}
      {decision.rationale && (
        <div>
          <dt>{t.rationale}</dt>
          <dd className='samla-pre'>{decision.rationale}</dd>
        </div>
      )}
    </dl>
  );
}

/** Who decided, at which meeting, the case number and the link into the municipality's archive (decision 038). */
function DecisionOnRecord({ decision }: { decision: Decision }) {
  const { m, fmt } = useI18n();
  const r = m.decisions.record;
  const record = decision.record;
  if (!record) {
    return (
      <div>
        <dt>{r.onRecord}</dt>
        <dd className='samla-muted'>{r.notOnRecord}</dd>
      </div>
    );
  }
  const maker = record.decisionMaker === 'other' && record.decisionMakerOther ? record.decisionMakerOther : r.makers[record.decisionMaker];
  return (
    <>
      <div>
        <dt>{r.onRecord}</dt>
        <dd data-testid='decision-maker'>{`${maker}, ${r.meeting(fmt.date(record.meetingDate))}`}</dd>
      </div>
      {record.caseNumber && (
        <div>
          <dt>{r.caseNumberLabel}</dt>
          <dd data-testid='case-number'>{record.caseNumber}</dd>
        </div>
      )}
      {record.archiveUrl && (
        <div>
          <dt>{r.archiveLabel}</dt>
          <dd>
            <Link href={record.archiveUrl} rel='noopener noreferrer' data-testid='archive-link'>
              {r.archiveLink}
            </Link>
          </dd>
        </div>
      )}
    </>
  );
}
