/**
 * The township checker: the shipped files pass, and each mistake yields its issue at the
 * line and column a trainer must edit, with a zh-CN fix.
 */
import { describe, expect, it } from "vitest";
import { checkTownships, checkTownshipText, findPlace, townshipIdOf } from "../../../src/lib/townships/check.ts";
import { checkTownshipDir } from "../../../src/lib/townships/files.ts";
import { formatIssues } from "../../../src/lib/content/issues.ts";

const FILE = "content/townships/xiping-zhen.yaml";
const good = `name: 西坪镇\ncounty: 清溪县\nvillages:\n  dongcun: 东村\n  xicun: 西村\n`;

describe("townships", () => {
  it("the shipped townships pass, sorted by id, with 西坪镇 and its 东村", () => {
    const { townships, issues } = checkTownshipDir(process.cwd(), "content/townships");
    expect(formatIssues(issues)).toBe("");
    expect(townships.length).toBeGreaterThanOrEqual(2);
    expect(townships.map((t) => t.id)).toEqual([...townships.map((t) => t.id)].sort());
    const xiping = townships.find((t) => t.id === "xiping-zhen");
    expect(xiping).toMatchObject({ name: "西坪镇", county: "清溪县" });
    expect(xiping?.villages.dongcun).toBe("东村");
  });

  it("reads a good file with its id from the file name", () => {
    const r = checkTownshipText(good, FILE);
    expect(r.issues).toEqual([]);
    expect(r.township).toEqual({ id: "xiping-zhen", name: "西坪镇", county: "清溪县", villages: { dongcun: "东村", xicun: "西村" } });
    expect(townshipIdOf("a/b/hekou-zhen.yml")).toBe("hekou-zhen");
  });

  const cases: [string, string, [number, number], RegExp][] = [
    ["unknown field", good + "mayor: 某某\n", [6, 1], /不认识的字段 mayor/],
    ["missing county", good.replace("county: 清溪县\n", ""), [1, 1], /缺少所属县/],
    ["short name", good.replace("西坪镇", "西"), [1, 7], /至少 2 个字/],
    ["bad village id", good.replace("xicun", "Xi_Cun"), [5, 3], /村（社区）编号只能用小写字母/],
    ["empty village name", good.replace("西村", '""'), [5, 10], /村（社区）名称至少 2 个字/],
    ["no villages", "name: 西坪镇\ncounty: 清溪县\nvillages: {}\n", [3, 11], /至少写一个村/],
    ["village list instead of map", "name: 西坪镇\ncounty: 清溪县\nvillages:\n  - 东村\n", [4, 3], /编号: 名称/],
    ["the same village name twice", good.replace("西村", "东村"), [5, 10], /村名「东村」与 dongcun 重复/],
    ["yaml syntax", "name: [西坪镇\n", [2, 1], /YAML 格式错误/],
  ];
  it.each(cases)("%s", (_, text, [line, column], message) => {
    const { township, issues } = checkTownshipText(text, FILE);
    expect(township).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: FILE, line, column });
    expect(issues[0].message).toMatch(message);
  });

  it("an empty file and a bad file name are named", () => {
    expect(checkTownshipText("", FILE).issues[0].message).toMatch(/文件是空的/);
    const bad = checkTownshipText(good, "content/townships/Xi Ping.yaml");
    expect(bad.issues.map((i) => i.message)).toEqual([expect.stringMatching(/不能作乡镇编号/)]);
    expect(bad.township).toBeUndefined();
  });

  it("checks every file and keeps only the good ones", () => {
    const r = checkTownships([
      { file: "content/townships/b-zhen.yaml", text: good },
      { file: "content/townships/a-zhen.yaml", text: good },
      { file: "content/townships/c-zhen.yaml", text: "name: 1\n" },
    ]);
    expect(r.townships.map((t) => t.id)).toEqual(["a-zhen", "b-zhen"]);
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.every((i) => i.file === "content/townships/c-zhen.yaml")).toBe(true);
  });

  it("findPlace knows townships and their villages", () => {
    const { townships } = checkTownships([{ file: FILE, text: good }]);
    expect(findPlace(townships, "xiping-zhen", "dongcun")).toMatchObject({ ok: true, village: "东村" });
    expect(findPlace(townships, "xiping-zhen")).toMatchObject({ ok: true });
    expect(findPlace(townships, "xiping-zhen", "nocun")).toEqual({ ok: false, problem: "unknown-village" });
    expect(findPlace(townships, "xiping-zhen", "toString")).toEqual({ ok: false, problem: "unknown-village" });
    expect(findPlace(townships, "nowhere", "dongcun")).toEqual({ ok: false, problem: "unknown-township" });
  });
});
