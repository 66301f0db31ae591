import { Alert, Button, Field, Label, Paragraph, Select, Switch, Table } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { riskStatuses, type Risk } from '#shared/contracts/risks.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { isRiskStatus, riskFiltersOf } from './risk-form.ts';
import { riskSearch, type RiskFilters } from './risk-view.ts';
import { CellBadge, RiskNav, RiskPageHead, useRiskTrail } from './risk-shell.tsx';
import { useRisks } from './risks.api.ts';

export function RisksPage() {
  const { m } = useI18n();
  const t = m.risks;
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => riskFiltersOf(searchParams), [searchParams]);
  const { mergerId, merger, trail, editable } = useRiskTrail(false);
  const risks = useRisks(mergerId, filters);
  useDocumentTitle(t.documentTitle(merger.name));
  const change = (next: RiskFilters) => setSearchParams(new URLSearchParams(riskSearch(next).slice(1)), { replace: true });
  const filtered = Boolean(filters.status || filters.level || filters.cell);
  const matrix = risks.data?.matrix;

  return (
    <RiskPageHead trail={trail} title={t.title}>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      <RiskNav mergerId={mergerId} editable={editable} />
      {!editable && (
        <Alert data-color='info' className='samla-read-only-note'>
          <Paragraph>{t.readOnly}</Paragraph>
        </Alert>
      )}
      <section className='samla-filters' aria-label={t.list.filters}>
        <div className='samla-filters__row'>
          <Field>
            <Label htmlFor='risk-filter-status'>{t.list.status}</Label>
            <Select
              id='risk-filter-status'
              value={filters.status ?? ''}
              onChange={(event) => change({ ...filters, status: isRiskStatus(event.target.value) ? event.target.value : undefined })}
            >
              <Select.Option value=''>{t.list.allStatuses}</Select.Option>
              {riskStatuses.map((status) => (
                <Select.Option key={status} value={status}>
                  {t.statuses[status]}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor='risk-filter-level'>{t.list.level}</Label>
            <Select id='risk-filter-level' value={filters.level ?? ''} onChange={(event) => change({ ...filters, level: event.target.value || undefined })}>
              <Select.Option value=''>{t.list.allLevels}</Select.Option>
              {(matrix?.classes ?? []).map((riskClass) => (
                <Select.Option key={riskClass.key} value={riskClass.key}>
                  {riskClass.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Switch
            label={t.list.residual}
            checked={filters.residual ?? false}
            onChange={(event) => change({ ...filters, residual: event.target.checked || undefined })}
            className='samla-filters__switch'
          />
        </div>
        {filters.cell && (
          <Paragraph data-size='sm'>{t.list.cellFilter(filters.cell.replace('-', ' × '), filters.residual ? t.list.residual : t.list.inherent)}</Paragraph>
        )}
        {filtered && (
          <Button variant='tertiary' data-size='sm' onClick={() => change({})}>
            {t.list.clearFilters}
          </Button>
        )}
      </section>
      {risks.isError && <LoadError error={risks.error} onRetry={() => void risks.refetch()} />}
      {risks.isPending && <Loading />}
      {risks.data && (
        <>
          <Paragraph role='status' data-size='sm'>
            {t.list.count(risks.data.risks.length)}
          </Paragraph>
          {risks.data.risks.length === 0 ? (
            <Paragraph>{filtered ? t.list.emptyFiltered : t.list.empty}</Paragraph>
          ) : (
            <RiskTable mergerId={mergerId} risks={risks.data.risks} />
          )}
        </>
      )}
    </RiskPageHead>
  );
}

function RiskTable({ mergerId, risks }: { mergerId: string; risks: Risk[] }) {
  const { m, fmt } = useI18n();
  const t = m.risks;
  return (
    <ScrollRegion label={t.list.caption}>
      <Table data-color='neutral' className='samla-table' border data-size='sm'>
        <caption className='ds-sr-only'>{t.list.caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope='col'>{t.list.risk}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.list.inherent}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.list.residual}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.list.status}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.list.owner}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t.list.mitigations}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {risks.map((risk) => (
            <Table.Row key={risk.id}>
              <Table.Cell>
                <RouterLink to={paths.risk(mergerId, risk.id)}>{risk.title}</RouterLink>
              </Table.Cell>
              <Table.Cell>
                <CellBadge cell={risk.inherent} />
              </Table.Cell>
              <Table.Cell>
                <CellBadge cell={risk.residual} />
              </Table.Cell>
              <Table.Cell>{t.statuses[risk.status]}</Table.Cell>
              <Table.Cell>{risk.owner ?? m.decisions.none}</Table.Cell>
              <Table.Cell>
                {t.list.mitigationsDone(
                  fmt.number(risk.mitigations.filter((mitigation) => mitigation.status === 'done').length),
                  fmt.number(risk.mitigations.length),
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}
