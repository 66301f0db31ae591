import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { AreaDecision } from '#shared/contracts/decisions.ts';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useI18n } from '#web/i18n/messages.ts';

export function Reestablish({ data, municipalityName }: { data: AreaDecision; municipalityName: (n: string) => string }) {
  const { m } = useI18n();
  const t = m.decisions.reestablish;
  if (!data.decision) return null;
  const value = (kind: 'direction' | 'method', raw: string | null) => (raw ? (m.inventory.values[kind]?.[raw] ?? raw) : m.decisions.none);
  return (
    <section className='samla-section' aria-labelledby='reestablish-heading'>
      <Heading level={2} data-size='sm' id='reestablish-heading'>
        {t.heading}
      </Heading>
      {data.integrationsToReestablish.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <ScrollRegion label={t.caption}>
          <Table data-color='neutral' className='samla-table' border data-size='sm'>
            <caption className='ds-sr-only'>{t.caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.municipality}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.from}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.to}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.direction}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.method}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.integrationsToReestablish.map((integration) => (
                <Table.Row key={integration.integrationId}>
                  <Table.Cell>{municipalityName(integration.municipalityNumber)}</Table.Cell>
                  <Table.Cell>
                    {integration.fromSystem.name}
                    <span className='samla-muted'> ({m.decisions.fates[integration.fromSystem.fate]})</span>
                  </Table.Cell>
                  <Table.Cell>
                    {integration.toSystem ? (
                      <>
                        {integration.toSystem.name}
                        <span className='samla-muted'> ({m.decisions.fates[integration.toSystem.fate]})</span>
                      </>
                    ) : (
                      (integration.commonSolution?.name ?? m.decisions.none)
                    )}
                  </Table.Cell>
                  <Table.Cell>{value('direction', integration.direction)}</Table.Cell>
                  <Table.Cell>{value('method', integration.method)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}
