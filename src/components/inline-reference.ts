import { LitElement, css, html } from "lit";

/**
 * A citation or term inside running text that expands, on tap, to a short note without
 * leaving the page. Astro renders a plain link (the no-JS fallback) and the note in the
 * light DOM; this element turns them into a disclosure button.
 *
 * @slot note - The summary shown when expanded (light DOM, so page styles apply).
 * @csspart trigger - The button showing `label`.
 * @csspart note - The expanded box.
 */
export class InlineReference extends LitElement {
  static properties = {
    /** Text of the button, e.g. 《人民调解法》第二十八条. */
    label: { type: String },
    /** Whether the note is shown. Reflected so page CSS can react. */
    open: { type: Boolean, reflect: true },
  };

  declare label: string;
  declare open: boolean;

  constructor() {
    super();
    this.label = "";
    this.open = false;
  }

  static styles = css`
    :host {
      display: inline;
    }
    button {
      font: inherit;
      color: var(--color-link, #0b4f8a);
      background: none;
      border: 0;
      padding: 0;
      margin: 0;
      cursor: pointer;
      text-decoration: underline dotted;
      text-underline-offset: 0.2em;
      text-align: start;
      -webkit-tap-highlight-color: transparent;
    }
    button:focus-visible {
      outline: 3px solid var(--color-focus, #c15c00);
      outline-offset: 2px;
      border-radius: 2px;
    }
    button[aria-expanded="true"] {
      text-decoration-style: solid;
    }
    .note {
      display: block;
      margin: 0.4em 0 0.6em;
      padding: 0.6em 0.8em;
      border-inline-start: 4px solid var(--color-accent, #8a2b0b);
      background: var(--color-note-bg, #f6f1e7);
      border-radius: 0 6px 6px 0;
      font-size: 0.95em;
      line-height: 1.7;
    }
    .note[hidden] {
      display: none;
    }
  `;

  render() {
    return html`<button
        type="button"
        part="trigger"
        aria-expanded=${this.open ? "true" : "false"}
        aria-controls="note"
        @click=${this.handleToggle}
        @keydown=${this.handleKeydown}
      >${this.label}</button
      ><span id="note" class="note" part="note" ?hidden=${!this.open}><slot name="note"></slot></span>`;
  }

  private handleToggle() {
    this.open = !this.open;
  }

  private handleKeydown(event: KeyboardEvent) {
    if (event.key === "Escape" && this.open) {
      this.open = false;
      event.stopPropagation();
    }
  }
}

customElements.define("inline-reference", InlineReference);

declare global {
  interface HTMLElementTagNameMap {
    "inline-reference": InlineReference;
  }
}
