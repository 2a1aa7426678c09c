/**
 * A small layered ("Sugiyama") layout for directed graphs, top to bottom. Pure and
 * deterministic: the same graph always gives the same picture, so the trainers' graph
 * pages are reproducible builds and the layout can be unit-tested.
 *
 * 1. Cycles are broken by reversing the back edges of a depth-first search from the first
 *    node (the scenario's start); self-loops are drawn beside their node.
 * 2. Layers by longest path from the sources, then doubled, so every edge crosses at least
 *    one in-between layer whose first "dummy" node carries the edge label: labels take up
 *    room in the layout and never sit on top of a node.
 * 3. Order within layers by barycentre sweeps (down, up, …), keeping the order with the
 *    fewest crossings.
 * 4. x by repeated sweeps that pull each node towards the mean of its neighbours, solved
 *    exactly under the no-overlap constraints (isotonic regression, pool-adjacent-violators).
 * 5. Edges as polylines through their dummies, ports spread along the node's border.
 */

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
  /** Horizontal gap between two edges passing through a layer (1.6 times this next to a node). */
  edgeGap?: number;
  /** Vertical gap between two consecutive layers (there is an edge layer between node layers). */
  layerGap?: number;
  /** Empty border around the drawing. */
  margin?: number;
  /** Ordering sweeps (each is one pass down or up). */
  sweeps?: number;
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
  /** Node layer, 0 at the top (before doubling: consecutive integers). */
  layer: number;
}

export interface PlacedEdge {
  id: string;
  from: string;
  to: string;
  /** From the source's border to the target's border, in the edge's own direction. */
  points: Point[];
  /** Centre of the label, when the input edge had one. */
  label?: Point;
  /** True when the edge points upwards (it closes a cycle). */
  reversed: boolean;
  /** True for an edge from a node to itself: `points` are a cubic Bézier (start, c1, c2, end). */
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

const defaults: Required<LayoutOptions> = { nodeGap: 28, edgeGap: 10, layerGap: 22, margin: 12, sweeps: 16 };

/** How much more a dummy (a point of a long edge) resists moving than a node. */
const DUMMY_WEIGHT = 4;

/** Room for a self-loop's curve, right of its node. */
const LOOP_REACH = 26;

interface Vertex {
  /** Index in `nodes` for a real node; -1 for a dummy. */
  node: number;
  width: number;
  height: number;
  /** Width reserved right of the box (a self-loop and its label). */
  extraRight: number;
  layer: number;
  x: number;
  y: number;
  up: number[];
  down: number[];
}

export function layeredLayout(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[], options: LayoutOptions = {}): Layout {
  const o = { ...defaults, ...options };
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (index.has(n.id)) throw new Error(`duplicate node ${n.id}`);
    index.set(n.id, i);
  });
  for (const e of edges) {
    if (!index.has(e.from) || !index.has(e.to)) throw new Error(`edge ${e.id} links an unknown node (${e.from} → ${e.to})`);
  }
  if (!nodes.length) return { width: 2 * o.margin, height: 2 * o.margin, nodes: [], edges: [] };

  // 1. Break cycles.
  const reversed = backEdges(nodes.length, edges.map((e) => [index.get(e.from)!, index.get(e.to)!]));
  const dag = edges.map((e, i): [number, number] => {
    const [a, b] = [index.get(e.from)!, index.get(e.to)!];
    return reversed[i] ? [b, a] : [a, b];
  });

  // 2. Layers.
  const rank = longestPathRanks(nodes.length, dag.filter(([a, b]) => a !== b));
  const vertices: Vertex[] = nodes.map((n, i) => ({
    node: i,
    width: n.width,
    height: n.height,
    extraRight: 0,
    layer: 2 * rank[i],
    x: 0,
    y: 0,
    up: [],
    down: [],
  }));
  /** Per edge: the vertex chain in DAG direction, and which vertex holds the label. */
  const chains: { chain: number[]; labelAt: number }[] = [];
  edges.forEach((e, i) => {
    const [a, b] = dag[i];
    if (a === b) {
      vertices[a].extraRight = Math.max(vertices[a].extraRight, LOOP_REACH + (e.label ? e.label.width + 4 : 0));
      chains.push({ chain: [a], labelAt: -1 });
      return;
    }
    const chain = [a];
    const from = vertices[a].layer;
    const to = vertices[b].layer;
    // The label sits next to the edge's own source: the first dummy, or the last if reversed.
    const labelLayer = reversed[i] ? to - 1 : from + 1;
    let labelAt = -1;
    for (let layer = from + 1; layer < to; layer++) {
      const withLabel = layer === labelLayer && e.label !== undefined;
      vertices.push({
        node: -1,
        width: withLabel ? e.label!.width : 0,
        height: withLabel ? e.label!.height : 0,
        extraRight: 0,
        layer,
        x: 0,
        y: 0,
        up: [],
        down: [],
      });
      if (withLabel) labelAt = vertices.length - 1;
      chain.push(vertices.length - 1);
    }
    chain.push(b);
    for (let k = 0; k + 1 < chain.length; k++) {
      vertices[chain[k]].down.push(chain[k + 1]);
      vertices[chain[k + 1]].up.push(chain[k]);
    }
    chains.push({ chain, labelAt });
  });

  // 3. Order within layers.
  const layerCount = Math.max(...vertices.map((v) => v.layer)) + 1;
  const layers = orderLayers(vertices, layerCount, o.sweeps);

  // 4. Coordinates.
  let top = o.margin;
  const layerHeights = layers.map((layer) => {
    const height = Math.max(0, ...layer.map((v) => vertices[v].height));
    for (const v of layer) vertices[v].y = top + height / 2;
    top += height + o.layerGap;
    return height;
  });
  const height = top - o.layerGap + o.margin;
  const gapBetween = (a: Vertex, b: Vertex) => (a.node >= 0 && b.node >= 0 ? o.nodeGap : a.node >= 0 || b.node >= 0 ? 1.6 * o.edgeGap : o.edgeGap);
  const separation = (a: Vertex, b: Vertex) => a.width / 2 + a.extraRight + gapBetween(a, b) + b.width / 2;
  for (const layer of layers) {
    let x = 0;
    layer.forEach((v, k) => {
      if (k > 0) x += separation(vertices[layer[k - 1]], vertices[v]);
      vertices[v].x = x;
    });
  }
  const place = (layer: number[], wanted: (v: Vertex) => number | undefined) => {
    const targets = layer.map((v) => wanted(vertices[v]) ?? vertices[v].x);
    const offsets = [0];
    for (let k = 1; k < layer.length; k++) offsets.push(offsets[k - 1] + separation(vertices[layer[k - 1]], vertices[layer[k]]));
    // Dummies weigh more, so long edges stay straight and the nodes move instead.
    const solved = isotonic(
      targets.map((t, k) => t - offsets[k]),
      layer.map((v) => (vertices[v].node >= 0 ? 1 : DUMMY_WEIGHT)),
    );
    layer.forEach((v, k) => (vertices[v].x = solved[k] + offsets[k]));
  };
  const mean = (ids: number[]) => (ids.length ? ids.reduce((s, v) => s + vertices[v].x, 0) / ids.length : undefined);
  for (let round = 0; round < 8; round++) {
    for (let l = 1; l < layers.length; l++) place(layers[l], (v) => mean(v.up));
    for (let l = layers.length - 2; l >= 0; l--) place(layers[l], (v) => mean(v.down));
  }
  // A last pass that balances each vertex between both neighbours.
  for (let l = 0; l < layers.length; l++) place(layers[l], (v) => mean([...v.up, ...v.down]));
  const minX = Math.min(...vertices.map((v) => v.x - v.width / 2));
  const maxX = Math.max(...vertices.map((v) => v.x + v.width / 2 + v.extraRight));
  for (const v of vertices) v.x += o.margin - minX;
  const width = maxX - minX + 2 * o.margin;

  // 5. Edges.
  const ports = assignPorts(vertices, chains.map((c) => c.chain));
  const placedEdges = edges.map((e, i): PlacedEdge => {
    const { chain, labelAt } = chains[i];
    if (chain.length === 1) {
      const v = vertices[chain[0]];
      const right = v.x + v.width / 2;
      const dy = Math.min(10, v.height / 4);
      return {
        id: e.id,
        from: e.from,
        to: e.to,
        points: [
          { x: right, y: v.y - dy },
          { x: right + LOOP_REACH, y: v.y - dy - 6 },
          { x: right + LOOP_REACH, y: v.y + dy + 6 },
          { x: right, y: v.y + dy },
        ],
        label: e.label ? { x: right + LOOP_REACH + 4 + e.label.width / 2, y: v.y } : undefined,
        reversed: false,
        selfLoop: true,
      };
    }
    const points: Point[] = [ports.get(`${i}:out`)!];
    for (const d of chain.slice(1, -1)) {
      // Straight down through the whole layer, so the line never cuts a node's corner.
      const v = vertices[d];
      const h = v.height > 0 ? v.height : layerHeights[v.layer];
      if (h > 0) points.push({ x: v.x, y: v.y - h / 2 }, { x: v.x, y: v.y + h / 2 });
      else points.push({ x: v.x, y: v.y });
    }
    points.push(ports.get(`${i}:in`)!);
    if (reversed[i]) points.reverse();
    const holder = labelAt >= 0 ? vertices[labelAt] : undefined;
    return {
      id: e.id,
      from: e.from,
      to: e.to,
      points,
      label: holder ? { x: holder.x, y: holder.y } : undefined,
      reversed: reversed[i],
      selfLoop: false,
    };
  });

  return {
    width,
    height,
    nodes: nodes.map((n, i) => ({ id: n.id, width: n.width, height: n.height, x: vertices[i].x, y: vertices[i].y, layer: rank[i] })),
    edges: placedEdges,
  };
}

/** Edges that close a cycle in a depth-first search started from node 0, then each unvisited node in order. */
export function backEdges(count: number, edges: readonly (readonly [number, number])[]): boolean[] {
  const out: number[][] = Array.from({ length: count }, () => []);
  edges.forEach(([a], i) => out[a].push(i));
  const state = new Array<0 | 1 | 2>(count).fill(0); // 0 new, 1 on the stack, 2 done
  const back = new Array<boolean>(edges.length).fill(false);
  for (let root = 0; root < count; root++) {
    if (state[root]) continue;
    const stack: { node: number; next: number }[] = [{ node: root, next: 0 }];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next === out[top.node].length) {
        state[top.node] = 2;
        stack.pop();
        continue;
      }
      const e = out[top.node][top.next++];
      const to = edges[e][1];
      if (state[to] === 1) back[e] = true;
      else if (state[to] === 0) {
        state[to] = 1;
        stack.push({ node: to, next: 0 });
      }
    }
  }
  return back;
}

/** Layer of each node in an acyclic graph: 0 for sources, else one below its lowest predecessor. */
export function longestPathRanks(count: number, edges: readonly (readonly [number, number])[]): number[] {
  const rank = new Array<number>(count).fill(0);
  const indegree = new Array<number>(count).fill(0);
  const out: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of edges) {
    out[a].push(b);
    indegree[b]++;
  }
  const queue = rank.flatMap((_, i) => (indegree[i] === 0 ? [i] : []));
  for (let q = 0; q < queue.length; q++) {
    const a = queue[q];
    for (const b of out[a]) {
      rank[b] = Math.max(rank[b], rank[a] + 1);
      if (--indegree[b] === 0) queue.push(b);
    }
  }
  if (queue.length !== count) throw new Error("longestPathRanks needs an acyclic graph");
  return rank;
}

/** Crossings between the edges of two consecutive layers, given each vertex's position. */
export function crossings(pairs: readonly (readonly [number, number])[]): number {
  let n = 0;
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const [a1, b1] = pairs[i];
      const [a2, b2] = pairs[j];
      if ((a1 - a2) * (b1 - b2) < 0) n++;
    }
  }
  return n;
}

function orderLayers(vertices: Vertex[], layerCount: number, sweeps: number): number[][] {
  // Initial order: a depth-first walk from the top, so a branch's nodes stay together.
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  const seen = new Set<number>();
  const visit = (start: number) => {
    const stack = [start];
    while (stack.length) {
      const v = stack.pop()!;
      if (seen.has(v)) continue;
      seen.add(v);
      layers[vertices[v].layer].push(v);
      for (let k = vertices[v].down.length - 1; k >= 0; k--) stack.push(vertices[v].down[k]);
    }
  };
  vertices.forEach((v, i) => {
    if (v.node >= 0 && v.up.length === 0) visit(i);
  });
  vertices.forEach((_, i) => visit(i));

  const position = new Map<number, number>();
  const remember = () => layers.forEach((layer) => layer.forEach((v, k) => position.set(v, k)));
  const total = () => {
    let n = 0;
    for (let l = 0; l + 1 < layers.length; l++) {
      n += crossings(layers[l].flatMap((v) => vertices[v].down.map((w) => [position.get(v)!, position.get(w)!] as const)));
    }
    return n;
  };
  remember();
  let best = layers.map((l) => [...l]);
  let fewest = total();
  for (let sweep = 0; sweep < sweeps && fewest > 0; sweep++) {
    const downward = sweep % 2 === 0;
    const order = downward ? layers.keys() : [...layers.keys()].reverse();
    for (const l of order) {
      const layer = layers[l];
      const centre = (v: number) => {
        const near = downward ? vertices[v].up : vertices[v].down;
        return near.length ? near.reduce((s, w) => s + position.get(w)!, 0) / near.length : position.get(v)!;
      };
      const keyed = layer.map((v) => ({ v, key: centre(v), was: position.get(v)! }));
      keyed.sort((a, b) => a.key - b.key || a.was - b.was);
      layers[l] = keyed.map((k) => k.v);
      layers[l].forEach((v, k) => position.set(v, k));
    }
    const n = total();
    if (n < fewest) {
      fewest = n;
      best = layers.map((l) => [...l]);
    }
  }
  return best;
}

/**
 * Weighted least-squares non-decreasing fit (pool adjacent violators): the values closest
 * to `targets` such that each is at least the previous one.
 */
export function isotonic(targets: readonly number[], weights: readonly number[] = targets.map(() => 1)): number[] {
  const blocks: { sum: number; weight: number; count: number }[] = [];
  targets.forEach((t, i) => {
    blocks.push({ sum: t * weights[i], weight: weights[i], count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (prev.sum / prev.weight <= last.sum / last.weight) break;
      prev.sum += last.sum;
      prev.weight += last.weight;
      prev.count += last.count;
      blocks.pop();
    }
  });
  return blocks.flatMap((b) => new Array<number>(b.count).fill(b.sum / b.weight));
}

/**
 * Where each edge leaves its first vertex (`<edge>:out`, bottom border) and enters its
 * last (`<edge>:in`, top border): spread along the border in the order of the far ends,
 * so edges fanning out do not start on top of one another.
 */
function assignPorts(vertices: Vertex[], chains: number[][]): Map<string, Point> {
  const ports = new Map<string, Point>();
  const outgoing = new Map<number, { key: string; towards: number }[]>();
  const incoming = new Map<number, { key: string; towards: number }[]>();
  chains.forEach((chain, i) => {
    if (chain.length < 2) return;
    const [first, second] = [chain[0], chain[1]];
    const [last, before] = [chain[chain.length - 1], chain[chain.length - 2]];
    outgoing.set(first, [...(outgoing.get(first) ?? []), { key: `${i}:out`, towards: vertices[second].x }]);
    incoming.set(last, [...(incoming.get(last) ?? []), { key: `${i}:in`, towards: vertices[before].x }]);
  });
  const spread = (groups: Map<number, { key: string; towards: number }[]>, side: 1 | -1) => {
    for (const [v, list] of groups) {
      const vertex = vertices[v];
      const sorted = [...list].sort((a, b) => a.towards - b.towards);
      const usable = vertex.width * 0.7;
      sorted.forEach(({ key }, k) => {
        const x = sorted.length === 1 ? vertex.x : vertex.x - usable / 2 + (usable * k) / (sorted.length - 1);
        ports.set(key, { x, y: vertex.y + (side * vertex.height) / 2 });
      });
    }
  };
  spread(outgoing, 1);
  spread(incoming, -1);
  return ports;
}
