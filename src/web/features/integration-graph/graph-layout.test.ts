import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import {
  edgesByNode,
  filterGraph,
  GROUP_TITLE_HEIGHT,
  NODE_TEXT_X,
  layoutGraph,
  overlaps,
  type GraphLayout,
  type LayoutInput,
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

// elk.bundled runs ELK in this process; its typings describe the module rather than the class.
const elk = new (ELK as unknown as typeof ELK.default)();
/** A stand-in for the page's text measurement: about what Inter 13 px needs, rounded up. */
const measure = (text: string, kind: 'node' | 'title') => text.length * (kind === 'title' ? 8 : 7.5);
const input = (nodes: LayoutNode[], width = 1100, areaOrder?: string[]): LayoutInput => ({
  nodes,
  areaOrder,
  width,
  measure,
  nodeText: (node) => node.label,
  groupTitle: (group) => (group.kind === 'commonSolutions' ? 'Nasjonale fellesløsninger' : `Område ${group.areaId ?? 'uten'}`),
});

/** Every pill and every group title apart from each other, pills inside their group, all inside the picture. */
function expectReadable(layout: GraphLayout, width: number) {
  const pills = [...layout.boxes.values()];
  const clashes: string[] = [];
  for (let i = 0; i < pills.length; i += 1) for (let j = i + 1; j < pills.length; j += 1) if (overlaps(pills[i]!, pills[j]!)) clashes.push(`${i}/${j}`);
  expect(clashes).toEqual([]);
  const titles = layout.groups.map((group) => ({ x: group.titleAt.x, y: group.box.y, width: measure(group.title, 'title'), height: GROUP_TITLE_HEIGHT - 4 }));
  for (const group of layout.groups) {
    for (const other of layout.groups) if (other !== group) expect(overlaps(group.box, other.box)).toBe(false);
  }
  for (const [index, title] of titles.entries()) {
    const box = layout.groups[index]!.box;
    expect(title.x + title.width).toBeLessThanOrEqual(box.x + box.width);
    expect(pills.filter((pill) => overlaps(title, pill))).toEqual([]);
  }
  // Each name fits in its pill (cut with an ellipsis only when the pill cannot be wide enough).
  for (const [id, box] of layout.boxes) expect(measure(layout.labels.get(id)!, 'node')).toBeLessThanOrEqual(box.width - NODE_TEXT_X);
  const { x, y, width: w, height: h } = layout.viewBox;
  for (const box of [...pills, ...layout.groups.map((group) => group.box)]) {
    expect(box.x).toBeGreaterThanOrEqual(x);
    expect(box.y).toBeGreaterThanOrEqual(y);
    expect(box.x + box.width).toBeLessThanOrEqual(x + w);
    expect(box.y + box.height).toBeLessThanOrEqual(y + h);
  }
  // The picture uses the width it was given, and hardly more: it grows downwards. (A row of pills may run
  // one pill over the width ELK aims at; the page then scales the picture down a little, names stay ≥ 90 %.)
  expect(w).toBeGreaterThanOrEqual(width);
  expect(w).toBeLessThanOrEqual(width * 1.1);
}

describe('layoutGraph', () => {
  it('places every node once, common solutions in their own box first, systems in their areas', async () => {
    const nodes = [system('a', 'okonomi'), common('folkeregisteret'), system('b', 'okonomi'), common('altinn'), system('c', 'lonn')];
    const layout = await layoutGraph(input(nodes), elk);
    expect([...layout.positions.keys()].sort()).toEqual(nodes.map((node) => node.id).sort());
    expect(layout.groups.map((group) => [group.kind, group.areaId, group.count])).toEqual([
      ['commonSolutions', null, 2],
      ['area', 'lonn', 1],
      ['area', 'okonomi', 2],
    ]);
    // The reading order: common solutions first.
    expect(layout.order).toEqual(['cs:altinn', 'cs:folkeregisteret', 'c', 'a', 'b']);
    for (const group of layout.groups) {
      const members = layout.order.filter((id) =>
        group.kind === 'commonSolutions' ? id.startsWith('cs:') : nodes.find((node) => node.id === id)?.solutionAreaId === group.areaId,
      );
      for (const id of members) {
        const pill = layout.boxes.get(id)!;
        expect(pill.x).toBeGreaterThanOrEqual(group.box.x);
        expect(pill.y).toBeGreaterThanOrEqual(group.box.y + GROUP_TITLE_HEIGHT);
        expect(pill.x + pill.width).toBeLessThanOrEqual(group.box.x + group.box.width);
        expect(pill.y + pill.height).toBeLessThanOrEqual(group.box.y + group.box.height);
      }
    }
    expectReadable(layout, 1100);
  });

  it('sizes each pill to its text, and each group to its title', async () => {
    const long = 'Et svært langt navn på et løsningsområde som må få plass';
    const layout = await layoutGraph(
      {
        ...input([system('a', 'x', '4601', 'Kort'), system('b', 'y', '4601', 'Mercell konkurransegjennomføring · Vestre Toten')]),
        groupTitle: (group) => (group.areaId === 'x' ? long : 'Y'),
      },
      elk,
    );
    expect(layout.boxes.get('a')!.width).toBeLessThan(layout.boxes.get('b')!.width);
    expect(layout.boxes.get('b')!.width).toBeGreaterThanOrEqual(measure('Mercell konkurransegjennomføring · Vestre Toten', 'node'));
    expect(layout.groups.find((group) => group.areaId === 'x')!.box.width).toBeGreaterThanOrEqual(measure(long, 'title'));
    expectReadable(layout, 1100);
  });

  it('is the same for the same nodes in another order', async () => {
    const nodes = [system('b', 'x', '4626'), system('a', 'x', '4601'), common('altinn'), system('c', 'y'), system('d', null)];
    const one = await layoutGraph(input(nodes), elk);
    const other = await layoutGraph(input([...nodes].reverse()), elk);
    expect([...other.boxes.entries()].sort()).toEqual([...one.boxes.entries()].sort());
    expect(other.order).toEqual(one.order);
  });

  it('keeps each solution area together in the given order, systems without an area last', async () => {
    const nodes = [system('a1', 'a'), system('b1', 'b'), system('n1', null), system('a2', 'a'), system('b2', 'b')];
    const layout = await layoutGraph(input(nodes, 1100, ['b', 'a']), elk);
    expect(layout.groups.map((group) => group.areaId)).toEqual(['b', 'a', null]);
    expect(layout.order).toEqual(['b1', 'b2', 'a1', 'a2', 'n1']);
  });

  it('keeps hundreds of names apart at a laptop’s width and at a phone’s', async () => {
    const { nodes } = bigLandscape(300, 0);
    nodes.push(system('long', 'omrade-1', '4601', 'Mercell konkurransegjennomføring · Vestre Toten kommune i Innlandet'));
    for (const width of [1100, 360]) expectReadable(await layoutGraph(input(nodes, width), elk), width);
  });

  it('lays out 2,500 systems', async () => {
    const graph = bigLandscape(2_500, 4_000);
    const layout = await layoutGraph(input(graph.nodes), elk);
    expect(layout.positions.size).toBe(2_520);
    expect(linesPath(graph.edges, layout.positions).length).toBeGreaterThan(0);
  });

  it('handles an empty landscape', async () => {
    const layout = await layoutGraph(input([]), elk);
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
    const edges: LayoutEdge[] = [
      { id: '1', from: 'a', to: 'b', breaks: true },
      { id: '2', from: 'a', to: 'missing', breaks: true },
    ];
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
    const edges: LayoutEdge[] = [
      { id: '1', from: 'a', to: 'b', breaks: false },
      { id: '2', from: 'a', to: 'a', breaks: false },
    ];
    const index = edgesByNode(edges);
    expect(index.get('a')!.map((edge) => edge.id)).toEqual(['1', '2']);
    expect(index.get('b')!.map((edge) => edge.id)).toEqual(['1']);
  });
});
