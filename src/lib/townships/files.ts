/** Reads content/townships/*.yaml and checks them. Node-only; everything after reading is pure. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import { checkTownships } from "./check.ts";
import type { Township } from "./schema.ts";

export function checkTownshipDir(root: string, dir: string): { townships: Township[]; issues: ContentIssue[] } {
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
  return checkTownships(
    names.map((name) => {
      const path = join(dir, name);
      return { file: relative(root, path).split(sep).join("/"), text: readFileSync(path, "utf8") };
    }),
  );
}
