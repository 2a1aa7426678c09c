import { LitElement, css, html, nothing } from "lit";
import { Workbox } from "workbox-window";

/**
 * Registers the service worker and, when a new deployment has been downloaded, offers to
 * switch to it. The new version only takes over when the learner agrees, and the page
 * reloads as a whole, so pages of two versions are never mixed.
 *
 * @attr src - URL of sw.js.
 * @attr scope - The site's base path.
 */
export class UpdatePrompt extends LitElement {
  static properties = {
    src: { type: String },
    scope: { type: String },
    label: { type: String },
    labelReload: { type: String, attribute: "label-reload" },
    waiting: { state: true },
  };

  declare src: string;
  declare scope: string;
  declare label: string;
  declare labelReload: string;
  declare waiting: boolean;

  private workbox?: Workbox;

  constructor() {
    super();
    this.src = this.scope = this.label = this.labelReload = "";
    this.waiting = false;
  }

  static styles = css`
    .bar {
      position: fixed;
      inset-inline: 0.5rem;
      bottom: 0.5rem;
      z-index: 20;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.75rem 1rem;
      border-radius: 10px;
      background: #1d1d1f;
      color: #fff;
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
    }
    p {
      margin: 0;
    }
    button {
      font: inherit;
      min-height: 44px;
      padding: 0.3em 1em;
      border: 0;
      border-radius: 999px;
      background: #ffd27a;
      color: #1d1d1f;
      font-weight: 700;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid #fff;
      outline-offset: 2px;
    }
  `;

  connectedCallback() {
    super.connectedCallback();
    // Service workers can be missing or blocked (some in-app browsers, private modes).
    if (!navigator.serviceWorker || !this.src) return;
    this.workbox = new Workbox(this.src, { scope: this.scope });
    this.workbox.addEventListener("waiting", () => (this.waiting = true));
    // The new worker took over because the learner asked: load the page from it.
    this.workbox.addEventListener("controlling", (event) => {
      if (event.isUpdate) location.reload();
    });
    this.workbox.register().catch(() => {
      // Without a service worker the site still works online; nothing to tell the learner.
    });
  }

  render() {
    return this.waiting
      ? html`<div class="bar" role="status">
          <p>${this.label}</p>
          <button type="button" @click=${this.handleReload}>${this.labelReload}</button>
        </div>`
      : nothing;
  }

  private handleReload() {
    this.workbox?.messageSkipWaiting();
  }
}

customElements.define("update-prompt", UpdatePrompt);

declare global {
  interface HTMLElementTagNameMap {
    "update-prompt": UpdatePrompt;
  }
}
