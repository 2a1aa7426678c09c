/**
 * The quiz runner's screens during an attempt: the status bar (answered so far, clock),
 * one question as a form, and the confirmation before submitting that lists what is still
 * open. Templates only: the element holds the session and the actions.
 */
import { html, nothing, type TemplateResult } from "lit";
import { keyed } from "lit/directives/keyed.js";
import { fill, type Strings } from "../../i18n/fill.ts";
import type { Response } from "../../lib/quiz/response.ts";
import type { BankScoring, QuizItem } from "../../lib/quiz/schema.ts";
import type { QuizSession } from "../../lib/quiz/session.ts";
import { clock, type AnswerState } from "../../lib/quiz/view.ts";
import { itemForm } from "./item-form.ts";

/** What the attempt screens read from the runner (its own fields and actions). */
export interface AnsweringHost {
  /** The `quiz.*` strings of the runner. */
  readonly strings: Strings;
  readonly session: QuizSession | undefined;
  /** The question shown, 0-based. */
  readonly index: number;
  readonly answers: Record<string, Response>;
  /** Time left, when the quiz has a limit. */
  readonly leftMs: number | undefined;
  stateOf(i: number): AnswerState;
  itemAt(i: number): { item: QuizItem; bankScoring: BankScoring };
  setAnswer(itemId: string, response: Response | undefined): void;
  move(itemId: string, order: readonly string[], index: number, by: -1 | 1): void;
  go(i: number): void;
  confirm(): void;
  submit(): Promise<void>;
  /** Escape on the confirmation goes back to the question. */
  handleConfirmKey(event: KeyboardEvent): void;
}

function statusBar(c: AnsweringHost): TemplateResult {
  const { strings, leftMs } = c;
  const items = c.session!.drawn.items;
  const total = items.length;
  const answered = items.filter((_, i) => c.stateOf(i) === "answered").length;
  return html`<div class="quiz-bar">
    <p class="quiz-bar__progress" id="quiz-answered">${fill(strings["quiz.answeredLabel"], { n: answered, total })}</p>
    <progress max=${total} .value=${answered} aria-labelledby="quiz-answered"></progress>
    ${leftMs !== undefined
      ? html`<p class=${`quiz-timer${leftMs < 60_000 ? " quiz-timer--low" : ""}`} role="timer">${fill(strings["quiz.timeLeft"], { time: clock(leftMs) })}</p>`
      : nothing}
  </div>`;
}

export function questionView(c: AnsweringHost): TemplateResult {
  const { strings, index } = c;
  const total = c.session!.drawn.items.length;
  const drawnItem = c.session!.drawn.items[index]!;
  const { item, bankScoring } = c.itemAt(index);
  const last = index === total - 1;
  return html`${statusBar(c)}
    <form
      class="quiz-form"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        if (last) c.confirm();
        else c.go(index + 1);
      }}
    >
      <h2 class="quiz-question__heading" id="quiz-question" tabindex="-1">
        ${fill(strings["quiz.progress"], { n: index + 1, total })} · ${strings[`quiz.type.${item.type}`]} · ${fill(strings["quiz.points"], { n: item.points })}
      </h2>
      ${keyed(
        item.id,
        itemForm({
          strings,
          item,
          drawn: drawnItem,
          scoring: bankScoring,
          response: c.answers[item.id],
          answer: (response) => c.setAnswer(item.id, response),
          move: (order, i, by) => c.move(item.id, order, i, by),
        }),
      )}
      <div class="quiz-nav">
        <button type="button" class="button button--secondary" ?disabled=${index === 0} @click=${() => c.go(index - 1)}>
          ${strings["quiz.prev"]}
        </button>
        ${last ? nothing : html`<button type="submit" class="button">${strings["quiz.next"]}</button>`}
        <button type="button" class=${`button${last ? "" : " button--secondary"}`} @click=${() => c.confirm()}>
          ${strings["quiz.submit"]}
        </button>
      </div>
    </form>`;
}

export function confirmView(c: AnsweringHost): TemplateResult {
  const strings = c.strings;
  const items = c.session!.drawn.items;
  const total = items.length;
  const open = items.map((_, i) => ({ i, state: c.stateOf(i) })).filter((x) => x.state !== "answered");
  return html`${statusBar(c)}
    <div class="box quiz-confirm" role="group" aria-labelledby="quiz-confirm-heading" @keydown=${c.handleConfirmKey}>
      <h2 id="quiz-confirm-heading" tabindex="-1">${strings["quiz.confirm.title"]}</h2>
      ${open.length
        ? html`<p>${fill(strings["quiz.confirm.unanswered"], { n: open.length })}</p>
            <ul class="quiz-confirm__open">
              ${open.map(
                ({ i, state }) =>
                  html`<li>
                    <button type="button" class="button button--secondary quiz-link" @click=${() => c.go(i)}>
                      ${fill(strings[state === "partly" ? "quiz.confirm.partly" : "quiz.confirm.item"], { n: i + 1 })}
                    </button>
                  </li>`,
              )}
            </ul>`
        : html`<p>${fill(strings["quiz.confirm.allAnswered"], { n: total })}</p>`}
      <div class="quiz-nav">
        <button type="button" class="button" @click=${() => void c.submit()}>${strings["quiz.confirm.submit"]}</button>
        <button type="button" class="button button--secondary" @click=${() => c.go(c.index)}>${strings["quiz.confirm.back"]}</button>
      </div>
    </div>`;
}
