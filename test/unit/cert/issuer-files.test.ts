import { describe, expect, it } from "vitest";
import { formatIssues } from "../../../src/lib/content/issues.ts";
import { checkIssuerDir, checkIssuerText } from "../../../src/lib/cert/issuer-files.ts";
import { checkKey } from "../../../src/lib/cert/issuers.ts";

const root = process.cwd();

describe("content/issuers/*.yaml checker", () => {
  it("reads a correct issuer file into an Issuer", () => {
    const { issuers, issues } = checkIssuerDir(root, "test/fixtures/cert/issuers");
    expect(issues).toEqual([]);
    expect(issuers.map((i) => i.issuer)).toEqual([
      {
        id: "qingxi-sfj",
        name: "清溪县司法局",
        kind: "county",
        uri: "https://sfj.qingxi.example.gov.cn/",
        numberPrefix: "QX",
        keys: [
          { id: "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", validFrom: "2026-01-01", validUntil: "2026-12-31", note: "2026 年度签发密钥" },
          { id: "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", validFrom: "2027-01-01" },
        ],
      },
    ]);
  });

  it("names file, line, column and a zh-CN fix for each mistake", () => {
    const { issues } = checkIssuerDir(root, "test/fixtures/cert/issuers-broken");
    expect(formatIssues(issues).split("\n")).toEqual([
      "test/fixtures/cert/issuers-broken/beishan-sfj.yaml:9:17  keys.0.validUntil: 停用日期 2026-12-31 早于启用日期 2027-01-01：请改正其中一个",
      "test/fixtures/cert/issuers-broken/beishan-sfj.yaml:10:9  keys.1.id: 这把公钥在 keys 第 1 项已经列过：同一把公钥只写一次，轮换时给旧公钥加 validUntil",
      "test/fixtures/cert/issuers-broken/qingxi-sfj.yaml:6:6  uri: uri https://sfj.qingxi.example.gov.cn/ 已被 test/fixtures/cert/issuers-broken/beishan-sfj.yaml 使用：每个发证机构要用自己的",
      "test/fixtures/cert/issuers-broken/qingxi-sfj.yaml:7:15  numberPrefix: numberPrefix QX 已被 test/fixtures/cert/issuers-broken/beishan-sfj.yaml 使用：每个发证机构要用自己的",
      "test/fixtures/cert/issuers-broken/qingxi-sfj.yaml:13:9  keys.1.id: 这把公钥已列在 test/fixtures/cert/issuers-broken/beishan-sfj.yaml：一把密钥只属于一个发证机构，请为本机构另行 keygen",
      "test/fixtures/cert/issuers-broken/xiping-tjzx.yaml:3:7  kind: 机构类型 kind 只能是 county（县级司法局）或 town（乡镇、街道调解中心）",
      "test/fixtures/cert/issuers-broken/xiping-tjzx.yaml:4:6  uri: 机构标识 uri 应为以 https:// 开头的网址（不含 # 和 ?），或 urn: 开头的标识",
      "test/fixtures/cert/issuers-broken/xiping-tjzx.yaml:5:15  numberPrefix: 证书编号前缀 numberPrefix 应为 2–8 位大写字母或数字，例如 QX",
      "test/fixtures/cert/issuers-broken/xiping-tjzx.yaml:7:9  keys.0.id: 公钥 id 应为 keygen 打印的 did:key:z6Mk…（Ed25519），请整行复制，不要加 # 后面的部分",
      "test/fixtures/cert/issuers-broken/xiping-tjzx.yaml:8:16  keys.0.validFrom: 启用日期 validFrom 不是真实存在的日期：应写成 YYYY-MM-DD，例如 2026-01-01",
      "test/fixtures/cert/issuers-broken/xiping-tjzx.yaml:9:5  keys.0.expires: 不认识的字段 expires：请检查拼写，或删除它",
    ]);
  });

  it("says when the id is not the file name, and when a file is empty or not YAML", () => {
    const text = "id: dongping-tjzx\nname: 东坪镇调解中心\nkind: town\nuri: urn:example:dongping\nnumberPrefix: DP\nkeys:\n  - id: did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\n    validFrom: 2026-01-01\n";
    expect(checkIssuerText(text, "content/issuers/xiping.yaml").issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      "1:5 文件名应与机构编号一致：请把文件命名为 dongping-tjzx.yaml，或把 id 改成文件名",
    ]);
    expect(checkIssuerText(text, "content/issuers/dongping-tjzx.yaml").issues).toEqual([]);
    expect(checkIssuerText("", "content/issuers/x.yaml").issues[0].message).toBe("文件是空的");
    expect(checkIssuerText("id: [", "content/issuers/x.yaml").issues[0].message).toMatch(/^YAML 格式错误/);
  });

  it("a checked file drives checkKey: each key within its own window", () => {
    const [{ issuer }] = checkIssuerDir(root, "test/fixtures/cert/issuers").issuers;
    const old = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    const next = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    expect(checkKey([issuer], issuer.uri, old, new Date("2026-12-31T15:59:59Z")).ok).toBe(true);
    expect(checkKey([issuer], issuer.uri, old, new Date("2026-12-31T16:00:00Z"))).toEqual({ ok: false, problem: "key-expired" });
    expect(checkKey([issuer], issuer.uri, next, new Date("2026-12-31T16:00:00Z")).ok).toBe(true);
    expect(checkKey([issuer], issuer.uri, next, new Date("2026-12-31T15:59:59Z"))).toEqual({ ok: false, problem: "key-not-yet-valid" });
    expect(checkKey([issuer], "https://other.example/", next, new Date())).toEqual({ ok: false, problem: "unknown-issuer" });
    expect(checkKey([issuer], issuer.uri, "https://sfj.qingxi.example.gov.cn/#key-1", new Date())).toEqual({ ok: false, problem: "unknown-key" });
  });
});
