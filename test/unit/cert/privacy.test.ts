/**
 * Privacy of what we publish: content/registry/ (committed) and, when a build exists, the
 * built site hold no ID-card number, no mainland mobile number and none of the sample
 * holders' full names (only masked ones). The patterns are tested too, so a scan that
 * finds nothing is a scan that would have found something.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_NAMES } from "../../../scripts/cert/sample.ts";
import { maskName } from "../../../src/lib/cert/credential.ts";

const root = process.cwd();
/** 6-digit area, birth date 19xx/20xx, 3-digit sequence, check digit or X. */
const ID_CARD = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g;
const MOBILE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g;
const TEXT_FILE = /\.(?:json|html|js|mjs|css|txt|xml|svg|webmanifest|csv|ya?ml)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT_FILE.test(name)) yield path;
  }
}

/** Every finding as `file: what "match"`. */
function scan(dir: string): string[] {
  const found: string[] = [];
  for (const file of files(dir)) {
    const text = readFileSync(file, "utf8");
    const where = relative(root, file);
    for (const m of text.matchAll(ID_CARD)) found.push(`${where}: ID-card number "${m[0]}"`);
    for (const m of text.matchAll(MOBILE)) found.push(`${where}: mobile number "${m[0]}"`);
    for (const name of SAMPLE_NAMES) if (text.includes(name)) found.push(`${where}: full name "${name}"`);
  }
  return found;
}

describe("privacy scan patterns", () => {
  it("find ID-card and mobile numbers and leave timestamps, hashes and list indexes alone", () => {
    const hits = (text: string) => [...text.matchAll(ID_CARD), ...text.matchAll(MOBILE)].map((m) => m[0]);
    expect(hits("身份证 11010519491231002X，电话 13812345678")).toEqual(["11010519491231002X", "13812345678"]);
    expect(hits('"statusListIndex": "48213", "t": 1764662400000, "s": 1764662400, "x": "110105194912310021"')).toEqual(["110105194912310021"]);
    expect(hits("sha256$3b0f1a99 12345678901 1381234567 138123456789")).toEqual([]);
  });

  it("the scan walks sub-folders and reports each finding with its file", () => {
    const dir = mkdtempSync(join(tmpdir(), "privacy-"));
    try {
      mkdirSync(join(dir, "shards"));
      writeFileSync(join(dir, "shards", "3.json"), `{"note":"联系 13912345678","who":"${SAMPLE_NAMES[0]}"}`);
      writeFileSync(join(dir, "ok.json"), '{"maskedName":"演**一"}');
      writeFileSync(join(dir, "photo.png"), "13912345678");
      expect(scan(dir).map((f) => f.replace(/^.*shards/, "shards"))).toEqual(['shards/3.json: mobile number "13912345678"', `shards/3.json: full name "${SAMPLE_NAMES[0]}"`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sample names are fictional-looking and mask to something else", () => {
    for (const name of SAMPLE_NAMES) {
      expect(name.startsWith("演示")).toBe(true);
      expect(maskName(name)).not.toBe(name);
    }
  });
});

describe("privacy of published data", () => {
  it("content/registry/ holds no ID-card number, mobile number or sample full name", () => {
    const dir = join(root, "content", "registry");
    expect(existsSync(dir)).toBe(true);
    expect(scan(dir)).toEqual([]);
  });

  const dist = process.env.DIST_DIR ?? join(root, "dist");
  it.skipIf(!existsSync(dist))("the built site holds none either", () => {
    expect(scan(dist)).toEqual([]);
  });
});
