/**
 * The printable paper and answer sheet (one HTML file, A4, print stylesheet) for a written
 * exam in a hall without computers. Question-only, like the paper file: it is made from
 * the paper, never from the bank. Options are lettered A, B, C … as on the screen's paper
 * ids; candidates write letters on the answer sheet.
 */
import type { Fill } from "./problem.ts";
import { paperMax, type ExamPaper, type PaperItem } from "./paper.ts";

/** The `exam.print.*` strings, picked by the caller (rules never import src/i18n). */
type Strings = Readonly<Record<string, string>>;

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const letter = (id: string) => id.toUpperCase();

function itemHtml(item: PaperItem, n: number, s: Strings, fill: Fill): string {
  const head = `<p class="stem"><b>${n}.</b> ${escape(item.stem)} <span class="pts">${escape(fill(s["exam.print.points"], { n: item.points }))}</span></p>`;
  const situation = item.situation ? `<p class="situation">${escape(s["exam.print.situation"])}${escape(item.situation)}</p>` : "";
  const hint = `<p class="hint">${escape(s[`exam.print.hint.${item.type}`] ?? "")}</p>`;
  let body = "";
  if (item.type === "true-false") body = "";
  else if (item.type === "matching") {
    body = `<ol class="prompts">${(item.prompts ?? []).map((p) => `<li>${escape(p.text)}　（　　）</li>`).join("")}</ol>`;
    body += `<ul class="options">${(item.options ?? []).map((o) => `<li>${letter(o.id)}. ${escape(o.text)}</li>`).join("")}</ul>`;
  } else body = `<ul class="options">${(item.options ?? []).map((o) => `<li>${letter(o.id)}. ${escape(o.text)}</li>`).join("")}</ul>`;
  return `<section class="item">${situation}${head}${hint}${body}</section>`;
}

function answerRow(item: PaperItem, n: number): string {
  const cells = item.type === "matching" ? (item.prompts ?? []).map((_, i) => `${i + 1}.（　）`).join(" ") : "";
  return `<tr><th scope="row">${n}</th><td>${cells}</td><td></td></tr>`;
}

export function printablePaper(paper: ExamPaper, s: Strings, fill: Fill): string {
  const v = { title: paper.title, id: paper.id, level: paper.level, minutes: paper.timeLimit, passMark: paper.passMark, max: paperMax(paper), n: paper.items.length };
  const fields = `<p class="fields">${escape(s["exam.print.fields"])}</p>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escape(fill(s["exam.print.title"], v))}</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
body { font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 11pt; line-height: 1.6; color: #000; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4pt; }
.meta, .hint, .pts { color: #333; font-size: 10pt; }
.hint { margin: 0; }
.meta { text-align: center; }
.fields { border: 1px solid #000; padding: 6pt; }
.item { break-inside: avoid; margin: 8pt 0; }
.stem { margin: 0; }
.situation { border-left: 3px solid #666; padding-left: 6pt; margin: 0 0 4pt; }
.options, .prompts { margin: 2pt 0 0 1.5em; padding: 0; }
.options { list-style: none; }
.sheet { break-before: page; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 4pt 6pt; text-align: left; height: 18pt; }
@media screen { body { padding: 16px; } .sheet { border-top: 2px dashed #666; margin-top: 24px; padding-top: 16px; } }
</style>
</head>
<body>
<main>
<h1>${escape(paper.title)}</h1>
<p class="meta">${escape(fill(s["exam.print.meta"], v))}</p>
${fields}
<p>${escape(fill(s["exam.print.instructions"], v))}</p>
${paper.items.map((item, i) => itemHtml(item, i + 1, s, fill)).join("\n")}
<section class="sheet">
<h1>${escape(fill(s["exam.print.sheetTitle"], v))}</h1>
<p class="meta">${escape(fill(s["exam.print.meta"], v))}</p>
${fields}
<table>
<thead><tr><th scope="col">${escape(s["exam.print.col.n"])}</th><th scope="col">${escape(s["exam.print.col.answer"])}</th><th scope="col">${escape(s["exam.print.col.score"])}</th></tr></thead>
<tbody>
${paper.items.map((item, i) => answerRow(item, i + 1)).join("\n")}
</tbody>
</table>
<p>${escape(s["exam.print.marker"])}</p>
</section>
</main>
</body>
</html>
`;
}
