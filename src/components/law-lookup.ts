import { LitElement, html, nothing } from "lit";
import { fill, type Strings } from "../i18n/fill.ts";
import type { Lookup, LookupHit } from "../lib/search/lookup-index.ts";
import { loadLookup } from "../browser/lookup-loader.ts";
import { snippet } from "../lib/search/snippet.ts";


/**
 * Instant look-up of law provisions and glossary terms. The lunr index is fetched the
 * first time the learner focuses or types, then every keystroke searches locally.
 */
export class LawLookup extends LitElement {
  static properties = {
    /** JSON of the `lookup.*` strings and the kind names `search.kind.law` / `search.kind.term`. */
    strings: { type: Object },
    /** URL of the serialised index (search/lookup.json). */
    src: { type: String },
    /** Site base path, prefixed to result paths. */
    base: { type: String },
    /** The text looked up. */
    query: { state: true },
    /** What the index found. */
    hits: { state: true },
    /** Where loading the index stands. */
    status: { state: true },
  };

  declare strings: Strings;
  declare src: string;
  declare base: string;
  declare query: string;
  declare hits: LookupHit[];
  declare status: "idle" | "loading" | "ready" | "failed";

  private lookup?: Promise<Lookup>;

  constructor() {
    super();
    this.strings = {};
    this.src = this.base = "";
    this.query = "";
    this.hits = [];
    this.status = "idle";
  }

  // Light DOM: results are ordinary page content, styled by the page and found by tests.
  protected createRenderRoot() {
    // The page renders a plain box inside the element until it loads (on first focus).
    this.replaceChildren();
    return this;
  }

  render() {
    const statusText =
      this.status === "loading"
        ? this.strings["lookup.loading"]
        : this.status === "failed"
          ? this.strings["lookup.failed"]
          : this.query.trim()
            ? this.hits.length
              ? fill(this.strings["lookup.count"], { n: this.hits.length })
              : this.strings["lookup.empty"]
            : "";
    return html`<div class="lookup" role="search" aria-label=${this.strings["lookup.label"]}>
      <label class="field-label" for="law-lookup-input">${this.strings["lookup.label"]}</label>
      <input
        id="law-lookup-input"
        class="field-input lookup__input"
        type="search"
        autocomplete="off"
        enterkeyhint="search"
        placeholder=${this.strings["lookup.placeholder"]}
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
                <span class="lookup__kind">${doc.kind === "law" ? this.strings["search.kind.law"] : this.strings["search.kind.term"]}</span>
                <p>${snippet(doc.body, this.query).map((part) => (part.mark ? html`<mark>${part.text}</mark>` : part.text))}</p>
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
    this.query = (event.target as HTMLInputElement).value;
    const lookup = await this.load();
    // Only show results for the text still in the box.
    if (lookup && (event.target as HTMLInputElement).value === this.query) this.hits = lookup.search(this.query, 20);
  }

  private load() {
    this.lookup ??= (async () => {
      this.status = "loading";
      const lookup = await loadLookup(this.src);
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

customElements.define("law-lookup", LawLookup);

declare global {
  interface HTMLElementTagNameMap {
    "law-lookup": LawLookup;
  }
}
