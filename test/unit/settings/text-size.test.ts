import { describe, expect, it } from "vitest";
import { readTextSize, TEXT_SIZE_KEY, writeTextSize } from "../../../src/lib/settings/text-size.ts";
import type { KeyValueStore } from "../../../src/lib/storage/key-value.ts";

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const blockedStore: KeyValueStore = {
  getItem() {
    throw new DOMException("The operation is insecure.", "SecurityError");
  },
  setItem() {
    throw new DOMException("Quota exceeded", "QuotaExceededError");
  },
};

describe("readTextSize", () => {
  it("is normal when there is no storage", () => {
    expect(readTextSize(undefined)).toBe("normal");
  });

  it("is normal when nothing was saved", () => {
    expect(readTextSize(memoryStore())).toBe("normal");
  });

  it("is large when large was saved under ma.textSize", () => {
    expect(TEXT_SIZE_KEY).toBe("ma.textSize");
    expect(readTextSize(memoryStore({ "ma.textSize": "large" }))).toBe("large");
  });

  it("is normal for any other saved value", () => {
    for (const value of ["normal", "LARGE", "huge", ""]) {
      expect(readTextSize(memoryStore({ [TEXT_SIZE_KEY]: value }))).toBe("normal");
    }
  });

  it("falls back to normal instead of throwing when storage is blocked", () => {
    expect(() => readTextSize(blockedStore)).not.toThrow();
    expect(readTextSize(blockedStore)).toBe("normal");
  });
});

describe("writeTextSize", () => {
  it("saves the preference and reads it back (round trip)", () => {
    const store = memoryStore();
    expect(writeTextSize(store, "large")).toBe(true);
    expect(store.data.get(TEXT_SIZE_KEY)).toBe("large");
    expect(readTextSize(store)).toBe("large");
    expect(writeTextSize(store, "normal")).toBe(true);
    expect(readTextSize(store)).toBe("normal");
  });

  it("returns false instead of throwing when storage refuses to save", () => {
    expect(writeTextSize(blockedStore, "large")).toBe(false);
  });

  it("returns false when there is no storage", () => {
    expect(writeTextSize(undefined, "large")).toBe(false);
  });
});
