/**
 * The safety net when an attempt cannot be saved (storage full or unavailable, or the
 * in-memory fallback): a downloadable file in the export format 我的学习 imports, holding
 * this attempt with the learner's whole record when we have it, or with just the profile
 * (importing merges, so either way nothing is duplicated or overwritten). Loaded only
 * when needed: it pulls in the export code (and zod).
 */
import type { LearnerProfile, ProgressRecord, QuizAttempt } from "../lib/progress/schema.ts";
import { CURRENT_VERSION } from "../lib/progress/version.ts";

export interface AttemptFile {
  url: string;
  name: string;
}

const isRecord = (value: ProgressRecord | LearnerProfile): value is ProgressRecord => "version" in value;

export async function attemptFile(source: ProgressRecord | LearnerProfile | undefined, attempt: QuizAttempt): Promise<AttemptFile> {
  let text: string;
  let name: string;
  const record: ProgressRecord | undefined =
    source && (isRecord(source) ? source : { version: CURRENT_VERSION, learner: source, lessons: [], attempts: [], runs: [] });
  try {
    if (!record) throw new Error("no record");
    const { exportText, exportFileName } = await import("../lib/progress/export.ts");
    const withAttempt: ProgressRecord = { ...record, attempts: [...record.attempts.filter((a) => a.id !== attempt.id), attempt] };
    text = await exportText(withAttempt);
    name = exportFileName(record.learner);
  } catch {
    // No record to wrap it in, or no Web Crypto for the checksum: keep the answers as plain JSON.
    text = `${JSON.stringify({ learner: record?.learner, attempt }, null, 2)}\n`;
    name = `调解员学堂-作答-${attempt.quiz}-${attempt.finished.slice(0, 10)}.json`;
  }
  return { url: URL.createObjectURL(new Blob([text], { type: "application/json" })), name };
}
