import { Button, Heading } from '@digdir/designsystemet-react';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { IntegrationGraph } from '#shared/contracts/decisions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import {
  NODE_FONT_SIZE,
  NODE_TEXT_X,
  TITLE_FONT_SIZE,
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

/**
 * Above this many nodes only the pills in and near the scrolled part of the picture are in the
 * page: thousands of pills with their names made every zoom and selection repaint for seconds.
 */
const ALL_PILLS_UP_TO = 600;
/** The picture is cut in bands of this many pixels for that; the band in view and its neighbours are drawn. */
const BAND = 600;
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
}

function shapeOf(node: GraphNode): string {
  if (node.kind === 'commonSolution') return 'samla-graph-common';
  return `samla-graph-${node.fate ?? 'undecided'}`;
}

/**
 * The landscape as SVG. The drawing is one focusable region (not a tab stop per
 * node): arrow keys walk the nodes in the layout's order, Enter selects, and the
 * table under the graph is the full accessible equivalent. The picture is laid
 * out to the region's width and drawn at its natural size, names at 13 px; when
 * it is taller than the window the region scrolls (and, being focusable, scrolls
 * with the keyboard too).
 */
export function GraphView({ nodes, edges, layout, index, selectedId, onSelect, describe, summary }: Props) {
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
  const regionRef = useRef<HTMLDivElement>(null);
  const [band, setBand] = useState(0);
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
      // A picture taller than its region scrolls with the wheel, as a page does; Ctrl (or a pinch) zooms.
      const region = svg.parentElement;
      if (!event.ctrlKey && !event.metaKey && region && region.scrollHeight > region.clientHeight + 1) return;
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
  const crosses = useMemo(() => midpointCrossesPath(breakingEdges, positions, 4), [breakingEdges, positions]);

  const focusEdges = (id: string | null) => (id === null ? [] : (index.get(id) ?? []));
  const selectedEdges = focusEdges(selectedId);
  const hoverEdges = hover !== null && hover !== selectedId ? focusEdges(hover) : [];

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
    // In a region taller than the window, bring the node into the scrolled part (it may not be drawn yet, so by arithmetic).
    const pill = layout.boxes.get(target);
    const region = regionRef.current;
    if (pill && region && region.scrollHeight > region.clientHeight) {
      const top = ((pill.y - box.y) * size.width) / box.width;
      const bottom = top + (pill.height * size.width) / box.width;
      if (top < region.scrollTop || bottom > region.scrollTop + region.clientHeight) region.scrollTop = Math.max(0, top - region.clientHeight / 2);
    }
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

  const stroke = unit;
  // The part of the picture drawn when it is large: the scrolled band and one on each side, in SVG units.
  const within = useMemo(() => {
    if (nodes.length <= ALL_PILLS_UP_TO || size.width <= 0) return null;
    const perPixel = box.width / size.width;
    return { top: box.y + (band - 1) * BAND * perPixel, bottom: box.y + (band + 2 + Math.ceil(window.innerHeight / BAND)) * BAND * perPixel };
  }, [nodes.length, size.width, box.y, box.width, band]);
  // Drawn at its natural size: as tall as the picture is at the region's width.
  const naturalHeight = Math.ceil((base.height * size.width) / base.width);

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
        onScroll={(event) => setBand(Math.floor(event.currentTarget.scrollTop / BAND))}
        ref={regionRef}
        data-testid='integration-graph'
      >
        <svg
          ref={svgRef}
          className='samla-graph__svg'
          viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
          preserveAspectRatio='xMidYMid meet'
          style={{ height: naturalHeight }}
          aria-hidden='true'
          focusable='false'
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = null)}
          onPointerLeave={() => setHoverId(null)}
        >
          <Shapes />
          <GroupLayer layout={layout} />
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
          <GroupTitles layout={layout} />
          <NodeLayer nodes={nodes} layout={layout} within={within} />
          {[hover, selectedId, active].map((id, which) => {
            const at = id === null ? undefined : layout.boxes.get(id);
            if (!at || id === null) return null;
            const kind = ['hover', 'selected', 'active'][which];
            const out = 3 + which * 3;
            return (
              <rect
                key={kind}
                className={`samla-graph__ring samla-graph__ring--${kind}`}
                x={at.x - out}
                y={at.y - out}
                width={at.width + 2 * out}
                height={at.height + 2 * out}
                rx={at.height / 2 + out}
                style={{ strokeWidth: 2.5 * Math.max(unit, 0.6) }}
              />
            );
          })}
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
        <rect x={-9} y={-6.5} width={18} height={13} rx={4} />
      </g>
      <g id='samla-graph-continues' className='samla-graph__shape samla-graph__shape--continues'>
        <circle r={7} />
      </g>
      <g id='samla-graph-migrated' className='samla-graph__shape samla-graph__shape--migrated'>
        <circle r={6} />
        <circle r={2.5} className='samla-graph__dot' />
      </g>
      <g id='samla-graph-retired' className='samla-graph__shape samla-graph__shape--retired'>
        <circle r={7} />
        <path d='M-3.8 -3.8L3.8 3.8M3.8 -3.8L-3.8 3.8' />
      </g>
      <g id='samla-graph-undecided' className='samla-graph__shape samla-graph__shape--undecided'>
        <circle r={7} />
      </g>
    </defs>
  );
}

/** The solution areas' boxes with their names, and the common solutions' box, behind the lines. */
const GroupLayer = memo(function GroupLayer({ layout }: { layout: GraphLayout }) {
  return (
    <g className='samla-graph__groups'>
      {layout.groups.map((group) => (
        <g key={group.kind === 'commonSolutions' ? 'common' : `area:${group.areaId ?? ''}`} className={`samla-graph__group samla-graph__group--${group.kind}`}>
          <rect x={group.box.x} y={group.box.y} width={group.box.width} height={group.box.height} rx={8} />
        </g>
      ))}
    </g>
  );
});

/** The boxes' titles, above the lines (with a halo) so a line crossing a box never runs through its name. */
const GroupTitles = memo(function GroupTitles({ layout }: { layout: GraphLayout }) {
  return (
    <g className='samla-graph__group-titles' style={{ fontSize: TITLE_FONT_SIZE }}>
      {layout.groups.map((group) => (
        <text
          key={group.kind === 'commonSolutions' ? 'common' : `area:${group.areaId ?? ''}`}
          x={group.titleAt.x}
          y={group.titleAt.y}
          className='samla-graph__group-title'
        >
          {group.title}
        </text>
      ))}
    </g>
  );
});

/**
 * Every node once, as a pill with its symbol and name inside: a name can then never lie on
 * another node or name. Memoised so hovering and zooming do not re-create thousands of elements.
 */
const NodeLayer = memo(function NodeLayer({
  nodes,
  layout,
  within,
}: {
  nodes: GraphNode[];
  layout: GraphLayout;
  within: { top: number; bottom: number } | null;
}) {
  return (
    <g className='samla-graph__nodes' style={{ fontSize: NODE_FONT_SIZE }}>
      {nodes.map((node) => {
        const box = layout.boxes.get(node.id);
        if (!box) return null;
        if (within && (box.y + box.height < within.top || box.y > within.bottom)) return null;
        const middle = box.y + box.height / 2;
        const text = layout.labels.get(node.id) ?? '';
        return (
          <g key={node.id} data-node={node.id} className={`samla-graph__pill samla-graph__pill--${node.kind === 'commonSolution' ? 'common' : 'system'}`}>
            {/* The whole name as a tooltip only where the pill had to cut it: thousands of titles cost render time. */}
            {text !== node.label && !text.startsWith(node.label) && <title>{node.label}</title>}
            <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={node.kind === 'commonSolution' ? 6 : box.height / 2} data-id={node.id} />
            <use href={`#${shapeOf(node)}`} x={box.x + 15} y={middle} data-id={node.id} className='samla-graph__node' />
            <text x={box.x + NODE_TEXT_X} y={middle} dominantBaseline='central' className='samla-graph__label' data-id={node.id}>
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
});

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
