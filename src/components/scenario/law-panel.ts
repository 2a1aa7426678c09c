import { html, nothing, type PropertyDeclarations } from "lit";
import type { Lookup, LookupHit } from "../../lib/search/lookup-index.ts";
import { loadLookup } from "../../browser/lookup-loader.ts";
import type { snippet } from "../../lib/search/snippet.ts";
import { PanelDialog } from "./panel-dialog.ts";
import type { Provisions } from "./render.ts";
import { format } from "./view.ts";


/**
 * 查法条: the provisions the scenario cites (from the page, so they show without any
 * download), and a search over all provisions and glossary terms with the site's lunr
 * look-up. lunr and search/lookup.json are fetched the first time the box is used.
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
    query: { state: true },
    hits: { state: true },
    status: { state: true },
  };

  declare ids: string[];
  declare provisions: Provisions;
  declare lookupSrc: string;
  declare base: string;
  declare query: string;
  declare hits: LookupHit[];
  declare status: "idle" | "loading" | "ready" | "failed";

  protected readonly panelId = "sim-law";
  private lookup?: Promise<Lookup>;
  /** Loaded with the index: only results need it. */
  private snippet?: typeof snippet;

  constructor() {
    super();
    this.ids = [];
    this.provisions = new Map();
    this.lookupSrc = this.base = this.query = "";
    this.hits = [];
    this.status = "idle";
  }

  protected buttonText() {
    return this.labels["scenario.player.lawPanel"];
  }

  protected heading() {
    return this.labels["scenario.player.lawPanel"];
  }

  protected renderBody() {
    const l = this.labels;
    const statusText =
      this.status === "loading"
        ? l["lookup.loading"]
        : this.status === "failed"
          ? l["lookup.failed"]
          : this.query.trim()
            ? this.hits.length
              ? format(l["lookup.count"], { n: this.hits.length })
              : l["lookup.empty"]
            : "";
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
      <div class="lookup" role="search">
        <label class="lookup__label" for="sim-law-search">${l["scenario.player.lawSearch"]}</label>
        <input
          id="sim-law-search"
          class="lookup__input"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          placeholder=${l["scenario.player.lawSearchPlaceholder"]}
          .value=${this.query}
          @focus=${this.handleFocus}
          @input=${this.handleInput}
        />
        <p class="lookup__status meta" role="status">${statusText}</p>
        ${this.hits.length
          ? html`<ol class="lookup__results">
              ${this.hits.map(
                ({ doc }) => html`<li>
                  <a href=${this.base + doc.path}><strong>${doc.title}</strong>${doc.heading ? html`　${doc.heading}` : nothing}</a>
                  <span class="lookup__kind">${doc.kind === "law" ? l["search.kind.law"] : l["search.kind.term"]}</span>
                  <p>${(this.snippet?.(doc.body, this.query) ?? []).map((part) => (part.mark ? html`<mark>${part.text}</mark>` : part.text))}</p>
                </li>`,
              )}
            </ol>`
          : nothing}
      </div>`;
  }

  private handleFocus() {
    void this.load();
  }

  private async handleInput(event: Event) {
    const input = event.target as HTMLInputElement;
    this.query = input.value;
    const lookup = await this.load();
    // Only show results for the text still in the box.
    if (lookup && input.value === this.query) this.hits = lookup.search(this.query, 20);
  }

  private load() {
    this.lookup ??= (async () => {
      this.status = "loading";
      const [lookup, { snippet }] = await Promise.all([loadLookup(this.lookupSrc), import("../../lib/search/snippet.ts")]);
      this.snippet = snippet;
      this.status = "ready";
      return lookup;
    })();
    return this.lookup.catch(() => {
      this.status = "failed";
      this.lookup = undefined; // allow a retry on the next keystroke
      return undefined;
    });
  }
}

customElements.define("scenario-law-panel", ScenarioLawPanel);

declare global {
  interface HTMLElementTagNameMap {
    "scenario-law-panel": ScenarioLawPanel;
  }
}
