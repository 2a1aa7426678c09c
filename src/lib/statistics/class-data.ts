/**
 * The curriculum as the class report page receives it (trainers/class/data.json): the
 * context of the table, the checked quiz banks (the page builds the same catalog as the
 * CLI from them) and whole scenarios (to replay runs). Plain JSON.
 */
import type { QuizBankFile } from "../quiz/schema.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { ClassContext } from "./class-table.ts";

export interface ClassData {
  context: ClassContext;
  banks: QuizBankFile[];
  scenarios: Scenario[];
}
