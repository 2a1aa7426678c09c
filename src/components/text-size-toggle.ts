import { LitElement, css, html } from "lit";
import type { Strings } from "../i18n/fill.ts";
import { localStore } from "../browser/storage.ts";
import { readTextSize, writeTextSize, TEXT_SIZE_KEY, type TextSize } from "../lib/settings/text-size.ts";

/**
 * The 大字 switch. Applies `data-text-size="large"` to <html> and remembers the choice on
 * this device; other open tabs follow through the storage event.
 *
 * @csspart button - The toggle button.
 */
export class TextSizeToggle extends LitElement {
  static properties = {
    /** JSON of the `settings.largeText*` strings, picked by the layout. */
    strings: { type: Object },
    /** The text size applied now. */
    size: { state: true },
  };

  declare strings: Strings;
  declare size: TextSize;

  constructor() {
    super();
    this.strings = {};
    this.size = readTextSize(localStore());
  }

  static styles = css`
    button {
      font: inherit;
      font-size: 0.95rem;
      min-height: 44px;
      min-width: 44px;
      padding: 0.3em 0.8em;
      border: 2px solid currentColor;
      border-radius: 999px;
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    button[aria-pressed="true"] {
      background: var(--color-header-fg, #fff);
      color: var(--color-header-bg, #7a1f0c);
    }
    button:focus-visible {
      outline: 3px solid var(--color-focus-on-dark, #ffd27a);
      outline-offset: 2px;
    }
  `;

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener("storage", this.handleStorage);
  }

  disconnectedCallback() {
    window.removeEventListener("storage", this.handleStorage);
    super.disconnectedCallback();
  }

  render() {
    return html`<button type="button" part="button" aria-pressed=${this.size === "large" ? "true" : "false"} title=${this.strings["settings.largeTextHint"]} @click=${this.handleClick}>
      ${this.strings["settings.largeText"]}
    </button>`;
  }

  private handleClick() {
    this.apply(this.size === "large" ? "normal" : "large");
    writeTextSize(localStore(), this.size);
  }

  private handleStorage = (event: StorageEvent) => {
    if (event.key === TEXT_SIZE_KEY) this.apply(readTextSize(localStore()));
  };

  private apply(size: TextSize) {
    this.size = size;
    if (size === "large") document.documentElement.dataset.textSize = "large";
    else delete document.documentElement.dataset.textSize;
  }
}

customElements.define("text-size-toggle", TextSizeToggle);

declare global {
  interface HTMLElementTagNameMap {
    "text-size-toggle": TextSizeToggle;
  }
}
