/**
 * Rules return codes and values; src/i18n words them. A file under src/lib that imports
 * src/i18n (even a type) would pull the dictionary into a rule, so this scans every import.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const lib = join(root, "src/lib");
const i18n = join(root, "src/i18n");

const files = (readdirSync(lib, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => /\.(ts|mts|js|mjs)$/.test(f)).map((f) => join(lib, f));

/** Every module a file names: static and type imports, re-exports, dynamic imports. */
export function importedSpecifiers(source: string): string[] {
  const found = [...source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?\sfrom\s*["']([^"']+)["']/gm), ...source.matchAll(/\bimport\s*\(?\s*["']([^"']+)["']/g)];
  return found.map((m) => m[1]!);
}

const reachesI18n = (file: string, specifier: string) =>
  specifier.startsWith(".") ? resolve(dirname(file), specifier).startsWith(i18n) : /(^|\/)src\/i18n(\/|$)/.test(specifier);

describe("src/lib", () => {
  it("has files to check", () => expect(files.length).toBeGreaterThan(20));

  it("never imports src/i18n", () => {
    const offenders = files.flatMap((file) =>
      importedSpecifiers(readFileSync(file, "utf8"))
        .filter((s) => reachesI18n(file, s))
        .map((s) => `${relative(root, file)} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the scan sees every form of import", () => {
    const file = join(lib, "x/y.ts");
    const source = [
      `import { t } from "../../i18n/zh-CN.ts";`,
      `import type { Strings } from '../../i18n/fill.ts';`,
      `export { fill } from "../../i18n/fill.ts";`,
      `import "../../i18n/side.ts";`,
      `const m = await import("../../i18n/pick.ts");`,
      `import {\n  a,\n  b,\n} from "../../i18n/multi.ts";`,
      `import { ok } from "../z.ts";`,
    ].join("\n");
    const hits = importedSpecifiers(source).filter((s) => reachesI18n(file, s));
    expect(hits).toEqual(["../../i18n/zh-CN.ts", "../../i18n/fill.ts", "../../i18n/fill.ts", "../../i18n/multi.ts", "../../i18n/side.ts", "../../i18n/pick.ts"]);
  });
});
