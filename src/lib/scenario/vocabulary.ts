/**
 * The fixed words of the scenario format: its enumerations, their zh-CN names, and which
 * node kinds wait for the learner. Deliberately free of zod: the player's browser bundle
 * needs these values, while schema.ts (zod 3, build time only) builds its enums from them.
 */
import type { NodeOf, ScenarioNode } from "./schema.ts";

export const disputeTypes = [
  "neighbour",
  "family",
  "land",
  "labour",
  "property",
  "consumer",
  "excluded-matter",
  "other",
] as const;
export type DisputeType = (typeof disputeTypes)[number];

/** How a run can end; lawful-agreement and correct-referral are the good outcomes. */
export const outcomes = ["lawful-agreement", "correct-referral", "unlawful-agreement", "escalation", "breakdown"] as const;
export type Outcome = (typeof outcomes)[number];
export const lawfulOutcomes: readonly Outcome[] = ["lawful-agreement", "correct-referral"];
export const outcomeNames: Record<Outcome, string> = {
  "lawful-agreement": "依法达成协议",
  "correct-referral": "正确引导分流",
  "unlawful-agreement": "违法或被迫的协议",
  escalation: "矛盾激化",
  breakdown: "调解破裂",
};

/** A party's visible mood; the player shows it beside the name. */
export const moods = ["calm", "guarded", "anxious", "angry", "aggrieved", "relieved"] as const;
export type Mood = (typeof moods)[number];

/** The scoring rubric's three dimensions. */
export const rubricDimensions = ["procedure", "relationship", "outcome"] as const;
export type RubricDimension = (typeof rubricDimensions)[number];

/**
 * What 《人民调解法》第二十九条 says a written agreement contains: parties' basic details;
 * main facts; matters in dispute and each party's responsibility; what was agreed; how and
 * by when it is performed.
 */
export const agreementElements = ["parties", "facts", "responsibility", "terms", "performance"] as const;
export type AgreementElement = (typeof agreementElements)[number];

export const nodeKinds = ["narration", "dialogue", "choice", "evidence", "agreement", "ending"] as const;

export type Comparator = "eq" | "ne" | "gt" | "gte" | "lt" | "lte";
export const comparators: readonly Comparator[] = ["eq", "ne", "gt", "gte", "lt", "lte"];

/** Nodes that wait for the learner; the others advance by themselves. */
export const isInteractive = (node: ScenarioNode): node is NodeOf<"choice" | "agreement" | "ending"> =>
  node.kind === "choice" || node.kind === "agreement" || node.kind === "ending";
