/**
 * A throw-away issuing set-up for the cert CLI tests: a temporary registry and issuers
 * folder (never content/registry), a key file outside the repository, learners' application
 * files made from records that meet the real levels, and graded exam results.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApplication } from "../../../src/lib/certification/application.ts";
import { createRegistry, readCurrentContent, type CurrentContent } from "../../../src/lib/cert/issue-files.ts";
import { addDays, today } from "../../../src/lib/cert/issue-rules.ts";
import { generateKeyPair } from "../../../src/lib/cert/keys.ts";
import type { KeyFile } from "../../../src/lib/cert/types.ts";
import type { ProgressRecord } from "../../../src/lib/progress/schema.ts";
import { attempt, completed, run } from "../certification/sample.ts";

/** Noon in Beijing, so the calendar day is the same in UTC and Asia/Shanghai. */
export const NOW = new Date("2026-12-02T04:00:00Z");
export const DAY = today(NOW);
export const SITE = "https://tiaojie.example.gov.cn/";

export function content(): CurrentContent {
  const c = readCurrentContent(process.cwd());
  if ("code" in c) throw new Error(`content has issues: ${JSON.stringify(c)}`);
  return c;
}

export interface Setup {
  dir: string;
  registry: string;
  issuers: string;
  keyFile: string;
  key: KeyFile;
  /** Writes a file into the set-up folder and returns its path. */
  file: (name: string, text: string) => string;
  cleanup: () => void;
}

function issuerYaml(id: string, did: string, window: { from: string; until?: string; compromised?: boolean }): string {
  return [
    `id: ${id}`,
    "name: 测试县司法局",
    "kind: county",
    `uri: https://sfj.${id}.example.gov.cn/`,
    "numberPrefix: TS",
    "keys:",
    `  - id: ${did}`,
    `    validFrom: ${window.from}`,
    ...(window.until ? [`    validUntil: ${window.until}`] : []),
    ...(window.compromised ? ["    compromised: true"] : []),
    "",
  ].join("\n");
}

/** A registry and an issuer `test-sfj` whose key signs from 400 days ago (or the window given). */
export async function setUp(window: { from: string; until?: string; compromised?: boolean } = { from: addDays(DAY, -400) }): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), "cert-issue-"));
  const registry = join(dir, "registry");
  const issuers = join(dir, "issuers");
  mkdirSync(issuers);
  createRegistry(registry, SITE);
  const key = await generateKeyPair("test-sfj", NOW);
  writeFileSync(join(issuers, "test-sfj.yaml"), issuerYaml("test-sfj", key.controller, window));
  const keyFile = join(dir, "key.json");
  writeFileSync(keyFile, JSON.stringify(key), { mode: 0o600 });
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  return { dir, registry, issuers, keyFile, key, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every self-study requirement of pre-job and annual-review met, with ~28 hours of study. */
export function readyEntries(c: CurriculumFactsLike): Pick<ProgressRecord, "lessons" | "attempts" | "runs"> {
  const lessons = Object.values(c.facts.courses).flatMap((course) => course.lessons.map((l) => completed(l.key, 5000)));
  return {
    lessons,
    attempts: Object.keys(c.facts.quizzes).map((quiz) => attempt(quiz, 10, 10)),
    runs: [
      run("drainage-ditch", 30, "lawful-agreement", 1),
      run("not-for-mediation", 30, "correct-referral", 2),
      run("wage-arrears", 30, "lawful-agreement", 3),
      run("land-compensation", 30, "lawful-agreement", 4),
    ],
  };
}
type CurriculumFactsLike = Pick<CurrentContent, "facts">;

let learners = 0;
export function learner(name: string, id = `Lr${String(++learners).padStart(6, "0")}TestAbcd`): ProgressRecord["learner"] {
  return { id, name, township: "西坪镇", village: "东村", created: "2026-02-01T08:00:00.000Z", updated: "2026-02-01T08:00:00.000Z" };
}

/** The application file text for `level`, as 我的学习 downloads it. `created` varies the checksum. */
export async function applicationText(
  levelId: string,
  who: ProgressRecord["learner"],
  entries: Pick<ProgressRecord, "lessons" | "attempts" | "runs"> = readyEntries(content()),
  created: Date = NOW,
): Promise<string> {
  const c = content();
  const level = c.levels.get(levelId)!;
  const record: ProgressRecord = { version: 2, learner: who, ...entries };
  return `${JSON.stringify(await createApplication(record, level, c.facts, created), null, 2)}\n`;
}

export function resultText(input: { level: string; name: string; score?: number; max?: number; passMark?: number; passed?: boolean }): string {
  const { level, name, score = 90, max = 100, passMark = 80 } = input;
  return JSON.stringify({
    format: "ma-exam-result",
    version: 1,
    paper: `${level}-exam-20261201-abcd`,
    level,
    ticket: "A001",
    name,
    score,
    max,
    passMark,
    passed: input.passed ?? score * 100 >= passMark * max,
    mode: "online",
    graded: "2026-12-01T10:00:00Z",
  });
}

/** Captures what a command prints. */
export function capture(): { out: string[]; err: string[]; options: { now: Date; out: (t: string) => void; err: (t: string) => void }; text: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, options: { now: NOW, out: (t) => out.push(t), err: (t) => err.push(t) }, text: () => [...out, ...err].join("") };
}
