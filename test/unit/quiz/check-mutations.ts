/**
 * One mistake per checker rule, as a change to the valid banks in
 * test/fixtures/quizzes/valid/ (see the README there). Each change must apply exactly once.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const validDir = fileURLToPath(new URL("../../fixtures/quizzes/valid/", import.meta.url));

export const CORE = "content/quizzes/procedure-core.yaml";
export const FINAL = "content/quizzes/procedure-final.yaml";

/** What the banks may refer to: a slice of the real curriculum. */
export const known = {
  provisions: new Set(["rmtjf-4", "rmtjf-17", "rmtjf-23", "rmtjf-26", "rmtjf-28"]),
  lessons: new Set(["procedure/starting-mediation", "procedure/the-session", "procedure/ending-mediation"]),
  courses: new Set(["procedure"]),
  objectives: new Map([
    ["procedure/starting-mediation", ["说出人民调解启动的三种常见来源", "知道当事人一方明确拒绝调解时不得调解"]],
    ["procedure/the-session", ["会根据情况交替使用联合会谈和背靠背谈话"]],
    ["procedure/ending-mediation", ["说出调解不成时调解员的两项法定义务"]],
  ]),
};

/** A file's text from `start` to its end. */
const sectionFrom = (name: string, start: string) => {
  const text = readFileSync(join(validDir, name), "utf8");
  return text.slice(text.indexOf(start));
};

export type Mutation =
  | { file: string; replace: [from: string, to: string]; nth?: number }
  | { rename: [from: string, to: string] };

/** The valid banks as `content/quizzes/<name>` → text. */
export function validFiles(): Map<string, string> {
  return new Map(
    readdirSync(validDir)
      .filter((n) => n.endsWith(".yaml"))
      .sort()
      .map((n) => [`content/quizzes/${n}`, readFileSync(join(validDir, n), "utf8")]),
  );
}

export function applyMutations(files: Map<string, string>, mutations: readonly Mutation[]): Map<string, string> {
  const out = new Map(files);
  for (const m of mutations) {
    if ("rename" in m) {
      const text = out.get(m.rename[0]);
      if (text === undefined) throw new Error(`no file ${m.rename[0]} to rename`);
      out.delete(m.rename[0]);
      out.set(m.rename[1], text);
      continue;
    }
    const text = out.get(m.file);
    if (text === undefined) throw new Error(`no file ${m.file}`);
    const [from, to] = m.replace;
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`${m.file}: expected ${JSON.stringify(from)} exactly once, found ${count} times`);
    out.set(m.file, text.replace(from, to));
  }
  return out;
}

export const mutations: Record<string, Mutation[]> = {
  "yaml-bad-indent": [{ file: CORE, replace: ["    tags: [调解原则]\n", "      tags: [调解原则]\n"] }],
  "empty-file": [{ file: FINAL, replace: [readFileSync(join(validDir, "procedure-final.yaml"), "utf8"), "\n"] }],
  "unknown-item-type": [{ file: CORE, replace: ["    type: ordering", "    type: sorting"] }],
  "true-false-answer-not-boolean": [{ file: CORE, replace: ["    answer: false", "    answer: 错"] }],
  "case-option-without-feedback": [
    { file: CORE, replace: ["        feedback: 调解协议必须由当事人自愿达成，调解员不能代为决定。\n", ""] },
  ],
  "unknown-field": [{ file: CORE, replace: ["    difficulty: 1\n    lesson:", "    dificulty: 1\n    lesson:"] }],
  "file-name-mismatch": [{ rename: [CORE, "content/quizzes/procedure-basics.yaml"] }],
  "nothing-in-file": [{ file: FINAL, replace: [sectionFrom("procedure-final.yaml", "quizzes:"), ""] }],
  "single-answer-not-an-option": [{ file: CORE, replace: ["    answer: a\n    explanation: 《人民调解法》第十七条", "    answer: e\n    explanation: 《人民调解法》第十七条"] }],
  "multiple-answer-not-an-option": [{ file: CORE, replace: ["answer: [a, b, d]", "answer: [a, b, e]"] }],
  "multiple-answer-twice": [{ file: CORE, replace: ["answer: [a, b, d]", "answer: [a, b, b]"] }],
  "multiple-without-scoring-rule": [{ file: CORE, replace: ["scoring:\n  multiple: partial-if-no-wrong\n", ""] }],
  "duplicate-option-id": [{ file: CORE, replace: ["      - id: b\n        text: 先行调解", "      - id: a\n        text: 先行调解"] }],
  "duplicate-option-text": [{ file: CORE, replace: ["text: 报请司法所决定是否调解", "text: 不得调解"] }],
  "ordering-step-missing": [
    { file: CORE, replace: ["answer: [accept, prepare, session, agreement]", "answer: [accept, prepare, session]"] },
  ],
  "ordering-step-twice": [
    { file: CORE, replace: ["answer: [accept, prepare, session, agreement]", "answer: [accept, prepare, prepare, agreement]"] },
  ],
  "matching-unknown-prompt": [
    { file: CORE, replace: ["answer: { noise: committee, wages: labour,", "answer: { noise: committee, wage: labour,"] },
  ],
  "matching-answer-not-an-option": [{ file: CORE, replace: ["assault: police }", "assault: court }"] }],
  "duplicate-item-id": [{ file: CORE, replace: ["  - id: mediation-is-free", "  - id: who-may-apply"] }],
  "unknown-provision": [{ file: CORE, replace: ["law: [rmtjf-17]", "law: [rmtjf-99]"] }],
  "unknown-statute": [{ file: CORE, replace: ["law: [rmtjf-4]", "law: [tjf-4]"] }],
  "item-lesson-missing": [{ file: CORE, replace: ["lesson: procedure/starting-mediation", "lesson: procedure/start-mediation"] }],
  "quiz-lesson-missing": [{ file: CORE, replace: ["    lesson: procedure/the-session\n    draw:", "    lesson: procedure/session\n    draw:"] }],
  "final-course-missing": [{ file: FINAL, replace: ["course: procedure", "course: procedures"] }],
  "pool-too-small": [{ file: CORE, replace: ["      - count: 2\n        tags: [受理]", "      - count: 4\n        tags: [受理]"] }],
  "pool-taken-by-earlier-rule": [
    { file: CORE, replace: ["      - count: 2\n        tags: [调解原则, 调解程序]", "      - count: 4\n        tags: [调解原则, 调解程序]"] },
  ],
  "draw-tag-unknown": [{ file: CORE, replace: ["      - count: 2\n        tags: [受理]", "      - count: 2\n        tags: [受案]"] }],
  "draw-bank-missing": [{ file: FINAL, replace: ["bank: procedure-core", "bank: procedure-basics"] }],
  "cross-bank-pool-too-small": [{ file: FINAL, replace: ["      - count: 5", "      - count: 7"] }],
  "item-id-in-two-banks": [
    {
      file: FINAL,
      replace: [
        "quizzes:\n",
        [
          "items:",
          "  - id: mediation-is-free",
          "    type: true-false",
          "    stem: 人民调解不收取任何费用。",
          "    answer: true",
          "    explanation: 《人民调解法》第四条规定调解不收费。",
          "    tags: [调解原则]",
          "    difficulty: 1",
          "quizzes:",
          "",
        ].join("\n"),
      ],
    },
  ],
  "objective-beyond-list": [
    { file: CORE, replace: ["    lesson: procedure/starting-mediation\n", "    lesson: procedure/starting-mediation\n    objective: procedure/starting-mediation#3\n"] },
  ],
  "objective-unknown-lesson": [
    { file: CORE, replace: ["    lesson: procedure/starting-mediation\n", "    lesson: procedure/starting-mediation\n    objective: procedure/start-mediation#1\n"] },
  ],
  "objective-bad-form": [
    { file: CORE, replace: ["    lesson: procedure/starting-mediation\n", "    lesson: procedure/starting-mediation\n    objective: starting-mediation#1\n"] },
  ],
  "ordering-unknown-step": [
    { file: CORE, replace: ["answer: [accept, prepare, session, agreement]", "answer: [accept, prepare, session, signing]"] },
  ],
  "matching-duplicate-prompt": [{ file: CORE, replace: ["      - { id: assault, text:", "      - { id: wages, text:"] }],
  "quiz-id-twice-in-bank": [
    {
      file: FINAL,
      replace: [
        "    reveal: false\n",
        [
          "    reveal: false",
          "  - id: procedure-final-test",
          "    title: 调解的启动 · 小测",
          "    kind: lesson-check",
          "    lesson: procedure/starting-mediation",
          "    draw:",
          "      - count: 1",
          "        bank: procedure-core",
          "    passMark: 60",
          "",
        ].join("\n"),
      ],
    },
  ],
  "bank-id-twice": [{ file: FINAL, replace: ["id: procedure-final\n", "id: procedure-core\n"] }],
  "quiz-id-in-two-banks": [{ file: FINAL, replace: ["  - id: procedure-final-test", "  - id: the-session-check"] }],
  "two-checks-for-one-lesson": [
    {
      file: FINAL,
      replace: [
        "    reveal: false\n",
        [
          "    reveal: false",
          "  - id: the-session-review",
          "    title: 主持调解 · 复习",
          "    kind: lesson-check",
          "    lesson: procedure/the-session",
          "    draw:",
          "      - count: 1",
          "        bank: procedure-core",
          "    passMark: 60",
          "",
        ].join("\n"),
      ],
    },
  ],
};
