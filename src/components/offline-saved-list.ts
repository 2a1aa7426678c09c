import { fill, type Strings } from "../i18n/fill.ts";
import { kilobytes, megabytes } from "../lib/offline/saved.ts";
import { canSaveOffline, listSavedPacks, refreshSavedPacks, removeSavedPack, storageEstimate } from "../browser/offline-packs.ts";

/**
 * <offline-saved-list base="/" strings="{…}"> on 我的学习 and the offline page: every
 * course and scenario saved for offline use, with its size, a link to it and a remove
 * button, and the browser's estimate of what this site stores on the device. Online, it
 * first brings each saved pack up to date with the site's current lists (after a new
 * deployment: changed files downloaded again, dropped ones removed) and shows the result.
 * A plain custom element (the offline page is in the precache: keep it small).
 */
export class OfflineSavedList extends HTMLElement {
  private strings: Strings = {};
  private root?: HTMLElement;

  private s(key: string, values?: Record<string, string | number>): string {
    const template = this.strings[`offline.${key}`] ?? "";
    return values ? fill(template, values) : template;
  }

  connectedCallback(): void {
    if (this.root) return;
    try {
      this.strings = JSON.parse(this.getAttribute("strings") ?? "{}") as Strings;
    } catch {
      this.strings = {};
    }
    this.root = document.createElement("section");
    this.root.className = "box offline-saved";
    this.replaceChildren(this.root);
    void this.render().then(async () => {
      if (!canSaveOffline() || navigator.onLine === false) return;
      const refreshed = await refreshSavedPacks(this.getAttribute("base") ?? "/").catch(() => []);
      if (refreshed.length) await this.render();
    });
  }

  private async render(announce = ""): Promise<void> {
    const root = this.root!;
    const heading = document.createElement("h2");
    heading.textContent = this.s("list.heading");
    const status = document.createElement("p");
    status.setAttribute("role", "status");
    status.tabIndex = -1;
    status.textContent = announce;
    if (!canSaveOffline()) {
      const p = document.createElement("p");
      p.textContent = this.s("list.unsupported");
      root.replaceChildren(heading, p);
      return;
    }
    const base = this.getAttribute("base") ?? "/";
    const packs = await listSavedPacks(base).catch(() => []);
    const parts: HTMLElement[] = [heading];
    if (packs.length === 0) {
      const none = document.createElement("p");
      none.textContent = this.s("list.none");
      parts.push(none);
    } else {
      const list = document.createElement("ul");
      list.className = "offline-saved__list";
      for (const { kind, id, record } of packs) {
        const title = record?.title || id;
        const item = document.createElement("li");
        const name = record?.page !== undefined ? document.createElement("a") : document.createElement("span");
        if (name instanceof HTMLAnchorElement) name.href = base + record!.page;
        name.textContent = `${this.s(`list.kind.${kind}`)}：${title}`;
        const meta = document.createElement("span");
        meta.className = "meta";
        if (record) meta.textContent = this.s("list.size", { bytes: kilobytes(record.bytes), files: record.files, date: record.savedAt.slice(0, 10) });
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "button button--secondary";
        remove.textContent = this.s("list.remove");
        remove.setAttribute("aria-label", this.s("list.removeLabel", { title }));
        remove.addEventListener("click", async () => {
          remove.disabled = true;
          await removeSavedPack(kind, id).catch(() => false);
          await this.render(this.s("list.removed", { title }));
        });
        item.append(name, " ", meta, " ", remove);
        list.append(item);
      }
      parts.push(list);
    }
    const estimate = await storageEstimate();
    const storage = document.createElement("p");
    storage.className = "meta offline-saved__storage";
    storage.textContent = estimate ? this.s("list.storage", { used: megabytes(estimate.usage), quota: megabytes(estimate.quota) }) : this.s("list.storageUnknown");
    parts.push(storage, status);
    root.replaceChildren(...parts);
    // The pressed button is gone: keep keyboard focus in the list, on what happened.
    if (announce) status.focus();
  }
}

customElements.define("offline-saved-list", OfflineSavedList);

declare global {
  interface HTMLElementTagNameMap {
    "offline-saved-list": OfflineSavedList;
  }
}
