/**
 * Paper ids back to bank ids for every response shape, and what the printed paper keeps
 * of each bank item. The fixture bank is drawn inside each test.
 */
import { describe, expect, it } from "vitest";
import { buildPaper, drawPresentation, itemKey, optionLetter, PAPER_FORMAT, PAPER_VERSION, paperMax, promptKey, toBankResponse, toBankResponses } from "../../../src/lib/exam/paper.ts";
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import type { KnownContent } from "../../../src/lib/quiz/check.ts";
import { bankFolderProblem, readPrivateBank } from "../../../src/lib/exam/bank-files.ts";

// As in helpers.ts, but read inside each test: importing helpers would read the bank while
// the file loads, and a mutant of bank-files.ts would then break the whole file.
const root = resolve(".");
const bankDir = join(root, "test/fixtures/exam/private-bank");
const known: KnownContent = {
  provisions: new Set(["rmtjf-4", "rmtjf-15", "rmtjf-17", "rmtjf-19", "rmtjf-20", "rmtjf-26", "rmtjf-27", "rmtjf-28", "rmtjf-29", "rmtjf-31", "rmtjf-33"]),
  lessons: new Set(),
  courses: new Set(["procedure"]),
};
const bankCatalog = () => readPrivateBank(bankDir, root, known).catalog;

/** The first seed whose draw has a matching item and a true-false item (the bank has one of each). */
const draw = (catalog = bankCatalog()) => {
  for (let n = 1; ; n++) {
    const presented = drawPresentation("pre-job-exam", `seed-${n}`, catalog);
    const types = new Set(presented.map((p) => p.item.type));
    if (types.has("matching") && types.has("true-false")) return presented;
    if (n > 200) throw new Error("no seed draws a matching item");
  }
};

describe("paper ids", () => {
  it("items q1…, options a…j, prompts p1…", () => {
    expect([0, 9].map(optionLetter)).toEqual(["a", "j"]);
    expect([0, 11].map(itemKey)).toEqual(["q1", "q12"]);
    expect([0, 7].map(promptKey)).toEqual(["p1", "p8"]);
  });

  it("every option and prompt keeps its bank text under its paper id, in the order drawn", () => {
    for (const p of draw()) {
      expect(p.paperItem.options?.length ?? 0, p.key).toBe("options" in p.item ? p.item.options.length : 0);
      expect(p.paperItem.prompts?.length ?? 0, p.key).toBe(p.item.type === "matching" ? p.item.prompts.length : 0);
      const item = p.item as { options?: { id: string; text: string }[]; prompts?: { id: string; text: string }[] };
      for (const o of p.paperItem.options ?? []) expect(o.text, `${p.key} ${o.id}`).toBe(item.options!.find((x) => x.id === p.options.get(o.id))!.text);
      for (const q of p.paperItem.prompts ?? []) expect(q.text, `${p.key} ${q.id}`).toBe(item.prompts!.find((x) => x.id === p.prompts.get(q.id))!.text);
      expect(p.paperItem.options?.length ?? 0).toBe(p.options.size);
      expect(p.paperItem.prompts?.length ?? 0).toBe(p.prompts.size);
      expect(p.paperItem.id).toBe(p.key);
    }
    const types = new Set(draw().map((p) => p.item.type));
    expect(types.has("matching") && types.has("true-false")).toBe(true);
  });

  it("a true-false item has no options or prompts on the paper", () => {
    const tf = draw().find((p) => p.item.type === "true-false")!;
    expect(tf.options.size).toBe(0);
    expect(tf.paperItem).not.toHaveProperty("options");
    expect(tf.paperItem).not.toHaveProperty("prompts");
  });
});

describe("toBankResponse", () => {
  it("maps options in a list, prompts and options in a matching; unknown ids become ?id and score nothing", () => {
    const presented = draw();
    const multiple = presented.find((p) => p.item.type === "multiple" || p.item.type === "ordering")!;
    expect(toBankResponse(multiple, ["b", "a", "z"])).toEqual([multiple.options.get("b"), multiple.options.get("a"), "?z"]);
    expect(toBankResponse(multiple, [])).toEqual([]);
    expect(toBankResponse(multiple, ["a", 5 as unknown as string])).toEqual([multiple.options.get("a"), 5]);
    const single = presented.find((p) => p.item.type === "single")!;
    expect(toBankResponse(single, "b")).toBe(single.options.get("b"));
    expect(toBankResponse(single, "q")).toBe("?q");
    const matching = presented.find((p) => p.item.type === "matching")!;
    expect(toBankResponse(matching, { p1: "b", p9: "a", p2: "x" })).toEqual({
      [matching.prompts.get("p1")!]: matching.options.get("b"),
      "?p9": matching.options.get("a"),
      [matching.prompts.get("p2")!]: "?x",
    });
    expect(toBankResponse(matching, undefined)).toBeUndefined();
    expect(toBankResponse(matching, false)).toBe(false);
  });

  it("toBankResponses: keyed by bank item id, only for paper items answered", () => {
    const presented = draw();
    const [first, second, third] = presented;
    const responses = toBankResponses(presented, { [first.key]: null, [second.key]: true, q99: "a", toString: "a" } as never);
    expect(responses).toEqual({ [first.item.id]: null, [second.item.id]: true });
    expect(Object.keys(responses)).not.toContain(third.item.id);
    expect(toBankResponses(presented, {})).toEqual({});
    expect(Object.keys(toBankResponses(presented, { [first.key]: undefined } as never))).toEqual([]);
  });
});

describe("buildPaper", () => {
  it("the exam quiz's title, the input as given, items drawn; the max is the sum of points", () => {
    const catalog = bankCatalog();
    const input = { id: "p-1", level: "pre-job", exam: "pre-job-exam", seed: "seed-1", created: "2026-12-02T08:00:00Z", timeLimit: 40, passMark: 80, sites: [{ id: "1", check: "c" }] };
    const paper = buildPaper({ ...input, seed: "seed-1" }, catalog);
    expect(paper).toMatchObject({ format: PAPER_FORMAT, version: PAPER_VERSION, ...input, title: catalog.quizzes.get("pre-job-exam")!.quiz.title });
    expect(PAPER_FORMAT).toBe("ma-exam-paper");
    const drawn = drawPresentation("pre-job-exam", "seed-1", catalog);
    expect(paper.items).toEqual(drawn.map((p) => p.paperItem));
    expect(paperMax(paper)).toBe(drawn.reduce((n, p) => n + p.item.points, 0));
    expect(paperMax({ items: [] })).toBe(0);
  });
});

describe("the private bank folder", () => {
  it("must exist and be a folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "bank-"));
    writeFileSync(join(dir, "file.yaml"), "x");
    expect(bankFolderProblem(join(dir, "nope"), [])).toEqual({ code: "bank-missing", values: { dir: join(dir, "nope") } });
    expect(bankFolderProblem(join(dir, "file.yaml"), [])).toEqual({ code: "bank-missing", values: { dir: join(dir, "file.yaml") } });
    expect(bankFolderProblem(dir, [])).toBeUndefined();
  });

  it("may not lie in, or be, a published folder, also through a link; a sibling with a similar name is fine", () => {
    const root = mkdtempSync(join(tmpdir(), "site-"));
    const dist = join(root, "dist");
    mkdirSync(join(dist, "bank"), { recursive: true });
    mkdirSync(join(root, "dist-bank"));
    symlinkSync(join(dist, "bank"), join(root, "linked"));
    expect(bankFolderProblem(join(dist, "bank"), [join(root, "content"), dist])).toEqual({ code: "bank-published", values: { dir: join(dist, "bank"), published: dist } });
    expect(bankFolderProblem(dist, [dist])?.code).toBe("bank-published");
    expect(bankFolderProblem(join(root, "linked"), [dist])?.code).toBe("bank-published");
    expect(bankFolderProblem(join(root, "dist-bank"), [dist])).toBeUndefined();
    expect(bankFolderProblem(root, [dist])).toBeUndefined();
    expect(bankFolderProblem(join(dist, "bank"), [`${dist}${sep}`])?.code).toBe("bank-published");
    // Folder names that only look like "up" or like a Windows drive are still inside.
    for (const name of ["..bank", "c:bank"]) {
      mkdirSync(join(dist, name));
      expect(bankFolderProblem(join(dist, name), [dist])?.code, name).toBe("bank-published");
    }
  });

  it("reads the .yaml and .yml files only, naming files relative to the root when inside it", () => {
    const dir = mkdtempSync(join(tmpdir(), "bank-"));
    copyFileSync(join(bankDir, "exam-bank.yaml"), join(dir, "a.yaml"));
    writeFileSync(join(dir, "b.yml"), "id: [\n");
    writeFileSync(join(dir, "notes.txt"), "not a bank");
    writeFileSync(join(dir, "old.yaml.bak"), "id: [\n");
    const inside = readPrivateBank(dir, join(dir, ".."), known);
    expect(inside.files).toBe(2);
    expect(inside.catalog.quizzes.has("pre-job-exam")).toBe(true);
    const broken = inside.issues.map((i) => i.file);
    expect(broken.length).toBeGreaterThan(0);
    const name = dir.split(sep).at(-1);
    expect(broken).toContain(`${name}/b.yml`);
    for (const file of broken) expect(file.startsWith(`${name}/`), file).toBe(true);
    const outside = readPrivateBank(dir, join(dir, "sub"), known);
    expect(outside.issues.map((i) => i.file)).toContain(join(dir, "b.yml"));
    for (const file of outside.issues.map((i) => i.file)) expect(file.startsWith(dir), file).toBe(true);
  });
});
