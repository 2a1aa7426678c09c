/**
 * The CSV files of the class report. One function per file, used by both the page
 * (/trainers/class/) and `npm run report`, so the two give byte-identical files on the
 * same records. Wording comes from the caller (`say`, over src/i18n), numbers are rounded
 * here: two decimals for shares and correlations, one for hours.
 */
import { csvText, type CsvValue } from "../csv.ts";
import type { ClassContext, ClassRow } from "./class-table.ts";
import type { ItemAnalysis, ItemFigures, ItemFlag } from "./item-analysis.ts";
import { round } from "./numbers.ts";

/** Words a key with values, e.g. say("report.flag.too-easy"). */
export type Say = (key: string, values?: Record<string, string | number>) => string;

/** A, B, C … for choice options; 对 / 错 for true-false. */
export function optionLabel(item: Pick<ItemFigures, "type">, option: { option: string; index: number }, say: Say): string {
  if (item.type === "true-false") return say(option.option === "true" ? "report.option.true" : "report.option.false");
  return String.fromCharCode(65 + option.index);
}

export function flagText(item: ItemFigures, flag: ItemFlag, say: Say): string {
  if (flag.code === "misleading-option") {
    const option = item.options.find((o) => o.option === flag.option) ?? { option: flag.option, index: flag.index };
    return say("report.flag.misleading-option", { option: optionLabel(item, option, say) });
  }
  return say(`report.flag.${flag.code}`);
}

export function itemCsv(analysis: ItemAnalysis, say: Say): string {
  const header = ["quiz", "item", "type", "attempts", "answered", "facility", "itemRest", "upperLower", "options", "flags"].map((k) => say(`report.items.${k}`));
  const rows: CsvValue[][] = analysis.items.map((item) => [
    item.quiz,
    item.item,
    say(`report.type.${item.type}`),
    item.attempts,
    item.answered,
    round(item.facility),
    round(item.itemRest),
    round(item.upperLower),
    item.options
      .map((o) => say("report.option.figures", { label: optionLabel(item, o, say), chosen: o.chosen, upper: o.upperChosen, lower: o.lowerChosen }))
      .join("；"),
    item.flags.map((f) => flagText(item, f, say)).join("；"),
  ]);
  return csvText([header, ...rows]);
}

export function classCsv(rows: readonly ClassRow[], context: ClassContext, say: Say): string {
  const header: string[] = [
    say("report.class.name"),
    say("report.class.township"),
    say("report.class.village"),
    say("report.class.lessons"),
    ...context.finals.map((id) => say("report.class.final", { title: context.facts.quizzes[id] ?? id })),
    ...context.scenarios.map((id) => say("report.class.scenario", { title: context.facts.scenarios[id] ?? id })),
    say("report.class.hours"),
    ...context.levels.map((level) => say("report.class.level", { title: level.title })),
    say("report.class.last"),
  ];
  const lines: CsvValue[][] = rows.map((r) => [
    r.name,
    r.township,
    r.village,
    `${r.lessonsDone}/${r.lessonsTotal}`,
    ...context.finals.map((id) => round(r.finals[id])),
    ...context.scenarios.map((id) => (r.scenarios[id] ? say(`report.outcome.${r.scenarios[id].outcome ?? "none"}`) : "")),
    round(r.ms / 3_600_000, 1),
    ...context.levels.map((level) => {
      const l = r.readiness[level.id];
      return l ? say(l.met ? "report.level.met" : "report.level.short", { done: l.done, total: l.total }) : "";
    }),
    r.last?.slice(0, 10) ?? "",
  ]);
  return csvText([header, ...lines]);
}
