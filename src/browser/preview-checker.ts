/**
 * The preview page's glue to its checker: reads a picked or dropped file, fetches the
 * site's known ids once, and loads the checker (zod, the schemas, the scenario explorer)
 * with a dynamic import on the first file, so the empty page ships none of it. Later,
 * when a file is played, the site's provisions (law.json) and the players load the same way.
 * Holds no rules: they are src/lib/preview and the checkers it calls.
 */
import type { FileCheck } from "../lib/preview/check-file.ts";
import type { GraphWords } from "../lib/scenario-graph/svg.ts";
import type { LawIndex } from "../lib/preview/play-data.ts";
import { readText, type ReadText } from "../lib/preview/read-text.ts";
import type { ProvisionInfo } from "../lib/scenario/player-view.ts";

export type Checked =
  | { ok: true; name: string; text: string; check: FileCheck; /** The scenario's branching graph (SVG), when its schema passed. */ graph?: string }
  | { ok: false; name: string; code: Extract<ReadText, { ok: false }>["code"] | "unreadable" | "known"; reason?: string };

const once = <T>(load: () => Promise<T>) => {
  let pending: Promise<T> | undefined;
  return (): Promise<T> => {
    pending ??= load();
    // A failed download may be retried with the next file.
    pending.catch(() => (pending = undefined));
    return pending;
  };
};

const json = async (url: string): Promise<unknown> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
};

const checker = once(() => Promise.all([import("../lib/preview/check-file.ts"), import("../lib/preview/known.ts")]));

/**
 * The file's text checked as `npm run check` would, or why it could not be; a scenario's
 * graph is drawn with `words` (its title from `preview.graph.title`).
 */
export async function checkPicked(file: File, knownUrl: string, words: GraphWords): Promise<Checked> {
  const name = file.name;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { ok: false, name, code: "unreadable", reason: error instanceof Error ? error.message : String(error) };
  }
  const read = readText(bytes);
  if (!read.ok) return { ok: false, name, code: read.code };
  let modules: Awaited<ReturnType<typeof checker>>;
  let known;
  try {
    modules = await checker();
    known = modules[1].knownFromIds(await json(knownUrl));
  } catch {
    return { ok: false, name, code: "known" };
  }
  if (!known) return { ok: false, name, code: "known" };
  const check = modules[0].checkFile(read.text, name, known);
  if (!check.parsed) return { ok: true, name, text: read.text, check };
  const title = words.fill(words.strings["preview.graph.title"] ?? "", { title: check.parsed.title });
  const graph = await modules[0].previewGraphSvg(check.parsed, words, title).catch((error: unknown) => (console.warn(error), undefined));
  return { ok: true, name, text: read.text, check, graph };
}

let law: Promise<LawIndex> | undefined;

/** Every provision of the site by id, for the players' law links; fetched once. */
export function lawIndex(url: string): Promise<LawIndex> {
  law ??= json(url).then((list) => new Map((list as ProvisionInfo[]).map((p) => [p.id, p])));
  law.catch(() => (law = undefined));
  return law;
}
