import { Button, Heading } from '@digdir/designsystemet-react';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { IntegrationGraph } from '#shared/contracts/decisions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import {
  AREA_LABEL_CHARS,
  AREA_LABELS_UP_TO,
  linesPath,
  midpointCrossesPath,
  panView,
  viewShowing,
  zoomView,
  type GraphLayout,
  type Point,
  type ViewBox,
} from './graph-layout.ts';

type GraphNode = IntegrationGraph['nodes'][number];
type GraphEdge = IntegrationGraph['edges'][number];

/** A node's name with what tells it apart (municipality, fate), for the status line. */
export type Describe = (id: string) => string;

/** All labels are drawn when there are this few nodes; above it only the hovered, selected and marked ones. */
const ALL_LABELS_UP_TO = 60;
const ZOOM_STEP = 1.4;

interface Props {
  nodes: GraphNode[];
  edges: GraphEdge[];
  layout: GraphLayout;
  index: Map<string, GraphEdge[]>;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  describe: Describe;
  summary: string;
  areaName: (id: string | null) => string;
}

function shapeOf(node: GraphNode): string {
  if (node.kind === 'commonSolution') return 'samla-graph-common';
  return `samla-graph-${node.fate ?? 'undecided'}`;
}

/**
 * The landscape as SVG. The drawing is one focusable region (not a tab stop per
 * node): arrow keys walk the nodes in the layout's order, Enter selects, and the
 * table under the graph is the full accessible equivalent.
 */
export function GraphView({ nodes, edges, layout, index, selectedId, onSelect, describe, summary, areaName }: Props) {
  const { m, fmt } = useI18n();
  const t = m.integrationGraph;
  const svgRef = useRef<SVGSVGElement>(null);
  const [view, setView] = useState<{ layout: GraphLayout; box: ViewBox }>({ layout, box: layout.viewBox });
  // A new layout (other filters) starts from the whole picture.
  const box = view.layout === layout ? view.box : layout.viewBox;
  const setBox = (next: ViewBox | ((current: ViewBox) => ViewBox)) =>
    setView((current) => {
      const from = current.layout === layout ? current.box : layout.viewBox;
      return { layout, box: typeof next === 'function' ? next(from) : next };
    });
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [size, setSize] = useState({ width: 800, height: 576 });
  const drag = useRef<{ x: number; y: number; box: ViewBox; id: string | null; moved: boolean; scale: number } | null>(null);

  const positions = layout.positions;
  const active = activeId !== null && positions.has(activeId) ? activeId : null;
  const hover = hoverId !== null && positions.has(hoverId) ? hoverId : null;

  // SVG units per screen pixel, so labels and strokes keep their size on screen when zooming.
  const unit = Math.max(box.width / size.width, box.height / size.height);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);

  // The wheel zooms around the pointer; React's wheel handler is passive and cannot stop the page scrolling.
  const base = layout.viewBox;
  const baseRef = useRef(base);
  baseRef.current = base;
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const point = toSvgPoint(svg, event.clientX, event.clientY);
      const factor = event.deltaY < 0 ? 1.2 : 1 / 1.2;
      setView((current) => {
        const from = current.layout === layoutRef.current ? current.box : baseRef.current;
        return { layout: layoutRef.current, box: zoomView(from, baseRef.current, factor, point ?? undefined) };
      });
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const plainEdges = useMemo(() => edges.filter((edge) => !edge.breaks), [edges]);
  const breakingEdges = useMemo(() => edges.filter((edge) => edge.breaks), [edges]);
  const plainPath = useMemo(() => linesPath(plainEdges, positions), [plainEdges, positions]);
  const breakingPath = useMemo(() => linesPath(breakingEdges, positions), [breakingEdges, positions]);
  const crosses = useMemo(() => midpointCrossesPath(breakingEdges, positions, 6), [breakingEdges, positions]);

  const focusEdges = (id: string | null) => (id === null ? [] : (index.get(id) ?? []));
  const selectedEdges = focusEdges(selectedId);
  const hoverEdges = hover !== null && hover !== selectedId ? focusEdges(hover) : [];

  // Labels beyond the always-shown ones: the hovered, marked and selected nodes and the selected node's neighbours.
  const showAll = nodes.length <= ALL_LABELS_UP_TO;
  const extraLabels = new Set<string>();
  if (!showAll) {
    for (const id of [hover, active, selectedId]) if (id !== null) extraLabels.add(id);
    if (selectedEdges.length <= 40) for (const edge of selectedEdges) extraLabels.add(edge.from === selectedId ? edge.to : edge.from);
  }
  const nodesById = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes]);

  const select = (id: string | null) => {
    onSelect(id);
    if (id !== null) {
      setActiveId(id);
      setMessage(t.selectedStatus(describe(id), index.get(id)?.length ?? 0, fmt.number));
    } else {
      setMessage('');
    }
  };

  const moveActive = (target: string) => {
    setActiveId(target);
    setMessage(t.active(describe(target)));
    const point = positions.get(target);
    if (point) setBox((current) => viewShowing(current, point, 40 * unit));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const order = layout.order;
    if (order.length === 0) return;
    const current = active ?? selectedId;
    const at = current === null ? -1 : order.indexOf(current);
    let handled = true;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        moveActive(order[at < 0 ? 0 : (at + 1) % order.length]!);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        moveActive(order[at <= 0 ? order.length - 1 : at - 1]!);
        break;
      case 'Home':
        moveActive(order[0]!);
        break;
      case 'End':
        moveActive(order[order.length - 1]!);
        break;
      case 'Enter':
      case ' ':
        if (current !== null) select(current);
        else moveActive(order[0]!);
        break;
      case 'Escape':
        if (selectedId !== null) select(null);
        else handled = false;
        break;
      case '+':
      case '=':
        setBox((from) => zoomView(from, base, ZOOM_STEP, active ? positions.get(active) : undefined));
        break;
      case '-':
        setBox((from) => zoomView(from, base, 1 / ZOOM_STEP));
        break;
      case '0':
        setBox(base);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const onFocus = () => {
    if (active === null) {
      const first = selectedId ?? layout.order[0];
      if (first !== undefined) {
        setActiveId(first);
        setMessage(t.active(describe(first)));
      }
    }
  };

  const nodeAt = (target: EventTarget | null): string | null => {
    const element = target instanceof Element ? target.closest('[data-id]') : null;
    return element?.getAttribute('data-id') ?? null;
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM();
    drag.current = { x: event.clientX, y: event.clientY, box, id: nodeAt(event.target), moved: false, scale: matrix ? 1 / matrix.a : unit };
    svg?.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const state = drag.current;
    if (!state) {
      const id = nodeAt(event.target);
      if (id !== hoverId) setHoverId(id);
      return;
    }
    const dx = event.clientX - state.x;
    const dy = event.clientY - state.y;
    if (!state.moved && Math.hypot(dx, dy) < 4) return;
    state.moved = true;
    setBox(panView(state.box, -dx * state.scale, -dy * state.scale));
  };
  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const state = drag.current;
    drag.current = null;
    svgRef.current?.releasePointerCapture(event.pointerId);
    if (state && !state.moved && state.id !== null) select(state.id);
  };

  const fontSize = 12 * unit;
  const stroke = unit;

  return (
    <div className='samla-graph'>
      <div className='samla-graph__toolbar' role='group' aria-label={t.zoomControls}>
        <Button variant='secondary' data-size='sm' onClick={() => setBox((from) => zoomView(from, base, ZOOM_STEP))}>
          {t.zoomIn}
        </Button>
        <Button variant='secondary' data-size='sm' onClick={() => setBox((from) => zoomView(from, base, 1 / ZOOM_STEP))}>
          {t.zoomOut}
        </Button>
        <Button variant='tertiary' data-size='sm' onClick={() => setBox(base)}>
          {t.resetView}
        </Button>
      </div>
      <div
        className='samla-graph__region'
        tabIndex={0}
        role='group'
        aria-label={t.graphLabel}
        aria-describedby='graph-summary graph-keyboard-hint'
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        data-testid='integration-graph'
      >
        <svg
          ref={svgRef}
          className='samla-graph__svg'
          viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
          preserveAspectRatio='xMidYMid meet'
          aria-hidden='true'
          focusable='false'
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = null)}
          onPointerLeave={() => setHoverId(null)}
        >
          <Shapes />
          <g style={{ strokeWidth: stroke }}>
            <path className='samla-graph__edges' d={plainPath} />
            <path className='samla-graph__edges samla-graph__edges--breaks' d={breakingPath} style={{ strokeDasharray: `${6 * unit} ${4 * unit}` }} />
            <path className='samla-graph__break-marks' d={crosses} style={{ strokeWidth: 2 * unit }} data-testid='graph-break-marks' />
          </g>
          {hoverEdges.length > 0 && (
            <path className='samla-graph__edges samla-graph__edges--hover' d={linesPath(hoverEdges, positions)} style={{ strokeWidth: 2.5 * unit }} />
          )}
          {selectedEdges.length > 0 && (
            <path className='samla-graph__edges samla-graph__edges--selected' d={linesPath(selectedEdges, positions)} style={{ strokeWidth: 3 * unit }} />
          )}
          {layout.groups.length > 1 && layout.groups.length <= AREA_LABELS_UP_TO && (
            <g className='samla-graph__areas' style={{ fontSize: 13 * unit }}>
              {layout.groups.map((group) => (
                <text
                  key={group.areaId ?? 'none'}
                  x={group.labelAt.x}
                  y={group.labelAt.y}
                  textAnchor={Math.abs(Math.cos(group.angle)) < 0.3 ? 'middle' : Math.cos(group.angle) > 0 ? 'start' : 'end'}
                  dominantBaseline='middle'
                >
                  <title>{areaName(group.areaId)}</title>
                  {shorten(areaName(group.areaId))}
                </text>
              ))}
            </g>
          )}
          <NodeLayer nodes={nodes} positions={positions} />
          {[hover, selectedId, active].map((id, which) => {
            const at = id === null ? undefined : positions.get(id);
            if (!at || id === null) return null;
            const kind = ['hover', 'selected', 'active'][which];
            const radius = (nodesById.get(id)?.kind === 'commonSolution' ? 20 : 14) + which * 4;
            return <circle key={kind} className={`samla-graph__ring samla-graph__ring--${kind}`} cx={at.x} cy={at.y} r={radius} style={{ strokeWidth: 2.5 * Math.max(unit, 0.6) }} />;
          })}
          <g className='samla-graph__labels' style={{ fontSize }}>
            {nodes.map((node) =>
              showAll || node.kind === 'commonSolution' || extraLabels.has(node.id) ? (
                <NodeLabel key={node.id} node={node} at={positions.get(node.id)} unit={unit} strong={node.id === selectedId || node.id === hover} />
              ) : null,
            )}
          </g>
        </svg>
      </div>
      <p id='graph-summary' className='samla-graph__summary'>
        {summary}
      </p>
      <p className='samla-graph__status' role='status'>
        {message}
      </p>
      <Legend />
    </div>
  );
}

function shorten(text: string): string {
  return text.length <= AREA_LABEL_CHARS ? text : `${text.slice(0, AREA_LABEL_CHARS - 1).trimEnd()}…`;
}

function toSvgPoint(svg: SVGSVGElement, clientX: number, clientY: number): Point | null {
  const matrix = svg.getScreenCTM();
  if (!matrix) return null;
  const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
  return { x: point.x, y: point.y };
}

/** The node shapes, defined once and reused: the fate shows in the shape as well as the colour. */
function Shapes() {
  return (
    <defs>
      <g id='samla-graph-common' className='samla-graph__shape samla-graph__shape--common'>
        <rect x={-16} y={-11} width={32} height={22} rx={7} />
      </g>
      <g id='samla-graph-continues' className='samla-graph__shape samla-graph__shape--continues'>
        <circle r={9} />
      </g>
      <g id='samla-graph-migrated' className='samla-graph__shape samla-graph__shape--migrated'>
        <circle r={8} />
        <circle r={3} className='samla-graph__dot' />
      </g>
      <g id='samla-graph-retired' className='samla-graph__shape samla-graph__shape--retired'>
        <circle r={9} />
        <path d='M-5 -5L5 5M5 -5L-5 5' />
      </g>
      <g id='samla-graph-undecided' className='samla-graph__shape samla-graph__shape--undecided'>
        <circle r={9} />
      </g>
    </defs>
  );
}

/** Every node once; memoised so hovering and zooming do not re-create thousands of elements. */
const NodeLayer = memo(function NodeLayer({ nodes, positions }: { nodes: GraphNode[]; positions: Map<string, Point> }) {
  return (
    <g className='samla-graph__nodes'>
      {nodes.map((node) => {
        const at = positions.get(node.id);
        if (!at) return null;
        return (
          <use key={node.id} href={`#${shapeOf(node)}`} x={at.x} y={at.y} data-id={node.id} className='samla-graph__node'>
            <title>{node.label}</title>
          </use>
        );
      })}
    </g>
  );
});

function NodeLabel({ node, at, unit, strong }: { node: GraphNode; at: Point | undefined; unit: number; strong: boolean }) {
  if (!at) return null;
  const below = node.kind === 'commonSolution' ? 11 : 9;
  return (
    <text
      x={at.x}
      y={at.y + below + 13 * unit}
      textAnchor='middle'
      className={strong || node.kind === 'commonSolution' ? 'samla-graph__label samla-graph__label--strong' : 'samla-graph__label'}
      style={{ strokeWidth: 3 * unit }}
    >
      {node.label}
    </text>
  );
}

function Legend() {
  const { m } = useI18n();
  const t = m.integrationGraph;
  const entries: Array<{ key: string; text: string; symbol: ReactNode }> = [
    { key: 'common', text: t.legend.commonSolution, symbol: <use href='#samla-graph-common' x={20} y={12} /> },
    { key: 'continues', text: t.legend.continues, symbol: <use href='#samla-graph-continues' x={20} y={12} /> },
    { key: 'migrated', text: t.legend.migrated, symbol: <use href='#samla-graph-migrated' x={20} y={12} /> },
    { key: 'retired', text: t.legend.retired, symbol: <use href='#samla-graph-retired' x={20} y={12} /> },
    { key: 'undecided', text: t.legend.undecided, symbol: <use href='#samla-graph-undecided' x={20} y={12} /> },
    { key: 'edge', text: t.legend.edge, symbol: <path className='samla-graph__edges' d='M2 12L38 12' style={{ strokeWidth: 1.5 }} /> },
    {
      key: 'breaking',
      text: t.legend.breaking,
      symbol: (
        <>
          <path className='samla-graph__edges samla-graph__edges--breaks' d='M2 12L38 12' style={{ strokeWidth: 1.5, strokeDasharray: '6 4' }} />
          <path className='samla-graph__break-marks' d='M14 6l12 12M26 6l-12 12' style={{ strokeWidth: 2 }} />
        </>
      ),
    },
  ];
  return (
    <div className='samla-graph__legend'>
      <Heading level={3} data-size='2xs' className='samla-graph__legend-heading'>
        {t.legendHeading}
      </Heading>
      <ul>
        {entries.map((entry) => (
          <li key={entry.key}>
            <svg width={40} height={24} viewBox='0 0 40 24' aria-hidden='true' focusable='false'>
              {entry.symbol}
            </svg>
            {entry.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
