/**
 * The privacy scan of what we publish (content/registry/ and the built site): ID-card
 * numbers, mainland mobile numbers and the sample holders' full names. Shared by the unit
 * test (patterns, content/registry/) and the browser-phase test (dist/, after the build).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { SAMPLE_NAMES } from "../../scripts/cert/sample.ts";

const root = process.cwd();
/**
 * 6-digit area, birth date 19xx/20xx, 3-digit sequence, check digit or X. Both patterns
 * need a boundary that is no letter or digit: a run of digits inside a hex content hash
 * (offline pack lists) is no number.
 */
export const ID_CARD = /(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
export const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;
const TEXT_FILE = /\.(?:json|html|js|mjs|css|txt|xml|svg|webmanifest|csv|ya?ml)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT_FILE.test(name)) yield path;
  }
}

/** Every finding as `file: what "match"`. */
export function scan(dir: string): string[] {
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

