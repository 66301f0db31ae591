import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { consequenceDimensions, type RiskSuggestion } from '#shared/contracts/risks.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { RiskNav, RiskPageHead, useRiskTrail } from './risk-shell.tsx';
import { useCreateRisk, useDismissSuggestion, useRiskSuggestions } from './risks.api.ts';

export function RiskSuggestionsPage() {
  const { m, fmt } = useI18n();
  const t = m.risks.suggestions;
  const { mergerId, merger, trail, editable } = useRiskTrail();
  const suggestions = useRiskSuggestions(mergerId);
  const announce = useAnnounce();
  const create = useCreateRisk(mergerId);
  const dismiss = useDismissSuggestion(mergerId);
  const [done, setDone] = useState<{ text: string; riskId?: string } | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  useDocumentTitle(t.documentTitle(merger.name));

  const accept = (suggestion: RiskSuggestion) => {
    setFailure(undefined);
    create.mutate(
      {
        title: suggestion.title,
        description: suggestion.description,
        cause: suggestion.cause,
        systemIds: suggestion.systemIds,
        areaIds: suggestion.areaIds,
        integrationIds: suggestion.integrationIds,
        consequences: suggestion.consequences,
        suggestionKey: suggestion.key,
      },
      {
        onSuccess: (risk) => {
          setDone({ text: t.accepted(risk.title), riskId: risk.id });
          announce(t.accepted(risk.title));
          void suggestions.refetch();
        },
        onError: (error) => setFailure(errorText(error, m)),
      },
    );
  };
  const reject = (suggestion: RiskSuggestion) => {
    setFailure(undefined);
    dismiss.mutate(suggestion.key, {
      onSuccess: () => {
        setDone({ text: t.dismissed(suggestion.title) });
        announce(t.dismissed(suggestion.title));
      },
      onError: (error) => setFailure(errorText(error, m)),
    });
  };

  return (
    <RiskPageHead trail={trail} title={t.title}>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      <RiskNav mergerId={mergerId} editable={editable} />
      {done && (
        <Alert data-color='success'>
          <Paragraph>
            {done.text} {done.riskId && <RouterLink to={paths.risk(mergerId, done.riskId)}>{m.risks.nav.list}</RouterLink>}
          </Paragraph>
        </Alert>
      )}
      {failure && (
        <Alert data-color='danger' role='alert'>
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {suggestions.isError && <LoadError error={suggestions.error} onRetry={() => void suggestions.refetch()} />}
      {suggestions.isPending && <Loading />}
      {suggestions.data && (
        <>
          {suggestions.data.dismissedCount > 0 && (
            <Paragraph data-size='sm' className='samla-muted'>
              {t.dismissedCount(fmt.number(suggestions.data.dismissedCount))}
            </Paragraph>
          )}
          {suggestions.data.suggestions.length === 0 ? (
            <Paragraph>{t.empty}</Paragraph>
          ) : (
            <ul className='samla-suggestion-list'>
              {suggestions.data.suggestions.map((suggestion) => (
                <li key={suggestion.key}>
                  <Card data-color='neutral'>
                    <Heading level={2} data-size='xs'>
                      {suggestion.title}
                    </Heading>
                    <Paragraph data-size='sm'>
                      <Tag data-color={suggestion.generic ? 'neutral' : 'info'} data-size='sm'>
                        {suggestion.generic ? t.generic : t.concrete}
                      </Tag>{' '}
                      <Tag data-color='neutral' data-size='sm'>
                        {t.kinds[suggestion.kind] ?? suggestion.kind}
                      </Tag>
                    </Paragraph>
                    <Paragraph>{suggestion.description}</Paragraph>
                    <Paragraph data-size='sm'>
                      <strong>{t.cause}:</strong> {suggestion.cause}
                    </Paragraph>
                    <Paragraph data-size='sm'>
                      {consequenceDimensions
                        .filter((dimension) => suggestion.consequences[dimension] != null)
                        .map((dimension) => `${m.risks.dimensions[dimension]}: ${suggestion.consequences[dimension]}`)
                        .join(', ')}
                    </Paragraph>
                    {editable && (
                      <div className='samla-risk-actions'>
                        <Button data-size='sm' aria-label={t.acceptLabel(suggestion.title)} onClick={() => accept(suggestion)} disabled={create.isPending}>
                          {t.accept}
                        </Button>
                        <RouterLink to={paths.riskNew(mergerId, suggestion.key)} aria-label={t.editLabel(suggestion.title)}>
                          {t.edit}
                        </RouterLink>
                        <Button
                          data-size='sm'
                          variant='tertiary'
                          aria-label={t.dismissLabel(suggestion.title)}
                          onClick={() => reject(suggestion)}
                          disabled={dismiss.isPending}
                        >
                          {t.dismiss}
                        </Button>
                      </div>
                    )}
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </RiskPageHead>
  );
}
