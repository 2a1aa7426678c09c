/**
 * Feedback on one graded item, shown only when the quiz reveals answers: the learner's
 * answer, the correct one, how a partial score came about, the authors' option feedback,
 * the explanation and the provisions it rests on (links to the law library).
 */
import { html, nothing, type TemplateResult } from "lit";
import type { DrawnItem } from "../../lib/quiz/draw.ts";
import type { ItemResult } from "../../lib/quiz/grade.ts";
import type { Response } from "../../lib/quiz/response.ts";
import type { QuizItem } from "../../lib/quiz/schema.ts";
import type { QuizProvision } from "../../lib/quiz/page-data.ts";
import { fill, type Strings } from "../../i18n/fill.ts";
import { optionsShown, points, promptsShown } from "../../lib/quiz/view.ts";

export interface ItemResultContext {
  /** The `quiz.*` strings of the runner. */
  strings: Strings;
  n: number;
  item: QuizItem;
  drawn: DrawnItem;
  result: ItemResult;
  response: Response | undefined;
  provisions: ReadonlyMap<string, QuizProvision>;
}

const marks = { correct: "✓", partial: "◐", wrong: "✗", unanswered: "○" } as const;

export function itemResult(c: ItemResultContext): TemplateResult {
  const { strings, item, result } = c;
  const law = item.law.map((id) => c.provisions.get(id)).filter((p): p is QuizProvision => Boolean(p));
  return html`<li class=${`quiz-feedback__item quiz-feedback__item--${result.correctness}`}>
    <h4 class="quiz-feedback__heading">
      <span aria-hidden="true">${marks[result.correctness]}</span>
      ${fill(strings["quiz.result.itemHeading"], {
        n: c.n,
        type: strings[`quiz.type.${item.type}`],
        correctness: strings[`quiz.result.${result.correctness}`],
        score: points(result.score),
        max: points(result.max),
      })}
    </h4>
    ${item.type === "case-judgement" ? html`<p class="quiz-situation">${item.situation}</p>` : nothing}
    <p class="quiz-stem">${item.stem}</p>
    <dl class="quiz-answers">
      <dt>${strings["quiz.result.yours"]}</dt>
      <dd>${answerText(c, c.response)}</dd>
      ${result.solution !== undefined
        ? html`<dt>${strings["quiz.result.solution"]}</dt>
            <dd>${answerText(c, result.solution)}</dd>`
        : nothing}
    </dl>
    ${detail(c)}
    ${result.feedback.length ? html`<ul class="quiz-option-feedback">${result.feedback.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
    ${result.explanation ? html`<p><strong>${strings["quiz.result.explanation"]}：</strong>${result.explanation}</p>` : nothing}
    ${law.length
      ? html`<p class="quiz-law">
          <strong>${strings["quiz.result.law"]}：</strong>${law.map((p, i) => html`${i > 0 ? "、" : ""}<a href=${p.url}>${p.citation}</a>`)}
        </p>`
      : nothing}
  </li>`;
}

function detail({ strings, result }: ItemResultContext) {
  if (result.correctness === "correct" || result.correctness === "unanswered") return nothing;
  const d = result.detail;
  switch (d.kind) {
    case "multiple":
      return html`<p class="meta">${fill(strings["quiz.result.multiple"], { n: d.correct, c: d.chosenCorrect, w: d.chosenWrong })}</p>`;
    case "ordering":
      return html`<p class="meta">${fill(strings["quiz.result.ordering"], { ok: d.pairsInOrder, pairs: d.pairs })}</p>`;
    case "matching":
      return html`<p class="meta">${fill(strings["quiz.result.matching"], { ok: d.matched, n: d.prompts })}</p>`;
    default:
      return nothing;
  }
}

/** A response in words: option texts, 正确/错误, the order as a list, the pairs as a list. */
function answerText({ strings, item, drawn }: ItemResultContext, response: Response | undefined) {
  const none = strings["quiz.result.none"];
  if (response === undefined || response === null) return none;
  const text = new Map(optionsShown(item, drawn).map((o) => [o.id, o.text]));
  switch (item.type) {
    case "true-false":
      return typeof response === "boolean" ? strings[response ? "quiz.true" : "quiz.false"] : none;
    case "single":
    case "case-judgement":
      return typeof response === "string" ? (text.get(response) ?? response) : none;
    case "multiple":
      return Array.isArray(response) && response.length ? html`<ul>${response.map((id) => html`<li>${text.get(id) ?? id}</li>`)}</ul>` : none;
    case "ordering":
      return Array.isArray(response) && response.length ? html`<ol>${response.map((id) => html`<li>${text.get(id) ?? id}</li>`)}</ol>` : none;
    case "matching": {
      if (typeof response !== "object" || Array.isArray(response)) return none;
      const given = response as Record<string, string>;
      return html`<ul>
        ${promptsShown(item, drawn).map((p) => html`<li>${p.text} → ${given[p.id] ? (text.get(given[p.id]!) ?? given[p.id]) : none}</li>`)}
      </ul>`;
    }
  }
}
