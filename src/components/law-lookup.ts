import { LitElement, html, nothing } from "lit";
import type { Lookup, LookupHit } from "../lib/search/lookup-index.ts";
import { loadLookup } from "../browser/lookup-loader.ts";
import { snippet } from "../lib/search/snippet.ts";


/**
 * Instant look-up of law provisions and glossary terms. The lunr index is fetched the
 * first time the learner focuses or types, then every keystroke searches locally.
 *
 * @attr src - URL of the serialised index (search/lookup.json).
 * @attr base - Site base path, prefixed to result paths.
 */
export class LawLookup extends LitElement {
  static properties = {
    src: { type: String },
    base: { type: String },
    label: { type: String },
    placeholder: { type: String },
    labelLoading: { type: String, attribute: "label-loading" },
    labelFailed: { type: String, attribute: "label-failed" },
    labelEmpty: { type: String, attribute: "label-empty" },
    /** Template with {n}. */
    labelCount: { type: String, attribute: "label-count" },
    labelLaw: { type: String, attribute: "label-law" },
    labelTerm: { type: String, attribute: "label-term" },
    query: { state: true },
    hits: { state: true },
    status: { state: true },
  };

  declare src: string;
  declare base: string;
  declare label: string;
  declare placeholder: string;
  declare labelLoading: string;
  declare labelFailed: string;
  declare labelEmpty: string;
  declare labelCount: string;
  declare labelLaw: string;
  declare labelTerm: string;
  declare query: string;
  declare hits: LookupHit[];
  declare status: "idle" | "loading" | "ready" | "failed";

  private lookup?: Promise<Lookup>;

  constructor() {
    super();
    this.src = this.base = this.label = this.placeholder = "";
    this.labelLoading = this.labelFailed = this.labelEmpty = this.labelCount = this.labelLaw = this.labelTerm = "";
    this.query = "";
    this.hits = [];
    this.status = "idle";
  }

  // Light DOM: results are ordinary page content, styled by the page and found by tests.
  protected createRenderRoot() {
    return this;
  }

  render() {
    const statusText =
      this.status === "loading"
        ? this.labelLoading
        : this.status === "failed"
          ? this.labelFailed
          : this.query.trim()
            ? this.hits.length
              ? this.labelCount.replace("{n}", String(this.hits.length))
              : this.labelEmpty
            : "";
    return html`<div class="lookup" role="search">
      <label class="field-label" for="law-lookup-input">${this.label}</label>
      <input
        id="law-lookup-input"
        class="field-input lookup__input"
        type="search"
        autocomplete="off"
        enterkeyhint="search"
        placeholder=${this.placeholder}
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
                <span class="lookup__kind">${doc.kind === "law" ? this.labelLaw : this.labelTerm}</span>
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
