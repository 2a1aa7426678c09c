import { isAbsolute, join } from "node:path";

/**
 * Where trainers' content lives. MEDIATOR_CONTENT_DIR lets the benchmark build a
 * generated, larger curriculum with the same code; everyone else uses ./content.
 */
export function contentDir(root: string): string {
  const override = process.env.MEDIATOR_CONTENT_DIR;
  if (!override) return join(root, "content");
  return isAbsolute(override) ? override : join(root, override);
}
