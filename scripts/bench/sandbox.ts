/**
 * A private copy of the project for the benchmark builds. Astro keeps build state inside
 * the project (.astro/, node_modules/.astro/data-store.json) and reads it back during a
 * build, so a build running at the same time in the same folder (another terminal, an
 * editor's `astro dev`) can swap in its content. The copy is also a snapshot: every scale
 * builds the same source even if someone edits the project meanwhile. Dependencies are
 * shared through symlinks; only Astro's cache folder is private.
 */
import { cpSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";

/** Build outputs, caches and things a build never reads. */
const notCopied = new Set(["node_modules", "dist", ".astro", "bench-out", ".git", "test", "tmp"]);

export function createSandbox(root: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(root)) {
    if (!notCopied.has(name)) cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  const modules = join(dir, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync(join(root, "node_modules"))) {
    if (name !== ".astro" && name !== ".vite") symlinkSync(join(root, "node_modules", name), join(modules, name));
  }
  return dir;
}
