/**
 * /certificates/'s logic without a browser: which certificate the page was opened for,
 * and that only a valid credential is ever printed, with the QR link it should carry
 * (no name or salt by number; the holder's name and salt again by link).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkIssuerDir } from "../../../src/lib/cert/issuer-files.ts";
import { decodeVerifyFragment, encodeVerifyLink } from "../../../src/lib/cert/link.ts";
import { planPrint, printSource } from "../../../src/lib/cert/print-view.ts";
import { readEntries, readRevocations, readStatusLists } from "../../../src/lib/cert/registry-files.ts";
import { buildPublishedRegistry } from "../../../src/lib/cert/registry.ts";
import type { Issuer, RegistryEntry, SignedCredential } from "../../../src/lib/cert/types.ts";
import type { Loader } from "../../../src/lib/cert/verify-view.ts";
import { makeRegistry, SITE_URL, type Holder } from "../../fixtures/verify/make-registry.ts";

let holders: Holder[];
let issuers: Issuer[];
let entries: RegistryEntry[];
let files: Map<string, unknown>;
const now = new Date();

const loader = (offline = false): Loader => async (path) => {
  if (offline) return { ok: false, offline: true };
  return files.has(path) ? { ok: true, value: structuredClone(files.get(path)) } : { ok: false, offline: false };
};
const ctx = (offline = false) => ({ load: loader(offline), issuers, now });
const holder = (kind: Holder["kind"]) => holders.find((h) => h.kind === kind)!;
const current = (number: string) => entries.find((e) => e.number === number)!.credentials.at(-1)!;
const fragmentOf = (link: string) => link.slice(link.indexOf("#"));

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), "print-view-"));
  holders = await makeRegistry(out);
  const dir = join(out, "content", "registry");
  issuers = checkIssuerDir(out, join(out, "content", "issuers")).issuers.map((c) => c.issuer);
  entries = readEntries(dir);
  const lists = readStatusLists(dir);
  const published = buildPublishedRegistry({
    entries,
    revocations: readRevocations(dir),
    statusLists: lists.map((l) => ({ credential: l.credential, issuer: "qingxi-sfj", path: `status/${l.file}` })),
    generated: now.toISOString(),
  });
  files = new Map<string, unknown>([["index.json", published.index], ...published.shards.map((s) => [`shards/${s.shard}.json`, s] as const), ...lists.map((l) => [`status/${l.file}`, l.credential] as const)]);
}, 30_000);

describe("printSource", () => {
  it.each([
    ["", "", { kind: "none" }],
    ["?number=", "", { kind: "none" }],
    ["?number=%20", "", { kind: "none" }],
    ["?number=qx-2026-000123", "", { kind: "number", number: "QX-2026-000123" }],
    ["?number=ＱＸ－２０２６－０００１２３", "", { kind: "number", number: "QX-2026-000123" }],
    ["?number=张三", "", { kind: "bad-number", text: "张三" }],
    ["?number=QX-2026-000123", "#c=d1.abc&n=x", { kind: "link", fragment: "#c=d1.abc&n=x" }],
    ["", "#n=x&c=d1.abc", { kind: "link", fragment: "#n=x&c=d1.abc" }],
    ["", "#abc=1", { kind: "none" }],
  ])("%j %j", (search, hash, expected) => expect(printSource(search, hash)).toEqual(expected));

  it("keeps only the start of a long wrong number for the message", () => {
    const r = printSource(`?number=${"x".repeat(500)}`, "");
    expect(r).toEqual({ kind: "bad-number", text: "x".repeat(40) });
  });
});

describe("planPrint by number", () => {
  it("a valid number prints the registry's current credential, QR without name or salt", async () => {
    const h = holder("valid");
    const plan = await planPrint({ kind: "number", number: h.number }, ctx(), SITE_URL);
    if (plan.kind !== "print") throw new Error(`expected print, got ${plan.kind}`);
    expect(plan.credential).toEqual(current(h.number));
    expect(plan.holder).toBeUndefined();
    expect(plan.link).toBe(encodeVerifyLink(current(h.number), SITE_URL));
    const decoded = decodeVerifyFragment(plan.link);
    expect(decoded.ok && decoded.link.name).toBeFalsy();
  });

  it("a renewed number prints the renewal", async () => {
    const h = holder("renewed");
    const plan = await planPrint({ kind: "number", number: h.number }, ctx(), SITE_URL);
    expect(plan.kind === "print" && plan.credential.id).toBe(current(h.number).id);
  });

  it.each([
    ["revoked", "revoked"],
    ["expired", "expired"],
  ] as const)("%s: the verdict, never a certificate", async (kind, code) => {
    const h = holder(kind);
    const plan = await planPrint({ kind: "number", number: h.number }, ctx(), SITE_URL);
    if (plan.kind !== "verdict") throw new Error(`expected verdict, got ${plan.kind}`);
    expect(plan.outcome.verdict.code).toBe(code);
    expect(plan.verifyQuery).toBe(`?number=${h.number}`);
  });

  it("an unknown number: not found, as a verdict", async () => {
    const plan = await planPrint({ kind: "number", number: "QX-2099-999999" }, ctx(), SITE_URL);
    expect(plan.kind === "verdict" && plan.outcome.verdict.code).toBe("not-found");
  });

  it("offline: a problem naming the number, no certificate", async () => {
    const plan = await planPrint({ kind: "number", number: "QX-2026-000001" }, ctx(true), SITE_URL);
    expect(plan).toEqual({ kind: "problem", key: "verify.unreachable", values: { number: "QX-2026-000001" } });
  });

  it("no number or a wrong one: a problem to word", async () => {
    expect(await planPrint({ kind: "none" }, ctx(), SITE_URL)).toEqual({ kind: "problem", key: "verify.cert.page.none" });
    expect(await planPrint({ kind: "bad-number", text: "张三" }, ctx(), SITE_URL)).toEqual({ kind: "problem", key: "verify.cert.page.badNumber", values: { text: "张三" } });
  });
});

describe("planPrint by link", () => {
  it("name and salt that match: printed with the holder, QR link carries them again", async () => {
    const h = holder("valid");
    const link = encodeVerifyLink(current(h.number), SITE_URL, { name: h.name, salt: h.salt });
    const plan = await planPrint(printSource("", fragmentOf(link)), ctx(), SITE_URL);
    if (plan.kind !== "print") throw new Error(`expected print, got ${plan.kind}`);
    expect(plan.holder).toEqual({ name: h.name, salt: h.salt });
    expect(plan.link).toBe(link);
    expect(plan.outcome.verdict.details.fullName).toBeTruthy();
  });

  it("a link without a name: printed with the masked name", async () => {
    const h = holder("valid");
    const link = encodeVerifyLink(current(h.number), SITE_URL);
    const plan = await planPrint(printSource("", fragmentOf(link)), ctx(), "https://other.example/");
    if (plan.kind !== "print") throw new Error(`expected print, got ${plan.kind}`);
    expect(plan.holder).toBeUndefined();
    expect(plan.link).toBe(encodeVerifyLink(current(h.number), "https://other.example/"));
  });

  it("a name without its salt cannot be checked: printed with the masked name, not the unchecked name", async () => {
    const h = holder("valid");
    const link = encodeVerifyLink(current(h.number), SITE_URL);
    const plan = await planPrint({ kind: "link", fragment: `${fragmentOf(link)}&n=${encodeURIComponent(h.name)}` }, ctx(), SITE_URL);
    if (plan.kind !== "print") throw new Error(`expected print, got ${plan.kind}`);
    expect(plan.holder).toBeUndefined();
    expect(plan.outcome.data.via).toBe("link");
  });

  it("a wrong name: the name-mismatch verdict, nothing printed", async () => {
    const h = holder("valid");
    const link = encodeVerifyLink(current(h.number), SITE_URL, { name: "王五", salt: h.salt });
    const plan = await planPrint(printSource("", fragmentOf(link)), ctx(), SITE_URL);
    expect(plan.kind === "verdict" && plan.outcome.verdict.code).toBe("name-mismatch");
    expect(plan.kind === "verdict" && plan.verifyQuery).toBe(fragmentOf(link));
  });

  it("a tampered credential: bad signature, nothing printed; the fragment without # still opens /verify/ on it", async () => {
    const forged = structuredClone(current(holder("valid").number)) as SignedCredential;
    forged.credentialSubject.maskedName = "李*四";
    const fragment = fragmentOf(encodeVerifyLink(forged, SITE_URL)).slice(1);
    const plan = await planPrint({ kind: "link", fragment }, ctx(), SITE_URL);
    expect(plan.kind === "verdict" && plan.outcome.verdict.code).toBe("bad-signature");
    expect(plan.kind === "verdict" && plan.verifyQuery).toBe(`#${fragment}`);
  });

  it("a revoked credential by link: revoked, nothing printed", async () => {
    const link = encodeVerifyLink(current(holder("revoked").number), SITE_URL);
    const plan = await planPrint(printSource("", fragmentOf(link)), ctx(), SITE_URL);
    expect(plan.kind === "verdict" && plan.outcome.verdict.code).toBe("revoked");
  });

  it("offline: the status list cannot be checked, so nothing is printed", async () => {
    const link = encodeVerifyLink(current(holder("valid").number), SITE_URL);
    const plan = await planPrint(printSource("", fragmentOf(link)), ctx(true), SITE_URL);
    expect(plan.kind).toBe("verdict");
  });

  it("a corrupt link: the link problem's key", async () => {
    expect(await planPrint({ kind: "link", fragment: "#c=d1.%%%" }, ctx(), SITE_URL)).toEqual({ kind: "problem", key: "verify.link.corrupt" });
    expect(await planPrint({ kind: "link", fragment: "#c=zz.abc" }, ctx(), SITE_URL)).toEqual({ kind: "problem", key: "verify.link.corrupt" });
  });
});
