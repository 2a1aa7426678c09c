import { LitElement, html, nothing } from "lit";
import { fill, type Strings } from "../i18n/fill.ts";
import type { Issuer } from "../lib/cert/types.ts";
import {
  classifyInput,
  verdictView,
  verifyLink,
  verifyNumber,
  verifyPasted,
  type Line,
  type Loader,
  type Places,
  type VerdictView,
  type VerifyOutcome,
} from "../lib/cert/verify-view.ts";

type Detector = { detect(source: CanvasImageSource | ImageBitmap): Promise<{ rawValue: string }[]> };
type DetectorClass = new (options: { formats: string[] }) => Detector;
const detectorClass = (): DetectorClass | undefined => (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

/**
 * /verify/: one box for a number, a link or a pasted credential, plus a QR code from the
 * camera (BarcodeDetector) or a photo (BarcodeDetector, else jsqr loaded on demand).
 * Everything is checked here in the browser by src/lib/cert/verify-view.ts; this element
 * only reads input, fetches registry files and renders the verdict as text.
 */
export class CertificateVerifier extends LitElement {
  static properties = {
    /** UI strings picked by the page (`verify.*`). */
    strings: { type: Object },
    /** The issuer list built into the page, so a link verifies offline. */
    issuers: { type: Object },
    /** Day the issuer list was built (YYYY-MM-DD). */
    issuersDate: { type: String, attribute: "issuers-date" },
    /** URL of the published registry folder, ending in `/`. */
    registry: { type: String },
    /** What the box holds. */
    value: { state: true },
    /** A check is running. */
    busy: { state: true },
    /** The verdict to show. */
    view: { state: true },
    /** A refusal or a scanning problem, instead of a verdict. */
    message: { state: true },
    /** The camera is on. */
    scanning: { state: true },
  };

  declare strings: Strings;
  declare issuers: Issuer[];
  declare issuersDate: string;
  declare registry: string;
  declare value: string;
  declare busy: boolean;
  declare view: VerdictView | undefined;
  declare message: string;
  declare scanning: boolean;

  private outcome?: VerifyOutcome;
  private places: Places = {};
  private stream?: MediaStream;

  constructor() {
    super();
    this.strings = {};
    this.issuers = [];
    this.issuersDate = this.registry = this.value = this.message = "";
    this.busy = this.scanning = false;
    this.view = undefined;
  }

  protected createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener("hashchange", this.fromLocation);
    this.fromLocation();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener("hashchange", this.fromLocation);
    this.stopCamera();
  }

  /** A QR link opens the page with the credential in its fragment; rosters link with ?number=. */
  private fromLocation = () => {
    const number = new URLSearchParams(location.search).get("number");
    if (location.hash.includes("c=")) void this.check(location.hash);
    else if (number) {
      this.value = number;
      void this.check(number);
    }
  };

  private t(line: Line | string): string {
    if (typeof line === "string") return this.strings[line] ?? line;
    const values = { ...line.values };
    for (const name of line.translate ?? []) values[name] = this.strings[String(values[name])] ?? String(values[name]);
    return fill(this.strings[line.key] ?? line.key, values);
  }

  /** Registry files already fetched on this visit: a second check costs no request (the list's signature check is kept too). */
  private fetched = new Map<string, unknown>();

  private load: Loader = async (path) => {
    if (this.fetched.has(path)) return { ok: true, value: this.fetched.get(path) };
    try {
      const response = await fetch(new URL(path, new URL(this.registry, location.href)));
      if (!response.ok) return { ok: false, offline: false };
      const value = (await response.json()) as unknown;
      this.fetched.set(path, value);
      return { ok: true, value };
    } catch {
      return { ok: false, offline: true };
    }
  };

  /** Run one check; every path ends in a verdict or a message naming what to do. */
  async check(text: string): Promise<void> {
    const input = classifyInput(text);
    this.view = undefined;
    this.message = "";
    if (input.kind === "refused") {
      this.message = this.t(`verify.refused.${input.problem}`);
      return;
    }
    this.busy = true;
    const ctx = { load: this.load, issuers: this.issuers, now: new Date() };
    try {
      if (input.kind === "number") {
        const r = await verifyNumber(input.number, ctx);
        if ("unreachable" in r) this.message = this.t({ key: "verify.unreachable", values: { number: r.number } });
        else this.show(r);
      } else if (input.kind === "link") {
        const r = await verifyLink(input.text, ctx);
        if ("linkProblem" in r) this.message = this.t(`verify.link.${r.linkProblem}`);
        else this.show(r);
      } else this.show(await verifyPasted(input.text, ctx));
    } finally {
      this.busy = false;
    }
  }

  private show(outcome: VerifyOutcome) {
    this.outcome = outcome;
    this.view = verdictView(outcome, this.places, new Date(), navigator.onLine);
    const township = outcome.verdict.details.township;
    // Place names are one small file per township, fetched after the verdict is shown.
    if (township && /^[a-z0-9-]+$/.test(township) && !Object.hasOwn(this.places, township)) {
      void this.load(`townships/${township}.json`).then((r) => {
        if (!r.ok || this.outcome !== outcome) return;
        this.places = { ...this.places, [township]: r.value as Places[string] };
        this.view = verdictView(outcome, this.places, new Date(), navigator.onLine);
      });
    }
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(".verdict")?.focus());
  }

  private submit(event: Event) {
    event.preventDefault();
    void this.check(this.value);
  }

  private async fromPhoto(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    this.busy = true;
    try {
      const text = await decodeImage(file);
      this.fromScan(text);
    } catch {
      this.message = this.t("verify.scan.none");
    } finally {
      this.busy = false;
    }
  }

  private fromScan(text: string | undefined) {
    this.view = undefined;
    if (!text) this.message = this.t("verify.scan.none");
    else if (classifyInput(text).kind !== "link") this.message = this.t("verify.scan.notLink");
    else void this.check(text);
  }

  private async startCamera() {
    const Detector = detectorClass();
    if (!Detector) return;
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch {
      this.message = this.t("verify.scan.cameraFailed");
      return;
    }
    this.scanning = true;
    this.message = "";
    await this.updateComplete;
    const video = this.querySelector("video");
    if (!video) return this.stopCamera();
    video.srcObject = this.stream;
    await video.play().catch(() => undefined);
    const detector = new Detector({ formats: ["qr_code"] });
    while (this.scanning) {
      const codes = await detector.detect(video).catch(() => []);
      if (codes[0]) {
        this.stopCamera();
        this.fromScan(codes[0].rawValue);
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private stopCamera() {
    this.scanning = false;
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = undefined;
  }

  render() {
    const s = this.strings;
    const camera = Boolean(detectorClass() && navigator.mediaDevices?.getUserMedia);
    return html`
      <form class="verifier__form" @submit=${this.submit}>
        <label class="field-label" for="verify-input">${s["verify.form.label"]}</label>
        <textarea
          id="verify-input"
          class="field-input verifier__input"
          rows="2"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="verify-hint"
          .value=${this.value}
          @input=${(e: Event) => (this.value = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p id="verify-hint" class="verifier__hint">${s["verify.form.hint"]}</p>
        <div class="verifier__actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${s["verify.form.submit"]}</button>
          ${camera
            ? this.scanning
              ? html`<button class="button button--secondary" type="button" @click=${this.stopCamera}>${s["verify.scan.stop"]}</button>`
              : html`<button class="button button--secondary" type="button" @click=${this.startCamera}>${s["verify.scan.camera"]}</button>`
            : nothing}
          <label class="button button--secondary verifier__photo">
            ${s["verify.scan.photo"]}
            <input type="file" accept="image/*" capture="environment" class="visually-hidden" @change=${this.fromPhoto} />
          </label>
        </div>
      </form>
      ${this.scanning ? html`<p>${s["verify.scan.looking"]}</p><video class="verifier__video" muted playsinline></video>` : nothing}
      <div aria-live="polite">
        ${this.busy ? html`<p>${s["verify.working"]}</p>` : nothing}
        ${this.message ? html`<p class="verifier__message" role="alert">${this.message}</p>` : nothing}
        ${this.view ? this.renderVerdict(this.view) : nothing}
      </div>
    `;
  }

  private renderVerdict(v: VerdictView) {
    return html`
      <section class="verdict verdict--${v.tone}" tabindex="-1" aria-label=${this.strings["verify.result.heading"] ?? ""} data-verdict=${v.code}>
        <p class="verdict__word"><span class="verdict__icon" aria-hidden="true">${v.icon}</span>${this.t(v.title)}</p>
        <p class="verdict__explain">${this.t(v.explain)}</p>
        ${v.problem ? html`<p class="verdict__problem">${this.t(v.problem)}</p>` : nothing}
        ${v.rows.length
          ? html`<dl class="verdict__rows">
              ${v.rows.map((row) => html`<div><dt>${this.t(row.label)}</dt><dd>${typeof row.value === "string" ? row.value : this.t(row.value)}</dd></div>`)}
            </dl>`
          : nothing}
        <h2 class="verdict__data">${this.strings["verify.data.heading"]}</h2>
        <ul class="verdict__notes">
          ${v.notes.map((line) => html`<li>${this.t(line)}</li>`)}
          ${this.issuersDate ? html`<li>${this.t({ key: "verify.data.issuers", values: { date: this.issuersDate } })}</li>` : nothing}
        </ul>
      </section>
    `;
  }
}

/** The QR code's text in a photo: BarcodeDetector where present, else jsqr (loaded only now). */
async function decodeImage(file: Blob): Promise<string | undefined> {
  const bitmap = await createImageBitmap(file);
  const Detector = detectorClass();
  if (Detector) {
    const codes = await new Detector({ formats: ["qr_code"] }).detect(bitmap).catch(() => []);
    if (codes[0]) return codes[0].rawValue;
  }
  // Phone photos are large: 1600 px is plenty for a printed code and keeps jsqr fast.
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const width = Math.round(bitmap.width * scale);
  const height = Math.round(bitmap.height * scale);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) return undefined;
  context.drawImage(bitmap, 0, 0, width, height);
  const { default: jsQR } = await import("jsqr");
  return jsQR(context.getImageData(0, 0, width, height).data, width, height)?.data;
}

customElements.define("certificate-verifier", CertificateVerifier);

declare global {
  interface HTMLElementTagNameMap {
    "certificate-verifier": CertificateVerifier;
  }
}
