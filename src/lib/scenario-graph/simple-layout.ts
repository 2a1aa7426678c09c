/**
 * A small layered layout for drawing a scenario graph in the browser (the authoring
 * preview), where elkjs (layout.ts, about 480 KB gzip) is far too heavy for a phone. Same
 * input and output as `layeredLayout`, so svg.ts draws either. Layers are the breadth-first
 * distance from the first node (the start); nodes no path reaches go in a layer of their
 * own at the bottom; within a layer, nodes follow the mean position of their parents (one
 * sweep), which keeps most links short. Links run from the bottom of their source to the
 * top of their target through the gap below the source's layer, where their label sits;
 * a link back up to an earlier layer leaves from the side and is marked `reversed`.
 * Nothing here avoids every crossing: it is a readable sketch, not the build's drawing.
 */
import type { Layout, LayoutEdgeInput, LayoutNodeInput, LayoutOptions, PlacedEdge, PlacedNode, Point } from "./layout.ts";

const defaults: Required<LayoutOptions> = { nodeGap: 28, edgeGap: 10, layerGap: 22, margin: 12 };

/** Breadth-first layer of every node from the first; unreached nodes one layer below the deepest. */
export function layersOf(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[]): Map<string, number> {
  const layer = new Map<string, number>();
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const first = nodes[0];
  if (!first) return layer;
  layer.set(first.id, 0);
  const queue = [first.id];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const to of out.get(at) ?? []) {
      if (layer.has(to)) continue;
      layer.set(to, layer.get(at)! + 1);
      queue.push(to);
    }
  }
  const below = Math.max(...layer.values()) + 1;
  for (const n of nodes) if (!layer.has(n.id)) layer.set(n.id, below);
  return layer;
}

export async function simpleLayout(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[], options: LayoutOptions = {}): Promise<Layout> {
  const o = { ...defaults, ...options };
  if (!nodes.length) return { width: 2 * o.margin, height: 2 * o.margin, nodes: [], edges: [] };
  const layer = layersOf(nodes, edges);
  const count = Math.max(...layer.values()) + 1;
  const rows: LayoutNodeInput[][] = Array.from({ length: count }, () => []);
  for (const n of nodes) rows[layer.get(n.id)!]!.push(n);

  // Order each row by the mean x-rank of its parents in the row above (input order breaks ties).
  const rank = new Map<string, number>();
  const parents = new Map<string, string[]>();
  for (const e of edges) if (layer.get(e.to) === layer.get(e.from)! + 1) parents.set(e.to, [...(parents.get(e.to) ?? []), e.from]);
  rows.forEach((row, r) => {
    if (r > 0) {
      const key = (n: LayoutNodeInput) => {
        const ps = (parents.get(n.id) ?? []).map((p) => rank.get(p)!);
        return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : Infinity;
      };
      const keys = new Map(row.map((n, i) => [n.id, [key(n), i] as const]));
      row.sort((a, b) => keys.get(a.id)![0] - keys.get(b.id)![0] || keys.get(a.id)![1] - keys.get(b.id)![1]);
    }
    row.forEach((n, i) => rank.set(n.id, i));
  });

  // Each gap below a row is tall enough for the tallest label of the links leaving that row.
  const labelRoom = rows.map((row) => {
    const ids = new Set(row.map((n) => n.id));
    return Math.max(0, ...edges.filter((e) => ids.has(e.from) && e.label).map((e) => e.label!.height));
  });
  const rowWidth = (row: LayoutNodeInput[]) => row.reduce((w, n) => w + n.width, 0) + Math.max(0, row.length - 1) * o.nodeGap;
  // Room on the right for a link from a node to itself, drawn on the node's right side.
  const loopRoom = edges.some((e) => e.from === e.to) ? 24 : 0;
  const inner = Math.max(...rows.map(rowWidth));
  const width = inner + 2 * o.margin + loopRoom;
  const placed = new Map<string, PlacedNode>();
  let y = o.margin;
  rows.forEach((row, r) => {
    const height = Math.max(0, ...row.map((n) => n.height));
    let x = o.margin + (inner - rowWidth(row)) / 2;
    for (const n of row) {
      placed.set(n.id, { id: n.id, width: n.width, height: n.height, x: x + n.width / 2, y: y + height / 2 });
      x += n.width + o.nodeGap;
    }
    y += height + 2 * o.layerGap + labelRoom[r]!;
  });
  const height = y - 2 * o.layerGap - labelRoom[count - 1]! + o.margin;

  const rowBottom = rows.map((row) => Math.max(...row.map((n) => placed.get(n.id)!.y + n.height / 2)));
  const placedEdges = edges.map((e): PlacedEdge => {
    const a = placed.get(e.from)!;
    const b = placed.get(e.to)!;
    const selfLoop = e.from === e.to;
    const down = layer.get(e.to)! > layer.get(e.from)!;
    let points: Point[];
    if (selfLoop) {
      const side = a.x + a.width / 2;
      points = [{ x: side, y: a.y - 8 }, { x: side + 18, y: a.y - 8 }, { x: side + 18, y: a.y + 8 }, { x: side, y: a.y + 8 }];
    } else if (down) {
      const start = { x: a.x, y: a.y + a.height / 2 };
      const bend = rowBottom[layer.get(e.from)!]! + o.layerGap + labelRoom[layer.get(e.from)!]! / 2;
      points = [start, { x: a.x, y: bend }, { x: b.x, y: bend }, { x: b.x, y: b.y - b.height / 2 }];
    } else {
      // Back up (or sideways in one layer): from the source's side to the target's side.
      const right = b.x >= a.x;
      points = [{ x: a.x + (right ? a.width / 2 : -a.width / 2), y: a.y }, { x: b.x + (right ? -b.width / 2 : b.width / 2), y: b.y }];
    }
    const mid = down ? { x: (a.x + b.x) / 2, y: points[1]!.y } : { x: (points[0]!.x + points.at(-1)!.x) / 2, y: (points[0]!.y + points.at(-1)!.y) / 2 };
    return { id: e.id, from: e.from, to: e.to, points, label: e.label ? mid : undefined, reversed: !selfLoop && !down && b.y < a.y, selfLoop };
  });
  return { width, height, nodes: nodes.map((n) => placed.get(n.id)!), edges: placedEdges };
}
