import { LitElement, html, nothing } from "lit";
import { localStore } from "../browser/storage.ts";
import type { AgreementDraft } from "../lib/scenario/agreement.ts";
import { availableChoices, choose, isEnded, resume, start, submitAgreement } from "../lib/scenario/engine.ts";
import { currentLearnerId } from "../browser/learner.ts";
import { runOwner } from "./scenario/run-owner.ts";
import { LocalStorageSaveSlot, type SaveResult, type StorageLike } from "../lib/scenario/local-save.ts";
import type { RunKey } from "../lib/scenario/save.ts";
import type { NodeOf, Scenario } from "../lib/scenario/schema.ts";
import type { RunState } from "../lib/scenario/state.ts";
import type { Mood } from "../lib/scenario/vocabulary.ts";
import "./scenario/scenario-law-panel.ts";
import "./scenario/scenario-notes-panel.ts";
import { decision, gauge, nodeText, type Labels, type Provisions } from "./scenario/render.ts";
import { gauges, lastDraftAt, runHistory, stepView, trailOfStep, type SimulationData } from "../lib/scenario/player-view.ts";
import { fill } from "../i18n/fill.ts";

/** Whether the screen has room to show 当前局面 open beside the choices (CSS px, as the media queries). */
const wideScreen = () => window.matchMedia?.("(min-width: 48rem)").matches ?? false;

/** A run tried on the preview page stays in the page: a Map stands in for localStorage. */
function pageOnly(): StorageLike {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

/** A press on the page's plain-HTML opening, carried out once the player has loaded (see scenario/opening-loader.ts). */
export type OpeningAction = { choice: string } | { tool: "notes" | "law" };

/**
 * The drafting form and the debrief load when a run first needs them: a learner who reads
 * the case and makes a few choices downloads neither. Lit keeps properties set before the
 * element is defined, so they are rendered like the others and upgrade on arrival.
 */
const loadAgreement = () => import("./scenario/scenario-agreement.ts");
const loadDebrief = () => import("./scenario/scenario-debrief.ts");

/**
 * The case-simulation player: a thin view over src/lib/scenario. The scenario and the
 * provisions it cites (SimulationData) come from `src` (the scenario page's data.json,
 * fetched when the player loads) or a `<script type="application/json">` child (the
 * authoring preview). The scenario page shows the opening as plain HTML first and loads
 * this element on the first press there (scenario/opening-loader.ts); the player then
 * replaces that opening and carries the press out (`firstAction`). The run is saved in
 * localStorage after every step and resumed when the page is opened again. Light DOM:
 * styled by src/styles/scenario.css.
 *
 * Each step's new text is announced through a polite live region and focus moves to the
 * new step's heading, so a keyboard or screen-reader user continues from there.
 */
export class CaseSimulation extends LitElement {
  static properties = {
    /** JSON of the player's strings (PlayerStrings), picked by the page. */
    strings: { type: Object },
    /** URL of search/lookup.json, for the 查法条 search. */
    lookupSrc: { type: String, attribute: "lookup-src" },
    /** Site base path, prefixed to look-up result paths. */
    base: { type: String },
    /** A trainer's file tried on /authoring/preview/: the run is neither saved nor recorded. */
    preview: { type: Boolean },
    /** URL of the scenario's SimulationData, when no JSON child carries it. */
    src: { type: String },
    /** The press on the plain-HTML opening that loaded the player, to carry out. */
    firstAction: { attribute: false },
    /** The run so far (lib/scenario/state.ts). */
    state: { state: true },
    /** The learner's notes, saved with the run. */
    notes: { state: true },
    /** A one-off note (resumed, restarted). */
    notice: { state: true },
    /** Why the run could not be saved, if so. */
    warning: { state: true },
    /** Text for the polite live region. */
    announcement: { state: true },
    /** Whether 重新开始 awaits confirmation. */
    confirming: { state: true },
    /** Whether the scenario data could not be read. */
    failed: { state: true },
  };

  declare strings: Labels;
  declare lookupSrc: string;
  declare base: string;
  declare preview: boolean;
  declare src: string;
  declare firstAction: OpeningAction | undefined;
  /** The run; undefined until the saved run has been read. */
  declare state: RunState | undefined;
  declare notes: string;
  /** A one-off message: resumed, restarted. */
  declare notice: string;
  /** Why the run could not be saved, if it could not. */
  declare warning: string;
  /** Text for the live region. */
  declare announcement: string;
  /** Asking whether to throw away a run in progress. */
  declare confirming: boolean;
  declare failed: boolean;

  private scenario?: Scenario;
  private provisions: Provisions = new Map();
  /** The run before each step and now: history[i] is where step i was taken. */
  private history: RunState[] = [];
  private saveSlot?: LocalStorageSaveSlot;
  private get store(): LocalStorageSaveSlot {
    return (this.saveSlot ??= new LocalStorageSaveSlot(this.preview ? pageOnly() : localStore()));
  }
  /** When this page started or resumed the run (the saved run keeps no clock). */
  private startedAt = new Date().toISOString();

  constructor() {
    super();
    this.strings = {} as Labels;
    this.lookupSrc = this.base = this.src = "";
    this.notes = this.notice = this.warning = this.announcement = "";
    this.confirming = this.failed = this.preview = false;
  }

  protected createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    if (!this.scenario && !this.failed) void this.load();
  }

  private get key(): RunKey {
    // Each learner sharing the device resumes their own run.
    return { scenarioId: this.scenario!.id, learnerId: runOwner() };
  }

  /** Reads the page's data, then the saved run and notes. */
  private async load() {
    try {
      const script = this.querySelector(':scope > script[type="application/json"]');
      const data = (script ? JSON.parse(script.textContent ?? "") : await this.fetchData()) as SimulationData;
      this.scenario = data.scenario;
      this.provisions = new Map(data.provisions.map((p) => [p.id, p]));
      const [saved, notes] = await Promise.all([this.store.load(this.key), this.store.loadNotes(this.key)]);
      const resumed = resume(this.scenario, saved);
      this.history = runHistory(this.scenario, resumed.state);
      this.notes = notes;
      // A finished run reopens on its result, which says all a "resumed" note would.
      const finished = isEnded(this.scenario, resumed.state);
      if (resumed.dropped) this.notice = fill(this.strings["scenario.player.resumedDropped"], { n: resumed.applied });
      else if (resumed.applied && !finished) this.notice = fill(this.strings["scenario.player.resumed"], { n: resumed.applied });
      this.state = resumed.state;
      // The player takes over from the page's plain-HTML opening, and does what was pressed there.
      this.querySelector("[data-opening]")?.remove();
      await this.carryOut(this.firstAction);
    } catch (error) {
      this.failed = true;
      console.error(error);
    }
  }

  private async fetchData(): Promise<unknown> {
    const response = await fetch(this.src);
    if (!response.ok) throw new Error(`${this.src}: HTTP ${response.status}`);
    return response.json();
  }

  /** The opening's press: the same choice (if the run still stands at the start), or the same tool opened. */
  private async carryOut(action: OpeningAction | undefined) {
    this.firstAction = undefined;
    if (!action) return;
    await this.updateComplete;
    const { scenario, state } = this;
    if ("choice" in action) {
      if (state && state.log.length === 0 && availableChoices(scenario!, state).some((c) => c.id === action.choice)) await this.advance(choose(scenario!, state, action.choice));
      return;
    }
    const panel = this.querySelector<LitElement>(`scenario-${action.tool}-panel`);
    await panel?.updateComplete;
    panel?.querySelector<HTMLButtonElement>(".sim-tool")?.click();
  }

  render() {
    const l = this.strings;
    if (this.failed) return html`<p class="sim-warning" role="alert">${l["scenario.player.failed"]}</p>`;
    const { scenario, state } = this;
    if (!scenario || !state) return html`<p class="meta">${l["scenario.player.loading"]}</p>`;
    const node = scenario.nodes[state.node];
    const ended = node.kind === "ending";
    return html`<section class="sim" aria-labelledby="sim-heading">
      <h2 id="sim-heading">${l["scenario.player.heading"]}</h2>
      ${this.notice ? html`<p class="sim-notice">${this.notice}</p>` : nothing}
      ${this.warning ? html`<p class="sim-warning" role="alert">${this.warning}</p>` : nothing}
      ${ended
        ? // A finished run: the result first, with 再做一次 beside it; the story folded below.
          html`${this.renderDebrief(scenario, state)}
            <details class="sim-story-fold">
              <summary>${fill(l["scenario.player.story"], { n: state.log.length })}</summary>
              ${this.renderStory(scenario, state)}
            </details>`
        : html`${this.renderStory(scenario, state)}
            <div class="sim-now">
              ${this.renderStatus(scenario, state)}
              ${node.kind === "choice" ? this.renderChoices(scenario, state, node) : this.renderAgreement(scenario, state, node as NodeOf<"agreement">)}
              ${this.renderTools(scenario, state)}
            </div>`}
      <p class="visually-hidden" role="status" aria-atomic="true">${this.announcement}</p>
    </section>`;
  }

  private renderStory(scenario: Scenario, state: RunState) {
    const l = this.strings;
    return html`<div class="sim-story">
      <section class="sim-step" aria-labelledby="sim-step-opening">
        <h3 class="sim-step__heading" id="sim-step-opening" tabindex="-1">${l["scenario.player.opening"]}</h3>
        ${this.renderTrail(-1)}
      </section>
      ${state.log.map(
        (_, i) => html`<section class="sim-step" aria-labelledby="sim-step-${i}">
          <h3 class="sim-step__heading" id="sim-step-${i}" tabindex="-1">${fill(l["scenario.player.step"], { n: i + 1 })}</h3>
          ${decision(stepView(scenario, this.history, i), this.provisions, l)} ${this.renderTrail(i)}
        </section>`,
      )}
    </div>`;
  }

  protected willUpdate() {
    const kind = this.state && this.scenario?.nodes[this.state.node]?.kind;
    if (kind === "agreement") void loadAgreement();
    if (kind === "ending") void loadDebrief();
  }

  private renderDebrief(scenario: Scenario, state: RunState) {
    return html`<scenario-debrief
      .scenario=${scenario}
      .state=${state}
      .history=${this.history}
      .provisions=${this.provisions}
      .strings=${this.strings}
      @restart=${this.handleRestart}
    ></scenario-debrief>`;
  }

  /** Nodes shown after step `i`, except the decision now waiting, which has its own area. */
  private renderTrail(i: number) {
    const { scenario, state } = this;
    const ids = trailOfStep(state!, i);
    const last = state!.trail[state!.trail.length - 1];
    return ids.map((id, k) =>
      k === ids.length - 1 && last.step === i && id === state!.node && scenario!.nodes[id].kind !== "ending" ? nothing : nodeText(scenario!, id, this.strings),
    );
  }

  /**
   * 当前局面 folds to one line (each party's mood) so the choices stay in view on a phone;
   * it starts open where the screen is wide enough to show it beside little else.
   */
  private renderStatus(scenario: Scenario, state: RunState) {
    const l = this.strings;
    const shared = gauges(scenario, state);
    const mood = (id: string, fallback: Mood) => l[`scenario.mood.${state.moods[id] ?? fallback}`];
    const moods = scenario.parties.map((p) => fill(l["scenario.player.partyMood"], { name: p.name, mood: mood(p.id, p.mood) })).join(" · ");
    return html`<details class="sim-status" ?open=${wideScreen()}>
      <summary class="sim-status__summary" id="sim-status-heading">${fill(l["scenario.player.situationNow"], { moods })}</summary>
      <ul class="sim-parties">
        ${scenario.parties.map(
          (p) => html`<li class="sim-party">
            <p class="sim-party__name">
              <strong>${p.name}</strong>
              <span class="sim-mood sim-mood--${state.moods[p.id]}"
                ><span class="visually-hidden">${l["scenario.player.mood"]}</span>${mood(p.id, p.mood)}</span
              >
            </p>
            ${gauges(scenario, state, p.id).map(gauge)}
          </li>`,
        )}
      </ul>
      ${shared.length ? html`<div class="sim-shared">${shared.map(gauge)}</div>` : nothing}
    </details>`;
  }

  private renderTools(scenario: Scenario, state: RunState) {
    const l = this.strings;
    const canRestart = state.log.length > 0 && !isEnded(scenario, state);
    return html`<div class="sim-tools" role="group" aria-label=${l["scenario.player.tools"]}>
        <scenario-notes-panel
          .strings=${l}
          .scenario=${scenario}
          .evidence=${state.evidence}
          .notes=${this.notes}
          @notes-change=${this.handleNotes}
        ></scenario-notes-panel>
        <scenario-law-panel
          .strings=${l}
          .ids=${scenario.law}
          .provisions=${this.provisions}
          .lookupSrc=${this.lookupSrc}
          .base=${this.base}
        ></scenario-law-panel>
        ${canRestart && !this.confirming
          ? html`<button type="button" class="button button--secondary sim-tool" id="sim-restart" @click=${this.handleRestartAsk}>${l["scenario.player.restart"]}</button>`
          : nothing}
      </div>
      ${canRestart && this.confirming
        ? html`<div class="sim-confirm" role="group" aria-labelledby="sim-confirm-question">
            <p id="sim-confirm-question">${l["scenario.player.restartConfirm"]}</p>
            <button type="button" class="button" id="sim-confirm-yes" @click=${this.handleRestart}>
              ${l["scenario.player.restartYes"]}
            </button>
            <button type="button" class="button button--secondary" @click=${this.handleRestartCancel}>${l["scenario.player.restartNo"]}</button>
          </div>`
        : nothing}`;
  }

  private renderChoices(scenario: Scenario, state: RunState, node: NodeOf<"choice">) {
    return html`<section class="sim-decide" aria-labelledby="sim-decide-heading">
      <h3 id="sim-decide-heading">${this.strings["scenario.player.choices"]}</h3>
      <p class="sim-prompt" id="sim-decide-prompt">${node.prompt}</p>
      <ul class="sim-choices" aria-labelledby="sim-decide-prompt">
        ${availableChoices(scenario, state).map(
          (c) => html`<li><button type="button" class="sim-choice" @click=${() => this.advance(choose(scenario, state, c.id))}>${c.text}</button></li>`,
        )}
      </ul>
    </section>`;
  }

  private renderAgreement(scenario: Scenario, state: RunState, node: NodeOf<"agreement">) {
    return html`<section class="sim-decide" aria-labelledby="sim-decide-heading">
      <h3 id="sim-decide-heading">${this.strings["scenario.agreement.heading"]}</h3>
      <p class="sim-prompt">${node.prompt}</p>
      <scenario-agreement
        .nodeId=${state.node}
        .node=${node}
        .parties=${scenario.parties}
        .initial=${lastDraftAt(state, state.node)}
        .strings=${this.strings}
        @agreement-submit=${(e: CustomEvent<{ draft: AgreementDraft }>) => this.advance(submitAgreement(scenario, state, e.detail.draft))}
      ></scenario-agreement>
    </section>`;
  }

  /** After a step: save, then move focus to the new step and announce what it revealed. */
  private async advance(next: RunState) {
    this.history = [...this.history, next];
    this.state = next;
    this.notice = "";
    this.confirming = false;
    void this.store.trySave(this.key, next).then(this.showSaveResult);
    if (isEnded(this.scenario!, next)) {
      void this.recordRun(next);
      // The result replaces the story: focus its heading once the debrief has loaded and drawn.
      await loadDebrief();
      await this.updateComplete;
      await this.querySelector("scenario-debrief")?.updateComplete;
      this.focusAndAnnounce("sim-debrief-heading");
      return;
    }
    await this.updateComplete;
    this.focusAndAnnounce(`sim-step-${next.log.length - 1}`);
  }

  private focusAndAnnounce(headingId: string, prefix = "") {
    const heading = this.querySelector<HTMLElement>(`#${headingId}`);
    heading?.focus();
    const { scenario, state } = this;
    const node = scenario!.nodes[state!.node];
    const now =
      node.kind === "ending"
        ? fill(this.strings["scenario.player.ended"], { title: node.title })
        : node.kind === "choice" || node.kind === "agreement"
          ? node.prompt
          : "";
    // At an ending, what the last step brought (the debrief's 最后一步), not the whole debrief.
    const shown = node.kind === "ending" ? this.querySelector<HTMLElement>(".sim-last") : heading?.closest("section");
    const text = shown?.innerText ?? "";
    this.announcement = `${prefix}${text} ${now}`.replace(/\s+/g, " ").trim();
  }

  /** A run that reached an ending goes into the learner's record (我的学习), when one is chosen. */
  private async recordRun(state: RunState) {
    const learner = currentLearnerId();
    const scenario = this.scenario!;
    if (!learner || this.preview) return;
    try {
      const [{ progressClient }, { runRecord }] = await Promise.all([import("../browser/progress-client.ts"), import("../lib/scenario/run-record.ts")]);
      const { store } = await progressClient();
      await store.appendRun(learner, runRecord(scenario, state, this.startedAt, new Date().toISOString()));
    } catch (error) {
      this.warning = `${this.strings["scenario.player.saveFailed"]} ${error instanceof Error ? error.message : ""}`.trim();
    }
  }

  private showSaveResult = (result: SaveResult) => {
    this.warning = result.ok ? "" : this.strings[result.reason === "quota" ? "scenario.player.saveFull" : "scenario.player.saveFailed"];
  };

  private handleNotes(event: CustomEvent<{ notes: string }>) {
    this.notes = event.detail.notes;
    void this.store.trySaveNotes(this.key, this.notes).then(this.showSaveResult);
  }

  private async handleRestartAsk() {
    this.confirming = true;
    await this.updateComplete;
    this.querySelector<HTMLElement>("#sim-confirm-yes")?.focus();
  }

  private async handleRestartCancel() {
    this.confirming = false;
    await this.updateComplete;
    this.querySelector<HTMLElement>("#sim-restart")?.focus();
  }

  private async handleRestart() {
    const fresh = start(this.scenario!);
    this.startedAt = new Date().toISOString();
    this.history = [fresh];
    this.state = fresh;
    this.notes = "";
    this.confirming = false;
    this.notice = this.strings["scenario.player.restarted"];
    void this.store.tryClear(this.key).then(this.showSaveResult);
    await this.updateComplete;
    this.focusAndAnnounce("sim-step-opening", `${this.notice} `);
  }
}

customElements.define("case-simulation", CaseSimulation);

declare global {
  interface HTMLElementTagNameMap {
    "case-simulation": CaseSimulation;
  }
}
