import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { partProblems } from "@/lib/collab/documentRules";
import { writeSection } from "@/lib/collab/ydoc";
import type { PMDoc } from "@/lib/editor/schema";

function problemsWith(attrs: Record<string, unknown>): string[] {
  const ydoc = new Y.Doc();
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "image", attrs }] }] } as PMDoc;
  writeSection(ydoc, { key: "s1", title: "S", depth: 1, fields: {}, body });
  return [...partProblems(ydoc, { kind: "body", key: "s1" }, () => undefined)];
}

const base = { src: "/api/images/abc123", alt: "A diagram", title: null, reference: null, referenceType: null };

describe("image nodes the collaboration server accepts", () => {
  it("accepts uploads, web addresses and relative paths with capped text", () => {
    expect(problemsWith(base)).toEqual([]);
    expect(problemsWith({ ...base, src: "https://example.org/a.png", title: "Title", reference: "fig", referenceType: "full" })).toEqual([]);
    expect(problemsWith({ ...base, src: "images/a.png" })).toEqual([]);
  });

  it("refuses scripts, data: addresses, overlong text and unknown reference kinds", () => {
    expect(problemsWith({ ...base, src: "javascript:alert(1)" })).toEqual(["element image has an invalid src"]);
    expect(problemsWith({ ...base, src: "data:image/png;base64,AAAA" })).toEqual(["element image has an invalid src"]);
    expect(problemsWith({ ...base, alt: "x".repeat(1001) })).toEqual(["element image has an invalid alt"]);
    expect(problemsWith({ ...base, referenceType: "inline" })).toEqual(["element image has an invalid referenceType"]);
  });
});
