/**
 * The session-code file the trainer keeps next to the paper (never on the site): one
 * code per site. `cert grade` reads it to check each sheet's seal.
 */
import { normalizeCode } from "./codes.ts";
import { isSlug, readJsonFile } from "./files.ts";
import { problem, type Read } from "./problem.ts";

export const CODES_FORMAT = "ma-exam-codes";
export const CODES_VERSION = 1;

export interface CodesFile {
  format: typeof CODES_FORMAT;
  version: typeof CODES_VERSION;
  paper: string;
  sites: { site: string; code: string }[];
}

export function readCodes(text: string, size?: number): Read<CodesFile> {
  const read = readJsonFile(text, CODES_FORMAT, CODES_VERSION, "codes", size);
  if (!read.ok) return read;
  const c = read.value;
  const ok =
    isSlug(c.paper) &&
    Array.isArray(c.sites) &&
    c.sites.length > 0 &&
    c.sites.every((s) => typeof s === "object" && s !== null && isSlug(s.site) && typeof s.code === "string" && normalizeCode(s.code) !== undefined);
  return ok ? { ok: true, value: c as unknown as CodesFile } : problem("broken", { what: "codes", field: "sites", n: "" });
}
