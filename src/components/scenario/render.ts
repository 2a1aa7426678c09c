/**
 * Lit templates shared by the player and its debrief: a node's text, law citations,
 * gauges and what a step changed. Light DOM markup, styled by src/styles/scenario.css.
 */
import { html, nothing, type TemplateResult } from "lit";
import { ref } from "lit/directives/ref.js";
import type { Scenario } from "../../lib/scenario/schema.ts";
import type { PlayerStrings } from "../../i18n/zh-CN.scenario.ts";
import { type Change, type ChoiceQuality, type Gauge, type ProvisionInfo, type StepView } from "../../lib/scenario/player-view.ts";
import { fill } from "../../i18n/fill.ts";

export type Labels = PlayerStrings;

/** The learner's own speaker id in dialogue (as in check.ts, which is too heavy to import here). */
const MEDIATOR = "mediator";
export type Provisions = ReadonlyMap<string, ProvisionInfo>;

/** 依据：《人民调解法》第十七条、… as links into the law library (nothing if no ids). */
export function lawLine(ids: readonly string[], provisions: Provisions, strings: Labels): TemplateResult | typeof nothing {
  if (!ids.length) return nothing;
  return html`<p class="sim-law">
    ${strings["scenario.player.law"]}${ids.map((id, i) => {
      const p = provisions.get(id);
      return html`${i > 0 ? "、" : ""}${p ? html`<a href=${p.url}>${p.citation}</a>` : id}`;
    })}
  </p>`;
}

/** The text of a narration, dialogue, evidence or ending node, or a past decision's prompt. */
export function nodeText(scenario: Scenario, id: string, strings: Labels): TemplateResult | typeof nothing {
  const node = scenario.nodes[id];
  if (!node) return nothing;
  const name = (speaker: string) => (speaker === MEDIATOR ? strings["scenario.player.you"] : (scenario.parties.find((p) => p.id === speaker)?.name ?? speaker));
  switch (node.kind) {
    case "narration":
      return html`<p class="sim-narration">${node.text}</p>`;
    case "dialogue":
      return html`${node.lines.map(
        (line) => html`<p class="sim-line ${line.speaker === MEDIATOR ? "sim-line--me" : ""}">
          <span class="sim-line__who">${name(line.speaker)}${line.mood ? html`<span class="sim-line__mood">（${strings[`scenario.mood.${line.mood}`]}）</span>` : nothing}</span>
          <span class="sim-line__text">${line.text}</span>
        </p>`,
      )}`;
    case "evidence":
      return html`<div class="sim-evidence">
        <p class="sim-evidence__title">${fill(strings["scenario.player.evidence"], { title: node.title })}</p>
        <p>${node.text}</p>
      </div>`;
    case "choice":
    case "agreement":
      return html`<p class="sim-prompt">${node.prompt}</p>`;
    case "ending":
      return html`<div class="sim-ending sim-ending--${node.outcome}">
        <p class="sim-ending__title">${node.title}</p>
        <p>${node.text}</p>
      </div>`;
  }
}

/**
 * A labelled bar; the numbers are in the text, the bar is decoration. Its width is set
 * through the CSSOM: the site's Content-Security-Policy refuses style attributes (and
 * Lit's styleMap writes one on first render).
 */
export const gauge = (g: Gauge): TemplateResult =>
  html`<div class="sim-gauge">
    <span class="sim-gauge__label">${g.label}</span>
    <span class="sim-gauge__bar" aria-hidden="true"><span ${ref((el) => (el as HTMLElement | undefined)?.style.setProperty("width", `${g.percent}%`))}></span></span>
    <span class="sim-gauge__value">${g.value} / ${g.max}</span>
  </div>`;

/** 张德福的信任 +1 · 李国强：平静 */
export function changeLine(changes: readonly Change[], strings: Labels): TemplateResult | typeof nothing {
  if (!changes.length) return nothing;
  return html`<ul class="sim-changes">
    ${changes.map((c) =>
      c.kind === "var"
        ? html`<li class=${c.delta > 0 ? "sim-up" : "sim-down"}>${fill(strings["scenario.player.change"], { label: c.label, delta: c.delta > 0 ? `+${c.delta}` : `−${-c.delta}` })}</li>`
        : html`<li>${fill(strings["scenario.player.moodChange"], { name: c.name, mood: strings[`scenario.mood.${c.mood}`] })}</li>`,
    )}
  </ul>`;
}

/** Icons beside the words 做得对 / 欠妥 / 有害 (decoration: the word carries the meaning). */
const QUALITY_ICON: Record<ChoiceQuality, string> = { good: "✔", poor: "!", harmful: "✘" };

/** A decision in the story or the replay: what the learner did, and the feedback in the colour, word and icon of its quality. */
export function decision(v: StepView, provisions: Provisions, strings: Labels): TemplateResult {
  if (v.kind === "choice") {
    return html`<div class="sim-decision">
        <p class="sim-decision__label">${strings["scenario.player.youChose"]}</p>
        <p>${v.text}</p>
      </div>
      <div class="sim-feedback sim-feedback--${v.quality}">
        <p>
          <strong class="sim-feedback__label"
            ><span class="sim-feedback__icon" aria-hidden="true">${QUALITY_ICON[v.quality]}</span>${strings[`scenario.quality.${v.quality}`]}</strong
          >${v.feedback}
        </p>
        ${lawLine(v.law, provisions, strings)} ${changeLine(v.changes, strings)}
      </div>`;
  }
  const verdict =
    v.verdict === "incomplete"
      ? fill(strings["scenario.agreement.incomplete"], { list: v.missing.map((e) => strings[`scenario.element.${e}`]).join("、") })
      : strings[`scenario.verdict.${v.verdict}`];
  return html`<div class="sim-decision">
      <p class="sim-decision__label">${fill(strings["scenario.agreement.submitted"], { n: v.clauses.length })}</p>
      ${v.clauses.length ? html`<ol>${v.clauses.map((c) => html`<li>${c}</li>`)}</ol>` : nothing}
    </div>
    <div class="sim-feedback sim-verdict--${v.verdict}">
      <p>${verdict}</p>
      ${lawLine(v.law, provisions, strings)} ${changeLine(v.changes, strings)}
    </div>`;
}
