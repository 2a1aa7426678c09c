import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineParts, policyFor, withPolicy } from "../../../src/lib/csp/policy.ts";

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `))?.split(" ").slice(1) ?? [];

const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script>(function(){document.documentElement.dataset.a="1"})()</script>
<script type="module" src="/_astro/a.js"></script>
<script type="module">import "/_astro/b.js";</script>
<script type="application/json">{"not":"code"}</script>
<style>body{color:red}</style>
</head><body><p style="color:#0E1116">x</p><span style='width:3px'>y</span>
<p>text about style="no" in prose</p><!-- <b style="commented"> --></body></html>`;

describe("inlineParts", () => {
  it("finds runnable inline scripts, inline styles and style attributes, and nothing else", () => {
    expect(inlineParts(page)).toEqual({
      scripts: ['(function(){document.documentElement.dataset.a="1"})()', 'import "/_astro/b.js";'],
      styles: ["body{color:red}"],
      styleAttributes: ["color:#0E1116", "width:3px"],
    });
  });

  it("reads text as the browser does: CRLF and CR as LF, entities in attributes decoded", () => {
    const parts = inlineParts('<script>a()\r\nb()\rc()</script ><style>p{}\r\n</style ><i style="font-family:&quot;Noto&quot;;x:&#65;&#x42;&amp;&apos;&lt;&gt;">');
    expect(parts.scripts).toEqual(["a()\nb()\nc()"]);
    expect(parts.styles).toEqual(["p{}\n"]);
    expect(parts.styleAttributes).toEqual([`font-family:"Noto";x:AB&'<>`]);
  });

  it("counts application/javascript as a script", () => {
    expect(inlineParts('<script type="application/javascript">go()</script>').scripts).toEqual(["go()"]);
  });

  it("tells data from code and files from inline code however the attributes are spaced", () => {
    const parts = inlineParts(
      `<script type = "application/json">{}</script><script type=application/ld+json>{}</script><script src = "/x.js"></script>` +
        `<script type=" Module ">m()</script><style media="print">p{}</style>`,
    );
    expect(parts.scripts).toEqual(["m()"]);
    expect(parts.styles).toEqual(["p{}"]);
  });

  it("reads every way an attribute can be written: quotes, no quotes, spaces, capitals", () => {
    const parts = inlineParts(
      `<SCRIPT TYPE='text/javascript'>one()</SCRIPT><script type=module>two()</script><script type="application/ld+json">{}</script>` +
        `<script src="/x.js">ignored()</script><div STYLE = 'a:1'></div><i style=b:2>x</i><b data-style="c:3" class=x style="">y</b>`,
    );
    expect(parts.scripts).toEqual(["one()", "two()"]);
    expect(parts.styleAttributes).toEqual(["a:1", "b:2", ""]);
  });

  it("takes only attributes of tags, not the text between them", () => {
    expect(inlineParts(`<p>width style=x</p><p title="style='y'">z</p>`).styleAttributes).toEqual([]);
  });

  it("does not take a style attribute written inside a script for markup", () => {
    expect(inlineParts(`<script>el.innerHTML = '<b style="x">';</script>`).styleAttributes).toEqual([]);
  });
});

describe("policyFor", () => {
  const policy = policyFor(inlineParts(page), sha);

  it("allows the site's own files and exactly the page's inline scripts, by hash", () => {
    expect(directive(policy, "script-src")).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      `'sha256-${sha('(function(){document.documentElement.dataset.a="1"})()')}'`,
      `'sha256-${sha('import "/_astro/b.js";')}'`,
    ]);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  });

  it("allows the inline styles by hash, and style attributes only through their hashes", () => {
    expect(directive(policy, "style-src")).toEqual([
      "'self'",
      `'sha256-${sha("body{color:red}")}'`,
      "'unsafe-hashes'",
      `'sha256-${sha("color:#0E1116")}'`,
      `'sha256-${sha("width:3px")}'`,
    ]);
  });

  it("never lets script hashes serve inline event handlers", () => {
    expect(directive(policy, "script-src")).not.toContain("'unsafe-hashes'");
  });

  it("names each hash once and leaves 'unsafe-hashes' out when there is no style attribute", () => {
    const twice = policyFor({ scripts: ["a()", "a()"], styles: [], styleAttributes: [] }, sha);
    expect(directive(twice, "script-src")).toEqual(["'self'", "'wasm-unsafe-eval'", `'sha256-${sha("a()")}'`]);
    expect(directive(twice, "style-src")).toEqual(["'self'"]);
  });

  it("forbids plugins and a foreign <base> or form target", () => {
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(directive(policy, "base-uri")).toEqual(["'self'"]);
    expect(directive(policy, "form-action")).toEqual(["'self'"]);
  });
});

describe("withPolicy", () => {
  it("puts the policy right after <meta charset>, before any script", () => {
    const out = withPolicy(page, sha);
    const meta = out.indexOf('<meta http-equiv="Content-Security-Policy"');
    expect(meta).toBe(out.indexOf('<meta charset="utf-8">') + '<meta charset="utf-8">'.length);
    expect(meta).toBeLessThan(out.indexOf("<script"));
    expect(out.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, "")).toBe(page);
  });

  it("finds <meta charset> however it is written", () => {
    for (const charset of ["<meta charset=utf-8>", "<meta  charset = 'utf-8' />", '<META CHARSET="UTF-8">']) {
      expect(withPolicy(`<html><head>${charset}<script>x()</script></head></html>`, sha)).toMatch(new RegExp(`^<html><head>${charset}<meta http-equiv="Content-Security-Policy"`));
    }
  });

  it("refuses a page with a policy written any way", () => {
    for (const meta of ['<meta http-equiv=Content-Security-Policy content="x">', `<meta name="x" http-equiv = 'content-security-policy' content="x">`]) {
      expect(() => withPolicy(`<html><head>${meta}</head></html>`, sha)).toThrow(/already has/);
    }
  });

  it("falls back to the start of <head>", () => {
    expect(withPolicy('<html><head data-x="1"><title>t</title></head></html>', sha)).toMatch(/^<html><head data-x="1"><meta http-equiv="Content-Security-Policy"/);
    expect(withPolicy("<html><head><script>x()</script></head></html>", sha)).toMatch(/^<html><head><meta http-equiv="Content-Security-Policy" content="script-src [^"]+"><script>/);
  });

  it("refuses a page with no head, or one that already has a policy", () => {
    expect(() => withPolicy("<p>fragment</p>", sha)).toThrow(/no <head>/);
    expect(() => withPolicy(withPolicy(page, sha), sha)).toThrow(/already has/);
  });
});
