/**
 * Random walks over every shipped scenario (content/scenarios/) and every valid fixture:
 * a learner clicking at random must never reach a missing node, make the engine throw,
 * or push a variable out of its range. Seeded, so a failure replays exactly.
 */
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { sampleDraft, type AgreementDraft } from "../../../src/lib/scenario/agreement.ts";
import { debrief } from "../../../src/lib/scenario/debrief.ts";
import { applyStep, availableChoices, isEnded, replay, start } from "../../../src/lib/scenario/engine.ts";
import { explore } from "../../../src/lib/scenario/explore.ts";
import type { NodeOf, Scenario } from "../../../src/lib/scenario/schema.ts";
import type { RunState, Step } from "../../../src/lib/scenario/state.ts";
import { checkFile, fixturesDir, parseScenario, prng, shippedDir, yamlFiles } from "./helpers.ts";

const WALKS = 200;
const MAX_STEPS = 400;

const files = [
  ...yamlFiles(shippedDir).map((n) => `content/scenarios/${n}`),
  ...yamlFiles(fixturesDir).map((n) => `test/fixtures/scenarios/${n}`),
];

/** Pick clauses at random; sometimes a known-good draft so the lawful branch is walked too. */
function randomDraft(scenario: Scenario, node: NodeOf<"agreement">, rand: () => number): AgreementDraft {
  if (rand() < 0.3) return sampleDraft(node, scenario.parties, "lawful") ?? { clauses: [] };
  const draft: AgreementDraft = { clauses: node.clauses.filter(() => rand() < 0.5).map((c) => c.id) };
  if (rand() < 0.5) draft.parties = Object.fromEntries(scenario.parties.map((p) => [p.id, { name: p.name, address: rand() < 0.8 ? "某村某组" : "" }]));
  return draft;
}

function assertSound(scenario: Scenario, state: RunState, where: string): void {
  expect(scenario.nodes[state.node], `${where}: missing node ${state.node}`).toBeDefined();
  for (const { node } of state.trail) expect(scenario.nodes[node], `${where}: missing node ${node}`).toBeDefined();
  for (const [name, value] of Object.entries(state.vars)) {
    const { min, max } = scenario.variables[name];
    expect(value >= min && value <= max, `${where}: ${name}=${value} outside ${min}..${max}`).toBe(true);
  }
  expect(state.clamps, `${where}: an effect left its range`).toEqual([]);
}

function walk(scenario: Scenario, seed: number): RunState {
  const rand = prng(seed);
  let state = start(scenario);
  for (let i = 0; i < MAX_STEPS && !isEnded(scenario, state); i++) {
    const where = `${scenario.id} seed ${seed} step ${i}`;
    assertSound(scenario, state, where);
    const node = scenario.nodes[state.node];
    let step: Step;
    if (node.kind === "choice") {
      const offered = availableChoices(scenario, state);
      expect(offered.length, `${where}: no choice offered at ${state.node}`).toBeGreaterThan(0);
      step = { choice: offered[Math.floor(rand() * offered.length)].id };
    } else if (node.kind === "agreement") {
      step = { agreement: randomDraft(scenario, node, rand) };
    } else throw new Error(`${where}: the run stopped at a ${node.kind} node`);
    state = applyStep(scenario, state, step);
  }
  assertSound(scenario, state, `${scenario.id} seed ${seed} end`);
  return state;
}

// Each test reads the file itself: code run in a describe body counts as "static" for Stryker. Only the
// first test runs the whole checker; the walks need the parsed scenario alone (the checker passing is the first test).
describe.each(files)("%s", (file) => {
  it("passes the checker", () => {
    const { issues } = checkFile(file);
    expect(issues, formatIssues(issues)).toEqual([]);
  });

  it(`survives ${WALKS} random walks, each ending at an ending and replaying identically`, () => {
    const scenario = parseScenario(file);
    const endings = new Set<string>();
    for (let seed = 1; seed <= WALKS; seed++) {
      const state = walk(scenario, seed);
      expect(isEnded(scenario, state), `${scenario.id} seed ${seed}: no ending after ${MAX_STEPS} steps`).toBe(true);
      expect(replay(scenario, state.log)).toEqual(state);
      expect(debrief(scenario, state).ending.node).toBe(state.node);
      endings.add(state.node);
    }
    expect(endings.size).toBeGreaterThan(1);
  });

  it("reaches every ending by the route the explorer computes", () => {
    const scenario = parseScenario(file);
    const { routes, complete } = explore(scenario);
    expect(complete).toBe(true);
    const endingIds = Object.keys(scenario.nodes).filter((id) => scenario.nodes[id].kind === "ending");
    expect([...routes.keys()].sort()).toEqual(endingIds.sort());
    for (const [ending, route] of routes) expect(replay(scenario, route).node).toBe(ending);
  });
});
