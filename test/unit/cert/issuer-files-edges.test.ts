/**
 * content/issuers/*.yaml mistakes one at a time, each with the zh-CN message the trainer
 * reads, and what a correct file turns into (optional fields only when written).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkIssuerDir, checkIssuerText } from "../../../src/lib/cert/issuer-files.ts";

const DID = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
const FIELDS: Record<string, string> = { id: "qx", name: "清溪县司法局", kind: "county", uri: "https://qx.example/", numberPrefix: "QX" };
const KEY: Record<string, string> = { id: DID, validFrom: "2026-01-01" };

function yaml(fields: Record<string, string | undefined> = {}, key: Record<string, string | undefined> = {}, keys = true): string {
  const top = Object.entries({ ...FIELDS, ...fields }).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  const k = Object.entries({ ...KEY, ...key }).filter(([, v]) => v !== undefined).map(([name, v], i) => `${i === 0 ? "  - " : "    "}${name}: ${v}`);
  return [...top, ...(keys ? ["keys:", ...k] : [])].join("\n") + "\n";
}
const messages = (text: string, file = "content/issuers/qx.yaml") => checkIssuerText(text, file).issues.map((i) => i.message);

describe("issuer file mistakes", () => {
  it("each top-level field, missing or wrong", () => {
    expect(messages(yaml())).toEqual([]);
    expect(messages(yaml({ name: undefined }))).toEqual(["缺少发证机构名称 name，例如 清溪县司法局"]);
    expect(messages(yaml({ name: "清" }))).toEqual(["名称 name 至少 2 个字"]);
    expect(messages(yaml({ name: "清".repeat(41) }))).toEqual(["名称 name 最多 40 个字"]);
    expect(messages(yaml({ uri: undefined }))).toEqual(["缺少机构标识 uri（机构自己的网址，例如 https://sfj.qingxi.gov.cn/）"]);
    for (const uri of ["see https://qx.example/", "https://qx.example/#k", "http://qx.example/"]) expect(messages(yaml({ uri: `"${uri}"` })), uri).toEqual(["机构标识 uri 应为以 https:// 开头的网址（不含 # 和 ?），或 urn: 开头的标识"]);
    expect(messages(yaml({ uri: "urn:example:qx" }))).toEqual([]);
    expect(messages(yaml({ numberPrefix: undefined }))).toEqual(["缺少证书编号前缀 numberPrefix（2–8 位大写字母或数字，例如 QX）"]);
    for (const prefix of ["qQX", "QX-", "Q"]) expect(messages(yaml({ numberPrefix: prefix })), prefix).toEqual(["证书编号前缀 numberPrefix 应为 2–8 位大写字母或数字，例如 QX"]);
    expect(messages(yaml({}, {}, false))).toEqual(["缺少公钥列表 keys（至少一把，用 npm run cert -- keygen 生成）"]);
    expect(messages(yaml({ keys: "[]" }, {}, false))).toEqual(["公钥列表 keys 至少要有一把公钥"]);
  });

  it("each key field, missing or wrong", () => {
    expect(messages(yaml({}, { id: undefined, validFrom: "2026-01-01" }))).toEqual(["缺少公钥 id（keygen 打印的 did:key:z6Mk…）"]);
    expect(messages(yaml({}, { id: "did:key:z6Mk" }))).toEqual(["公钥 id 应为 keygen 打印的 did:key:z6Mk…（Ed25519），请整行复制，不要加 # 后面的部分"]);
    expect(messages(yaml({}, { validFrom: undefined }))).toEqual(["缺少启用日期 validFrom（日期，例如 2026-01-01）"]);
    expect(messages(yaml({}, { validFrom: "20260101" }))).toEqual(["启用日期 validFrom应写成日期，例如 2026-01-01"]);
    expect(messages(yaml({}, { validUntil: "2026-13-01" }))).toEqual(["停用日期 validUntil 不是真实存在的日期：应写成 YYYY-MM-DD，例如 2026-01-01"]);
    expect(messages(yaml({}, { compromised: "yes" }))).toEqual(["compromised 只能写 true（密钥泄露）或删去"]);
    expect(messages(yaml({}, { note: "备".repeat(201) }))).toEqual(["备注 note 最多 200 个字"]);
    expect(messages(yaml({}, { validUntil: "2026-01-01" }))).toEqual([]);
  });

  it("a file named exactly after its id, without a folder, is fine; a file with only a comment is empty", () => {
    expect(messages(yaml(), "qx.yaml")).toEqual([]);
    expect(checkIssuerText("# 只有注释\n", "content/issuers/qx.yaml").issues).toEqual([{ file: "content/issuers/qx.yaml", line: 1, column: 1, field: "", message: "文件是空的" }]);
  });

  it("optional key fields appear only when written", () => {
    const plain = checkIssuerText(yaml(), "content/issuers/qx.yaml").issuer!.issuer.keys[0];
    expect(plain).toStrictEqual({ id: DID, validFrom: "2026-01-01" });
    const full = checkIssuerText(yaml({}, { validUntil: "2026-12-31", compromised: "true", note: "泄露" }), "content/issuers/qx.yaml").issuer!.issuer.keys[0];
    expect(full).toStrictEqual({ id: DID, validFrom: "2026-01-01", validUntil: "2026-12-31", compromised: true, note: "泄露" });
    const notCompromised = checkIssuerText(yaml({}, { compromised: "false" }), "content/issuers/qx.yaml").issuer!.issuer.keys[0];
    expect(notCompromised).toStrictEqual({ id: DID, validFrom: "2026-01-01" });
  });

  it("a folder: .yaml and .yml files only, in name order", () => {
    const root = mkdtempSync(join(tmpdir(), "issuers-"));
    const dir = join(root, "issuers");
    mkdirSync(dir);
    writeFileSync(join(dir, "zz.yml"), yaml({ id: "zz", uri: "https://zz.example/", numberPrefix: "ZZ" }, { id: "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG" }));
    writeFileSync(join(dir, "qx.yaml"), yaml());
    writeFileSync(join(dir, "old.yaml.bak"), "id: [");
    writeFileSync(join(dir, "notes.txt"), "x");
    const { issuers, issues } = checkIssuerDir(root, dir);
    expect(issuers.map((i) => i.file)).toEqual(["issuers/qx.yaml", "issuers/zz.yml"]);
    expect(issues.map((i) => i.file)).not.toContain("issuers/old.yaml.bak");
  });
});
