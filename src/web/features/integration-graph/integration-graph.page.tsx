import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { IntegrationGraph } from '#shared/contracts/decisions.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { useSolutionAreas } from '#web/features/inventory/inventory.api.ts';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { loadElk } from './graph-elk.ts';
import { edgesByNode, filterGraph, layoutGraph, type GraphLayout, type LayoutInput } from './graph-layout.ts';
import { ALL_MUNICIPALITIES, graphFiltersFromSearch, withGraphFilter } from './graph-filters.ts';
import { GraphView, type Describe } from './graph-view.tsx';
import { useIntegrationGraph } from './integration-graph.api.ts';
import '#web/styles/integration-graph.css';

export type GraphNode = IntegrationGraph['nodes'][number];
export type GraphEdge = IntegrationGraph['edges'][number];

export function IntegrationGraphPage() {
  const { merger, trail } = useMergerRoute();
  const { m } = useI18n();
  const t = m.integrationGraph;
  useDocumentTitle(t.documentTitle(merger.name));
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {<Landscape merger={merger} />}
    </>
  );
}

function Landscape({ merger }: { merger: MergerDetail }) {
  const { m, fmt } = useI18n();
  const t = m.integrationGraph;
  const [params, setParams] = useSearchParams();
  const numbers = useMemo(() => merger.municipalities.map((mu) => mu.number), [merger]);
  const { municipalityChoice, municipality, area, onlyBreaking } = graphFiltersFromSearch(params, numbers);
  const set = (change: Parameters<typeof withGraphFilter>[2]) => setParams(withGraphFilter(params, numbers, change), { replace: true });

  const areas = useSolutionAreas();
  const graph = useIntegrationGraph(merger.id, { municipality, area });
  // Start the layout worker while the graph is fetched: loading it is a good part of the first picture's wait.
  useEffect(() => void loadElk(), []);

  const municipalityNames = useMemo(() => new Map(merger.municipalities.map((mu) => [mu.number, mu.name])), [merger]);
  const areaNames = useMemo(() => new Map((areas.data ?? []).map((entry) => [entry.id, entry.name])), [areas.data]);
  const areaOrder = useMemo(() => (areas.data ?? []).map((entry) => entry.id), [areas.data]);
  const filtered = useMemo(
    () => (graph.data ? filterGraph(graph.data, onlyBreaking) : { nodes: [] as GraphNode[], edges: [] as GraphEdge[] }),
    [graph.data, onlyBreaking],
  );
  const severalMunicipalities = municipality === undefined && merger.municipalities.length > 1;
  // A state rather than a ref: the frame appears only once the graph has loaded, and the width is measured from then on.
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const layout = useGraphLayout(
    frame,
    filtered.nodes,
    areaOrder,
    (node) => {
      // With every municipality shown, «Socio» three times says nothing: the pill says whose it is.
      if (!severalMunicipalities || !node.municipalityNumber) return node.label;
      return `${node.label} · ${municipalityNames.get(node.municipalityNumber) ?? node.municipalityNumber}`;
    },
    (group) => (group.kind === 'commonSolutions' ? t.commonSolutionsGroup : group.areaId === null ? t.noArea : (areaNames.get(group.areaId) ?? group.areaId)),
  );
  const index = useMemo(() => edgesByNode(filtered.edges), [filtered.edges]);
  const nodesById = useMemo(() => new Map(filtered.nodes.map((node) => [node.id, node])), [filtered.nodes]);

  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen !== null && nodesById.has(chosen) ? chosen : null;

  const describe: Describe = (id) => {
    const node = nodesById.get(id);
    if (!node) return id;
    if (node.kind === 'commonSolution') return `${node.label} (${t.kinds.commonSolution})`;
    const where = node.municipalityNumber ? (municipalityNames.get(node.municipalityNumber) ?? node.municipalityNumber) : null;
    const fate = node.fate ? t.fates[node.fate]?.toLowerCase() : null;
    return `${node.label} (${[where, fate].filter(Boolean).join(', ')})`;
  };

  const systemCount = filtered.nodes.filter((node) => node.kind === 'system').length;
  const breakingCount = filtered.edges.filter((edge) => edge.breaks).length;
  const summary = t.summary(systemCount, filtered.nodes.length - systemCount, filtered.edges.length, breakingCount, fmt.number);

  return (
    <>
      <section className='samla-filters' aria-labelledby='graph-filters-heading'>
        <Heading level={2} data-size='2xs' id='graph-filters-heading'>
          {t.filtersHeading}
        </Heading>
        <div className='samla-filters__row'>
          <Field>
            <Label>{t.municipality}</Label>
            <Select id='graph-municipality' value={municipalityChoice} onChange={(event) => set({ municipality: event.target.value })}>
              {merger.municipalities.map((mu) => (
                <Select.Option key={mu.number} value={mu.number}>
                  {mu.name}
                </Select.Option>
              ))}
              <Select.Option value={ALL_MUNICIPALITIES}>{t.allMunicipalities}</Select.Option>
            </Select>
          </Field>
          <Field>
            <Label>{t.area}</Label>
            <Select id='graph-area' value={area ?? ''} onChange={(event) => set({ area: event.target.value || undefined })}>
              <Select.Option value=''>{t.allAreas}</Select.Option>
              {(areas.data ?? []).map((entry) => (
                <Select.Option key={entry.id} value={entry.id}>
                  {entry.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Checkbox
            id='graph-only-breaking'
            label={t.onlyBreaking}
            checked={onlyBreaking}
            onChange={(event) => set({ onlyBreaking: event.target.checked })}
            className='samla-filters__check'
          />
        </div>
      </section>

      {graph.isError && <LoadError error={graph.error} onRetry={() => void graph.refetch()} />}
      {graph.isPending && <Loading />}
      {graph.data && (
        <div className='samla-graph-results' aria-busy={graph.isPlaceholderData}>
          {filtered.nodes.length === 0 ? (
            <Alert data-color='info'>
              <Paragraph>{municipality === undefined && area === undefined && !onlyBreaking ? t.emptyAll : t.empty}</Paragraph>
            </Alert>
          ) : (
            <>
              <Paragraph data-size='sm' className='samla-muted samla-graph-hint'>
                <span id='graph-keyboard-hint'>{t.keyboardHint}</span> {t.mouseHint}
              </Paragraph>
              <div className='samla-graph-layout'>
                <div ref={setFrame} className='samla-graph-frame' aria-busy={layout === null}>
                  {layout === null ? (
                    <Loading />
                  ) : (
                    <GraphView
                      nodes={filtered.nodes}
                      edges={filtered.edges}
                      layout={layout}
                      index={index}
                      selectedId={selected}
                      onSelect={setChosen}
                      describe={describe}
                      summary={summary}
                    />
                  )}
                </div>
                <SelectedPanel
                  node={selected === null ? null : nodesById.get(selected)!}
                  edges={selected === null ? [] : (index.get(selected) ?? [])}
                  describe={describe}
                  areaName={(id) => (id === null ? t.noArea : (areaNames.get(id) ?? id))}
                  municipalityName={(number) => municipalityNames.get(number) ?? number}
                  onClear={() => setChosen(null)}
                />
              </div>
              <IntegrationTable edges={filtered.edges} nodesById={nodesById} municipalityNames={municipalityNames} />
            </>
          )}
        </div>
      )}
    </>
  );
}

type NodeText = LayoutInput['nodeText'];
type GroupTitle = LayoutInput['groupTitle'];

/**
 * The layout for the frame's width, made again when the nodes or the width change. The
 * names are measured in the font they are drawn in, once it has loaded, so each pill fits
 * its name exactly. Null until the first layout is ready; later changes keep the old
 * picture until the new one is.
 */
function useGraphLayout(frame: HTMLDivElement | null, nodes: GraphNode[], areaOrder: string[], nodeText: NodeText, groupTitle: GroupTitle): GraphLayout | null {
  const [width, setWidth] = useState(0);
  const [result, setResult] = useState<{ nodes: GraphNode[]; layout: GraphLayout } | null>(null);
  const text = useRef({ nodeText, groupTitle });
  text.current = { nodeText, groupTitle };
  // The names change with the nodes or the area names; a key for them keeps the effect from running every render.
  const textKey = useMemo(
    () => nodes.map((node) => nodeText(node)).join('\n') + areaOrder.map((id) => groupTitle({ kind: 'area', areaId: id })).join('\n'),
    [nodes, areaOrder, nodeText, groupTitle],
  );

  useEffect(() => {
    const element = frame;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      // The region's border takes 2 px of the frame.
      const next = Math.floor((entry?.contentRect.width ?? 0) - 2);
      // Small changes (a scroll bar coming and going) do not re-pack the picture.
      if (next > 0) setWidth((current) => (Math.abs(current - next) < 24 ? current : next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [frame]);

  useEffect(() => {
    if (width === 0) return;
    let cancelled = false;
    void (async () => {
      const measure = await textMeasure();
      const elk = await loadElk();
      const layout = await layoutGraph({ nodes, areaOrder, width, measure, ...text.current }, elk);
      if (!cancelled) setResult({ nodes, layout });
    })();
    return () => {
      cancelled = true;
    };
  }, [nodes, areaOrder, width, textKey]);

  return result?.layout ?? null;
}

let measurer: Promise<LayoutInput['measure']> | undefined;

/** Text widths in the graph's fonts (Inter 13 px, titles semibold), measured on a canvas once the fonts have loaded. */
function textMeasure(): Promise<LayoutInput['measure']> {
  measurer ??= (async () => {
    const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
    const fonts = { node: `400 13px ${family}`, title: `600 13px ${family}` };
    await Promise.all(Object.values(fonts).map((font) => document.fonts.load(font).catch(() => [])));
    const context = document.createElement('canvas').getContext('2d');
    const cache = new Map<string, number>();
    return (value: string, kind: 'node' | 'title') => {
      const key = `${kind}\u0000${value}`;
      let width = cache.get(key);
      if (width === undefined) {
        if (context) {
          context.font = fonts[kind];
          width = context.measureText(value).width;
        } else {
          width = value.length * 8;
        }
        // A pixel to spare for rounding between canvas and SVG text.
        width = Math.ceil(width) + 1;
        cache.set(key, width);
      }
      return width;
    };
  })();
  return measurer;
}

function SelectedPanel({
  node,
  edges,
  describe,
  areaName,
  municipalityName,
  onClear,
}: {
  node: GraphNode | null;
  edges: GraphEdge[];
  describe: Describe;
  areaName: (id: string | null) => string;
  municipalityName: (number: string) => string;
  onClear: () => void;
}) {
  const { m, fmt } = useI18n();
  const t = m.integrationGraph;
  const values = m.inventory.values;
  return (
    <section className='samla-graph-panel' aria-labelledby='graph-selected-heading'>
      <Heading level={2} data-size='xs' id='graph-selected-heading'>
        {node ? node.label : t.selectedHeading}
      </Heading>
      {!node ? (
        <Paragraph data-size='sm'>{t.nothingSelected}</Paragraph>
      ) : (
        <>
          <dl className='samla-graph-panel__facts'>
            <dt>{t.kind}</dt>
            <dd>{t.kinds[node.kind]}</dd>
            {node.municipalityNumber && (
              <>
                <dt>{t.municipality}</dt>
                <dd>{municipalityName(node.municipalityNumber)}</dd>
              </>
            )}
            {node.kind === 'system' && (
              <>
                <dt>{t.area}</dt>
                <dd>{areaName(node.solutionAreaId)}</dd>
                <dt>{t.fate}</dt>
                <dd>{node.fate ? t.fates[node.fate] : t.notSet}</dd>
              </>
            )}
          </dl>
          <Heading level={3} data-size='2xs'>
            {t.integrationsOf(node.label, edges.length, fmt.number)}
          </Heading>
          {edges.length === 0 ? (
            <Paragraph data-size='sm'>{t.noIntegrations}</Paragraph>
          ) : (
            <ul className='samla-graph-panel__edges'>
              {edges.map((edge) => {
                const outgoing = edge.from === node.id;
                const other = outgoing ? edge.to : edge.from;
                const details = [
                  edge.method ? (values.method?.[edge.method] ?? edge.method) : null,
                  edge.direction ? (values.direction?.[edge.direction] ?? edge.direction) : null,
                ].filter(Boolean);
                return (
                  <li key={edge.id}>
                    <span aria-hidden='true'>{outgoing ? '→ ' : '← '}</span>
                    {outgoing ? `${t.columns.to}: ` : `${t.columns.from}: `}
                    {describe(other)}
                    {details.length > 0 && <span className='samla-muted'> · {details.join(' · ')}</span>}
                    {edge.breaks && (
                      <>
                        {' '}
                        <Tag data-color='danger' data-size='sm'>
                          {t.breaksTag}
                        </Tag>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <Button variant='secondary' data-size='sm' onClick={onClear}>
            {t.clearSelection}
          </Button>
        </>
      )}
    </section>
  );
}

const TABLE_PAGE = 250;

function IntegrationTable({
  edges,
  nodesById,
  municipalityNames,
}: {
  edges: GraphEdge[];
  nodesById: Map<string, GraphNode>;
  municipalityNames: Map<string, string>;
}) {
  const { m, fmt } = useI18n();
  const t = m.integrationGraph;
  const values = m.inventory.values;
  const [limit, setLimit] = useState(TABLE_PAGE);
  const scroller = useRef<HTMLDivElement>(null);
  const label = (id: string) => nodesById.get(id)?.label ?? id;
  const rows = useMemo(
    () =>
      [...edges].sort(
        (a, b) =>
          Number(b.breaks) - Number(a.breaks) ||
          (nodesById.get(a.from)?.label ?? '').localeCompare(nodesById.get(b.from)?.label ?? '', 'nb') ||
          (nodesById.get(a.to)?.label ?? '').localeCompare(nodesById.get(b.to)?.label ?? '', 'nb') ||
          (a.id < b.id ? -1 : 1),
      ),
    [edges, nodesById],
  );
  const shown = rows.slice(0, limit);
  return (
    <section className='samla-section samla-graph-table' aria-labelledby='graph-table-heading'>
      <Heading level={2} data-size='sm' id='graph-table-heading'>
        {t.tableHeading}
      </Heading>
      <Paragraph data-size='sm' className='samla-muted'>
        {t.tableLead} {t.tableCount(shown.length, rows.length, fmt.number)}
      </Paragraph>
      {rows.length === 0 ? (
        <Alert data-color='info'>
          <Paragraph>{t.noEdges}</Paragraph>
        </Alert>
      ) : (
        <div ref={scroller} className='samla-table-scroll samla-scroll-focus' tabIndex={0} role='region' aria-label={t.tableCaption}>
          <Table data-color='neutral' className='samla-table' border data-size='sm'>
            <caption className='ds-sr-only'>{t.tableCaption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.columns.from}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.columns.to}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.columns.municipality}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.columns.method}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.columns.direction}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.columns.breaks}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((edge) => {
                const from = nodesById.get(edge.from);
                const where = from?.municipalityNumber ?? nodesById.get(edge.to)?.municipalityNumber ?? null;
                return (
                  <Table.Row key={edge.id}>
                    <Table.HeaderCell scope='row' className='samla-graph-table__from'>
                      {label(edge.from)}
                    </Table.HeaderCell>
                    <Table.Cell>
                      {label(edge.to)}
                      {nodesById.get(edge.to)?.kind === 'commonSolution' && <span className='samla-muted'> ({t.kinds.commonSolution})</span>}
                    </Table.Cell>
                    <Table.Cell>{where ? (municipalityNames.get(where) ?? where) : ''}</Table.Cell>
                    <Table.Cell>{edge.method ? (values.method?.[edge.method] ?? edge.method) : <span className='samla-muted'>{t.notSet}</span>}</Table.Cell>
                    <Table.Cell>
                      {edge.direction ? (values.direction?.[edge.direction] ?? edge.direction) : <span className='samla-muted'>{t.notSet}</span>}
                    </Table.Cell>
                    <Table.Cell>{edge.breaks ? <strong className='samla-graph-table__breaks'>{t.yes}</strong> : t.no}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      {rows.length > limit && (
        <Button
          variant='secondary'
          data-size='sm'
          className='samla-mt-2'
          onClick={() => {
            // The button goes away with the last rows: focus then stays in the table instead of falling to the page.
            if (limit + TABLE_PAGE >= rows.length) scroller.current?.focus();
            setLimit(limit + TABLE_PAGE);
          }}
        >
          {t.showMore(fmt.number(Math.min(TABLE_PAGE, rows.length - limit)))}
        </Button>
      )}
    </section>
  );
}
