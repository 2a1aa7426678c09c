import { LitElement, html, nothing } from "lit";
import { fill, type Strings } from "../i18n/fill.ts";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { pagefindRanking, questionLessonWeight, questionRanking } from "../lib/search/pagefind-ranking.ts";
import { asksQuestion, relaxedSearch, type RelaxStage } from "../lib/search/relax.ts";
import { cleanExcerpt } from "../lib/search/excerpt.ts";

/** The parts of pagefind's JS API that we use (pagefind 1.x). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
  sub_results: { title: string; url: string; excerpt: string }[];
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  /** A null query with filters returns every page that has them. */
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

const PAGE_SIZE = 10;

/**
 * Site-wide search over pagefind's JS API, with a filter by kind and highlighted excerpts.
 * Reads and writes ?q= and ?kind= so a search can be linked and the header form lands here.
 */
export class SiteSearch extends LitElement {
  static properties = {
    /** JSON of the `search.*` strings, picked by the page. */
    strings: { type: Object },
    /** URL of the pagefind folder (…/pagefind/). */
    bundle: { type: String },
    /** Site base path (pagefind's baseUrl). */
    base: { type: String },
    /** Filter values, `|`-separated, in display order (全部 first is implicit). */
    kinds: { type: String },
    /** The filter value of lessons, which come after direct answers to a question. */
    lessonKind: { type: String, attribute: "lesson-kind" },
    /** The text searched for (also ?q=). */
    query: { state: true },
    /** The kind filtered on, "" for all (also ?kind=). */
    kind: { state: true },
    /** Where loading pagefind and searching stands. */
    status: { state: true },
    /** How many pages matched. */
    total: { state: true },
    /** The results shown so far (pages of PAGE_SIZE). */
    shown: { state: true },
    /** How the query was relaxed to find something: stage, dropped words, what was searched. */
    relaxed: { state: true },
  };

  declare strings: Strings;
  declare bundle: string;
  declare base: string;
  declare lessonKind: string;
  declare kinds: string;
  declare query: string;
  declare kind: string;
  declare status: "idle" | "loading" | "ready" | "failed";
  declare total: number;
  declare shown: PagefindResultData[];
  declare relaxed: { stage: RelaxStage; dropped: string[]; searched: string[] };

  private pagefind?: Promise<PagefindApi>;
  private lessons?: Promise<Set<string>>;
  private pending: PagefindResult[] = [];
  private searchId = 0;

  constructor() {
    super();
    this.strings = {};
    this.bundle = this.base = this.kinds = this.lessonKind = "";
    this.query = "";
    this.kind = "";
    this.status = "idle";
    this.total = 0;
    this.shown = [];
    this.relaxed = { stage: "exact", dropped: [], searched: [] };
  }

  protected createRenderRoot() {
    // The page renders a plain form inside the element until it loads (only for a search).
    this.replaceChildren();
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    this.query = params.get("q") ?? "";
    this.kind = params.get("kind") ?? "";
    if (this.query.trim()) void this.run();
  }

  render() {
    const kinds = this.kinds.split("|").filter(Boolean);
    return html`<form class="search-form" role="search" aria-label=${this.strings["search.formName"]} @submit=${this.handleSubmit}>
        <label class="field-label" for="search-input">${this.strings["search.label"]}</label>
        <div class="search-form__row">
          <input
            id="search-input"
            class="field-input"
            name="q"
            type="search"
            autocomplete="off"
            enterkeyhint="search"
            placeholder=${this.strings["search.placeholder"]}
            .value=${this.query}
            @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="button">${this.strings["search.submit"]}</button>
        </div>
        <fieldset class="search-form__kinds">
          <legend>${this.strings["search.filter"]}</legend>
          ${["", ...kinds].map(
            (kind) => html`<label class="search-form__kind">
              <input type="radio" name="kind" value=${kind} .checked=${this.kind === kind} @change=${this.handleKind} />
              ${kind || this.strings["search.kind.all"]}
            </label>`,
          )}
        </fieldset>
      </form>
      <div class="search-status" role="status">
        <p class="meta">${this.statusText()}</p>
        ${this.status === "ready" && this.total ? this.relaxedNote() : nothing}
      </div>
      ${this.shown.length
        ? html`<ol class="search-results">
            ${this.shown.map(
              (r) => html`<li>
                <a class="search-results__title" href=${r.url}>${r.meta.title ?? r.url}</a>
                <span class="search-results__kind">${(r.filters.kind ?? []).join(" · ")}</span>
                <p>${unsafeHTML(cleanExcerpt(r.excerpt))}</p>
                ${r.sub_results.length > 1
                  ? html`<ul class="search-results__subs">
                      ${r.sub_results
                        .filter((s) => s.url !== r.url)
                        .slice(0, 2)
                        .map((s) => html`<li><a href=${s.url}>${s.title}</a></li>`)}
                    </ul>`
                  : nothing}
              </li>`,
            )}
          </ol>`
        : nothing}
      ${this.pending.length
        ? html`<button type="button" class="button button--secondary search-more" @click=${this.handleMore}>${this.strings["search.more"]}</button>`
        : nothing}`;
  }

  private statusText(): string {
    switch (this.status) {
      case "loading":
        return this.strings["search.loading"];
      case "failed":
        return this.strings["search.failed"];
      case "ready":
        return this.total ? fill(this.strings["search.count"], { n: this.total }) : fill(this.strings["search.empty"], { q: this.query });
      default:
        return "";
    }
  }

  /** Says how the query was loosened, so a learner knows why a result lacks some words. */
  private relaxedNote() {
    const { stage, dropped, searched } = this.relaxed;
    const notes: string[] = [];
    if (dropped.length) notes.push(fill(this.strings["search.relaxed.dropped"], { words: dropped.join("、") }));
    if (stage === "parts") notes.push(fill(this.strings["search.relaxed.parts"], { words: searched.join("、") }));
    if (stage === "any") notes.push(fill(this.strings["search.relaxed.any"], { words: searched.join("、") }));
    return notes.length ? html`<p class="search-relaxed">${notes.join(" ")}</p>` : nothing;
  }

  /**
   * On a phone the header, the box and the kind filter fill the first screen: bring the
   * status line (count and how the query was relaxed) and the first results into view.
   */
  private showStatus() {
    const status = this.querySelector(".search-status");
    if (!status) return;
    const box = status.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) status.scrollIntoView({ block: "start" });
  }

  private handleSubmit(event: Event) {
    event.preventDefault();
    void this.run();
  }

  private handleKind(event: Event) {
    this.kind = (event.target as HTMLInputElement).value;
    if (this.query.trim()) void this.run();
  }

  private async handleMore() {
    const next = this.pending.slice(0, PAGE_SIZE);
    this.pending = this.pending.slice(PAGE_SIZE);
    this.shown = [...this.shown, ...(await Promise.all(next.map((r) => r.data())))];
  }

  private loadPagefind(): Promise<PagefindApi> {
    this.pagefind ??= (async () => {
      const api = (await import(/* @vite-ignore */ `${this.bundle}pagefind.js`)) as PagefindApi;
      await api.options({ baseUrl: this.base, ranking: pagefindRanking });
      return api;
    })();
    return this.pagefind;
  }

  /** Ids of every lesson page (one filter-only search, no result data loaded). */
  private lessonIds(api: PagefindApi): Promise<Set<string>> {
    this.lessons ??= this.lessonKind
      ? api.search(null, { filters: { kind: this.lessonKind } }).then((found) => new Set(found.results.map((r) => r.id)))
      : Promise.resolve(new Set());
    return this.lessons;
  }

  private async run() {
    const query = this.query.trim();
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    if (this.kind) params.set("kind", this.kind);
    history.replaceState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
    if (!query) {
      this.status = "idle";
      this.shown = [];
      this.pending = [];
      return;
    }
    const id = ++this.searchId;
    this.status = "loading";
    try {
      const api = await this.loadPagefind();
      const options = this.kind ? { filters: { kind: this.kind } } : {};
      // A question gets the ranking for questions, and lessons come after direct answers.
      const question = asksQuestion(query);
      await api.options({ ranking: question ? questionRanking : pagefindRanking });
      const lessons = question ? await this.lessonIds(api) : new Set<string>();
      const found = await relaxedSearch(query, async (q) => (await api.search(q, options)).results, {
        weight: (r) => (lessons.has(r.id) ? questionLessonWeight : 1),
      });
      const first = await Promise.all(found.results.slice(0, PAGE_SIZE).map((r) => r.data()));
      if (id !== this.searchId) return; // a newer search has started
      this.relaxed = found;
      this.total = found.results.length;
      this.pending = found.results.slice(PAGE_SIZE);
      this.shown = first;
      this.status = "ready";
      await this.updateComplete;
      this.showStatus();
    } catch {
      this.pagefind = undefined;
      this.lessons = undefined;
      if (id === this.searchId) this.status = "failed";
    }
  }
}

customElements.define("site-search", SiteSearch);

declare global {
  interface HTMLElementTagNameMap {
    "site-search": SiteSearch;
  }
}
