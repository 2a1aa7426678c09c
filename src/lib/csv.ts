/**
 * CSV as a township office opens it in a spreadsheet: RFC 4180 with CRLF, a UTF-8
 * byte-order mark (so Excel reads the Chinese correctly), and text that starts like a
 * formula defused. Numbers are written as they are: a negative figure is data, not a formula.
 */

export type CsvValue = string | number | undefined;

/** One CSV field: quoted when needed, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
export function csvField(value: CsvValue): string {
  if (value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Header and rows → the file's text. */
export function csvText(lines: readonly (readonly CsvValue[])[]): string {
  return "\uFEFF" + lines.map((line) => line.map(csvField).join(",")).join("\r\n") + "\r\n";
}
