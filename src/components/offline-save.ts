import { fill, type Strings } from "../i18n/fill.ts";
import type { PackKind } from "../lib/offline/packs.ts";
import { kilobytes } from "../lib/offline/saved.ts";
import type { PublishedPack } from "../lib/offline/saved.ts";
import { canSaveOffline, publishedPack, removeSavedPack, SaveError, savedPack, savePackOffline } from "../browser/offline-packs.ts";

/**
 * <offline-save kind="course" pack-id="basics" pack-title="…" page="courses/basics/" base="/" strings="{…}">
 *
 * "离线保存本课程" (or 本情景模拟): shows how much it downloads before saving, progress while
 * saving, and once saved the size and a remove button. The files come from the list the
 * build publishes (src/integrations/service-worker.ts); they go into the pack's own cache,
 * which the service worker reads when there is no network.
 *
 * A plain custom element, not Lit, loaded by offline-save-loader.ts when the learner
 * first presses the page's button: it then shows the size and asks to confirm
 * (确认保存). Text goes in as textContent only.
 */
export class OfflineSave extends HTMLElement {
  private strings: Strings = {};
  private pack?: PublishedPack;
  private status!: HTMLParagraphElement;
  private button!: HTMLButtonElement;
  private bar!: HTMLProgressElement;
  private busy = false;

  private get kind(): PackKind {
    return this.getAttribute("kind") === "scenario" ? "scenario" : "course";
  }
  private get packId(): string {
    return this.getAttribute("pack-id") ?? "";
  }
  private get base(): string {
    return this.getAttribute("base") ?? "/";
  }
  private s(key: string, values?: Record<string, string | number>): string {
    const template = this.strings[`offline.${key}`] ?? "";
    return values ? fill(template, values) : template;
  }

  connectedCallback(): void {
    if (this.status) return;
    try {
      this.strings = JSON.parse(this.getAttribute("strings") ?? "{}") as Strings;
    } catch {
      this.strings = {};
    }
    const box = document.createElement("section");
    box.className = "box offline-save";
    const heading = document.createElement("h2");
    heading.textContent = this.s("save.heading");
    const hint = document.createElement("p");
    hint.textContent = this.s(this.kind === "course" ? "save.hintCourse" : "save.hintScenario");
    this.status = document.createElement("p");
    this.status.setAttribute("role", "status");
    this.bar = document.createElement("progress");
    this.bar.hidden = true;
    this.button = document.createElement("button");
    this.button.type = "button";
    this.button.className = "button";
    this.button.addEventListener("click", () => void this.act());
    box.append(heading, hint, this.status, this.bar, this.button);
    // The page's own button was pressed to load this: keep keyboard focus on the new one.
    const hadFocus = this.contains(document.activeElement);
    this.replaceChildren(box);
    if (hadFocus) this.button.focus();
    if (!canSaveOffline()) {
      this.status.textContent = this.s("save.unsupported");
      this.button.hidden = true;
      return;
    }
    void this.refresh();
  }

  /** Saved already? Otherwise fetch the list and show its size. */
  private async refresh(): Promise<void> {
    const saved = await savedPack(this.base, this.kind, this.packId).catch(() => undefined);
    if (saved) return this.showSaved(saved.bytes);
    // aria-disabled, not disabled, while the size loads: a disabled button would drop the
    // keyboard focus the page's own button handed over.
    this.button.textContent = this.s("save.confirm");
    this.button.setAttribute("aria-disabled", "true");
    this.status.textContent = this.s("save.sizeUnknown");
    this.busy = true;
    const pack = await publishedPack(this.base, this.kind, this.packId);
    this.busy = false;
    if (pack === "network" || pack === "invalid") {
      this.status.textContent = this.s(pack === "network" ? "save.sizeNeedsNetwork" : "save.unsupported");
      if (pack === "network") this.button.removeAttribute("aria-disabled");
      return;
    }
    this.pack = pack;
    this.status.textContent = this.s("save.size", { download: kilobytes(pack.gzip), bytes: kilobytes(pack.bytes), files: pack.paths.length });
    this.button.removeAttribute("aria-disabled");
  }

  private showSaved(bytes: number): void {
    this.pack = undefined;
    this.bar.hidden = true;
    this.status.textContent = this.s("save.saved", { bytes: kilobytes(bytes) });
    this.button.textContent = this.s("save.remove");
    this.button.removeAttribute("aria-disabled");
    this.dataset.saved = "";
  }

  private async act(): Promise<void> {
    if (this.busy || this.button.getAttribute("aria-disabled") === "true") return;
    this.busy = true;
    try {
      if (this.dataset.saved !== undefined) {
        await removeSavedPack(this.kind, this.packId);
        delete this.dataset.saved;
        await this.refresh();
      } else if (this.pack) {
        await this.save(this.pack);
      } else {
        this.busy = false;
        await this.refresh(); // the network came back: try the list again
      }
    } finally {
      this.busy = false;
    }
  }

  private async save(pack: PublishedPack): Promise<void> {
    this.button.setAttribute("aria-disabled", "true");
    this.bar.hidden = false;
    this.bar.max = pack.paths.length;
    this.bar.value = 0;
    try {
      const record = await savePackOffline(
        this.base,
        pack,
        { title: this.getAttribute("pack-title") ?? this.packId, page: this.getAttribute("page") ?? "" },
        (done, total) => {
          this.bar.value = done;
          this.status.textContent = this.s("save.progress", { done, total });
        },
      );
      this.showSaved(record.bytes);
    } catch (error) {
      const reason = error instanceof SaveError && error.reason === "quota" ? "save.failedQuota" : "save.failedNetwork";
      this.bar.hidden = true;
      this.status.textContent = this.s("save.failed", { reason: this.s(reason) });
      this.button.removeAttribute("aria-disabled");
    }
  }
}

customElements.define("offline-save", OfflineSave);

declare global {
  interface HTMLElementTagNameMap {
    "offline-save": OfflineSave;
  }
}
