/**
 * A trainer's scenario drawn as the trainers' graph pages draw it (scenario-graph/svg.ts,
 * the same boxes, words and marks for unreachable nodes and dead ends), but laid out by
 * the light simple-layout.ts: elkjs, the build's layout, is about 480 KB gzip, too much for
 * a phone. Part of the preview's lazily loaded checker chunk.
 */
import { scenarioGraph } from "../scenario-graph/model.ts";
import { simpleLayout } from "../scenario-graph/simple-layout.ts";
import { renderGraphSvg, type GraphWords } from "../scenario-graph/svg.ts";
import type { Scenario } from "../scenario/schema.ts";

/** The SVG of the scenario's branching graph; `title` is its accessible name. */
export async function previewGraphSvg(scenario: Scenario, words: GraphWords, title: string): Promise<string> {
  // No minScale: its style attribute would be refused by the site's Content-Security-Policy
  // once inserted by script; the drawing keeps its natural size and scrolls in its region.
  const { svg } = await renderGraphSvg(scenarioGraph(scenario), { title, words, idPrefix: "pv", layout: simpleLayout });
  return svg;
}
