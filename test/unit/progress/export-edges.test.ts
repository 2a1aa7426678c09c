/**
 * The export file's envelope and the import's finer rules (export.ts): every refusal says
 * which field is wrong; a text with replacement characters (U+FFFD) is blamed on its
 * encoding only when it fails; a certification application travels with the record; a
 * browser without Web Crypto refuses instead of importing unchecked.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { canonicalJson } from "../../../src/lib/progress/canonical.ts";
import {
  ChecksumUnavailableError,
  createExport,
  EXPORT_FORMAT,
  exportFileName,
  exportText,
  importBytes,
  importText,
  importValue,
  looksTruncated,
  MAX_IMPORT_BYTES,
  sha256Hex,
} from "../../../src/lib/progress/export.ts";
import { MAX_JSON_DEPTH } from "../../../src/lib/progress/json-shape.ts";
import { sampleRecord, sampleV1 } from "./sample.ts";

const NOW = new Date("2025-03-06T10:00:00.000Z");

/** An export file's fields, with a correct checksum over them (the checksum field itself excluded). */
async function signedValue(content: Record<string, unknown>): Promise<Record<string, unknown>> {
  return { ...content, checksum: { algorithm: "SHA-256", value: await sha256Hex(canonicalJson(content)) } };
}
const signed = async (content: Record<string, unknown>) => JSON.stringify(await signedValue(content));
const envelope = (patch: Record<string, unknown> = {}) => ({ format: EXPORT_FORMAT, version: 2, exported: NOW.toISOString(), record: sampleRecord(), ...patch });

async function refused(text: string) {
  const result = await importText(text);
  if (result.ok) throw new Error("expected the import to be refused");
  return result.problem;
}

describe("the envelope, field by field", () => {
  it("an export time that is not a time", async () => {
    expect(await refused(await signed(envelope({ exported: "2025年3月6日" })))).toEqual({
      code: "invalid",
      message: "学习记录文件的格式不对，没有导入。",
      details: ["exported：导出时间 exported 格式不对"],
    });
  });

  it("a checksum of another algorithm, or not written as 64 lowercase hex digits", async () => {
    const file = JSON.parse(await exportText(sampleRecord(), NOW));
    const md5 = { ...file, checksum: { ...file.checksum, algorithm: "MD5" } };
    expect(await refused(JSON.stringify(md5))).toMatchObject({ code: "invalid", details: [expect.stringMatching(/^checksum\.algorithm：只能是 SHA-256/)] });
    const upper = { ...file, checksum: { ...file.checksum, value: file.checksum.value.toUpperCase() } };
    expect(await refused(JSON.stringify(upper))).toMatchObject({ code: "invalid", details: ["checksum.value：校验码应为 64 位十六进制数"] });
    // 63 or 65 digits: a checksum cut or padded, refused as malformed before it is compared.
    for (const value of [file.checksum.value.slice(1), `0${file.checksum.value}`, `${file.checksum.value}0`]) {
      const bad = { ...file, checksum: { ...file.checksum, value } };
      expect(await refused(JSON.stringify(bad))).toMatchObject({ code: "invalid", details: ["checksum.value：校验码应为 64 位十六进制数"] });
    }
    const extra = { ...file, checksum: { ...file.checksum, salt: "x" } };
    expect((await refused(JSON.stringify(extra))).code).toBe("invalid");
  });

  it("a field the format does not have, even one covered by the checksum", async () => {
    const problem = await refused(await signed(envelope({ comment: "我改过" })));
    expect(problem).toMatchObject({ code: "invalid", details: [expect.stringContaining("comment")] });
  });

  it("a record that is missing, not an object, or of another version than the file", async () => {
    const mismatch = "学习记录的版本号与文件的版本号不一致，没有导入。";
    expect(await refused(await signed(envelope({ record: null })))).toEqual({ code: "invalid", message: mismatch, details: [] });
    expect(await refused(await signed(envelope({ record: "张秀兰" })))).toMatchObject({ code: "invalid", message: mismatch });
    expect(await refused(await signed(envelope({ record: undefined })))).toMatchObject({ code: "invalid" });
    expect(await refused(await signed(envelope({ version: 2, record: sampleV1() })))).toMatchObject({ code: "invalid", message: mismatch });
  });

  it("a version that is not a positive whole number", async () => {
    for (const version of [0, -2, 1.5, "2", null]) {
      expect(await refused(await signed(envelope({ version })))).toMatchObject({ code: "invalid", message: expect.stringContaining("版本号") });
    }
  });

  it("an envelope that is valid, with a record that is not, names the record's fields", async () => {
    const record = { ...sampleRecord(), lessons: [{ ...sampleRecord().lessons[0], kind: "closed" }] };
    const problem = await refused(await signed(envelope({ record })));
    expect(problem.code).toBe("invalid");
    expect(problem.details).toEqual([expect.stringMatching(/^lessons\.0\.kind：/)]);
  });
});

describe("nesting and reserved keys are refused with where they are", () => {
  it("too deep: the path of the first value past the limit", async () => {
    const value = await signedValue(envelope());
    (value.record as { runs: { log: unknown[] }[] }).runs[0]!.log = [JSON.parse(`${"[".repeat(MAX_JSON_DEPTH + 1)}1${"]".repeat(MAX_JSON_DEPTH + 1)}`)];
    const result = await importValue(value);
    expect(result).toMatchObject({ ok: false, problem: { code: "too-deep", message: expect.stringContaining(`最多 ${MAX_JSON_DEPTH} 层`) } });
    if (!result.ok) expect(result.problem.details).toEqual([expect.stringMatching(/^record\.runs\.0\.log\.0(\.0)+$/)]);
  });

  it("a reserved key: its name, where it is, and the names the site cannot keep", async () => {
    const value = await signedValue(envelope());
    (value.record as { attempts: { answers: unknown }[] }).attempts[0]!.answers = JSON.parse('{"constructor": "a"}');
    const result = await importValue(value);
    expect(result).toEqual({
      ok: false,
      problem: {
        code: "reserved-key",
        message: "文件里有名为 constructor 的字段（位置：record.attempts.0.answers.constructor）。本网站不能原样保存 __proto__、constructor、prototype 这样的字段名，为免记录被悄悄改动，没有导入。",
        details: ["record.attempts.0.answers.constructor"],
      },
    });
  });
});

describe("text that went through the wrong decoder (U+FFFD)", () => {
  const encoding = { code: "wrong-encoding" };

  it("blames the encoding whenever such a text fails as corrupt, truncated, invalid or tampered", async () => {
    // Corrupt: not JSON at all.
    expect(await refused("\uFFFD}")).toMatchObject(encoding);
    // Truncated: stops inside a string.
    expect(await refused('{"format": "\uFFFD')).toMatchObject(encoding);
    // Invalid: a name the decoder turned into nothing but replacement characters, then emptied.
    const invalid = sampleRecord() as unknown as { learner: Record<string, unknown> };
    invalid.learner.name = 5;
    invalid.learner.village = "\uFFFD\uFFFD";
    expect(await refused(await signed(envelope({ record: invalid })))).toMatchObject(encoding);
    // Tampered: the decoder changed the bytes the checksum covered.
    const file = JSON.parse(await exportText(sampleRecord(), NOW));
    file.record.learner.village = "\uFFFD\uFFFD村";
    expect(await refused(JSON.stringify(file))).toMatchObject(encoding);
  });

  it("the same failures without U+FFFD keep their own codes", async () => {
    expect((await refused("}")).code).toBe("corrupt");
    expect((await refused('{"format": "')).code).toBe("truncated");
    const file = JSON.parse(await exportText(sampleRecord(), NOW));
    file.record.learner.village = "西关村";
    expect((await refused(JSON.stringify(file))).code).toBe("tampered");
  });

  it("other refusals are not blamed on the encoding, and a good file with U+FFFD in a name imports", async () => {
    expect((await refused('{"name": "\uFFFD"}')).code).toBe("not-a-record");
    expect((await refused(await signed(envelope({ version: 3, note: "\uFFFD" })))).code).toBe("future-version");
    const record = sampleRecord();
    record.learner.name = "张\uFFFD兰";
    expect(await importText(await exportText(record, NOW))).toEqual({ ok: true, record, fromVersion: 2 });
  });
});

describe("byte-order marks", () => {
  it("only a leading one is dropped: one inside a value is content, covered by the checksum", async () => {
    const record = sampleRecord();
    record.learner.village = "东\uFEFF关村";
    const text = await exportText(record, NOW);
    expect(await importText(text)).toEqual({ ok: true, record, fromVersion: 2 });
    expect(await importText(`\uFEFF${text}`)).toEqual({ ok: true, record, fromVersion: 2 });
    expect((await refused("\uFEFF")).code).toBe("empty");
  });
});

describe("an application travels with the record", () => {
  it("is covered by the checksum and returned as it was", async () => {
    const application = { level: "basic", note: "申请初级证书" };
    const file = await createExport(sampleRecord(), NOW, { application });
    const result = await importText(JSON.stringify(file));
    expect(result).toStrictEqual({ ok: true, record: sampleRecord(), fromVersion: 2, application });
    expect(await refused(JSON.stringify({ ...file, application: { ...application, level: "advanced" } }))).toMatchObject({ code: "tampered" });
    expect(await refused(JSON.stringify({ ...file, application: undefined }))).toMatchObject({ code: "tampered" });
  });

  it("is absent from the result when the file has none", async () => {
    const result = await importText(await exportText(sampleRecord(), NOW));
    expect(result).toStrictEqual({ ok: true, record: sampleRecord(), fromVersion: 2 });
    expect(Object.keys(result)).toEqual(["ok", "record", "fromVersion"]);
  });

  it("the file's text is the export itself, indented, ending with a newline", async () => {
    const text = await exportText(sampleRecord(), NOW);
    expect(text).toBe(`${JSON.stringify(await createExport(sampleRecord(), NOW), null, 2)}\n`);
    expect(Object.keys(JSON.parse(text))).toEqual(["format", "version", "exported", "record", "checksum"]);
  });
});

describe("without Web Crypto (a page served over plain http)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("an export cannot be made, and says why", async () => {
    vi.stubGlobal("crypto", undefined);
    await expect(sha256Hex("abc")).rejects.toBeInstanceOf(ChecksumUnavailableError);
    await expect(createExport(sampleRecord(), NOW)).rejects.toMatchObject({ name: "ChecksumUnavailableError", message: expect.stringContaining("https") });
  });

  it("an import is refused as unsupported rather than taken unchecked", async () => {
    const text = await exportText(sampleRecord(), NOW);
    vi.stubGlobal("crypto", {});
    expect(await importText(text)).toEqual({
      ok: false,
      problem: { code: "unsupported", message: "此浏览器无法计算校验码：请通过 https 打开本网站，或换用较新的浏览器。", details: [] },
    });
  });

  it("any other failure of the digest is not hidden as 'unsupported'", async () => {
    const text = await exportText(sampleRecord(), NOW);
    vi.stubGlobal("crypto", { subtle: { digest: () => Promise.reject(new Error("engine failure")) } });
    await expect(importText(text)).rejects.toThrow("engine failure");
  });
});

describe("file names and truncation", () => {
  it("drops every character a file system refuses, and spaces", () => {
    expect(exportFileName({ name: '张\\秀/兰:a*b?c"d<e>f|g h\ti' }, NOW)).toBe("调解员学堂-学习记录-张秀兰abcdefghi-2025-03-06.json");
    expect(exportFileName({ name: "张秀兰" }, new Date("2025-12-31T23:59:59.999Z"))).toBe("调解员学堂-学习记录-张秀兰-2025-12-31.json");
  });

  it("a text that only closes brackets, or a string with an escaped backslash at the end, is not cut off", () => {
    expect(looksTruncated("]}")).toBe(false);
    expect(looksTruncated('["a\\\\", ')).toBe(true);
    expect(looksTruncated('"\\\\"')).toBe(false);
    expect(looksTruncated('{"a": "b"')).toBe(true);
    expect(looksTruncated("")).toBe(false);
    // An empty string is closed at once, however it starts.
    expect(looksTruncated('["", ]')).toBe(false);
  });

  it("bytes that are not UTF-8 are the wrong encoding, even where the text would otherwise fail for another reason", async () => {
    // {"name":"<GB18030 for 张三>"}: JSON, but not ours; decoded leniently it would read as "not a record".
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"'), 0xd5, 0xc5, 0xc8, 0xfd, ...new TextEncoder().encode('"}')]);
    expect(await importBytes(bytes)).toMatchObject({ ok: false, problem: { code: "wrong-encoding", message: expect.stringContaining("另存为") } });
  });

  it("a text of exactly the size limit is still read (here: found empty)", async () => {
    expect((await refused(" ".repeat(MAX_IMPORT_BYTES))).code).toBe("empty");
    expect((await refused(" ".repeat(MAX_IMPORT_BYTES + 1))).code).toBe("too-large");
  });

  it("bytes that are valid UTF-8 go on to the content checks", async () => {
    expect((await importBytes(new TextEncoder().encode("{}"))).ok).toBe(false);
    expect(await importBytes(new TextEncoder().encode("{}"))).toMatchObject({ ok: false, problem: { code: "not-a-record" } });
  });
});
