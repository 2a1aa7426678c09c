/** Small, realistic learner records for the progress tests. */
import type { ProgressRecord, ProgressRecordV1 } from "../../../src/lib/progress/schema.ts";

export const LEARNER = "Lr0aKq3vV2xY9bC1";

export function sampleRecord(): ProgressRecord {
  return {
    version: 2,
    learner: {
      id: LEARNER,
      name: "张秀兰",
      township: "城关镇",
      village: "东关村",
      created: "2025-03-01T08:00:00.000Z",
      updated: "2025-03-01T08:00:00.000Z",
    },
    lessons: [
      { id: "ev-open-1", lesson: "procedure/the-session", kind: "opened", at: "2025-03-01T08:05:00.000Z", seconds: 0 },
      { id: "ev-done-1", lesson: "procedure/the-session", kind: "completed", at: "2025-03-01T08:20:00.000Z", seconds: 900 },
    ],
    attempts: [
      {
        id: "at-1",
        quiz: "the-session-check",
        seed: "9f2c4b1a00e3d7c5",
        items: ["who-may-apply", "procedure-steps"],
        answers: { "who-may-apply": "a", "procedure-steps": ["accept", "prepare", "session", "agreement"] },
        score: 2,
        max: 2,
        passed: true,
        started: "2025-03-01T08:21:00.000Z",
        finished: "2025-03-01T08:25:30.000Z",
      },
    ],
    runs: [
      {
        id: "run-1",
        scenario: "boundary-wall",
        log: [{ choice: "listen-first" }, { choice: "visit-site" }],
        path: ["opening", "listen", "site-visit", "ending-agreement"],
        ending: "ending-agreement",
        outcome: "lawful-agreement",
        score: 8,
        max: 10,
        started: "2025-03-02T09:00:00.000Z",
        finished: "2025-03-02T09:12:00.000Z",
      },
    ],
  };
}

/** The same learner's record as an older site kept it. */
export function sampleV1(): ProgressRecordV1 {
  return {
    version: 1,
    learner: { id: LEARNER, name: "张秀兰", place: "城关镇 东关村", created: Date.UTC(2024, 10, 5, 2, 0, 0) },
    lessonsCompleted: {
      "basics/principles": Date.UTC(2024, 10, 5, 3, 0, 0),
      "procedure/the-session": Date.UTC(2024, 10, 6, 3, 0, 0),
    },
    quizScores: [
      { quiz: "the-session-check", percent: 50, passed: false, at: Date.UTC(2024, 10, 6, 3, 10, 0) },
      { quiz: "the-session-check", percent: 100, passed: true, at: Date.UTC(2024, 10, 6, 3, 20, 0) },
    ],
  };
}
