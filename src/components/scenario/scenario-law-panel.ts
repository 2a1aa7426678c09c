import { html, nothing, type PropertyDeclarations } from "lit";
import "../law-lookup.ts";
import { PanelDialog } from "./panel-dialog.ts";
import type { Provisions } from "./render.ts";

/**
 * 查法条: the provisions the scenario cites (from the page, so they show without any
 * download), and the site's <law-lookup> over all provisions and glossary terms (lunr and
 * search/lookup.json are fetched the first time the box is used).
 */
export class ScenarioLawPanel extends PanelDialog {
  static properties: PropertyDeclarations = {
    /** Provision ids to list: the scenario's `law`. */
    ids: { attribute: false },
    provisions: { attribute: false },
    /** URL of search/lookup.json. */
    lookupSrc: { attribute: false },
    /** Site base path, prefixed to result paths. */
    base: { attribute: false },
  };

  declare ids: string[];
  declare provisions: Provisions;
  declare lookupSrc: string;
  declare base: string;

  protected readonly panelId = "sim-law";

  constructor() {
    super();
    this.ids = [];
    this.provisions = new Map();
    this.lookupSrc = this.base = "";
  }

  protected buttonText() {
    return this.strings["scenario.player.lawPanel"];
  }

  protected heading() {
    return this.strings["scenario.player.lawPanel"];
  }

  protected renderBody() {
    const l = this.strings;
    return html`<h3>${l["scenario.player.lawCited"]}</h3>
      <ul class="sim-provisions">
        ${this.ids.map((id) => {
          const p = this.provisions.get(id);
          return p
            ? html`<li>
                <p><a href=${p.url}><strong>${p.citation}</strong></a>　${p.heading}</p>
                <p class="sim-provisions__summary">${p.summary}</p>
              </li>`
            : nothing;
        })}
      </ul>
      <law-lookup
        src=${this.lookupSrc}
        base=${this.base}
        .strings=${this.lookupStrings()}
      ></law-lookup>`;
  }

  /** The look-up's own strings, with the player's label and placeholder for its box. */
  private lookupStrings() {
    const l = this.strings;
    return { ...l, "lookup.label": l["scenario.player.lawSearch"], "lookup.placeholder": l["scenario.player.lawSearchPlaceholder"] };
  }
}

customElements.define("scenario-law-panel", ScenarioLawPanel);

declare global {
  interface HTMLElementTagNameMap {
    "scenario-law-panel": ScenarioLawPanel;
  }
}
