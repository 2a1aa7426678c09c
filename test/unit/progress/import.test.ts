/**
 * The import path the site really uses (import-file.ts: bytes → every check → one atomic
 * store.importRecord), tried the way a careless or hostile user would: files nested
 * thousands of levels deep, reserved keys, the wrong text encoding, oversized files,
 * conflicting copies of one entry, profiles edited on two devices, old versions with a
 * bad checksum or a value the new format cannot hold.
 */
import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { canonicalJson } from "../../../src/lib/progress/canonical.ts";
import { digestRecord } from "../../../src/lib/progress/digest.ts";
import { EXPORT_FORMAT, exportText, importBytes, importSizeProblem, importText, MAX_IMPORT_BYTES, sha256Hex } from "../../../src/lib/progress/export.ts";
import { decodeFragment, encodeFragment } from "../../../src/lib/progress/fragment.ts";
import { importFile, importSummary } from "../../../src/lib/progress/import-file.ts";
import { IndexedDbBackend } from "../../../src/lib/progress/indexeddb-backend.ts";
import { isPlainJson, jsonShapeProblem, MAX_FILE_DEPTH, MAX_JSON_DEPTH } from "../../../src/lib/progress/json-shape.ts";
import { MemoryBackend } from "../../../src/lib/progress/memory-backend.ts";
import { migrateRecord } from "../../../src/lib/progress/migrate.ts";
import { progressRecordSchema, type ProgressRecord } from "../../../src/lib/progress/schema.ts";
import { createProgressStore, type ProgressBackend, type ProgressStore } from "../../../src/lib/progress/store.ts";
import { sampleRecord, sampleV1 } from "./sample.ts";

const NOW = new Date("2025-03-06T10:00:00.000Z");
const utf8 = (text: string) => new TextEncoder().encode(text);

/** An export file of any content, with a correct checksum over it. */
async function signed(content: Record<string, unknown>): Promise<string> {
  return JSON.stringify({ ...content, checksum: { algorithm: "SHA-256", value: await sha256Hex(canonicalJson(content)) } });
}

/** `[[[…[x]…]]]`, `levels` arrays around `x`: a value whose innermost item sits at depth `levels`. */
const nested = (levels: number, x: unknown = 1): unknown => {
  let value = x;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

const withLog = (item: unknown): ProgressRecord => {
  const record = sampleRecord();
  record.runs[0].log = [item as never];
  return record;
};

const opened: IndexedDbBackend[] = [];
let dbCount = 0;
afterEach(() => opened.splice(0).forEach((b) => b.close()));

/** Both backends, so every store rule below holds on IndexedDB as well as in memory. */
const backends: [string, () => Promise<ProgressBackend>][] = [
  ["memory", async () => new MemoryBackend()],
  [
    "IndexedDB",
    async () => {
      const backend = await IndexedDbBackend.open({ name: `test-import-${++dbCount}` });
      opened.push(backend);
      return backend;
    },
  ],
];

async function snapshot(store: ProgressStore) {
  const learners = await store.listLearners();
  return Promise.all(learners.map(async (l) => ({ record: await store.readRecord(l.id), overview: await store.readOverview(l.id) })));
}

describe("depth: one limit for the file, the schema and the store", () => {
  it("measures depth without recursion, so no value overflows the stack", () => {
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH + 1))).toMatchObject({ code: "too-deep" });
    expect(jsonShapeProblem(nested(200_000))).toMatchObject({ code: "too-deep" });
    expect(jsonShapeProblem({ a: { b: [1, { c: Number.NaN }] } })).toEqual({ code: "not-json", path: "a.b.1.c" });
    for (const bad of [new Date(0), () => 1, undefined, 1n]) expect(isPlainJson([bad])).toBe(false);
    expect(MAX_FILE_DEPTH).toBe(MAX_JSON_DEPTH + 5);
  });

  it("a log item at the store's limit exports, imports and is stored; one level more is refused by all three", async () => {
    const store = createProgressStore(new MemoryBackend());
    const deepest = withLog(nested(MAX_JSON_DEPTH));
    const result = await importText(await exportText(deepest, NOW));
    expect(result.ok).toBe(true);
    expect(progressRecordSchema.safeParse(deepest).success).toBe(true);
    await store.importRecord(deepest);
    const { id: _id, ...run } = deepest.runs[0];
    await expect(store.appendRun(deepest.learner.id, run)).resolves.toBeDefined();

    const tooDeep = withLog(nested(MAX_JSON_DEPTH + 1));
    expect(progressRecordSchema.safeParse(tooDeep).success).toBe(false);
    const refused = await importText(await exportText(tooDeep, NOW));
    expect(refused).toMatchObject({ ok: false, problem: { code: "too-deep", message: expect.stringContaining(`最多 ${MAX_JSON_DEPTH} 层`) } });
    const { id: _id2, ...deepRun } = tooDeep.runs[0];
    await expect(store.appendRun(deepest.learner.id, deepRun)).rejects.toMatchObject({ code: "invalid-data" });
  });

  it("a file nested thousands of levels deep (in the log, the application or anywhere) is refused with a message, never a RangeError", async () => {
    const deepText = `${"[".repeat(5000)}1${"]".repeat(5000)}`;
    const texts = [
      (await exportText(sampleRecord(), NOW)).replace('"log": [', `"log": [${deepText},`),
      JSON.stringify({ format: EXPORT_FORMAT, version: 2, exported: NOW.toISOString(), record: sampleRecord(), application: "DEEP", checksum: { algorithm: "SHA-256", value: "0".repeat(64) } }).replace('"DEEP"', deepText),
      deepText,
    ];
    for (const text of texts) {
      const result = await importText(text);
      expect(result).toMatchObject({ ok: false, problem: { code: "too-deep" } });
      if (!result.ok) expect(result.problem.message).toMatch(/嵌套层数过多/);
    }
  });
});

describe("reserved keys are refused with the reason, never dropped", () => {
  const placements: [string, (key: string) => ProgressRecord][] = [
    [
      "an answer",
      (key) => {
        const r = sampleRecord();
        r.attempts[0].answers = JSON.parse(`{"${key}": "a", "who-may-apply": "a"}`);
        return r;
      },
    ],
    [
      "a matching response",
      (key) => {
        const r = sampleRecord();
        r.attempts[0].answers = JSON.parse(`{"who-may-apply": {"${key}": "b"}}`);
        return r;
      },
    ],
    ["a log item", (key) => withLog(JSON.parse(`{"choice": "x", "${key}": {"polluted": true}}`))],
  ];

  for (const key of ["__proto__", "constructor", "prototype"]) {
    for (const [where, make] of placements) {
      it(`${key} in ${where}: the file, the schema and the store all refuse it`, async () => {
        const record = make(key);
        // canonicalJson keeps the key, so the checksum covers it: only our check can catch it.
        expect(canonicalJson(record)).toContain(`"${key}"`);
        const result = await importText(await signed({ format: EXPORT_FORMAT, version: 2, exported: NOW.toISOString(), record }));
        expect(result).toMatchObject({ ok: false, problem: { code: "reserved-key", message: expect.stringContaining(key) } });
        expect(progressRecordSchema.safeParse(record).success).toBe(false);
        const store = createProgressStore(new MemoryBackend());
        await expect(store.importRecord(record)).rejects.toMatchObject({ code: "invalid-data" });
        expect(await store.listLearners()).toEqual([]);
      });
    }
  }

  it("an entry with an extra field named like an inherited property is not taken for a known one", async () => {
    const store = createProgressStore(new MemoryBackend());
    const learner = await store.createLearner({ name: "张秀兰", township: "", village: "" });
    const event = JSON.parse('{"lesson": "procedure/the-session", "kind": "opened", "at": "2025-03-01T08:00:00.000Z", "seconds": 1, "constructor": 1}');
    await expect(store.appendLessonEvent(learner.id, event)).rejects.toMatchObject({ code: "invalid-data", message: expect.stringContaining("constructor") });
  });
});

describe("text encoding and size, checked before parsing", () => {
  const gb18030 = new Uint8Array(readFileSync(new URL("../../fixtures/progress/export-gb18030.json", import.meta.url)));

  it("a file saved again as GB18030 (\"ANSI\") says so and how to fix it, read strictly or leniently", async () => {
    const strict = await importBytes(gb18030);
    expect(strict).toMatchObject({ ok: false, problem: { code: "wrong-encoding", message: expect.stringContaining("UTF-8") } });
    // What File.text() gives: replacement characters where the bytes were not UTF-8.
    const lenient = await importText(new TextDecoder().decode(gb18030));
    expect(lenient).toMatchObject({ ok: false, problem: { code: "wrong-encoding" } });
    // The same file, decoded as what it is, is a good export: only the encoding was wrong.
    expect((await importText(new TextDecoder("gb18030").decode(gb18030))).ok).toBe(true);
  });

  it("UTF-16 (Notepad's \"Unicode\") is the wrong encoding too; UTF-8 with or without a BOM is fine", async () => {
    const text = await exportText(sampleRecord(), NOW);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    expect(await importBytes(utf16)).toMatchObject({ ok: false, problem: { code: "wrong-encoding" } });
    expect(await importBytes(new Uint8Array([0xfe, 0xff, 0, 0x7b]))).toMatchObject({ ok: false, problem: { code: "wrong-encoding" } });
    expect((await importBytes(utf8(text))).ok).toBe(true);
    expect((await importBytes(utf8(`\uFEFF${text}`))).ok).toBe(true);
  });

  it("a file over the limit is refused by its size, before it is decoded or parsed", async () => {
    expect(importSizeProblem(MAX_IMPORT_BYTES)).toBeUndefined();
    expect(importSizeProblem(MAX_IMPORT_BYTES + 1)).toMatchObject({ code: "too-large", message: expect.stringContaining("文件太大（16.0 MB，最多 16 MB）") });
    expect(importSizeProblem(40 * 1024 * 1024)?.message).toContain("40.0 MB");
    // Not JSON and not UTF-8: only a size check that runs first can name the problem.
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0xff);
    expect(await importBytes(huge)).toMatchObject({ ok: false, problem: { code: "too-large" } });
    expect(await importText("x".repeat(MAX_IMPORT_BYTES + 1))).toMatchObject({ ok: false, problem: { code: "too-large" } });
  });
});

describe("old versions", () => {
  it("a version-1 export with a wrong checksum is refused as edited", async () => {
    const text = await signed({ format: EXPORT_FORMAT, version: 1, exported: "2024-12-01T00:00:00.000Z", record: sampleV1() });
    expect((await importText(text)).ok).toBe(true);
    const file = JSON.parse(text);
    file.record.quizScores[0].percent = 100;
    expect(await importText(JSON.stringify(file))).toMatchObject({ ok: false, problem: { code: "tampered" } });
  });

  it("a version-1 record that migrates into an invalid version-2 record is refused, not stored and not thrown", async () => {
    // Valid in version 1 (place: 80 characters), but the first word becomes a 41-character township.
    const v1 = { ...sampleV1(), learner: { ...sampleV1().learner, place: `${"很".repeat(41)} 东关村` } };
    expect(migrateRecord(v1)).toMatchObject({ ok: false, problem: { code: "invalid", message: expect.stringContaining("第 1 版") } });
    const text = await signed({ format: EXPORT_FORMAT, version: 1, exported: "2024-12-01T00:00:00.000Z", record: v1 });
    const store = createProgressStore(new MemoryBackend());
    const result = await importFile(store, utf8(text));
    expect(result).toMatchObject({ ok: false, problem: { code: "invalid", details: [expect.stringContaining("learner.township")] } });
    expect(await store.listLearners()).toEqual([]);
  });

  it("a file whose record claims another version than the file is refused", async () => {
    const text = await signed({ format: EXPORT_FORMAT, version: 1, exported: NOW.toISOString(), record: sampleRecord() });
    expect(await importText(text)).toMatchObject({ ok: false, problem: { code: "invalid" } });
  });
});

describe.each(backends)("the site's import path on the %s backend", (_name, makeBackend) => {
  it("conflicting copies of one entry: both devices end with the same copy, whichever imports first, and the learner is told how many", async () => {
    const phoneRecord = sampleRecord();
    const computerRecord = sampleRecord();
    computerRecord.attempts[0] = { ...computerRecord.attempts[0], score: 1, passed: false };
    computerRecord.lessons[1] = { ...computerRecord.lessons[1], seconds: 901 };

    const phone = createProgressStore(await makeBackend());
    const computer = createProgressStore(await makeBackend());
    await phone.importRecord(phoneRecord);
    await computer.importRecord(computerRecord);
    const fromPhone = utf8(await exportText(await phone.readRecord(phoneRecord.learner.id), NOW));
    const fromComputer = utf8(await exportText(await computer.readRecord(phoneRecord.learner.id), NOW));

    const onPhone = await importFile(phone, fromComputer);
    const onComputer = await importFile(computer, fromPhone);
    expect(onPhone).toMatchObject({ ok: true, outcome: { conflicts: 2, added: 0 } });
    expect(onComputer).toMatchObject({ ok: true, outcome: { conflicts: 2, added: 0 } });
    const a = await phone.readRecord(phoneRecord.learner.id);
    const b = await computer.readRecord(phoneRecord.learner.id);
    expect(a).toEqual(b);
    // Totals follow the kept copies, not a mix of both.
    expect((await phone.readOverview(a.learner.id)).digests).toEqual(digestRecord(a));
    expect((await computer.readOverview(b.learner.id)).digests).toEqual(digestRecord(b));
    // Once settled, a file from one imports into the other as nothing new, without conflict.
    const again = await importFile(computer, utf8(await exportText(a, NOW)));
    expect(again.ok && importSummary(again.outcome)).toMatchObject({ kind: "nothing-new", conflicts: 0 });
  });

  it("profile: a name changed on one device and the village changed later on the other both survive, in either order", async () => {
    const base = sampleRecord();
    const atPhone = new Date("2025-04-01T08:00:00.000Z");
    const atComputer = new Date("2025-04-02T08:00:00.000Z");
    const phone = createProgressStore(await makeBackend(), { now: () => atPhone });
    const computer = createProgressStore(await makeBackend(), { now: () => atComputer });
    await phone.importRecord(base);
    await computer.importRecord(base);
    await phone.renameLearner(base.learner.id, { name: "张秀英" });
    await computer.renameLearner(base.learner.id, { village: "西关村" });
    const phoneFile = utf8(await exportText(await phone.readRecord(base.learner.id), NOW));
    const computerFile = utf8(await exportText(await computer.readRecord(base.learner.id), NOW));
    const onPhone = await importFile(phone, computerFile);
    const onComputer = await importFile(computer, phoneFile);
    for (const result of [onPhone, onComputer]) {
      expect(result).toMatchObject({ ok: true, outcome: { profileChanged: true, learner: { name: "张秀英", village: "西关村", township: "城关镇" } } });
      if (result.ok) expect(importSummary(result.outcome).kind).toBe("added");
    }
    expect((await phone.listLearners())[0]).toEqual((await computer.listLearners())[0]);
    // A third, older copy changes nothing.
    const older = await importFile(phone, utf8(await exportText(base, NOW)));
    expect(older.ok && importSummary(older.outcome)).toMatchObject({ kind: "nothing-new" });
  });

  it("a failed import never touches the device: every bad file leaves records and totals exactly as they were", async () => {
    const store = createProgressStore(await makeBackend());
    await store.importRecord(sampleRecord());
    const before = await snapshot(store);
    const tampered = JSON.parse(await exportText({ ...sampleRecord(), lessons: [] }, NOW));
    tampered.record.learner.name = "别人";
    const newcomer = sampleRecord();
    newcomer.learner = { ...newcomer.learner, id: "someone-new-0001" };
    const futureFile = JSON.parse(await exportText(newcomer, NOW));
    futureFile.version = 3;
    const bad = [
      "",
      "{",
      JSON.stringify(tampered),
      JSON.stringify(futureFile),
      (await exportText(newcomer, NOW)).replace('"log": [', `"log": [${"[".repeat(3000)}${"]".repeat(3000)},`),
      await signed({ format: EXPORT_FORMAT, version: 2, exported: NOW.toISOString(), record: withLog(JSON.parse('{"__proto__": {"x": 1}}')) }),
    ];
    for (const text of bad) expect((await importFile(store, utf8(text))).ok).toBe(false);
    expect(await snapshot(store)).toEqual(before);
    // …while a good file through the same call does change it, so the check above can fail.
    expect((await importFile(store, utf8(await exportText(newcomer, NOW)))).ok).toBe(true);
    expect(await snapshot(store)).not.toEqual(before);
  });

  it("counts what it added by kind, the same things the QR preview counts", async () => {
    const store = createProgressStore(await makeBackend());
    const record = sampleRecord();
    const result = await importFile(store, utf8(await exportText(record, NOW)));
    if (!result.ok) throw new Error(result.problem.message);
    expect(importSummary(result.outcome)).toEqual({ kind: "new-learner", name: "张秀兰", lessons: record.lessons.length, attempts: 1, runs: 1, conflicts: 0 });
    const more = sampleRecord();
    more.lessons.push({ id: "ev-3", lesson: "procedure/the-agreement", kind: "opened", at: "2025-03-03T08:00:00.000Z", seconds: 10 });
    const second = await importFile(store, utf8(await exportText(more, NOW)));
    expect(second.ok && importSummary(second.outcome)).toEqual({ kind: "added", name: "张秀兰", lessons: 1, attempts: 0, runs: 0, conflicts: 0 });
  });
});

describe("the QR link takes the same path", () => {
  it("refuses a deep or reserved-key record in a fragment like in a file", async () => {
    const deep = JSON.parse(await exportText(withLog(nested(MAX_JSON_DEPTH + 1)), NOW));
    expect(await decodeFragment(await encodeFragment(deep))).toMatchObject({ ok: false, problem: { code: "too-deep" } });
  });
});

describe("IndexedDB: an error in the middle of a commit writes nothing", () => {
  const event = (id: string, n: number) => ({ id, lesson: "procedure/the-session", kind: "opened" as const, at: new Date(Date.UTC(2025, 2, 1, 8, 0, n)).toISOString(), seconds: n });

  it("after some entries were already added in the transaction (a later one fails to store)", async () => {
    const backend = await IndexedDbBackend.open({ name: `test-import-${++dbCount}` });
    opened.push(backend);
    const store = createProgressStore(backend);
    const learner = await store.createLearner({ name: "张秀兰", township: "城关镇", village: "东关村" });
    await store.appendLessonEvent(learner.id, event("first", 1));
    const before = await snapshot(store);
    const good = (id: string, n: number) => ({ learner: learner.id, kind: "lesson" as const, id, value: event(id, n) });
    // A value IndexedDB cannot store (DataCloneError) after two that it added.
    const unstorable = { ...good("bad", 4), value: { ...event("bad", 4), extra: () => 1 } };
    await expect(backend.commit(learner.id, { profile: (p) => ({ ...p!, name: "改过" }), entries: [good("a", 2), good("b", 3), unstorable] })).rejects.toBeDefined();
    // An entry for another learner, found after two were added: refused, nothing kept.
    await expect(backend.commit(learner.id, { entries: [good("c", 5), good("d", 6), { ...good("e", 7), learner: "someone-else" }] })).rejects.toMatchObject({ code: "invalid-data" });
    // A resolve callback that throws part-way through an import.
    await expect(
      backend.commit(learner.id, {
        entries: [good("f", 8), good("first", 1)],
        resolve: () => {
          throw new Error("boom");
        },
      }),
    ).rejects.toThrow("boom");
    expect(await snapshot(store)).toEqual(before);
  });
});

describe("small rules, exactly", () => {
  it("a summary with only conflicts is not 'nothing new'", () => {
    const outcome = { learner: sampleRecord().learner, created: false, profileChanged: false, added: 0, addedKinds: { lesson: 0, attempt: 0, run: 0 }, conflicts: 1 };
    expect(importSummary(outcome).kind).toBe("added");
    expect(importSummary({ ...outcome, conflicts: 0 }).kind).toBe("nothing-new");
    expect(importSummary({ ...outcome, conflicts: 0, profileChanged: true }).kind).toBe("added");
  });

  it("names what is not JSON, and accepts every JSON kind", () => {
    expect(jsonShapeProblem({ a: () => 1 })).toEqual({ code: "not-json", path: "a" });
    expect(jsonShapeProblem(new Map())).toEqual({ code: "not-json", path: "" });
    expect(jsonShapeProblem([null, true, "x", 0, { b: [] }])).toBeUndefined();
    expect(isPlainJson(Object.assign(Object.create(null), { a: 1 }))).toBe(true);
    expect(jsonShapeProblem(JSON.parse('{"a": [{"prototype": 1}]}'))).toEqual({ code: "reserved-key", path: "a.0.prototype", key: "prototype" });
  });

  it("version numbers: only positive integers, each refusal worded", () => {
    for (const version of [0, -1, 1.5, "2", null]) {
      const result = migrateRecord({ ...sampleRecord(), version });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem).toMatchObject({ code: "invalid", message: expect.stringMatching(/版本号|格式/) });
    }
    expect(migrateRecord("2")).toMatchObject({ ok: false, problem: { code: "invalid" } });
    const v1 = migrateRecord({ ...sampleV1(), lessonsCompleted: { nope: 1 } });
    expect(v1.ok === false && v1.problem.message.length > 0 && v1.problem.details.length > 0).toBe(true);
  });

  it("version 1's place splits on any run of spaces into township and village words", () => {
    const place = (text: string) => {
      const result = migrateRecord({ ...sampleV1(), learner: { ...sampleV1().learner, place: text } });
      return result.ok ? [result.record.learner.township, result.record.learner.village] : result.problem.message;
    };
    expect(place(" 城关镇\t 东关村  三组")).toEqual(["城关镇", "东关村 三组"]);
  });
});
