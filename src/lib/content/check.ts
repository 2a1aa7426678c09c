/**
 * Cross-file rules that no single schema can see: references resolve, ids and orders
 * are unique, and the components used in lesson bodies are known and well-formed.
 */
import { scanComponents } from "./body-scan.ts";
import type { ContentIssue } from "./issues.ts";
import { provisionId, resolveLessonRef, type ContentSet, type MdxEntry } from "./model.ts";
import type { FieldPath } from "./source.ts";

/** Components that authors may use in lessons without importing them. */
export const calloutTypes = ["key", "mistake", "case"] as const;

/**
 * The code of every rule crossCheck applies; each has a failing fixture in
 * test/unit/content/fixture-mutations.ts (a test checks that none is missing).
 */
export const contentRuleCodes = [
  "statute-file-name",
  "statute-duplicate-id",
  "statute-duplicate-article",
  "glossary-duplicate-term",
  "glossary-unknown-provision",
  "course-folder-mismatch",
  "course-duplicate-order",
  "course-self-prerequisite",
  "course-unknown-prerequisite",
  "course-unknown-provision",
  "course-without-lessons",
  "lesson-without-course-index",
  "lesson-duplicate-id",
  "lesson-duplicate-order",
  "lesson-self-prerequisite",
  "lesson-unknown-prerequisite",
  "lesson-unknown-provision",
  "body-law-without-id",
  "body-law-unknown-provision",
  "body-law-not-in-frontmatter",
  "body-term-without-id",
  "body-term-unknown",
  "body-callout-type",
  "body-unknown-component",
] as const;
export type ContentRuleCode = (typeof contentRuleCodes)[number];

export function crossCheck(set: ContentSet): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const at = (code: ContentRuleCode, file: string, locate: (p: FieldPath) => { line: number; column: number }, path: FieldPath, message: string) =>
    issues.push({ file, ...locate(path), field: path.join("."), message, code });

  // Statutes and their provisions.
  const provisions = new Set<string>();
  const statuteFiles = new Map<string, string>();
  for (const { file, data, locate } of set.statutes) {
    const expectedName = `${data.id}.yaml`;
    if (!file.endsWith(`/${expectedName}`)) at("statute-file-name", file, locate, ["id"], `文件名应与法规编号一致：请把文件命名为 ${expectedName}，或把 id 改成文件名`);
    const other = statuteFiles.get(data.id);
    if (other) at("statute-duplicate-id", file, locate, ["id"], `法规编号 ${data.id} 已在 ${other} 中使用`);
    statuteFiles.set(data.id, file);
    const seen = new Set<number>();
    data.provisions.forEach((p, i) => {
      if (seen.has(p.article)) at("statute-duplicate-article", file, locate, ["provisions", i, "article"], `第 ${p.article} 条重复出现，每条只写一次`);
      seen.add(p.article);
      provisions.add(provisionId(data.id, p.article));
    });
  }
  const checkLaw = (code: ContentRuleCode, file: string, locate: Parameters<typeof at>[2], path: FieldPath, ids: readonly string[]) =>
    ids.forEach((id, i) => {
      if (!provisions.has(id)) at(code, file, locate, [...path, i], unknownProvision(id, provisions));
    });

  // Glossary.
  const terms = new Map<string, string>();
  for (const { file, terms: list, locate } of set.glossaries) {
    list.forEach((term, i) => {
      const other = terms.get(term.id);
      if (other) at("glossary-duplicate-term", file, locate, [i, "id"], `术语编号 ${term.id} 已在 ${other} 中使用，请改用另一个编号或删除重复项`);
      terms.set(term.id, file);
      checkLaw("glossary-unknown-provision", file, locate, [i, "law"], term.law);
    });
  }

  // Courses.
  const courseIds = new Set(set.courses.map((c) => c.data.id));
  const courseOrders = new Map<number, string>();
  for (const course of set.courses) {
    const { file, data, locate, folder } = course;
    if (data.id !== folder) at("course-folder-mismatch", file, locate, ["id"], `课程编号应与文件夹名一致：文件夹是 ${folder}，这里写的是 ${data.id}`);
    const other = courseOrders.get(data.order);
    if (other) at("course-duplicate-order", file, locate, ["order"], `顺序 ${data.order} 已被课程 ${other} 使用`);
    courseOrders.set(data.order, data.id);
    data.prerequisites.forEach((id, i) => {
      if (id === data.id) at("course-self-prerequisite", file, locate, ["prerequisites", i], "课程不能把自己列为先修课程");
      else if (!courseIds.has(id)) at("course-unknown-prerequisite", file, locate, ["prerequisites", i], `没有编号为 ${id} 的课程（现有：${[...courseIds].join("、")}）`);
    });
    checkLaw("course-unknown-provision", file, locate, ["law"], data.law);
    if (!set.lessons.some((l) => l.folder === folder)) at("course-without-lessons", file, locate, [], "这门课程还没有任何课时文件");
  }

  // Lessons.
  const lessonKeys = new Set([...set.lessons.map((l) => `${l.folder}/${l.data.id}`), ...set.unparsedLessonKeys]);
  const seenIds = new Map<string, string>();
  const seenOrders = new Map<string, string>();
  for (const lesson of set.lessons) {
    const { file, data, locate, folder } = lesson;
    if (!set.courseFolders.includes(folder)) {
      issues.push({ file, line: 0, column: 0, field: "", message: `文件夹 ${folder} 里没有 index.mdx：每门课程需要一个 index.mdx 写明课程信息`, code: "lesson-without-course-index" });
    }
    const key = `${folder}/${data.id}`;
    const sameId = seenIds.get(key);
    if (sameId) at("lesson-duplicate-id", file, locate, ["id"], `课时编号 ${data.id} 已被 ${sameId} 使用`);
    seenIds.set(key, file);
    const orderKey = `${folder}#${data.order}`;
    const sameOrder = seenOrders.get(orderKey);
    if (sameOrder) at("lesson-duplicate-order", file, locate, ["order"], `顺序 ${data.order} 已被 ${sameOrder} 使用，同一课程内每课的 order 要不同`);
    seenOrders.set(orderKey, file);
    data.prerequisites.forEach((ref, i) => {
      const resolved = resolveLessonRef(ref, folder);
      if (resolved === key) at("lesson-self-prerequisite", file, locate, ["prerequisites", i], "课时不能把自己列为先修");
      else if (!lessonKeys.has(resolved)) at("lesson-unknown-prerequisite", file, locate, ["prerequisites", i], `找不到课时 ${resolved}：请写 <课程编号>/<课时编号>`);
    });
    checkLaw("lesson-unknown-provision", file, locate, ["law"], data.law);
    issues.push(...checkBody(lesson, provisions, new Set(terms.keys())));
  }
  return issues;
}

function checkBody(entry: MdxEntry<{ law: string[] }>, provisions: Set<string>, terms: Set<string>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const listed = new Set(entry.data.law);
  for (const use of scanComponents(entry.body)) {
    const where = { file: entry.file, line: use.line + entry.bodyOffset + 1, column: use.column, field: "" };
    const say = (code: ContentRuleCode, message: string) => issues.push({ ...where, message, code });
    switch (use.name) {
      case "Law": {
        const id = use.attributes.id;
        if (!id) say("body-law-without-id", '<Law> 缺少 id，例如 <Law id="rmtjf-28" />');
        else if (!provisions.has(id)) say("body-law-unknown-provision", `<Law>：${unknownProvision(id, provisions)}`);
        else if (!listed.has(id)) say("body-law-not-in-frontmatter", `<Law id="${id}"> 引用的条文没有列在 frontmatter 的 law 中：请在 law 里加上 ${id}`);
        break;
      }
      case "Term": {
        const id = use.attributes.id;
        if (!id) say("body-term-without-id", '<Term> 缺少 id，例如 <Term id="sifa-queren">司法确认</Term>');
        else if (!terms.has(id)) say("body-term-unknown", `<Term>：术语表中没有编号为 ${id} 的术语，请先在 content/glossary/ 里添加`);
        break;
      }
      case "Callout": {
        const type = use.attributes.type;
        if (!type || !(calloutTypes as readonly string[]).includes(type)) {
          say("body-callout-type", `<Callout> 的 type 只能是 ${calloutTypes.join(" / ")}（要点 / 常见错误 / 案例），实际是 ${type ? JSON.stringify(type) : "空"}`);
        }
        break;
      }
      default:
        say("body-unknown-component", `未知组件 <${use.name}>：课时中可用的组件是 <Law>、<Term>、<Callout>`);
    }
  }
  return issues;
}

function unknownProvision(id: string, provisions: Set<string>): string {
  const statute = id.split("-")[0];
  const sameStatute = [...provisions].filter((p) => p.startsWith(`${statute}-`));
  return sameStatute.length
    ? `条文 ${id} 不存在：content/law/${statute}.yaml 里没有这一条，请先添加或改正条号`
    : `条文 ${id} 不存在：没有编号为 ${statute} 的法规文件（content/law/${statute}.yaml）`;
}
