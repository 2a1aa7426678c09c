/**
 * The quiz runner's screens before an attempt: no current learner, ready to start (or no
 * attempts left), and an unfinished attempt to continue or discard. Templates only: the
 * element holds the state and the actions.
 */
import { html, nothing, type TemplateResult } from "lit";
import { fill, type Strings } from "../../i18n/fill.ts";
import type { QuizDraft } from "../../lib/quiz/draft.ts";
import type { Quiz } from "../../lib/quiz/schema.ts";
import type { Score } from "../../lib/quiz/session.ts";
import { points } from "../../lib/quiz/view.ts";
import { linkWithBack } from "../../lib/progress/back-link.ts";

/** What the start screens read from the runner (its own fields, so no context object is built per render). */
export interface StartHost {
  /** The `quiz.*` strings of the runner. */
  readonly strings: Strings;
  /** URL of 我的学习. */
  readonly me: string;
  readonly learnerName: string;
  /** Attempts this learner has finished on this quiz. */
  readonly used: number;
  readonly best: Score | undefined;
  /** Attempts left (Infinity without a limit). */
  readonly remaining: number;
  readonly quiz: Quiz;
  /** A one-off note (a draft that could not be continued). */
  readonly notice: string;
  readonly draft: QuizDraft | undefined;
  begin(): Promise<void>;
  continueDraft(): Promise<void>;
  discardDraft(): void;
}

export const noLearnerView = (strings: Strings, me: string): TemplateResult =>
  html`<div class="box quiz-start">
    <p>${strings["quiz.needLearner"]}</p>
    <p><a class="button" href=${linkWithBack(me, location.pathname + location.search)}>${strings["quiz.goToMe"]}</a></p>
  </div>`;

/** "Used n so far, best …" and what is left, as one line. */
export function attemptsLine({ strings, used, best, remaining }: Pick<StartHost, "strings" | "used" | "best" | "remaining">): string {
  const usedText = used && best ? fill(strings["quiz.usedSoFar"], { n: used, score: points(best.score), max: points(best.max) }) : "";
  const left = remaining === Infinity ? strings["quiz.remainingUnlimited"] : fill(strings["quiz.remaining"], { n: remaining });
  return usedText + left;
}

export function startView(c: StartHost): TemplateResult {
  const { strings, best } = c;
  if (c.remaining <= 0) {
    return html`<div class="box quiz-start">
      <h2 id="quiz-ready-heading" tabindex="-1">${fill(strings["quiz.usedUp"], { name: c.learnerName, n: c.quiz.attempts ?? 0 })}</h2>
      ${best ? html`<p>${fill(strings["quiz.usedSoFar"], { n: c.used, score: points(best.score), max: points(best.max) })}</p>` : nothing}
      <p><a href=${c.me}>${strings["quiz.result.myRecord"]}</a></p>
    </div>`;
  }
  const notice = c.notice ? html`<p class="quiz-warning" role="status">${c.notice}</p>` : nothing;
  if (c.draft) return html`${notice}${draftView(c, c.draft)}`;
  return html`${notice}<div class="box quiz-start">
    <h2 id="quiz-ready-heading" tabindex="-1">${fill(strings["quiz.for"], { name: c.learnerName })}</h2>
    <p>${attemptsLine(c)}</p>
    <p><button type="button" class="button" @click=${() => void c.begin()}>${strings["quiz.start"]}</button></p>
  </div>`;
}

/** An unfinished attempt: continue it (the default) or start over. */
function draftView(c: StartHost, draft: QuizDraft): TemplateResult {
  const strings = c.strings;
  const answered = draft.items.filter((id) => draft.answers[id] !== undefined && draft.answers[id] !== null).length;
  const started = new Date(draft.started).toLocaleString("zh-CN", { month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  return html`<div class="box quiz-start">
    <h2 id="quiz-ready-heading" tabindex="-1">${fill(strings["quiz.draft.heading"], { name: c.learnerName })}</h2>
    <p>${fill(strings["quiz.draft.summary"], { started, n: answered, total: draft.items.length })}${c.quiz.timeLimit !== undefined ? strings["quiz.draft.clock"] : ""}</p>
    <p class="quiz-nav">
      <button type="button" class="button" @click=${() => void c.continueDraft()}>${strings["quiz.draft.continue"]}</button>
      <button type="button" class="button button--secondary" @click=${() => c.discardDraft()}>${strings["quiz.draft.discard"]}</button>
    </p>
  </div>`;
}
