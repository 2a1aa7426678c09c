import { LitElement, css, html, nothing } from "lit";
import type { Strings } from "../i18n/fill.ts";

/**
 * Registers the service worker and, when a new deployment has been downloaded, offers to
 * switch to it. The new version only takes over when the learner agrees, and the page
 * reloads as a whole, so pages of two versions are never mixed.
 *
 * The standard update flow on the plain Service Worker API rather than workbox-window:
 * this runs on every page, and the library was 2 KB of the 20 KB a lesson page may load.
 * A worker is "waiting" when it is installed while an older one still controls the page
 * (found at registration, or after an update installs in this or another tab); the
 * learner's click sends it SKIP_WAITING (which the sw.js that workbox generates with
 * skipWaiting: false listens for), and the page reloads once the new worker controls it.
 *
 * It also speaks when this tab is the old one: another tab already runs the new version
 * and upgraded the learners' data (browser/progress-client.ts, `progress-outdated`). Then
 * it says 网站已更新，请刷新 with a 刷新 button, instead of the page silently keeping
 * records in memory only.
 */
export class UpdatePrompt extends LitElement {
  static properties = {
    /** JSON of the `update.*` strings, picked by the layout. */
    strings: { type: Object },
    /** URL of sw.js. */
    src: { type: String },
    /** The site's base path. */
    scope: { type: String },
    /** Whether a new version waits for the learner to press 更新. */
    waiting: { state: true },
    /** Whether this tab runs an older version than the stored data (reload needed). */
    outdated: { state: true },
  };

  declare strings: Strings;
  declare src: string;
  declare scope: string;
  declare waiting: boolean;
  declare outdated: boolean;

  private registration?: ServiceWorkerRegistration;
  /** Set when the learner asked: only then does a change of controller reload the page. */
  private switching = false;

  constructor() {
    super();
    this.strings = {};
    this.src = this.scope = "";
    this.waiting = false;
    this.outdated = false;
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

  private markOutdated = () => {
    this.outdated = true;
  };

  connectedCallback() {
    super.connectedCallback();
    if (document.documentElement.dataset.progressOutdated !== undefined) this.outdated = true;
    window.addEventListener("progress-outdated", this.markOutdated);
    // Service workers can be missing or blocked (some in-app browsers, private modes).
    if (!navigator.serviceWorker || !this.src) return;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (this.switching) location.reload();
    });
    navigator.serviceWorker
      .register(this.src, { scope: this.scope })
      .then((registration) => {
        this.registration = registration;
        this.checkWaiting();
        registration.addEventListener("updatefound", () => {
          const installing = registration.installing;
          installing?.addEventListener("statechange", () => {
            if (installing.state === "installed") this.checkWaiting();
          });
        });
      })
      .catch(() => {
        // Without a service worker the site still works online; nothing to tell the learner.
      });
  }

  /** A new worker is installed and waiting while an older one controls this page. */
  private checkWaiting() {
    if (this.registration?.waiting && navigator.serviceWorker.controller) this.waiting = true;
  }

  disconnectedCallback() {
    window.removeEventListener("progress-outdated", this.markOutdated);
    super.disconnectedCallback();
  }

  render() {
    if (this.outdated) {
      return html`<div class="bar" role="alert">
        <p>${this.strings["update.outdated"]}</p>
        <button type="button" @click=${() => location.reload()}>${this.strings["update.refresh"]}</button>
      </div>`;
    }
    return this.waiting
      ? html`<div class="bar" role="status">
          <p>${this.strings["update.available"]}</p>
          <button type="button" @click=${this.handleReload}>${this.strings["update.reload"]}</button>
        </div>`
      : nothing;
  }

  private handleReload() {
    const waiting = this.registration?.waiting;
    if (!waiting) return location.reload();
    this.switching = true;
    waiting.postMessage({ type: "SKIP_WAITING" });
  }
}

customElements.define("update-prompt", UpdatePrompt);

declare global {
  interface HTMLElementTagNameMap {
    "update-prompt": UpdatePrompt;
  }
}
