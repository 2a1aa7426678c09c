/**
 * What the case-simulation player shows, computed from the scenario and the run: no DOM,
 * no Lit, so it is unit-tested like the engine it sits on (src/lib/scenario).
 */
import { AGREEMENT_PROVISION, checkAgreement, clauseDefect, type AgreementDraft, type MissingElement } from "./agreement.ts";
import { applyStep, findChoice, start } from "./engine.ts";
import type { AgreementElement, Choice, Mood, NodeOf, Party, Scenario } from "./schema.ts";
import type { RunState } from "./state.ts";

/** A provision as the 查法条 panel and the feedback citations show it. */
export interface ProvisionInfo {
  id: string;
  /** 《人民调解法》第二十八条 */
  citation: string;
  heading: string;
  summary: string;
  /** Page in the law library, with the site's base path. */
  url: string;
}

/** What the page hands the player, as JSON inside <case-simulation>. */
export interface SimulationData {
  scenario: Scenario;
  /** Every provision the scenario cites (see citedLaw), the scenario's own list first. */
  provisions: ProvisionInfo[];
}

/**
 * Every provision id the scenario cites, in order of first appearance: its own `law`
 * list, then choices, clauses and endings, and 第二十九条 when an agreement can be
 * found incomplete (the debrief cites it).
 */
export function citedLaw(scenario: Scenario): string[] {
  const ids = new Set(scenario.law);
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === "choice") node.choices.forEach((c) => c.law.forEach((id) => ids.add(id)));
    if (node.kind === "agreement") {
      node.clauses.forEach((c) => c.law.forEach((id) => ids.add(id)));
      ids.add(AGREEMENT_PROVISION);
    }
    if (node.kind === "ending") node.law.forEach((id) => ids.add(id));
  }
  return [...ids];
}

/** The run before the first step and after each: `history[i]` is the state in which step i was taken. */
export function runHistory(scenario: Scenario, state: RunState): RunState[] {
  const history = [start(scenario)];
  for (const step of state.log) history.push(applyStep(scenario, history[history.length - 1], step));
  return history;
}

/** Node ids shown after each step (-1: the opening), in order. */
export function trailOfStep(state: RunState, step: number): string[] {
  return state.trail.filter((t) => t.step === step).map((t) => t.node);
}

/** A gauge the learner may see: not hidden. */
export interface Gauge {
  name: string;
  label: string;
  value: number;
  min: number;
  max: number;
  /** 0–100, for the bar. */
  percent: number;
}

/** Visible variables of one party, or (party undefined) those that belong to no party. */
export function gauges(scenario: Scenario, state: RunState, party?: string): Gauge[] {
  return Object.entries(scenario.variables)
    .filter(([, v]) => !v.hidden && v.party === party)
    .map(([name, v]) => {
      const value = state.vars[name] ?? v.initial;
      return { name, label: v.label, value, min: v.min, max: v.max, percent: Math.round(((value - v.min) / (v.max - v.min)) * 100) };
    });
}

/** What a step visibly changed: a gauge moved, or a party's mood. Hidden variables are left out. */
export type Change = { kind: "var"; name: string; label: string; delta: number } | { kind: "mood"; party: string; name: string; mood: Mood };

export function changesBetween(scenario: Scenario, before: RunState, after: RunState): Change[] {
  const changes: Change[] = [];
  for (const [name, v] of Object.entries(scenario.variables)) {
    const delta = (after.vars[name] ?? 0) - (before.vars[name] ?? 0);
    if (!v.hidden && delta !== 0) changes.push({ kind: "var", name, label: v.label, delta });
  }
  for (const party of scenario.parties) {
    const mood = after.moods[party.id];
    if (mood && mood !== before.moods[party.id]) changes.push({ kind: "mood", party: party.id, name: party.name, mood });
  }
  return changes;
}

/**
 * How the feedback on a choice reads: `good` (not a mistake, no rubric points lost), `poor`
 * (points lost, or a listed mistake that costs little) or `harmful` (a listed mistake that
 * costs HARMFUL_LOSS points or more). The player shows each with its own colour, word and
 * icon, so a poor choice never looks like a good one.
 */
export type ChoiceQuality = "good" | "poor" | "harmful";

/** Rubric points a mistake must cost, in all, to count as harmful rather than poor. */
export const HARMFUL_LOSS = 3;

export function choiceQuality(choice: Pick<Choice, "mistake" | "score">): ChoiceQuality {
  const total = Object.values(choice.score ?? {}).reduce((sum, n) => sum + (n ?? 0), 0);
  if (choice.mistake && total <= -HARMFUL_LOSS) return "harmful";
  if (choice.mistake || total < 0) return "poor";
  return "good";
}

/** One decision of the run, with what the player says about it. */
export type StepView =
  | {
      kind: "choice";
      /** Node where the step was taken. */
      node: string;
      prompt: string;
      text: string;
      feedback: string;
      /** How the feedback reads (see choiceQuality). */
      quality: ChoiceQuality;
      law: string[];
      changes: Change[];
    }
  | {
      kind: "agreement";
      node: string;
      prompt: string;
      /** Texts of the chosen clauses, in the order offered. */
      clauses: string[];
      verdict: "lawful" | "unlawful" | "incomplete";
      /** For an incomplete draft: what it lacked. */
      missing: AgreementElement[];
      law: string[];
      changes: Change[];
    };

/** Step `i` of a run, from its history (see runHistory). */
export function stepView(scenario: Scenario, history: readonly RunState[], i: number): StepView {
  const before = history[i];
  const after = history[i + 1];
  const step = after.log[i];
  const node = scenario.nodes[before.node];
  const changes = changesBetween(scenario, before, after);
  if ("choice" in step) {
    const found = findChoice(scenario, step.choice);
    return {
      kind: "choice",
      node: before.node,
      prompt: node?.kind === "choice" ? node.prompt : "",
      text: found?.choice.text ?? step.choice,
      feedback: found?.choice.feedback ?? "",
      quality: found ? choiceQuality(found.choice) : "good",
      law: found?.choice.law ?? [],
      changes,
    };
  }
  const agreement = node as NodeOf<"agreement">;
  const chosen = new Set(step.agreement.clauses);
  const check = checkAgreement(agreement, scenario.parties, step.agreement);
  return {
    kind: "agreement",
    node: before.node,
    prompt: agreement.prompt,
    clauses: agreement.clauses.filter((c) => chosen.has(c.id)).map((c) => c.text),
    verdict: check.verdict,
    missing: check.verdict === "incomplete" ? check.missing.map((m) => m.element) : [],
    law: check.verdict === "incomplete" ? [AGREEMENT_PROVISION] : [],
    changes,
  };
}

/** Parties who sign the agreement. */
export const signers = (parties: readonly Party[]): Party[] => parties.filter((p) => p.signsAgreement);

/**
 * True when no lawful clause at this node states the parties' details, so the learner
 * types each signer's name and 住所 (the engine then checks what was typed).
 */
export const needsPartyForm = (node: NodeOf<"agreement">): boolean =>
  !node.clauses.some((c) => !clauseDefect(c) && c.satisfies?.includes("parties"));

/**
 * The live preview's list of missing elements. It must not give away which clauses are
 * unlawful or coerced: the engine counts a defective clause as supplying nothing, so here a
 * chosen defective clause still "supplies" what it claims. Without defective clauses this
 * is exactly checkAgreement's list; with one, submitting leads to `next.unlawful` anyway.
 */
export function previewMissing(node: NodeOf<"agreement">, parties: readonly Party[], draft: AgreementDraft): MissingElement[] {
  const chosen = new Set(draft.clauses);
  const claimed = new Set(node.clauses.filter((c) => chosen.has(c.id) && clauseDefect(c)).flatMap((c) => c.satisfies ?? []));
  return checkAgreement(node, parties, draft).missing.filter((m) => !claimed.has(m.element));
}

/** The draft of the last step if it was an incomplete submission at this node (to revise it). */
export function lastDraftAt(state: RunState, node: string): AgreementDraft | undefined {
  const last = state.log[state.log.length - 1];
  return last && "agreement" in last && state.node === node ? last.agreement : undefined;
}
