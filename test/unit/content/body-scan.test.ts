import { describe, expect, it } from "vitest";
import { scanComponents } from "../../../src/lib/content/body-scan.ts";

const body = (...lines: string[]) => lines.join("\n");

describe("scanComponents", () => {
  it("finds a self-closing component with its attributes, 0-based line and 1-based column", () => {
    expect(scanComponents(body("第一行", '根据<Law id="rmtjf-28" />，协议……'))).toEqual([
      { name: "Law", attributes: { id: "rmtjf-28" }, line: 1, column: 3 },
    ]);
  });

  it("finds several components on one line, in order", () => {
    const uses = scanComponents('<Law id="rmtjf-28" />和<Law id="rmtjf-29" />');
    expect(uses.map((u) => [u.attributes.id, u.line, u.column])).toEqual([
      ["rmtjf-28", 0, 1],
      ["rmtjf-29", 0, 23],
    ]);
  });

  it("reads every attribute of an opening tag, including Chinese quotation marks inside a value", () => {
    const [use] = scanComponents('<Callout type="case" title="案例：“我不想调”">\n内容\n</Callout>');
    expect(use).toEqual({ name: "Callout", attributes: { type: "case", title: "案例：“我不想调”" }, line: 0, column: 1 });
  });

  it("reads single-quoted, braced and bare attributes", () => {
    const [use] = scanComponents("<Law id='rmtjf-28' text={label} hidden />");
    expect(use.attributes).toEqual({ id: "rmtjf-28", text: "{label}", hidden: "" });
  });

  it("reports a tag written over several lines at the line where it starts", () => {
    const uses = scanComponents(body("前文", "", "<Callout", '  type="mistake"', ">", "内容", "</Callout>"));
    expect(uses).toEqual([{ name: "Callout", attributes: { type: "mistake" }, line: 2, column: 1 }]);
  });

  it("reports one use per component, not its closing tag", () => {
    const uses = scanComponents('<Term id="tiaojie-xieyi">调解协议书</Term>');
    expect(uses.map((u) => u.name)).toEqual(["Term"]);
  });

  it("ignores lowercase HTML elements such as <details> and <summary>", () => {
    expect(scanComponents("1. 问题？\n   <details><summary>参考答案</summary>答案</details>")).toEqual([]);
  });

  it("counts lines the same way with Windows line endings", () => {
    expect(scanComponents('a\r\nb\r\n<Law id="rmtjf-28" />')).toEqual([
      { name: "Law", attributes: { id: "rmtjf-28" }, line: 2, column: 1 },
    ]);
  });

  it("ignores components inside a ``` fenced code block and keeps later line numbers right", () => {
    const uses = scanComponents(body("```mdx", '<Video src="a.mp4" />', '<Law id="x-1" />', "```", "", '<Law id="rmtjf-28" />'));
    expect(uses).toEqual([{ name: "Law", attributes: { id: "rmtjf-28" }, line: 5, column: 1 }]);
  });

  it("ignores components inside a ~~~ fenced code block", () => {
    expect(scanComponents(body("~~~", "<Video />", "~~~"))).toEqual([]);
  });

  it("ignores components inside inline code but finds one after it on the same line", () => {
    const uses = scanComponents('写成 `<Video />` 不行，要写<Law id="rmtjf-28" />');
    expect(uses).toEqual([{ name: "Law", attributes: { id: "rmtjf-28" }, line: 0, column: 21 }]);
  });

  it("ignores components inside a fenced code block indented under a list item", () => {
    const uses = scanComponents(body("1. 正确写法：", "   ```mdx", '   <Law id="x-1" />', "   ```", "2. 下一步"));
    expect(uses).toEqual([]);
  });

  it("returns nothing for a body without components", () => {
    expect(scanComponents("")).toEqual([]);
    expect(scanComponents("普通的段落，a < b 也没关系。")).toEqual([]);
  });
});
