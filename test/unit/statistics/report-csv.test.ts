/** The report's CSV files column by column, from hand-made figures and rows. */
import { describe, expect, it } from "vitest";
import type { Level } from "../../../src/lib/certification/schema.ts";
import type { ClassContext } from "../../../src/lib/statistics/class-table.ts";
import type { ItemFigures } from "../../../src/lib/statistics/item-analysis.ts";
import { classCsv, flagText, itemCsv, optionLabel, type Say } from "../../../src/lib/statistics/report-csv.ts";
import { rowOf } from "./class-fixture.ts";

/** Echoes the key and its values, without commas or quotes, so the CSV below needs no quoting. */
const say: Say = (key, values) => (values ? `${key}(${Object.entries(values).map(([k, v]) => `${k}=${v}`).join(" ")})` : key);
/** The file's lines without the byte-order mark and the final line break. */
const linesOf = (csv: string) => csv.replace(/^\uFEFF/, "").replace(/\r\n$/, "").split("\r\n");

const figures = (extra: Partial<ItemFigures>): ItemFigures => ({
  quiz: "t",
  item: "q1",
  type: "single",
  attempts: 10,
  answered: 10,
  facility: 0.5,
  itemRest: 0.2,
  upperLower: 0.3,
  options: [],
  flags: [],
  ...extra,
});

describe("option labels and flag texts", () => {
  it("letters choice options by position and words true-false options", () => {
    expect(optionLabel({ type: "single" }, { option: "x", index: 2 }, say)).toBe("C");
    expect(optionLabel({ type: "true-false" }, { option: "true", index: 0 }, say)).toBe("report.option.true");
    expect(optionLabel({ type: "true-false" }, { option: "false", index: 1 }, say)).toBe("report.option.false");
  });

  it("names the misleading option by its label, and words the other flags by their code", () => {
    const item = figures({
      options: [
        { option: "a", index: 0, correct: true, chosen: 5, upperChosen: 3, lowerChosen: 1 },
        { option: "b", index: 1, correct: false, chosen: 5, upperChosen: 3, lowerChosen: 0 },
      ],
    });
    expect(flagText(item, { code: "misleading-option", option: "b", index: 1 }, say)).toBe("report.flag.misleading-option(option=B)");
    expect(flagText(item, { code: "too-hard" }, say)).toBe("report.flag.too-hard");
    // An option the figures do not list (not produced by analyseItems, but the text still reads).
    expect(flagText(item, { code: "misleading-option", option: "d", index: 3 }, say)).toBe("report.flag.misleading-option(option=D)");
    const statement = figures({ type: "true-false", options: [] });
    expect(flagText(statement, { code: "misleading-option", option: "false", index: 1 }, say)).toBe("report.flag.misleading-option(option=report.option.false)");
  });
});

describe("the question CSV", () => {
  it("has the header in column order and one line per item, figures rounded to two decimals", () => {
    const csv = itemCsv(
      {
        quizzes: [],
        unknownItems: [],
        items: [
          figures({
            item: "q2",
            type: "true-false",
            answered: 9,
            facility: 0.456,
            itemRest: -0.123,
            upperLower: 1 / 3,
            options: [
              { option: "true", index: 0, correct: true, chosen: 6, upperChosen: 3, lowerChosen: 1 },
              { option: "false", index: 1, correct: false, chosen: 3, upperChosen: 0, lowerChosen: 2 },
            ],
            flags: [{ code: "negative-discrimination" }, { code: "misleading-option", option: "false", index: 1 }],
          }),
          figures({ item: "q9", type: "ordering", attempts: 1, answered: 0, facility: undefined, itemRest: undefined, upperLower: undefined }),
        ],
      },
      say,
    );
    expect(linesOf(csv)).toEqual([
      "report.items.quiz,report.items.item,report.items.type,report.items.attempts,report.items.answered,report.items.facility,report.items.itemRest,report.items.upperLower,report.items.options,report.items.flags",
      "t,q2,report.type.true-false,10,9,0.46,-0.12,0.33," +
        "report.option.figures(label=report.option.true chosen=6 upper=3 lower=1)；report.option.figures(label=report.option.false chosen=3 upper=0 lower=2)," +
        "report.flag.negative-discrimination；report.flag.misleading-option(option=report.option.false)",
      "t,q9,report.type.ordering,1,0,,,,,",
    ]);
  });
});

describe("the class CSV", () => {
  const level = (id: string, title: string) => ({ id, title }) as unknown as Level;
  const context: ClassContext = {
    facts: { courses: {}, quizzes: { t: "结课测试" }, scenarios: { cart: "三轮车", wall: "界墙" }, levels: {} },
    levels: [level("pre-job", "岗前"), level("mid", "中级")],
    finals: ["t", "retired-final"],
    scenarios: ["cart", "wall", "gone"],
  };

  it("titles the final, scenario and level columns, falling back to the id for content no longer listed", () => {
    expect(linesOf(classCsv([], context, say))).toEqual([
      "report.class.name,report.class.township,report.class.village,report.class.lessons," +
        "report.class.final(title=结课测试),report.class.final(title=retired-final)," +
        "report.class.scenario(title=三轮车),report.class.scenario(title=界墙),report.class.scenario(title=gone)," +
        "report.class.hours,report.class.level(title=岗前),report.class.level(title=中级),report.class.last",
    ]);
  });

  it("writes shares to two decimals, hours to one, outcomes and levels worded, and the date of the last activity", () => {
    const rows = [
      rowOf("A", {
        lessonsDone: 1,
        finals: { t: 2 / 3 },
        scenarios: { cart: { outcome: "breakdown", best: 0.5 }, wall: { best: 0 } },
        ms: 1_000_000,
        readiness: { "pre-job": { met: true, done: 3, total: 3 } },
        last: "2026-05-04T08:00:00.000Z",
      }),
      rowOf("B", { ms: 5_400_000, readiness: { mid: { met: false, done: 1, total: 4 } } }),
    ];
    expect(linesOf(classCsv(rows, context, say)).slice(1)).toEqual([
      "学员A,城关镇,东关村,1/2,0.67,,report.outcome.breakdown,report.outcome.none,,0.3,report.level.met(done=3 total=3),,2026-05-04",
      "学员B,城关镇,东关村,0/2,,,,,,1.5,,report.level.short(done=1 total=4),",
    ]);
  });
});
