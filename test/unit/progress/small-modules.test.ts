/**
 * The small modules around the store: which learner is using this browser
 * (current-learner.ts), the typed store errors and their zh-CN messages (errors.ts), and the
 * random ids (new-id.ts).
 */
import { describe, expect, it } from "vitest";
import { better } from "../../../src/lib/progress/best-score.ts";
import { CURRENT_LEARNER_KEY, readCurrentLearner, writeCurrentLearner } from "../../../src/lib/progress/current-learner.ts";
import { problem, ProgressStoreError, StorageFullError, StorageUnavailableError, toStoreError } from "../../../src/lib/progress/errors.ts";
import { newId } from "../../../src/lib/progress/new-id.ts";
import { ENTRY_ID } from "../../../src/lib/progress/patterns.ts";

/** A localStorage stand-in; `broken` makes every call throw, as blocked storage does. */
function storage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  const s = {
    broken: false,
    getItem(key: string) {
      if (s.broken) throw new Error("SecurityError");
      return map.get(key) ?? null;
    },
    setItem(key: string, value: string) {
      if (s.broken) throw new Error("QuotaExceededError");
      map.set(key, value);
    },
    removeItem(key: string) {
      if (s.broken) throw new Error("SecurityError");
      map.delete(key);
    },
    map,
  };
  return s;
}

describe("the current learner of this browser", () => {
  it("is kept under one key, and read back", () => {
    const s = storage();
    expect(CURRENT_LEARNER_KEY).toBe("ma.currentLearner");
    expect(readCurrentLearner(s)).toBeUndefined();
    expect(writeCurrentLearner(s, "Lr0aKq3vV2xY9bC1")).toBe(true);
    expect(s.map.get("ma.currentLearner")).toBe("Lr0aKq3vV2xY9bC1");
    expect(readCurrentLearner(s)).toBe("Lr0aKq3vV2xY9bC1");
  });

  it("is forgotten when set to nobody, and an empty value counts as nobody", () => {
    const s = storage({ "ma.currentLearner": "Lr0aKq3vV2xY9bC1", other: "kept" });
    expect(writeCurrentLearner(s, undefined)).toBe(true);
    expect([...s.map.keys()]).toEqual(["other"]);
    expect(writeCurrentLearner(s, "")).toBe(true);
    expect(s.map.has("ma.currentLearner")).toBe(false);
    expect(readCurrentLearner(storage({ "ma.currentLearner": "" }))).toBeUndefined();
  });

  it("a store that cannot remove keys still answers; no storage or blocked storage is reported, never thrown", () => {
    expect(writeCurrentLearner({ getItem: () => null, setItem: () => undefined }, undefined)).toBe(true);
    expect(readCurrentLearner(undefined)).toBeUndefined();
    expect(writeCurrentLearner(undefined, "x")).toBe(false);
    const blocked = storage({ "ma.currentLearner": "Lr0aKq3vV2xY9bC1" });
    blocked.broken = true;
    expect(readCurrentLearner(blocked)).toBeUndefined();
    expect(writeCurrentLearner(blocked, "x")).toBe(false);
    expect(writeCurrentLearner(blocked, undefined)).toBe(false);
  });
});

describe("store errors", () => {
  const named = (name: string) => Object.assign(new Error(name), { name });

  it("each code has its own zh-CN message, and a given message wins", () => {
    const codes = ["storage-full", "storage-unavailable", "storage-failed", "site-outdated", "learner-not-found", "learner-exists", "learner-mismatch", "invalid-data"] as const;
    const messages = codes.map((code) => new ProgressStoreError(code).message);
    expect(new Set(messages).size).toBe(codes.length);
    for (const message of messages) expect(message).toMatch(/[\u4e00-\u9fff]。$/);
    expect(new ProgressStoreError("learner-mismatch").message).toBe("两份学习记录属于不同的学员，不能合并。");
    expect(new ProgressStoreError("site-outdated").message).toContain("刷新页面");
    expect(new ProgressStoreError("invalid-data", "name：缺少").message).toBe("name：缺少");
  });

  it("say which kind they are, for the page to offer an export", () => {
    const full = new StorageFullError({ cause: "q" });
    expect([full.name, full.code, full.cause, full instanceof ProgressStoreError]).toEqual(["StorageFullError", "storage-full", "q", true]);
    expect(full.message).toContain("存储空间已满");
    const none = new StorageUnavailableError();
    expect([none.name, none.code, none instanceof ProgressStoreError]).toEqual(["StorageUnavailableError", "storage-unavailable", true]);
    expect(none.message).toContain("无痕模式");
    expect(new ProgressStoreError("learner-exists").name).toBe("ProgressStoreError");
  });

  it("a newer site's database means reload, not 'storage unavailable'", () => {
    const version = named("VersionError");
    const mapped = toStoreError(version);
    expect([mapped.code, mapped.cause, mapped instanceof StorageUnavailableError]).toEqual(["site-outdated", version, false]);
  });

  it("blocked storage in every browser's words is 'unavailable', keeping the original", () => {
    for (const name of ["SecurityError", "InvalidStateError", "NotAllowedError", "UnknownError"]) {
      const error = named(name);
      expect(toStoreError(error)).toMatchObject({ code: "storage-unavailable", cause: error });
    }
    const quota = named("QuotaExceededError");
    expect(toStoreError(quota)).toMatchObject({ code: "storage-full", cause: quota });
  });

  it("anything else, even a thrown string or an object without a name, is 'storage-failed'", () => {
    for (const thrown of ["SecurityError", null, { name: 5 }, { message: "x" }, named("AbortError")]) {
      const mapped = toStoreError(thrown);
      expect(mapped.code).toBe("storage-failed");
      expect(mapped.cause).toBe(thrown);
    }
  });
});

it("an import problem without details has an empty list, not undefined", () => {
  expect(problem("empty", "空")).toEqual({ code: "empty", message: "空", details: [] });
  expect(problem("invalid", "坏", ["a：b"]).details).toEqual(["a：b"]);
});

it("new ids are 16 url-safe characters, valid as entry ids, and never repeat", () => {
  const ids = Array.from({ length: 1000 }, newId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => !/^[A-Za-z0-9_-]{16}$/.test(id) || !ENTRY_ID.test(id))).toEqual([]);
  // 1,000 ids of 12 random bytes: both url-safe replacements occur (each misses with odds below 1e-100).
  expect(ids.some((id) => id.includes("-")) && ids.some((id) => id.includes("_"))).toBe(true);
});

describe("the best of two scores (best-score.ts)", () => {
  const s = (bestScore: number, max: number) => ({ bestScore, max });
  /** better() in both orders, which must agree. */
  const best = (a: { bestScore: number; max: number }, b: { bestScore: number; max: number }) => {
    expect(better(b, a)).toEqual(better(a, b));
    return better(a, b);
  };

  it("is decided by the share of the points, not the points", () => {
    expect(best(s(3, 4), s(7, 10))).toEqual(s(3, 4));
    expect(best(s(9, 20), s(1, 2))).toEqual(s(1, 2));
  });

  it("on an equal share, the larger test wins: 10 of 20 beats 1 of 2", () => {
    expect(best(s(10, 20), s(1, 2))).toEqual(s(10, 20));
    expect(best(s(0, 5), s(0, 3))).toEqual(s(0, 5));
  });

  it("a score out of 0 counts as 0 %, below any score above 0", () => {
    expect(best(s(3, 0), s(1, 5))).toEqual(s(1, 5));
    expect(best(s(3, 0), s(0, 5))).toEqual(s(0, 5));
    expect(best(s(3, 0), s(1, 0))).toEqual(s(3, 0));
  });
});
