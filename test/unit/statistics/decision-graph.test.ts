import { describe, expect, it } from "vitest";
import { explore } from "../../../src/lib/scenario/explore.ts";
import { analyseScenario } from "../../../src/lib/statistics/decision-analysis.ts";
import { decisionGraph, edgeWidth, EDGE_WIDTH, type DecisionLayout } from "../../../src/lib/statistics/decision-graph.ts";
import { decisionLayout, nodeLines } from "../../../src/lib/statistics/decision-layout.ts";
import { loadScenario } from "../scenario/helpers.ts";
import { choices as log, player, run } from "./class-fixture.ts";

const minimal = loadScenario("test/fixtures/scenarios/minimal.yaml");
const wall = loadScenario("test/fixtures/scenarios/example-boundary-wall.yaml");

/** A run of minimal making these choices. */
const choices = (...ids: string[]) => run("minimal", log(...ids));

// A: lawful path. B: a mistake, then the lawful path. C and D: the mistake (D twice). Nobody else.
const records = [
  player("A", choices("ask-consent", "mediate")),
  player("B", choices("skip-consent", "give-up"), choices("ask-consent", "mediate")),
  player("C", choices("skip-consent", "give-up")),
  player("D", choices("skip-consent", "give-up"), choices("skip-consent", "give-up")),
];

describe("nodes shown and links taken", () => {
  // Inside each test (see decision-analysis.test.ts).
  const analysis = () => analyseScenario(minimal, records);

  it("counts each node a learner was shown, once per run, and 0 for nodes nobody reached", () => {
    expect(analysis().nodes).toEqual([
      { node: "opening", learners: 4, runs: 6 },
      { node: "ask", learners: 4, runs: 6 },
      { node: "talk", learners: 4, runs: 6 },
      { node: "good-end", learners: 2, runs: 2 },
      { node: "bad-end", learners: 3, runs: 4 },
    ]);
    const onlyMistakes = analyseScenario(minimal, [player("C", choices("skip-consent", "give-up"))]);
    expect(onlyMistakes.nodes.find((n) => n.node === "good-end")).toEqual({ node: "good-end", learners: 0, runs: 0 });
  });

  it("tells apart two choices that lead to the same node, and `next` links, in the order first taken", () => {
    expect(analysis().links).toEqual([
      { from: "opening", to: "ask", label: "", learners: 4, runs: 6 },
      { from: "ask", to: "talk", label: "ask-consent", learners: 2, runs: 2 },
      { from: "talk", to: "good-end", label: "mediate", learners: 2, runs: 2 },
      { from: "ask", to: "talk", label: "skip-consent", learners: 3, runs: 4 },
      { from: "talk", to: "bad-end", label: "give-up", learners: 3, runs: 4 },
    ]);
  });

  it("names an agreement's link lawful or unlawful, and an incomplete draft takes no link", () => {
    const routes = explore(wall).routes;
    const lawful = routes.get("end-lawful")!;
    const at = lawful.findIndex((s) => "agreement" in s);
    const draft = (lawful[at] as { agreement: { clauses: string[] } }).agreement;
    // An empty draft first (incomplete: the learner stays), then the lawful one.
    const revised = [...lawful.slice(0, at), { agreement: { clauses: [] } }, ...lawful.slice(at)];
    // The lawful draft with a clause that makes it unlawful (village pressure to sign).
    const unlawful = [...lawful.slice(0, at), { agreement: { ...draft, clauses: [...draft.clauses, "village-pressure"] } }];
    const analysis = analyseScenario(wall, [player("P", run(wall.id, revised)), player("Q", run(wall.id, unlawful))]);
    expect(analysis.unreadable).toBe(0);
    const fromAgreement = analysis.links.filter((l) => wall.nodes[l.from].kind === "agreement");
    expect(fromAgreement).toEqual([
      { from: expect.any(String), to: "end-lawful", label: "lawful", learners: 1, runs: 1 },
      { from: expect.any(String), to: "end-unlawful", label: "unlawful", learners: 1, runs: 1 },
    ]);
  });
});

describe("edge width", () => {
  it("runs from the thinnest, for nobody, to the widest, for every player", () => {
    expect(edgeWidth(0, 10)).toBe(EDGE_WIDTH.min);
    expect(edgeWidth(10, 10)).toBe(EDGE_WIDTH.max);
    expect(edgeWidth(5, 10)).toBe(6.8);
    expect(edgeWidth(1, 7)).toBe(3);
  });

  it("is the thinnest when nobody played and never beyond the widest", () => {
    expect(edgeWidth(0, 0)).toBe(EDGE_WIDTH.min);
    expect(edgeWidth(3, 0)).toBe(EDGE_WIDTH.min);
    expect(edgeWidth(12, 10)).toBe(EDGE_WIDTH.max);
    expect(edgeWidth(-1, 10)).toBe(EDGE_WIDTH.min);
  });
});

describe("the decision graph's data", () => {
  const box = (id: string, y: number) => ({ id, x: 0, y, w: 196, h: 67, text: id });
  const edge = (from: string, to: string, kind: "choice" | "auto", choice: string) => ({ from, to, kind, choice, d: "M0 0L0 10", label: kind === "auto" ? undefined : { x: 0, y: 5, text: choice } });
  const layout: DecisionLayout = {
    scenario: "minimal",
    width: 220,
    height: 500,
    nodes: [box("opening", 0), box("ask", 100), box("talk", 200), box("good-end", 300), box("bad-end", 400), box("removed-since", 450)],
    edges: [
      edge("opening", "ask", "auto", ""),
      edge("ask", "talk", "choice", "ask-consent"),
      edge("ask", "talk", "choice", "skip-consent"),
      edge("talk", "good-end", "choice", "mediate"),
      edge("talk", "bad-end", "choice", "give-up"),
      edge("talk", "removed-since", "choice", "gone"),
    ],
  };

  it("gives each link its learners, its share of the players (the width) and of those at its node", () => {
    const view = decisionGraph(layout, minimal, analyseScenario(minimal, records));
    expect(view.players).toBe(4);
    expect(view.edges.map((e) => [e.choice, e.learners, e.share, e.shareAtNode, e.width, e.mistake])).toEqual([
      ["", 4, 1, 1, EDGE_WIDTH.max, false],
      ["ask-consent", 2, 0.5, 0.5, edgeWidth(2, 4), false],
      ["skip-consent", 3, 0.75, 0.75, edgeWidth(3, 4), true],
      ["mediate", 2, 0.5, 0.5, edgeWidth(2, 4), false],
      ["give-up", 3, 0.75, 0.75, edgeWidth(3, 4), false],
    ]);
  });

  it("marks the nodes nobody reached and the links nobody took, and leaves out what the scenario no longer has", () => {
    const view = decisionGraph(layout, minimal, analyseScenario(minimal, [player("C", choices("skip-consent", "give-up"))]));
    expect(view.nodes.map((n) => [n.id, n.kind, n.learners, n.reached])).toEqual([
      ["opening", "narration", 1, true],
      ["ask", "choice", 1, true],
      ["talk", "choice", 1, true],
      ["good-end", "ending", 0, false],
      ["bad-end", "ending", 1, true],
    ]);
    expect(view.unreached).toEqual(["good-end"]);
    expect(view.nodes.find((n) => n.id === "bad-end")?.outcome).toBe("breakdown");
    expect(view.nodes.find((n) => n.id === "ask")?.outcome).toBeUndefined();
    const mediate = view.edges.find((e) => e.choice === "mediate")!;
    expect([mediate.learners, mediate.share, mediate.shareAtNode, mediate.width]).toEqual([0, 0, 0, EDGE_WIDTH.min]);
    expect(view.edges.some((e) => e.to === "removed-since")).toBe(false);
  });

  it("has no shares when nobody played: every node unreached, every link the thinnest", () => {
    const view = decisionGraph(layout, minimal, analyseScenario(minimal, []));
    expect(view.unreached).toEqual(["opening", "ask", "talk", "good-end", "bad-end"]);
    expect(view.edges.every((e) => e.share === 0 && e.shareAtNode === undefined && e.width === EDGE_WIDTH.min)).toBe(true);
  });

  it("marks an agreement's unlawful branch as the mistake and its lawful branch not", () => {
    const agreement = Object.keys(wall.nodes).find((id) => wall.nodes[id].kind === "agreement")!;
    const wallLayout: DecisionLayout = {
      scenario: wall.id,
      width: 200,
      height: 200,
      nodes: [box(agreement, 0), box("end-lawful", 100), box("end-unlawful", 150)],
      edges: [{ ...edge(agreement, "end-lawful", "choice", "lawful"), kind: "agreement" }, { ...edge(agreement, "end-unlawful", "choice", "unlawful"), kind: "agreement" }],
    };
    expect(decisionGraph(wallLayout, wall, analyseScenario(wall, [])).edges.map((e) => [e.choice, e.mistake])).toEqual([
      ["lawful", false],
      ["unlawful", true],
    ]);
  });
});

describe("the build-time layout", () => {
  it("places every node and one link per choice, labels only on decision links, in whole px inside the drawing", async () => {
    const layout = await decisionLayout(minimal);
    expect(layout.scenario).toBe("minimal");
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(Object.keys(minimal.nodes).sort());
    expect(layout.edges.map((e) => [e.from, e.to, e.kind, e.choice, e.label?.text])).toEqual([
      ["opening", "ask", "auto", "", undefined],
      ["ask", "talk", "choice", "ask-consent", "分别问两人是否愿意接受调解"],
      ["ask", "talk", "choice", "skip-consent", "直接把两人叫到一起开始调解"],
      ["talk", "good-end", "choice", "mediate", "请两人分别说明情况，再引…"],
      ["talk", "bad-end", "choice", "give-up", "宣布调解不成"],
    ]);
    for (const n of layout.nodes) {
      expect([n.x, n.y].every(Number.isInteger)).toBe(true);
      expect(n.x >= 0 && n.y >= 0 && n.x + n.w <= layout.width && n.y + n.h <= layout.height).toBe(true);
      expect(n.h).toBe(16 + 17 * nodeLines(minimal.nodes[n.id].kind));
    }
    expect(layout.nodes.find((n) => n.id === "good-end")?.text).toBe("车还回来了");
    expect(layout.edges.every((e) => /^M\d+ \d+([LC][\d. ]+)+$/.test(e.d))).toBe(true);
    expect(nodeLines("ending")).toBe(4);
    expect(nodeLines("choice")).toBe(3);
  });
});
