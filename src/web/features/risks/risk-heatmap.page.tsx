import { Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { Heatmap, RiskMatrix } from '#shared/contracts/risks.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { riskSearch, textColorOn } from './risk-view.ts';
import { RiskNav, RiskPageHead, useRiskTrail } from './risk-shell.tsx';
import { useHeatmap } from './risks.api.ts';

export function RiskHeatmapPage() {
  const { m } = useI18n();
  const t = m.risks.heatmap;
  const { mergerId, merger, trail, editable } = useRiskTrail();
  const heatmap = useHeatmap(mergerId);
  useDocumentTitle(t.documentTitle(merger.name));
  return (
    <RiskPageHead trail={trail} title={t.title}>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      <RiskNav mergerId={mergerId} editable={editable} />
      {heatmap.isError && <LoadError error={heatmap.error} onRetry={() => void heatmap.refetch()} />}
      {heatmap.isPending && <Loading />}
      {heatmap.data && (
        <>
          <div className='samla-heatmaps'>
            <Grid mergerId={mergerId} heatmap={heatmap.data} which='inherent' />
            <Grid mergerId={mergerId} heatmap={heatmap.data} which='residual' />
          </div>
          {heatmap.data.unassessed > 0 && <Paragraph data-size='sm'>{t.unassessed(heatmap.data.unassessed)}</Paragraph>}
          <CellTable mergerId={mergerId} heatmap={heatmap.data} />
        </>
      )}
    </RiskPageHead>
  );
}

const className = (matrix: RiskMatrix, l: number, c: number) => {
  const key = matrix.grid[l]?.[c];
  return matrix.classes.find((candidate) => candidate.key === key);
};

/** One matrix as a grid: likelihood upwards, consequence to the right; each cell writes its count and class, never colour alone. */
function Grid({ mergerId, heatmap, which }: { mergerId: string; heatmap: Heatmap; which: 'inherent' | 'residual' }) {
  const { m, fmt } = useI18n();
  const t = m.risks.heatmap;
  const { matrix } = heatmap;
  const counts = heatmap[which];
  const likelihoodDescending = matrix.likelihood.map((_, index) => index).reverse();
  return (
    <section aria-labelledby={`heatmap-${which}`}>
      <Heading level={2} data-size='sm' id={`heatmap-${which}`}>
        {which === 'inherent' ? t.inherent : t.residual}
      </Heading>
      <table className='samla-heatmap' data-testid={`heatmap-${which}`}>
        <caption>
          {t.likelihoodAxis} / {t.consequenceAxis}
        </caption>
        <thead>
          <tr>
            <td />
            {matrix.consequence.map((level, c) => (
              <th key={c} scope='col'>
                {`${c + 1} ${level.name}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {likelihoodDescending.map((l) => (
            <tr key={l}>
              <th scope='row'>{`${l + 1} ${matrix.likelihood[l]!.name}`}</th>
              {matrix.consequence.map((_, c) => {
                const riskClass = className(matrix, l, c);
                const count = counts[l]?.[c] ?? 0;
                const color = riskClass?.color ?? '#ffffff';
                const label = t.cellLabel(count, riskClass?.name ?? '', String(l + 1), String(c + 1));
                const content = (
                  <>
                    <span className='samla-heatmap__count'>{fmt.number(count)}</span>
                    {riskClass?.name}
                  </>
                );
                return (
                  <td key={c} style={{ backgroundColor: color, color: textColorOn(color) }}>
                    {count > 0 ? (
                      <DsLink asChild>
                        <Link
                          to={paths.risks(mergerId, riskSearch({ cell: `${l + 1}-${c + 1}`, residual: which === 'residual' || undefined }))}
                          aria-label={label}
                          style={{ color: textColorOn(color) }}
                        >
                          {content}
                        </Link>
                      </DsLink>
                    ) : (
                      content
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The same counts as a plain table, one row per cell that has risks. */
function CellTable({ mergerId, heatmap }: { mergerId: string; heatmap: Heatmap }) {
  const { m, fmt } = useI18n();
  const t = m.risks.heatmap;
  const { matrix } = heatmap;
  const rows = matrix.likelihood
    .flatMap((_, l) => matrix.consequence.map((__, c) => ({ l, c, inherent: heatmap.inherent[l]?.[c] ?? 0, residual: heatmap.residual[l]?.[c] ?? 0 })))
    .filter((row) => row.inherent > 0 || row.residual > 0)
    .sort((a, b) => (b.l + 1) * (b.c + 1) - (a.l + 1) * (a.c + 1));
  return (
    <section className='samla-section' aria-labelledby='heatmap-table-heading'>
      <Heading level={2} data-size='sm' id='heatmap-table-heading'>
        {t.tableHeading}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{t.noRisks}</Paragraph>
      ) : (
        <>
          <Paragraph data-size='sm'>{t.onlyNonEmpty}</Paragraph>
          <ScrollRegion label={t.tableCaption}>
            <Table data-color='neutral' className='samla-table' border data-size='sm' data-testid='heatmap-table'>
              <caption>{t.tableCaption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope='col'>{t.tableLikelihood}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.tableConsequence}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.tableClass}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.tableInherent}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.tableResidual}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map(({ l, c, inherent, residual }) => (
                  <Table.Row key={`${l}-${c}`}>
                    <Table.HeaderCell scope='row'>{`${l + 1} ${matrix.likelihood[l]!.name}`}</Table.HeaderCell>
                    <Table.Cell>{`${c + 1} ${matrix.consequence[c]!.name}`}</Table.Cell>
                    <Table.Cell>{className(matrix, l, c)?.name}</Table.Cell>
                    <Table.Cell>
                      {inherent > 0 ? (
                        <DsLink asChild>
                          <Link to={paths.risks(mergerId, riskSearch({ cell: `${l + 1}-${c + 1}` }))}>{fmt.number(inherent)}</Link>
                        </DsLink>
                      ) : (
                        fmt.number(0)
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {residual > 0 ? (
                        <DsLink asChild>
                          <Link to={paths.risks(mergerId, riskSearch({ cell: `${l + 1}-${c + 1}`, residual: true }))}>{fmt.number(residual)}</Link>
                        </DsLink>
                      ) : (
                        fmt.number(0)
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
