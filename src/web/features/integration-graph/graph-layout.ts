/**
 * The integration landscape as positions on a plane, and the small pieces of
 * arithmetic the page needs around it (filtering, neighbours, zooming). Pure
 * functions over plain data, so they are tested without a browser.
 *
 * The layout is deterministic and O(n log n): no force simulation, which with
 * 2,500 systems and 4,000 integrations would freeze the page. National common
 * solutions sit on an inner ring (or in the middle when there is one); systems
 * sit around them in wedges, one wedge per solution area, filled ring by ring
 * from the inside out. A wedge's angle is proportional to its number of
 * systems, so every wedge reaches about as far out, and the picture stays round.
 */

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

export interface LayoutGroup {
  /** The solution area, or null for systems without one. */
  areaId: string | null;
  count: number;
  /** Where the group's name goes: outside its wedge, at the middle angle. */
  labelAt: Point;
  /** The middle angle in radians (0 = right, clockwise as SVG's y grows downwards). */
  angle: number;
}

export interface GraphLayout {
  positions: Map<string, Point>;
  /** The nodes in reading order (common solutions, then each area's systems): what the arrow keys walk through. */
  order: string[];
  groups: LayoutGroup[];
  viewBox: ViewBox;
}

export interface LayoutOptions {
  /** The solution areas in the order their wedges go round, e.g. the catalog's; areas not listed follow by id. */
  areaOrder?: readonly string[];
  /** The distance between neighbouring systems on a ring, in SVG units. */
  spacing?: number;
}

/** Space a common solution needs along its ring (it is drawn wider than a system). */
const COMMON_SPACING = 90;
const RING_GAP = 30;
const MARGIN = 90;
const START_ANGLE = -Math.PI / 2;
/** The solution areas' names are drawn around the wedges when there are at least two and at most this many. */
export const AREA_LABELS_UP_TO = 30;
/** Room beside a wedge for its area's name (at most {@link AREA_LABEL_CHARS} characters). */
const AREA_LABEL_ROOM = 170;
export const AREA_LABEL_CHARS = 28;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareNodes(a: LayoutNode, b: LayoutNode): number {
  return (
    byText(a.municipalityNumber ?? '', b.municipalityNumber ?? '') ||
    a.label.localeCompare(b.label, 'nb') ||
    byText(a.id, b.id)
  );
}

export function layoutGraph(nodes: readonly LayoutNode[], options: LayoutOptions = {}): GraphLayout {
  const spacing = options.spacing ?? 28;
  const positions = new Map<string, Point>();
  const order: string[] = [];

  const commons = nodes.filter((node) => node.kind === 'commonSolution').sort(compareNodes);
  const systems = nodes.filter((node) => node.kind === 'system');

  // Common solutions: alone in the middle, or evenly on an inner ring.
  let innerRadius = 0;
  if (commons.length === 1) {
    positions.set(commons[0]!.id, { x: 0, y: 0 });
  } else if (commons.length > 1) {
    innerRadius = Math.max(70, (commons.length * COMMON_SPACING) / (2 * Math.PI));
    commons.forEach((node, index) => {
      const angle = START_ANGLE + (index * 2 * Math.PI) / commons.length;
      positions.set(node.id, { x: innerRadius * Math.cos(angle), y: innerRadius * Math.sin(angle) });
    });
  }
  for (const node of commons) order.push(node.id);

  // Systems grouped by solution area, in the given area order.
  const rank = new Map((options.areaOrder ?? []).map((id, index) => [id, index]));
  const byArea = new Map<string | null, LayoutNode[]>();
  for (const node of systems) {
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

  const groups: LayoutGroup[] = [];
  const total = systems.length;
  if (total > 0) {
    const firstRing = innerRadius + (commons.length > 0 ? 120 : 0) + (total <= 1 ? 0 : 60);
    // A little air between the wedges, unless there is only one.
    const gap = areaKeys.length > 1 ? Math.min(0.12, Math.PI / (2 * areaKeys.length)) : 0;
    const usable = 2 * Math.PI - gap * areaKeys.length;
    let start = START_ANGLE + gap / 2;
    for (const key of areaKeys) {
      const members = byArea.get(key)!.sort(compareNodes);
      const wedge = (usable * members.length) / total;
      let placed = 0;
      let ring = 0;
      let radius = firstRing;
      while (placed < members.length) {
        radius = firstRing + ring * RING_GAP;
        const capacity = radius === 0 ? 1 : Math.max(1, Math.floor((wedge * radius) / spacing));
        const count = Math.min(capacity, members.length - placed);
        // Odd rings are shifted half a step, so neighbouring rings do not line up in spokes.
        const step = wedge / count;
        const shift = ring % 2 === 1 && count === capacity ? step / 4 : 0;
        for (let index = 0; index < count; index += 1) {
          const node = members[placed + index]!;
          const angle = start + (index + 0.5) * step + shift;
          positions.set(node.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
          order.push(node.id);
        }
        placed += count;
        ring += 1;
      }
      const middle = start + wedge / 2;
      const labelRadius = radius + 64;
      groups.push({
        areaId: key,
        count: members.length,
        angle: middle,
        labelAt: { x: labelRadius * Math.cos(middle), y: labelRadius * Math.sin(middle) },
      });
      start += wedge + gap;
    }
  }

  return { positions, order, groups, viewBox: boundsOf(positions, groups) };
}

function boundsOf(positions: Map<string, Point>, groups: readonly LayoutGroup[]): ViewBox {
  let minX = 0;
  let minY = 0;
  let maxX = 0;
  let maxY = 0;
  const include = ({ x, y }: Point) => {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  for (const point of positions.values()) include(point);
  const labelled = groups.length > 1 && groups.length <= AREA_LABELS_UP_TO;
  for (const group of groups) {
    include(group.labelAt);
    if (!labelled) continue;
    // The name runs outwards from its anchor: to the right on the right side, to the left on the left.
    const cos = Math.cos(group.angle);
    const reach = Math.abs(cos) < 0.3 ? AREA_LABEL_ROOM / 2 : AREA_LABEL_ROOM;
    include({ x: group.labelAt.x + (cos >= 0 ? reach : -reach), y: group.labelAt.y });
    if (Math.abs(cos) < 0.3) include({ x: group.labelAt.x - reach, y: group.labelAt.y });
  }
  return { x: minX - MARGIN, y: minY - MARGIN, width: maxX - minX + 2 * MARGIN, height: maxY - minY + 2 * MARGIN };
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
export function filterGraph<N extends { id: string }, E extends LayoutEdge>(
  graph: GraphData<N, E>,
  onlyBreaking: boolean,
): GraphData<N, E> {
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
    point.x >= view.x + margin &&
    point.x <= view.x + view.width - margin &&
    point.y >= view.y + margin &&
    point.y <= view.y + view.height - margin;
  if (inside) return view;
  return { ...view, x: point.x - view.width / 2, y: point.y - view.height / 2 };
}

/** How much of the whole picture the view shows across: 1 = all of it. */
export function zoomLevel(view: ViewBox, base: ViewBox): number {
  return base.width / view.width;
}
