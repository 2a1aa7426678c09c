import { LitElement, css, html } from "lit";
import { fill, type Strings } from "../i18n/fill.ts";
import { pickChineseVoice, speechChunks } from "../lib/settings/speech.ts";

type Status = "idle" | "speaking" | "paused";

/**
 * 朗读: reads the lesson aloud with the browser's own zh-CN speech synthesis. Rendered
 * `hidden` by the page; it only shows itself when the browser has a Chinese voice.
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
  };

  declare strings: Strings;
  declare for: string;
  declare status: Status;
  declare position: number;
  declare chunks: string[];

  private voice: SpeechSynthesisVoice | undefined;

  constructor() {
    super();
    this.strings = {};
    this.for = "";
    this.status = "idle";
    this.position = 0;
    this.chunks = [];
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
  `;

  connectedCallback() {
    super.connectedCallback();
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
        ? html`<button type="button" class="primary" @click=${this.handleStart}>${this.strings["readAloud.start"]}</button>`
        : html`<button type="button" class="primary" @click=${this.handlePauseResume}>
            ${this.status === "paused" ? this.strings["readAloud.resume"] : this.strings["readAloud.pause"]}
          </button>`}
      ${reading ? html`<button type="button" @click=${this.handleStop}>${this.strings["readAloud.stop"]}</button>` : null}
      <span class="status" role="status">${reading
        ? fill(this.strings["readAloud.reading"], { n: this.position + 1, total: this.chunks.length })
        : ""}</span>
    </div>`;
  }

  private detectVoice = () => {
    this.voice = pickChineseVoice(speechSynthesis.getVoices());
    this.hidden = !this.voice;
  };

  private handleStart() {
    const source = document.getElementById(this.for);
    if (!source) return;
    const blocks = [...source.querySelectorAll<HTMLElement>("h2, h3, p, li, blockquote, td")].filter(
      (el) => !el.closest("[data-speech-skip]") && !el.querySelector("p, li"),
    );
    this.chunks = speechChunks(blocks.map((el) => el.innerText));
    this.position = 0;
    speechSynthesis.cancel();
    this.status = "speaking";
    this.speakCurrent();
  }

  private speakCurrent() {
    if (this.status === "idle") return;
    const text = this.chunks[this.position];
    if (text === undefined) {
      this.status = "idle";
      return;
    }
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
    if ("speechSynthesis" in window) speechSynthesis.cancel();
  };
}

customElements.define("read-aloud", ReadAloud);

declare global {
  interface HTMLElementTagNameMap {
    "read-aloud": ReadAloud;
  }
}
