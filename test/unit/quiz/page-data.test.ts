/**
 * What a quiz page embeds and what its runner fetches (src/lib/quiz/page-data.ts): the
 * pools as item ids, no item text; drawing in two halves over only the drawn items' files
 * gives the same draw and the same grades as over every bank.
 */
import { describe, expect, test } from "vitest";
import { join } from "node:path";
import type { QuizCatalog } from "../../../src/lib/quiz/catalog.ts";
import { catalogOfItems, drawableIds, itemCount, pageDataOf, parseItemFile, withItemFiles, type QuizItemFile } from "../../../src/lib/quiz/page-data.ts";
import { answerState, clock, points } from "../../../src/lib/quiz/view.ts";
import { readContentSet } from "../../../src/lib/content/files.ts";
import { knownFromContentSet } from "../../../src/lib/quiz/check.ts";
import { drawQuiz, poolOf, selectItems } from "../../../src/lib/quiz/draw.ts";
import { checkQuizDir } from "../../../src/lib/quiz/files.ts";
import { gradeAttempt, gradeItem } from "../../../src/lib/quiz/grade.ts";
import type { Response } from "../../../src/lib/quiz/response.ts";
import type { QuizItem } from "../../../src/lib/quiz/schema.ts";

const root = process.cwd();
const { set } = readContentSet({ root, content: join(root, "content") });
const { catalog } = checkQuizDir({ root, quizzes: join(root, "content", "quizzes") }, knownFromContentSet(set));
const quizzes = [...catalog.quizzes.values()];

/** The item file the site builds for `id` (pages/quizzes/[quiz]/items/[item].json.ts), here without law links. */
const fileOf = (cat: QuizCatalog, id: string): QuizItemFile => {
  const entry = cat.items.get(id)!;
  return { bank: entry.bank, scoring: entry.scoring, item: entry.item, provisions: [] };
};

describe("quiz page data", () => {
  test.each(quizzes.map((q) => [q.quiz.id, q] as const))("%s embeds each rule's pool as ids in file order, and no item text", (_id, { quiz, bank }) => {
    const data = pageDataOf(catalog, quiz, bank, "/quizzes/x/items/");
    expect(data.pools).toEqual(quiz.draw.map((rule) => poolOf(rule, bank, catalog).map((c) => c.item.id)));
    const drawable = new Set(data.pools.flat());
    expect(drawableIds(data)).toEqual([...drawable]);
    expect(drawable.size).toBeLessThan(catalog.items.size);
    const json = JSON.stringify(data);
    for (const { item } of catalog.items.values()) expect(json).not.toContain(item.stem);
    expect(data.files).toBeUndefined();
  });

  test.each(quizzes.map((q) => [q.quiz.id, q] as const))("%s draws and grades over the drawn items' files as over every bank", (_id, { quiz, bank }) => {
    const data = pageDataOf(catalog, quiz, bank, "");
    for (let n = 0; n < 40; n++) {
      const seed = `page-${n}`;
      const selection = selectItems(quiz, data.pools, seed);
      const files = selection.ids.map((id) => fileOf(catalog, id));
      const drawn = selection.present((id) => files.find((f) => f.item.id === id)!.item);
      expect(drawn).toEqual(drawQuiz(quiz.id, seed, catalog));
      expect(drawn.items).toHaveLength(itemCount(quiz));
      const small = catalogOfItems(data, files);
      expect(small.items.size).toBe(itemCount(quiz));
      // Right answers everywhere, then none: the same grades with only the drawn items at hand.
      const ids = drawn.items.map((i) => i.id);
      const right: Record<string, Response> = Object.fromEntries(ids.map((id) => [id, gradeItem(catalog.items.get(id)!.item, undefined).solution ?? null]));
      expect(gradeAttempt(quiz, small, ids, right)).toEqual(gradeAttempt(quiz, catalog, ids, right));
      expect(gradeAttempt(quiz, small, ids, right).percent).toBe(100);
      expect(gradeAttempt(quiz, small, ids, {})).toEqual(gradeAttempt(quiz, catalog, ids, {}));
    }
  });

  test("present finishes the draw once: a second call gives the same items, not a further shuffle", () => {
    const { quiz, bank } = quizzes.find((q) => q.quiz.shuffle.options)!;
    const selection = selectItems(quiz, pageDataOf(catalog, quiz, bank, "").pools, "twice");
    const first = selection.present((id) => catalog.items.get(id)!.item);
    expect(selection.present((id) => catalog.items.get(id)!.item)).toBe(first);
    expect(first).toEqual(drawQuiz(quiz.id, "twice", catalog));
  });

  test("a pool too small for its rule is refused by selectItems as by drawQuiz", () => {
    const { quiz } = quizzes[0]!;
    expect(() => selectItems(quiz, quiz.draw.map(() => []), "s")).toThrow(/只剩 0 题/);
  });

  test("catalogOfItems: the quiz in its own bank even before any item, each bank with its own scoring", () => {
    const { quiz, bank } = quizzes[0]!;
    const empty = catalogOfItems({ quiz, bank }, []);
    expect(empty.quizzes.get(quiz.id)).toEqual({ bank, quiz });
    expect(empty.banks.get(bank)).toEqual([]);
    const a = { ...fileOf(catalog, drawableIds(pageDataOf(catalog, quiz, bank, ""))[0]!), bank: "bank-a", scoring: { multiple: "all-or-nothing" as const } };
    const b = { ...fileOf(catalog, drawableIds(pageDataOf(catalog, quiz, bank, ""))[1]!), bank: "bank-b", scoring: { multiple: "partial-if-no-wrong" as const } };
    const two = catalogOfItems({ quiz, bank }, [a, b]);
    expect(two.items.get(a.item.id)).toEqual({ bank: "bank-a", item: a.item, scoring: a.scoring });
    expect(two.items.get(b.item.id)).toEqual({ bank: "bank-b", item: b.item, scoring: b.scoring });
    expect(two.quizzes.get(quiz.id)!.bank).toBe(bank);
    expect([...two.quizzes.keys()]).toEqual([quiz.id]);
  });

  test("withItemFiles carries every drawable item with the provisions it cites, for a bank not on the site", () => {
    const { quiz, bank } = quizzes[0]!;
    const data = withItemFiles(catalog, quiz, bank, (ids) => ids.map((id) => ({ id, citation: `c-${id}`, url: `/law/${id}/` })));
    expect(data.files!.map((f) => f.item.id)).toEqual(drawableIds(data));
    expect(data.items).toBe(""); // Nothing to fetch from.
    for (const file of data.files!) {
      expect(file).toMatchObject({ bank: catalog.items.get(file.item.id)!.bank, scoring: catalog.items.get(file.item.id)!.scoring });
      expect(file.provisions.map((p) => p.id)).toEqual(file.item.law);
    }
  });
});

describe("parseItemFile", () => {
  const id = [...catalog.items.keys()][0]!;
  const good = { ...fileOf(catalog, id), provisions: [{ id: "rmtjf-17", citation: "c", url: "/law/rmtjf/17/" }] };

  test("accepts the file of the item asked for", () => {
    expect(parseItemFile(JSON.stringify(good), id)).toEqual(good);
  });

  test.each([
    ["not JSON", "<!doctype html><title>离线</title>"],
    ["another item", JSON.stringify(good).replace(`"id":"${id}"`, '"id":"some-other-item"')],
    ["null", "null"],
    ["an array", "[]"],
    ["no bank", JSON.stringify({ ...good, bank: undefined })],
    ["no scoring", JSON.stringify({ ...good, scoring: null })],
    ["scoring not an object", JSON.stringify({ ...good, scoring: "all-or-nothing" })],
    ["no provisions", JSON.stringify({ ...good, provisions: {} })],
    ["no item", JSON.stringify({ ...good, item: [] })],
    ["an item without type", JSON.stringify({ ...good, item: { ...good.item, type: 1 } })],
    ["an item without stem", JSON.stringify({ ...good, item: { ...good.item, stem: undefined } })],
    ["an item without law", JSON.stringify({ ...good, item: { ...good.item, law: "rmtjf-17" } })],
  ])("refuses %s", (_what, text) => {
    expect(parseItemFile(text, id)).toBeUndefined();
  });
});

describe("runner helpers", () => {
  const item = (type: QuizItem["type"]) => [...catalog.items.values()].find((c) => c.item.type === type)!.item;

  test("answerState: ordering counts once moved, matching is partly answered until every prompt is", () => {
    const matching = item("matching") as Extract<QuizItem, { type: "matching" }>;
    const [first, ...rest] = matching.prompts;
    expect(answerState(matching, undefined)).toBe("unanswered");
    expect(answerState(matching, { [first!.id]: matching.options[0]!.id })).toBe(rest.length ? "partly" : "answered");
    expect(answerState(matching, Object.fromEntries(matching.prompts.map((p) => [p.id, matching.options[0]!.id])))).toBe("answered");
    expect(answerState(item("ordering"), undefined)).toBe("unanswered");
    expect(answerState(item("ordering"), ["a", "b"])).toBe("answered");
    expect(answerState(item("multiple"), [])).toBe("unanswered");
    expect(answerState(item("true-false"), false)).toBe("answered");
    expect(answerState(item("single"), null)).toBe("unanswered");
  });

  test("clock and points", () => {
    expect(clock(30 * 60_000)).toBe("30:00");
    expect(clock(59_001)).toBe("1:00");
    expect(clock(-5)).toBe("0:00");
    expect(points(2.6667)).toBe("2.7");
    expect(points(3)).toBe("3");
  });
});
