/** An answer sheet file's JSON as the exam page writes it (seal not checked here), with fields to change. */
export type Json = Record<string, unknown>;

export const sheetJson = (over: Json = {}): Json => ({
  format: "ma-exam-sheet",
  version: 1,
  paper: "pre-job-exam-test",
  level: "pre-job",
  site: "1",
  ticket: "QX-1",
  name: "李四",
  responses: { q1: "a" },
  started: "2026-12-02T09:00:00.000Z",
  submitted: "2026-12-02T09:30:00.000Z",
  seal: { alg: "HMAC-SHA-256", value: "abc" },
  ...over,
});
