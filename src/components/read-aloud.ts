import { LitElement, css, html, nothing } from "lit";
import { fill, type Strings } from "../i18n/fill.ts";
import { pickChineseVoice, speechChunks } from "../lib/settings/speech.ts";

type Status = "idle" | "speaking" | "paused";

/** Attribute on the block being read, styled by the lesson page (a visible highlight). */
const READING = "data-reading";
/** How long to wait for the browser's voice list on first use (it may arrive late). */
const VOICE_WAIT_MS = 1500;

/**
 * 朗读: reads the lesson aloud with the browser's own zh-CN speech synthesis, the title
 * first, paragraph by paragraph, marking and scrolling to the paragraph being read.
 * Where the browser has no speech or no Chinese voice (many phones' built-in and in-app
 * browsers), pressing 朗读 says so and what to do instead, rather than hiding the button.
 */
export class ReadAloud extends LitElement {
  static properties = {
    /** JSON of the `readAloud.*` strings, picked by the page. */
    strings: { type: Object },
    /** id of the element whose text is read. */
    for: { type: String },
    /** Idle, speaking or paused. */
    status: { state: true },
    /** The paragraph being read, 0-based. */
    position: { state: true },
    /** The text split into paragraphs to speak. */
    chunks: { state: true },
    /** Whether 朗读 was pressed where no Chinese voice exists (the explanation shows). */
    noVoice: { state: true },
  };

  declare strings: Strings;
  declare for: string;
  declare status: Status;
  declare position: number;
  declare chunks: string[];
  declare noVoice: boolean;

  private voice: SpeechSynthesisVoice | undefined;
  /** The page element each chunk comes from, for the highlight. */
  private blocks: HTMLElement[] = [];

  constructor() {
    super();
    this.strings = {};
    this.for = "";
    this.status = "idle";
    this.position = 0;
    this.chunks = [];
    this.noVoice = false;
  }

  static styles = css`
    :host([hidden]) {
      display: none;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    button {
      font: inherit;
      min-height: 44px;
      padding: 0.3em 1em;
      border: 2px solid var(--color-accent, #8a2b0b);
      border-radius: 999px;
      background: var(--color-surface, #fff);
      color: var(--color-accent, #8a2b0b);
      cursor: pointer;
    }
    button.primary {
      background: var(--color-accent, #8a2b0b);
      color: #fff;
    }
    button:focus-visible {
      outline: 3px solid var(--color-focus, #c15c00);
      outline-offset: 2px;
    }
    .status {
      font-size: 0.9em;
      color: var(--color-muted, #555);
    }
    .no-voice {
      margin: 0.5rem 0 0;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--color-accent, #8a2b0b);
      background: var(--color-note-bg, #f6f1e7);
      border-radius: 0 8px 8px 0;
    }
  `;

  connectedCallback() {
    super.connectedCallback();
    // The page renders this hidden until the element runs; then it always shows.
    this.hidden = false;
    if (!("speechSynthesis" in window)) return;
    this.detectVoice();
    speechSynthesis.addEventListener?.("voiceschanged", this.detectVoice);
    window.addEventListener("pagehide", this.handleStop);
  }

  disconnectedCallback() {
    if ("speechSynthesis" in window) {
      speechSynthesis.removeEventListener?.("voiceschanged", this.detectVoice);
      this.handleStop();
    }
    window.removeEventListener("pagehide", this.handleStop);
    super.disconnectedCallback();
  }

  render() {
    const reading = this.status !== "idle";
    return html`<div class="controls">
        ${this.status === "idle"
          ? html`<button type="button" class="primary" aria-describedby=${this.noVoice ? "no-voice" : nothing} @click=${this.handleStart}>
              ${this.strings["readAloud.start"]}
            </button>`
          : html`<button type="button" class="primary" @click=${this.handlePauseResume}>
              ${this.status === "paused" ? this.strings["readAloud.resume"] : this.strings["readAloud.pause"]}
            </button>`}
        ${reading ? html`<button type="button" @click=${this.handleStop}>${this.strings["readAloud.stop"]}</button>` : nothing}
        <span class="status" role="status"
          >${reading ? fill(this.strings["readAloud.reading"], { n: this.position + 1, total: this.chunks.length }) : ""}</span
        >
      </div>
      <p class="no-voice" id="no-voice" role="alert" ?hidden=${!this.noVoice}>${this.noVoice ? this.strings["readAloud.noVoice"] : ""}</p>`;
  }

  private detectVoice = () => {
    this.voice = pickChineseVoice(speechSynthesis.getVoices());
    if (this.voice) this.noVoice = false;
  };

  /** The voice list can arrive a moment after the page loads: wait for it once, briefly. */
  private async waitForVoice(): Promise<SpeechSynthesisVoice | undefined> {
    if (this.voice || !("speechSynthesis" in window)) return this.voice;
    await new Promise<void>((done) => {
      const timer = setTimeout(done, VOICE_WAIT_MS);
      speechSynthesis.addEventListener?.("voiceschanged", () => (clearTimeout(timer), done()), { once: true });
    });
    this.detectVoice();
    return this.voice;
  }

  private async handleStart() {
    const source = document.getElementById(this.for);
    if (!source) return;
    if (!(await this.waitForVoice())) {
      this.noVoice = true;
      return;
    }
    this.noVoice = false;
    // The title first, then every block in page order (the line above the title included).
    const blocks = [...source.querySelectorAll<HTMLElement>("h1, h2, h3, p, li, blockquote, td")]
      .filter((el) => !el.closest("[data-speech-skip]") && !el.querySelector("p, li"))
      .sort((a, b) => Number(b.tagName === "H1") - Number(a.tagName === "H1"));
    // Each block is split into chunks the engine will not cut; each chunk remembers its block.
    const plan = blocks.flatMap((el) => speechChunks([el.innerText]).map((text) => ({ text, el })));
    this.chunks = plan.map((p) => p.text);
    this.blocks = plan.map((p) => p.el);
    this.position = 0;
    speechSynthesis.cancel();
    this.status = "speaking";
    this.speakCurrent();
  }

  /** Marks the block being read (and only it) and brings it into view. */
  private highlight(el: HTMLElement | undefined) {
    for (const marked of document.querySelectorAll(`[${READING}]`)) if (marked !== el) marked.removeAttribute(READING);
    if (!el || el.hasAttribute(READING)) return;
    el.setAttribute(READING, "");
    const smooth = !window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    el.scrollIntoView?.({ block: "center", behavior: smooth ? "smooth" : "auto" });
  }

  private speakCurrent() {
    if (this.status === "idle") return;
    const text = this.chunks[this.position];
    if (text === undefined) {
      this.status = "idle";
      this.highlight(undefined);
      return;
    }
    this.highlight(this.blocks[this.position]);
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "zh-CN";
    if (this.voice) utterance.voice = this.voice;
    utterance.onend = () => {
      if (this.status === "idle") return;
      this.position += 1;
      this.speakCurrent();
    };
    utterance.onerror = () => {
      this.status = "idle";
      this.highlight(undefined);
    };
    speechSynthesis.speak(utterance);
  }

  private handlePauseResume() {
    if (this.status === "speaking") {
      speechSynthesis.pause();
      this.status = "paused";
    } else {
      speechSynthesis.resume();
      this.status = "speaking";
    }
  }

  private handleStop = () => {
    this.status = "idle";
    this.position = 0;
    this.highlight(undefined);
    if ("speechSynthesis" in window) speechSynthesis.cancel();
  };
}

customElements.define("read-aloud", ReadAloud);

declare global {
  interface HTMLElementTagNameMap {
    "read-aloud": ReadAloud;
  }
}
