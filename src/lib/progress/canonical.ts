/**
 * Plain JSON values and their canonical text by the JSON Canonicalization Scheme (RFC 8785),
 * so the same record always hashes to the same checksum on every device.
 *
 * Written here rather than taken from the `canonicalize` package (which the certificates
 * use): that package walks every string character by character in JavaScript and builds
 * arrays of parts, and on a trainer's class report (3,000 files, 80 MB) it was a fifth of
 * the time. This does one walk, refuses what is not plain JSON in the same walk, and leaves
 * strings and numbers to the engine's JSON.stringify, which RFC 8785 specifies. A unit test
 * checks that it writes exactly what the package writes.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A high surrogate not followed by a low one, or a low one not after a high one: not Unicode text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether any string in `value` (a key or a value) holds a lone surrogate. */
function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === "string") return LONE_SURROGATE.test(value);
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  return Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item));
}

// Strings go straight to JSON.stringify, which writes a lone surrogate as an escape such
// as \ud800. Only an output holding "\ud" (that escape, or a real backslash before "ud")
// is walked again to tell the two apart, so ordinary text is never scanned twice.
const quote = JSON.stringify as (text: string) => string;

function serialize(value: unknown): string {
  switch (typeof value) {
    case "string":
      return quote(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`Not a JSON number: ${value}`);
      // ECMAScript's Number-to-String, as RFC 8785 §3.2.2.3 requires (-0 is written 0).
      return JSON.stringify(value);
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) {
        let text = "[";
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          // The package would write null, as JSON.stringify does; a record holding undefined is a bug.
          if (item === undefined) throw new TypeError("undefined inside an array is not JSON");
          text += (i === 0 ? "" : ",") + serialize(item);
        }
        return `${text}]`;
      }
      // A Date (toJSON), a Map or a class instance would be quietly turned into something else.
      if (!isPlainObject(value)) throw new TypeError(`Not a plain object: ${Object.prototype.toString.call(value)}`);
      const object = value as Record<string, unknown>;
      // Array.prototype.sort without a comparator orders by UTF-16 code units, as RFC 8785 §3.2.3 requires.
      const keys = Object.keys(object).sort();
      let text = "{";
      let first = true;
      for (const key of keys) {
        const item = object[key];
        // Keys whose value is undefined are left out, as JSON.stringify does.
        if (item === undefined) continue;
        text += `${first ? "" : ","}${quote(key)}:${serialize(item)}`;
        first = false;
      }
      return `${text}}`;
    }
    default:
      throw new TypeError(`Not a JSON value: ${typeof value}`);
  }
}

/**
 * Whether JSON.stringify(value) writes RFC 8785 text already: plain objects whose keys come
 * (in Object.keys order, which JSON.stringify follows) in ascending UTF-16 order, finite
 * numbers, nothing undefined. Files the site exports are written so (inKeyOrder), and
 * checking this is several times cheaper than sorting and writing every object.
 */
export function inCanonicalOrder(value: unknown): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object": {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined || !inCanonicalOrder(item)) return false;
        }
        return true;
      }
      if (!isPlainObject(value)) return false;
      const object = value as Record<string, unknown>;
      const keys = Object.keys(object);
      for (let i = 0; i < keys.length; i++) {
        if (i > 0 && !(keys[i - 1] < keys[i])) return false;
        const item = object[keys[i]];
        if (item === undefined || !inCanonicalOrder(item)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** One member value: by JSON.stringify when that is canonical already, else written here. */
const member = (value: unknown): string => (inCanonicalOrder(value) ? JSON.stringify(value) : serialize(value));

/**
 * RFC 8785 text of `value`; throws TypeError for anything that is not plain JSON (NaN, Date, Map, a lone surrogate…).
 * An object's own members are sorted here and each member is checked for the fast path on
 * its own, so a file whose top level keeps a reader-friendly order ("format" first) still
 * takes it.
 */
export function canonicalJson(value: unknown): string {
  let text: string;
  if (typeof value === "object" && value !== null && !Array.isArray(value) && isPlainObject(value)) {
    const object = value as Record<string, unknown>;
    text = "{";
    for (const key of Object.keys(object).sort()) {
      const item = object[key];
      if (item === undefined) continue;
      text += `${text === "{" ? "" : ","}${quote(key)}:${member(item)}`;
    }
    text += "}";
  } else {
    text = member(value);
  }
  if (text.includes("\\ud") && hasLoneSurrogate(value)) throw new TypeError("Lone surrogate is not allowed");
  return text;
}

/**
 * A copy of a plain JSON value with every object's keys in RFC 8785 order, for files the
 * site writes: canonicalJson then checks such a file's checksum by the engine's
 * JSON.stringify. (Keys that look like array indexes always come first in a JavaScript
 * object, whatever the order they were added in; objects holding them take the slower path.)
 */
export function inKeyOrder<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(inKeyOrder) as T;
  if (!isPlainObject(value)) return value;
  const object = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) sorted[key] = inKeyOrder(object[key]);
  return sorted as T;
}
