import { describe, expect, it } from "vitest";
import { citedNotes, lessonNotesPath, noteElementId } from "../../../src/lib/curriculum/lesson-notes.ts";

describe("citedNotes", () => {
  it("lists each cited provision and term once, in order of first citation", () => {
    const body = [
      '依照<Law id="rmtjf-17" />，当事人可以申请<Term id="sifa-queren">司法确认</Term>。',
      '再看<Law id="rmtjf-33" text="第三十三条" />和<Law id="rmtjf-17" />。',
      '<Callout type="key">要点<Term id="sifa-queren">确认</Term></Callout>',
    ].join("\n");
    expect(citedNotes(body)).toEqual([
      { kind: "law", id: "rmtjf-17" },
      { kind: "term", id: "sifa-queren" },
      { kind: "law", id: "rmtjf-33" },
    ]);
  });

  it("keeps a provision and a term that share an id apart", () => {
    expect(citedNotes('<Law id="x-1" /><Term id="x-1">甲</Term>')).toEqual([
      { kind: "law", id: "x-1" },
      { kind: "term", id: "x-1" },
    ]);
  });

  it("takes no other component for a note, even one with an id", () => {
    expect(citedNotes('<Callout id="x" type="key">甲</Callout><Figure id="y" />')).toEqual([]);
  });

  it("skips uses without an id, other components and citations inside code", () => {
    expect(citedNotes('<Law /><Term>甲</Term><Callout type="case">乙</Callout>\n```\n<Law id="rmtjf-1" />\n```')).toEqual([]);
  });
});

describe("note ids and the notes page", () => {
  it("names a note by kind and id, the same on both pages", () => {
    expect(noteElementId("law", "rmtjf-28")).toBe("note-law-rmtjf-28");
    expect(noteElementId("term", "rmtjf-28")).toBe("note-term-rmtjf-28");
  });

  it("puts a lesson's notes under the lesson's own path", () => {
    expect(lessonNotesPath("basics", "principles")).toBe("courses/basics/principles/notes/");
  });
});
