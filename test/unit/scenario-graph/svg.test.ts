import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fill } from "../../../src/i18n/fill.ts";
import { pick } from "../../../src/i18n/pick.ts";
import { scenarioGraph, type ScenarioGraph } from "../../../src/lib/scenario-graph/model.ts";
import { colors, edgePath, type GraphWords, legendSwatch, outcomeStyles, renderGraphSvg } from "../../../src/lib/scenario-graph/svg.ts";
import { escapeXml, fitText, textWidth } from "../../../src/lib/scenario-graph/text.ts";
import { outcomeNames, outcomes } from "../../../src/lib/scenario/schema.ts";
import { loadScenario } from "../scenario/helpers.ts";

/** The words the trainers pages pass. */
const words: GraphWords = { strings: pick("trainers.kind.*", "trainers.tag.*", "trainers.edge.*"), fill };

const example = () => loadScenario("test/fixtures/scenarios/example-boundary-wall.yaml");

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The groups of the SVG's node layer, by data-node. */
function nodeGroups(svg: string): Map<string, string> {
  return new Map([...svg.matchAll(/<g class="(node [^"]*)" data-node="([^"]+)">(.*?)<\/g>/g)].map((m) => [m[2], `${m[1]}|${m[3]}`]));
}

const textOf = (group: string) => [...group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

const scenario = example();
const graph = scenarioGraph(scenario);
const { svg, width, height } = await renderGraphSvg(graph, { words, title: "一堵院墙的分支图" });

describe("renderGraphSvg", () => {

  it("is one scalable SVG with an accessible name", () => {
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    expect(svg).toMatch(/role="img" aria-labelledby="sg-title"/);
    expect(svg).toContain(`<title id="sg-title">一堵院墙的分支图</title>`);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("draws one labelled node per scenario node", () => {
    const groups = nodeGroups(svg);
    expect([...groups.keys()].sort()).toEqual(Object.keys(scenario.nodes).sort());
    for (const [id, group] of groups) {
      expect(textOf(group)).toContain(id);
      expect(group).toMatch(/<title>[^<]+<\/title>/);
    }
  });

  it("says each node's kind in words, and marks the start", () => {
    const groups = nodeGroups(svg);
    expect(textOf(groups.get("first-step")!).join("")).toMatch(/^first-step选择：张德福情绪很激动/);
    expect(textOf(groups.get("site-visit")!)).toContain("证据：现场查看与宅基地使用证");
    expect(textOf(groups.get("intro")!)[0]).toBe("开始");
  });

  it("colours endings by outcome, and also names the outcome and draws its shape", () => {
    const groups = nodeGroups(svg);
    for (const node of graph.nodes.filter((n) => n.kind === "ending")) {
      const group = groups.get(node.id)!;
      const style = outcomeStyles[node.outcome!];
      expect(group).toContain(`node--${node.outcome}`);
      expect(group).toContain(`stroke="${style.stroke}"`);
      expect(group).toContain(`fill="${style.fill}"`);
      expect(textOf(group)).toContain(outcomeNames[node.outcome!]);
    }
    expect(groups.get("end-lawful")).toMatch(/<circle /);
    expect(groups.get("end-breakdown")).toMatch(/<rect [^>]*fill="#5d3a86"/);
  });

  it("draws one arrow per merged link, dashed when conditional, labelled with the choices' texts", () => {
    const paths = [...svg.matchAll(/<path class="edge ([^"]*)" data-from="([^"]+)" data-to="([^"]+)"([^>]*)>/g)];
    expect(paths).toHaveLength(graph.links.length);
    const conditional = paths.filter((p) => p[1].includes("edge--conditional"));
    expect(conditional.map((p) => `${p[2]}>${p[3]}`).sort()).toEqual(["joint-session>draft", "joint-session>joint-session", "li-choice>end-escalation"]);
    for (const p of conditional) expect(p[4]).toContain(`stroke-dasharray="6 4"`);
    for (const p of paths) expect(p[4]).toMatch(/marker-end="url\(#sg-arrow-(choice|auto)\)"/);
    const labels = [...svg.matchAll(/<g class="edge-label">(.*?)<\/g>/g)].flatMap((m) => textOf(m[1]));
    expect(labels).toEqual(expect.arrayContaining(["请他坐下喝口热水，说…", "拍着胸脯说：“您放心…", "先暂停，分别再问一次…", "合法协议", "含违法条款"]));
    expect(labels.join("")).not.toMatch(/[a-z]-[a-z]/); // no choice id is shown on the line
  });

  it("names each choice in full with its id when the pointer rests on a label", () => {
    const titles = [...svg.matchAll(/<g class="edge-label"><title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toHaveLength(graph.links.filter((l) => l.labels.length).length);
    expect(titles).toContain(
      "请他坐下喝口热水，说明人民调解不收费、要双方自愿，问他是否愿意由调委会来调解，也告诉他可以去法院起诉（calm-and-ask-consent）；" +
        "拍着胸脯说：“您放心，这事包在我身上，我让李家把墙拆了。”（promise-fix）",
    );
    expect(titles).toContain("合法协议");
  });

  it("marks unreachable nodes and nodes with no way to an ending in words", async () => {
    const g: ScenarioGraph = {
      nodes: [
        { id: "a", kind: "narration", summary: "开头", start: true, reachable: true, reachesEnding: true },
        { id: "lost", kind: "narration", summary: "没人来", start: false, reachable: false, reachesEnding: true },
        { id: "stuck", kind: "choice", summary: "出不去", start: false, reachable: true, reachesEnding: false },
        { id: "end", kind: "ending", outcome: "breakdown", summary: "完", start: false, reachable: true, reachesEnding: true },
      ],
      links: [
        { from: "a", to: "end", kind: "auto", labels: [], conditional: false },
        { from: "a", to: "stuck", kind: "auto", labels: [], conditional: false },
        { from: "lost", to: "end", kind: "auto", labels: [], conditional: false },
      ],
      broken: [],
    };
    const groups = nodeGroups((await renderGraphSvg(g, { words, title: "t" })).svg);
    expect(groups.get("lost")).toContain("node--problem");
    expect(textOf(groups.get("lost")!)).toContain("走不到");
    expect(textOf(groups.get("stuck")!)).toContain("到不了结局");
    expect(groups.get("a")).not.toContain("node--problem");
  });

  it("is the same SVG every time for the same graph (reproducible builds)", async () => {
    expect((await renderGraphSvg(scenarioGraph(example()), { words, title: "一堵院墙的分支图" })).svg).toBe(svg);
  });

  it("may shrink to a given fraction of its size, and never grows beyond it", async () => {
    const sized = await renderGraphSvg(graph, { words, title: "t", minScale: 0.5 });
    expect(sized.svg).toContain(`style="min-width:${Math.round(sized.width / 2)}px;max-width:${sized.width}px"`);
    expect(svg).not.toContain("style=");
  });

  it("escapes text from the scenario", async () => {
    const g: ScenarioGraph = {
      nodes: [{ id: "a", kind: "choice", summary: `<script>alert("x")</script> & 'y'`, start: true, reachable: true, reachesEnding: true }],
      links: [{ from: "a", to: "a", kind: "choice", labels: ["x<y"], conditional: false }],
      broken: [],
    };
    const { svg: out } = await renderGraphSvg(g, { words, title: `A & <B>`, idPrefix: "p" });
    expect(out).not.toContain("<script>");
    expect(out).toContain("&lt;script&gt;");
    expect(out).toContain("x&lt;y");
    expect(out).toContain(`<title id="p-title">A &amp; &lt;B&gt;</title>`);
    expect(out).toContain(`id="p-arrow-choice"`);
  });

  it("shortens many choices on one link to a few lines", async () => {
    const g: ScenarioGraph = {
      nodes: [
        { id: "a", kind: "choice", summary: "问", start: true, reachable: true, reachesEnding: true },
        { id: "b", kind: "ending", outcome: "lawful-agreement", summary: "好", start: false, reachable: true, reachesEnding: true },
      ],
      links: [{ from: "a", to: "b", kind: "choice", labels: ["one", "two", "three", "four", "five"], conditional: false }],
      broken: [],
    };
    const out = (await renderGraphSvg(g, { words, title: "t" })).svg;
    const label = textOf(out.match(/<g class="edge-label">(.*?)<\/g>/)![1]);
    expect(label).toEqual(["one", "two", "等 5 项"]);
  });
});

describe("the words the caller passes", () => {
  // Fixtures saved when the words moved out of the rule (src/lib no longer imports src/i18n):
  // every legend swatch, and the shipped drainage-ditch graph (its links include "等 {n} 项";
  // saved again when links showed the choices' texts and folded text lost its CJK spaces).
  const fixtures = "test/fixtures/scenario-graph/";

  it("draw a shipped scenario's graph byte for byte as before", async () => {
    const shipped = scenarioGraph(loadScenario("content/scenarios/drainage-ditch.yaml"));
    const { svg: out } = await renderGraphSvg(shipped, { words, title: "t", idPrefix: "x", minScale: 0.5 });
    expect(out).toBe(readFileSync(`${fixtures}drainage-ditch.svg`, "utf8"));
  }, 60_000);

  it("draw every legend swatch as before", () => {
    const saved: Record<string, string> = JSON.parse(readFileSync(`${fixtures}legend-swatches.json`, "utf8"));
    for (const [kind, swatch] of Object.entries(saved)) expect(legendSwatch(kind as Parameters<typeof legendSwatch>[0], words), kind).toBe(swatch);
  });

  it("are the only source of the graph's words, and a missing one shows its key", async () => {
    const g: ScenarioGraph = {
      nodes: [
        { id: "a", kind: "choice", summary: "问", start: true, reachable: true, reachesEnding: false },
        { id: "b", kind: "agreement", summary: "签", start: false, reachable: false, reachesEnding: true },
      ],
      links: [{ from: "a", to: "b", kind: "agreement", labels: ["unlawful", "lawful", "x", "y"], conditional: false }],
      broken: [],
    };
    const own: GraphWords = { strings: { "trainers.kind.choice": "K", "trainers.tag.start": "S", "trainers.edge.unlawful": "U", "trainers.edge.more": "M{n}" }, fill };
    const out = (await renderGraphSvg(g, { words: own, title: "t" })).svg;
    const groups = nodeGroups(out);
    expect(textOf(groups.get("a")!)).toEqual(["S", "a", "K：问", "trainers.tag.deadEnd"]);
    expect(textOf(groups.get("b")!)).toContain("trainers.tag.unreachable");
    expect(textOf(out.match(/<g class="edge-label">(.*?)<\/g>/)![1])).toEqual(["U", "trainers.edge.lawful", "M4"]);
    expect(legendSwatch("start", own)).toContain(">S</text>");
  });
});

describe("colours", () => {
  it("meet WCAG contrast: text on every fill, lines and borders on white", () => {
    for (const o of outcomes) {
      expect(contrast(colors.text, outcomeStyles[o].fill), o).toBeGreaterThanOrEqual(4.5);
      expect(contrast(outcomeStyles[o].stroke, "#ffffff"), o).toBeGreaterThanOrEqual(3);
      expect(contrast(outcomeStyles[o].stroke, outcomeStyles[o].fill), `${o} shape on its fill`).toBeGreaterThanOrEqual(3);
    }
    expect(contrast(colors.text, colors.autoFill)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colors.problem, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colors.decisionStroke, colors.autoFill)).toBeGreaterThanOrEqual(4.5);
    for (const c of [colors.choiceLine, colors.autoLine, colors.autoStroke, colors.decisionStroke]) expect(contrast(c, "#ffffff")).toBeGreaterThanOrEqual(3);
  });

  it("give every outcome its own colour and its own shape", () => {
    const styles = Object.values(outcomeStyles);
    expect(new Set(styles.map((s) => s.stroke)).size).toBe(outcomes.length);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(outcomes.length);
  });
});

describe("legendSwatch", () => {
  it("is decorative and uses the graph's colour and shape", () => {
    const swatch = legendSwatch("correct-referral", words);
    expect(swatch).toMatch(/^<svg [^>]*aria-hidden="true"/);
    expect(swatch).toContain(outcomeStyles["correct-referral"].stroke);
    expect(swatch).toMatch(/<path d="M20 6/); // the diamond
    expect(legendSwatch("conditional", words)).toContain(`stroke-dasharray="6 4"`);
  });
});

describe("edgePath", () => {
  it("draws straight vertical runs and S-curves between columns", () => {
    expect(edgePath([{ x: 10, y: 0 }, { x: 10, y: 20 }])).toBe("M10 0L10 20");
    expect(edgePath([{ x: 0, y: 0 }, { x: 20, y: 40 }])).toBe("M0 0C0 20 20 20 20 40");
  });
});

describe("text helpers", () => {
  it("estimates Chinese wider than Latin", () => {
    expect(textWidth("调解", 12)).toBe(24);
    expect(textWidth("ab", 12)).toBeLessThan(16);
    expect(textWidth("ab", 12, true)).toBeGreaterThan(textWidth("ab", 12));
  });
  it("keeps short text and shortens long text with an ellipsis to fit", () => {
    expect(fitText("调解协议", 100, 12)).toBe("调解协议");
    const short = fitText("张德福情绪很激动，要求村里马上处理", 100, 12);
    expect(short.endsWith("…")).toBe(true);
    expect(textWidth(short, 12)).toBeLessThanOrEqual(100);
  });
  it("escapes the five XML characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
