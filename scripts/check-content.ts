/**
 * npm run check (first step): validates everything in content/ (courses, lessons, law,
 * glossary, scenarios, quiz banks) and prints each problem as
 * `file:line:column  field: message`. Exit code 1 when anything is wrong; warnings (a
 * lesson objective no quiz item tests) are printed first and do not fail the check.
 */
import { checkAll } from "../src/lib/check-all.ts";
import { contentDir } from "../src/lib/content/content-dir.ts";
import { formatIssues } from "../src/lib/content/issues.ts";

const root = process.cwd();
const { set, scenarios, quizBanks, levels, townships, issues, warnings } = checkAll(root, contentDir(root));

if (warnings.length) {
  console.warn(formatIssues(warnings));
  console.warn(`\n提示：${warnings.length} 处建议修改（不影响发布），见上面每行的文件和行号。\n`);
}

if (issues.length) {
  console.error(formatIssues(issues));
  console.error(`\n内容检查未通过：${issues.length} 个问题。按上面每行的文件和行号修改后，再运行 npm run check。`);
  process.exit(1);
}
const terms = set.glossaries.reduce((n, g) => n + g.terms.length, 0);
const provisions = set.statutes.reduce((n, s) => n + s.data.provisions.length, 0);
console.log(
  `内容检查通过：${set.courses.length} 门课程，${set.lessons.length} 课时，${set.statutes.length} 部法规（${provisions} 条），${terms} 个术语，` +
    `${scenarios.length} 个情景模拟，${quizBanks} 个题库，${levels.length} 个认证级别，${townships.length} 个乡镇。`,
);
