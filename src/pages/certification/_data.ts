/**
 * Build-time data for the certification page and 我的学习: the levels in order and the
 * curriculum facts readiness names (course lessons, quiz, scenario and level titles).
 * Underscored: a helper of these pages, not a route.
 */
import { getCollection } from "astro:content";
import type { CurriculumFacts } from "../../lib/certification/readiness.ts";
import type { Level } from "../../lib/certification/schema.ts";
import { coursesInOrder, lessonsOf } from "../../utils/curriculum.ts";
import { quizTitles } from "../../utils/quizzes.ts";

export async function levelsInOrder(): Promise<Level[]> {
  return (await getCollection("certifications")).map((e) => e.data).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** Only what the levels name, so 我的学习 embeds a few hundred bytes, not the whole curriculum. */
export async function curriculumFacts(levels: readonly Level[]): Promise<CurriculumFacts> {
  const courseIds = new Set(levels.flatMap((l) => l.requires.courses));
  const quizIds = new Set(levels.flatMap((l) => [...l.requires.finals.map((f) => f.quiz), l.annualReview.quiz.quiz]));
  const scenarioIds = new Set(levels.flatMap((l) => l.requires.scenarios.map((s) => s.scenario)));
  const courses: Record<string, CurriculumFacts["courses"][string]> = {};
  for (const course of await coursesInOrder()) {
    if (!courseIds.has(course.id)) continue;
    const lessons = (await lessonsOf(course.id)).map((l) => ({ key: `${course.id}/${l.data.id}`, title: l.data.title }));
    courses[course.id] = { title: course.data.title, lessons };
  }
  const titles = await quizTitles();
  return {
    courses,
    quizzes: Object.fromEntries([...quizIds].map((id) => [id, titles[id] ?? id])),
    scenarios: Object.fromEntries((await getCollection("scenarios")).filter((s) => scenarioIds.has(s.id)).map((s) => [s.id, s.data.title])),
    levels: Object.fromEntries(levels.map((l) => [l.id, l.title])),
  };
}
