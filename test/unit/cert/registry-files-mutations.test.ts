/**
 * content/registry/ read and written in a temporary folder: a missing folder reads as
 * empty, a broken file is named, changes are written whole and read back.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry, holderKey, ISSUED_FORMAT, readIssuers, readRegistryState, statusListFile, writeRegistryChanges } from "../../../src/lib/cert/issue-files.ts";
import { readAllocation, readEntries, readEntry, readRegistryConfig, readRevocations, readStatusLists, RegistryFileError } from "../../../src/lib/cert/registry-files.ts";
import type { RegistryEntry, StatusListCredential } from "../../../src/lib/cert/types.ts";

const temp = () => mkdtempSync(join(tmpdir(), "registry-files-"));
const entry = (number: string): RegistryEntry => ({ number, credentials: [{ id: `urn:x:${number}` } as never] });

describe("reading content/registry/", () => {
  it("a folder with nothing in it reads as empty", () => {
    const dir = temp();
    expect(readRegistryConfig(dir)).toBeUndefined();
    expect(readEntries(dir)).toEqual([]);
    expect(readStatusLists(dir)).toEqual([]);
    expect(readRevocations(dir)).toEqual([]);
    expect(readAllocation(dir)).toEqual({ numbers: {}, statusIndexes: {}, currentList: {} });
    expect(readEntry(dir, "QX-2026-000001")).toBeUndefined();
    expect(readRegistryState(dir)).toEqual({ ok: false, problem: { code: "registry-missing", values: { dir } } });
  });

  it("a file that is not JSON, or not the JSON it should be, is named", () => {
    const dir = temp();
    const fails = (file: string, text: string, read: () => unknown, message: string) => {
      mkdirSync(join(file, ".."), { recursive: true });
      writeFileSync(file, text);
      expect(read, file).toThrow(new RegistryFileError(file, message));
      try {
        read();
      } catch (error) {
        expect((error as RegistryFileError).file).toBe(file);
        expect((error as Error).name).toBe("RegistryFileError");
        expect((error as Error).message).toBe(`${file}：${message}`);
      }
    };
    fails(join(dir, "registry.json"), "{", () => readRegistryConfig(dir), "不是有效的 JSON 文件（可能被截断或手工改坏了）");
    fails(join(dir, "registry.json"), '{"siteUrl": 1}', () => readRegistryConfig(dir), "不是登记册设置（registry.json）");
    fails(join(dir, "registry.json"), "[]", () => readRegistryConfig(dir), "不是登记册设置（registry.json）");
    fails(join(dir, "revocations.json"), '{"revocations": {}}', () => readRevocations(dir), "不是撤销记录（revocations）");
    fails(join(dir, "allocation.json"), '{"numbers": {}, "statusIndexes": {}}', () => readAllocation(dir), "不是编号分配记录");
    fails(join(dir, "allocation.json"), '{"numbers": {}, "statusIndexes": [], "currentList": {}}', () => readAllocation(dir), "不是编号分配记录");
    fails(join(dir, "status", "a-1.json"), '{"id": 5}', () => readStatusLists(dir), "不是状态列表凭证");
    fails(join(dir, "credentials", "QX-2026-000001.json"), '{"number": "QX-2026-000001", "credentials": []}', () => readEntry(dir, "QX-2026-000001"), "不是证书登记（number 与 credentials）");
    fails(join(dir, "credentials", "QX-2026-000001.json"), '{"number": 1, "credentials": [{}]}', () => readEntries(dir), "不是证书登记（number 与 credentials）");
  });

  it("only numbers of the number pattern are looked up; only .json files are read, in name order", () => {
    const dir = temp();
    mkdirSync(join(dir, "credentials"));
    writeFileSync(join(dir, "credentials", "QX-2026-000002.json"), JSON.stringify(entry("QX-2026-000002")));
    writeFileSync(join(dir, "credentials", "QX-2026-000001.json"), JSON.stringify(entry("QX-2026-000001")));
    writeFileSync(join(dir, "credentials", "notes.txt"), "x");
    expect(readEntry(dir, "QX-2026-000001")).toEqual(entry("QX-2026-000001"));
    expect(readEntry(dir, "../credentials/QX-2026-000001")).toBeUndefined();
    expect(readEntries(dir).map((e) => e.number)).toEqual(["QX-2026-000001", "QX-2026-000002"]);
  });
});

describe("writing the registry", () => {
  it("a new registry reads back as an empty state; changes are written whole and read back", async () => {
    const dir = temp();
    createRegistry(dir, "https://s.example/");
    const empty = readRegistryState(dir);
    expect(empty).toEqual({
      ok: true,
      state: {
        dir,
        config: { format: "mediator-academy/registry/1", siteUrl: "https://s.example/" },
        entries: new Map(),
        revocations: [],
        allocation: { numbers: {}, statusIndexes: {}, currentList: {} },
        statusLists: new Map(),
        issued: { format: ISSUED_FORMAT, applications: {}, holders: {} },
      },
    });
    const list = { id: "https://s.example/registry/status/qx-1.json", validFrom: "v" } as StatusListCredential;
    const issued = { format: ISSUED_FORMAT, applications: { abc: "QX-2026-000001" }, holders: {} } as const;
    writeRegistryChanges(dir, {
      allocation: { numbers: { qx: { "2026": 1 } }, statusIndexes: {}, currentList: {} },
      statusLists: [list],
      entries: [entry("QX-2026-000001")],
      revocations: [{ credentialId: "urn:x", date: "2026-12-01" } as never],
      issued: { ...issued },
    });
    const read = readRegistryState(dir);
    if (!read.ok) throw new Error(read.problem.code);
    expect(read.state.allocation.numbers).toEqual({ qx: { "2026": 1 } });
    expect([...read.state.statusLists]).toEqual([[list.id, { file: "qx-1.json", credential: list }]]);
    expect([...read.state.entries.keys()]).toEqual(["QX-2026-000001"]);
    expect(read.state.revocations).toEqual([{ credentialId: "urn:x", date: "2026-12-01" }]);
    expect(read.state.issued).toEqual(issued);
    expect(readFileSync(join(dir, "allocation.json"), "utf8")).toBe(`${JSON.stringify({ numbers: { qx: { "2026": 1 } }, statusIndexes: {}, currentList: {} }, null, 2)}\n`);
    expect(readdirSync(dir).filter((n) => n.includes(".tmp-"))).toEqual([]);
    // Nothing named is nothing written.
    writeRegistryChanges(dir, {});
    expect(readRegistryState(dir)).toEqual(read);
  });

  it("a broken issued.json makes the registry corrupt, naming the file", () => {
    const dir = temp();
    createRegistry(dir, "https://s.example/");
    const issued = join(dir, "issued.json");
    for (const text of ["{", JSON.stringify({ format: "other", applications: {}, holders: {} }), JSON.stringify({ format: ISSUED_FORMAT, applications: 1, holders: {} }), JSON.stringify({ format: ISSUED_FORMAT, applications: {}, holders: "x" }), "null"]) {
      writeFileSync(issued, text);
      expect(readRegistryState(dir), text).toEqual({ ok: false, problem: { code: "registry-corrupt", values: { file: issued } } });
    }
    writeFileSync(issued, JSON.stringify({ format: ISSUED_FORMAT, applications: {}, holders: {} }));
    expect(readRegistryState(dir).ok).toBe(true);
    writeFileSync(join(dir, "revocations.json"), "{");
    expect(readRegistryState(dir)).toEqual({ ok: false, problem: { code: "registry-corrupt", values: { file: join(dir, "revocations.json") } } });
  });

  it("status list file names come from the list URL, and only plain names are allowed", () => {
    expect(statusListFile("https://s.example/registry/status/qx-1.json")).toBe("qx-1.json");
    for (const url of ["https://s.example/registry/status/QX-1.json", "https://s.example/registry/status/qx_1.json", "https://s.example/registry/status/qx-1.txt", "https://s.example/registry/status/-qx.json"]) {
      expect(() => statusListFile(url), url).toThrow(new RangeError(`状态列表地址 ${url} 的文件名不对`));
    }
  });

  it("holder keys hash the learner id under the issuer", async () => {
    const key = await holderKey("qx", "learner-1");
    expect(key).toMatch(/^qx\/[0-9a-f]{64}$/);
    expect(key).not.toContain("learner-1");
    expect(await holderKey("qx", "learner-1")).toBe(key);
    expect(await holderKey("qx", "learner-2")).not.toBe(key);
    expect(await holderKey("dp", "learner-1")).not.toBe(key);
  });

  it("issuers of a folder: none when missing, the problem count when broken", () => {
    const root = temp();
    expect(readIssuers(root, join(root, "issuers"))).toEqual({ ok: true, issuers: [] });
    mkdirSync(join(root, "issuers"));
    writeFileSync(join(root, "issuers", "qx.yaml"), "id: qx\n");
    const broken = readIssuers(root, join(root, "issuers"));
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problem.code).toBe("content-broken");
    expect(!broken.ok && Number(broken.problem.values?.n)).toBeGreaterThan(0);
  });
});

describe("the current content", () => {
  it("levels, curriculum facts, townships and the quiz catalogue as the build sees them, read once per folder", async () => {
    const { readCurrentContent } = await import("../../../src/lib/cert/issue-files.ts");
    const content = readCurrentContent(process.cwd());
    if ("code" in content) throw new Error(`content is broken: ${JSON.stringify(content)}`);
    expect([...content.levels.keys()]).toContain("pre-job");
    expect(content.facts.levels["pre-job"]).toBe(content.levels.get("pre-job")!.title);
    const course = Object.values(content.facts.courses)[0]!;
    expect(course.lessons.length).toBeGreaterThan(0);
    for (const lesson of course.lessons) expect(lesson.key).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
    expect(Object.keys(content.facts.quizzes).length).toBe(content.catalog.quizzes.size);
    expect(Object.keys(content.facts.scenarios).length).toBe(content.scenarios.length);
    expect(content.townships.length).toBeGreaterThan(0);
    expect(content.banks.length).toBeGreaterThan(0);
    expect(readCurrentContent(process.cwd())).toBe(content);
  }, 60_000);
});
