import { describe, expect, it } from 'vitest';
import {
  edgesByNode,
  filterGraph,
  layoutGraph,
  linesPath,
  midpointCrossesPath,
  MAX_ZOOM,
  viewShowing,
  zoomView,
  type LayoutEdge,
  type LayoutNode,
} from './graph-layout.ts';

const system = (id: string, area: string | null, municipality = '4601', label = id): LayoutNode => ({
  id,
  kind: 'system',
  label,
  municipalityNumber: municipality,
  solutionAreaId: area,
});
const common = (id: string): LayoutNode => ({ id: `cs:${id}`, kind: 'commonSolution', label: id, municipalityNumber: null, solutionAreaId: null });

/** A landscape the size of a large merger, built the same way every time. */
function bigLandscape(systemCount: number, edgeCount: number) {
  const nodes: LayoutNode[] = [];
  for (let i = 0; i < 20; i += 1) nodes.push(common(`fellesløsning-${i}`));
  for (let i = 0; i < systemCount; i += 1) nodes.push(system(`s${i}`, `omrade-${i % 37}`, String(4601 + (i % 5)), `System ${i}`));
  const edges: LayoutEdge[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  for (let i = 0; i < edgeCount; i += 1) {
    const from = nodes[20 + (next() % systemCount)]!.id;
    const to = nodes[next() % nodes.length]!.id;
    edges.push({ id: `e${i}`, from, to, breaks: i % 3 === 0 });
  }
  return { nodes, edges };
}

describe('layoutGraph', () => {
  it('places every node once, common solutions inside and systems around them', () => {
    const nodes = [common('altinn'), common('folkeregisteret'), system('a', 'okonomi'), system('b', 'okonomi'), system('c', 'lonn')];
    const layout = layoutGraph(nodes);
    expect([...layout.positions.keys()].sort()).toEqual(nodes.map((node) => node.id).sort());
    expect(layout.order).toHaveLength(nodes.length);
    const radius = (id: string) => Math.hypot(layout.positions.get(id)!.x, layout.positions.get(id)!.y);
    const innermostSystem = Math.min(radius('a'), radius('b'), radius('c'));
    expect(Math.max(radius('cs:altinn'), radius('cs:folkeregisteret'))).toBeLessThan(innermostSystem);
    // The reading order: common solutions first.
    expect(layout.order.slice(0, 2)).toEqual(['cs:altinn', 'cs:folkeregisteret']);
  });

  it('puts a single common solution in the middle', () => {
    const layout = layoutGraph([common('altinn'), system('a', 'okonomi')]);
    expect(layout.positions.get('cs:altinn')).toEqual({ x: 0, y: 0 });
  });

  it('is the same for the same nodes in another order', () => {
    const nodes = [system('b', 'x', '4626'), system('a', 'x', '4601'), common('altinn'), system('c', 'y'), system('d', null)];
    const one = layoutGraph(nodes);
    const other = layoutGraph([...nodes].reverse());
    expect([...other.positions.entries()].sort()).toEqual([...one.positions.entries()].sort());
    expect(other.order).toEqual(one.order);
  });

  it('keeps each solution area together in the given order, systems without an area last', () => {
    const nodes = [system('a1', 'a'), system('b1', 'b'), system('n1', null), system('a2', 'a'), system('b2', 'b')];
    const layout = layoutGraph(nodes, { areaOrder: ['b', 'a'] });
    expect(layout.groups.map((group) => group.areaId)).toEqual(['b', 'a', null]);
    expect(layout.order).toEqual(['b1', 'b2', 'a1', 'a2', 'n1']);
  });

  it('never puts two nodes on the same spot, and the view box holds them all', () => {
    const { nodes } = bigLandscape(600, 0);
    const layout = layoutGraph(nodes);
    const spots = new Set([...layout.positions.values()].map((point) => `${Math.round(point.x)},${Math.round(point.y)}`));
    expect(spots.size).toBe(nodes.length);
    const { x, y, width, height } = layout.viewBox;
    for (const point of layout.positions.values()) {
      expect(point.x).toBeGreaterThan(x);
      expect(point.x).toBeLessThan(x + width);
      expect(point.y).toBeGreaterThan(y);
      expect(point.y).toBeLessThan(y + height);
    }
  });

  it('lays out 2,500 systems and 4,000 integrations quickly', () => {
    const graph = bigLandscape(2_500, 4_000);
    const started = performance.now();
    const layout = layoutGraph(graph.nodes);
    const index = edgesByNode(graph.edges);
    const lines = linesPath(graph.edges, layout.positions);
    const elapsed = performance.now() - started;
    expect(layout.positions.size).toBe(2_520);
    expect(index.size).toBeGreaterThan(0);
    expect(lines.length).toBeGreaterThan(0);
    // Generous for a slow test machine; a force simulation takes seconds here.
    expect(elapsed).toBeLessThan(500);
  });

  it('handles an empty landscape', () => {
    const layout = layoutGraph([]);
    expect(layout.positions.size).toBe(0);
    expect(layout.viewBox.width).toBeGreaterThan(0);
  });
});

describe('filterGraph', () => {
  const nodes = [system('a', 'x'), system('b', 'x'), system('c', 'x'), common('altinn')];
  const edges: LayoutEdge[] = [
    { id: '1', from: 'a', to: 'b', breaks: false },
    { id: '2', from: 'c', to: 'cs:altinn', breaks: true },
    { id: '3', from: 'a', to: 'gone', breaks: true },
  ];

  it('keeps everything but edges to unknown nodes', () => {
    const result = filterGraph({ nodes, edges }, false);
    expect(result.nodes).toHaveLength(4);
    expect(result.edges.map((edge) => edge.id)).toEqual(['1', '2']);
  });

  it('only the integrations that must be re-established, with the nodes they touch', () => {
    const result = filterGraph({ nodes, edges }, true);
    expect(result.edges.map((edge) => edge.id)).toEqual(['2']);
    expect(result.nodes.map((node) => node.id)).toEqual(['c', 'cs:altinn']);
  });
});

describe('paths and views', () => {
  const positions = new Map([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 10, y: 20 }],
  ]);

  it('draws many lines as one path, and marks their middles', () => {
    const edges: LayoutEdge[] = [{ id: '1', from: 'a', to: 'b', breaks: true }, { id: '2', from: 'a', to: 'missing', breaks: true }];
    expect(linesPath(edges, positions)).toBe('M0 0L10 20');
    expect(midpointCrossesPath(edges, positions, 2)).toBe('M3 8l4 4M7 8l-4 4');
  });

  it('zooms around a point that stays put, within limits', () => {
    const base = { x: 0, y: 0, width: 100, height: 100 };
    const closer = zoomView(base, base, 2, { x: 100, y: 100 });
    expect(closer).toEqual({ x: 50, y: 50, width: 50, height: 50 });
    const farthest = zoomView(base, base, 1e6);
    expect(farthest.width).toBeCloseTo(100 / MAX_ZOOM);
  });

  it('moves the view to show a point outside it', () => {
    const view = { x: 0, y: 0, width: 100, height: 100 };
    expect(viewShowing(view, { x: 50, y: 50 })).toBe(view);
    expect(viewShowing(view, { x: 500, y: 50 })).toEqual({ x: 450, y: 0, width: 100, height: 100 });
  });

  it('lists each node’s edges once', () => {
    const edges: LayoutEdge[] = [{ id: '1', from: 'a', to: 'b', breaks: false }, { id: '2', from: 'a', to: 'a', breaks: false }];
    const index = edgesByNode(edges);
    expect(index.get('a')!.map((edge) => edge.id)).toEqual(['1', '2']);
    expect(index.get('b')!.map((edge) => edge.id)).toEqual(['1']);
  });
});
