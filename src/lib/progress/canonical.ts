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

/** RFC 8785 text of `value`; throws TypeError for anything that is not plain JSON (NaN, Date, Map, a lone surrogate…). */
export function canonicalJson(value: unknown): string {
  const text = serialize(value);
  if (text.includes("\\ud") && hasLoneSurrogate(value)) throw new TypeError("Lone surrogate is not allowed");
  return text;
}
