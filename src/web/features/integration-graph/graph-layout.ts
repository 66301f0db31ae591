/**
 * The integration landscape as boxes on a plane, and the small pieces of
 * arithmetic the page needs around it (filtering, neighbours, zooming).
 *
 * Every node is drawn as a pill with its name inside, so no name can lie on
 * another node or another name: the layout only has to keep the pills apart.
 * That is what ELK's rectangle packing does (elkjs, the Eclipse Layout Kernel):
 * each solution area is a titled box whose systems are packed inside it, the
 * national common solutions are one more box, and the boxes are packed in rows
 * to the width the page has, so the picture grows downwards rather than being
 * shrunk until the names cannot be read. Building ELK's input and reading its
 * answer are pure functions, tested without a browser; `layoutGraph` runs ELK.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';

export type NodeKind = 'system' | 'commonSolution';

export interface LayoutNode {
  id: string;
  kind: NodeKind;
  label: string;
  municipalityNumber: string | null;
  solutionAreaId: string | null;
}

export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
  breaks: boolean;
}

export interface Point {
  x: number;
  y: number;
}

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Box = ViewBox;

export interface LayoutGroup {
  /** The common solutions' box, or a solution area's (areaId null: systems without an area). */
  kind: 'commonSolutions' | 'area';
  areaId: string | null;
  title: string;
  count: number;
  box: Box;
  /** The title's baseline start, inside the box above its nodes. */
  titleAt: Point;
}

export interface GraphLayout {
  /** Each node's centre: where its lines start. */
  positions: Map<string, Point>;
  /** Each node's pill. */
  boxes: Map<string, Box>;
  /** The text inside each node's pill. */
  labels: Map<string, string>;
  /** The nodes in reading order (common solutions, then each area's systems): what the arrow keys walk through. */
  order: string[];
  groups: LayoutGroup[];
  viewBox: ViewBox;
}

export interface LayoutInput {
  nodes: readonly LayoutNode[];
  /** The solution areas in the order their boxes come, e.g. the catalog's; areas not listed follow by id. */
  areaOrder?: readonly string[] | undefined;
  /** The text in a node's pill (its name, and the municipality's when several are shown). */
  nodeText: (node: LayoutNode) => string;
  groupTitle: (group: { kind: LayoutGroup['kind']; areaId: string | null }) => string;
  /** The width in pixels of a text as drawn: a node's name, or a group's (bold) title. */
  measure: (text: string, kind: 'node' | 'title') => number;
  /** The width the picture may use, in pixels: boxes are packed in rows to this width. */
  width: number;
}

/** Pill geometry in SVG units (= CSS pixels at zoom 1). The fate symbol sits in the pill's left end. */
export const NODE_HEIGHT = 28;
export const NODE_TEXT_X = 28;
const NODE_PAD_RIGHT = 12;
/** Room for the title at the top of a group's box. */
export const GROUP_TITLE_HEIGHT = 30;
const GROUP_PAD = 10;
const MARGIN = 8;
export const NODE_FONT_SIZE = 13;
export const TITLE_FONT_SIZE = 13;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareNodes(a: LayoutNode, b: LayoutNode): number {
  return a.label.localeCompare(b.label, 'nb') || byText(a.municipalityNumber ?? '', b.municipalityNumber ?? '') || byText(a.id, b.id);
}

interface Grouped {
  key: string;
  kind: LayoutGroup['kind'];
  areaId: string | null;
  members: LayoutNode[];
}

/** The nodes in their boxes, in reading order: common solutions first, then the areas in the given order, systems without an area last. */
export function groupNodes(nodes: readonly LayoutNode[], areaOrder: readonly string[] = []): Grouped[] {
  const commons = nodes.filter((node) => node.kind === 'commonSolution').sort(compareNodes);
  const rank = new Map(areaOrder.map((id, index) => [id, index]));
  const byArea = new Map<string | null, LayoutNode[]>();
  for (const node of nodes) {
    if (node.kind !== 'system') continue;
    const list = byArea.get(node.solutionAreaId);
    if (list) list.push(node);
    else byArea.set(node.solutionAreaId, [node]);
  }
  const areaKeys = [...byArea.keys()].sort((a, b) => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    const ra = rank.get(a) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ra - rb || byText(a, b);
  });
  const groups: Grouped[] = [];
  if (commons.length > 0) groups.push({ key: 'g:common', kind: 'commonSolutions', areaId: null, members: commons });
  for (const key of areaKeys) groups.push({ key: `g:area:${key ?? ''}`, kind: 'area', areaId: key, members: byArea.get(key)!.sort(compareNodes) });
  return groups;
}

/** ELK's input: one box per group with its nodes' pills inside, packed to `width`. */
export function elkGraph(input: LayoutInput): ElkNode {
  // A few pixels to spare: ELK's packing may round a box up.
  const width = Math.max(240, Math.floor(input.width) - 2 * MARGIN - 4);
  const groups = groupNodes(input.nodes, input.areaOrder);
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'rectpacking',
      'elk.rectpacking.widthApproximation.strategy': 'TARGET_WIDTH',
      'elk.rectpacking.widthApproximation.targetWidth': String(width),
      'elk.spacing.nodeNode': '14',
      'elk.padding': `[top=${MARGIN},left=${MARGIN},bottom=${MARGIN},right=${MARGIN}]`,
      // Keep the reading order: the packing may not sort the boxes by size.
      'elk.rectpacking.orderBySize': 'false',
    },
    children: groups.map((group, index) => {
      const titleWidth = Math.ceil(input.measure(input.groupTitle(group), 'title')) + 2 * GROUP_PAD;
      const pills = group.members.map((node, rank) => ({
        id: node.id,
        // The box layout sorts by priority before size: this keeps the reading order.
        layoutOptions: { 'elk.priority': String(group.members.length - rank) },
        width: Math.min(width - 2 * GROUP_PAD, pillWidth(input.measure(input.nodeText(node), 'node'))),
        height: NODE_HEIGHT,
      }));
      // Wide enough for its title and its widest pill, and roughly as wide as tall beyond that.
      const widest = Math.max(...pills.map((pill) => pill.width));
      return {
        id: group.key,
        layoutOptions: {
          // Inside a group, ELK's box layout: rows of pills, linear in their number (rectangle packing
          // inside thousands of pills took seconds). The group's aspect ratio keeps it a block, not a strip.
          'elk.algorithm': 'box',
          'elk.box.packingMode': 'SIMPLE',
          'elk.aspectRatio': String(groupAspect(pills, Math.min(width, Math.max(titleWidth, widest + 2 * GROUP_PAD, groupTargetWidth(pills) + 2 * GROUP_PAD)))),
          'elk.priority': String(groups.length - index),
          'elk.spacing.nodeNode': '6',
          'elk.padding': `[top=${GROUP_TITLE_HEIGHT},left=${GROUP_PAD},bottom=${GROUP_PAD},right=${GROUP_PAD}]`,
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${Math.min(width, titleWidth)}, ${GROUP_TITLE_HEIGHT + NODE_HEIGHT + GROUP_PAD})`,
        },
        children: pills,
      };
    }),
  };
}

function pillWidth(textWidth: number): number {
  return Math.ceil(NODE_TEXT_X + textWidth + NODE_PAD_RIGHT);
}

/** A group's content width: about three pills a row, so a big area is a block rather than a long strip. */
function groupTargetWidth(pills: ReadonlyArray<{ width: number }>): number {
  const area = pills.reduce((sum, pill) => sum + (pill.width + 6) * (NODE_HEIGHT + 6), 0);
  return Math.ceil(Math.sqrt(area * 2.5));
}

/** The aspect ratio (width / height) that makes the box layout fill about `width`. */
function groupAspect(pills: ReadonlyArray<{ width: number }>, width: number): number {
  const area = pills.reduce((sum, pill) => sum + (pill.width + 6) * (NODE_HEIGHT + 6), 0);
  // Aim a little narrower than the room: a row of pills may run one pill over.
  const height = Math.max(NODE_HEIGHT, area / (width * 0.85));
  return Math.round((width / height) * 100) / 100;
}

/** ELK's answer as the page's layout: absolute boxes, centres, the reading order and the picture's bounds. */
export function layoutFromElk(result: ElkNode, input: LayoutInput): GraphLayout {
  const groups = groupNodes(input.nodes, input.areaOrder);
  const placed = new Map((result.children ?? []).map((child) => [child.id, child]));
  const positions = new Map<string, Point>();
  const boxes = new Map<string, Box>();
  const labels = new Map<string, string>();
  const order: string[] = [];
  const layoutGroups: LayoutGroup[] = [];
  let right = 0;
  let bottom = 0;
  for (const group of groups) {
    const box = placed.get(group.key);
    if (!box) continue;
    const gx = box.x ?? 0;
    const gy = box.y ?? 0;
    const inner = new Map((box.children ?? []).map((child) => [child.id, child]));
    for (const node of group.members) {
      const pill = inner.get(node.id);
      if (!pill) continue;
      const rect = { x: gx + (pill.x ?? 0), y: gy + (pill.y ?? 0), width: pill.width ?? 0, height: pill.height ?? NODE_HEIGHT };
      boxes.set(node.id, rect);
      positions.set(node.id, { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
      labels.set(
        node.id,
        fitText(input.nodeText(node), rect.width - NODE_TEXT_X - NODE_PAD_RIGHT, (text) => input.measure(text, 'node')),
      );
      order.push(node.id);
    }
    const rect = { x: gx, y: gy, width: box.width ?? 0, height: box.height ?? 0 };
    right = Math.max(right, rect.x + rect.width);
    bottom = Math.max(bottom, rect.y + rect.height);
    layoutGroups.push({
      kind: group.kind,
      areaId: group.areaId,
      title: fitText(input.groupTitle(group), rect.width - 2 * GROUP_PAD, (text) => input.measure(text, 'title')),
      count: group.members.length,
      box: rect,
      titleAt: { x: rect.x + GROUP_PAD, y: rect.y + GROUP_TITLE_HEIGHT - 11 },
    });
  }
  const width = Math.max(result.width ?? 0, right + MARGIN, input.width);
  const height = Math.max(result.height ?? 0, bottom + MARGIN, NODE_HEIGHT + 2 * MARGIN);
  return { positions, boxes, labels, order, groups: layoutGroups, viewBox: { x: 0, y: 0, width, height } };
}

/**
 * The text as it fits in `room` pixels: whole, or cut with an ellipsis (only on a
 * screen too narrow for the name; the full name is the node's tooltip and is in the table).
 */
export function fitText(text: string, room: number, measure: (text: string) => number): string {
  if (measure(text) <= room) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(`${text.slice(0, middle).trimEnd()}…`) <= room) low = middle;
    else high = middle - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

/** Something that lays out an ELK graph: elkjs in the page, or a stand-in in tests. */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export async function layoutGraph(input: LayoutInput, elk: ElkLike): Promise<GraphLayout> {
  if (input.nodes.length === 0) {
    return { positions: new Map(), boxes: new Map(), labels: new Map(), order: [], groups: [], viewBox: { x: 0, y: 0, width: input.width, height: 100 } };
  }
  const result = await elk.layout(elkGraph(input));
  return layoutFromElk(result, input);
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

// ---------------------------------------------------------------- filtering and neighbours

export interface GraphData<N extends { id: string }, E extends LayoutEdge> {
  nodes: N[];
  edges: E[];
}

/**
 * Only the integrations that must be re-established, and the nodes they touch.
 * Edges whose ends are not among the nodes are dropped either way.
 */
export function filterGraph<N extends { id: string }, E extends LayoutEdge>(graph: GraphData<N, E>, onlyBreaking: boolean): GraphData<N, E> {
  const known = new Set(graph.nodes.map((node) => node.id));
  const edges = graph.edges.filter((edge) => known.has(edge.from) && known.has(edge.to) && (!onlyBreaking || edge.breaks));
  if (!onlyBreaking) return { nodes: graph.nodes, edges };
  const touched = new Set<string>();
  for (const edge of edges) {
    touched.add(edge.from);
    touched.add(edge.to);
  }
  return { nodes: graph.nodes.filter((node) => touched.has(node.id)), edges };
}

/** For each node, its edges: one pass over the edges. */
export function edgesByNode<E extends LayoutEdge>(edges: readonly E[]): Map<string, E[]> {
  const result = new Map<string, E[]>();
  const add = (id: string, edge: E) => {
    const list = result.get(id);
    if (list) list.push(edge);
    else result.set(id, [edge]);
  };
  for (const edge of edges) {
    add(edge.from, edge);
    if (edge.to !== edge.from) add(edge.to, edge);
  }
  return result;
}

/**
 * The SVG path data of many straight lines, as one string, so thousands of
 * integrations are one element in the page instead of thousands.
 */
export function linesPath(edges: readonly LayoutEdge[], positions: Map<string, Point>): string {
  const parts: string[] = [];
  for (const edge of edges) {
    const a = positions.get(edge.from);
    const b = positions.get(edge.to);
    if (!a || !b) continue;
    parts.push(`M${round(a.x)} ${round(a.y)}L${round(b.x)} ${round(b.y)}`);
  }
  return parts.join('');
}

/** Small crosses at the middle of each line: how a breaking integration is marked besides being dashed. */
export function midpointCrossesPath(edges: readonly LayoutEdge[], positions: Map<string, Point>, size = 5): string {
  const parts: string[] = [];
  for (const edge of edges) {
    const a = positions.get(edge.from);
    const b = positions.get(edge.to);
    if (!a || !b) continue;
    const x = round((a.x + b.x) / 2);
    const y = round((a.y + b.y) / 2);
    parts.push(`M${x - size} ${y - size}l${2 * size} ${2 * size}M${x + size} ${y - size}l${-2 * size} ${2 * size}`);
  }
  return parts.join('');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

// ---------------------------------------------------------------- zoom and pan

/** Closest and farthest zoom, relative to the whole picture. */
export const MAX_ZOOM = 24;
export const MIN_ZOOM = 0.5;

/**
 * The view zoomed by `factor` (>1 closer, <1 farther) around `center`, which
 * stays where it is on screen; clamped to [MIN_ZOOM, MAX_ZOOM] of `base`.
 */
export function zoomView(view: ViewBox, base: ViewBox, factor: number, center?: Point): ViewBox {
  const at = center ?? { x: view.x + view.width / 2, y: view.y + view.height / 2 };
  const minWidth = base.width / MAX_ZOOM;
  const maxWidth = base.width / MIN_ZOOM;
  const width = Math.min(maxWidth, Math.max(minWidth, view.width / factor));
  const scale = width / view.width;
  return {
    x: at.x - (at.x - view.x) * scale,
    y: at.y - (at.y - view.y) * scale,
    width,
    height: view.height * scale,
  };
}

export function panView(view: ViewBox, dx: number, dy: number): ViewBox {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** The view moved just enough that `point` is inside it (with a margin), keeping the zoom. */
export function viewShowing(view: ViewBox, point: Point, margin = 40): ViewBox {
  const inside =
    point.x >= view.x + margin && point.x <= view.x + view.width - margin && point.y >= view.y + margin && point.y <= view.y + view.height - margin;
  if (inside) return view;
  return { ...view, x: point.x - view.width / 2, y: point.y - view.height / 2 };
}

/** How much of the whole picture the view shows across: 1 = all of it. */
export function zoomLevel(view: ViewBox, base: ViewBox): number {
  return base.width / view.width;
}
