/** Times the content checker on its own and insists that the content passes it. */
import { performance } from "node:perf_hooks";
import { checkContent } from "../../src/lib/content/files.ts";
import { formatIssues } from "../../src/lib/content/issues.ts";

export interface CheckResult {
  /** Median of `runs` runs: the first run also pays for warming up the parser. */
  ms: number;
  courses: number;
  lessons: number;
}

export function timedContentCheck(root: string, content: string, runs = 3): CheckResult {
  const times: number[] = [];
  let result: ReturnType<typeof checkContent> | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = checkContent({ root, content });
    times.push(performance.now() - started);
  }
  const { set, issues } = result!;
  if (issues.length) {
    throw new Error(`Content in ${content} does not pass the content checker (${issues.length} issues):\n${formatIssues(issues)}`);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  return { ms: median, courses: set.courses.length, lessons: set.lessons.length };
}
