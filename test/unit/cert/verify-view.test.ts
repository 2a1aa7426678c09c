/**
 * /verify/'s logic without a browser: the input is recognised, only the files one check
 * needs are fetched (through a loader over a fixture registry), every path ends in a
 * verdict or a refusal, and the verdict's rows are plain text with keys for i18n.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkIssuerDir } from "../../../src/lib/cert/issuer-files.ts";
import { encodeVerifyLink } from "../../../src/lib/cert/link.ts";
import { readEntries, readRevocations, readStatusLists } from "../../../src/lib/cert/registry-files.ts";
import { buildPublishedRegistry, shardPath } from "../../../src/lib/cert/registry.ts";
import type { Issuer, RegistryEntry } from "../../../src/lib/cert/types.ts";
import {
  ageInDays,
  classifyInput,
  day,
  statusListPath,
  verdictView,
  verifyCredential,
  verifyLink,
  verifyNumber,
  verifyPasted,
  type Loader,
  type VerifyOutcome,
} from "../../../src/lib/cert/verify-view.ts";
import { makeRegistry, SITE_URL, type Holder } from "../../fixtures/verify/make-registry.ts";

let holders: Holder[];
let issuers: Issuer[];
let entries: RegistryEntry[];
let files: Map<string, unknown>;
let fetched: string[];
const now = new Date();

/** A loader over the published files; `offline` makes every fetch fail like a lost network. */
const loader = (offline = false): Loader => async (path) => {
  fetched.push(path);
  if (offline) return { ok: false, offline: true };
  return files.has(path) ? { ok: true, value: structuredClone(files.get(path)) } : { ok: false, offline: false };
};
const ctx = (offline = false) => ({ load: loader(offline), issuers, now });
const holder = (kind: Holder["kind"]) => holders.find((h) => h.kind === kind)!;
const entryOf = (number: string) => entries.find((e) => e.number === number)!;
const current = (number: string) => entryOf(number).credentials.at(-1)!;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), "verify-view-"));
  holders = await makeRegistry(out);
  const dir = join(out, "content", "registry");
  issuers = checkIssuerDir(out, join(out, "content", "issuers")).issuers.map((c) => c.issuer);
  entries = readEntries(dir);
  const lists = readStatusLists(dir);
  const published = buildPublishedRegistry({
    entries,
    revocations: readRevocations(dir),
    statusLists: lists.map((l) => ({ credential: l.credential, issuer: "qingxi-sfj", path: `status/${l.file}` })),
    generated: new Date(now.getTime() - 3 * 86_400_000).toISOString(),
  });
  files = new Map<string, unknown>([["index.json", published.index], ...published.shards.map((s) => [`shards/${s.shard}.json`, s] as const), ...lists.map((l) => [`status/${l.file}`, l.credential] as const)]);
}, 30_000);

describe("classifyInput", () => {
  it.each([
    ["QX-2026-000123", { kind: "number", number: "QX-2026-000123" }],
    [" qx-2026-000123 \n", { kind: "number", number: "QX-2026-000123" }],
    ["ＱＸ－２０２６－０００１２３", { kind: "number", number: "QX-2026-000123" }],
    ["QX 2026 000123", { kind: "refused", problem: "unrecognised" }],
    ["QX–2026–000123", { kind: "number", number: "QX-2026-000123" }],
    ["https://x.example/verify/#c=d1.abc&n=%E5%BC%A0&s=s", { kind: "link", text: "https://x.example/verify/#c=d1.abc&n=%E5%BC%A0&s=s" }],
    ["#c=d1.abc", { kind: "link", text: "#c=d1.abc" }],
    ["c=d1.abc", { kind: "link", text: "c=d1.abc" }],
    ['  {"a":1}', { kind: "credential", text: '{"a":1}' }],
    ["", { kind: "refused", problem: "empty" }],
    ["   ", { kind: "refused", problem: "empty" }],
    ["张三", { kind: "refused", problem: "unrecognised" }],
    ["QX-26-000123", { kind: "refused", problem: "unrecognised" }],
    ["https://example.com/abc=1", { kind: "refused", problem: "unrecognised" }],
  ])("%j", (text, expected) => expect(classifyInput(text)).toEqual(expected));

  it("refuses over 256 KB before looking at it, however it starts", () => {
    expect(classifyInput("{" + "x".repeat(256 * 1024))).toEqual({ kind: "refused", problem: "too-large" });
    expect(classifyInput("x".repeat(256 * 1024))).toEqual({ kind: "refused", problem: "unrecognised" });
  });
});

describe("statusListPath", () => {
  it("maps only our own status list URLs to a registry path", () => {
    expect(statusListPath(`${SITE_URL}registry/status/qingxi-sfj-1.json`)).toBe("status/qingxi-sfj-1.json");
    expect(statusListPath("https://evil.example/registry/status/../../x.json")).toBeUndefined();
    expect(statusListPath("https://evil.example/registry/status/a.json?x=1")).toBeUndefined();
    expect(statusListPath("https://x/status/a.json")).toBeUndefined();
  });
});

describe("verifyNumber", () => {
  it("a valid number: index, one shard and its status list, nothing else", async () => {
    fetched = [];
    const h = holder("valid");
    const r = await verifyNumber(h.number, ctx());
    expect("verdict" in r && r.verdict.code).toBe("valid");
    const index = files.get("index.json") as { shardCount: number };
    expect(fetched).toEqual(["index.json", shardPath(h.number, index), "status/qingxi-sfj-1.json"]);
    if (!("verdict" in r)) throw new Error("unreachable");
    expect(r.data).toMatchObject({ via: "number", offline: false, statusList: { id: `${SITE_URL}registry/status/qingxi-sfj-1.json` } });
    expect(r.data.registryGenerated).toBe((files.get("index.json") as { generated: string }).generated);
  });

  it.each([
    ["revoked", "revoked"],
    ["expired", "expired"],
    ["expiring", "valid"],
    ["renewed", "valid"],
  ] as const)("%s → %s", async (kind, code) => {
    const r = await verifyNumber(holder(kind).number, ctx());
    expect("verdict" in r && r.verdict.code).toBe(code);
  });

  it("revoked carries the reason and date from the shard", async () => {
    const r = (await verifyNumber(holder("revoked").number, ctx())) as VerifyOutcome;
    expect(r.verdict.details.revocation).toMatchObject({ reason: "left-post", note: "本人申请" });
  });

  it("an unknown number is not-found; a registry that cannot be reached says so", async () => {
    const r = await verifyNumber("QX-2099-999999", ctx());
    expect("verdict" in r && r.verdict).toEqual({ code: "not-found", details: { number: "QX-2099-999999" } });
    await expect(verifyNumber(holder("valid").number, ctx(true))).resolves.toEqual({ unreachable: true, number: holder("valid").number });
  });

  it("a broken index or shard is unreachable, never a crash", async () => {
    const index = files.get("index.json");
    files.set("index.json", { format: "other" });
    await expect(verifyNumber(holder("valid").number, ctx())).resolves.toMatchObject({ unreachable: true });
    files.set("index.json", index);
    const path = shardPath(holder("valid").number, index as { shardCount: number });
    const shard = files.get(path);
    files.set(path, "nonsense");
    await expect(verifyNumber(holder("valid").number, ctx())).resolves.toMatchObject({ unreachable: true });
    files.set(path, shard);
  });
});

describe("verifyLink and verifyPasted", () => {
  it("a link with name and salt confirms the full name; a wrong name is name-mismatch", async () => {
    const h = holder("valid");
    const link = encodeVerifyLink(current(h.number), SITE_URL, h);
    const r = (await verifyLink(link, ctx())) as VerifyOutcome;
    expect(r.verdict.code).toBe("valid");
    expect(r.verdict.details.fullName).toBe(h.name);
    expect(r.data.via).toBe("link");
    const wrong = (await verifyLink(encodeVerifyLink(current(h.number), SITE_URL, { name: "王五", salt: h.salt }), ctx())) as VerifyOutcome;
    expect(wrong.verdict.code).toBe("name-mismatch");
  });

  it("offline, a link still checks the signature and reports revocation unknown", async () => {
    const h = holder("valid");
    const r = (await verifyLink(encodeVerifyLink(current(h.number), SITE_URL), ctx(true))) as VerifyOutcome;
    expect(r.verdict.code).toBe("status-unavailable");
    expect(r.data.offline).toBe(true);
    // …and a forged one is still caught offline.
    const forged = { ...current(h.number), validUntil: "2099-12-31T23:59:59+08:00" };
    expect(((await verifyLink(encodeVerifyLink(forged, SITE_URL), ctx(true))) as VerifyOutcome).verdict.code).toBe("bad-signature");
  });

  it("an old link of a renewed certificate verifies as what it is and notes the newer one", async () => {
    const e = entryOf(holder("renewed").number);
    const r = (await verifyLink(encodeVerifyLink(e.credentials[0], SITE_URL), ctx())) as VerifyOutcome;
    expect(r.verdict.code).toBe("expired");
    expect(r.data.newerInRegistry).toBe(true);
    const fresh = (await verifyLink(encodeVerifyLink(e.credentials[1], SITE_URL), ctx())) as VerifyOutcome;
    expect(fresh.data.newerInRegistry).toBeUndefined();
  });

  it("a broken link names its problem", async () => {
    await expect(verifyLink("#n=x", ctx())).resolves.toEqual({ linkProblem: "empty" });
    await expect(verifyLink("#c=d1.!!!", ctx())).resolves.toEqual({ linkProblem: "corrupt" });
  });

  it("pasted text: valid, not JSON, too large, a tampered copy", async () => {
    const c = current(holder("valid").number);
    expect((await verifyPasted(JSON.stringify(c), ctx())).verdict.code).toBe("valid");
    expect((await verifyPasted("{oops", ctx())).verdict).toEqual({ code: "malformed", details: { problem: "not-json" } });
    expect((await verifyPasted("{" + " ".repeat(300_000) + "}", ctx())).verdict).toEqual({ code: "malformed", details: { problem: "too-large" } });
    const tampered = structuredClone(c);
    tampered.credentialSubject.village = "xicun";
    expect((await verifyPasted(JSON.stringify(tampered), ctx())).verdict.code).toBe("bad-signature");
    expect((await verifyPasted("[1,2]", ctx())).verdict.code).toBe("malformed");
  });

  it("a credential pointing at a foreign status list URL fetches nothing from it", async () => {
    fetched = [];
    const c = structuredClone(current(holder("valid").number)) as unknown as Record<string, Record<string, string>>;
    c.credentialStatus.statusListCredential = "https://evil.example/list.json";
    await verifyCredential(c, { ...ctx(), via: "pasted" });
    expect(fetched.some((p) => p.includes("evil"))).toBe(false);
  });
});

describe("verdictView", () => {
  const places = { "xiping-zhen": { name: "西坪镇", villages: { dongcun: "东村" } } };

  it("valid: good tone, icon, rows of plain text, the data notes", async () => {
    const h = holder("valid");
    const r = (await verifyLink(encodeVerifyLink(current(h.number), SITE_URL, h), ctx())) as VerifyOutcome;
    const v = verdictView(r, places, now);
    expect(v).toMatchObject({ code: "valid", tone: "good", icon: "✔", title: "verify.verdict.valid" });
    expect(v.rows.map((row) => row.label)).toEqual([
      "verify.field.holder",
      "verify.field.number",
      "verify.field.level",
      "verify.field.issuer",
      "verify.field.township",
      "verify.field.village",
      "verify.field.validFrom",
      "verify.field.validUntil",
    ]);
    expect(v.rows[0].value).toEqual({ key: "verify.holder.confirmed", values: { name: h.name } });
    expect(v.rows[4].value).toBe("西坪镇");
    expect(v.rows[5].value).toBe("东村");
    expect(v.rows[6].value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(v.notes.map((n) => n.key)).toEqual(["verify.data.fromLink", "verify.data.statusList", "verify.data.registry"]);
    expect(v.notes[2].values).toMatchObject({ days: 3 });
  });

  it("revoked: bad tone, the reason as a key to word, the revocation row", async () => {
    const r = (await verifyNumber(holder("revoked").number, ctx())) as VerifyOutcome;
    const v = verdictView(r, {}, now);
    expect(v).toMatchObject({ tone: "bad", icon: "✘" });
    expect(v.explain).toMatchObject({ key: "verify.verdict.revoked.explain", translate: ["reason"], values: { reason: "verify.reason.left-post" } });
    expect(v.rows.find((row) => row.label === "verify.field.revocation")?.value).toMatchObject({ values: { note: "本人申请" } });
    expect(v.rows.find((row) => row.label === "verify.field.township")?.value).toBe("xiping-zhen");
  });

  it("expired says until when; offline and no status list are said; the masked name otherwise", async () => {
    const r = (await verifyNumber(holder("expired").number, ctx())) as VerifyOutcome;
    const v = verdictView(r, places, now);
    expect(v).toMatchObject({ tone: "warn", icon: "!" });
    expect(v.explain.values?.date).toBe(day(current(holder("expired").number).validUntil));
    expect(v.rows[0].value).toMatchObject({ key: "verify.holder.masked" });
    const off = (await verifyLink(encodeVerifyLink(current(holder("valid").number), SITE_URL), ctx(true))) as VerifyOutcome;
    const keys = verdictView(off, places, now, false).notes.map((n) => n.key);
    expect(keys).toEqual(["verify.data.fromLink", "verify.data.noStatusOffline", "verify.data.offline"]);
    expect(verdictView(off, places, now, true).notes.map((n) => n.key)).toContain("verify.data.offline");
  });

  it("malformed and not-found: no rows to invent, no status note", () => {
    const v = verdictView({ verdict: { code: "malformed", details: { problem: "not-json" } }, data: { via: "pasted", offline: false } }, {}, now);
    expect(v).toMatchObject({ tone: "bad", rows: [], problem: "verify.problem.not-json" });
    expect(v.notes.map((n) => n.key)).toEqual(["verify.data.fromPaste"]);
    const nf = verdictView({ verdict: { code: "not-found", details: { number: "QX-2026-000999" } }, data: { via: "number", offline: false } }, {}, now);
    expect(nf).toMatchObject({ tone: "warn", explain: { values: { number: "QX-2026-000999" } } });
    expect(nf.notes).toEqual([]);
  });

  it("place names only from own keys", () => {
    const v = verdictView(
      { verdict: { code: "valid", details: { township: "toString", village: "constructor" } }, data: { via: "number", offline: false } },
      {},
      now,
    );
    expect(v.rows.map((r) => r.value)).toEqual(["toString", "constructor"]);
  });
});

describe("dates", () => {
  it("day is the Beijing calendar day; ages are whole days, never negative", () => {
    expect(day("2026-12-01T00:00:00+08:00")).toBe("2026-12-01");
    expect(day("2026-11-30T16:00:00Z")).toBe("2026-12-01");
    expect(day("not a date")).toBe("not a date");
    const t = new Date("2026-12-10T00:00:00Z");
    expect(ageInDays("2026-12-08T01:00:00Z", t)).toBe(1);
    expect(ageInDays("2026-12-12T00:00:00Z", t)).toBe(0);
    expect(ageInDays("x", t)).toBe(0);
  });
});
