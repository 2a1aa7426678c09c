/**
 * Scenario decision analysis over a class's records: at each decision point, how many
 * learners took each choice, which endings they reached, and the mistakes made most often.
 * A learner counts once per choice and per ending however many times they played; runs
 * are counted too. Each run is replayed from its log against the current scenario, so a
 * run that no longer fits (the scenario was edited) is counted as `unreadable`, never guessed.
 */
import type { ProgressRecord, ScenarioRun } from "../progress/schema.ts";
import { applyStep, findChoice, start } from "../scenario/engine.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { Step } from "../scenario/state.ts";
import type { Outcome } from "../scenario/vocabulary.ts";

/** Pseudo-choice ids at an agreement node: the draft the learner submitted was lawful and complete, or not. */
export const AGREEMENT_LAWFUL = "agreement:lawful";
export const AGREEMENT_DEFECTIVE = "agreement:defective";

export interface ChoiceFigures {
  choice: string;
  /** Distinct learners who took it at least once. */
  learners: number;
  runs: number;
  /** The scenario marks it as a mistake (or a defective agreement). */
  mistake: boolean;
}

export interface DecisionFigures {
  node: string;
  /** Distinct learners who decided here at least once. */
  learners: number;
  choices: ChoiceFigures[];
}

export interface EndingFigures {
  node: string;
  outcome: Outcome;
  learners: number;
  runs: number;
}

/** Learners and runs that showed a node, or went along one link of the graph (from → to). */
export interface NodeFigures {
  node: string;
  learners: number;
  runs: number;
}

export interface LinkFigures {
  from: string;
  to: string;
  /** The choice id, `lawful` / `unlawful` at an agreement node, "" for `next`. */
  label: string;
  learners: number;
  runs: number;
}

export interface ScenarioAnalysis {
  scenario: string;
  learners: number;
  runs: number;
  /** Runs whose log no longer replays on the current scenario. */
  unreadable: number;
  /** Decision points in the scenario's own order, with the choices in their order. */
  decisions: DecisionFigures[];
  endings: EndingFigures[];
  /** Mistaken choices by learners, most frequent first. */
  mistakes: (ChoiceFigures & { node: string })[];
  /** Every node in the scenario's order, with who was shown it (0 for a node nobody reached). */
  nodes: NodeFigures[];
  /** Links some run went along (consecutive nodes of its trail, by which choice), in the order first taken. */
  links: LinkFigures[];
}

/**
 * Runs and distinct learners. A learner's runs are counted one after another (analyseScenario
 * groups them), so a learner is new to a tally exactly when they differ from its last one:
 * no set of ids per tally, which a class of thousands made slow.
 */
interface Tally {
  learners: number;
  runs: number;
  last?: string;
}
const count = (map: Map<string, Tally>, key: string, learner: string) => {
  let t = map.get(key);
  if (!t) map.set(key, (t = { learners: 0, runs: 0 }));
  t.runs++;
  if (t.last !== learner) {
    t.learners++;
    t.last = learner;
  }
};

/** A link of the graph as a run went along it: `label` is the choice id, `lawful` / `unlawful` at an agreement node, "" for `next`. */
export const linkKey = (from: string, to: string, label: string) => `${from}\u0000${to}\u0000${label}`;

interface Walked {
  decisions: { node: string; choice: string }[];
  ending: string;
  /** Every node shown, each once (a node shown twice in a loop is one run for it). */
  nodes: string[];
  /** linkKey of each step from one shown node to the next, each once. */
  links: string[];
}

/** What one run did, step by step, or undefined when its log no longer fits the scenario. */
function walk(scenario: Scenario, log: readonly unknown[]): Walked | undefined {
  try {
    let state = start(scenario);
    const decisions: { node: string; choice: string }[] = [];
    /** The link label each step took from its decision node. */
    const labels: string[] = [];
    for (const raw of log) {
      const step = raw as Step;
      const node = state.node;
      const mistakesBefore = state.mistakes.length;
      state = applyStep(scenario, state, step);
      if ("choice" in step && typeof step.choice === "string") {
        decisions.push({ node, choice: step.choice });
        labels.push(step.choice);
      } else {
        const defective = state.mistakes.length > mistakesBefore;
        decisions.push({ node, choice: defective ? AGREEMENT_DEFECTIVE : AGREEMENT_LAWFUL });
        // Only a lawful or an unlawful draft moves on; an incomplete one stays (no link).
        labels.push(defective ? "unlawful" : "lawful");
      }
    }
    if (scenario.nodes[state.node]?.kind !== "ending") return undefined;
    const trail = state.trail;
    // The first node a step shows is reached from its decision node by the step's choice; the rest by `next`.
    const links = trail.slice(1).map((to, i) => linkKey(trail[i].node, to.node, to.step !== trail[i].step ? labels[to.step] : ""));
    return { decisions, ending: state.node, nodes: [...new Set(trail.map((t) => t.node))], links: [...new Set(links)] };
  } catch {
    // A ScenarioRunError (a step not possible any more) or a malformed step: the run is unreadable.
    return undefined;
  }
}

export function analyseScenario(scenario: Scenario, records: readonly ProgressRecord[]): ScenarioAnalysis {
  const byNode = new Map<string, Map<string, Tally>>();
  const deciders = new Map<string, Tally>();
  const endings = new Map<string, Tally>();
  const shown = new Map<string, Tally>();
  const links = new Map<string, Tally>();
  const players = new Map<string, Tally>();
  // Each learner's runs together, whatever records they came in (count() relies on it).
  const runsByLearner = new Map<string, ScenarioRun[]>();
  for (const record of records) {
    const mine = record.runs.filter((run) => run.scenario === scenario.id);
    if (mine.length) runsByLearner.set(record.learner.id, [...(runsByLearner.get(record.learner.id) ?? []), ...mine]);
  }
  // The engine is deterministic, so runs with the same log walk the same way: a class
  // follows a handful of paths, and replaying each once saves most of the work.
  const walks = new Map<string, Walked | undefined>();
  let runs = 0;
  let unreadable = 0;
  for (const [learner, learnerRuns] of runsByLearner) {
    for (const run of learnerRuns) {
      runs++;
      const key = JSON.stringify(run.log);
      const walked = walks.has(key) ? walks.get(key) : walks.set(key, walk(scenario, run.log)).get(key);
      if (!walked) {
        unreadable++;
        continue;
      }
      count(players, "", learner);
      for (const { node, choice } of walked.decisions) {
        let choices = byNode.get(node);
        if (!choices) byNode.set(node, (choices = new Map<string, Tally>()));
        count(choices, choice, learner);
        count(deciders, node, learner);
      }
      count(endings, walked.ending, learner);
      for (const node of walked.nodes) count(shown, node, learner);
      for (const key of walked.links) count(links, key, learner);
    }
  }

  const decisions: DecisionFigures[] = [];
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.kind !== "choice" && node.kind !== "agreement") continue;
    const taken = byNode.get(id) ?? new Map<string, Tally>();
    const ids = node.kind === "choice" ? node.choices.map((c) => c.id) : [AGREEMENT_LAWFUL, AGREEMENT_DEFECTIVE];
    const choices = ids.map((choice) => {
      const t = taken.get(choice);
      const mistake = choice === AGREEMENT_DEFECTIVE || (findChoice(scenario, choice)?.choice.mistake ?? false);
      return { choice, learners: t?.learners ?? 0, runs: t?.runs ?? 0, mistake };
    });
    decisions.push({ node: id, learners: deciders.get(id)?.learners ?? 0, choices });
  }

  const endingFigures: EndingFigures[] = [];
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.kind !== "ending") continue;
    const t = endings.get(id);
    endingFigures.push({ node: id, outcome: node.outcome, learners: t?.learners ?? 0, runs: t?.runs ?? 0 });
  }

  const mistakes = decisions
    .flatMap((d) => d.choices.filter((c) => c.mistake && c.learners > 0).map((c) => ({ ...c, node: d.node })))
    .sort((a, b) => b.learners - a.learners || b.runs - a.runs || (a.choice < b.choice ? -1 : 1));

  const nodes = Object.keys(scenario.nodes).map((node) => ({ node, learners: shown.get(node)?.learners ?? 0, runs: shown.get(node)?.runs ?? 0 }));
  const linkFigures = [...links.entries()].map(([key, t]) => {
    const [from, to, label] = key.split("\u0000");
    return { from, to, label, learners: t.learners, runs: t.runs };
  });

  return { scenario: scenario.id, learners: players.get("")?.learners ?? 0, runs, unreadable, decisions, endings: endingFigures, mistakes, nodes, links: linkFigures };
}
