/** Astro-side access to the curriculum: collection queries plus the pure helpers in src/lib. */
import { getCollection, getEntry, type CollectionEntry } from "astro:content";
import { articleLabel } from "../lib/content/cn-number.ts";
import { totalMinutes } from "../lib/curriculum/sequence.ts";

export type Course = CollectionEntry<"courses">;
export type Lesson = CollectionEntry<"lessons">;
export type ProvisionEntry = CollectionEntry<"law">;

export const courseIdOf = (lesson: Lesson) => lesson.id.split("/")[0];

export async function coursesInOrder(): Promise<Course[]> {
  return (await getCollection("courses")).sort((a, b) => a.data.order - b.data.order);
}

export async function lessonsOf(courseId: string): Promise<Lesson[]> {
  const lessons = await getCollection("lessons", (l) => courseIdOf(l) === courseId);
  return lessons.sort((a, b) => a.data.order - b.data.order);
}

export const courseMinutes = (lessons: Lesson[]) => totalMinutes(lessons.map((l) => l.data));

/** 《人民调解法》第二十八条 */
export const citation = (p: ProvisionEntry["data"]) => `《${p.shortTitle}》${articleLabel(p.article)}`;

export async function provisions(ids: readonly string[]): Promise<ProvisionEntry[]> {
  const entries = await Promise.all(ids.map((id) => getEntry("law", id)));
  return entries.map((entry, i) => {
    if (!entry) throw new Error(`Unknown law provision "${ids[i]}" (the content check should have caught this)`);
    return entry;
  });
}

/** Resolve a lesson prerequisite reference to its entry. */
export async function lessonByRef(ref: string, courseId: string): Promise<Lesson | undefined> {
  const key = ref.includes("/") ? ref : `${courseId}/${ref}`;
  return getEntry("lessons", key);
}
