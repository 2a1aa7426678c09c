import { describe, expect, it } from "vitest";
import { pickChineseVoice, speechChunks, type VoiceLike } from "../../../src/lib/settings/speech.ts";

const voice = (lang: string, name: string, localService = false): VoiceLike => ({ lang, name, localService });

describe("pickChineseVoice", () => {
  it("returns undefined when there are no voices", () => {
    expect(pickChineseVoice([])).toBeUndefined();
  });

  it("returns undefined when no voice speaks Chinese", () => {
    expect(pickChineseVoice([voice("en-US", "Samantha", true), voice("fr-FR", "Thomas", true)])).toBeUndefined();
  });

  it("prefers a zh-CN voice over a zh-TW voice, in either order", () => {
    const cn = voice("zh-CN", "Tingting");
    const tw = voice("zh-TW", "Meijia");
    expect(pickChineseVoice([tw, cn])).toBe(cn);
    expect(pickChineseVoice([cn, tw])).toBe(cn);
  });

  it("prefers a remote zh-CN voice over a local zh-TW or zh-HK voice", () => {
    const cn = voice("zh-CN", "Google 普通话（中国大陆）");
    expect(pickChineseVoice([voice("zh-TW", "Meijia", true), voice("zh-HK", "Sinji", true), cn])).toBe(cn);
  });

  it("prefers a local zh-CN voice over a remote one, in either order", () => {
    const local = voice("zh-CN", "Tingting", true);
    const remote = voice("zh-CN", "Google 普通话（中国大陆）", false);
    expect(pickChineseVoice([remote, local])).toBe(local);
    expect(pickChineseVoice([local, remote])).toBe(local);
  });

  it("treats zh_CN (Android style) and cmn-Hans-CN as exact zh-CN", () => {
    const android = voice("zh_CN", "android");
    const cmn = voice("cmn-Hans-CN", "cmn");
    expect(pickChineseVoice([voice("zh", "generic", true), android])).toBe(android);
    expect(pickChineseVoice([voice("zh", "generic", true), cmn])).toBe(cmn);
  });

  it("falls back to another Chinese voice when there is no zh-CN voice", () => {
    const tw = voice("zh-TW", "Meijia");
    expect(pickChineseVoice([voice("en-US", "Samantha", true), tw])).toBe(tw);
  });

  it("does not reorder the list it is given", () => {
    const voices = [voice("zh-TW", "Meijia"), voice("en-US", "Samantha"), voice("zh-CN", "Tingting")];
    const copy = [...voices];
    pickChineseVoice(voices);
    expect(voices).toEqual(copy);
  });
});

/** Deterministic pseudo-random numbers, so a failure can be reproduced. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe("speechChunks", () => {
  it("keeps short paragraphs whole, one chunk each, and skips empty ones", () => {
    expect(speechChunks(["第一段。", "", "   ", "第二段。"])).toEqual(["第一段。", "第二段。"]);
  });

  it("collapses whitespace and line breaks inside a paragraph", () => {
    expect(speechChunks(["  调解  协议\n\n书面的。 "])).toEqual(["调解 协议 书面的。"]);
  });

  it("splits a long paragraph after 。 so that every chunk ends a sentence", () => {
    const sentence = "调解员应当记录协议内容。"; // 12 characters
    const paragraph = sentence.repeat(10); // 120 characters
    const chunks = speechChunks([paragraph], 50);
    expect(chunks).toEqual([sentence.repeat(4), sentence.repeat(4), sentence.repeat(2)]);
  });

  it("also breaks after ！？；", () => {
    expect(speechChunks(["甲乙丙丁！戊己庚辛？壬癸子丑；寅卯"], 10)).toEqual(["甲乙丙丁！戊己庚辛？", "壬癸子丑；寅卯"]);
  });

  it("cuts a sentence longer than max into pieces of exactly max characters", () => {
    const long = "字".repeat(450);
    const chunks = speechChunks([long]);
    expect(chunks.map((c) => c.length)).toEqual([180, 180, 90]);
    expect(chunks.join("")).toBe(long);
  });

  it("uses 180 characters as the default maximum", () => {
    expect(speechChunks(["字".repeat(180)])).toEqual(["字".repeat(180)]);
    expect(speechChunks(["字".repeat(181)])).toHaveLength(2);
  });

  it("never exceeds max and never loses text, for many mixed paragraphs", () => {
    const next = random(42);
    const pieces = ["调解", "协议", "当事人", "。", "，", "！", "？", "；", " ", "人民调解委员会"];
    for (let round = 0; round < 200; round++) {
      const max = 5 + Math.floor(next() * 100);
      const length = Math.floor(next() * 80);
      let paragraph = "";
      for (let i = 0; i < length; i++) paragraph += pieces[Math.floor(next() * pieces.length)];
      const chunks = speechChunks([paragraph], max);
      for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(max);
      expect(chunks.join("")).toBe(paragraph.replace(/\s+/g, " ").trim());
    }
  });
});
