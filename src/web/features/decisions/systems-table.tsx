import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { AreaDecision, SystemFate } from '#shared/contracts/decisions.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { RouterLink } from '#web/components/router-link.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';

const fateColor: Record<SystemFate, 'success' | 'warning' | 'danger' | 'neutral'> = {
  continues: 'success',
  migrated: 'warning',
  retired: 'danger',
  undecided: 'neutral',
};

export function SystemsTable({ merger, data, municipalityName }: { merger: MergerDetail; data: AreaDecision; municipalityName: (n: string) => string }) {
  const { m, fmt } = useI18n();
  const t = m.decisions.systems;
  return (
    <section className='samla-section' aria-labelledby='area-systems-heading'>
      <Heading level={2} data-size='sm' id='area-systems-heading'>
        {t.heading}
      </Heading>
      {data.systems.length === 0 ? (
        <Paragraph>
          {t.empty} <RouterLink to={paths.inventory(merger.id)}>{t.addInInventory}</RouterLink>
        </Paragraph>
      ) : (
        <ScrollRegion label={t.caption(data.area.name)}>
          <Table data-color='neutral' className='samla-table' border data-size='sm'>
            <caption className='ds-sr-only'>{t.caption(data.area.name)}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.municipality}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.name}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.vendorProduct}</Table.HeaderCell>
                <Table.HeaderCell scope='col' className='samla-decisions-table__count'>
                  {t.users}
                </Table.HeaderCell>
                <Table.HeaderCell scope='col' className='samla-decisions-table__count'>
                  {t.integrations}
                </Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.hosting}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.contractEnd}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.fate}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.systems.map((system) => (
                <Table.Row key={system.id}>
                  <Table.Cell>{municipalityName(system.municipalityNumber)}</Table.Cell>
                  <Table.HeaderCell scope='row'>
                    <RouterLink to={paths.inventoryItem(merger.id, 'ikt-systemer', system.id)}>{system.name}</RouterLink>
                  </Table.HeaderCell>
                  <Table.Cell>{[system.vendor, system.product].filter(Boolean).join(' / ') || m.decisions.none}</Table.Cell>
                  <Table.Cell className='samla-decisions-table__count'>
                    {system.userCount === null ? m.decisions.none : fmt.number(system.userCount)}
                  </Table.Cell>
                  <Table.Cell className='samla-decisions-table__count'>{fmt.number(system.integrationCount)}</Table.Cell>
                  <Table.Cell>{system.hosting ? (m.inventory.values.hosting?.[system.hosting] ?? system.hosting) : m.decisions.none}</Table.Cell>
                  <Table.Cell className='samla-nowrap'>
                    {system.contractEndDates.length === 0 ? m.decisions.none : system.contractEndDates.map((date) => fmt.date(date)).join(', ')}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-size='sm' data-color={fateColor[system.fate]}>
                      {m.decisions.fates[system.fate]}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}
