/**
 * Plain JSON values and their canonical text by the JSON Canonicalization Scheme (RFC 8785,
 * the `canonicalize` package, the same one the certificates use), so the same record always
 * hashes to the same checksum on every device.
 */
import canonicalize from "canonicalize";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * The package quietly turns some non-JSON into JSON (a Date through toJSON, a Map into {},
 * undefined in an array into null); a record holding one is a bug, so refuse it instead.
 */
function assertPlainJson(value: unknown): void {
  switch (typeof value) {
    case "boolean":
    case "string":
      return;
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`Not a JSON number: ${value}`);
      return;
    case "object":
      if (value === null) return;
      if (Array.isArray(value)) {
        for (const item of value) {
          if (item === undefined) throw new TypeError("undefined inside an array is not JSON");
          assertPlainJson(item);
        }
        return;
      }
      if (!isPlainObject(value)) throw new TypeError(`Not a plain object: ${Object.prototype.toString.call(value)}`);
      // Keys whose value is undefined are left out, as JSON.stringify does.
      for (const item of Object.values(value)) if (item !== undefined) assertPlainJson(item);
      return;
    default:
      throw new TypeError(`Not a JSON value: ${typeof value}`);
  }
}

/** RFC 8785 text of `value`; throws TypeError for anything that is not plain JSON (NaN, Date, Map, a lone surrogate…). */
export function canonicalJson(value: unknown): string {
  assertPlainJson(value);
  try {
    return canonicalize(value) as string;
  } catch (error) {
    throw new TypeError(error instanceof Error ? error.message : String(error));
  }
}
