/**
 * `cert sample` into temporary folders: a dozen certificates across three townships whose
 * verdicts cover valid, expiring soon, expired, renewed and revoked (with reasons); the
 * private key is written nowhere; and the command refuses to overwrite a real registry.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as sample, SAMPLE_NAMES } from "../../../scripts/cert/sample.ts";
import { checkIssuerDir } from "../../../src/lib/cert/issuer-files.ts";
import { filterRows, rosterRows } from "../../../src/lib/cert/issue-rules.ts";
import { readEntries, readRevocations, readStatusLists } from "../../../src/lib/cert/registry-files.ts";
import { verifyCertificate } from "../../../src/lib/cert/verify.ts";
import { capture, content, DAY, NOW } from "./cli-setup.ts";

let dir: string;
let registry: string;
let issuers: string;
beforeAll(async () => {
  content();
  dir = mkdtempSync(join(tmpdir(), "cert-sample-"));
  registry = join(dir, "registry");
  issuers = join(dir, "issuers");
  const c = capture();
  if ((await sample(["--registry", registry, "--issuers", issuers], c.options)) !== 0) throw new Error(c.text());
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function* files(d: string): Generator<string> {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

describe("cert sample", () => {
  it("issues a dozen certificates across three townships with every status a roster shows", async () => {
    const entries = readEntries(registry);
    expect(entries).toHaveLength(SAMPLE_NAMES.length);
    const rows = rosterRows(entries, readRevocations(registry), DAY);
    expect(new Set(rows.map((r) => r.township)).size).toBe(3);
    expect(rows.filter((r) => r.status === "valid").length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.status === "expired").length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.status === "revoked").map((r) => r.reason).sort()).toEqual(["left-post", "misconduct"]);
    expect(filterRows(rows, { expiringWithin: 60 }, DAY).length).toBeGreaterThanOrEqual(2);
    const renewed = entries.filter((e) => e.credentials.length > 1);
    expect(renewed.length).toBeGreaterThanOrEqual(2);
    for (const e of renewed) {
      e.credentials.slice(1).forEach((c, i) => expect(c.renews).toBe(e.credentials[i].id));
      expect(e.credentials.at(-1)!.credentialSubject.achievement.humanCode).toBe("annual-review");
    }
  });

  it("signs with a key listed in the issuer file it writes: every certificate verifies, to the verdict its row says", async () => {
    const list = checkIssuerDir(process.cwd(), issuers);
    expect(list.issues).toEqual([]);
    const revocations = Object.fromEntries(readRevocations(registry).map((r) => [r.credentialId, r]));
    const statusLists = readStatusLists(registry).map((l) => l.credential);
    const rows = new Map(rosterRows(readEntries(registry), readRevocations(registry), DAY).map((r) => [r.number, r.status]));
    for (const entry of readEntries(registry)) {
      const verdict = await verifyCertificate(entry.credentials.at(-1), { issuers: list.issuers.map((i) => i.issuer), statusLists, revocations, now: NOW });
      expect(verdict.code, entry.number).toBe(rows.get(entry.number));
    }
  });

  it("writes the private key nowhere: no secret key in any file it wrote", () => {
    for (const file of [...files(registry), ...files(issuers)]) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toContain("secretKeyMultibase");
      expect(text, file).not.toMatch(/z3u2[1-9A-HJ-NP-Za-km-z]{40,}/);
    }
    expect([...files(issuers)].map((f) => f.slice(issuers.length + 1))).toEqual(["qingxi-sfj.yaml"]);
  });

  it("refuses to overwrite a registry holding certificates of another issuer", async () => {
    const other = join(dir, "other");
    const c = capture();
    await sample(["--registry", other, "--issuers", join(dir, "other-issuers")], capture().options);
    const [entry] = readEntries(other);
    writeFileSync(join(other, "credentials", "TS-2026-000001.json"), JSON.stringify({ ...entry, number: "TS-2026-000001" }));
    expect(await sample(["--registry", other, "--issuers", join(dir, "other-issuers")], c.options)).toBe(1);
    expect(c.text()).toContain("非示例证书 TS-2026-000001");
  });
});
