/**
 * The scenario graph's layout, top to bottom, by elkjs's layered (Sugiyama) algorithm with
 * orthogonal edge routes. Chosen over the hand-written layout it replaced and over
 * @dagrejs/dagre by measurement on the six shipped scenarios (LAYOUT.md beside this file):
 * fewest edge crossings, no edge through a node, the smallest drawings. Deterministic (ELK
 * fixes its random seed), so the trainers' graph pages are reproducible builds. Build-time
 * only: elkjs never reaches a learner's page.
 */
import ELK, { type ElkNode } from "elkjs/lib/elk.bundled.js";

export interface Size {
  width: number;
  height: number;
}

export interface LayoutNodeInput extends Size {
  id: string;
}

export interface LayoutEdgeInput {
  id: string;
  from: string;
  to: string;
  /** Room to reserve for the edge's label, if it has one. */
  label?: Size;
}

export interface LayoutOptions {
  /** Horizontal gap between two nodes of a layer. */
  nodeGap?: number;
  /** Gap between two parallel edge segments. */
  edgeGap?: number;
  /** Vertical gap between two consecutive layers (labels take a layer of their own). */
  layerGap?: number;
  /** Empty border around the drawing. */
  margin?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode extends Size {
  id: string;
  /** Centre. */
  x: number;
  y: number;
}

export interface PlacedEdge {
  id: string;
  from: string;
  to: string;
  /** From the source's border to the target's border, a polyline of horizontal and vertical runs. */
  points: Point[];
  /** Centre of the label, when the input edge had one. */
  label?: Point;
  /** True when the edge ends higher than it starts (it closes a cycle). */
  reversed: boolean;
  /** True for an edge from a node to itself. */
  selfLoop: boolean;
}

export interface Layout {
  width: number;
  height: number;
  /** In input order. */
  nodes: PlacedNode[];
  /** In input order. */
  edges: PlacedEdge[];
}

const defaults: Required<LayoutOptions> = { nodeGap: 28, edgeGap: 10, layerGap: 22, margin: 12 };

// One instance: the bundled build runs ELK in this thread (no worker), which is what a build wants.
const elk = new ELK();

export async function layeredLayout(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[], options: LayoutOptions = {}): Promise<Layout> {
  const o = { ...defaults, ...options };
  const ids = new Set<string>();
  for (const n of nodes) {
    if (ids.has(n.id)) throw new Error(`duplicate node ${n.id}`);
    ids.add(n.id);
  }
  for (const e of edges) {
    if (!ids.has(e.from) || !ids.has(e.to)) throw new Error(`edge ${e.id} links an unknown node (${e.from} → ${e.to})`);
  }
  if (!nodes.length) return { width: 2 * o.margin, height: 2 * o.margin, nodes: [], edges: [] };

  const graph: ElkNode = {
    id: "graph",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.edgeRouting": "ORTHOGONAL",
      // Measured: the narrowest drawings of the placement strategies, with the same crossings.
      "elk.layered.nodePlacement.strategy": "LINEAR_SEGMENTS",
      "elk.edgeLabels.placement": "CENTER",
      "elk.padding": `[top=${o.margin},left=${o.margin},bottom=${o.margin},right=${o.margin}]`,
      "elk.spacing.nodeNode": String(o.nodeGap),
      "elk.layered.spacing.nodeNodeBetweenLayers": String(o.layerGap),
      "elk.spacing.edgeEdge": String(o.edgeGap),
      "elk.spacing.edgeNode": String(1.6 * o.edgeGap),
    },
    children: nodes.map((n) => ({ id: `n:${n.id}`, width: n.width, height: n.height })),
    // ELK's ids are one namespace for nodes, edges and labels: prefix them apart.
    edges: edges.map((e, i) => ({
      id: `e:${i}`,
      sources: [`n:${e.from}`],
      targets: [`n:${e.to}`],
      // ELK leaves a label without text unplaced; the text itself is drawn by svg.ts.
      labels: e.label ? [{ id: `l:${i}`, text: "label", width: e.label.width, height: e.label.height }] : [],
    })),
  };
  const laid = await elk.layout(graph);
  const placed = new Map((laid.children ?? []).map((c) => [c.id, c]));
  const laidEdges = new Map((laid.edges ?? []).map((e) => [e.id, e]));

  return {
    width: laid.width ?? 0,
    height: laid.height ?? 0,
    nodes: nodes.map((n) => {
      const c = placed.get(`n:${n.id}`)!;
      return { id: n.id, width: n.width, height: n.height, x: (c.x ?? 0) + n.width / 2, y: (c.y ?? 0) + n.height / 2 };
    }),
    edges: edges.map((e, i): PlacedEdge => {
      const laidEdge = laidEdges.get(`e:${i}`)!;
      const section = laidEdge.sections?.[0];
      const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(({ x, y }) => ({ x, y })) : [];
      const label = laidEdge.labels?.[0];
      return {
        id: e.id,
        from: e.from,
        to: e.to,
        points,
        label: label ? { x: (label.x ?? 0) + (label.width ?? 0) / 2, y: (label.y ?? 0) + (label.height ?? 0) / 2 } : undefined,
        reversed: points.length > 1 && points.at(-1)!.y < points[0].y,
        selfLoop: e.from === e.to,
      };
    }),
  };
}

/** Each node's box by id: where the trainer workspace draws a learner's path over the graph. */
export function nodePositions(layout: Layout): Record<string, PlacedNode> {
  return Object.fromEntries(layout.nodes.map((n) => [n.id, n]));
}
