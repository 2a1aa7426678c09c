/**
 * The curriculum as the class report page receives it (trainers/class/data.json): the
 * context of the table, the checked quiz banks (the page builds the same catalog as the
 * CLI from them), whole scenarios (to replay runs) and their graphs laid out for the
 * decision drawing. Plain JSON.
 */
import type { QuizBankFile } from "../quiz/schema.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { ClassContext } from "./class-table.ts";
import type { DecisionLayout } from "./decision-graph.ts";

export interface ClassData {
  context: ClassContext;
  banks: QuizBankFile[];
  scenarios: Scenario[];
  /** Each scenario's graph laid out at build time, in the order of `scenarios` (decision-layout.ts). */
  layouts: DecisionLayout[];
}
