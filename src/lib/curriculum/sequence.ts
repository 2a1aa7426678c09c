/** Navigation and totals over an ordered list of lessons. */

/** The items before and after `current` in order, or undefined at either end. */
export function neighbours<T>(ordered: readonly T[], current: T): { previous?: T; next?: T } {
  const i = ordered.indexOf(current);
  if (i < 0) return {};
  return { previous: ordered[i - 1], next: ordered[i + 1] };
}

export const totalMinutes = (lessons: readonly { minutes: number }[]): number =>
  lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);
