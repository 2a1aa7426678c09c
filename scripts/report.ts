/**
 * npm run report -- FILES_OR_FOLDERS… [--out DIR]
 *
 * The class report on the command line: loads learners' exported records and
 * certification applications (folders are read for *.json), prints the class summary,
 * the questions to look at again and each scenario's common mistakes, and writes
 * class.csv and items.csv — byte for byte what /trainers/class/ exports for the same files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { t } from "../src/i18n/zh-CN.ts";
import { readCurrentContent } from "../src/lib/cert/issue-files.ts";
import { classContextOf } from "../src/lib/statistics/class-context.ts";
import { MAX_IMPORT_BYTES } from "../src/lib/progress/export.ts";
import { loadClassFiles, type ClassFile } from "../src/lib/statistics/class-files.ts";
import { classRow, sortRows } from "../src/lib/statistics/class-table.ts";
import { findChoice } from "../src/lib/scenario/engine.ts";
import { AGREEMENT_DEFECTIVE, analyseScenario } from "../src/lib/statistics/decision-analysis.ts";
import { analyseItems } from "../src/lib/statistics/item-analysis.ts";
import { round } from "../src/lib/statistics/numbers.ts";
import { classCsv, flagText, itemCsv, type Say } from "../src/lib/statistics/report-csv.ts";

const say: Say = (key, values) => t(key as never, values);

/** Bytes, as the page reads them, so a file in the wrong text encoding is named the same way. */
function filesOf(paths: string[]): ClassFile[] {
  const out: ClassFile[] = [];
  const read = (path: string, name: string): ClassFile => {
    const size = statSync(path).size;
    return size > MAX_IMPORT_BYTES ? { name, unreadSize: size } : { name, bytes: readFileSync(path) };
  };
  for (const path of paths) {
    if (!existsSync(path)) throw new Error(`没有这个文件或文件夹：${path}`);
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).filter((n) => n.endsWith(".json")).sort()) out.push(read(join(path, name), name));
    } else out.push(read(path, path.split(/[\\/]/).pop() as string));
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf("--out");
  const out = outIndex >= 0 ? argv[outIndex + 1] : ".";
  const paths = argv.filter((a, i) => !a.startsWith("--") && !(outIndex >= 0 && i === outIndex + 1));
  if (!paths.length || !out) {
    console.error("用法：npm run report -- 学员文件或文件夹… [--out 输出文件夹]");
    return 2;
  }
  const root = resolve(import.meta.dirname, "..");
  const content = readCurrentContent(root);
  if ("code" in content) {
    console.error(`内容检查没有通过（${content.values?.n ?? "?"} 个问题），先运行 npm run check。`);
    return 1;
  }
  const loaded = await loadClassFiles(filesOf(paths));
  const context = classContextOf(content);
  // The page's default order, so its CSV and this one are the same file.
  const rows = sortRows(loaded.learners.map((l) => classRow(l, context)), "place");
  const records = loaded.learners.map((l) => l.record);
  const items = analyseItems(records, content.catalog);

  console.log(`学员 ${loaded.learners.length} 人（${loaded.merged} 个文件与同一学员的其他文件合并），未能读取 ${loaded.refused.length} 个文件。`);
  for (const r of loaded.refused) console.log(`  × ${r.name}：${r.problem.message}`);
  for (const level of context.levels) console.log(`${level.title}：${rows.filter((r) => r.readiness[level.id]?.met).length} 人达到自学要求`);
  for (const quiz of items.quizzes) console.log(`${content.facts.quizzes[quiz.quiz] ?? quiz.quiz}：${quiz.learners} 人作答，平均得分率 ${round(quiz.meanScore)}`);
  const flagged = items.items.filter((i) => i.flags.length);
  console.log(`需要再看看的题目 ${flagged.length} 道：`);
  for (const item of flagged) console.log(`  ${item.item}（得分率 ${round(item.facility)}，区分度 ${round(item.itemRest) ?? "—"}）：${item.flags.map((f) => flagText(item, f, say)).join("；")}`);
  for (const scenario of content.scenarios) {
    const a = analyseScenario(scenario, records);
    if (!a.runs) continue;
    const text = (choice: string) => (choice === AGREEMENT_DEFECTIVE ? say("report.agreement.defective") : (findChoice(scenario, choice)?.choice.text ?? choice));
    const top = a.mistakes.slice(0, 3).map((m) => `“${text(m.choice)}”（${m.learners} 人）`).join("、") || "无";
    console.log(`${scenario.title}：${a.learners} 人完成 ${a.runs} 次；常见失误：${top}`);
  }

  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "class.csv"), classCsv(rows, context, say));
  writeFileSync(join(out, "items.csv"), itemCsv(items, say));
  console.log(`已写出 ${join(out, "class.csv")} 和 ${join(out, "items.csv")}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
