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
import type { RunState, Step } from "../scenario/state.ts";
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

/** Runs and distinct learners of one figure (a choice, a node, an ending, a link). */
interface Tally {
  learners: number;
  runs: number;
}
const tallyOf = (map: Map<string, Tally>, key: string): Tally => {
  let t = map.get(key);
  if (!t) map.set(key, (t = { learners: 0, runs: 0 }));
  return t;
};

/** A link of the graph as a run went along it: `label` is the choice id, `lawful` / `unlawful` at an agreement node, "" for `next`. */
export const linkKey = (from: string, to: string, label: string) => `${from}\u0000${to}\u0000${label}`;

/** What one run did, replayed: the same walk is the same object for every run that took it (see walker). */
export interface Walked {
  decisions: { node: string; choice: string }[];
  ending: string;
  /** Every node shown, each once (a node shown twice in a loop is one run for it). */
  nodes: string[];
  /** linkKey of each step from one shown node to the next, each once. */
  links: string[];
}

/**
 * The runs of a log prefix: a trie of logs, each node holding the state after its steps.
 * A class's logs mostly begin alike (3,000 learners: 57,000 steps of distinct logs, 22,000
 * distinct beginnings), and the engine is pure (a state is never changed, only followed by
 * a new one), so each distinct beginning is replayed once.
 */
interface Prefix {
  /** The state after these steps; undefined when a step could not be taken. */
  state?: RunState;
  /** The decision the last step made, and the link label it took from its node. */
  decision?: { node: string; choice: string };
  label?: string;
  /** The next steps that choose, by choice id: the engine reads nothing else of such a step. */
  choices?: Map<string, Prefix>;
  /** Any other next step (an agreement draft, something malformed), by its JSON text. */
  others?: Map<string, Prefix>;
  /** The walk of a log of exactly these steps, once asked for: undefined until then, null when unreadable. */
  walked?: Walked | null;
}

/** One step after `prefix`: the new state and what the step decided, or no state when it is not possible. */
function stepAfter(scenario: Scenario, prefix: Prefix, raw: unknown): Prefix {
  const state = prefix.state as RunState;
  const step = raw as Step;
  try {
    const next = applyStep(scenario, state, step);
    if ("choice" in step && typeof step.choice === "string") return { state: next, decision: { node: state.node, choice: step.choice }, label: step.choice };
    const defective = next.mistakes.length > state.mistakes.length;
    // Only a lawful or an unlawful draft moves on; an incomplete one stays (no link).
    return { state: next, decision: { node: state.node, choice: defective ? AGREEMENT_DEFECTIVE : AGREEMENT_LAWFUL }, label: defective ? "unlawful" : "lawful" };
  } catch {
    // A ScenarioRunError (a step not possible any more) or a malformed step: the run is unreadable.
    return {};
  }
}

/** The prefix one step further, replayed the first time it is met; undefined when the step is not JSON at all. */
function follow(scenario: Scenario, prefix: Prefix, raw: unknown): Prefix | undefined {
  const choice = typeof raw === "object" && raw !== null ? (raw as { choice?: unknown }).choice : undefined;
  let map: Map<string, Prefix>;
  let key: string;
  if (typeof choice === "string") {
    map = prefix.choices ??= new Map();
    key = choice;
  } else {
    map = prefix.others ??= new Map();
    try {
      key = String(JSON.stringify(raw));
    } catch {
      return undefined; // A cycle or a BigInt: no run of the site's.
    }
  }
  let next = map.get(key);
  if (!next) map.set(key, (next = stepAfter(scenario, prefix, raw)));
  return next;
}

/** A run's log → its walk, or undefined when it no longer replays on the scenario (or did not end). */
export type WalkOf = (log: readonly unknown[]) => Walked | undefined;

/**
 * Walks of a scenario's logs, each distinct beginning replayed once (see Prefix); two runs
 * that went the same way get the same Walked object. Keep one per scenario for a whole class.
 */
export function walker(scenario: Scenario): WalkOf {
  let root: Prefix;
  try {
    root = { state: start(scenario) };
  } catch {
    root = {};
  }
  return (log) => {
    let prefix: Prefix | undefined = root;
    const path: Prefix[] = [];
    for (const raw of log) {
      prefix = prefix.state ? follow(scenario, prefix, raw) : undefined;
      if (!prefix) return undefined;
      path.push(prefix);
    }
    if (prefix.walked === undefined) prefix.walked = walkedOf(scenario, prefix.state, path);
    return prefix.walked ?? undefined;
  };
}

/** What a whole run did, from the prefixes its steps went through, or null when it did not end. */
function walkedOf(scenario: Scenario, state: RunState | undefined, path: readonly Prefix[]): Walked | null {
  if (!state || scenario.nodes[state.node]?.kind !== "ending") return null;
  const trail = state.trail;
  // The first node a step shows is reached from its decision node by the step's choice; the rest by `next`.
  const links = trail.slice(1).map((to, i) => linkKey(trail[i].node, to.node, to.step !== trail[i].step ? (path[to.step]?.label as string) : ""));
  return {
    decisions: path.map((p) => p.decision as { node: string; choice: string }),
    ending: state.node,
    nodes: [...new Set(trail.map((t) => t.node))],
    links: [...new Set(links)],
  };
}

/** A distinct walk: the tallies it counts toward, its runs, and the learners for whom it is the only walk. */
interface WalkCount {
  /** One per figure the walk counts toward (a decision repeated in a loop: once each time). */
  tallies: Tally[];
  /** The same, each once: a learner counts once per figure. */
  distinct: Tally[];
  runs: number;
  soleLearners: number;
}

/**
 * Decision analysis from each learner's walks of the scenario (the "reduce" half: the
 * walks can be made per learner, in workers, by `walker`); undefined for a run that no
 * longer replays. A learner with no run of the scenario may be given as an empty list.
 */
export function tallyScenario(scenario: Scenario, learners: Iterable<readonly (Walked | undefined)[]>): ScenarioAnalysis {
  // Tallies are made when a walk is first met, so links keep the order they were first taken.
  const byNode = new Map<string, Map<string, Tally>>();
  const deciders = new Map<string, Tally>();
  const endings = new Map<string, Tally>();
  const shown = new Map<string, Tally>();
  const links = new Map<string, Tally>();
  const countOf = (w: Walked): WalkCount => {
    const tallies: Tally[] = [];
    for (const { node, choice } of w.decisions) {
      let choices = byNode.get(node);
      if (!choices) byNode.set(node, (choices = new Map<string, Tally>()));
      tallies.push(tallyOf(choices, choice), tallyOf(deciders, node));
    }
    tallies.push(tallyOf(endings, w.ending));
    for (const node of w.nodes) tallies.push(tallyOf(shown, node));
    for (const key of w.links) tallies.push(tallyOf(links, key));
    return { tallies, distinct: [...new Set(tallies)], runs: 0, soleLearners: 0 };
  };
  // A class follows a handful of paths: each distinct walk is counted once, times its runs
  // and its sole learners; only a learner who went several ways is counted figure by figure.
  // (Two equal walks that are different objects are two "ways" of one learner: their
  // figures are the same tallies, so the learner still counts once per figure.)
  const walkCounts = new Map<Walked, WalkCount>();
  let runs = 0;
  let unreadable = 0;
  let players = 0;
  for (const walks of learners) {
    let sole: WalkCount | undefined;
    let ways: Set<WalkCount> | undefined;
    for (const walked of walks) {
      runs++;
      if (!walked) {
        unreadable++;
        continue;
      }
      let c = walkCounts.get(walked);
      if (!c) walkCounts.set(walked, (c = countOf(walked)));
      c.runs++;
      if (sole === undefined) sole = c;
      else if (c !== sole) (ways ??= new Set([sole])).add(c);
    }
    if (!sole) continue;
    players++;
    if (!ways) {
      sole.soleLearners++;
      continue;
    }
    const figures = new Set<Tally>();
    for (const way of ways) for (const t of way.distinct) figures.add(t);
    for (const t of figures) t.learners++;
  }
  for (const { tallies, distinct, runs: times, soleLearners } of walkCounts.values()) {
    for (const t of tallies) t.runs += times;
    for (const t of distinct) t.learners += soleLearners;
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

  return { scenario: scenario.id, learners: players, runs, unreadable, decisions, endings: endingFigures, mistakes, nodes, links: linkFigures };
}

/** Decision analysis over records: each learner's runs together, whatever records they came in. */
export function analyseScenario(scenario: Scenario, records: readonly ProgressRecord[]): ScenarioAnalysis {
  const runsByLearner = new Map<string, ScenarioRun[]>();
  for (const record of records) {
    const mine = record.runs.filter((run) => run.scenario === scenario.id);
    if (mine.length) runsByLearner.set(record.learner.id, [...(runsByLearner.get(record.learner.id) ?? []), ...mine]);
  }
  const walkOf = walker(scenario);
  return tallyScenario(
    scenario,
    [...runsByLearner.values()].map((runs) => runs.map((run) => walkOf(run.log))),
  );
}
