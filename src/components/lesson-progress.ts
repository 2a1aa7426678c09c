import { LitElement, html, nothing } from "lit";
import { currentLearnerId } from "../browser/learner.ts";
import { fill, type Strings } from "../i18n/fill.ts";
import { LESSON_EVENT_MAX_SECONDS, LESSON_VISIT_MIN_SECONDS } from "../lib/progress/lesson-time.ts";

type Client = import("../browser/progress-client.ts").ProgressClient;

/**
 * Records study on a lesson page for the current learner: a visit with its active time
 * (time while the page is visible), and completion when the learner says so. The lesson
 * page loads this element only when a learner is chosen, once the page is idle (with no
 * learner the page's own markup inside the element shows the hint); the store is loaded
 * lazily on top of that.
 */
export class LessonProgress extends LitElement {
  static properties = {
    /** The lesson, `<course>/<lesson>`. */
    lesson: { type: String },
    /** URL of 我的学习. */
    me: { type: String },
    /** JSON of `lesson.*` strings and `nav.me`, picked by the page. */
    strings: { type: Object },
    /** The current learner, once the store has been read. */
    learner: { state: true },
    /** Whether this learner has completed the lesson. */
    done: { state: true },
    /** The store's error, shown as an alert. */
    message: { state: true },
  };

  declare lesson: string;
  declare me: string;
  declare strings: Strings;
  declare learner: { id: string; name: string } | undefined;
  declare done: boolean;
  declare message: string;

  private client?: Promise<Client>;
  private activeMs = 0;
  private visibleSince: number | undefined;

  constructor() {
    super();
    this.lesson = this.me = "";
    this.strings = {};
    this.learner = undefined;
    this.done = false;
    this.message = "";
  }

  protected createRenderRoot() {
    // The page renders the no-learner hint inside the element (it loads only with a learner).
    this.replaceChildren();
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.visibleSince = document.visibilityState === "visible" ? performance.now() : undefined;
    document.addEventListener("visibilitychange", this.handleVisibility);
    if (currentLearnerId()) void this.start();
  }

  disconnectedCallback() {
    document.removeEventListener("visibilitychange", this.handleVisibility);
    super.disconnectedCallback();
  }

  private load() {
    this.client ??= import("../browser/progress-client.ts").then((m) => m.progressClient());
    return this.client;
  }

  private async start() {
    const id = currentLearnerId();
    if (!id) return;
    try {
      const { store } = await this.load();
      const { learner, digests } = await store.readOverview(id);
      this.learner = { id, name: learner.name };
      this.done = digests.some((d) => d.kind === "lesson" && d.subject === this.lesson && d.completed);
      await store.appendLessonEvent(id, { lesson: this.lesson, kind: "opened", at: new Date().toISOString(), seconds: 0 });
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
    }
  }

  /** Active seconds since the last recorded event, and restart the count. */
  private takeSeconds(): number {
    const now = performance.now();
    if (this.visibleSince !== undefined) this.activeMs += now - this.visibleSince;
    this.visibleSince = document.visibilityState === "visible" ? now : undefined;
    const seconds = Math.min(LESSON_EVENT_MAX_SECONDS, Math.round(this.activeMs / 1000));
    this.activeMs = 0;
    return seconds;
  }

  private handleVisibility = () => {
    if (document.visibilityState === "visible") {
      this.visibleSince = performance.now();
      return;
    }
    // Leaving the page (or switching apps on a phone): keep the time studied so far.
    const seconds = this.takeSeconds();
    if (this.learner && seconds >= LESSON_VISIT_MIN_SECONDS) {
      void this.load().then(({ store }) =>
        store.appendLessonEvent(this.learner!.id, { lesson: this.lesson, kind: "opened", at: new Date().toISOString(), seconds }),
      );
    }
  };

  private async handleDone() {
    if (!this.learner) return;
    try {
      const { store } = await this.load();
      await store.appendLessonEvent(this.learner.id, { lesson: this.lesson, kind: "completed", at: new Date().toISOString(), seconds: this.takeSeconds() });
      this.done = true;
      this.message = "";
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
    }
  }

  render() {
    if (!this.learner) {
      return html`<p class="lesson-progress__hint">${this.strings["lesson.noLearner"]} <a href=${this.me}>${this.strings["nav.me"]}</a></p>`;
    }
    return html`<div class="lesson-progress">
      ${this.done
        ? html`<p class="lesson-progress__done">✓ ${this.strings["lesson.done"]}</p>`
        : html`<button type="button" class="button" @click=${this.handleDone}>${this.strings["lesson.markDone"]}</button>`}
      <p class="meta">${fill(this.strings["lesson.savedFor"], { name: this.learner.name })}</p>
      ${this.message ? html`<p role="alert">${this.message}</p>` : nothing}
    </div>`;
  }
}

customElements.define("lesson-progress", LessonProgress);

declare global {
  interface HTMLElementTagNameMap {
    "lesson-progress": LessonProgress;
  }
}
