/** The web app manifest, with URLs under the configured base path. */
import type { APIRoute } from "astro";
import { t } from "../i18n/zh-CN.ts";
import { href } from "../utils/paths.ts";

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: t("site.name"),
      short_name: t("site.name"),
      description: t("site.description"),
      lang: "zh-CN",
      start_url: href(),
      scope: href(),
      display: "standalone",
      background_color: "#fbfaf7",
      theme_color: "#7a1f0c",
      icons: [{ src: href("favicon.svg"), sizes: "any", type: "image/svg+xml", purpose: "any" }],
    }),
    { headers: { "content-type": "application/manifest+json" } },
  );
