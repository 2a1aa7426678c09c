import { describe, expect, test, vi } from "vitest";
import { join } from "node:path";
import { itemTypes } from "../../../src/lib/quiz/schema.ts";
import { drawQuiz } from "../../../src/lib/quiz/draw.ts";
import { paperItemTypes, readPaper } from "../../../src/lib/exam/files.ts";
import { drawPresentation, paperMax, toBankResponse } from "../../../src/lib/exam/paper.ts";
import { bankFolderProblem } from "../../../src/lib/exam/bank-files.ts";
import { bank, bankDir, catalog, makePaper, root } from "./helpers.ts";

// PBKDF2 at 100,000 rounds per code: slow when the machine is busy (mutation testing, parallel runs).
vi.setConfig({ testTimeout: 30_000 });

/** Every key and every string anywhere in a JSON value. */
function walk(value: unknown, keys: string[] = [], strings: string[] = []): { keys: string[]; strings: string[] } {
  if (typeof value === "string") strings.push(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, keys, strings));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      keys.push(k);
      walk(v, keys, strings);
    }
  }
  return { keys, strings };
}

describe("the fixture private bank", () => {
  test("passes the quiz checker", () => {
    expect(bank.issues).toEqual([]);
    expect(catalog.quizzes.has("pre-job-exam")).toBe(true);
  });
});

describe("drawing a paper", () => {
  test("is deterministic for a seed, and another seed draws another paper", async () => {
    const a = await makePaper("seed-1");
    const b = await makePaper("seed-1");
    const c = await makePaper("seed-2");
    expect(a).toEqual(b);
    expect(a.items).not.toEqual(c.items);
  });

  test("shows the quiz draw's items in its order, with positional ids", async () => {
    const paper = await makePaper();
    const drawn = drawQuiz("pre-job-exam", paper.seed, catalog);
    expect(paper.items.map((i) => i.stem)).toEqual(drawn.items.map((d) => catalog.items.get(d.id)!.item.stem));
    expect(paper.items.map((i) => i.id)).toEqual(paper.items.map((_, n) => `q${n + 1}`));
    for (const item of paper.items) for (const [n, o] of (item.options ?? []).entries()) expect(o.id).toBe("abcdefghij"[n]);
    expect(paperMax(paper)).toBe(paper.items.reduce((s, i) => s + i.points, 0));
  });

  test("has no answer field anywhere, and no explanation, feedback or bank id", async () => {
    const paper = await makePaper();
    const { keys, strings } = walk(paper);
    for (const forbidden of ["answer", "solution", "explanation", "feedback", "law", "tags", "difficulty", "lesson"]) expect(keys).not.toContain(forbidden);
    const bankItems = [...catalog.items.values()].map((e) => e.item);
    const secrets = bankItems.flatMap((item) => [
      item.id,
      item.explanation,
      ...("options" in item ? item.options.flatMap((o) => ("feedback" in o && o.feedback ? [o.feedback] : [])) : []),
    ]);
    for (const secret of secrets) expect(strings).not.toContain(secret);
    const text = JSON.stringify(paper);
    for (const item of bankItems) expect(text).not.toContain(item.explanation);
  });

  test("maps responses in paper ids back to the bank's ids", async () => {
    const paper = await makePaper();
    const presented = drawPresentation(paper.exam, paper.seed, catalog);
    for (const p of presented) {
      if (p.item.type === "single") {
        const letter = [...p.options].find(([, id]) => id === (p.item as { answer: string }).answer)![0];
        expect(toBankResponse(p, letter)).toBe((p.item as { answer: string }).answer);
      }
    }
    const matching = presented.find((p) => p.item.type === "matching");
    if (matching) expect(Object.keys(toBankResponse(matching, { p1: "a" }) as object)).toEqual([matching.prompts.get("p1")]);
    expect(toBankResponse(presented[0], null)).toBeNull();
    expect(toBankResponse(presented[0], true)).toBe(true);
    expect(toBankResponse(presented[0], "z")).toBe("?z");
  });

  test("the page's item types are the quiz schema's", () => {
    expect([...paperItemTypes]).toEqual([...itemTypes]);
  });
});

describe("the private bank folder", () => {
  test("is refused inside content/ or dist/, and when missing", () => {
    const published = [join(root, "content"), join(root, "dist")];
    expect(bankFolderProblem(join(root, "content/quizzes"), published)?.code).toBe("bank-published");
    // Any folder named as published (dist/ or a build's OUT_DIR) is refused, itself or below.
    expect(bankFolderProblem(bankDir, [join(root, "test/fixtures")])?.code).toBe("bank-published");
    expect(bankFolderProblem(join(root, "no-such-folder"), published)?.code).toBe("bank-missing");
    expect(bankFolderProblem(bankDir, published)).toBeUndefined();
  });
});

describe("reading a paper file", () => {
  test("accepts a paper and refuses a changed item", async () => {
    const paper = await makePaper();
    expect(readPaper(JSON.stringify(paper)).ok).toBe(true);
    const broken = structuredClone(paper);
    (broken.items[2] as { id: string }).id = "q9";
    const read = readPaper(JSON.stringify(broken));
    expect(read.ok ? undefined : read.problem).toEqual({ code: "broken", values: { what: "paper", field: "item", n: 3 } });
  });
});
