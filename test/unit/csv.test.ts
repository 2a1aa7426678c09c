import { describe, expect, it } from "vitest";
import { csvField, csvText } from "../../src/lib/csv.ts";

describe("CSV", () => {
  it("quotes what needs it and defuses formulas in text", () => {
    expect(csvField("张*明")).toBe("张*明");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@x")).toBe("'@x");
    expect(csvField("=a,b")).toBe(`"'=a,b"`);
  });

  it("writes numbers as numbers (a negative figure is not a formula) and leaves gaps empty", () => {
    expect(csvField(-0.25)).toBe("-0.25");
    expect(csvField(3)).toBe("3");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("starts with a byte-order mark and ends every line with CRLF", () => {
    expect(csvText([["题目", "难度"], ["q1", 0.5]])).toBe("\uFEFF题目,难度\r\nq1,0.5\r\n");
  });
});
