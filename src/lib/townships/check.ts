/**
 * The township checker behind `npm run check`: the schema, the file name as id, and
 * village names given twice, each issue at file, line and column with a zh-CN fix.
 */
import { SLUG } from "../id-patterns.ts";
import type { ContentIssue } from "../content/issues.ts";
import { parseYamlSource } from "../content/source.ts";
import { zodIssues } from "../content/zod-issues.ts";
import { townshipSchema, VILLAGE_ID_MESSAGE, type Township } from "./schema.ts";


/** `content/townships/xiping-zhen.yaml` → `xiping-zhen`. */
export const townshipIdOf = (file: string): string => (file.split("/").pop() ?? file).replace(/\.ya?ml$/, "");

export function checkTownshipText(text: string, file: string): { township: Township | undefined; issues: ContentIssue[] } {
  const source = parseYamlSource(text, file);
  if (source.issues.length) return { township: undefined, issues: source.issues };
  if (source.data === undefined || source.data === null) {
    return { township: undefined, issues: [{ file, line: 1, column: 1, field: "", message: "文件是空的：请按 content/townships/xiping-zhen.yaml 的样子写乡镇名称 name、所属县 county 和村 villages" }] };
  }
  const id = townshipIdOf(file);
  const issues: ContentIssue[] = [];
  if (!SLUG.test(id)) {
    issues.push({ file, line: 1, column: 1, field: "", message: `文件名 ${id} 不能作乡镇编号：只能用小写字母、数字和连字符，例如 xiping-zhen.yaml` });
  }
  const parsed = townshipSchema.safeParse(source.data);
  if (!parsed.success) {
    // A bad village id is the key itself: point there, not at its name.
    const located = zodIssues(parsed.error, file, source.locate).map((issue) =>
      issue.message.startsWith(VILLAGE_ID_MESSAGE) ? { ...issue, ...source.locate(issue.field.split("."), { key: true }) } : issue,
    );
    return { township: undefined, issues: [...issues, ...located] };
  }

  const seen = new Map<string, string>();
  for (const [village, name] of Object.entries(parsed.data.villages)) {
    const first = seen.get(name);
    if (first) {
      issues.push({ file, ...source.locate(["villages", village]), field: `villages.${village}`, message: `村名「${name}」与 ${first} 重复：同一乡镇的村名不能相同，请改名或删除一项` });
    } else seen.set(name, village);
  }
  return { township: issues.length ? undefined : { id, ...parsed.data }, issues };
}

/** Every township file; ids are file names, so they are unique by construction. */
export function checkTownships(files: readonly { file: string; text: string }[]): { townships: Township[]; issues: ContentIssue[] } {
  const results = files.map(({ file, text }) => checkTownshipText(text, file));
  return {
    townships: results.flatMap((r) => (r.township ? [r.township] : [])).sort((a, b) => a.id.localeCompare(b.id)),
    issues: results.flatMap((r) => r.issues),
  };
}

/** Is `village` a village of `township`? For the issue CLI's --township / --village. */
export function findPlace(townships: readonly Township[], township: string, village?: string): { ok: true; township: Township; village?: string } | { ok: false; problem: "unknown-township" | "unknown-village" } {
  const t = townships.find((x) => x.id === township);
  if (!t) return { ok: false, problem: "unknown-township" };
  if (village === undefined) return { ok: true, township: t };
  return Object.hasOwn(t.villages, village) ? { ok: true, township: t, village: t.villages[village] } : { ok: false, problem: "unknown-village" };
}
