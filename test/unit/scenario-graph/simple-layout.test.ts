import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { Layout, LayoutEdgeInput, LayoutNodeInput } from "../../../src/lib/scenario-graph/layout.ts";
import { layersOf, simpleLayout } from "../../../src/lib/scenario-graph/simple-layout.ts";
import { scenarioGraph } from "../../../src/lib/scenario-graph/model.ts";
import { layoutInput, renderGraphSvg, type GraphWords } from "../../../src/lib/scenario-graph/svg.ts";
import { scenarioSchema } from "../../../src/lib/scenario/schema.ts";

const box = (id: string, width = 100, height = 40): LayoutNodeInput => ({ id, width, height });
const link = (from: string, to: string, label?: { width: number; height: number }): LayoutEdgeInput => ({ id: `${from}>${to}`, from, to, label });
const byId = (layout: Layout) => new Map(layout.nodes.map((n) => [n.id, n]));
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

function expectSound(layout: Layout) {
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) expect(overlap(layout.nodes[i]!, layout.nodes[j]!), `${layout.nodes[i]!.id} overlaps ${layout.nodes[j]!.id}`).toBe(false);
  }
  for (const p of layout.edges.flatMap((e) => e.points)) {
    expect(p.x).toBeGreaterThanOrEqual(0);
    expect(p.y).toBeGreaterThanOrEqual(0);
    expect(p.x).toBeLessThanOrEqual(layout.width);
    expect(p.y).toBeLessThanOrEqual(layout.height);
  }
  for (const n of layout.nodes) {
    expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
    expect(n.y - n.height / 2).toBeGreaterThanOrEqual(0);
    expect(n.x + n.width / 2).toBeLessThanOrEqual(layout.width);
    expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
  }
}

describe("simpleLayout", () => {
  const nodes = [box("start"), box("a"), box("b"), box("end", 120, 60), box("orphan")];
  const edges = [link("start", "a", { width: 80, height: 30 }), link("start", "b"), link("a", "end"), link("b", "end"), link("end", "start"), link("b", "b")];

  it("layers by distance from the first node, unreached nodes below the deepest", () => {
    expect(Object.fromEntries(layersOf(nodes, edges))).toEqual({ start: 0, a: 1, b: 1, end: 2, orphan: 3 });
    expect(layersOf([], [])).toEqual(new Map());
  });

  it("places nodes without overlap inside the drawing, layer under layer, in input order", async () => {
    const layout = await simpleLayout(nodes, edges);
    expectSound(layout);
    expect(layout.nodes.map((n) => n.id)).toEqual(nodes.map((n) => n.id));
    expect(layout.edges.map((e) => e.id)).toEqual(edges.map((e) => e.id));
    const at = byId(layout);
    expect(at.get("a")!.y).toBe(at.get("b")!.y);
    expect(at.get("a")!.y).toBeGreaterThan(at.get("start")!.y + 20 + 20);
    expect(at.get("end")!.y).toBeGreaterThan(at.get("a")!.y);
    expect(at.get("orphan")!.y).toBeGreaterThan(at.get("end")!.y);
    expect(at.get("a")!.x).toBeLessThan(at.get("b")!.x);
  });

  it("runs a downward link from the source's bottom to the target's top, its label in the gap below the source", async () => {
    const layout = await simpleLayout(nodes, edges);
    const at = byId(layout);
    const [s, a] = [at.get("start")!, at.get("a")!];
    const e = layout.edges[0]!;
    expect(e.points[0]).toEqual({ x: s.x, y: s.y + s.height / 2 });
    expect(e.points.at(-1)).toEqual({ x: a.x, y: a.y - a.height / 2 });
    expect(e.label!.y).toBeGreaterThan(s.y + s.height / 2);
    expect(e.label!.y + 15).toBeLessThanOrEqual(a.y - a.height / 2);
    expect(e).toMatchObject({ reversed: false, selfLoop: false });
    expect(layout.edges[1]!.label).toBeUndefined();
  });

  it("marks a link back up as reversed and a link to itself as a self-loop", async () => {
    const layout = await simpleLayout(nodes, edges);
    expect(layout.edges[4]).toMatchObject({ from: "end", to: "start", reversed: true, selfLoop: false });
    expect(layout.edges[5]).toMatchObject({ selfLoop: true, reversed: false });
  });

  it("orders a layer under its parents", async () => {
    const layout = await simpleLayout([box("s"), box("p"), box("q"), box("cq"), box("cp")], [link("s", "p"), link("s", "q"), link("q", "cq"), link("p", "cp")]);
    const at = byId(layout);
    expect(at.get("cp")!.x).toBeLessThan(at.get("cq")!.x);
  });

  it("draws nothing for no nodes", async () => {
    expect(await simpleLayout([], [])).toEqual({ width: 24, height: 24, nodes: [], edges: [] });
  });

  it("lays out a real scenario that svg.ts then draws without elkjs", async () => {
    const scenario = scenarioSchema.parse(parse(readFileSync("test/fixtures/scenarios/example-boundary-wall.yaml", "utf8")));
    const words: GraphWords = { strings: {}, fill: (t) => t };
    const graph = scenarioGraph(scenario);
    const input = layoutInput(graph, words);
    expectSound(await simpleLayout(input.nodes, input.edges));
    const drawn = await renderGraphSvg(graph, { title: "图", words, layout: simpleLayout });
    expect(drawn.svg.match(/data-node=/g)).toHaveLength(graph.nodes.length);
    expect(drawn.layout.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
  });
});
