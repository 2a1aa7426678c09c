/**
 * Privacy of what we publish: content/registry/ (committed; the built site is scanned by
 * test/browser/privacy.test.ts once it is built) holds no ID-card number, no mainland mobile number and none of the sample
 * holders' full names (only masked ones). The patterns are tested too, so a scan that
 * finds nothing is a scan that would have found something.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_NAMES } from "../../../scripts/cert/sample.ts";
import { maskName } from "../../../src/lib/cert/credential.ts";
import { ID_CARD, MOBILE, scan } from "../../support/privacy-scan.ts";

const root = process.cwd();

describe("privacy scan patterns", () => {
  it("find ID-card and mobile numbers and leave timestamps, hashes and list indexes alone", () => {
    const hits = (text: string) => [...text.matchAll(ID_CARD), ...text.matchAll(MOBILE)].map((m) => m[0]);
    expect(hits("身份证 11010519491231002X，电话 13812345678")).toEqual(["11010519491231002X", "13812345678"]);
    expect(hits('"statusListIndex": "48213", "t": 1764662400000, "s": 1764662400, "x": "110105194912310021"')).toEqual(["110105194912310021"]);
    expect(hits("sha256$3b0f1a99 12345678901 1381234567 138123456789")).toEqual([]);
    expect(hits('"hashes":["e3a14944390544b7","14944390544c","f110105194912310021"]')).toEqual([]);
    expect(hits("tel:13812345678;id=11010519491231002X.")).toEqual(["11010519491231002X", "13812345678"]);
  });

  it("the scan walks sub-folders and reports each finding with its file", () => {
    const dir = mkdtempSync(join(tmpdir(), "privacy-"));
    try {
      mkdirSync(join(dir, "shards"));
      writeFileSync(join(dir, "shards", "3.json"), `{"note":"联系 13912345678","who":"${SAMPLE_NAMES[0]}"}`);
      writeFileSync(join(dir, "ok.json"), '{"maskedName":"演**一"}');
      writeFileSync(join(dir, "photo.png"), "13912345678");
      expect(scan(dir).map((f) => f.replace(/^.*shards/, "shards"))).toEqual(['shards/3.json: mobile number "13912345678"', `shards/3.json: full name "${SAMPLE_NAMES[0]}"`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sample names are fictional-looking and mask to something else", () => {
    for (const name of SAMPLE_NAMES) {
      expect(name.startsWith("演示")).toBe(true);
      expect(maskName(name)).not.toBe(name);
    }
  });
});

describe("privacy of published data", () => {
  it("content/registry/ holds no ID-card number, mobile number or sample full name", () => {
    const dir = join(root, "content", "registry");
    expect(existsSync(dir)).toBe(true);
    expect(scan(dir)).toEqual([]);
  });

  // The built site is scanned after the build, in test/browser/privacy.test.ts.
});
