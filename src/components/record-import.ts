import { LitElement, html, nothing } from "lit";
import type { ProgressRecord } from "../lib/progress/schema.ts";
import { decodeFragment } from "../lib/progress/fragment.ts";
import { progressClient } from "../browser/progress-client.ts";
import { currentLearnerId, setCurrentLearnerId } from "../browser/learner.ts";

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));

/**
 * The page a scanned QR code opens: reads the record from the URL fragment (it never
 * reaches a server), validates it like an imported file, shows what it holds, and imports
 * it only when the learner confirms. A bad link changes nothing on the device.
 *
 * @attr strings - JSON of the `me.*` strings.
 * @attr me - URL of 我的学习.
 */
export class RecordImport extends LitElement {
  static properties = {
    strings: { type: Object },
    me: { type: String },
    record: { state: true },
    message: { state: true },
    done: { state: true },
  };

  declare strings: Record<string, string>;
  declare me: string;
  declare record: ProgressRecord | undefined;
  declare message: string;
  declare done: boolean;

  constructor() {
    super();
    this.strings = {};
    this.me = "";
    this.record = undefined;
    this.message = "";
    this.done = false;
  }

  protected createRenderRoot() {
    return this;
  }

  private s(key: string, params: Record<string, string | number> = {}) {
    return fill(this.strings[key] ?? key, params);
  }

  connectedCallback() {
    super.connectedCallback();
    void this.read();
  }

  private async read() {
    if (!location.hash.slice(1)) {
      this.message = this.s("me.noFragment");
      return;
    }
    const result = await decodeFragment(location.hash);
    if (result.ok) this.record = result.record;
    else this.message = this.s("me.importFailed", { reason: result.problem.message });
  }

  private async handleImport() {
    if (!this.record) return;
    try {
      const { store } = await progressClient();
      const outcome = await store.importRecord(this.record);
      if (!currentLearnerId()) setCurrentLearnerId(outcome.learner.id);
      // The record has arrived; do not keep it in the address bar or history.
      history.replaceState(null, "", location.pathname);
      this.done = true;
      this.message = `${this.s("me.importDone")} ${this.s(outcome.created ? "me.importedNew" : "me.imported", { name: outcome.learner.name, added: outcome.added })}`;
    } catch (error) {
      this.message = this.s("me.saveFailed", { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  render() {
    const r = this.record;
    return html`
      <p role="status">${this.message}</p>
      ${r && !this.done
        ? html`<p>
              ${this.s("me.importPreview", {
                name: r.learner.name,
                place: [r.learner.township, r.learner.village].filter(Boolean).join(" ") || "—",
                lessons: r.lessons.length,
                attempts: r.attempts.length,
                runs: r.runs.length,
              })}
            </p>
            <p><button type="button" class="button" @click=${this.handleImport}>${this.s("me.importConfirm")}</button></p>`
        : nothing}
      <p><a href=${this.me}>${this.s("me.goToMe")}</a></p>
    `;
  }
}

customElements.define("record-import", RecordImport);

declare global {
  interface HTMLElementTagNameMap {
    "record-import": RecordImport;
  }
}
