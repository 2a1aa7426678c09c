/**
 * The quiz runner's result screen: the score and verdict, where saving stands (with a
 * file to keep when the store failed), the per-item feedback when the quiz reveals
 * answers, and what the learner can do next. Templates only: the element holds the state.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { AttemptFile } from "../../browser/attempt-file.ts";
import { fill } from "../../i18n/fill.ts";
import type { QuizCatalog } from "../../lib/quiz/catalog.ts";
import type { AttemptResult } from "../../lib/quiz/grade.ts";
import type { QuizAttempt } from "../../lib/progress/schema.ts";
import type { QuizProvision } from "../../lib/quiz/page-data.ts";
import type { Quiz } from "../../lib/quiz/schema.ts";
import type { QuizSession } from "../../lib/quiz/session.ts";
import { points } from "../../lib/quiz/view.ts";
import { itemResult } from "./item-result.ts";
import { attemptsLine, type StartHost } from "./start.ts";

/** Where saving the attempt stands. */
export type SaveState =
  | { state: "idle" }
  | { state: "saving" }
  | { state: "saved"; fallback: boolean; file?: AttemptFile }
  | { state: "failed"; reason: string; file?: AttemptFile };

/** What the result screen reads from the runner (its own fields and actions). */
export interface ResultHost extends Pick<StartHost, "strings" | "used" | "best" | "remaining"> {
  /** URL of 我的学习. */
  readonly me: string;
  readonly learnerName: string;
  readonly quiz: Quiz;
  readonly session: QuizSession | undefined;
  readonly catalog?: QuizCatalog;
  readonly result: AttemptResult | undefined;
  /** The saved attempt (its answers). */
  readonly attempt?: QuizAttempt;
  readonly provisions: ReadonlyMap<string, QuizProvision>;
  readonly save: SaveState;
  begin(): Promise<void>;
  store(): Promise<void>;
}

export function resultView(c: ResultHost): TemplateResult {
  const { strings, quiz } = c;
  const r = c.result!;
  return html`<div class="quiz-result" role="region" aria-labelledby="quiz-result-heading">
    <h2 id="quiz-result-heading" tabindex="-1">${strings["quiz.result.title"]}</h2>
    <p class=${`quiz-score ${r.passed ? "quiz-score--pass" : "quiz-score--fail"}`}>
      <span>${fill(strings["quiz.result.score"], { score: points(r.score), max: points(r.max), percent: r.percent })}</span>
      <strong>${r.passed ? strings["quiz.result.passed"] : fill(strings["quiz.result.failed"], { passMark: quiz.passMark })}</strong>
    </p>
    ${saveView(c)}
    ${quiz.reveal
      ? html`<h3>${strings["quiz.result.items"]}</h3>
          <ol class="quiz-feedback">
            ${r.items.map((result, i) =>
              itemResult({
                strings,
                n: i + 1,
                item: c.catalog!.items.get(result.itemId)!.item,
                drawn: c.session!.drawn.items[i]!,
                result,
                response: c.attempt?.answers[result.itemId] ?? undefined,
                provisions: c.provisions,
              }),
            )}
          </ol>`
      : html`<p class="meta">${strings["quiz.result.hidden"]}</p>`}
    <div class="quiz-nav">
      ${c.save.state === "saving" || c.save.state === "failed"
        ? nothing
        : c.remaining > 0
          ? html`<button type="button" class="button" @click=${() => void c.begin()}>${strings["quiz.result.retry"]}</button>
              <span class="meta">${attemptsLine(c)}</span>`
          : html`<p class="meta">${strings["quiz.result.noMore"]}</p>`}
      <a class="button button--secondary" href=${c.me}>${strings["quiz.result.myRecord"]}</a>
    </div>
  </div>`;
}

function saveView(c: ResultHost) {
  const { strings, save } = c;
  const fileLink = (file: AttemptFile | undefined) =>
    file ? html`<p><a class="button" href=${file.url} download=${file.name}>${strings["quiz.result.export"]}</a></p>` : nothing;
  switch (save.state) {
    case "idle":
      return nothing;
    case "saving":
      return html`<p class="meta">${strings["quiz.result.saving"]}</p>`;
    case "saved":
      return html`<p class="quiz-saved">${fill(strings["quiz.result.saved"], { name: c.learnerName })}</p>
        ${save.fallback ? html`<p class="quiz-warning">${strings["quiz.fallback"]}</p>${fileLink(save.file)}` : nothing}`;
    case "failed":
      return html`<div class="quiz-warning" role="alert">
        <p>${fill(strings["quiz.result.saveFailed"], { reason: save.reason })}</p>
        <p>${strings["quiz.result.keep"]}</p>
        ${fileLink(save.file)}
        <p><button type="button" class="button button--secondary" @click=${() => void c.store()}>${strings["quiz.result.retrySave"]}</button></p>
      </div>`;
  }
}
