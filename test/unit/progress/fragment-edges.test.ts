/**
 * The QR link's fragment (fragment.ts) at its edges: a "zip bomb" that would decompress to
 * far more than any record, bytes that are not UTF-8 or not JSON once decompressed, a
 * browser without compression streams, and URL prefixes longer than a QR code holds.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { canonicalJson } from "../../../src/lib/progress/canonical.ts";
import { createExport } from "../../../src/lib/progress/export.ts";
import {
  CompressionUnavailableError,
  decodeFragment,
  encodeFragment,
  encodeRecordFragment,
  fitsInQrCode,
  FRAGMENT_TAG,
  QR_BYTE_CAPACITY,
  qrFragmentBudget,
} from "../../../src/lib/progress/fragment.ts";
import { base64url } from "../../../src/lib/progress/ids.ts";
import { sampleRecord } from "./sample.ts";

const NOW = new Date("2025-03-06T10:00:00.000Z");
const CORRUPT = { ok: false, problem: { code: "corrupt", message: "链接或二维码中的学习记录不完整或已损坏：请重新扫描，或复制完整的链接。", details: [] } };

/** Bytes deflate-raw compressed, as a fragment carries them. */
async function deflated(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return FRAGMENT_TAG + base64url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe("decodeFragment", () => {
  it("takes the fragment with or without its #, and with spaces around it", async () => {
    const fragment = await encodeRecordFragment(sampleRecord(), NOW);
    const ok = { ok: true, record: sampleRecord(), fromVersion: 2 };
    expect(await decodeFragment(fragment)).toEqual(ok);
    expect(await decodeFragment(` #${fragment}\n`.trim())).toEqual(ok);
    expect(await decodeFragment(`#${fragment} `)).toEqual(ok);
  });

  it("an empty link says there is nothing in it", async () => {
    for (const fragment of ["", "#", "# ", "  "]) {
      expect(await decodeFragment(fragment)).toEqual({ ok: false, problem: { code: "empty", message: "链接里没有学习记录。", details: [] } });
    }
  });

  it("only the r1. encoding is read, and only as a prefix", async () => {
    const fragment = await encodeRecordFragment(sampleRecord(), NOW);
    expect(await decodeFragment(`x${fragment}`)).toEqual(CORRUPT);
    expect(await decodeFragment(fragment.replace("r1.", "r2."))).toEqual(CORRUPT);
    expect(await decodeFragment("r1.")).toEqual(CORRUPT);
  });

  it("refuses data that would decompress to more than 4 MB, without decompressing it all", async () => {
    const bomb = await deflated(new Uint8Array(5 * 1024 * 1024).fill(0x20));
    expect(bomb.length).toBeLessThan(QR_BYTE_CAPACITY * 4);
    expect(await decodeFragment(bomb)).toEqual(CORRUPT);
  });

  it("reads up to exactly 4 MB of decompressed data, and not one byte more, even when it is a good record", async () => {
    const text = canonicalJson(await createExport(sampleRecord(), NOW));
    // Whitespace is not content: padding before the JSON leaves the checksum valid.
    const padTo = (bytes: number) => new TextEncoder().encode(" ".repeat(bytes - new TextEncoder().encode(text).byteLength) + text);
    expect(await decodeFragment(await deflated(padTo(4 * 1024 * 1024)))).toEqual({ ok: true, record: sampleRecord(), fromVersion: 2 });
    expect(await decodeFragment(await deflated(padTo(4 * 1024 * 1024 + 1)))).toEqual(CORRUPT);
  });

  it("refuses decompressed bytes that are not UTF-8 or not JSON", async () => {
    expect(await decodeFragment(await deflated(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toEqual(CORRUPT);
    expect(await decodeFragment(await deflated(new TextEncoder().encode('{"format": ')))).toEqual(CORRUPT);
    // Not UTF-8 inside a string: damaged, not read as a replacement character.
    expect(await decodeFragment(await deflated(new Uint8Array([...new TextEncoder().encode('{"format": "'), 0xd5, 0xc5, 0x22, 0x7d])))).toEqual(CORRUPT);
    expect(await decodeFragment(await deflated(new TextEncoder().encode('{"format": 1}')))).toMatchObject({ ok: false, problem: { code: "not-a-record" } });
  });
});

describe("without compression streams (an old browser)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("no QR code can be made, and the page is told to offer the file", async () => {
    const file = await createExport(sampleRecord(), NOW);
    vi.stubGlobal("CompressionStream", undefined);
    const error = await encodeFragment(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompressionUnavailableError);
    expect(error).toMatchObject({ name: "CompressionUnavailableError", message: "此浏览器不支持压缩数据，无法生成二维码，请改用导出文件。" });
  });

  it("a scanned link is refused as unsupported, not as damaged", async () => {
    const fragment = await encodeRecordFragment(sampleRecord(), NOW);
    vi.stubGlobal("DecompressionStream", undefined);
    expect(await decodeFragment(fragment)).toEqual({ ok: false, problem: { code: "unsupported", message: "此浏览器不支持压缩数据，无法生成二维码，请改用导出文件。", details: [] } });
    // Encoding still works: only decompression is missing.
    await expect(encodeRecordFragment(sampleRecord(), NOW)).resolves.toMatch(/^r1\./);
  });
});

describe("QR capacity", () => {
  it("a prefix longer than a QR code leaves no room, never a negative budget", () => {
    expect(qrFragmentBudget("x".repeat(QR_BYTE_CAPACITY))).toBe(0);
    expect(qrFragmentBudget("x".repeat(QR_BYTE_CAPACITY + 10))).toBe(0);
    expect(qrFragmentBudget("x".repeat(QR_BYTE_CAPACITY - 1))).toBe(1);
    expect(fitsInQrCode("", "x".repeat(QR_BYTE_CAPACITY))).toBe(true);
    expect(fitsInQrCode("", "x".repeat(QR_BYTE_CAPACITY + 1))).toBe(false);
  });

  it("counts the fragment in UTF-8 bytes too", () => {
    const prefix = "x".repeat(QR_BYTE_CAPACITY - 3);
    expect(fitsInQrCode("调", prefix)).toBe(true);
    expect(fitsInQrCode("调a", prefix)).toBe(false);
  });
});
