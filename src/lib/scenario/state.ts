/**
 * A run of a scenario as plain JSON: it can be saved, sent and compared with `toEqual`.
 * The log is the source of truth; every other field can be rebuilt by replaying it.
 */
import * as z from "zod/v4-mini";
import type { AgreementDraft } from "./agreement.ts";
import type { AgreementElement, Mood, RubricDimension } from "./vocabulary.ts";

/** One decision by the learner: a choice, or submitting a draft at an agreement node. */
export type Step = { choice: string } | { agreement: AgreementDraft };

/** A node shown to the learner, and which step led there (-1: the opening). */
export interface TrailEntry {
  node: string;
  step: number;
}

export type MistakeRecord =
  | { kind: "choice"; step: number; node: string; choice: string }
  | { kind: "clause"; step: number; node: string; clause: string; defect: "unlawful" | "coerced" }
  | { kind: "incomplete-agreement"; step: number; node: string; missing: AgreementElement[] };

/** An effect that would have left a variable's range; the value was clamped. */
export interface ClampRecord {
  step: number;
  node: string;
  choice: string;
  variable: string;
  attempted: number;
  value: number;
}

export interface RunState {
  version: 1;
  /** Scenario id, so a save for another scenario is never resumed by mistake. */
  scenario: string;
  /** Always a node that waits for the learner: choice, agreement or ending. */
  node: string;
  vars: Record<string, number>;
  flags: Record<string, boolean>;
  moods: Record<string, Mood>;
  /** Raw rubric points; the debrief bounds them to 0..max. */
  score: Record<RubricDimension, number>;
  log: Step[];
  /** Every node shown, in order, including the ones that advanced by themselves. */
  trail: TrailEntry[];
  /** Evidence node ids revealed so far, in order. */
  evidence: string[];
  mistakes: MistakeRecord[];
  clamps: ClampRecord[];
}

// A saved run comes from localStorage, i.e. untrusted input. zod/v4-mini rather than zod 3
// because this module ships to the browser, where only mini tree-shakes to a few KB.

const partyDetailsSchema = z.object({ name: z.optional(z.string()), address: z.optional(z.string()) });

const draftSchema = z.strictObject({
  clauses: z.array(z.string()),
  parties: z.optional(z.record(z.string(), partyDetailsSchema)),
});

export const stepSchema: z.ZodMiniType<Step> = z.union([
  z.strictObject({ choice: z.string() }),
  z.strictObject({ agreement: draftSchema }),
]);

/** What resume() needs from a saved run; everything else is recomputed. */
export const savedRunSchema = z.object({
  version: z.literal(1),
  scenario: z.string(),
  log: z.array(stepSchema),
});
