/**
 * The broken content trees checked by errors.test.ts, written as changes to
 * test/fixtures/content/valid/. Each entry, applied to a fresh copy of valid/, gives a tree
 * with exactly one mistake; the entry's name says which. The lesson files changed are:
 *
 *   courses/agreements/index.mdx                  the course
 *   courses/agreements/01-agreement-forms.mdx     lesson 1
 *   courses/agreements/02-written-agreement.mdx   lesson 2 (prerequisite: lesson 1)
 *
 * A mutation is one step or a list of steps, applied in order:
 *
 *   { file, replace: [from, to] }   replace text that occurs exactly once in `file`
 *   { add: { file, text } }         create a new file (its folder is created too)
 *   { remove: file }                delete a file
 *   { rename: [from, to] }          move a file
 *
 * Every step fails loudly if valid/ no longer looks as it expects (text not found or found
 * twice, file missing or already there), so a change to valid/ cannot silently turn a
 * broken tree into a correct one.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const COURSE = "courses/agreements/index.mdx";
export const LESSON_1 = "courses/agreements/01-agreement-forms.mdx";
export const LESSON_2 = "courses/agreements/02-written-agreement.mdx";

export type Step =
  | { file: string; replace: readonly [from: string, to: string] }
  | { add: { file: string; text: string } }
  | { remove: string }
  | { rename: readonly [from: string, to: string] };

export type Mutation = Step | readonly Step[];

const lines = (...text: string[]) => text.map((line) => `${line}\n`).join("");

export const fixtureMutations: Record<string, Mutation> = {
  "yaml-bad-indent": { file: LESSON_2, replace: ["minutes: 15", " minutes: 15"] },
  "missing-minutes": { file: LESSON_2, replace: ["minutes: 15\n", ""] },
  "minutes-wrong-type": { file: LESSON_2, replace: ["minutes: 15", "minutes: 十五"] },
  "minutes-out-of-range": { file: LESSON_2, replace: ["minutes: 15", "minutes: 500"] },
  "unknown-field-typo": { file: LESSON_2, replace: ["summary:", "sumary:"] },
  "bad-slug-id": { file: LESSON_2, replace: ["id: written-agreement", "id: Written_Agreement"] },
  "bad-provision-id": { file: LESSON_2, replace: ["law: [rmtjf-29]", "law: [rmtjf29]"] },
  "law-ref-missing-provision": { file: LESSON_2, replace: ["law: [rmtjf-29]", "law: [rmtjf-29, rmtjf-99]"] },
  "body-law-missing-provision": {
    file: LESSON_2,
    replace: ["## 复习题", '按<Law id="rmtjf-99" />的规定，协议书各执一份。\n\n## 复习题'],
  },
  "body-law-not-in-frontmatter": {
    file: LESSON_1,
    replace: ["也可以采用口头协议。", '也可以采用口头协议。协议书的内容见<Law id="rmtjf-29" />。'],
  },
  "unknown-term": { file: LESSON_2, replace: ['<Term id="tiaojie-xieyi">', '<Term id="xieyi-shu">'] },
  "callout-bad-type": { file: LESSON_1, replace: ['<Callout type="key">', '<Callout type="tip">'] },
  "unknown-component": {
    file: LESSON_1,
    replace: ["## 复习题", '<Video src="agreement.mp4" />\n\n## 复习题'],
  },
  "duplicate-lesson-order": { file: LESSON_2, replace: ["order: 2", "order: 1"] },
  "duplicate-lesson-id": [
    { file: LESSON_2, replace: ["id: written-agreement", "id: agreement-forms"] },
    // Without this, lesson 2 would also list itself as its own prerequisite.
    { file: LESSON_2, replace: ["prerequisites: [agreement-forms]", "prerequisites: []"] },
  ],
  "prerequisite-missing-lesson": {
    file: LESSON_2,
    replace: ["prerequisites: [agreement-forms]", "prerequisites: [agreement-form]"],
  },
  "course-id-mismatch": { file: COURSE, replace: ["id: agreements", "id: agreement"] },
  "course-prerequisite-missing": { file: COURSE, replace: ["prerequisites: []", "prerequisites: [basics]"] },
  "lesson-folder-without-index": {
    add: {
      file: "courses/mediation-skills/01-listening.mdx",
      text: lines(
        "---",
        "id: listening",
        "title: 倾听",
        "summary: 调解时怎样听当事人把话说完。",
        "objectives:",
        "  - 说出倾听时要注意的三件事",
        "minutes: 10",
        "order: 1",
        "---",
        "",
        "## 先听完，再说话",
        "",
        "让当事人把话说完，不打断，不急着评理。",
      ),
    },
  },
  "statute-file-name-mismatch": { rename: ["law/rmtjf.yaml", "law/renmin-tiaojie-fa.yaml"] },
  "duplicate-article": {
    file: "law/rmtjf.yaml",
    replace: [
      "    topics: [调解协议, 协议生效]\n",
      lines(
        "    topics: [调解协议, 协议生效]",
        "  - article: 28",
        "    heading: 口头协议",
        "    summary: >-",
        "      当事人认为不必制作协议书的，可以采用口头协议，由调解员记录协议内容。",
        "    topics: [口头协议]",
      ),
    ],
  },
  "duplicate-glossary-term": {
    add: {
      file: "glossary/procedure.yaml",
      text: lines(
        "- id: tiaojie-xieyi",
        "  term: 调解协议",
        "  definition: >-",
        "    当事人经调解自愿达成的、解决纠纷的协议，可以是书面的，也可以是口头的。",
      ),
    },
  },
  "missing-frontmatter": {
    file: LESSON_2,
    replace: [
      lines(
        "---",
        "id: written-agreement",
        "title: 书面调解协议",
        "summary: 调解协议书写什么、什么时候生效。",
        "objectives:",
        "  - 说出调解协议书的生效条件",
        "minutes: 15",
        "order: 2",
        "prerequisites: [agreement-forms]",
        "law: [rmtjf-29]",
        "---",
        "",
      ),
      "",
    ],
  },
  "empty-glossary-file": { add: { file: "glossary/procedure.yaml", text: "" } },
  "statute-duplicate-id": {
    add: {
      file: "law/rmtjf.yml",
      text: lines(
        "id: rmtjf",
        "title: 中华人民共和国人民调解法",
        "shortTitle: 人民调解法",
        "kind: law",
        "issuer: 全国人民代表大会常务委员会",
        'adopted: "2010-08-28"',
        'effective: "2011-01-01"',
        "provisions:",
        "  - article: 30",
        "    heading: 口头协议何时生效",
        "    summary: >-",
        "      口头调解协议从各方当事人达成协议之日起生效。",
        "    topics: [口头协议]",
      ),
    },
  },
  "glossary-law-missing-provision": { file: "glossary/agreements.yaml", replace: ["  law: [rmtjf-29]", "  law: [rmtjf-92]"] },
  "course-law-missing-statute": { file: COURSE, replace: ["law: [rmtjf-28, rmtjf-29]", "law: [rmtjf-28, tjf-29]"] },
  "course-self-prerequisite": { file: COURSE, replace: ["prerequisites: []", "prerequisites: [agreements]"] },
  "lesson-self-prerequisite": { file: LESSON_2, replace: ["prerequisites: [agreement-forms]", "prerequisites: [written-agreement]"] },
  "course-without-lessons": {
    add: { file: "courses/records/index.mdx", text: lines("---", "id: records", "title: 调解档案", "summary: 调解记录和卷宗怎样整理。", "objectives:", "  - 说出调解卷宗要放哪些材料", "order: 2", "---", "", "课时还在编写中。") },
  },
  "two-courses-same-order": [
    { add: { file: "courses/records/index.mdx", text: lines("---", "id: records", "title: 调解档案", "summary: 调解记录和卷宗怎样整理。", "objectives:", "  - 说出调解卷宗要放哪些材料", "order: 1", "---", "", "整理调解档案。") } },
    {
      add: {
        file: "courses/records/01-the-file.mdx",
        text: lines("---", "id: the-file", "title: 一案一卷", "summary: 一件纠纷一份卷宗。", "objectives:", "  - 说出卷宗里的主要材料", "minutes: 10", "order: 1", "---", "", "调解登记、调解记录、协议书放在一起。"),
      },
    },
  ],
  "body-law-without-id": { file: LESSON_1, replace: ['依照<Law id="rmtjf-28" />', "依照<Law />"] },
  "body-term-without-id": { file: LESSON_2, replace: ['<Term id="tiaojie-xieyi">', "<Term>"] },
};

function applyStep(tree: string, step: Step): void {
  const at = (file: string) => join(tree, ...file.split("/"));
  if ("replace" in step) {
    const path = at(step.file);
    const [from, to] = step.replace;
    const text = readFileSync(path, "utf8");
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`${step.file}: expected ${JSON.stringify(from)} exactly once, found it ${count} times`);
    writeFileSync(path, text.replace(from, () => to));
  } else if ("add" in step) {
    const path = at(step.add.file);
    if (existsSync(path)) throw new Error(`${step.add.file} already exists`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, step.add.text);
  } else if ("remove" in step) {
    const path = at(step.remove);
    if (!existsSync(path)) throw new Error(`${step.remove} does not exist`);
    rmSync(path);
  } else {
    const [from, to] = step.rename.map(at);
    if (!existsSync(from)) throw new Error(`${step.rename[0]} does not exist`);
    if (existsSync(to)) throw new Error(`${step.rename[1]} already exists`);
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
  }
}

/** Copies `valid` to `dest` (which must not exist yet) and applies `mutation` to the copy. */
export function buildMutatedTree(valid: string, dest: string, mutation: Mutation): void {
  if (existsSync(dest)) throw new Error(`${dest} already exists`);
  cpSync(valid, dest, { recursive: true });
  const steps: readonly Step[] = Array.isArray(mutation) ? mutation : [mutation as Step];
  for (const step of steps) applyStep(dest, step);
}
