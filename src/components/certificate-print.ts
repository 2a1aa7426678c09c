import { LitElement, html, nothing } from "lit";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { fill, type Strings } from "../i18n/fill.ts";
import { planPrint, printSource, type PrintPlan } from "../lib/cert/print-view.ts";
import type { Issuer } from "../lib/cert/types.ts";
import { verdictView, type Line, type Loader, type Places, type VerdictView } from "../lib/cert/verify-view.ts";

/**
 * /certificates/: the A4 certificate for ?number= (masked name) or for a verification
 * link's fragment (full name when it checks), drawn here in the browser so the site has
 * one page however many certificates there are. src/lib/cert/print-view.ts looks the
 * certificate up and decides; printable.ts (with the qrcode package) is loaded only when
 * there is a valid certificate to draw.
 */
export class CertificatePrint extends LitElement {
  static properties = {
    /** UI strings picked by the page (`verify.cert.*`, `verify.field.*`, verdict words). */
    strings: { type: Object },
    /** The issuer list built into the page, so a holder's link verifies offline. */
    issuers: { type: Object },
    /** The site's public URL ending in `/`, where the QR's link points; empty: the site this page is served from. */
    site: { type: String },
    /** URL of the published registry folder, ending in `/`. */
    registry: { type: String },
    /** URL of the /verify/ page, for "see the details". */
    verify: { type: String },
    /** A lookup is running. */
    busy: { state: true },
    /** The certificate's markup, when it may be printed: certificateBody escapes every value, so unsafeHTML adds only its own markup and the QR SVG. */
    body: { state: true },
    /** The certificate came from the holder's link (full name and salt on the paper). */
    fromHolder: { state: true },
    /** Why nothing is printed: the verdict of a credential that is not valid. */
    view: { state: true },
    /** What to do instead, when there is nothing to check. */
    message: { state: true },
  };

  declare strings: Strings;
  declare issuers: Issuer[];
  declare site: string;
  declare registry: string;
  declare verify: string;
  declare busy: boolean;
  declare body: string;
  declare fromHolder: boolean;
  declare view: VerdictView | undefined;
  declare message: string;

  /** /verify/'s query or fragment for the credential shown. */
  private verifyQuery = "";
  /** Number of the certificate shown, for the "verify it" link. */
  private number = "";
  /** Counts lookups, so an older one finishing late never overwrites a newer one. */
  private run = 0;

  constructor() {
    super();
    this.strings = {};
    this.issuers = [];
    this.site = this.registry = this.verify = this.body = this.message = "";
    this.busy = this.fromHolder = false;
    this.view = undefined;
  }

  protected createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener("hashchange", this.fromLocation);
    void this.fromLocation();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener("hashchange", this.fromLocation);
  }

  private t(line: Line | string): string {
    if (typeof line === "string") return this.strings[line] ?? line;
    const values = { ...line.values };
    for (const name of line.translate ?? []) values[name] = this.strings[String(values[name])] ?? String(values[name]);
    return fill(this.strings[line.key] ?? line.key, values);
  }

  private load: Loader = async (path) => {
    try {
      const response = await fetch(new URL(path, new URL(this.registry, location.href)));
      return response.ok ? { ok: true, value: (await response.json()) as unknown } : { ok: false, offline: false };
    } catch {
      return { ok: false, offline: true };
    }
  };

  /** The registry folder sits at the site's root, so its parent is the site when none was configured. */
  private siteUrl(): string {
    return this.site || new URL("../", new URL(this.registry, location.href)).href;
  }

  private fromLocation = async () => {
    const run = ++this.run;
    this.body = this.message = "";
    this.view = undefined;
    this.busy = true;
    try {
      const plan = await planPrint(printSource(location.search, location.hash), { load: this.load, issuers: this.issuers, now: new Date() }, this.siteUrl());
      if (run !== this.run) return;
      if (plan.kind === "problem") this.message = this.t({ key: plan.key, ...(plan.values ? { values: plan.values } : {}) });
      else if (plan.kind === "verdict") {
        this.verifyQuery = plan.verifyQuery;
        this.view = verdictView(plan.outcome, {}, new Date(), navigator.onLine);
        void this.updateComplete.then(() => this.querySelector<HTMLElement>(".verdict")?.focus());
      } else await this.draw(plan, run);
    } finally {
      if (run === this.run) this.busy = false;
    }
  };

  private async draw(plan: Extract<PrintPlan, { kind: "print" }>, run: number) {
    const subject = plan.credential.credentialSubject;
    // Printed place names: one small file per township; its ids are printed when it is missing.
    const township = /^[a-z0-9-]+$/.test(subject.township) ? await this.load(`townships/${subject.township}.json`) : undefined;
    const names = township?.ok ? (township.value as Places[string]) : undefined;
    const place = names ? { township: names.name, village: Object.hasOwn(names.villages, subject.village) ? names.villages[subject.village] : subject.village } : undefined;
    let body: string;
    try {
      const { certificateBody, qrSvg } = await import("../lib/cert/printable.ts");
      body = certificateBody({
        credential: plan.credential,
        link: plan.link,
        qr: await qrSvg(plan.link),
        ...(plan.holder ? { holder: plan.holder } : {}),
        ...(place ? { place } : {}),
        verifyUrl: `${this.siteUrl()}verify/`,
        strings: this.strings,
      });
    } catch {
      if (run === this.run) this.message = this.t("verify.cert.page.qrFailed");
      return;
    }
    if (run !== this.run) return;
    this.number = subject.licenseNumber;
    this.fromHolder = Boolean(plan.holder);
    this.verifyQuery = plan.holder ? plan.link.slice(plan.link.indexOf("#")) : `?number=${encodeURIComponent(this.number)}`;
    this.body = body;
    // Base.astro titles pages "<title> · <site name>": keep the site name, name the number.
    document.title = `${fill(this.strings["verify.cert.pageTitle"] ?? "{number}", { number: this.number })} · ${document.title.split(" · ").pop() ?? ""}`;
  }

  render() {
    const s = this.strings;
    return html`
      <div aria-live="polite" class="no-print">
        ${this.busy ? html`<p>${s["verify.cert.page.loading"]}</p>` : nothing}
        ${this.message ? html`<p class="cert-message" role="alert">${this.message}</p>` : nothing}
        ${this.view ? this.renderVerdict(this.view) : nothing}
      </div>
      ${this.body
        ? html`<div class="no-print cert-tools">
              <button class="button" type="button" @click=${() => window.print()}>${s["verify.cert.print"]}</button>
              <a class="button button--secondary" href=${this.verify + this.verifyQuery}>${s["verify.cert.page.verify"]} ${this.number}</a>
              <p>${this.fromHolder ? s["verify.cert.page.holderHint"] : s["verify.cert.printHint"]}</p>
            </div>
            ${unsafeHTML(this.body)}`
        : nothing}
    `;
  }

  private renderVerdict(v: VerdictView) {
    return html`
      <section class="verdict verdict--${v.tone}" tabindex="-1" data-verdict=${v.code}>
        <p class="verdict__word"><span class="verdict__icon" aria-hidden="true">${v.icon}</span>${this.t(v.title)}</p>
        <p>${this.t(v.explain)}</p>
        ${v.problem ? html`<p>${this.t(v.problem)}</p>` : nothing}
        <p>${fill(this.strings["verify.cert.page.refused"] ?? "", { verdict: this.t(v.title) })}</p>
        <p><a href=${this.verify + this.verifyQuery}>${this.strings["verify.cert.page.details"]}</a></p>
      </section>
    `;
  }
}

customElements.define("certificate-print", CertificatePrint);

declare global {
  interface HTMLElementTagNameMap {
    "certificate-print": CertificatePrint;
  }
}
