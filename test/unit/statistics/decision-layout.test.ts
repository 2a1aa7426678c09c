/** The build-time layout of the decision drawing beyond decision-graph.test.ts: link labels, their room, scenarios edited by hand. */
import { describe, expect, it } from "vitest";
import { layeredLayout } from "../../../src/lib/scenario-graph/layout.ts";
import { metrics } from "../../../src/lib/scenario-graph/svg.ts";
import { textWidth } from "../../../src/lib/scenario-graph/text.ts";
import type { Scenario } from "../../../src/lib/scenario/schema.ts";
import { CHOICE_TEXT_WIDTH, decisionLayout, FIGURES_WIDTH, nodeLines } from "../../../src/lib/statistics/decision-layout.ts";
import { loadScenario } from "../scenario/helpers.ts";

const minimal = loadScenario("test/fixtures/scenarios/minimal.yaml");
const wall = loadScenario("test/fixtures/scenarios/example-boundary-wall.yaml");

/** A copy of minimal with `edit` applied to its nodes (as a scenario edited after the checker ran). */
function edited(edit: (nodes: Record<string, any>) => void): Scenario {
  const copy = structuredClone(minimal);
  edit(copy.nodes as Record<string, any>);
  return copy;
}

describe("link labels", () => {
  it("labels choice links with the choice text on one line, agreement links with no text, `next` links not at all", async () => {
    const layout = await decisionLayout(wall);
    const byChoice = (choice: string) => layout.edges.filter((e) => e.choice === choice);
    expect(byChoice("lawful").map((e) => [e.from, e.to, e.kind, e.label?.text])).toEqual([["draft", "end-lawful", "agreement", ""]]);
    expect(byChoice("unlawful").map((e) => [e.from, e.to, e.kind, e.label?.text])).toEqual([["draft", "end-unlawful", "agreement", ""]]);
    expect(layout.edges.filter((e) => e.kind === "auto").every((e) => e.choice === "" && e.label === undefined)).toBe(true);
    // A choice whose `next` branches has a link per target, each labelled.
    expect(byChoice("li-threaten").map((e) => e.to)).toEqual(["end-escalation", "site-visit"]);
    for (const e of layout.edges.filter((e) => e.kind === "choice")) {
      expect(e.label?.text.length).toBeGreaterThan(0);
      expect(textWidth(e.label!.text, metrics.labelSize)).toBeLessThanOrEqual(CHOICE_TEXT_WIDTH);
    }
  });

  it("writes a choice text broken over lines or padded with spaces as one line", async () => {
    const scenario = edited((nodes) => {
      nodes.ask.choices[0].text = "  分别问\n\n两人  是否愿意 ";
    });
    const layout = await decisionLayout(scenario);
    expect(layout.edges.find((e) => e.choice === "ask-consent")?.label?.text).toBe("分别问 两人 是否愿意");
  });

  it("draws a choice once per target, and leaves out a link to a node the scenario no longer has", async () => {
    const scenario = edited((nodes) => {
      // Both branches of give-up end at bad-end; skip-consent leads nowhere any more.
      nodes.talk.choices[1].next = [{ if: { flag: "consent" }, to: "bad-end" }, { to: "bad-end" }];
      nodes.ask.choices[1].next = [{ to: "removed-node" }];
    });
    const layout = await decisionLayout(scenario);
    expect(layout.edges.map((e) => [e.from, e.to, e.choice])).toEqual([
      ["opening", "ask", ""],
      ["ask", "talk", "ask-consent"],
      ["talk", "good-end", "mediate"],
      ["talk", "bad-end", "give-up"],
    ]);
  });
});

describe("room in the drawing", () => {
  it("fits each node's text inside its box", async () => {
    for (const scenario of [minimal, wall]) {
      for (const n of (await decisionLayout(scenario)).nodes) {
        expect(textWidth(n.text, metrics.textSize)).toBeLessThanOrEqual(n.w - 2 * metrics.padX);
      }
    }
  });

  it("reserves room for each label's figures line and choice text, two lines high, and none for `next` links", async () => {
    // The same layered layout, given the sizes the drawing needs: nodes of nodeLines lines, a
    // label as wide as the wider of its text and the figures line (plus a margin of 10 px).
    const layout = await decisionLayout(wall);
    const { nodeWidth, padY, lineHeight, labelSize, labelLineHeight } = metrics;
    const reference = await layeredLayout(
      Object.keys(wall.nodes)
        .sort((a, b) => Number(b === wall.start) - Number(a === wall.start))
        .map((id) => ({ id, width: nodeWidth, height: 2 * padY + nodeLines(wall.nodes[id].kind) * lineHeight })),
      layout.edges.map((e, i) => ({
        id: String(i),
        from: e.from,
        to: e.to,
        label: e.kind === "auto" ? undefined : { width: Math.max(textWidth(e.label!.text, labelSize), FIGURES_WIDTH) + 10, height: 2 * labelLineHeight + 4 },
      })),
    );
    expect([layout.width, layout.height]).toEqual([Math.ceil(reference.width), Math.ceil(reference.height)]);
    expect(layout.edges.map((e) => e.label && [e.label.x, e.label.y])).toEqual(reference.edges.map((e) => e.label && [Math.round(e.label.x), Math.round(e.label.y)]));
    // The choice texts here are wider than the figures line, so they set the label's width.
    expect(layout.edges.some((e) => e.kind === "choice" && textWidth(e.label!.text, labelSize) > FIGURES_WIDTH)).toBe(true);
  });
});
