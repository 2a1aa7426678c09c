import { describe, expect, it } from "vitest";
import { nodeRows, nodeSummary, PUBLISH_RULES, scenarioFigures, scenarioGraph } from "../../../src/lib/scenario-graph/model.ts";
import type { Scenario } from "../../../src/lib/scenario/schema.ts";
import { loadScenario } from "../scenario/helpers.ts";

const example = () => loadScenario("test/fixtures/scenarios/example-boundary-wall.yaml");

/** The example with an orphan node (unreachable), a trap (no way to an ending) and a broken link. */
function damaged(): Scenario {
  const s = structuredClone(example());
  s.nodes.orphan = { kind: "narration", text: "没有任何连线通向这里。", next: [{ to: "end-lawful" }] };
  s.nodes.trap = { kind: "narration", text: "这里绕回自己。", next: [{ to: "trap" }] };
  const first = s.nodes["first-step"];
  if (first.kind !== "choice") throw new Error("fixture changed");
  first.choices[2].next = [{ to: "trap" }];
  const li = s.nodes["li-choice"];
  if (li.kind !== "choice") throw new Error("fixture changed");
  li.choices[0].next = [{ to: "nowhere" }];
  return s;
}

describe("scenarioGraph", () => {
  const graph = scenarioGraph(example());
  const link = (from: string, to: string) => graph.links.find((l) => l.from === from && l.to === to);

  it("has one node per scenario node, the start first", () => {
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(Object.keys(example().nodes).sort());
    expect(graph.nodes[0]).toMatchObject({ id: "intro", start: true, kind: "narration" });
    expect(graph.nodes.filter((n) => n.start)).toHaveLength(1);
  });

  it("describes each node in one line", () => {
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get("zhang-complains")!.summary).toMatch(/^张德福：那墙往我这边占了/);
    expect(byId.get("site-visit")!.summary).toBe("现场查看与宅基地使用证");
    expect(byId.get("end-lawful")).toMatchObject({ kind: "ending", outcome: "lawful-agreement", summary: "新沟挖好了" });
    for (const n of graph.nodes) expect(n.summary).not.toMatch(/\n/);
  });

  it("merges the choices that lead to the same node into one link", () => {
    expect(link("first-step", "visit-li")).toEqual({
      from: "first-step",
      to: "visit-li",
      kind: "choice",
      labels: ["calm-and-ask-consent", "promise-fix"],
      texts: [
        "请他坐下喝口热水，说明人民调解不收费、要双方自愿，问他是否愿意由调委会来调解，也告诉他可以去法院起诉",
        "拍着胸脯说：“您放心，这事包在我身上，我让李家把墙拆了。”",
      ],
      conditional: false,
    });
  });

  it("gives choice links the choices' texts, and other links none", () => {
    // li-threaten branches twice (escalation, site-visit): each link keeps the text once per choice.
    expect(link("li-choice", "site-visit")!.texts).toEqual([
      "说明你是来听两边意见的，调解不收费、完全自愿，他可以拒绝；问他愿不愿意和张老师坐下来谈谈",
      "板起脸说：“你要是不配合，以后村里给你家办事，你自己掂量。”",
    ]);
    expect(link("li-choice", "end-escalation")!.texts).toEqual(["板起脸说：“你要是不配合，以后村里给你家办事，你自己掂量。”"]);
    expect(link("intro", "zhang-complains")!.texts).toBeUndefined();
    expect(link("draft", "end-lawful")!.texts).toBeUndefined();
  });

  it("marks links taken only under a condition", () => {
    expect(link("li-choice", "end-escalation")!.conditional).toBe(true);
    // li-threaten's default branch and li-consent both lead to site-visit: not conditional.
    expect(link("li-choice", "site-visit")).toMatchObject({ labels: ["li-consent", "li-threaten"], conditional: false });
    expect(link("joint-session", "joint-session")).toMatchObject({ labels: ["ask-consent-again"], conditional: true });
  });

  it("tells plain next, choice and agreement links apart", () => {
    expect(link("intro", "zhang-complains")).toMatchObject({ kind: "auto", labels: [] });
    expect(link("draft", "end-lawful")).toMatchObject({ kind: "agreement", labels: ["lawful"] });
    expect(link("draft", "end-unlawful")).toMatchObject({ kind: "agreement", labels: ["unlawful"] });
  });

  it("finds nothing wrong with a sound scenario", () => {
    expect(graph.nodes.every((n) => n.reachable && n.reachesEnding)).toBe(true);
    expect(graph.broken).toEqual([]);
  });

  it("marks unreachable nodes, nodes with no way to an ending, and keeps broken links out", () => {
    const g = scenarioGraph(damaged());
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get("orphan")).toMatchObject({ reachable: false, reachesEnding: true });
    expect(byId.get("trap")).toMatchObject({ reachable: true, reachesEnding: false });
    expect(byId.get("first-step")).toMatchObject({ reachable: true, reachesEnding: true });
    expect(g.broken.map((e) => [e.from, e.to])).toEqual([["li-choice", "nowhere"]]);
    expect(g.links.some((l) => l.to === "nowhere")).toBe(false);
  });
});

describe("nodeSummary", () => {
  it("uses the speaker's name, or the bare line for the learner", () => {
    const s = example();
    const visit = s.nodes["visit-li"];
    expect(nodeSummary(s, visit)).toMatch(/^李师傅，张老师说/); // first line is the mediator's
  });
});

describe("scenarioFigures", () => {
  it("counts nodes, choices, decision points and endings by outcome", () => {
    expect(scenarioFigures(example())).toEqual({
      nodes: 12,
      choices: 9,
      decisions: 4,
      endings: 4,
      byOutcome: [
        { outcome: "lawful-agreement", count: 1 },
        { outcome: "unlawful-agreement", count: 1 },
        { outcome: "escalation", count: 1 },
        { outcome: "breakdown", count: 1 },
      ],
      short: [{ rule: "decisions", have: 4, need: PUBLISH_RULES.decisions }],
    });
  });

  it("asks 15 decision points and 3 endings of a shipped scenario", () => {
    expect(PUBLISH_RULES).toEqual({ decisions: 15, endings: 3 });
  });
});

describe("nodeRows", () => {
  const rows = new Map(nodeRows(example()).map((r) => [r.id, r]));

  it("lists each choice with its text and target", () => {
    expect(rows.get("first-step")!.out).toEqual([
      expect.objectContaining({ label: "calm-and-ask-consent", to: "visit-li", conditional: false, missing: false }),
      expect.objectContaining({ label: "promise-fix", to: "visit-li" }),
      expect.objectContaining({ label: "tell-him-wait", to: "end-escalation" }),
    ]);
    expect(rows.get("first-step")!.out[0].text).toMatch(/^请他坐下喝口热水/);
  });

  it("lists each branch of a conditional next separately", () => {
    const threaten = rows.get("li-choice")!.out.filter((l) => l.label === "li-threaten");
    expect(threaten.map((l) => [l.to, l.conditional])).toEqual([
      ["end-escalation", true],
      ["site-visit", false],
    ]);
  });

  it("lists where each node is reached from, once each", () => {
    expect(rows.get("end-escalation")!.from).toEqual(["first-step", "li-choice"]);
    expect(rows.get("joint-session")!.from).toEqual(["site-visit", "joint-session"]);
    expect(rows.get("intro")!.from).toEqual([]);
    expect(rows.get("end-lawful")!.out).toEqual([]);
  });

  it("flags a link to a missing node", () => {
    const row = nodeRows(damaged()).find((r) => r.id === "li-choice")!;
    expect(row.out.find((l) => l.to === "nowhere")).toMatchObject({ missing: true, label: "li-consent" });
  });
});
