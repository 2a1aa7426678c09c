/**
 * `cert keygen` and `cert verify` as a trainer runs them (their run() functions, in
 * process): where a key may be written, its permissions, and verify's verdicts and exit codes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { forbiddenKeyPath, repositoryRoot, run as keygen } from "../../../scripts/cert/keygen.ts";
import { run as verify } from "../../../scripts/cert/verify.ts";
import { encodeVerifyLink } from "../../../src/lib/cert/link.ts";
import { HOLDER, makeIssuer, SITE, signedCredential, statusList } from "./helpers.ts";

let dir: string;
const out: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cert-cli-"));
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});
const said = () => out.splice(0).join("");

describe("cert keygen", () => {
  it("refuses any path inside the repository, content/ or dist/, also through a symbolic link", () => {
    const root = repositoryRoot();
    for (const path of [join(root, "key.json"), join(root, "content/issuers/k.json"), join(root, "dist/k.json"), join(root, "test/k.json"), "relative-key.json"]) {
      expect(forbiddenKeyPath(path), path).toBeDefined();
    }
    symlinkSync(root, join(dir, "link-to-repo"));
    expect(forbiddenKeyPath(join(dir, "link-to-repo", "k.json"))).toBeDefined();
    expect(forbiddenKeyPath(join(dir, "k.json"))).toBeUndefined();
  });

  it("writes nothing when refused", async () => {
    expect(await keygen(["--out", join(repositoryRoot(), "content", "k.json"), "--issuer", "qingxi-sfj"])).toBe(1);
    expect(said()).toContain("不能把私钥写到content/");
  });

  it("writes the key file owner-only (0600) and prints the did:key for the issuer file", async () => {
    const file = join(dir, "qingxi-2026.json");
    expect(await keygen(["--out", file, "--issuer", "qingxi-sfj"])).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = JSON.parse(readFileSync(file, "utf8"));
    expect(key).toMatchObject({ type: "Multikey", issuer: "qingxi-sfj" });
    const text = said();
    expect(text).toContain(`  - id: ${key.controller}`);
    expect(text).not.toContain(key.secretKeyMultibase);
  });

  it("never overwrites a key, and checks its arguments", async () => {
    const file = join(dir, "existing.json");
    writeFileSync(file, "{}");
    expect(await keygen(["--out", file, "--issuer", "qingxi-sfj"])).toBe(1);
    expect(readFileSync(file, "utf8")).toBe("{}");
    expect(await keygen(["--out", join(dir, "x.json"), "--issuer", "清溪"])).toBe(2);
    expect(await keygen(["--issuer", "qingxi-sfj"])).toBe(2);
    said();
  });
});

describe("cert verify", () => {
  let registry: string;
  let issuers: string;
  let file: string;

  beforeAll(async () => {
    const t = await makeIssuer();
    registry = join(dir, "registry");
    issuers = join(dir, "issuers");
    mkdirSync(join(registry, "status"), { recursive: true });
    mkdirSync(join(registry, "credentials"), { recursive: true });
    mkdirSync(issuers);
    writeFileSync(join(issuers, "qingxi-sfj.yaml"), `id: qingxi-sfj\nname: 清溪县司法局\nkind: county\nuri: ${t.issuer.uri}\nnumberPrefix: QX\nkeys:\n  - id: ${t.key.controller}\n    validFrom: 2026-01-01\n`);
    const credential = await signedCredential(t);
    writeFileSync(join(registry, "status", "qingxi-sfj-1.json"), JSON.stringify(await statusList(t)));
    writeFileSync(join(registry, "credentials", "QX-2026-000123.json"), JSON.stringify({ number: "QX-2026-000123", credentials: [credential] }));
    file = join(dir, "credential.json");
    writeFileSync(file, JSON.stringify(credential, null, 2));
    writeFileSync(join(dir, "link.txt"), encodeVerifyLink(credential, SITE, HOLDER) + "\n");
    const altered = { ...credential, validUntil: "2030-11-30T23:59:59+08:00" };
    writeFileSync(join(dir, "altered.json"), JSON.stringify(altered));
    writeFileSync(join(dir, "big.json"), `{"pad":"${"x".repeat(1024 * 1024)}"}`);
    writeFileSync(join(dir, "broken.json"), "{");
  });

  const args = (what: string, ...more: string[]) => [what, "--registry", registry, "--issuers", issuers, "--now", "2027-03-01", ...more];

  it("exit 0 and 有效 for a valid certificate, with its details", async () => {
    expect(await verify(args(file))).toBe(0);
    const text = said();
    expect(text).toContain("核验结果：✔ 有效");
    expect(text).toContain("证书编号：QX-2026-000123");
    expect(text).toContain("持证人：张*明（姓名已部分隐去）");
    expect(text).toContain("有效期至：2027-11-30");
  });

  it("reads a verification link, confirming the name", async () => {
    expect(await verify(args(join(dir, "link.txt")))).toBe(0);
    expect(said()).toContain("持证人：张三明（与证书记载一致）");
  });

  it("looks a certificate number up in the registry", async () => {
    expect(await verify(args("QX-2026-000123"))).toBe(0);
    said();
    expect(await verify(args("QX-2026-000999"))).toBe(1);
    expect(said()).toContain("核验结果：! 未找到");
  });

  it("exit 1 with the verdict for expired, altered, oversized and broken files", async () => {
    expect(await verify(args(file, "--now", "2028-01-01"))).toBe(1);
    expect(said()).toContain("核验结果：! 已过期");
    expect(await verify(args(join(dir, "altered.json")))).toBe(1);
    expect(said()).toContain("核验结果：✘ 签名无效");
    expect(await verify(args(join(dir, "big.json")))).toBe(1);
    expect(said()).toContain("输入的内容超过 256 KB");
    expect(await verify(args(join(dir, "broken.json")))).toBe(1);
    expect(said()).toContain("核验结果：✘ 格式不正确");
  });

  it("exit 2 for usage mistakes", async () => {
    expect(await verify([])).toBe(2);
    expect(await verify(args(file, "--now", "tomorrow"))).toBe(2);
    expect(await verify(args(join(dir, "missing.json")))).toBe(2);
    said();
  });
});
