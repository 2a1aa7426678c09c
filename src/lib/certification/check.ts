/**
 * The level checker behind `npm run check`: the schema, then every rule it cannot express
 * (ids that must exist in other content, scores a scenario can really reach, levels that
 * require each other), each issue at file, line and column with a zh-CN fix.
 */
import type { ContentIssue } from "../content/issues.ts";
import { parseYamlSource, type FieldPath } from "../content/source.ts";
import { zodIssues } from "../content/zod-issues.ts";
import { outcomeNames } from "../scenario/vocabulary.ts";
import { levelSchema, type Level, type QuizRequirement } from "./schema.ts";

/** What level files may refer to. */
export interface CertificationKnown {
  courses: ReadonlySet<string>;
  /** Quiz ids (lesson checks and finals). */
  quizzes: ReadonlySet<string>;
  /** Scenario id → its maximum (rubric maxima summed) and the outcomes its endings have. */
  scenarios: ReadonlyMap<string, { max: number; outcomes: ReadonlySet<string> }>;
}

type Locate = (path: FieldPath, options?: { key?: boolean }) => { line: number; column: number };

/** A level file that passed its schema (it may still have other issues). */
export interface CheckedLevel {
  file: string;
  level: Level;
  locate: Locate;
}

type Say = (path: FieldPath, message: string) => void;

const list = (ids: Iterable<string>) => [...ids].join("、") || "（无）";

/** Schema, then every rule of one file. `level` is returned whenever the schema passed. */
export function checkLevelText(text: string, file: string, known: CertificationKnown): { level: CheckedLevel | undefined; issues: ContentIssue[] } {
  const source = parseYamlSource(text, file);
  if (source.issues.length) return { level: undefined, issues: source.issues };
  if (source.data === undefined || source.data === null) {
    return { level: undefined, issues: [{ file, line: 1, column: 1, field: "", message: "文件是空的：请按 content/certifications/pre-job.yaml 的样子写一个认证级别" }] };
  }
  const parsed = levelSchema.safeParse(source.data);
  if (!parsed.success) return { level: undefined, issues: zodIssues(parsed.error, file, source.locate) };

  const level = parsed.data;
  const issues: ContentIssue[] = [];
  const say: Say = (path, message) => issues.push({ file, ...source.locate(path), field: path.join("."), message });

  const expected = `${level.id}.yaml`;
  if (file !== expected && !file.endsWith(`/${expected}`)) say(["id"], `文件名应与级别编号一致：请把文件命名为 ${expected}，或把 id 改成文件名`);

  const { requires } = level;
  requires.levels.forEach((id, i) => {
    if (id === level.id) say(["requires", "levels", i], `级别 ${id} 不能要求先持有它自己：请删除这一项，或写另一个级别的编号`);
  });
  duplicates(requires.levels, (i, id) => say(["requires", "levels", i], `级别 ${id} 写了两次，请删除一项`));

  requires.courses.forEach((id, i) => {
    if (!known.courses.has(id)) say(["requires", "courses", i], `没有编号为 ${id} 的课程：请改成 content/courses 下的课程编号（现有：${list(known.courses)}）`);
  });
  duplicates(requires.courses, (i, id) => say(["requires", "courses", i], `课程 ${id} 写了两次，请删除一项`));

  const checkQuiz = (req: QuizRequirement, path: FieldPath) => {
    if (!known.quizzes.has(req.quiz)) say([...path, "quiz"], `没有编号为 ${req.quiz} 的测验：请改成 content/quizzes 里某个测验的 id，例如 procedure-final`);
  };
  requires.finals.forEach((req, i) => checkQuiz(req, ["requires", "finals", i]));
  duplicates(requires.finals.map((r) => r.quiz), (i, id) => say(["requires", "finals", i, "quiz"], `测验 ${id} 写了两次，请删除一项`));

  requires.scenarios.forEach((req, i) => {
    const path = ["requires", "scenarios", i];
    const scenario = known.scenarios.get(req.scenario);
    if (!scenario) {
      say([...path, "scenario"], `没有编号为 ${req.scenario} 的情景模拟：请改成 content/scenarios 下的情景编号（现有：${list(known.scenarios.keys())}）`);
      return;
    }
    if (req.minScore !== undefined && req.minScore > scenario.max) {
      say([...path, "minScore"], `最低分 ${req.minScore} 高于情景 ${req.scenario} 的满分 ${scenario.max}：请写 0–${scenario.max} 之间的分数`);
    }
    req.outcomes?.forEach((outcome, j) => {
      if (!scenario.outcomes.has(outcome)) {
        say([...path, "outcomes", j], `情景 ${req.scenario} 没有以「${outcomeNames[outcome]}」（${outcome}）结束的结局：请改成它有的结局（${list(scenario.outcomes)}）`);
      }
    });
  });
  duplicates(requires.scenarios.map((r) => r.scenario), (i, id) => say(["requires", "scenarios", i, "scenario"], `情景 ${id} 写了两次，请合并成一项`));

  checkQuiz(level.annualReview.quiz, ["annualReview", "quiz"]);
  return { level: { file, level, locate: source.locate }, issues };
}

function duplicates(ids: readonly string[], report: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) report(i, id);
    seen.add(id);
  });
}

/**
 * Rules across files: level ids unique, required levels exist, no level requires itself
 * through others (a cycle would make every level in it unreachable), exam ids unique.
 * `unreadable` names level ids whose files failed their schema, so they are not reported
 * again as missing.
 */
export function checkLevels(levels: readonly CheckedLevel[], unreadable: ReadonlySet<string> = new Set()): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const sayIn = (c: CheckedLevel, path: FieldPath, message: string) => issues.push({ file: c.file, ...c.locate(path), field: path.join("."), message });
  const byId = new Map<string, CheckedLevel>();
  const exams = new Map<string, CheckedLevel>();
  for (const c of levels) {
    const other = byId.get(c.level.id);
    if (other) sayIn(c, ["id"], `级别编号 ${c.level.id} 已在 ${other.file} 中使用：请换一个编号`);
    else byId.set(c.level.id, c);
    const sameExam = exams.get(c.level.exam.id);
    if (sameExam) sayIn(c, ["exam", "id"], `考试编号 ${c.level.exam.id} 已被 ${sameExam.file} 使用：每个级别的统一考试用不同的编号`);
    else exams.set(c.level.exam.id, c);
  }
  for (const c of byId.values()) {
    c.level.requires.levels.forEach((id, i) => {
      if (id === c.level.id) return; // reported by checkLevelText
      if (!byId.has(id)) {
        if (!unreadable.has(id)) sayIn(c, ["requires", "levels", i], `没有编号为 ${id} 的级别：请改成 content/certifications 下的级别编号（现有：${list(byId.keys())}）`);
        return;
      }
      const cycle = pathBack(id, c.level.id, byId);
      if (cycle) sayIn(c, ["requires", "levels", i], `级别之间循环要求：${[c.level.id, ...cycle].join(" → ")}，这样谁也无法取得。请删除其中一个要求`);
    });
  }
  return issues;
}

/** The chain of required levels from `from` back to `target`, if there is one. */
function pathBack(from: string, target: string, byId: ReadonlyMap<string, CheckedLevel>): string[] | undefined {
  const seen = new Set<string>();
  const walk = (id: string): string[] | undefined => {
    if (id === target) return [id];
    if (seen.has(id)) return undefined;
    seen.add(id);
    for (const next of byId.get(id)?.level.requires.levels ?? []) {
      const rest = walk(next);
      if (rest) return [id, ...rest];
    }
    return undefined;
  };
  return walk(from);
}

/** Per-file and cross-file checks over level texts; files sorted for stable reports. */
export function checkCertifications(
  files: readonly { file: string; text: string }[],
  known: CertificationKnown,
): { levels: CheckedLevel[]; issues: ContentIssue[] } {
  const sorted = [...files].sort((a, b) => a.file.localeCompare(b.file));
  const levels: CheckedLevel[] = [];
  const unreadable = new Set<string>();
  const issues: ContentIssue[] = [];
  for (const { file, text } of sorted) {
    const checked = checkLevelText(text, file, known);
    issues.push(...checked.issues);
    if (checked.level) levels.push(checked.level);
    else unreadable.add(file.replace(/^.*\//, "").replace(/\.ya?ml$/, ""));
  }
  issues.push(...checkLevels(levels, unreadable));
  return { levels, issues };
}
