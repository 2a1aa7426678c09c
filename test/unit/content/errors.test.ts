/**
 * One broken content tree per content rule. Each is built at run time from
 * test/fixtures/content/valid/ by applying that rule's mutation from fixture-mutations.ts
 * (one small change: a replaced word, an added, removed or renamed file), so a trainer can
 * see what the check reports for exactly that one mistake. The lesson files used are:
 *
 *   courses/agreements/index.mdx                  the course
 *   courses/agreements/01-agreement-forms.mdx     lesson 1
 *   courses/agreements/02-written-agreement.mdx   lesson 2 (prerequisite: lesson 1)
 *
 * Each tree is built in its own folder, named after the case, inside one temporary folder
 * that is passed as the root, so issue paths read `<case>/courses/agreements/…` exactly as
 * they would for a folder under test/fixtures/content/.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentRuleCodes } from "../../../src/lib/content/check.ts";
import { checkContent } from "../../../src/lib/content/files.ts";
import { ContentError, formatIssue, formatIssues, type ContentIssue } from "../../../src/lib/content/issues.ts";
import { parseLessonText } from "../../../src/lib/content/parse.ts";
import { buildMutatedTree, COURSE, fixtureMutations, LESSON_1, LESSON_2 } from "./fixture-mutations.ts";

const fixturesRoot = fileURLToPath(new URL("../../fixtures/content/", import.meta.url));
const validDir = join(fixturesRoot, "valid");

/** The temporary folder holding every broken tree built so far, one folder per case. */
let treesRoot = "";

beforeAll(() => {
  treesRoot = mkdtempSync(join(tmpdir(), "content-fixtures-"));
});

afterAll(() => {
  if (treesRoot) rmSync(treesRoot, { recursive: true, force: true });
});

/** Builds the broken tree for `fixture` (once) and returns what the check reports for it. */
function issuesOf(fixture: string): ContentIssue[] {
  const mutation = fixtureMutations[fixture];
  if (!mutation) throw new Error(`no mutation named ${fixture} in fixture-mutations.ts`);
  const content = join(treesRoot, fixture);
  if (!existsSync(content)) buildMutatedTree(validDir, content, mutation);
  return checkContent({ root: treesRoot, content }).issues;
}

/** Where an issue must point, and words its message must contain. */
interface Expected {
  file: string;
  line: number;
  column?: number;
  field: string;
  says: string[];
}

interface Case {
  fixture: string;
  rule: string;
  expected: Expected[];
}

const cases: Case[] = [
  {
    fixture: "yaml-bad-indent",
    rule: "a YAML syntax error (one extra space before `minutes:`) is reported on that line of the file",
    expected: [{ file: LESSON_2, line: 7, column: 1, field: "", says: ["YAML 格式错误", "缩进不一致"] }],
  },
  {
    fixture: "missing-minutes",
    rule: "a lesson without `minutes` points at the start of its frontmatter",
    expected: [{ file: LESSON_2, line: 2, column: 1, field: "minutes", says: ["缺少预计学习时间", "minutes: 15"] }],
  },
  {
    fixture: "minutes-wrong-type",
    rule: "`minutes: 十五` is rejected as not a number, with an example",
    expected: [{ file: LESSON_2, line: 7, column: 10, field: "minutes", says: ["应为分钟数", "minutes: 15"] }],
  },
  {
    fixture: "minutes-out-of-range",
    rule: "`minutes: 500` is rejected with the 90-minute maximum",
    expected: [{ file: LESSON_2, line: 7, column: 10, field: "minutes", says: ["最多 90 分钟"] }],
  },
  {
    fixture: "unknown-field-typo",
    rule: "a misspelt key `sumary:` is reported on that key's line, next to the now-missing summary",
    expected: [
      { file: LESSON_2, line: 2, column: 1, field: "summary", says: ["缺少课时简介"] },
      { file: LESSON_2, line: 4, field: "sumary", says: ["不认识的字段 sumary", "拼写"] },
    ],
  },
  {
    fixture: "bad-slug-id",
    rule: "an id with capitals and underscores (Written_Agreement) is rejected with a kebab-case example",
    expected: [{ file: LESSON_2, line: 2, column: 5, field: "id", says: ["小写字母、数字和连字符", "written-agreement"] }],
  },
  {
    fixture: "bad-provision-id",
    rule: "a provision id without the dash (rmtjf29) is rejected with the <statute>-<article> format",
    expected: [{ file: LESSON_2, line: 10, column: 7, field: "law.0", says: ["<法规编号>-<条号>", "rmtjf-28"] }],
  },
  {
    fixture: "law-ref-missing-provision",
    rule: "a frontmatter law entry naming an article that is not in the statute file is reported at that entry",
    expected: [
      { file: LESSON_2, line: 10, column: 17, field: "law.1", says: ["rmtjf-99 不存在", "content/law/rmtjf.yaml"] },
    ],
  },
  {
    fixture: "body-law-missing-provision",
    rule: "<Law id> in the body naming a missing article is reported on its body line",
    expected: [{ file: LESSON_2, line: 19, column: 2, field: "", says: ["<Law>", "rmtjf-99 不存在"] }],
  },
  {
    fixture: "body-law-not-in-frontmatter",
    rule: "<Law id> in the body that is not listed in the frontmatter `law` asks to add it there",
    expected: [{ file: LESSON_1, line: 15, column: 52, field: "", says: ['<Law id="rmtjf-29">', "请在 law 里加上 rmtjf-29"] }],
  },
  {
    fixture: "unknown-term",
    rule: "<Term id> naming a term that is not in the glossary points to content/glossary/",
    expected: [{ file: LESSON_2, line: 15, column: 1, field: "", says: ["<Term>", "xieyi-shu", "content/glossary/"] }],
  },
  {
    fixture: "callout-bad-type",
    rule: '<Callout type="tip"> lists the allowed types and the wrong one',
    expected: [{ file: LESSON_1, line: 17, column: 1, field: "", says: ["key / mistake / case", '"tip"'] }],
  },
  {
    fixture: "unknown-component",
    rule: "an unknown component <Video /> lists the components that can be used",
    expected: [{ file: LESSON_1, line: 19, column: 1, field: "", says: ["未知组件 <Video>", "<Law>、<Term>、<Callout>"] }],
  },
  {
    fixture: "duplicate-lesson-order",
    rule: "two lessons with the same order in one course: the second names the first",
    expected: [{ file: LESSON_2, line: 8, column: 8, field: "order", says: ["顺序 1 已被", LESSON_1] }],
  },
  {
    fixture: "duplicate-lesson-id",
    rule: "two lessons with the same id in one course: the second names the first",
    expected: [{ file: LESSON_2, line: 2, column: 5, field: "id", says: ["课时编号 agreement-forms 已被", LESSON_1] }],
  },
  {
    fixture: "prerequisite-missing-lesson",
    rule: "a prerequisite naming a lesson that does not exist shows the resolved <course>/<lesson>",
    expected: [
      { file: LESSON_2, line: 9, column: 17, field: "prerequisites.0", says: ["找不到课时 agreements/agreement-form"] },
    ],
  },
  {
    fixture: "course-id-mismatch",
    rule: "a course id that differs from its folder name is reported once, on the course's id",
    expected: [{ file: COURSE, line: 2, column: 5, field: "id", says: ["文件夹是 agreements", "这里写的是 agreement"] }],
  },
  {
    fixture: "course-prerequisite-missing",
    rule: "a course prerequisite naming a course that does not exist lists the existing courses",
    expected: [
      { file: COURSE, line: 8, column: 17, field: "prerequisites.0", says: ["没有编号为 basics 的课程", "现有：agreements"] },
    ],
  },
  {
    fixture: "lesson-folder-without-index",
    rule: "a course folder without index.mdx is reported on its lesson, for the whole file",
    expected: [
      {
        file: "courses/mediation-skills/01-listening.mdx",
        line: 0,
        column: 0,
        field: "",
        says: ["文件夹 mediation-skills 里没有 index.mdx"],
      },
    ],
  },
  {
    fixture: "statute-file-name-mismatch",
    rule: "a statute file whose name differs from its id names the expected file name",
    expected: [{ file: "law/renmin-tiaojie-fa.yaml", line: 1, column: 5, field: "id", says: ["rmtjf.yaml"] }],
  },
  {
    fixture: "duplicate-article",
    rule: "an article written twice in one statute is reported at the second copy",
    expected: [{ file: "law/rmtjf.yaml", line: 19, column: 14, field: "provisions.2.article", says: ["第 28 条重复出现"] }],
  },
  {
    fixture: "duplicate-glossary-term",
    rule: "a glossary term id used in two files is reported in the second file and names the first",
    expected: [
      {
        file: "glossary/procedure.yaml",
        line: 1,
        column: 7,
        field: "0.id",
        says: ["术语编号 tiaojie-xieyi 已在", "glossary/agreements.yaml"],
      },
    ],
  },
  {
    fixture: "missing-frontmatter",
    rule: "a lesson without any frontmatter is reported at line 1 and says what frontmatter looks like",
    expected: [{ file: LESSON_2, line: 1, column: 1, field: "", says: ["缺少文件开头的 frontmatter", "---"] }],
  },
  {
    fixture: "empty-glossary-file",
    rule: "an empty glossary file is reported as empty",
    expected: [{ file: "glossary/procedure.yaml", line: 1, column: 1, field: "", says: ["文件是空的"] }],
  },
  {
    fixture: "statute-duplicate-id",
    rule: "a second statute file with an id already used (rmtjf.yml beside rmtjf.yaml) names the first file",
    expected: [
      { file: "law/rmtjf.yml", line: 1, column: 5, field: "id", says: ["请把文件命名为 rmtjf.yaml"] },
      { file: "law/rmtjf.yml", line: 1, column: 5, field: "id", says: ["法规编号 rmtjf 已在", "law/rmtjf.yaml 中使用"] },
    ],
  },
  {
    fixture: "glossary-law-missing-provision",
    rule: "a glossary term citing a missing article is reported at that entry",
    expected: [{ file: "glossary/agreements.yaml", line: 5, column: 9, field: "0.law.0", says: ["rmtjf-92 不存在", "content/law/rmtjf.yaml 里没有这一条"] }],
  },
  {
    fixture: "course-law-missing-statute",
    rule: "a course file citing a statute that does not exist names the missing statute file",
    expected: [{ file: COURSE, line: 9, column: 17, field: "law.1", says: ["tjf-29 不存在", "没有编号为 tjf 的法规文件"] }],
  },
  {
    fixture: "course-self-prerequisite",
    rule: "a course listing itself as a prerequisite",
    expected: [{ file: COURSE, line: 8, column: 17, field: "prerequisites.0", says: ["课程不能把自己列为先修课程"] }],
  },
  {
    fixture: "lesson-self-prerequisite",
    rule: "a lesson listing itself as a prerequisite",
    expected: [{ file: LESSON_2, line: 9, column: 17, field: "prerequisites.0", says: ["课时不能把自己列为先修"] }],
  },
  {
    fixture: "course-without-lessons",
    rule: "a course folder with an index.mdx and no lesson file",
    expected: [{ file: "courses/records/index.mdx", line: 2, column: 1, field: "", says: ["还没有任何课时文件"] }],
  },
  {
    fixture: "two-courses-same-order",
    rule: "two courses with the same order: the second names the first",
    expected: [{ file: "courses/records/index.mdx", line: 7, column: 8, field: "order", says: ["顺序 1 已被课程 agreements 使用"] }],
  },
  {
    fixture: "body-law-without-id",
    rule: "<Law /> without an id shows the form to write",
    expected: [{ file: LESSON_1, line: 15, column: 3, field: "", says: ["<Law> 缺少 id", 'id="rmtjf-28"'] }],
  },
  {
    fixture: "body-term-without-id",
    rule: "<Term> without an id shows the form to write",
    expected: [{ file: LESSON_2, line: 15, column: 1, field: "", says: ["<Term> 缺少 id"] }],
  },
];

describe("the valid fixture", () => {
  it("has no issues", () => {
    const { issues } = checkContent({ root: fixturesRoot, content: validDir });
    expect(issues, formatIssues(issues)).toEqual([]);
  });

  it("contains one statute, one glossary, one course and two lessons", () => {
    const { set } = checkContent({ root: fixturesRoot, content: validDir });
    expect(set.statutes.map((s) => s.file)).toEqual(["valid/law/rmtjf.yaml"]);
    expect(set.glossaries.map((g) => g.file)).toEqual(["valid/glossary/agreements.yaml"]);
    expect(set.courses.map((c) => c.file)).toEqual([`valid/${COURSE}`]);
    expect(set.lessons.map((l) => l.file)).toEqual([`valid/${LESSON_1}`, `valid/${LESSON_2}`]);
  });
});

describe("each broken fixture yields exactly the issue for its one mistake", () => {
  for (const { fixture, rule, expected } of cases) {
    it(`${fixture}: ${rule}`, () => {
      const issues = issuesOf(fixture);
      // Compare locations first, so anything extra or misplaced shows as a clear diff.
      // The column is compared only where the case states one.
      const actual = issues.map((issue, n) => ({
        file: issue.file,
        line: issue.line,
        field: issue.field,
        ...(expected[n]?.column === undefined ? {} : { column: issue.column }),
      }));
      const wanted = expected.map((e) => ({
        file: `${fixture}/${e.file}`,
        line: e.line,
        field: e.field,
        ...(e.column === undefined ? {} : { column: e.column }),
      }));
      expect(actual, formatIssues(issues)).toEqual(wanted);
      expected.forEach((e, n) => {
        for (const words of e.says) expect(issues[n].message).toContain(words);
      });
    });
  }

  it("has a failing fixture for every cross-file rule code", () => {
    const found = new Set(cases.flatMap((c) => issuesOf(c.fixture).map((issue) => issue.code)));
    expect(contentRuleCodes.filter((code) => !found.has(code))).toEqual([]);
    // Every issue a rule reports carries a code the checker exports (schema and YAML issues carry none).
    const exported = new Set<string>(contentRuleCodes);
    expect([...found].filter((code) => code !== undefined && !exported.has(code))).toEqual([]);
  });

  it("has a test case for every mutation and a mutation for every test case", () => {
    expect(Object.keys(fixtureMutations).sort()).toEqual(cases.map((c) => c.fixture).sort());
    // Broken trees live only in fixture-mutations.ts; a folder added next to valid/ would go unchecked.
    const folders = readdirSync(fixturesRoot, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders).toEqual(["valid"]);
  });
});

describe("unknown keys in frontmatter", () => {
  const lesson = (frontmatter: string) =>
    ["---", "id: forms", "title: 协议的形式", "summary: 书面协议和口头协议。", frontmatter, "minutes: 10", "order: 1", "---", "", "正文"].join("\n");

  it("reports a misspelt key whose list starts on the next line on the key's own line", () => {
    // Line 5 is `objectivs:`, line 6 its first item.
    const { issues } = parseLessonText(lesson("objectivs:\n  - 说出调解协议的两种形式"), "x.mdx");
    const unknown = issues.find((i) => i.field === "objectivs");
    expect(unknown?.line).toBe(5);
  });

  it("reports a misspelt key whose value is empty on the key's own line", () => {
    const { issues } = parseLessonText(lesson("objectives:\n  - 说出调解协议的两种形式\nnote:"), "x.mdx");
    expect(issues.map((i) => [i.line, i.field])).toEqual([[7, "note"]]);
  });
});

describe("frontmatter detection", () => {
  const text = ["---", "id: forms", "title: 协议的形式", "summary: 书面协议和口头协议。", "objectives:", "  - 说出调解协议的两种形式", "minutes: 10", "order: 1", "---", "", '正文<Law id="rmtjf-28" />'].join("\n");

  it("reads frontmatter from a file saved with Windows line endings", () => {
    const parsed = parseLessonText(text.replace(/\n/g, "\r\n"), "x.mdx");
    expect(parsed.issues).toEqual([]);
    expect(parsed.value?.minutes).toBe(10);
    expect(parsed.bodyOffset).toBe(9);
  });

  it("reads frontmatter from a file saved with a UTF-8 byte order mark (as Windows Notepad does)", () => {
    const parsed = parseLessonText(`\uFEFF${text}`, "x.mdx");
    expect(parsed.issues).toEqual([]);
    expect(parsed.value?.id).toBe("forms");
  });
});

describe("formatIssue", () => {
  const base: ContentIssue = { file: "content/courses/basics/02-principles.mdx", line: 7, column: 10, field: "minutes", message: "minutes 最多 90 分钟" };

  it("prints `file:line:col  field: message` with two spaces after the location", () => {
    expect(formatIssue(base)).toBe("content/courses/basics/02-principles.mdx:7:10  minutes: minutes 最多 90 分钟");
  });

  it("omits the field part when the issue concerns no field", () => {
    expect(formatIssue({ ...base, field: "" })).toBe("content/courses/basics/02-principles.mdx:7:10  minutes 最多 90 分钟");
  });

  it("prints column 1 when the column is unknown", () => {
    expect(formatIssue({ ...base, column: 0 })).toBe("content/courses/basics/02-principles.mdx:7:1  minutes: minutes 最多 90 分钟");
  });

  it("prints only the file name when the issue concerns the whole file (line 0)", () => {
    expect(formatIssue({ ...base, line: 0, column: 0, field: "", message: "文件夹 x 里没有 index.mdx" })).toBe(
      "content/courses/basics/02-principles.mdx  文件夹 x 里没有 index.mdx",
    );
  });

  it("has the `file:line:col  field: message` shape for every fixture issue that has a field", () => {
    const all = cases.flatMap((c) => issuesOf(c.fixture));
    const withField = all.filter((i) => i.line > 0 && i.field);
    expect(withField.length).toBeGreaterThan(5);
    for (const issue of withField) {
      expect(formatIssue(issue)).toMatch(/^[\w./-]+:[1-9]\d*:[1-9]\d*  [\w.]+: \S.*$/);
    }
  });

  it("formatIssues sorts by file, then line, then column, one issue per line", () => {
    const issues: ContentIssue[] = [
      { file: "b.yaml", line: 1, column: 1, field: "", message: "B" },
      { file: "a.yaml", line: 9, column: 1, field: "", message: "A9" },
      { file: "a.yaml", line: 2, column: 5, field: "", message: "A2c5" },
      { file: "a.yaml", line: 2, column: 3, field: "", message: "A2c3" },
    ];
    expect(formatIssues(issues).split("\n")).toEqual(["a.yaml:2:3  A2c3", "a.yaml:2:5  A2c5", "a.yaml:9:1  A9", "b.yaml:1:1  B"]);
  });

  it("ContentError carries every issue and states how many there are", () => {
    const error = new ContentError([base, { ...base, line: 8 }]);
    expect(error.name).toBe("ContentError");
    expect(error.issues).toHaveLength(2);
    expect(error.message).toContain("2 个问题");
    expect(error.message).toContain("02-principles.mdx:8:10  minutes:");
  });
});
