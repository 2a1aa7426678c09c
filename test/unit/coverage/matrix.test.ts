/** The coverage matrix: provisions × lessons, scenarios, items; objectives × items. */
import { describe, expect, it } from "vitest";
import { parseObjectiveRef, objectiveRef, OBJECTIVE_REF } from "../../../src/lib/content/objective-ref.ts";
import { buildCoverage, scenarioLaw, type CoverageSource } from "../../../src/lib/coverage/matrix.ts";

const source: CoverageSource = {
  statutes: [
    { id: "rmtjf", shortTitle: "人民调解法", provisions: [{ article: 17, heading: "申请与主动调解" }, { article: 28, heading: "调解协议书" }, { article: 35, heading: "施行日期" }] },
    { id: "mfd", shortTitle: "民法典", provisions: [{ article: 288, heading: "相邻关系" }] },
  ],
  lessons: [
    { key: "procedure/starting-mediation", title: "调解的启动", law: ["rmtjf-17"], objectives: ["说出启动的三种来源", "区分明确拒绝和一时有气"] },
    { key: "procedure/the-agreement", title: "调解协议", law: ["rmtjf-28", "rmtjf-17"], objectives: ["说出协议书的生效条件"] },
  ],
  scenarios: [
    { id: "drainage-ditch", title: "排水沟", law: ["mfd-288", "rmtjf-28"] },
    { id: "lane-scuffle", title: "巷口推搡", law: ["rmtjf-28"] },
  ],
  items: [
    { id: "a", bank: "procedure", law: ["rmtjf-17"], objective: "procedure/starting-mediation#2" },
    { id: "b", bank: "procedure", law: ["rmtjf-17", "rmtjf-28"], objective: "procedure/starting-mediation#2" },
    { id: "c", bank: "procedure", law: ["rmtjf-28"] },
    { id: "d", bank: "disputes", law: [], objective: "procedure/the-agreement#1" },
  ],
};

describe("buildCoverage", () => {
  // Built inside each test (not at load time), so mutation testing sees which test covers what.
  const cover = () => buildCoverage(source);
  const row = (id: string) => cover().provisions.find((p) => p.id === id);

  it("lists every provision of every statute once, in file order, with its heading", () => {
    expect(cover().provisions.map((p) => [p.id, p.statute, p.article, p.heading])).toEqual([
      ["rmtjf-17", "rmtjf", 17, "申请与主动调解"],
      ["rmtjf-28", "rmtjf", 28, "调解协议书"],
      ["rmtjf-35", "rmtjf", 35, "施行日期"],
      ["mfd-288", "mfd", 288, "相邻关系"],
    ]);
  });

  it("names the lessons that teach, scenarios that practise and items that assess each provision", () => {
    expect(row("rmtjf-17")).toMatchObject({ lessons: ["procedure/starting-mediation", "procedure/the-agreement"], scenarios: [], items: ["a", "b"] });
    expect(row("rmtjf-28")).toMatchObject({ lessons: ["procedure/the-agreement"], scenarios: ["drainage-ditch", "lane-scuffle"], items: ["b", "c"] });
    expect(row("mfd-288")).toMatchObject({ lessons: [], scenarios: ["drainage-ditch"], items: [] });
  });

  it("lists a provision nobody cites as uncited, and only that one", () => {
    expect(cover().uncited).toEqual(["rmtjf-35"]);
  });

  it("counts a citation repeated in one lesson, scenario or item once", () => {
    const twice = buildCoverage({
      ...source,
      lessons: [{ ...source.lessons[0], law: ["rmtjf-17", "rmtjf-17"] }],
      scenarios: [{ id: "s", title: "S", law: ["rmtjf-17", "rmtjf-17"] }],
      items: [{ id: "x", bank: "b", law: ["rmtjf-17", "rmtjf-17"] }],
    });
    expect(twice.provisions[0]).toMatchObject({ lessons: ["procedure/starting-mediation"], scenarios: ["s"], items: ["x"] });
  });

  it("lists every objective of every lesson, numbered from 1, with the items that test it", () => {
    expect(cover().objectives).toEqual([
      { ref: "procedure/starting-mediation#1", lesson: "procedure/starting-mediation", n: 1, text: "说出启动的三种来源", items: [] },
      { ref: "procedure/starting-mediation#2", lesson: "procedure/starting-mediation", n: 2, text: "区分明确拒绝和一时有气", items: ["a", "b"] },
      { ref: "procedure/the-agreement#1", lesson: "procedure/the-agreement", n: 1, text: "说出协议书的生效条件", items: ["d"] },
    ]);
  });

  it("ignores an item objective that names no objective (the quiz checker reports it)", () => {
    const odd = buildCoverage({ ...source, items: [{ id: "z", bank: "b", law: [], objective: "procedure/starting-mediation#9" }, { id: "y", bank: "b", law: [], objective: "nonsense" }] });
    expect(odd.objectives.flatMap((o) => o.items)).toEqual([]);
  });
});

describe("scenarioLaw", () => {
  it("collects `law` from the scenario, its nodes, choices, clauses and endings, each id once in first-seen order", () => {
    const scenario = {
      id: "x",
      law: ["rmtjf-17"],
      nodes: {
        start: { kind: "choice", choices: [{ id: "a", law: ["rmtjf-25"] }, { id: "b", law: ["rmtjf-17"] }] },
        deal: { kind: "agreement", clauses: [{ id: "c", law: ["rmtjf-29"] }] },
        end: { kind: "ending", law: ["rmtjf-26"], debrief: "law: [rmtjf-99] in text is not a citation" },
      },
    };
    expect(scenarioLaw(scenario)).toEqual(["rmtjf-17", "rmtjf-25", "rmtjf-29", "rmtjf-26"]);
  });

  it("skips values of `law` that are not lists of strings", () => {
    expect(scenarioLaw({ law: "rmtjf-17", nodes: [{ law: [1, "rmtjf-18", null] }] })).toEqual(["rmtjf-18"]);
    expect(scenarioLaw(null)).toEqual([]);
  });
});

describe("objective references", () => {
  it("read <course>/<lesson>#<n>", () => {
    expect(parseObjectiveRef("procedure/starting-mediation#2")).toEqual({ lesson: "procedure/starting-mediation", n: 2 });
    expect(parseObjectiveRef("procedure/starting-mediation#12")).toEqual({ lesson: "procedure/starting-mediation", n: 12 });
    expect(objectiveRef("procedure/the-session", 3)).toBe("procedure/the-session#3");
  });

  it("refuse other forms", () => {
    for (const bad of ["starting-mediation#2", "procedure/starting-mediation", "procedure/starting-mediation#0", "procedure/starting-mediation#02", "procedure/starting-mediation#2x", "x/procedure/starting-mediation#2", "Procedure/start#1", " procedure/a#1"]) {
      expect(parseObjectiveRef(bad), bad).toBeUndefined();
      expect(OBJECTIVE_REF.test(bad), bad).toBe(false);
    }
  });
});
