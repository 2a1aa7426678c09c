/**
 * Export files and URL fragments: round trips, and every way a file can be wrong
 * (empty, truncated, corrupt, not ours, future version, invalid, tampered) refused with a
 * message that says so, before anything is written.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it, test } from "vitest";
import { canonicalJson } from "../../../src/lib/progress/canonical.ts";
import { createExport, EXPORT_FORMAT, exportFileName, exportText, importText, importValue, looksTruncated, sha256Hex } from "../../../src/lib/progress/export.ts";
import { decodeFragment, encodeFragment, encodeRecordFragment, fitsInQrCode, FRAGMENT_TAG, QR_BYTE_CAPACITY, qrFragmentBudget } from "../../../src/lib/progress/fragment.ts";
import { base64url, fromBase64url } from "../../../src/lib/progress/ids.ts";
import { newId } from "../../../src/lib/progress/new-id.ts";
import { MemoryBackend } from "../../../src/lib/progress/memory-backend.ts";
import { entryIdSchema, type ProgressRecord } from "../../../src/lib/progress/schema.ts";
import { createProgressStore } from "../../../src/lib/progress/store.ts";
import { sampleRecord, sampleV1 } from "./sample.ts";

const NOW = new Date("2025-03-06T10:00:00.000Z");

/** An export file of any content, with a correct checksum over it. */
async function signed(content: Record<string, unknown>): Promise<string> {
  return JSON.stringify({ ...content, checksum: { algorithm: "SHA-256", value: await sha256Hex(canonicalJson(content)) } });
}

async function refused(text: string) {
  const result = await importText(text);
  if (result.ok) throw new Error("expected the import to be refused");
  return result.problem;
}

describe("canonical JSON", () => {
  it("sorts keys by UTF-16 code units at every level and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: [3, { d: true, c: null }], "é": "x", A: "y" })).toBe('{"A":"y","a":[3,{"c":null,"d":true}],"b":1,"é":"x"}');
    expect(canonicalJson({ "\u{1F600}": 1, "\uFFFF": 2 })).toBe('{"\u{1F600}":1,"\uFFFF":2}');
  });

  it("writes numbers and strings as ECMAScript does (RFC 8785)", () => {
    expect(canonicalJson([1.0, -0, 1e21, 0.1 + 0.2, 1e-7])).toBe("[1,0,1e+21,0.30000000000000004,1e-7]");
    expect(canonicalJson("调解\n\"引号\"\u0001")).toBe('"调解\\n\\"引号\\"\\u0001"');
  });

  it("ignores undefined object fields, like JSON.stringify, and refuses anything that is not JSON", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    for (const bad of [Number.NaN, Infinity, new Date(0), new Map(), [undefined], () => 1, 1n]) expect(() => canonicalJson(bad)).toThrow(TypeError);
  });

  it("is the same for a value and its JSON round trip", () => {
    const record = sampleRecord();
    expect(canonicalJson(JSON.parse(JSON.stringify(record)))).toBe(canonicalJson(record));
  });
});

describe("SHA-256", () => {
  it("matches the FIPS 180-2 test vector", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("export → import", () => {
  it("round-trips a record exactly", async () => {
    const text = await exportText(sampleRecord(), NOW);
    const result = await importText(text);
    expect(result).toEqual({ ok: true, record: sampleRecord(), fromVersion: 2 });
  });

  it("writes a versioned, readable file", async () => {
    const file = JSON.parse(await exportText(sampleRecord(), NOW));
    expect(file).toMatchObject({ format: EXPORT_FORMAT, version: 2, exported: NOW.toISOString(), checksum: { algorithm: "SHA-256" } });
    expect(file.checksum.value).toMatch(/^[0-9a-f]{64}$/);
    expect(await exportText(sampleRecord(), NOW)).toContain('\n  "format"');
  });

  it("survives reformatting, reordering keys and a byte-order mark: the checksum is over canonical content", async () => {
    const file = await createExport(sampleRecord(), NOW);
    const reordered = JSON.stringify({ checksum: file.checksum, record: file.record, exported: file.exported, version: file.version, format: file.format });
    expect((await importText(reordered)).ok).toBe(true);
    expect((await importText(`\uFEFF${JSON.stringify(file, null, "\t")}\r\n`)).ok).toBe(true);
  });

  it("round-trips through the store: export from one device, import on a fresh one", async () => {
    const phone = createProgressStore(new MemoryBackend());
    const learner = await phone.createLearner({ name: "张秀兰", township: "城关镇", village: "东关村" });
    await phone.appendLessonEvent(learner.id, { lesson: "procedure/the-session", kind: "completed", at: NOW.toISOString(), seconds: 600 });
    const original = await phone.readRecord(learner.id);
    const result = await importText(await exportText(original));
    if (!result.ok) throw new Error(result.problem.message);
    const computer = createProgressStore(new MemoryBackend());
    await computer.importRecord(result.record);
    expect(await computer.readRecord(learner.id)).toEqual(original);
  });

  it("imports a version 1 export, migrated", async () => {
    const text = await signed({ format: EXPORT_FORMAT, version: 1, exported: "2024-12-01T00:00:00.000Z", record: sampleV1() });
    const result = await importText(text);
    expect(result.ok && result.fromVersion).toBe(1);
    expect(result.ok && result.record.version).toBe(2);
    expect(result.ok && result.record.lessons).toHaveLength(2);
  });

  it("names the file after the learner and the day", () => {
    expect(exportFileName({ name: "张 秀/兰" }, NOW)).toBe("调解员学堂-学习记录-张秀兰-2025-03-06.json");
    expect(exportFileName({ name: "///" }, NOW)).toBe("调解员学堂-学习记录-学员-2025-03-06.json");
    expect(exportFileName({ name: "一二三四五六七八九十".repeat(3) }, NOW)).toBe(`调解员学堂-学习记录-${"一二三四五六七八九十".repeat(2)}-2025-03-06.json`);
  });
});

describe("refusals, each saying what is wrong", () => {
  it("empty", async () => {
    expect(await refused("")).toMatchObject({ code: "empty", message: expect.stringContaining("空") });
    expect((await refused("  \n")).code).toBe("empty");
  });

  it("truncated, wherever the file was cut", async () => {
    const text = await exportText(sampleRecord(), NOW);
    for (const fraction of [0.1, 0.33, 0.5, 0.9, 0.999]) {
      const problem = await refused(text.slice(0, Math.floor(text.length * fraction)));
      expect(problem.code).toBe("truncated");
      expect(problem.message).toContain("不完整");
    }
  });

  it("corrupt: not JSON at all", async () => {
    for (const text of ["PK\u0003\u0004 this is a zip", '{"format": "mediator-academy/progress",, }', "}{"]) {
      expect(await refused(text)).toMatchObject({ code: "corrupt", message: expect.stringContaining("损坏") });
    }
  });

  it("JSON that is not one of our files", async () => {
    for (const text of ["[]", "42", '{"name":"张三"}', JSON.stringify(sampleRecord())]) {
      expect(await refused(text)).toMatchObject({ code: "not-a-record", message: expect.stringContaining("不是调解员学堂") });
    }
  });

  it("a future version, even with a valid checksum, says to update the site", async () => {
    const text = await signed({ format: EXPORT_FORMAT, version: 3, exported: NOW.toISOString(), record: { ...sampleRecord(), version: 3, badges: [] } });
    const problem = await refused(text);
    expect(problem.code).toBe("future-version");
    expect(problem.message).toContain("第 3 版");
    expect(problem.message).toContain("更新");
  });

  it("invalid content, with the fields at fault", async () => {
    const record = sampleRecord() as unknown as { learner: Record<string, unknown> };
    delete record.learner.name;
    const problem = await refused(await signed({ format: EXPORT_FORMAT, version: 2, exported: NOW.toISOString(), record }));
    expect(problem.code).toBe("invalid");
    expect(problem.details).toEqual(["learner.name：缺少姓名"]);
    const noChecksum = JSON.parse(await exportText(sampleRecord(), NOW));
    delete noChecksum.checksum;
    expect((await refused(JSON.stringify(noChecksum))).code).toBe("invalid");
  });

  it("tampered: any edit of a value, however small, is caught", async () => {
    const file = JSON.parse(await exportText(sampleRecord(), NOW));
    const edits: ((f: { record: ProgressRecord; exported: string }) => void)[] = [
      (f) => (f.record.attempts[0].score = 1),
      (f) => (f.record.attempts[0].passed = false),
      (f) => (f.record.learner.name = "张秀"),
      (f) => f.record.lessons.pop(),
      (f) => (f.exported = "2025-03-06T10:00:01.000Z"),
    ];
    for (const edit of edits) {
      const copy = structuredClone(file);
      edit(copy);
      const problem = await refused(JSON.stringify(copy));
      expect(problem.code).toBe("tampered");
      expect(problem.message).toContain("校验码");
    }
  });

  // "A failed import never touches the device" is tested on the path the site uses, with the
  // store given to the import, on both backends: import.test.ts.

  it("importValue refuses what is not an object", async () => {
    for (const value of [null, "x", 3, [1]]) expect((await importValue(value)).ok).toBe(false);
  });
});

describe("looksTruncated", () => {
  it("tells a cut-off text from a broken one", () => {
    expect(looksTruncated('{"a": [1, 2')).toBe(true);
    expect(looksTruncated('{"a": "open string')).toBe(true);
    expect(looksTruncated('{"a": "\\"}"')).toBe(true);
    expect(looksTruncated('{"a": 1,, }')).toBe(false);
    expect(looksTruncated('{"a": "}"}')).toBe(false);
    expect(looksTruncated('{"a": "x\\\\"}')).toBe(false);
    expect(looksTruncated('{"a": "\\"x"}')).toBe(false);
    expect(looksTruncated("[1]]")).toBe(false);
  });
});

describe("URL fragment and QR code", () => {
  it("round-trips a record through the fragment", async () => {
    const fragment = await encodeRecordFragment(sampleRecord(), NOW);
    expect(fragment.startsWith(FRAGMENT_TAG)).toBe(true);
    expect(fragment).toMatch(/^r1\.[A-Za-z0-9_-]+$/);
    expect(await decodeFragment(`#${fragment}`)).toEqual({ ok: true, record: sampleRecord(), fromVersion: 2 });
  });

  it("is smaller than the file, and a small record fits one QR code", async () => {
    const fragment = await encodeRecordFragment(sampleRecord(), NOW);
    expect(fragment.length).toBeLessThan((await exportText(sampleRecord(), NOW)).length / 1.5);
    expect(fitsInQrCode(fragment, "https://example.org/academy/import/#")).toBe(true);
  });

  it("says when the prefix plus fragment would not fit 2953 bytes", () => {
    const prefix = "https://example.org/import/#";
    const budget = qrFragmentBudget(prefix);
    expect(budget).toBe(QR_BYTE_CAPACITY - prefix.length);
    expect(fitsInQrCode("x".repeat(budget), prefix)).toBe(true);
    expect(fitsInQrCode("x".repeat(budget + 1), prefix)).toBe(false);
    // The prefix is measured in UTF-8 bytes: a Chinese path costs 3 bytes a character.
    expect(qrFragmentBudget("https://example.org/导入/#")).toBe(QR_BYTE_CAPACITY - ("https://example.org//#".length + 2 * 3));
  });

  it("a learner with many attempts does not fit, and the page should offer the file instead", async () => {
    const big = sampleRecord();
    big.attempts = Array.from({ length: 300 }, (_, i) => ({
      ...big.attempts[0],
      id: newId(),
      seed: newId(),
      started: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
      finished: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000 + 200_000).toISOString(),
    }));
    const fragment = await encodeRecordFragment(big, NOW);
    expect(fitsInQrCode(fragment, "https://example.org/import/#")).toBe(false);
  });

  it("refuses a damaged, cut-off or tampered fragment", async () => {
    const fragment = await encodeRecordFragment(sampleRecord(), NOW);
    expect((await decodeFragment("")).ok).toBe(false);
    expect(await decodeFragment(fragment.slice(0, fragment.length / 2))).toMatchObject({ ok: false, problem: { code: "corrupt" } });
    expect(await decodeFragment("r1.!!notbase64")).toMatchObject({ ok: false, problem: { code: "corrupt" } });
    expect(await decodeFragment("zz.abc")).toMatchObject({ ok: false, problem: { code: "corrupt" } });
    expect(await decodeFragment(`${FRAGMENT_TAG}${base64url(new TextEncoder().encode("not deflate"))}`)).toMatchObject({ ok: false });

    const file = await createExport(sampleRecord(), NOW);
    const edited = await encodeFragment({ ...file, record: { ...file.record, learner: { ...file.record.learner, name: "别人" } } });
    expect(await decodeFragment(edited)).toMatchObject({ ok: false, problem: { code: "tampered" } });
  });
});

describe("ids and base64url", () => {
  it("round-trips bytes of every length", () => {
    for (let n = 0; n < 40; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      expect(fromBase64url(base64url(bytes))).toEqual(bytes);
    }
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe("-_8");
    expect(fromBase64url("a")).toBeUndefined();
    expect(fromBase64url("ab=c")).toBeUndefined();
  });

  it("makes 16-character ids that the schema accepts", () => {
    const ids = new Set(Array.from({ length: 2000 }, newId));
    expect(ids.size).toBe(2000);
    for (const id of ids) {
      expect(id).toHaveLength(16);
      expect(entryIdSchema.safeParse(id).success).toBe(true);
      expect(fromBase64url(id)).toHaveLength(12);
    }
  });
});

describe("files exported before canonical JSON and base64url moved to libraries", () => {
  // Written by the hand-written canonicaliser (commit before "canonicalize and @scure/base");
  // its checksum must still verify, or learners' saved files would stop importing.
  const before = readFileSync(new URL("../../fixtures/progress/export-before-jcs.json", import.meta.url), "utf8");

  test("still verify and import unchanged", async () => {
    const parsed = JSON.parse(before);
    expect(parsed.checksum.value).toBe("456a70977b682fc96233b8d16a2954e2386b60b186d26b91a7ea42cb3af6a405");
    const result = await importText(before);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.record).toEqual(parsed.record);
  });

  test("canonical text and its hash are the ones computed before", async () => {
    const tricky = { b: [1.0, -0, 1e21, 0.1 + 0.2, 1e-7], a: { "\u{1F600}": "调解\n", "\uFFFF": null, A: true } };
    const text = canonicalJson(tricky);
    expect(text).toBe('{"a":{"A":true,"\u{1F600}":"调解\\n","\uFFFF":null},"b":[1,0,1e+21,0.30000000000000004,1e-7]}');
    expect(await sha256Hex(text)).toBe("e4ed8efa0bf4e7ce2c676d3c036bcb719c58fc38abe77765b095dcc3ecb0ef29");
  });

  test("base64url is the same encoding as before, and refuses what is not base64url", () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255, 16, 32]);
    expect(base64url(bytes)).toBe("AAEC-vv8_f7_ECA");
    expect(fromBase64url("AAEC-vv8_f7_ECA")).toEqual(bytes);
    for (const bad of ["A", "AB+C", "AB/C", "AB=C", "ABC="]) expect(fromBase64url(bad)).toBeUndefined();
  });

  test("a lone surrogate is refused, not hashed", () => {
    expect(() => canonicalJson({ name: "\uD800" })).toThrow(TypeError);
  });
});
