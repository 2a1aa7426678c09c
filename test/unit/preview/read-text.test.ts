import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, readText } from "../../../src/lib/preview/read-text.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("readText", () => {
  it("reads UTF-8 text, Chinese included", () => {
    expect(readText(bytes("id: 调解\n"))).toEqual({ ok: true, text: "id: 调解\n" });
  });

  it("refuses a file over 1 MB, and takes one of exactly 1 MB", () => {
    expect(readText(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61))).toEqual({ ok: false, code: "too-big" });
    expect(readText(new Uint8Array(MAX_FILE_BYTES).fill(0x61)).ok).toBe(true);
    expect(MAX_FILE_BYTES).toBe(1048576);
  });

  it("refuses bytes that are not UTF-8 (a GBK file) and binary files", () => {
    expect(readText(new Uint8Array([0xb5, 0xf7, 0xbd, 0xe2]))).toEqual({ ok: false, code: "not-utf8" });
    expect(readText(new Uint8Array([0x89, 0x50, 0x00, 0x47]))).toEqual({ ok: false, code: "not-utf8" });
    // Valid UTF-8, but a NUL byte: a binary file, not text.
    expect(readText(bytes("id: a\0b"))).toEqual({ ok: false, code: "not-utf8" });
  });

  it("refuses an empty or blank file", () => {
    expect(readText(new Uint8Array())).toEqual({ ok: false, code: "empty" });
    expect(readText(bytes(" \n\t\n"))).toEqual({ ok: false, code: "empty" });
  });
});
