import { html, type PropertyDeclarations } from "lit";
import type { Scenario } from "../../lib/scenario/schema.ts";
import { PanelDialog } from "./panel-dialog.ts";
import { fill } from "../../i18n/fill.ts";

/**
 * 笔记与证据: the evidence revealed so far and the learner's free-text notes. The player
 * saves the notes with the run.
 *
 * @event notes-change - The learner edited the notes; `detail.notes` is the new text.
 */
export class ScenarioNotesPanel extends PanelDialog {
  static properties: PropertyDeclarations = {
    scenario: { attribute: false },
    /** Evidence node ids revealed so far, in order. */
    evidence: { attribute: false },
    notes: { attribute: false },
  };

  declare scenario: Scenario;
  declare evidence: string[];
  declare notes: string;

  protected readonly panelId = "sim-notes";

  constructor() {
    super();
    this.evidence = [];
    this.notes = "";
  }

  protected buttonText() {
    return fill(this.strings["scenario.player.notesCount"], { n: this.evidence.length });
  }

  protected heading() {
    return this.strings["scenario.player.notes"];
  }

  protected renderBody() {
    const items = this.evidence.flatMap((id) => {
      const node = this.scenario.nodes[id];
      return node?.kind === "evidence" ? [node] : [];
    });
    return html`<h3>${this.strings["scenario.player.evidenceList"]}</h3>
      ${items.length
        ? html`<ol class="sim-evidence-list">
            ${items.map((e) => html`<li><p class="sim-evidence__title">${e.title}</p><p>${e.text}</p></li>`)}
          </ol>`
        : html`<p class="meta">${this.strings["scenario.player.noEvidence"]}</p>`}
      <h3><label for="sim-notes-text">${this.strings["scenario.player.notesLabel"]}</label></h3>
      <p class="meta" id="sim-notes-hint">${this.strings["scenario.player.notesHint"]}</p>
      <textarea id="sim-notes-text" class="sim-notes__text" rows="6" aria-describedby="sim-notes-hint" .value=${this.notes} @input=${this.handleInput}></textarea>`;
  }

  private handleInput(event: Event) {
    this.notes = (event.target as HTMLTextAreaElement).value;
    this.dispatchEvent(new CustomEvent("notes-change", { detail: { notes: this.notes }, bubbles: true, composed: true }));
  }
}

customElements.define("scenario-notes-panel", ScenarioNotesPanel);

declare global {
  interface HTMLElementTagNameMap {
    "scenario-notes-panel": ScenarioNotesPanel;
  }
  interface HTMLElementEventMap {
    "notes-change": CustomEvent<{ notes: string }>;
  }
}
