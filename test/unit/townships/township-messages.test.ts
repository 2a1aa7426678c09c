/**
 * What a trainer reads when a township file is wrong: each message names the field in
 * Chinese with its YAML key, and shows an example of a right value.
 */
import { expect, it } from "vitest";
import { checkTownshipText } from "../../../src/lib/townships/check.ts";

const FILE = "content/townships/xiping-zhen.yaml";
const messages = (text: string) => checkTownshipText(text, FILE).issues.map((i) => i.message);

it("names the field and gives an example", () => {
  expect(messages("county: 清溪县\nvillages:\n  dongcun: 东村\n")).toEqual(["缺少乡镇名称 name（例如 西坪镇）"]);
  expect(messages("name: 7\ncounty: 清溪县\nvillages:\n  dongcun: 东村\n")).toEqual(["乡镇名称 name应为文字，例如 西坪镇"]);
  expect(messages(`name: 西坪镇\ncounty: ${"清".repeat(21)}\nvillages:\n  dongcun: 东村\n`)).toEqual(["所属县（区）county最多 20 个字"]);
  expect(messages("name: 西坪镇\ncounty: 清溪县\nvillages:\n  dongcun: 东\n")).toEqual(["村（社区）名称至少 2 个字，例如 东村"]);
  expect(messages("name: 西坪镇\ncounty: 清溪县\n")).toEqual(["缺少村（社区）列表 villages：每行写「编号: 名称」，例如 dongcun: 东村"]);
});
