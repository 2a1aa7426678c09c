/**
 * /verify/ and /certificates/ at their edges, with a registry made by hand inside each
 * test: an index or shard that is not what we publish reads as unreachable, the network
 * failing is told apart from a missing file, each verdict code has its tone, the printed
 * certificate has every label and sentence, and the protocol names match what is published.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pick } from "../../../src/i18n/pick.ts";
import { decodeVerifyFragment } from "../../../src/lib/cert/link.ts";
import { printSource } from "../../../src/lib/cert/print-view.ts";
import { certificateBody, printableDocument } from "../../../src/lib/cert/printable.ts";
import { CRYPTOSUITE, MAX_SHARD_GZIP_BYTES, OB_CONTEXT, PROOF_TYPE, REGISTRY_FORMAT, VC_CONTEXT, type SignedCredential, type VerdictCode } from "../../../src/lib/cert/types.ts";
import { classifyInput, verdictView, verifyCredential, verifyNumber, type Loader, type VerifyOutcome } from "../../../src/lib/cert/verify-view.ts";

const NUMBER = "QX-2026-000123";
const INDEX = { format: "mediator-academy/registry-index/1", generated: "2027-01-01T00:00:00Z", count: 1, shardCount: 1, shardHash: "fnv1a32-utf8", issuers: "issuers.json", statusLists: [] };
const SHARD = { format: "mediator-academy/registry-shard/1", shard: 0, entries: [] as unknown[] };

/** A loader over `files`; paths in `offline` fail like a lost network, others missing like a 404. */
const loaderOf = (files: Record<string, unknown>, offline: string[] = []): Loader => async (path) => {
  if (offline.includes(path)) return { ok: false, offline: true };
  return Object.hasOwn(files, path) ? { ok: true, value: structuredClone(files[path]) } : { ok: false, offline: false };
};
const ctx = (load: Loader) => ({ load, issuers: [], now: new Date("2027-03-01T00:00:00Z") });

describe("reading the published registry", () => {
  it("an index that is not ours, or whose shard count is no positive whole number, is unreachable", async () => {
    for (const index of [[INDEX], "index", { ...INDEX, format: "mediator-academy/registry-index/2" }, { ...INDEX, shardCount: 0 }, { ...INDEX, shardCount: 1.5 }, { ...INDEX, shardCount: "1" }]) {
      const r = await verifyNumber(NUMBER, ctx(loaderOf({ "index.json": index, "shards/0.json": SHARD })));
      expect(r, JSON.stringify(index).slice(0, 60)).toEqual({ unreachable: true, number: NUMBER });
    }
  });

  it("a shard that is missing, not ours, or without entries is unreachable; one without the number is not-found", async () => {
    for (const shard of [undefined, [SHARD], { ...SHARD, format: "other" }, { ...SHARD, entries: {} }]) {
      const files: Record<string, unknown> = { "index.json": INDEX };
      if (shard !== undefined) files["shards/0.json"] = shard;
      expect(await verifyNumber(NUMBER, ctx(loaderOf(files))), JSON.stringify(shard)?.slice(0, 40)).toEqual({ unreachable: true, number: NUMBER });
    }
    expect(await verifyNumber(NUMBER, ctx(loaderOf({ "index.json": INDEX, "shards/0.json": SHARD })))).toEqual({
      verdict: { code: "not-found", details: { number: NUMBER } },
      data: { via: "number", offline: false, registryGenerated: "2027-01-01T00:00:00Z" },
    });
  });

  it("a pasted credential: the network failing at the index or the shard is offline, a missing file is not", async () => {
    const credential = { credentialSubject: { licenseNumber: NUMBER }, credentialStatus: { statusListCredential: "https://s.example/registry/status/qx-1.json" } };
    const files = { "index.json": INDEX, "shards/0.json": SHARD };
    const data = async (load: Loader) => (await verifyCredential(credential, { ...ctx(load), via: "pasted" })).data;
    expect(await data(loaderOf(files))).toStrictEqual({ via: "pasted", offline: false, registryGenerated: "2027-01-01T00:00:00Z" });
    expect(await data(loaderOf(files, ["index.json"]))).toStrictEqual({ via: "pasted", offline: true });
    expect(await data(loaderOf(files, ["shards/0.json"]))).toStrictEqual({ via: "pasted", offline: true, registryGenerated: "2027-01-01T00:00:00Z" });
    expect(await data(loaderOf(files, ["status/qx-1.json"]))).toStrictEqual({ via: "pasted", offline: true, registryGenerated: "2027-01-01T00:00:00Z" });
    expect(await data(loaderOf({ "index.json": { format: "x" } }))).toStrictEqual({ via: "pasted", offline: false });
  });

  it("a credential without a registry number fetches nothing but its status list", async () => {
    const fetched: string[] = [];
    const load: Loader = async (path) => (fetched.push(path), { ok: false, offline: false });
    await verifyCredential({ credentialSubject: { licenseNumber: "nope" }, credentialStatus: { statusListCredential: 5 } }, { ...ctx(load), via: "pasted" });
    await verifyCredential(null, { ...ctx(load), via: "pasted" });
    expect(fetched).toEqual([]);
  });
});

describe("input", () => {
  it("spaces inside a number are dropped, dashes of every kind become -", () => {
    expect(classifyInput("QX-2026- 000123")).toEqual({ kind: "number", number: NUMBER });
    expect(classifyInput("QX\u20132026\u2212000123")).toEqual({ kind: "number", number: NUMBER });
    expect(printSource("", "c=d1.abc")).toEqual({ kind: "link", fragment: "c=d1.abc" });
    expect(printSource("?number=QX-2026-000123", "#x=1&c=d1.abc")).toEqual({ kind: "link", fragment: "#x=1&c=d1.abc" });
    expect(printSource("?number=QX-2026-000123", "#xc=d1.abc")).toEqual({ kind: "number", number: NUMBER });
  });
});

describe("verdictView", () => {
  const view = (code: VerdictCode, details: VerifyOutcome["verdict"]["details"] = {}, data: Partial<VerifyOutcome["data"]> = {}) =>
    verdictView({ verdict: { code, details }, data: { via: "number", offline: false, ...data } }, {}, new Date("2027-03-01T00:00:00Z"));

  it("each verdict has its tone and icon", () => {
    const tones: [VerdictCode, string, string][] = [
      ["valid", "good", "✔"],
      ["expired", "warn", "!"],
      ["not-yet-valid", "warn", "!"],
      ["status-unavailable", "warn", "!"],
      ["not-found", "warn", "!"],
      ["revoked", "bad", "✘"],
      ["bad-signature", "bad", "✘"],
      ["unknown-issuer", "bad", "✘"],
      ["malformed", "bad", "✘"],
      ["name-mismatch", "bad", "✘"],
    ];
    for (const [code, tone, icon] of tones) expect(view(code), code).toMatchObject({ code, tone, icon, title: `verify.verdict.${code}` });
  });

  it("explains: not yet valid from its first day, revoked without a reason, no number as blank", () => {
    expect(view("not-yet-valid", { validFrom: "2027-04-01T00:00:00+08:00" }).explain).toEqual({ key: "verify.verdict.not-yet-valid.explain", values: { number: "", date: "2027-04-01", reason: "" } });
    expect(view("revoked", { number: NUMBER }).explain).toEqual({ key: "verify.verdict.revoked.noReason" });
    expect(view("expired", {}).explain.values).toEqual({ number: "", date: "", reason: "" });
  });

  it("the first award when it differs, a revocation without a note, a newer certificate in the registry", () => {
    const v = view(
      "revoked",
      { validFrom: "2027-01-01T00:00:00+08:00", awardedDate: "2025-01-01T00:00:00+08:00", revocation: { date: "2027-02-01", reason: "misconduct" } },
      { newerInRegistry: true },
    );
    expect(v.rows).toContainEqual({ label: "verify.field.awardedDate", value: "2025-01-01" });
    expect(v.rows).toContainEqual({ label: "verify.field.revocation", value: { key: "verify.revocation.line", values: { date: "2027-02-01", reason: "verify.reason.misconduct", note: "" }, translate: ["reason"] } });
    expect(v.notes).toContainEqual({ key: "verify.data.newer" });
    expect(view("valid", { validFrom: "2027-01-01T00:00:00+08:00", awardedDate: "2027-01-01T00:00:00+08:00" }).rows.map((r) => r.label)).not.toContain("verify.field.awardedDate");
  });
});

describe("the printed certificate", () => {
  const credential = {
    issuer: { name: "清溪县司法局" },
    validFrom: "2026-12-01T00:00:00+08:00",
    validUntil: "2027-11-30T23:59:59+08:00",
    awardedDate: "2025-12-01T00:00:00+08:00",
    credentialSubject: { licenseNumber: NUMBER, maskedName: "张*明", township: "xiping-zhen", village: "dongcun", achievement: { name: "岗前培训合格" } },
  } as unknown as SignedCredential;
  const strings = pick("verify.cert.*", "verify.field.*");
  const base = { credential, link: "https://s.example/verify/#c=d1.x", qr: "<svg/>", verifyUrl: "https://s.example/verify/", strings };

  it("every row has its label, in order, one after another", () => {
    const html = certificateBody({ ...base, holder: { name: "张三明", salt: "SALT-SALT-SALT-1" } });
    expect(html).toContain(
      '<dl class="cert__rows"><div><dt>证书编号</dt><dd>QX-2026-000123</dd></div><div><dt>认证等级</dt><dd>岗前培训合格</dd></div><div><dt>发证机构</dt><dd>清溪县司法局</dd></div>' +
        "<div><dt>乡镇（街道）</dt><dd>xiping-zhen dongcun</dd></div><div><dt>生效日期</dt><dd>2026-12-01</dd></div><div><dt>有效期至</dt><dd>2027-11-30</dd></div>" +
        "<div><dt>首次发证</dt><dd>2025-12-01</dd></div><div><dt>姓名核对码</dt><dd>SALT-SALT-SALT-1</dd></div></dl>",
    );
  });

  it("the holder's label, the sentence with name and level, how to check it", () => {
    const html = certificateBody(base);
    expect(html).toContain('<span class="cert__label">持证人</span> <strong class="cert__name">张*明</strong>');
    expect(html).toContain('<p class="cert__body">经培训和考核，<strong>张*明</strong> 达到「岗前培训合格」的要求，特发此证。</p>');
    expect(html).toContain('<p class="cert__scan">扫码核验：打开二维码中的链接，即可在浏览器中核对证书的真伪、有效期和撤销状态。<br>也可以在 https://s.example/verify/ 输入证书编号核验。</p>');
  });

  it("without its strings, labels are blank and the title is the number, never 'undefined'", () => {
    const html = printableDocument({ ...base, strings: {} });
    expect(html).toContain(`<title>${NUMBER}</title>`);
    expect(html).toContain("<div><dt></dt><dd>QX-2026-000123</dd></div>");
    expect(html).toContain('<p class="cert__body"></p>');
    expect(html).not.toContain("undefined");
  });
});

describe("protocol names", () => {
  it("match the W3C test vector, the committed registry and a link printed today", () => {
    const vector = JSON.parse(readFileSync("test/fixtures/cert/w3c-vc-di-eddsa/signedJCS.json", "utf8"));
    expect([vector.proof.type, vector.proof.cryptosuite, vector["@context"][0]]).toEqual([PROOF_TYPE, CRYPTOSUITE, VC_CONTEXT]);
    const stored = JSON.parse(readFileSync("content/registry/credentials/QX-2024-000001.json", "utf8"));
    expect(stored.credentials[0]["@context"]).toEqual([VC_CONTEXT, OB_CONTEXT]);
    expect(JSON.parse(readFileSync("content/registry/registry.json", "utf8")).format).toBe(REGISTRY_FORMAT);
    expect(decodeVerifyFragment("#c=d1.AxYSSlaGtQA")).toEqual({ ok: true, link: { credential: { a: 1 } } });
    // README §6: a shard is at most 16 KB gzipped.
    expect(MAX_SHARD_GZIP_BYTES).toBe(16 * 1024);
  });
});
