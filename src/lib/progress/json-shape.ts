/**
 * The shape rules every JSON value in a record obeys, in one place for the store's guards
 * (guards.ts), the record schema (schema.ts) and the import (export.ts), so a value the
 * store accepts always exports and imports again, and a file the import accepts is stored
 * exactly as its checksum covered it.
 *
 * - Depth: a scenario run's log item may nest at most MAX_JSON_DEPTH levels. A whole file
 *   may nest only as deep as that allows (MAX_FILE_DEPTH), so a file nested thousands of
 *   levels deep is refused up front instead of overflowing the stack in a parser.
 * - Reserved keys: `__proto__`, `constructor` and `prototype` cannot be kept faithfully
 *   (the schema library drops or refuses them, JavaScript objects treat them specially),
 *   so a value holding one is refused with the reason, never silently changed.
 *
 * The walk is iterative, so no input can overflow the stack here. No schema library.
 */

/** Levels below a log item (the item itself is level 0): what the store accepted before. */
export const MAX_JSON_DEPTH = 64;

/** Where log items sit in an export file: file → record → runs → run → log → item. */
const LOG_ITEM_LEVEL = 5;

/** The deepest any value in an export file may sit: a log item's limit, counted from the file. */
export const MAX_FILE_DEPTH = LOG_ITEM_LEVEL + MAX_JSON_DEPTH;

export const RESERVED_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

export type JsonShapeProblem =
  | { code: "too-deep"; path: string }
  | { code: "reserved-key"; path: string; key: string }
  | { code: "not-json"; path: string };

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * The first problem of `value` as plain JSON within `maxDepth` levels (the value itself
 * is level 0), or undefined. Paths are dotted (`runs.0.log.3`).
 */
export function jsonShapeProblem(value: unknown, maxDepth: number = MAX_JSON_DEPTH): JsonShapeProblem | undefined {
  // Each entry remembers its parent and key, and a path is spelled out only for a problem:
  // building one string per value made this walk several times slower on a class's files.
  const stack: Frame[] = [{ item: value, depth: 0, parent: undefined, key: "" }];
  while (stack.length) {
    const frame = stack.pop() as Frame;
    const { item, depth } = frame;
    if (depth > maxDepth) return { code: "too-deep", path: pathOf(frame) };
    if (item === null || typeof item === "boolean" || typeof item === "string") continue;
    if (typeof item === "number") {
      if (!Number.isFinite(item)) return { code: "not-json", path: pathOf(frame) };
      continue;
    }
    if (typeof item !== "object") return { code: "not-json", path: pathOf(frame) };
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) stack.push({ item: item[i], depth: depth + 1, parent: frame, key: i });
      continue;
    }
    if (!isPlainObject(item)) return { code: "not-json", path: pathOf(frame) };
    for (const key of Object.keys(item)) {
      if (RESERVED_KEYS.includes(key)) return { code: "reserved-key", path: pathOf({ item: undefined, depth: depth + 1, parent: frame, key }), key };
      stack.push({ item: (item as Record<string, unknown>)[key], depth: depth + 1, parent: frame, key });
    }
  }
  return undefined;
}

interface Frame {
  item: unknown;
  depth: number;
  parent: Frame | undefined;
  /** Key or index in the parent ("" for the value itself). */
  key: string | number;
}

/** Dotted path of a frame (`runs.0.log.3`), "" for the value itself. */
function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) keys.push(f.key);
  return keys.reverse().join(".");
}

/** Whether `value` is plain JSON within `maxDepth` levels and free of reserved keys. */
export const isPlainJson = (value: unknown, maxDepth: number = MAX_JSON_DEPTH): boolean => jsonShapeProblem(value, maxDepth) === undefined;

/** An object's own keys that are reserved (for answers, whose keys are ids). */
export const reservedKeysOf = (value: object): string[] => Object.keys(value).filter((k) => RESERVED_KEYS.includes(k));
