/**
 * Start-up script of <offline-save>: the page renders the element with one hidden button
 * (离线保存本课程); where Cache Storage exists this shows it and loads the element itself
 * (offline-save.ts) only when the learner presses it, or at once when the course is
 * already saved (to show that, with the remove button). So a course page runs a few
 * hundred bytes of script before any interaction, not the saving code.
 */
import { packCacheName } from "../lib/offline/cache-name.ts";

const load = () => import("./offline-save.ts");

for (const element of document.querySelectorAll<HTMLElement>("offline-save")) {
  const button = element.querySelector("button");
  if (!button || typeof caches === "undefined") continue;
  button.hidden = false;
  button.addEventListener("click", () => void load(), { once: true });
  const kind = element.getAttribute("kind") === "scenario" ? "scenario" : "course";
  caches.has(packCacheName(kind, element.getAttribute("pack-id") ?? "")).then(
    (saved) => {
      if (saved) void load();
    },
    () => undefined,
  );
}
