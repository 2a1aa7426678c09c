/**
 * Compares graph layouts on the shipped scenarios, all given the same node and label boxes
 * (svg.ts layoutInput): the kept one (layout.ts: elkjs, layered, orthogonal routes, linear
 * segments), @dagrejs/dagre, elkjs with other settings, and with --hand the hand-written
 * layered layout it replaced (`git show 020757b:src/lib/scenario-graph/layout.ts > /tmp/hand.ts`). Figures: edge crossings (straight segments
 * between each route's points), edges through a node they do not link, labels overlapping
 * a node or another label, drawing width × height, time per layout, and determinism (two
 * runs give the same JSON). Run: npx tsx scripts/bench/layouts.ts [--hand path/to/layout.ts]
 */
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import dagre from "@dagrejs/dagre";
import ELK, { type ElkNode } from "elkjs/lib/elk.bundled.js";
import { contentDir } from "../../src/lib/content/content-dir.ts";
import { readContentSet } from "../../src/lib/content/files.ts";
import { knownFromContentSet } from "../../src/lib/quiz/check.ts";
import { checkScenarioDir } from "../../src/lib/scenario/files.ts";
import { scenarioGraph } from "../../src/lib/scenario-graph/model.ts";
import { layeredLayout, type Layout } from "../../src/lib/scenario-graph/layout.ts";
import { fill } from "../../src/i18n/fill.ts";
import { pick } from "../../src/i18n/pick.ts";
import { layoutInput } from "../../src/lib/scenario-graph/svg.ts";

interface Box { x: number; y: number; width: number; height: number }
interface P { x: number; y: number }
interface Drawn { width: number; height: number; nodes: (Box & { id: string })[]; edges: { from: string; to: string; points: P[]; label?: Box }[] }
type In = ReturnType<typeof layoutInput>;
type Engine = (input: In) => Drawn | Promise<Drawn>;

// The words size the boxes as on the trainers pages.
const words = { strings: pick("trainers.kind.*", "trainers.tag.*", "trainers.edge.*"), fill };
const root = process.cwd();
const content = contentDir(root);
const provisions = knownFromContentSet(readContentSet({ root, content }).set).provisions;
const scenarios = checkScenarioDir(root, join(content, "scenarios"), provisions).flatMap((f) => (f.scenario ? [f.scenario] : []));

const dagreEngine: Engine = ({ nodes, edges }) => {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 28, edgesep: 10, ranksep: 22, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) g.setEdge(e.from, e.to, e.label ? { width: e.label.width, height: e.label.height, labelpos: "c" } : {}, e.id);
  dagre.layout(g);
  const graph = g.graph();
  return {
    width: graph.width!,
    height: graph.height!,
    nodes: nodes.map((n) => ({ id: n.id, ...(g.node(n.id) as Box) })),
    edges: edges.map((e) => {
      const label = g.edge(e.from, e.to, e.id) as { points: P[]; x?: number; y?: number };
      return { from: e.from, to: e.to, points: label.points, label: e.label && label.x !== undefined ? { x: label.x, y: label.y!, ...e.label } : undefined };
    }),
  };
};

const elk = new ELK();
const elkEngine = (routing: "POLYLINE" | "ORTHOGONAL" | "SPLINES", extra: Record<string, string> = {}): Engine => async ({ nodes, edges }) => {
  const graph: ElkNode = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.edgeRouting": routing,
      "elk.padding": "[top=12,left=12,bottom=12,right=12]",
      "elk.spacing.nodeNode": "28",
      "elk.layered.spacing.nodeNodeBetweenLayers": "22",
      "elk.spacing.edgeEdge": "10",
      "elk.spacing.edgeNode": "16",
      "elk.edgeLabels.placement": "CENTER",
      ...extra,
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.map((e) => ({
      id: `e${e.id}`,
      sources: [e.from],
      targets: [e.to],
      labels: e.label ? [{ id: `l${e.id}`, text: "x", width: e.label.width, height: e.label.height }] : [],
    })),
  };
  const out = await elk.layout(graph);
  const byId = new Map((out.children ?? []).map((c) => [c.id, c]));
  return {
    width: out.width!,
    height: out.height!,
    nodes: nodes.map((n) => {
      const c = byId.get(n.id)!;
      return { id: n.id, width: n.width, height: n.height, x: c.x! + n.width / 2, y: c.y! + n.height / 2 };
    }),
    edges: edges.map((e, i) => {
      const edge = out.edges![i];
      const s = edge.sections?.[0];
      const points = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [];
      const l = edge.labels?.[0];
      return { from: e.from, to: e.to, points, label: l ? { x: l.x! + l.width! / 2, y: l.y! + l.height! / 2, width: l.width!, height: l.height! } : undefined };
    }),
  };
};

function segCross(a: P, b: P, c: P, d: P): boolean {
  const o = (p: P, q: P, r: P) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}
const segs = (pts: P[]) => pts.slice(1).map((p, i) => [pts[i], p] as const);
function segThroughBox(a: P, b: P, box: Box): boolean {
  const [l, r, t, btm] = [box.x - box.width / 2 + 1, box.x + box.width / 2 - 1, box.y - box.height / 2 + 1, box.y + box.height / 2 - 1];
  const inside = (p: P) => p.x > l && p.x < r && p.y > t && p.y < btm;
  if (inside(a) || inside(b)) return true;
  const corners = [{ x: l, y: t }, { x: r, y: t }, { x: r, y: btm }, { x: l, y: btm }];
  return corners.some((c, k) => segCross(a, b, c, corners[(k + 1) % 4]));
}
const overlaps = (a: Box, b: Box) => Math.abs(a.x - b.x) * 2 < a.width + b.width - 0.5 && Math.abs(a.y - b.y) * 2 < a.height + b.height - 0.5;

function measure(d: Drawn) {
  const edges = d.edges.filter((e) => e.from !== e.to);
  let crossings = 0;
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++)
      for (const [a, b] of segs(edges[i].points)) for (const [c, e] of segs(edges[j].points)) if (segCross(a, b, c, e)) crossings++;
  let through = 0;
  for (const e of edges) for (const n of d.nodes) if (n.id !== e.from && n.id !== e.to && segs(e.points).some(([a, b]) => segThroughBox(a, b, n))) through++;
  const labels = d.edges.flatMap((e) => (e.label ? [e.label] : []));
  let labelHits = 0;
  for (let i = 0; i < labels.length; i++) {
    for (const n of d.nodes) if (overlaps(labels[i], n)) labelHits++;
    for (let j = i + 1; j < labels.length; j++) if (overlaps(labels[i], labels[j])) labelHits++;
  }
  return { crossings, through, labelHits, width: Math.ceil(d.width), height: Math.ceil(d.height) };
}

/** A layout.ts-shaped result, with each label's centre given the size it was laid out with. */
async function sized(layout: Layout | Promise<Layout>, input: In["edges"]): Promise<Drawn> {
  const { width, height, nodes, edges } = await layout;
  return { width, height, nodes, edges: edges.map((e, i) => ({ ...e, label: e.label && input[i].label ? { ...e.label, ...input[i].label! } : undefined })) };
}

const engines: Record<string, Engine> = {
  "elk (kept)": ({ nodes, edges }) => sized(layeredLayout(nodes, edges), edges),
  dagre: dagreEngine,
  "elk-polyline": elkEngine("POLYLINE"),
  "elk-ns": elkEngine("ORTHOGONAL", { "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX" }),
  "elk-bk": elkEngine("ORTHOGONAL"),
};
const handAt = process.argv.indexOf("--hand");
if (handAt > 0) {
  const { layeredLayout } = await import(pathToFileURL(process.argv[handAt + 1]).href);
  engines.hand = ({ nodes, edges }) => sized(layeredLayout(nodes, edges), edges);
}

const rows: string[] = [];
const totals: Record<string, { crossings: number; through: number; labelHits: number; area: number; ms: number; deterministic: boolean }> = {};
for (const scenario of scenarios) {
  const input = layoutInput(scenarioGraph(scenario), words);
  for (const [name, engine] of Object.entries(engines)) {
    const first = await engine(input);
    const again = await engine(input);
    const deterministic = JSON.stringify(first) === JSON.stringify(again);
    const runs: number[] = [];
    for (let k = 0; k < 10; k++) {
      const t0 = performance.now();
      await engine(input);
      runs.push(performance.now() - t0);
    }
    const ms = runs.sort((a, b) => a - b)[5];
    const m = measure(first);
    rows.push(`${scenario.id.padEnd(28)} ${name.padEnd(15)} ${String(input.nodes.length).padStart(3)}n ${String(input.edges.length).padStart(3)}e  crossings ${String(m.crossings).padStart(3)}  through-node ${String(m.through).padStart(2)}  label-overlaps ${String(m.labelHits).padStart(2)}  ${m.width}×${m.height}  ${ms.toFixed(1)} ms  ${deterministic ? "same" : "DIFFERS"}`);
    const t = (totals[name] ??= { crossings: 0, through: 0, labelHits: 0, area: 0, ms: 0, deterministic: true });
    t.crossings += m.crossings;
    t.through += m.through;
    t.labelHits += m.labelHits;
    t.area += (m.width * m.height) / 1e6;
    t.ms += ms;
    t.deterministic &&= deterministic;
  }
}
console.log(rows.join("\n"));
for (const [name, t] of Object.entries(totals))
  console.log(`TOTAL ${name.padEnd(15)} crossings ${t.crossings}, through-node ${t.through}, label-overlaps ${t.labelHits}, area ${t.area.toFixed(2)} Mpx², ${t.ms.toFixed(1)} ms, ${t.deterministic ? "deterministic" : "NOT deterministic"}`);
