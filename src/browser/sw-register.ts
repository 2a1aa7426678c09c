/**
 * Registers the service worker on every page with a few lines of plain script; the update
 * prompt (<update-prompt>, Lit) loads only when a new version is installed and waiting
 * while an older one controls this page. The layout renders <update-prompt src scope>.
 */
const element = document.querySelector("update-prompt");
const sw = navigator.serviceWorker;
const src = element?.getAttribute("src");
if (src && sw) {
  sw.register(src, { scope: element!.getAttribute("scope") ?? undefined })
    .then((registration) => {
      const check = () => {
        if (registration.waiting && sw.controller) void import("../components/update-prompt.ts");
      };
      check();
      registration.addEventListener("updatefound", () => {
        const installing = registration.installing;
        installing?.addEventListener("statechange", () => installing.state === "installed" && check());
      });
    })
    .catch(() => {
      // Without a service worker the site still works online; nothing to tell the learner.
    });
}

export {};
