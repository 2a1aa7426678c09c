/** What the learner sees at an ending: path, score by rubric, mistakes, the lawful path. */
import { AGREEMENT_PROVISION, checkAgreement, elementNames } from "./agreement.ts";
import { findChoice } from "./engine.ts";
import type { NodeOf, Scenario } from "./schema.ts";
import type { RunState } from "./state.ts";
import { nodeAt, ScenarioRunError } from "./step.ts";
import { rubricDimensions, type Outcome, type RubricDimension } from "./vocabulary.ts";

export const rubricNames: Record<RubricDimension, string> = {
  procedure: "程序",
  relationship: "关系",
  outcome: "结果",
};

/** One decision on the path taken. */
export type Decision =
  | { kind: "choice"; node: string; prompt: string; choice: string; text: string }
  | { kind: "agreement"; node: string; prompt: string; clauses: string[]; verdict: "lawful" | "unlawful" | "incomplete" };

export interface RubricLine {
  dimension: RubricDimension;
  name: string;
  /** Raw points bounded to 0..max (negative totals show as 0). */
  score: number;
  raw: number;
  max: number;
  about?: string;
}

export interface MistakeLine {
  node: string;
  /** What the learner did: the choice or clause text, or a summary of the gaps. */
  what: string;
  explanation: string;
  law: string[];
}

export interface Debrief {
  ending: { node: string; outcome: Outcome; title: string; text: string; debrief: string; law: string[] };
  /** The ending's `lawfulPath`: what the lawful course would have been (bad endings only). */
  lawfulPathNotTaken?: string;
  path: Decision[];
  rubric: RubricLine[];
  total: { score: number; max: number };
  mistakes: MistakeLine[];
  /** Variables clamped at run time; always empty for a scenario that passes the checker. */
  clamps: RunState["clamps"];
}

export function debrief(scenario: Scenario, state: RunState): Debrief {
  const ending = nodeAt(scenario, state.node);
  if (ending.kind !== "ending") throw new ScenarioRunError(`还没有到结局（当前节点 ${state.node}）`);

  // Step i was taken at the last node shown before it (trail entries of earlier steps).
  const stepNode = (i: number) => state.trail.filter((t) => t.step < i).at(-1)?.node ?? scenario.start;

  const path: Decision[] = state.log.map((step, i) => {
    const at = stepNode(i);
    const node = nodeAt(scenario, at);
    if ("choice" in step) {
      const found = findChoice(scenario, step.choice);
      return { kind: "choice", node: at, prompt: node.kind === "choice" ? node.prompt : "", choice: step.choice, text: found?.choice.text ?? step.choice };
    }
    const agreement = node as NodeOf<"agreement">;
    const texts = step.agreement.clauses.map((id) => agreement.clauses.find((c) => c.id === id)?.text ?? id);
    return { kind: "agreement", node: at, prompt: agreement.prompt, clauses: texts, verdict: checkAgreement(agreement, scenario.parties, step.agreement).verdict };
  });

  const rubric = rubricDimensions.map((dimension): RubricLine => {
    const { max, about } = scenario.rubric[dimension];
    const raw = state.score[dimension];
    return { dimension, name: rubricNames[dimension], score: Math.min(max, Math.max(0, raw)), raw, max, about };
  });

  const mistakes = state.mistakes.map((m): MistakeLine => {
    if (m.kind === "choice") {
      const found = findChoice(scenario, m.choice);
      return { node: m.node, what: found?.choice.text ?? m.choice, explanation: found?.choice.feedback ?? "", law: found?.choice.law ?? [] };
    }
    const node = nodeAt(scenario, m.node) as NodeOf<"agreement">;
    if (m.kind === "clause") {
      const clause = node.clauses.find((c) => c.id === m.clause);
      return { node: m.node, what: clause?.text ?? m.clause, explanation: (m.defect === "coerced" ? clause?.coerced : clause?.unlawful) ?? "", law: clause?.law ?? [] };
    }
    const names = m.missing.map((e) => elementNames[e]).join("、");
    return {
      node: m.node,
      what: `提交的协议书缺少：${names}`,
      explanation: `《人民调解法》第二十九条列明调解协议书应写明当事人的基本情况，纠纷的主要事实、争议事项和各方责任，达成的协议内容及履行方式、期限。缺少${names}，协议难以履行，也难以申请司法确认。`,
      law: [AGREEMENT_PROVISION],
    };
  });

  return {
    ending: { node: state.node, outcome: ending.outcome, title: ending.title, text: ending.text, debrief: ending.debrief, law: ending.law },
    lawfulPathNotTaken: ending.lawfulPath,
    path,
    rubric,
    total: { score: rubric.reduce((n, r) => n + r.score, 0), max: rubric.reduce((n, r) => n + r.max, 0) },
    mistakes,
    clamps: state.clamps,
  };
}
