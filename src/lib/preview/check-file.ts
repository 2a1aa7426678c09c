/**
 * One trainer's file, checked in the browser exactly as `npm run check` checks it: the
 * scenario checker (YAML with line and column, schema, references, structure, the
 * exhaustive exploration) or the bank checker's single-file rules, against the ids the
 * site publishes. Nothing here is a second copy of a rule: it only picks the checker.
 *
 * This module (with zod and the schemas) is the preview page's lazily loaded chunk; no
 * other page may load it (test/unit/client-bundles.test.ts).
 */
import type { ContentIssue } from "../content/issues.ts";
import { checkQuizText, type KnownContent } from "../quiz/check.ts";
import type { Quiz, QuizBankFile } from "../quiz/schema.ts";
import { checkScenarioText } from "../scenario/check.ts";
import type { Scenario } from "../scenario/schema.ts";
import { takeableQuizzes } from "./play-data.ts";

export { previewGraphSvg } from "./graph.ts";

export type FileKind = "scenario" | "bank";

/** Top-level keys that only a scenario file has, and only a bank file has. */
const scenarioKeys = ["nodes", "start", "parties"];
const bankKeys = ["items", "quizzes"];

/**
 * Which checker a text needs, by its top-level keys (read from the text itself, so a file
 * with a YAML syntax error is still recognised); undefined when it is neither kind.
 */
export function detectKind(text: string): FileKind | undefined {
  const keys = new Set([...text.replace(/^\uFEFF/, "").matchAll(/^([A-Za-z][\w-]*)[ \t]*:/gm)].map((m) => m[1]));
  const scenario = scenarioKeys.filter((k) => keys.has(k)).length;
  const bank = bankKeys.filter((k) => keys.has(k)).length;
  if (scenario === 0 && bank === 0) return undefined;
  return scenario >= bank ? "scenario" : "bank";
}

export interface FileCheck {
  kind: FileKind | undefined;
  /** Every problem, by line then column. */
  issues: ContentIssue[];
  /** The scenario, when it passed every check (it can be played). */
  scenario?: Scenario;
  /** The scenario as its schema accepted it, even when later checks failed: enough to draw its graph. */
  parsed?: Scenario;
  /** The bank, when it passed every check (its quizzes can be taken). */
  bank?: QuizBankFile;
  /** With `bank`: its quizzes that can be taken from this file alone (takeableQuizzes). */
  takeable?: Quiz[];
  /** Distinct states the exploration went through, when it ran. */
  states?: number;
}

const byPlace = (a: ContentIssue, b: ContentIssue) => a.line - b.line || a.column - b.column;

/** Check `text` as the file `name` (its id must match the name, as in content/). */
export function checkFile(text: string, name: string, known: KnownContent): FileCheck {
  const kind = detectKind(text);
  if (kind === "scenario") {
    const { scenario, issues, exploration } = checkScenarioText(text, name, known.provisions);
    const sorted = [...issues].sort(byPlace);
    return {
      kind,
      issues: sorted,
      ...(scenario ? { parsed: scenario } : {}),
      ...(sorted.length === 0 && scenario ? { scenario } : {}),
      ...(exploration ? { states: exploration.states } : {}),
    };
  }
  if (kind === "bank") {
    const { bank, issues } = checkQuizText(text, name, known);
    const sorted = [...issues].sort(byPlace);
    return { kind, issues: sorted, ...(sorted.length === 0 && bank ? { bank: bank.data, takeable: takeableQuizzes(bank.data) } : {}) };
  }
  return { kind, issues: [] };
}
