/**
 * Seeded, realistic class records for the report's tests and bench: learners of varied
 * ability (some stronger than others), spread over the sample townships, who study some
 * lessons, take course finals (some twice), and play scenarios. One misleading distractor
 * is planted on purpose: on one single-choice item, strong learners are drawn to one
 * wrong option, which question analysis must flag. Every file is a real progress export
 * (checksum and all), made with the same code as 我的学习's export.
 *
 *   npx tsx scripts/report/class-fixtures.ts OUT_DIR [--learners 300] [--seed class-2026]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { CheckAllResult } from "../../src/lib/check-all.ts";
import { buildCatalog } from "../../src/lib/quiz/catalog.ts";
import { exportText } from "../../src/lib/progress/export.ts";
import type { LessonEvent, ProgressRecord, QuizAttempt, ScenarioRun } from "../../src/lib/progress/schema.ts";
import { drawQuiz, randomFrom, type Random } from "../../src/lib/quiz/draw.ts";
import { gradeItem } from "../../src/lib/quiz/grade.ts";
import { passes } from "../../src/lib/quiz/pass-mark.ts";
import type { Response } from "../../src/lib/quiz/response.ts";
import type { QuizItem } from "../../src/lib/quiz/schema.ts";
import { sampleDraft } from "../../src/lib/scenario/agreement.ts";
import { availableChoices, choose, isEnded, start, submitAgreement } from "../../src/lib/scenario/engine.ts";
import { runRecord } from "../../src/lib/scenario/run-record.ts";
import type { Scenario } from "../../src/lib/scenario/schema.ts";

export interface PlantedDistractor {
  quiz: string;
  item: string;
  option: string;
}

export interface GeneratedClass {
  files: { name: string; text: string }[];
  records: ProgressRecord[];
  planted: PlantedDistractor;
}

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "朱", "郭"];
const GIVEN = ["秀兰", "建国", "桂英", "志强", "淑芬", "国华", "春梅", "德明", "玉珍", "立新", "红霞", "永福", "丽娟", "长林", "凤英", "保国"];

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const pick = <T>(list: readonly T[], random: Random): T => list[Math.floor(random() * list.length)] as T;
/** Standard normal from two uniforms (Box–Muller). */
const normal = (random: Random) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
/** A fixed difficulty per item, -1.5..1.5, from its id: the same item is as hard for everyone. */
const difficultyOf = (id: string) => randomFrom(`difficulty:${id}`)() * 3 - 1.5;

const iso = (ms: number) => new Date(ms).toISOString();

/** A wrong response of the item's type (never accidentally right). */
function wrongResponse(item: QuizItem, random: Random): Response {
  switch (item.type) {
    case "single":
    case "case-judgement":
      return pick(item.options.filter((o) => o.id !== item.answer), random).id;
    case "true-false":
      return !item.answer;
    case "multiple": {
      const wrong = item.options.filter((o) => !item.answer.includes(o.id));
      const some = item.answer.slice(0, Math.max(1, item.answer.length - 1));
      return wrong.length && random() < 0.6 ? [...some, pick(wrong, random).id] : some.length < item.answer.length ? some : [...some, ...wrong.slice(0, 1).map((o) => o.id)];
    }
    case "ordering": {
      const order = [...item.answer];
      [order[0], order[1]] = [order[1] as string, order[0] as string];
      return order;
    }
    case "matching": {
      const answer = { ...item.answer };
      const [p, q] = item.prompts.map((x) => x.id);
      if (p && q) [answer[p], answer[q]] = [answer[q] as string, answer[p] as string];
      return answer;
    }
  }
}

function rightResponse(item: QuizItem): Response {
  return item.answer as Response;
}

/** The single-choice item the finals draw most often, and its first wrong option: where the distractor is planted. */
function choosePlanted(content: CheckAllResult, finals: readonly string[]): PlantedDistractor {
  const catalog = catalogOf(content);
  let best: (PlantedDistractor & { count: number }) | undefined;
  for (const quiz of finals) {
    const counts = new Map<string, number>();
    for (let i = 0; i < 60; i++) for (const d of drawQuiz(quiz, `plant-${i}`, catalog).items) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
    for (const [id, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const item = catalog.items.get(id)?.item;
      if (item?.type !== "single" || item.options.length < 3) continue;
      if (!best || count > best.count) best = { quiz, item: id, option: item.options.find((o) => o.id !== item.answer)!.id, count };
    }
  }
  if (!best) throw new Error("no single-choice item with three options in any final: nothing to plant a distractor on");
  return { quiz: best.quiz, item: best.item, option: best.option };
}

const catalogOf = (content: CheckAllResult) => buildCatalog(content.banks.map((b) => b.data));

function playScenario(scenario: Scenario, ability: number, random: Random, startMs: number): ScenarioRun | undefined {
  let state = start(scenario);
  for (let guard = 0; guard < 500 && !isEnded(scenario, state); guard++) {
    const node = scenario.nodes[state.node];
    if (node?.kind === "agreement") {
      const lawful = random() < sigmoid(ability + 1);
      const draft = sampleDraft(node, scenario.parties, lawful ? "lawful" : "unlawful") ?? sampleDraft(node, scenario.parties, "lawful");
      if (!draft) return undefined;
      state = submitAgreement(scenario, state, draft);
    } else {
      const choices = availableChoices(scenario, state);
      if (!choices.length) return undefined;
      const good = choices.filter((c) => !c.mistake);
      const list = good.length && random() < sigmoid(2 * ability + 2) ? good : choices;
      state = choose(scenario, state, pick(list, random).id);
    }
  }
  if (!isEnded(scenario, state)) return undefined;
  const minutes = 8 + Math.floor(random() * 20);
  return { id: `run-${Math.floor(random() * 1e12).toString(36)}`, ...runRecord(scenario, state, iso(startMs), iso(startMs + minutes * 60_000)) };
}

export async function generateClass(content: CheckAllResult, options: { learners?: number; seed?: string } = {}): Promise<GeneratedClass> {
  const count = options.learners ?? 300;
  const random = randomFrom(options.seed ?? "class-2026");
  const catalog = catalogOf(content);
  const courses = [...content.set.courses]
    .sort((a, b) => a.data.order - b.data.order)
    .map((c) => ({ id: c.folder, lessons: content.set.lessons.filter((l) => l.folder === c.folder).sort((a, b) => a.data.order - b.data.order).map((l) => `${c.folder}/${l.data.id}`) }));
  const finals = [...catalog.quizzes.values()].filter((q) => q.quiz.kind === "course-final").map((q) => q.quiz.id).sort();
  const scenarios = content.scenarios.flatMap((s) => (s.scenario ? [s.scenario] : []));
  const planted = choosePlanted(content, finals);
  const places = content.townships.flatMap((t) => Object.keys(t.villages).map((v) => ({ township: t.name, village: t.villages[v] as string })));
  const base = Date.parse("2026-09-01T00:00:00.000Z");

  const records: ProgressRecord[] = [];
  for (let n = 0; n < count; n++) {
    const ability = normal(random);
    const place = places.length ? pick(places, random) : { township: "城关镇", village: "东关村" };
    const id = `fx${String(n).padStart(4, "0")}${Math.floor(random() * 1e8).toString(36)}`;
    let clock = base + Math.floor(random() * 20) * 86_400_000;
    const lessons: LessonEvent[] = [];
    const attempts: QuizAttempt[] = [];
    const runs: ScenarioRun[] = [];
    const eventId = () => `e${lessons.length + attempts.length + runs.length}-${Math.floor(random() * 1e9).toString(36)}`;
    for (const course of courses) {
      const share = Math.min(1, Math.max(0, sigmoid(ability + 0.8) + (random() - 0.5) * 0.4));
      const done = Math.round(course.lessons.length * share);
      course.lessons.slice(0, done + 1).forEach((lesson, i) => {
        clock += (1 + Math.floor(random() * 48)) * 3_600_000;
        lessons.push({ id: eventId(), lesson, kind: "opened", at: iso(clock), seconds: 0 });
        if (i < done) lessons.push({ id: eventId(), lesson, kind: "completed", at: iso(clock + 900_000), seconds: 900 + Math.floor(random() * 1500) });
      });
      const final = finals.find((f) => catalog.quizzes.get(f)?.bank === course.id) ?? finals.find((f) => f.startsWith(course.id));
      if (!final || done < course.lessons.length / 2) continue;
      // Retakes: more likely after a fail and for keen learners; each try knows a little more.
      let passedOnce = false;
      for (let attempt = 0; attempt < 3 && (attempt === 0 || (!passedOnce && random() < sigmoid(ability + 1)) || random() < 0.1); attempt++) {
        clock += (2 + Math.floor(random() * 72)) * 3_600_000;
        const seed = Math.floor(random() * 2 ** 32).toString(16);
        const drawn = drawQuiz(final, seed, catalog);
        const answers: Record<string, Response> = {};
        let score = 0;
        let max = 0;
        for (const { id: itemId } of drawn.items) {
          const entry = catalog.items.get(itemId)!;
          const item = entry.item;
          const learnt = ability + attempt * 0.7;
          let response = random() < sigmoid(1.7 * (learnt - difficultyOf(itemId))) ? rightResponse(item) : wrongResponse(item, random);
          // The planted distractor: it reads as right to those who know the law a little too well.
          if (itemId === planted.item && ability > 0.3 && random() < 0.7) response = planted.option;
          answers[itemId] = response;
          const graded = gradeItem(item, response, entry.scoring);
          score += graded.score;
          max += graded.max;
        }
        const quiz = catalog.quizzes.get(final)!.quiz;
        passedOnce ||= passes(score, max, quiz.passMark);
        const minutes = 10 + Math.floor(random() * 25);
        attempts.push({
          id: eventId(),
          quiz: final,
          seed,
          items: drawn.items.map((i) => i.id),
          answers,
          score: Math.round(score * 1e4) / 1e4,
          max,
          passed: passes(score, max, quiz.passMark),
          started: iso(clock),
          finished: iso(clock + minutes * 60_000),
        });
      }
    }
    for (const scenario of scenarios) {
      if (random() > sigmoid(ability + 0.5)) continue;
      for (let play = 0; play < 3; play++) {
        clock += (1 + Math.floor(random() * 48)) * 3_600_000;
        const run = playScenario(scenario, ability + play * 0.8, random, clock);
        if (run) runs.push({ ...run, id: eventId() });
        const lawful = run?.outcome === "lawful-agreement" || run?.outcome === "correct-referral";
        if (lawful || random() > sigmoid(ability)) break;
      }
    }
    const created = iso(base - 86_400_000);
    records.push({
      version: 2,
      learner: { id, name: `${pick(SURNAMES, random)}${pick(GIVEN, random)}`, township: place.township, village: place.village, created, updated: created },
      lessons,
      attempts,
      runs,
    });
  }
  const exported = new Date("2026-11-20T08:00:00.000Z");
  const files = await Promise.all(records.map(async (record, i) => ({ name: `learner-${String(i + 1).padStart(4, "0")}.json`, text: await exportText(record, exported) })));
  return { files, records, planted };
}

async function main(argv: string[]) {
  const out = argv.find((a) => !a.startsWith("--"));
  if (!out) {
    console.error("usage: npx tsx scripts/report/class-fixtures.ts OUT_DIR [--learners 300] [--seed class-2026]");
    process.exit(2);
  }
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const { checkAll } = await import("../../src/lib/check-all.ts");
  const root = resolve(import.meta.dirname, "../..");
  const content = checkAll(root, join(root, "content"));
  const generated = await generateClass(content, { learners: Number(flag("learners") ?? 300), seed: flag("seed") });
  mkdirSync(out, { recursive: true });
  for (const f of generated.files) writeFileSync(join(out, f.name), f.text);
  console.log(`${generated.files.length} learner files in ${out}; planted distractor: ${JSON.stringify(generated.planted)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main(process.argv.slice(2));
