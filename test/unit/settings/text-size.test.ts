import { describe, expect, it } from "vitest";
import { TEXT_SIZE_BUTTON_ID, TEXT_SIZE_KEY, TEXT_SIZE_SCRIPT } from "../../../src/lib/settings/text-size.ts";

type Listener = (event: { key?: string; newValue?: string | null }) => void;

/** Just enough of a page for the inline script: <html>'s dataset, one button, listeners. */
function fakePage(stored: Record<string, string> | "blocked", withButton = true) {
  const data = new Map(stored === "blocked" ? [] : Object.entries(stored));
  const storage = {
    getItem(key: string) {
      if (stored === "blocked") throw new DOMException("The operation is insecure.", "SecurityError");
      return data.get(key) ?? null;
    },
    setItem(key: string, value: string) {
      if (stored === "blocked") throw new DOMException("Quota exceeded", "QuotaExceededError");
      data.set(key, value);
    },
  };
  const docListeners = new Map<string, Listener>();
  const winListeners = new Map<string, Listener>();
  const button = {
    hidden: true,
    attributes: new Map<string, string>(),
    click: undefined as undefined | Listener,
    setAttribute(name: string, value: string) {
      this.attributes.set(name, value);
    },
    addEventListener(type: string, listener: Listener) {
      if (type === "click") this.click = listener;
    },
  };
  const html = { dataset: {} as Record<string, string> };
  const document = {
    documentElement: html,
    getElementById: (id: string) => (withButton && id === TEXT_SIZE_BUTTON_ID ? button : null),
    addEventListener: (type: string, listener: Listener) => docListeners.set(type, listener),
  };
  const run = () =>
    new Function("document", "localStorage", "addEventListener", TEXT_SIZE_SCRIPT)(document, storage, (type: string, l: Listener) => winListeners.set(type, l));
  return {
    run,
    html,
    button,
    data,
    ready: () => docListeners.get("DOMContentLoaded")?.({}),
    storageEvent: (key: string, newValue: string | null) => winListeners.get("storage")?.({ key, newValue }),
  };
}

describe("the 大字 inline script", () => {
  it("applies a saved large setting before the page is parsed", () => {
    const page = fakePage({ [TEXT_SIZE_KEY]: "large" });
    page.run();
    expect(page.html.dataset.textSize).toBe("large");
  });

  it.each(["normal", "LARGE", "", "true"])("treats a stored %j as normal text", (value) => {
    const page = fakePage({ [TEXT_SIZE_KEY]: value });
    page.run();
    expect(page.html.dataset.textSize).toBeUndefined();
  });

  it("shows the button once the page is parsed, pressed when large", () => {
    const page = fakePage({ [TEXT_SIZE_KEY]: "large" });
    page.run();
    expect(page.button.hidden).toBe(true);
    page.ready();
    expect(page.button.hidden).toBe(false);
    expect(page.button.attributes.get("aria-pressed")).toBe("true");
  });

  it("toggles on click and remembers the choice", () => {
    const page = fakePage({});
    page.run();
    page.ready();
    expect(page.button.attributes.get("aria-pressed")).toBe("false");
    page.button.click!({});
    expect(page.html.dataset.textSize).toBe("large");
    expect(page.button.attributes.get("aria-pressed")).toBe("true");
    expect(page.data.get(TEXT_SIZE_KEY)).toBe("large");
    page.button.click!({});
    expect(page.html.dataset.textSize).toBeUndefined();
    expect(page.button.attributes.get("aria-pressed")).toBe("false");
    expect(page.data.get(TEXT_SIZE_KEY)).toBe("normal");
  });

  it("follows another tab's change of this key only", () => {
    const page = fakePage({});
    page.run();
    page.ready();
    page.storageEvent("ma.other", "large");
    expect(page.html.dataset.textSize).toBeUndefined();
    page.storageEvent(TEXT_SIZE_KEY, "large");
    expect(page.html.dataset.textSize).toBe("large");
    expect(page.button.attributes.get("aria-pressed")).toBe("true");
    page.storageEvent(TEXT_SIZE_KEY, null);
    expect(page.html.dataset.textSize).toBeUndefined();
  });

  it("still switches the page when storage is blocked, without throwing", () => {
    const page = fakePage("blocked");
    expect(() => page.run()).not.toThrow();
    page.ready();
    expect(() => page.button.click!({})).not.toThrow();
    expect(page.html.dataset.textSize).toBe("large");
  });

  it("does nothing on a page without the button", () => {
    const page = fakePage({ [TEXT_SIZE_KEY]: "large" }, false);
    page.run();
    expect(() => page.ready()).not.toThrow();
    expect(page.html.dataset.textSize).toBe("large");
  });

  it("stays a few lines", () => {
    expect(TEXT_SIZE_SCRIPT.length).toBeLessThan(800);
  });
});
