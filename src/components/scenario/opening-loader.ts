/**
 * Start-up script of a scenario page. The page renders the opening as plain HTML
 * (astro-parts/page/ScenarioOpening.astro); this sizes its gauges, opens 当前局面 on a wide
 * screen, and loads <case-simulation> with the scenario only when the learner presses a
 * choice or a tool there, handing it that press to carry out. A learner with a run saved
 * for this scenario gets the player at once (to resume), as does a scenario that does not
 * open on a choice. So a first visit runs a few hundred bytes of script before the first
 * answer, not the player.
 */
import { localStore } from "../../browser/storage.ts";
import { localSaveKey } from "../../lib/scenario/local-save.ts";
import type { OpeningAction } from "../case-simulation.ts";
import { runOwner } from "./run-owner.ts";

const load = () => import("../case-simulation.ts");

for (const player of document.querySelectorAll<HTMLElement & { firstAction?: OpeningAction }>("case-simulation")) {
  const opening = player.querySelector<HTMLElement>("[data-opening]");
  let saved: string | null = null;
  try {
    saved = localStore()?.getItem(localSaveKey({ scenarioId: player.getAttribute("scenario") ?? "", learnerId: runOwner() })) ?? null;
  } catch {
    saved = null; // Blocked storage holds no run.
  }
  if (!opening || saved) {
    void load();
    continue;
  }
  // The bars are decoration; the site's Content-Security-Policy refuses style attributes, so set them here.
  for (const bar of opening.querySelectorAll<HTMLElement>("[data-percent]")) bar.style.setProperty("width", `${bar.dataset.percent}%`);
  if (window.matchMedia?.("(min-width: 48rem)").matches) opening.querySelector("details[data-wide-open]")?.setAttribute("open", "");
  const press = (event: Event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button[data-choice], button[data-tool]");
    if (!button) return;
    opening.removeEventListener("click", press);
    opening.setAttribute("aria-busy", "true");
    const { choice, tool } = button.dataset;
    player.firstAction = choice ? { choice } : { tool: tool === "law" ? "law" : "notes" };
    void load();
  };
  opening.addEventListener("click", press);
}
