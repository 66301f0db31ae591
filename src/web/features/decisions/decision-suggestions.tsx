import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { AreaDecision } from '#shared/contracts/decisions.ts';
import { useI18n } from '#web/i18n/messages.ts';

interface SuggestionsProps {
  data: AreaDecision;
  editable: boolean;
  municipalityName: (number: string) => string;
  onUse: (recommendedSystemId: string) => void;
}

export function Suggestions({ data, editable, municipalityName, onUse }: SuggestionsProps) {
  const { m, fmt } = useI18n();
  const t = m.decisions.suggestions;
  return (
    <section className='samla-section' aria-labelledby='area-suggestions-heading'>
      <Heading level={2} data-size='sm' id='area-suggestions-heading'>
        {t.heading}
      </Heading>
      {data.suggestions.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <>
          <Paragraph>{t.lead}</Paragraph>
          <ul className='samla-suggestions samla-mt-4'>
            {data.suggestions.map((suggestion) => {
              const recommended = data.systems.find((system) => system.id === suggestion.recommendedSystemId);
              const headingId = `suggestion-${suggestion.key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
              return (
                <li key={suggestion.key} className='samla-suggestion'>
                  <Heading level={3} data-size='2xs' id={headingId}>
                    {suggestion.label}
                  </Heading>
                  <Tag data-size='sm' data-color='info' className='samla-own-tag'>
                    {t.basis[suggestion.basis]}
                  </Tag>
                  <dl className='samla-facts'>
                    <div>
                      <dt>{t.municipalities}</dt>
                      <dd>{fmt.list(suggestion.municipalities.map(municipalityName))}</dd>
                    </div>
                    <div>
                      <dt>{t.users}</dt>
                      <dd>{fmt.number(suggestion.totals.users)}</dd>
                    </div>
                    <div>
                      <dt>{t.integrations}</dt>
                      <dd>{fmt.number(suggestion.totals.integrations)}</dd>
                    </div>
                    <div>
                      <dt>{t.earliestContractEnd}</dt>
                      <dd>{suggestion.earliestContractEnd ? fmt.date(suggestion.earliestContractEnd) : m.decisions.none}</dd>
                    </div>
                    <div>
                      <dt>{t.hostings}</dt>
                      <dd>
                        {suggestion.hostings.length === 0
                          ? m.decisions.none
                          : fmt.list(suggestion.hostings.map((hosting) => m.inventory.values.hosting?.[hosting] ?? hosting))}
                      </dd>
                    </div>
                    <div>
                      <dt>{t.recommended}</dt>
                      <dd>
                        {recommended ? m.decisions.form.targetOption(recommended.name, municipalityName(recommended.municipalityNumber)) : m.decisions.none}
                      </dd>
                    </div>
                  </dl>
                  {editable && (
                    <div>
                      <Button
                        variant='secondary'
                        data-size='sm'
                        aria-label={t.useLabel(suggestion.label)}
                        onClick={() => onUse(suggestion.recommendedSystemId)}
                      >
                        {t.use}
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
