import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "../../../src/lib/progress/export.ts";
import { fileBatches, splitBatch } from "../../../src/lib/statistics/file-batches.ts";

describe("fileBatches", () => {
  it("cuts batches at the byte or the file limit, keeps order, and puts every readable file in one batch", () => {
    expect(fileBatches([3, 3, 3, 3, 3], { maxBytes: 6, maxFiles: 10 }).batches).toEqual([[0, 1], [2, 3], [4]]);
    expect(fileBatches([1, 1, 1, 1, 1], { maxBytes: 100, maxFiles: 2 }).batches).toEqual([[0, 1], [2, 3], [4]]);
    // Exactly at the byte limit still fits.
    expect(fileBatches([2, 4, 1], { maxBytes: 6, maxFiles: 10 }).batches).toEqual([[0, 1], [2]]);
  });

  it("gives a file larger than a batch a batch of its own, and never reads one over the import limit", () => {
    expect(fileBatches([1, 50, 1], { maxBytes: 10, maxFiles: 10 })).toEqual({ batches: [[0], [1], [2]], tooLarge: [] });
    expect(fileBatches([1, MAX_IMPORT_BYTES + 1, MAX_IMPORT_BYTES, 1])).toEqual({ batches: [[0], [2], [3]], tooLarge: [1] });
    expect(fileBatches([])).toEqual({ batches: [], tooLarge: [] });
  });

  it("reads 3,000 typical exports (26 KB) in a few dozen batches", () => {
    const { batches } = fileBatches(Array(3_000).fill(26_000));
    expect(batches).toHaveLength(30);
    expect(batches.flat()).toEqual([...Array(3_000).keys()]);
  });
});

describe("splitBatch", () => {
  it("gives each file of a batch read as one buffer its own bytes, empty files included", () => {
    const buffer = new TextEncoder().encode("abc{}xyzw").buffer;
    const files = splitBatch(["a.json", "empty.json", "b.json", "c.json"], [3, 0, 2, 4], buffer);
    expect(files.map((f) => [f.name, "bytes" in f ? new TextDecoder().decode(f.bytes) : undefined])).toEqual([
      ["a.json", "abc"],
      ["empty.json", ""],
      ["b.json", "{}"],
      ["c.json", "xyzw"],
    ]);
  });

  it("refuses a buffer that does not hold exactly the files' sizes (a file changed after it was picked)", () => {
    const buffer = new ArrayBuffer(5);
    expect(() => splitBatch(["a", "b"], [2, 2], buffer)).toThrow(/4 bytes.*5 bytes/);
    expect(() => splitBatch(["a", "b"], [2, 4], buffer)).toThrow();
    expect(() => splitBatch(["a"], [2, 3], buffer)).toThrow(/1 names, 2 sizes/);
  });
});
