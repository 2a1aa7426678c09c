/**
 * Scenario figures: time of the checker over every shipped scenario (it explores every
 * reachable state), and the engine's time per step over seeded random runs.
 */
import { join } from "node:path";
import { readContentSet } from "../../src/lib/content/files.ts";
import { knownFromContentSet } from "../../src/lib/quiz/check.ts";
import { sampleDraft } from "../../src/lib/scenario/agreement.ts";
import { availableChoices, choose, isEnded, start, submitAgreement } from "../../src/lib/scenario/engine.ts";
import { checkScenarioDir } from "../../src/lib/scenario/files.ts";
import type { Scenario } from "../../src/lib/scenario/schema.ts";
// The shared seeded generator (the quizzes' draw), so runs are the same every time.
import { mulberry32 } from "../../src/lib/quiz/draw.ts";

export interface ScenarioFigures {
  scenarios: number;
  checkerMs: number;
  steps: number;
  medianStepMs: number;
  p95StepMs: number;
}

function timedRun(scenario: Scenario, next: () => number, times: number[]) {
  let state = start(scenario);
  for (let guard = 0; guard < 500 && !isEnded(scenario, state); guard++) {
    const node = scenario.nodes[state.node];
    const before = performance.now();
    if (node?.kind === "agreement") {
      const draft = sampleDraft(node, scenario.parties, next() < 0.7 ? "lawful" : "unlawful") ?? sampleDraft(node, scenario.parties, "lawful");
      if (!draft) break;
      state = submitAgreement(scenario, state, draft);
    } else {
      const choices = availableChoices(scenario, state);
      if (!choices.length) break;
      state = choose(scenario, state, choices[Math.floor(next() * choices.length)]!.id);
    }
    times.push(performance.now() - before);
  }
}

export function scenarioFigures(root: string, content: string, runsPerScenario = 200): ScenarioFigures {
  const { set } = readContentSet({ root, content });
  const provisions = knownFromContentSet(set).provisions;
  const startCheck = performance.now();
  const files = checkScenarioDir(root, join(content, "scenarios"), provisions);
  const checkerMs = performance.now() - startCheck;
  const scenarios = files.flatMap((f) => (f.scenario ? [f.scenario] : []));
  const times: number[] = [];
  scenarios.forEach((scenario, i) => {
    const next = mulberry32(i + 1);
    for (let run = 0; run < runsPerScenario; run++) timedRun(scenario, next, times);
  });
  const sorted = times.sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
  return { scenarios: scenarios.length, checkerMs, steps: sorted.length, medianStepMs: at(0.5), p95StepMs: at(0.95) };
}
