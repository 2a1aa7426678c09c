import { LitElement, html, nothing } from "lit";
import { debrief } from "../../lib/scenario/debrief.ts";
import type { Scenario } from "../../lib/scenario/schema.ts";
import type { RunState } from "../../lib/scenario/state.ts";
import { decision, lawLine, nodeText, type Labels, type Provisions } from "./render.ts";
import { stepView, trailOfStep } from "../../lib/scenario/player-view.ts";
import { fill } from "../../i18n/fill.ts";

/**
 * The debrief at an ending. First the result (outcome, total) with 再做一次 and 逐步回放
 * beside it, so a learner who reopens a finished case sees it at once; then what the last
 * step brought, why, the lawful path not taken, the score by rubric, each mistake with its
 * explanation and law, the path taken, and what the parties really wanted.
 * 逐步回放 steps through the run's log; 再做一次 asks the player to restart.
 *
 * @event restart - The learner asked to play again.
 */
export class ScenarioDebrief extends LitElement {
  static properties = {
    /** The scenario played. */
    scenario: { attribute: false },
    /** A run at an ending. */
    state: { attribute: false },
    /** The run before each step (see runHistory), for the replay. */
    history: { attribute: false },
    /** Titles and links of the law the debrief cites. */
    provisions: { attribute: false },
    /** UI strings, the player's object passed down. */
    strings: { attribute: false },
    /** Step shown by the replay, or -1 when it is closed. */
    replayAt: { state: true },
  };

  declare scenario: Scenario;
  declare state: RunState;
  declare history: RunState[];
  declare provisions: Provisions;
  declare strings: Labels;
  declare replayAt: number;

  constructor() {
    super();
    this.history = [];
    this.provisions = new Map();
    this.replayAt = -1;
  }

  protected createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has("state")) this.replayAt = -1;
  }

  render() {
    const l = this.strings;
    const d = debrief(this.scenario, this.state);
    const law = (ids: readonly string[]) => lawLine(ids, this.provisions, l);
    const last = this.state.log.length - 1;
    return html`<section class="sim-debrief" aria-labelledby="sim-debrief-heading">
      <div class="sim-result">
        <h3 id="sim-debrief-heading" tabindex="-1">${fill(l["scenario.debrief.heading"], { title: d.ending.title })}</h3>
        <p class="sim-outcome sim-outcome--${d.ending.outcome}">
          ${fill(l["scenario.debrief.outcome"], { outcome: l[`scenario.outcome.${d.ending.outcome}`] })}
        </p>
        <p class="sim-total">${fill(l["scenario.debrief.total"], d.total)}</p>
        <div class="sim-actions">
          <button type="button" class="button" @click=${this.handleRestart}>${l["scenario.debrief.restart"]}</button>
          ${last >= 0
            ? html`<button type="button" class="button button--secondary" id="sim-replay-start" aria-expanded=${this.replayAt >= 0 ? "true" : "false"} @click=${this.handleReplay}>
                ${l["scenario.debrief.replay"]}
              </button>`
            : nothing}
        </div>
      </div>
      ${this.replayAt >= 0 ? this.renderReplay() : nothing}
      <section class="sim-last" aria-labelledby="sim-last-heading">
        <h4 id="sim-last-heading">${l["scenario.debrief.lastStep"]}</h4>
        ${last >= 0 ? decision(stepView(this.scenario, this.history, last), this.provisions, l) : nothing}
        ${trailOfStep(this.state, last).map((id) => nodeText(this.scenario, id, l))}
      </section>
      <h4>${l["scenario.debrief.why"]}</h4>
      <p>${d.ending.debrief}</p>
      ${law(d.ending.law)}
      ${d.lawfulPathNotTaken
        ? html`<h4>${l["scenario.debrief.lawfulPath"]}</h4>
            <p class="sim-lawful-path">${d.lawfulPathNotTaken}</p>`
        : nothing}
      <h4>${l["scenario.debrief.score"]}</h4>
      <table class="sim-score">
        <thead>
          <tr>
            <th scope="col">${l["scenario.debrief.dimension"]}</th>
            <th scope="col">${l["scenario.debrief.points"]}</th>
            <th scope="col">${l["scenario.debrief.about"]}</th>
          </tr>
        </thead>
        <tbody>
          ${d.rubric.map(
            (r) => html`<tr>
              <th scope="row">${l[`scenario.rubric.${r.dimension}`]}</th>
              <td class="sim-score__points">${fill(l["scenario.debrief.scoreOf"], { score: r.score, max: r.max })}</td>
              <td>${r.about ?? ""}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h4>${l["scenario.debrief.mistakes"]}</h4>
      ${d.mistakes.length
        ? html`<ol class="sim-mistakes">
            ${d.mistakes.map((m) => html`<li><p class="sim-mistake__what">${m.what}</p><p>${m.explanation}</p>${law(m.law)}</li>`)}
          </ol>`
        : html`<p>${l["scenario.debrief.noMistakes"]}</p>`}
      <h4>${l["scenario.debrief.path"]}</h4>
      <ol class="sim-path">
        ${d.path.map(
          (p) => html`<li>
            <span class="sim-path__prompt">${p.prompt}</span>
            <span class="sim-path__taken">${p.kind === "choice" ? p.text : l[`scenario.verdict.${p.verdict}`]}</span>
          </li>`,
        )}
      </ol>
      <h4>${l["scenario.debrief.interests"]}</h4>
      <ul class="sim-interests">
        ${this.scenario.parties.map((p) => html`<li><strong>${p.name}</strong>（${p.role}）：${p.interests.join("；")}</li>`)}
      </ul>
    </section>`;
  }

  private renderReplay() {
    const l = this.strings;
    const i = this.replayAt;
    const total = this.state.log.length;
    const v = stepView(this.scenario, this.history, i);
    return html`<section class="sim-replay" aria-labelledby="sim-replay-heading">
      <h4 id="sim-replay-heading" tabindex="-1">${fill(l["scenario.replay.heading"], { n: i + 1, total })}</h4>
      <p class="sim-replay__label">${l["scenario.replay.situation"]}</p>
      <p class="sim-prompt">${v.prompt}</p>
      <p class="sim-replay__label">${l["scenario.replay.decision"]}</p>
      ${decision(v, this.provisions, l)}
      <p class="sim-replay__label">${l["scenario.replay.after"]}</p>
      ${trailOfStep(this.state, i).map((id) => nodeText(this.scenario, id, l))}
      <div class="sim-actions">
        <button type="button" class="button button--secondary" ?disabled=${i === 0} @click=${() => this.showStep(i - 1)}>${l["scenario.replay.previous"]}</button>
        <button type="button" class="button button--secondary" ?disabled=${i === total - 1} @click=${() => this.showStep(i + 1)}>${l["scenario.replay.next"]}</button>
        <button type="button" class="button button--secondary" @click=${this.handleReplayClose}>${l["scenario.replay.close"]}</button>
      </div>
    </section>`;
  }

  private handleReplay() {
    if (this.replayAt >= 0) this.handleReplayClose();
    else this.showStep(0);
  }

  private async showStep(i: number) {
    this.replayAt = i;
    await this.updateComplete;
    this.querySelector<HTMLElement>("#sim-replay-heading")?.focus();
  }

  private async handleReplayClose() {
    this.replayAt = -1;
    await this.updateComplete;
    this.querySelector<HTMLElement>("#sim-replay-start")?.focus();
  }

  private handleRestart() {
    this.dispatchEvent(new CustomEvent("restart", { bubbles: true, composed: true }));
  }
}

customElements.define("scenario-debrief", ScenarioDebrief);

declare global {
  interface HTMLElementTagNameMap {
    "scenario-debrief": ScenarioDebrief;
  }
  interface HTMLElementEventMap {
    restart: CustomEvent<void>;
  }
}
