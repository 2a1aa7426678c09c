/**
 * One question as a real form control group, per item type: radio groups (single choice,
 * true/false, case judgement), checkboxes (multiple choice), ordering with a 上移/下移 button
 * pair on every step (no drag), and matching with one labelled <select> per prompt. Every
 * control has a label; the group is a <fieldset> whose <legend> is the stem. Light DOM
 * templates rendered by <quiz-runner>; ids are `q-<item>-…` (item and option ids are slugs).
 */
import { html, nothing, type TemplateResult } from "lit";
import { repeat } from "lit/directives/repeat.js";
import type { DrawnItem } from "../../lib/quiz/draw.ts";
import type { Response } from "../../lib/quiz/response.ts";
import type { BankScoring, ItemOfType, QuizItem } from "../../lib/quiz/schema.ts";
import { fill, type Strings } from "../../i18n/fill.ts";
import { optionsShown, promptsShown } from "../../lib/quiz/view.ts";

export interface ItemFormContext {
  /** The `quiz.*` strings of the runner. */
  strings: Strings;
  item: QuizItem;
  drawn: DrawnItem;
  /** The bank's scoring rules, to explain partial credit for multiple choice. */
  scoring: BankScoring;
  response: Response | undefined;
  /** undefined clears the answer. */
  answer: (response: Response | undefined) => void;
  /** Move an ordering step by one place; `order` is the order shown now. */
  move: (order: readonly string[], index: number, by: -1 | 1) => void;
}

const hintId = (item: QuizItem) => `q-${item.id}-hint`;

export function itemForm(c: ItemFormContext): TemplateResult {
  const { item, strings } = c;
  const situation =
    item.type === "case-judgement"
      ? html`<div class="quiz-situation" id=${`q-${item.id}-situation`}>
          <p class="quiz-situation__label">${strings["quiz.situation"]}</p>
          <p>${item.situation}</p>
        </div>`
      : nothing;
  const describedBy = item.type === "case-judgement" ? `q-${item.id}-situation ${hintId(item)}` : hintId(item);
  return html`${situation}
    <fieldset class="quiz-fieldset" aria-describedby=${describedBy}>
      <legend class="quiz-stem">${item.stem}</legend>
      <p class="meta quiz-hint" id=${hintId(item)}>${hint(c)}</p>
      ${controls(c)}
    </fieldset>`;
}

function hint({ item, strings, scoring }: ItemFormContext): string {
  if (item.type === "multiple") return strings[`quiz.rule.${item.scoring ?? scoring.multiple ?? "all-or-nothing"}`];
  return strings[`quiz.hint.${item.type}`];
}

function controls(c: ItemFormContext) {
  const { item } = c;
  switch (item.type) {
    case "single":
    case "case-judgement":
      return radios(
        c,
        optionsShown(item, c.drawn).map((o) => ({ value: o.id, text: o.text })),
        c.response,
      );
    case "true-false":
      return radios(
        c,
        [
          { value: true, text: c.strings["quiz.true"] },
          { value: false, text: c.strings["quiz.false"] },
        ],
        c.response,
      );
    case "multiple":
      return checkboxes(c, item);
    case "ordering":
      return ordering(c, item);
    case "matching":
      return matching(c, item);
  }
}

function radios<V extends string | boolean>(c: ItemFormContext, choices: { value: V; text: string }[], current: Response | undefined) {
  const name = `q-${c.item.id}`;
  return html`<div class="quiz-options">
    ${choices.map(
      (choice) =>
        html`<label class="quiz-option">
          <input type="radio" name=${name} value=${String(choice.value)} .checked=${current === choice.value} @change=${() => c.answer(choice.value)} />
          <span>${choice.text}</span>
        </label>`,
    )}
  </div>`;
}

function checkboxes(c: ItemFormContext, item: ItemOfType<"multiple">) {
  const shown = optionsShown(item, c.drawn);
  const chosen = new Set(Array.isArray(c.response) ? (c.response as string[]) : []);
  const toggle = (id: string, on: boolean) => {
    const next = shown.map((o) => o.id).filter((x) => (x === id ? on : chosen.has(x)));
    c.answer(next.length ? next : undefined);
  };
  return html`<div class="quiz-options">
    ${shown.map(
      (o) =>
        html`<label class="quiz-option">
          <input
            type="checkbox"
            name=${`q-${item.id}`}
            value=${o.id}
            .checked=${chosen.has(o.id)}
            @change=${(e: Event) => toggle(o.id, (e.target as HTMLInputElement).checked)}
          />
          <span>${o.text}</span>
        </label>`,
    )}
  </div>`;
}

function ordering(c: ItemFormContext, item: ItemOfType<"ordering">) {
  const byId = new Map(item.options.map((o) => [o.id, o]));
  const order = Array.isArray(c.response) && c.response.length === item.options.length ? (c.response as string[]) : (c.drawn.options ?? item.options.map((o) => o.id));
  const last = order.length - 1;
  return html`<ol class="quiz-steps">
    ${repeat(
      order,
      (id) => id,
      (id, i) => {
        const text = byId.get(id)?.text ?? id;
        const textId = `q-${item.id}-${id}-text`;
        return html`<li class="quiz-step">
          <span class="quiz-step__n" aria-hidden="true">${i + 1}</span>
          <span class="quiz-step__text" id=${textId}>${text}</span>
          <span class="quiz-step__buttons">
            <button
              type="button"
              class="button button--secondary quiz-move"
              id=${`q-${item.id}-${id}-up`}
              aria-label=${fill(c.strings["quiz.moveLabel"], { action: c.strings["quiz.moveUp"], step: text })}
              ?disabled=${i === 0}
              @click=${() => c.move(order, i, -1)}
            >
              ↑ ${c.strings["quiz.moveUp"]}
            </button>
            <button
              type="button"
              class="button button--secondary quiz-move"
              id=${`q-${item.id}-${id}-down`}
              aria-label=${fill(c.strings["quiz.moveLabel"], { action: c.strings["quiz.moveDown"], step: text })}
              ?disabled=${i === last}
              @click=${() => c.move(order, i, 1)}
            >
              ↓ ${c.strings["quiz.moveDown"]}
            </button>
          </span>
        </li>`;
      },
    )}
  </ol>`;
}

/**
 * A closed <select> shows its choice on one line and cuts off the rest (large text, a
 * narrow phone): the whole choice is repeated under it. Hidden from screen readers, which
 * read the select's own value.
 */
function chosenText(options: readonly { id: string; text: string }[], id: string | undefined) {
  const text = id ? options.find((o) => o.id === id)?.text : undefined;
  return text ? html`<p class="quiz-pair__chosen" aria-hidden="true">${text}</p>` : nothing;
}

function matching(c: ItemFormContext, item: ItemOfType<"matching">) {
  const given = c.response && typeof c.response === "object" && !Array.isArray(c.response) ? (c.response as Record<string, string>) : {};
  const options = optionsShown(item, c.drawn);
  const choose = (prompt: string, value: string) => {
    const next = { ...given };
    if (value) next[prompt] = value;
    else delete next[prompt];
    c.answer(Object.keys(next).length ? next : undefined);
  };
  return html`<div class="quiz-pairs">
    ${promptsShown(item, c.drawn).map((p) => {
      const id = `q-${item.id}-${p.id}`;
      return html`<div class="quiz-pair">
        <label for=${id}>${p.text}</label>
        <select id=${id} @change=${(e: Event) => choose(p.id, (e.target as HTMLSelectElement).value)}>
          <option value="" .selected=${!given[p.id]}>${c.strings["quiz.choose"]}</option>
          ${options.map((o) => html`<option value=${o.id} .selected=${given[p.id] === o.id}>${o.text}</option>`)}
        </select>
        ${chosenText(options, given[p.id])}
      </div>`;
    })}
  </div>`;
}
