import { LitElement, html, nothing } from "lit";
import type { AgreementDraft, PartyDetails } from "../../lib/scenario/agreement.ts";
import type { NodeOf, Party } from "../../lib/scenario/schema.ts";
import { agreementElements } from "../../lib/scenario/vocabulary.ts";
import type { Labels } from "./render.ts";
import { needsPartyForm, previewMissing, signers } from "../../lib/scenario/player-view.ts";
import { fill } from "../../i18n/fill.ts";

/**
 * The agreement-drafting step: the learner ticks the clauses that belong in the written
 * agreement and, when no clause states the parties' details, types each signer's name and
 * 住所. A live preview shows the document and names what 第二十九条 still requires; it never
 * says which clauses are unlawful or coerced (the consequences and the debrief do).
 *
 * @event agreement-submit - The learner submitted; `detail.draft` is the AgreementDraft.
 */
export class ScenarioAgreement extends LitElement {
  static properties = {
    /** Id of the agreement node; a new id starts a fresh draft. */
    nodeId: { attribute: false },
    /** The agreement node: its required elements and the clauses to choose from. */
    node: { attribute: false },
    /** The scenario's parties, named in the preview. */
    parties: { attribute: false },
    /** A draft to start from, e.g. the last incomplete submission. */
    initial: { attribute: false },
    /** UI strings, the player's object passed down. */
    strings: { attribute: false },
    /** Ids of the clauses ticked so far. */
    selected: { state: true },
    /** Each party's details as entered in the draft. */
    details: { state: true },
  };

  declare nodeId: string;
  declare node: NodeOf<"agreement">;
  declare parties: Party[];
  declare initial: AgreementDraft | undefined;
  declare strings: Labels;
  declare selected: string[];
  declare details: Record<string, PartyDetails>;

  constructor() {
    super();
    this.nodeId = "";
    this.parties = [];
    this.selected = [];
    this.details = {};
  }

  protected createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has("nodeId") || changed.has("initial")) {
      this.selected = [...(this.initial?.clauses ?? [])];
      this.details = JSON.parse(JSON.stringify(this.initial?.parties ?? {})) as Record<string, PartyDetails>;
    }
  }

  private get draft(): AgreementDraft {
    const chosen = new Set(this.selected);
    const draft: AgreementDraft = { clauses: this.node.clauses.filter((c) => chosen.has(c.id)).map((c) => c.id) };
    if (needsPartyForm(this.node)) draft.parties = this.details;
    return draft;
  }

  render() {
    const l = this.strings;
    const form = needsPartyForm(this.node);
    const draft = this.draft;
    const missing = previewMissing(this.node, this.parties, draft);
    const missingText = missing.map((m) => l[`scenario.element.${m.element}`] + (form && m.detail ? `（${m.detail}）` : "")).join("、");
    const chosen = this.node.clauses.filter((c) => draft.clauses.includes(c.id));
    const typed = form ? signers(this.parties).filter((p) => this.details[p.id]?.name?.trim() || this.details[p.id]?.address?.trim()) : [];
    const partyForm = form
      ? html`<fieldset class="sim-party-form">
          <legend>${l["scenario.agreement.parties"]}</legend>
          <p class="meta">${l["scenario.agreement.partiesHint"]}</p>
          ${signers(this.parties).map((p) =>
            (["name", "address"] as const).map(
              (field) => html`<div class="sim-field">
                <label for="sim-party-${p.id}-${field}">${fill(l[`scenario.agreement.${field}`], { party: p.name })}</label>
                <input
                  id="sim-party-${p.id}-${field}"
                  type="text"
                  autocomplete="off"
                  .value=${this.details[p.id]?.[field] ?? ""}
                  @input=${(e: Event) => this.handleDetail(p.id, field, e)}
                />
              </div>`,
            ),
          )}
        </fieldset>`
      : nothing;
    // Parties first (a document opens with them), then the clauses; what is still missing
    // stays in view in a bar along the bottom while the learner ticks, and the document
    // itself follows directly under the clauses.
    return html`<form class="sim-agreement" @submit=${this.handleSubmit}>
      ${partyForm}
      <fieldset class="sim-clauses">
        <legend>${l["scenario.agreement.clauses"]}</legend>
        ${this.node.clauses.map(
          (c) => html`<label class="sim-check">
            <input type="checkbox" .checked=${draft.clauses.includes(c.id)} @change=${(e: Event) => this.handleToggle(c.id, e)} />
            <span>${c.text}</span>
          </label>`,
        )}
      </fieldset>
      <div class="sim-live">
        <p class="sim-preview__status" role="status">
          ${missing.length ? fill(l["scenario.agreement.missing"], { list: missingText }) : l["scenario.agreement.complete"]}
        </p>
        <button type="submit" class="sim-submit">${l["scenario.agreement.submit"]}</button>
      </div>
      <section class="sim-preview" aria-labelledby="sim-preview-heading">
        <h4 id="sim-preview-heading">${l["scenario.agreement.preview"]}</h4>
        <div class="sim-preview__doc">
          <p class="sim-preview__title">${l["scenario.agreement.document"]}</p>
          ${typed.map(
            (p) => html`<p>${fill(l["scenario.agreement.partyLine"], { name: this.details[p.id]?.name?.trim() || "____", address: this.details[p.id]?.address?.trim() || "____" })}</p>`,
          )}
          ${chosen.length ? html`<ol>${chosen.map((c) => html`<li>${c.text}</li>`)}</ol>` : html`<p class="meta">${l["scenario.agreement.previewEmpty"]}</p>`}
        </div>
        <p class="sim-preview__sub">${l["scenario.agreement.checklist"]}</p>
        <ul class="sim-checklist">
          ${agreementElements.map((element) => {
            const lacks = missing.some((m) => m.element === element);
            return html`<li class=${lacks ? "sim-lacks" : "sim-has"}>
              ${l[`scenario.element.${element}`]}：${lacks ? l["scenario.agreement.lacks"] : l["scenario.agreement.has"]}
            </li>`;
          })}
        </ul>
      </section>
    </form>`;
  }

  private handleToggle(id: string, event: Event) {
    const on = (event.target as HTMLInputElement).checked;
    this.selected = on ? [...this.selected.filter((s) => s !== id), id] : this.selected.filter((s) => s !== id);
  }

  private handleDetail(party: string, field: keyof PartyDetails, event: Event) {
    const value = (event.target as HTMLInputElement).value;
    this.details = { ...this.details, [party]: { ...this.details[party], [field]: value } };
  }

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    this.dispatchEvent(new CustomEvent("agreement-submit", { detail: { draft: this.draft }, bubbles: true, composed: true }));
  }
}

customElements.define("scenario-agreement", ScenarioAgreement);

declare global {
  interface HTMLElementTagNameMap {
    "scenario-agreement": ScenarioAgreement;
  }
  interface HTMLElementEventMap {
    "agreement-submit": CustomEvent<{ draft: AgreementDraft }>;
  }
}
