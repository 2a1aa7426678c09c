import { LitElement, css, html } from "lit";
import { readTextSize, writeTextSize, TEXT_SIZE_KEY, type TextSize } from "../lib/settings/text-size.ts";

/**
 * The 大字 switch. Applies `data-text-size="large"` to <html> and remembers the choice on
 * this device; other open tabs follow through the storage event.
 *
 * @csspart button - The toggle button.
 */
export class TextSizeToggle extends LitElement {
  static properties = {
    /** Visible label, e.g. 大字. */
    label: { type: String },
    /** Longer description for the tooltip and screen readers. */
    hint: { type: String },
    size: { state: true },
  };

  declare label: string;
  declare hint: string;
  declare size: TextSize;

  constructor() {
    super();
    this.label = "";
    this.hint = "";
    this.size = readTextSize(safeLocalStorage());
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
    return html`<button type="button" part="button" aria-pressed=${this.size === "large" ? "true" : "false"} title=${this.hint} @click=${this.handleClick}>
      ${this.label}
    </button>`;
  }

  private handleClick() {
    this.apply(this.size === "large" ? "normal" : "large");
    writeTextSize(safeLocalStorage(), this.size);
  }

  private handleStorage = (event: StorageEvent) => {
    if (event.key === TEXT_SIZE_KEY) this.apply(readTextSize(safeLocalStorage()));
  };

  private apply(size: TextSize) {
    this.size = size;
    if (size === "large") document.documentElement.dataset.textSize = "large";
    else delete document.documentElement.dataset.textSize;
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

customElements.define("text-size-toggle", TextSizeToggle);

declare global {
  interface HTMLElementTagNameMap {
    "text-size-toggle": TextSizeToggle;
  }
}
