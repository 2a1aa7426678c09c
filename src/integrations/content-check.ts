import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { checkedContent } from "../lib/check-all.ts";
import { ContentError, formatIssues } from "../lib/content/issues.ts";
import { contentDir } from "../lib/content/content-dir.ts";

/**
 * Runs every content rule before Astro builds or serves anything, so a broken reference
 * (a lesson citing a provision that does not exist, say) fails the build with the file,
 * line and fix, instead of surfacing later as a broken page. The result is kept for the
 * collections (src/content.config.ts), so the build reads and checks content/ once.
 */
export default function contentCheck(): AstroIntegration {
  return {
    name: "mediator-academy:content-check",
    hooks: {
      "astro:config:setup": ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const { set, scenarios, quizBanks, levels, townships, issues, warnings } = checkedContent(root, contentDir(root));
        if (issues.length) throw new ContentError(issues);
        if (warnings.length) logger.warn(`${warnings.length} content warnings (npm run check lists them):\n${formatIssues(warnings)}`);
        logger.info(
          `content ok: ${set.courses.length} courses, ${set.lessons.length} lessons, ${set.statutes.length} statutes, ` +
            `${set.glossaries.reduce((n, g) => n + g.terms.length, 0)} terms, ${scenarios.length} scenarios, ${quizBanks} quiz banks, ${levels.length} certification levels, ${townships.length} townships`,
        );
      },
    },
  };
}
