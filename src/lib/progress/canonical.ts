/**
 * Plain JSON values and their canonical text: object keys sorted by UTF-16 code units,
 * no whitespace, numbers and strings as ECMAScript JSON.stringify writes them. For the
 * values we store (no lone surrogates) this is the JSON Canonicalization Scheme of
 * RFC 8785, so the same record always hashes to the same checksum on every device.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** Throws TypeError for anything that is not plain JSON (NaN, Date, Map, undefined in an array…). */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case "boolean":
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`Not a JSON number: ${value}`);
      return JSON.stringify(value);
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) {
        return `[${value.map((item) => {
          if (item === undefined) throw new TypeError("undefined inside an array is not JSON");
          return canonicalJson(item);
        }).join(",")}]`;
      }
      if (!isPlainObject(value)) throw new TypeError(`Not a plain object: ${Object.prototype.toString.call(value)}`);
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is what RFC 8785 asks for.
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
    }
    default:
      throw new TypeError(`Not a JSON value: ${typeof value}`);
  }
}
