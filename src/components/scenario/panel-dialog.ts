import { LitElement, html, type PropertyDeclarations, type TemplateResult } from "lit";
import type { Labels } from "./render.ts";

/**
 * The base of the player's side panels (笔记与证据, 查法条): a button that opens a modal
 * <dialog> with a heading, a close button and the panel's body. The native dialog keeps
 * focus inside and closes on Escape; focus then returns to the button. Light DOM, so the
 * site's styles apply. Not a tag itself: each panel registers its own.
 */
export abstract class PanelDialog extends LitElement {
  static properties: PropertyDeclarations = {
    /** The player's UI strings (see PlayerStrings). */
    strings: { attribute: false },
  };

  declare strings: Labels;

  /** Element id of the dialog; its heading is `${panelId}-heading`. */
  protected abstract readonly panelId: string;
  protected abstract buttonText(): string;
  protected abstract heading(): string;
  protected abstract renderBody(): TemplateResult;
  /** Called when the dialog has opened. */
  protected opened(): void {}
  /** Called when the dialog has closed, however it was closed. */
  protected closed(): void {}

  protected createRenderRoot() {
    return this;
  }

  render() {
    const headingId = `${this.panelId}-heading`;
    return html`<button type="button" class="button button--secondary sim-tool" aria-haspopup="dialog" @click=${this.handleOpen}>${this.buttonText()}</button>
      <dialog class="sim-dialog" id=${this.panelId} aria-labelledby=${headingId} @close=${this.handleClose} @click=${this.handleBackdrop}>
        <div class="sim-dialog__inner">
          <div class="sim-dialog__head">
            <h2 id=${headingId}>${this.heading()}</h2>
            <button type="button" class="button button--secondary sim-dialog__close" @click=${this.handleCloseClick}>${this.strings["scenario.player.close"]}</button>
          </div>
          ${this.renderBody()}
        </div>
      </dialog>`;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.querySelector("dialog");
  }

  private handleOpen() {
    this.dialog?.showModal();
    this.opened();
  }

  private handleCloseClick() {
    this.dialog?.close();
  }

  /** A click on the backdrop lands on the <dialog> itself (the content fills its inner box). */
  private handleBackdrop(event: MouseEvent) {
    if (event.target === this.dialog) this.dialog?.close();
  }

  private handleClose() {
    this.querySelector<HTMLButtonElement>(".sim-tool")?.focus();
    this.closed();
  }
}
