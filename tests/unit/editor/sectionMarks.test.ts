import { describe, expect, it } from "vitest";
import { SECTION_MARKS, sectionAtLine } from "@/components/editor/sectionMarks";

describe("the section being read", () => {
  const tops = [-900, -300, 120, 500, 1400];
  const at = (line: number, list = tops) => sectionAtLine(list.length, (i) => list[i]!, line);

  it("is the last section whose top has passed the reading line", () => {
    expect(at(240)).toBe(2);
    expect(at(100)).toBe(1);
    expect(at(2000)).toBe(4);
  });

  it("is the first section while none has reached the line yet, and the only one of one", () => {
    expect(at(240, [300, 900])).toBe(0);
    expect(at(240, [10])).toBe(0);
  });

  it("looks at a few tops only, however long the document", () => {
    const many = Array.from({ length: 1000 }, (_, i) => i * 100 - 50_000);
    let looked = 0;
    expect(sectionAtLine(many.length, (i) => (looked++, many[i]!), 240)).toBe(502);
    expect(looked).toBeLessThan(12);
  });
});

describe("the outline's marks", () => {
  it("each say in words what they mean, and differ in look", () => {
    const marks = Object.values(SECTION_MARKS);
    expect(marks.map((m) => m.label)).toEqual(["Nothing written yet", "Started", "A required field is empty"]);
    expect(new Set(marks.map((m) => m.dot)).size).toBe(marks.length);
  });
});
