/**
 * checkTownshipDir reads every .yaml and .yml file of the folder, in file-name order, and
 * nothing else (a note or a backup copy beside them is not a township); a village name
 * given twice is reported at the field a trainer must edit.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { checkTownshipText } from "../../../src/lib/townships/check.ts";
import { checkTownshipDir } from "../../../src/lib/townships/files.ts";

const good = (name: string) => `name: ${name}\ncounty: 清溪县\nvillages:\n  dongcun: 东村\n`;
const root = mkdtempSync(join(tmpdir(), "townships-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("reads .yaml and .yml files only, in file-name order", () => {
  writeFileSync(join(root, "b-zhen.yaml"), good("北山镇"));
  writeFileSync(join(root, "a-zhen.yml"), good("安平镇"));
  writeFileSync(join(root, "c-zhen.yaml.bak"), "not: a township\n");
  writeFileSync(join(root, "notes.txt"), "备注\n");
  const { townships, issues } = checkTownshipDir(root, root);
  expect(issues).toEqual([]);
  expect(townships.map((t) => t.id)).toEqual(["a-zhen", "b-zhen"]);
});

it("a village name given twice is reported at that village's field", () => {
  const text = "name: 西坪镇\ncounty: 清溪县\nvillages:\n  dongcun: 东村\n  xicun: 东村\n";
  const { issues } = checkTownshipText(text, "content/townships/xiping-zhen.yaml");
  expect(issues.map((i) => i.field)).toEqual(["villages.xicun"]);
});
