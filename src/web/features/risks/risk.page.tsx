import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useParams, useSearchParams } from 'react-router';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { Mitigations } from './mitigations-section.tsx';
import { emptyRiskValues, valuesOfRisk, valuesOfSuggestion } from './risk-form.ts';
import { RiskForm } from './risk-edit-form.tsx';
import { RiskHistory } from './risk-history-section.tsx';
import { Comments } from '#web/features/comments/comments-section.tsx';
import { CellBadge, RiskNav, RiskPageHead, useRiskTrail } from './risk-shell.tsx';
import { useRisk, useRiskMatrix, useRiskOptions, useRiskSuggestions } from './risks.api.ts';

export function RiskPage() {
  const { riskId } = useParams();
  const [searchParams] = useSearchParams();
  const suggestionKey = riskId === undefined ? (searchParams.get('forslag') ?? undefined) : undefined;
  const { m } = useI18n();
  const t = m.risks;
  const { mergerId, merger, trail, editable } = useRiskTrail();
  const risk = useRisk(mergerId, riskId);
  const matrix = useRiskMatrix(mergerId);
  const options = useRiskOptions(mergerId);
  const suggestions = useRiskSuggestions(mergerId);
  const suggestion = suggestionKey ? suggestions.data?.suggestions.find((candidate) => candidate.key === suggestionKey) : undefined;
  const title = riskId ? (risk.data?.title ?? t.form.editHeading) : t.form.newHeading;
  useDocumentTitle(riskId ? `${title} – ${t.title} – ${merger.name}` : t.form.newDocumentTitle(merger.name));

  const error = risk.error ?? matrix.error ?? options.error;
  const ready = matrix.data && options.data && (riskId === undefined || risk.data) && (suggestionKey === undefined || !suggestions.isPending);
  return (
    <RiskPageHead trail={trail} title={title}>
      <RiskNav mergerId={mergerId} editable={editable} />
      {error && <LoadError error={error} onRetry={() => void (risk.isError ? risk.refetch() : options.refetch())} />}
      {!error && !ready && <Loading />}
      {ready && (
        <>
          {risk.data && (
            <dl className='samla-facts samla-overview-facts'>
              <div>
                <dt>{t.form.inherentNow}</dt>
                <dd>
                  <CellBadge cell={risk.data.inherent} />
                </dd>
              </div>
              <div>
                <dt>{t.form.residualNow}</dt>
                <dd>
                  <CellBadge cell={risk.data.residual} />
                </dd>
              </div>
              <div>
                <dt>{t.form.status}</dt>
                <dd>{t.statuses[risk.data.status]}</dd>
              </div>
            </dl>
          )}
          {!editable && (
            <Alert data-color='info' className='samla-read-only-note samla-mt-4'>
              <Paragraph>{t.readOnly}</Paragraph>
            </Alert>
          )}
          {editable && (
            <RiskForm
              key={risk.data?.id ?? suggestion?.key ?? 'new'}
              mergerId={mergerId}
              risk={risk.data}
              start={risk.data ? valuesOfRisk(risk.data) : suggestion ? valuesOfSuggestion(suggestion) : emptyRiskValues()}
              suggestionKey={suggestion?.key}
              matrix={matrix.data!.matrix}
              options={options.data!}
              reload={() => risk.refetch().then((result) => result.data)}
              municipalityName={(number) => merger.municipalities.find((mu) => mu.number === number)?.name ?? number}
            />
          )}
          {risk.data && <Mitigations merger={merger} risk={risk.data} options={options.data!} editable={editable} />}
          {risk.data && <Comments mergerId={mergerId} subjectKind='risk' subjectId={risk.data.id} />}
          {risk.data && <RiskHistory merger={merger} risk={risk.data} />}
        </>
      )}
    </RiskPageHead>
  );
}
