import { describe, expect, it } from "vitest";
import {
  layeredLayout,
  nodePositions,
  type Layout,
  type LayoutEdgeInput,
  type LayoutNodeInput,
  type PlacedNode,
} from "../../../src/lib/scenario-graph/layout.ts";

const box = (id: string, width = 100, height = 40): LayoutNodeInput => ({ id, width, height });
const link = (from: string, to: string, label?: { width: number; height: number }): LayoutEdgeInput => ({ id: `${from}>${to}`, from, to, label });
const byId = (layout: Layout) => new Map(layout.nodes.map((n) => [n.id, n]));

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

/** Every check that must hold for any layout. */
function expectSound(layout: Layout, gap = 1) {
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) {
      const [a, b] = [layout.nodes[i], layout.nodes[j]];
      expect(overlap({ ...a, width: a.width + gap, height: a.height + gap }, b), `${a.id} overlaps ${b.id}`).toBe(false);
    }
  }
  for (const e of layout.edges) {
    for (const p of e.points) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(layout.width);
      expect(p.y).toBeLessThanOrEqual(layout.height);
    }
  }
  for (const n of layout.nodes) {
    expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
    expect(n.x + n.width / 2).toBeLessThanOrEqual(layout.width);
    expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
  }
}

describe("nodePositions", () => {
  it("finds each node's box by id", async () => {
    const layout = await layeredLayout([box("a"), box("b", 120, 60)], [link("a", "b")]);
    const at = nodePositions(layout);
    expect(Object.keys(at)).toEqual(["a", "b"]);
    expect(at.b).toEqual(layout.nodes[1]);
    expect(at.b.width).toBe(120);
  });
});

// elkjs takes ~0.1-1 s per larger graph, more on a busy machine.
describe("layeredLayout", { timeout: 60_000 }, () => {
  it("lays out an empty graph", async () => {
    expect(await layeredLayout([], [])).toMatchObject({ nodes: [], edges: [] });
  });

  it("stacks a chain top to bottom in one column", async () => {
    const layout = await layeredLayout([box("a"), box("b"), box("c")], [link("a", "b"), link("b", "c")]);
    const n = byId(layout);
    expect(n.get("a")!.y).toBeLessThan(n.get("b")!.y);
    expect(n.get("b")!.y).toBeLessThan(n.get("c")!.y);
    expect(n.get("a")!.x).toBeCloseTo(n.get("b")!.x);
    expect(n.get("b")!.x).toBeCloseTo(n.get("c")!.x);
    expectSound(layout);
  });

  it("starts each edge on its source's bottom border and ends it on its target's top border", async () => {
    const layout = await layeredLayout([box("a"), box("b", 120, 60)], [link("a", "b")]);
    const [a, b] = [byId(layout).get("a")!, byId(layout).get("b")!];
    const { points, reversed } = layout.edges[0];
    expect(reversed).toBe(false);
    expect(points[0].y).toBeCloseTo(a.y + a.height / 2);
    expect(points.at(-1)!.y).toBeCloseTo(b.y - b.height / 2);
    expect(Math.abs(points[0].x - a.x)).toBeLessThanOrEqual(a.width / 2);
  });

  it("places siblings side by side without overlap, centred under their parent", async () => {
    const layout = await layeredLayout([box("p"), box("x"), box("y"), box("z")], [link("p", "x"), link("p", "y"), link("p", "z")]);
    const n = byId(layout);
    // Left to right, in whichever order the layout chose.
    const kids = ["x", "y", "z"].map((id) => n.get(id)!).sort((a, b) => a.x - b.x);
    expect(new Set(kids.map((k) => k.y)).size).toBe(1);
    expect(kids[0].x + kids[0].width / 2 + 28).toBeLessThanOrEqual(kids[1].x - kids[1].width / 2 + 1e-6);
    expect(n.get("p")!.x).toBeCloseTo(kids[1].x, 0);
    expectSound(layout);
  });

  it("orders layers so that a planar graph is drawn without crossings", async () => {
    // Input order invites a crossing: a → d and b → c, with c listed before d.
    const layout = await layeredLayout([box("a"), box("b"), box("c"), box("d")], [link("a", "d"), link("b", "c")]);
    const n = byId(layout);
    const order = (id: string) => n.get(id)!.x;
    expect(Math.sign(order("a") - order("b"))).toBe(Math.sign(order("d") - order("c")));
  });

  it("draws an edge that closes a cycle upwards, keeping the rest downwards", async () => {
    const layout = await layeredLayout([box("a"), box("b"), box("c")], [link("a", "b"), link("b", "c"), link("c", "a")]);
    const n = byId(layout);
    expect(n.get("a")!.y).toBeLessThan(n.get("c")!.y);
    const back = layout.edges.find((e) => e.from === "c")!;
    expect(back.reversed).toBe(true);
    // It leaves c from its top and enters a at its bottom.
    expect(back.points[0].y).toBeCloseTo(n.get("c")!.y - n.get("c")!.height / 2);
    expect(back.points.at(-1)!.y).toBeCloseTo(n.get("a")!.y + n.get("a")!.height / 2);
    expect(layout.edges.filter((e) => e.reversed)).toHaveLength(1);
    expectSound(layout);
  });

  it("draws a self-loop beside its node and keeps room for it and its label", async () => {
    const layout = await layeredLayout(
      [box("p"), box("a"), box("b")],
      [link("p", "a"), link("p", "b"), link("a", "a", { width: 60, height: 16 })],
    );
    const loop = layout.edges.find((e) => e.from === "a" && e.to === "a")!;
    const a = byId(layout).get("a")!;
    expect(loop.selfLoop).toBe(true);
    expect(loop.reversed).toBe(false);
    // It leaves and re-enters a on the same side border, and runs outside a.
    const side = loop.points[0].x;
    expect([a.x - a.width / 2, a.x + a.width / 2].some((x) => Math.abs(x - side) < 1e-6)).toBe(true);
    expect(loop.points.at(-1)!.x).toBeCloseTo(side);
    for (const p of loop.points.slice(1, -1)) expect(Math.abs(p.x - a.x)).toBeGreaterThan(a.width / 2);
    // Neither its label nor the loop runs into another node.
    for (const node of layout.nodes) expect(overlap({ ...loop.label!, width: 60, height: 16 }, node), node.id).toBe(false);
    expectSound(layout);
  });

  it("gives each label room between the two nodes, clear of every node", async () => {
    const label = { width: 90, height: 30 };
    const layout = await layeredLayout(
      [box("a"), box("b"), box("c"), box("d")],
      [link("a", "b", label), link("a", "c", label), link("b", "d", label), link("c", "d", label), link("a", "d", label)],
    );
    const n = byId(layout);
    for (const e of layout.edges) {
      const centre = e.label!;
      expect(centre.y).toBeGreaterThan(n.get(e.from)!.y);
      expect(centre.y).toBeLessThan(n.get(e.to)!.y);
      for (const node of layout.nodes) expect(overlap({ ...centre, ...label }, node), `${e.id} label on ${node.id}`).toBe(false);
    }
    // Labels do not overlap one another either.
    const labels = layout.edges.map((e) => ({ ...e.label!, ...label }));
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i], labels[j])).toBe(false);
    expectSound(layout);
  });

  it("routes a long edge around the nodes of the layers it crosses", async () => {
    const nodes = ["a", "b", "c", "d"].map((id) => box(id));
    const layout = await layeredLayout(nodes, [link("a", "b"), link("b", "c"), link("c", "d"), link("a", "d")]);
    const long = layout.edges.find((e) => e.id === "a>d")!;
    const inner = long.points.slice(1, -1);
    expect(inner.length).toBeGreaterThan(2);
    for (const id of ["b", "c"]) {
      const node: PlacedNode = byId(layout).get(id)!;
      for (const p of inner) expect(overlap({ ...p, width: 2, height: 2 }, node), `passes through ${id}`).toBe(false);
    }
  });

  it("is deterministic", async () => {
    const nodes = ["s", "a", "b", "c", "d", "e"].map((id) => box(id, 80 + id.charCodeAt(0) % 5 * 10));
    const edges = [link("s", "a"), link("s", "b"), link("a", "c"), link("b", "c"), link("c", "d"), link("c", "e"), link("d", "a"), link("b", "e")];
    expect(await layeredLayout(nodes, edges)).toEqual(await layeredLayout(nodes, edges));
  });

  it("refuses links to unknown nodes and duplicate ids", async () => {
    await expect(layeredLayout([box("a")], [link("a", "nowhere")])).rejects.toThrow(/unknown node/);
    await expect(layeredLayout([box("a"), box("a")], [])).rejects.toThrow(/duplicate/);
  });

  it("routes no edge through a node it does not link", async () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const nodes = Array.from({ length: 30 }, (_, i) => box(`n${i}`, 196, 40 + Math.floor(random() * 30)));
    const edges: LayoutEdgeInput[] = [];
    for (let i = 1; i < 30; i++) edges.push(link(`n${Math.floor(random() * i)}`, `n${i}`, random() < 0.5 ? { width: 70, height: 30 } : undefined));
    for (let k = 0; k < 12; k++) edges.push({ ...link(`n${Math.floor(random() * 30)}`, `n${Math.floor(random() * 30)}`), id: `extra${k}` });
    const layout = await layeredLayout(nodes, edges);
    // Orthogonal runs: a run passes through a box when it overlaps the box's inside.
    const hits = (a: { x: number; y: number }, b: typeof a, n: PlacedNode) =>
      Math.min(a.x, b.x) < n.x + n.width / 2 - 1 && Math.max(a.x, b.x) > n.x - n.width / 2 + 1 &&
      Math.min(a.y, b.y) < n.y + n.height / 2 - 1 && Math.max(a.y, b.y) > n.y - n.height / 2 + 1;
    for (const e of layout.edges) {
      for (let k = 1; k < e.points.length; k++) {
        for (const n of layout.nodes) if (n.id !== e.from && n.id !== e.to) expect(hits(e.points[k - 1], e.points[k], n), `${e.id} through ${n.id}`).toBe(false);
      }
    }
  });

  it("lays out a larger random graph soundly", async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const nodes = Array.from({ length: 40 }, (_, i) => box(`n${i}`, 60 + Math.floor(random() * 100), 30 + Math.floor(random() * 30)));
    const edges: LayoutEdgeInput[] = [];
    for (let i = 1; i < 40; i++) edges.push(link(`n${Math.floor(random() * i)}`, `n${i}`, random() < 0.5 ? { width: 50, height: 14 } : undefined));
    for (let k = 0; k < 15; k++) {
      const [a, b] = [Math.floor(random() * 40), Math.floor(random() * 40)];
      edges.push({ ...link(`n${a}`, `n${b}`), id: `extra${k}` });
    }
    expectSound(await layeredLayout(nodes, edges));
  });
});
