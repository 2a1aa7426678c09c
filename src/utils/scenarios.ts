/** Astro-side access to the case simulations: collection queries and the player's law data. */
import { getCollection, type CollectionEntry } from "astro:content";
import type { ProvisionInfo } from "../lib/scenario/player-view.ts";
import { citation, provisions } from "./curriculum.ts";
import { provisionHref } from "./paths.ts";

export type ScenarioEntry = CollectionEntry<"scenarios">;

/** Easiest first, then shortest, then by title. */
export async function scenariosInOrder(): Promise<ScenarioEntry[]> {
  return (await getCollection("scenarios")).sort(
    (a, b) => a.data.difficulty - b.data.difficulty || a.data.minutes - b.data.minutes || a.data.title.localeCompare(b.data.title, "zh-CN"),
  );
}

/** What the player needs to show provisions without the look-up index. */
export async function provisionInfos(ids: readonly string[]): Promise<ProvisionInfo[]> {
  return (await provisions(ids)).map(({ id, data }) => ({
    id,
    citation: citation(data),
    heading: data.heading,
    summary: data.summary,
    url: provisionHref(data.statute, data.article),
  }));
}
