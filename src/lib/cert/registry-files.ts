/**
 * Reads content/registry/ (README §6). Node only; used by `cert verify`, the issuing
 * commands and the build. A missing folder or file reads as empty; a file that is not
 * the JSON it should be throws RegistryFileError naming it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { emptyAllocation } from "./allocation.ts";
import { NUMBER_PATTERN } from "./credential.ts";
import type { AllocationState, RegistryConfig, RegistryEntry, RevocationRecord, StatusListCredential } from "./types.ts";

export class RegistryFileError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}：${message}`);
    this.name = "RegistryFileError";
  }
}

function readJson<T>(file: string, check: (value: unknown) => boolean, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new RegistryFileError(file, "不是有效的 JSON 文件（可能被截断或手工改坏了）");
  }
  if (!check(value)) throw new RegistryFileError(file, `不是${what}`);
  return value as T;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const jsonFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".json")).sort() : []);

export const readRegistryConfig = (dir: string): RegistryConfig | undefined => {
  const file = join(dir, "registry.json");
  return existsSync(file) ? readJson<RegistryConfig>(file, (v) => isObject(v) && typeof v.siteUrl === "string", "登记册设置（registry.json）") : undefined;
};

/** credentials/<number>.json, or undefined when the registry has no such number. */
export function readEntry(dir: string, number: string): RegistryEntry | undefined {
  if (!NUMBER_PATTERN.test(number)) return undefined;
  const file = join(dir, "credentials", `${number}.json`);
  return existsSync(file) ? readEntryFile(file) : undefined;
}

const readEntryFile = (file: string): RegistryEntry =>
  readJson<RegistryEntry>(file, (v) => isObject(v) && typeof v.number === "string" && Array.isArray(v.credentials) && v.credentials.length > 0, "证书登记（number 与 credentials）");

export const readEntries = (dir: string): RegistryEntry[] => jsonFiles(join(dir, "credentials")).map((n) => readEntryFile(join(dir, "credentials", n)));

/** Every status list in status/, with its file name (`qingxi-sfj-1.json`). */
export const readStatusLists = (dir: string): { file: string; credential: StatusListCredential }[] =>
  jsonFiles(join(dir, "status")).map((n) => ({
    file: n,
    credential: readJson<StatusListCredential>(join(dir, "status", n), (v) => isObject(v) && typeof v.id === "string", "状态列表凭证"),
  }));

export function readRevocations(dir: string): RevocationRecord[] {
  const file = join(dir, "revocations.json");
  if (!existsSync(file)) return [];
  return readJson<{ revocations: RevocationRecord[] }>(file, (v) => isObject(v) && Array.isArray(v.revocations), "撤销记录（revocations）").revocations;
}

export function readAllocation(dir: string): AllocationState {
  const file = join(dir, "allocation.json");
  return existsSync(file)
    ? readJson<AllocationState>(file, (v) => isObject(v) && isObject(v.numbers) && isObject(v.statusIndexes) && isObject(v.currentList), "编号分配记录")
    : emptyAllocation();
}

/** gzipSize through Node's zlib (level 6, as web servers compress): for buildPublishedRegistry's `measure`. */
export const nodeGzipSize = (value: unknown): number => gzipSync(JSON.stringify(value), { level: 6 }).length;
