/** The build checks content/ once per state of its files, however many hooks and loaders ask. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkedContent, contentFingerprint } from "../../../src/lib/check-all.ts";

const root = process.cwd();
// A small content folder (one glossary file) keeps each check fast.
const copy = mkdtempSync(join(tmpdir(), "checked-content-"));
mkdirSync(join(copy, "glossary"));
cpSync(join(root, "content", "glossary", "basics.yaml"), join(copy, "glossary", "basics.yaml"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("checkedContent", () => {
  it("checks once and gives every later caller the same result", () => {
    const first = checkedContent(root, copy);
    expect(first.set.glossaries.map((g) => g.file)).toEqual([expect.stringMatching(/glossary\/basics\.yaml$/)]);
    expect(checkedContent(root, copy)).toBe(first);
  });

  it("checks again when a file changes, so astro dev sees an edit", () => {
    const before = checkedContent(root, copy);
    const file = join(copy, "glossary", "extra.yaml");
    writeFileSync(file, "not: [valid\n");
    const after = checkedContent(root, copy);
    expect(after).not.toBe(before);
    expect(after.issues.some((i) => i.file.endsWith("glossary/extra.yaml"))).toBe(true);
    rmSync(file);
    expect(checkedContent(root, copy).issues).toEqual(before.issues);
  });

  it("fingerprints every file by path, size and time", () => {
    const print = contentFingerprint(copy);
    expect(print).toContain(join(copy, "glossary", "basics.yaml"));
    utimesSync(join(copy, "glossary", "basics.yaml"), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(contentFingerprint(copy)).not.toBe(print);
    expect(contentFingerprint(join(copy, "no-such-folder"))).toBe("");
  });
});
