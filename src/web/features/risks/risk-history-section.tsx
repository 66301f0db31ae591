import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import type { Risk } from '#shared/contracts/risks.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { HistoryTable } from '#web/features/history/history-table.tsx';
import { I18nContext, useI18n } from '#web/i18n/messages.ts';
import { useRiskHistory } from './risks.api.ts';

export function RiskHistory({ merger, risk }: { merger: MergerDetail; risk: Risk }) {
  const i18n = useI18n();
  const { m } = i18n;
  // The risk's own field names, on top of the history's, for this table only.
  const withRiskFields = useMemo(
    () => ({ ...i18n, m: { ...m, history: { ...m.history, fields: { ...m.history.fields, ...m.risks.historyFields } } } }),
    [i18n, m],
  );
  const history = useRiskHistory(merger.id, risk.id);
  const municipalityNames = useMemo(() => new Map(merger.municipalities.map((mu) => [mu.number, mu.name])), [merger]);
  return (
    <section className='samla-section' aria-labelledby='risk-history-heading'>
      <Heading level={2} data-size='sm' id='risk-history-heading'>
        {m.risks.history}
      </Heading>
      {history.isPending && <Loading />}
      {history.isError && <LoadError error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.length === 0 && <Paragraph className='samla-muted'>{m.risks.historyEmpty}</Paragraph>}
      {history.data && history.data.length > 0 && (
        <I18nContext.Provider value={withRiskFields}>
          <HistoryTable mergerId={merger.id} entries={history.data} caption={m.risks.history} showEntity={false} municipalityNames={municipalityNames} />
        </I18nContext.Provider>
      )}
    </section>
  );
}
