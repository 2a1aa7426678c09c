/** dist/townships/<id>/roster.csv: the roster as a spreadsheet (masked names only). */
import type { APIRoute, GetStaticPaths } from "astro";
import { t, type MessageKey } from "../../../i18n/zh-CN.ts";
import { rosterCsv, type Roster, type RosterRow } from "../../../lib/townships/roster.ts";
import { rosters } from "../_roster.ts";

export const getStaticPaths = (async () => (await rosters()).map((roster) => ({ params: { id: roster.township.id }, props: { roster } }))) satisfies GetStaticPaths;

const statusText = (row: RosterRow) => t(`verify.roster.status.${row.status}` as MessageKey, { days: row.daysLeft });

export const GET: APIRoute = ({ props }) => {
  const { roster } = props as { roster: Roster };
  const header = ["name", "village", "level", "number", "validUntil", "status"].map((c) => t(`verify.roster.col.${c}` as MessageKey));
  return new Response(rosterCsv(roster.rows, header, statusText), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
