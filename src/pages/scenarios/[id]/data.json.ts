/**
 * dist/scenarios/<id>/data.json: what <case-simulation> plays (SimulationData: the
 * scenario and the provisions it cites), fetched when the player loads. The scenario page
 * links it (`src`), so a saved scenario's pack holds it (lib/offline/packs.ts).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { citedLaw, type SimulationData } from "../../../lib/scenario/player-view.ts";
import { provisionInfos, scenariosInOrder } from "../../../utils/scenarios.ts";

export const getStaticPaths = (async () => (await scenariosInOrder()).map((entry) => ({ params: { id: entry.id }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const scenario = props.entry.data;
  const data: SimulationData = { scenario, provisions: await provisionInfos(citedLaw(scenario)) };
  return new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
