/**
 * The one template filler, for build-time pages (through `t`) and elements alike. Tiny
 * and free of the dictionary, so client bundles can import it.
 */

/** UI strings an element receives: flat dotted keys → zh-CN text (see `pick`). */
export type Strings = Record<string, string>;

/** Values for `{name}` placeholders. */
export type Values = Record<string, string | number>;

/** Fills `{name}` placeholders; one without a value stays as written, so a gap shows rather than crashing. */
export function fill(template: string, values: Values = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
