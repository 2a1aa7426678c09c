import { LitElement, html, nothing } from "lit";
import type { ImportResult } from "../lib/progress/export.ts";
import type { ProgressRecord } from "../lib/progress/schema.ts";
import { decodeFragment } from "../lib/progress/fragment.ts";
import { importCheckedShown } from "../browser/import-record.ts";
import { progressClient } from "../browser/progress-client.ts";
import { currentLearnerId } from "../browser/learner.ts";
import { fill, type Strings } from "../i18n/fill.ts";


/**
 * The page a scanned QR code opens: reads the record from the URL fragment (it never
 * reaches a server), validates it like an imported file, shows what it holds, and imports
 * it only when the learner confirms. A bad link changes nothing on the device.
 */
export class RecordImport extends LitElement {
  static properties = {
    /** JSON of the `me.*` strings, picked by the page. */
    strings: { type: Object },
    /** URL of 我的学习. */
    me: { type: String },
    /** The record in the link, once read and checked. */
    record: { state: true },
    /** What happened, in the status line. */
    message: { state: true },
    /** Whether the record has been imported. */
    done: { state: true },
  };

  declare strings: Strings;
  declare me: string;
  declare record: ProgressRecord | undefined;
  declare message: string;
  declare done: boolean;
  /** The checked link, as the import takes it. */
  private checked?: ImportResult;

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

  connectedCallback() {
    super.connectedCallback();
    void this.read();
  }

  private async read() {
    if (!location.hash.slice(1)) {
      this.message = this.strings["me.noFragment"];
      return;
    }
    const result = await decodeFragment(location.hash);
    this.checked = result;
    if (result.ok) this.record = result.record;
    else this.message = fill(this.strings["me.importFailed"], { reason: result.problem.message });
  }

  private async handleImport() {
    if (!this.record || !this.checked) return;
    try {
      const { store } = await progressClient();
      const { ok, message } = await importCheckedShown(store, this.checked, Boolean(currentLearnerId()), this.strings);
      if (!ok) {
        this.message = message;
        return;
      }
      // The record has arrived; do not keep it in the address bar or history.
      history.replaceState(null, "", location.pathname);
      this.done = true;
      this.message = `${this.strings["me.importDone"]} ${message}`;
    } catch (error) {
      this.message = fill(this.strings["me.saveFailed"], { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  render() {
    const r = this.record;
    return html`
      ${r && !this.done
        ? html`<p>
              ${fill(this.strings["me.importPreview"], {
                name: r.learner.name,
                place: [r.learner.township, r.learner.village].filter(Boolean).join(" ") || "—",
                lessons: r.lessons.length,
                attempts: r.attempts.length,
                runs: r.runs.length,
              })}
            </p>
            <p><button type="button" class="button" @click=${this.handleImport}>${this.strings["me.importConfirm"]}</button></p>`
        : nothing}
      <p role="status" aria-live="polite">${this.message}</p>
      <p><a href=${this.me}>${this.strings["me.goToMe"]}</a></p>
    `;
  }
}

customElements.define("record-import", RecordImport);

declare global {
  interface HTMLElementTagNameMap {
    "record-import": RecordImport;
  }
}
