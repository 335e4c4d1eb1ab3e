import { describe, expect, it } from "vitest";
import type { PMDoc } from "@/lib/editor/schema";
import { documentAnchors, slugsInOrder } from "@/lib/markdown/anchors";

const heading = (text: string) => ({ type: "heading" as const, attrs: { level: 3 }, content: [{ type: "text" as const, text }] });
const body = (...content: PMDoc["content"]): PMDoc => ({ type: "doc", content });

describe("documentAnchors", () => {
  it("slugs the title, each section and its body headings in export order, as GitHub does", () => {
    const anchors = documentAnchors("Async Ledger", [
      { key: "preamble", title: "", body: body() },
      { key: "summary", title: "1. Summary", body: body(heading("Goals & Non-Goals"), heading("Summary")) },
      { key: "motivation", title: "Motivation", body: body({ type: "paragraph", content: [] }) },
      { key: "again", title: "1. Summary", body: body() },
    ]);
    expect(anchors).toEqual({
      title: "async-ledger",
      sections: { preamble: null, summary: "1-summary", motivation: "motivation", again: "1-summary-1" },
      headings: { preamble: [], summary: ["goals--non-goals", "summary"], motivation: [], again: [] },
    });
  });

  it("numbers repeats with -1, -2 and keeps letters of any script", () => {
    expect(slugsInOrder(["Überblick", "Overview", "Overview", "Overview"])).toEqual(["überblick", "overview", "overview-1", "overview-2"]);
  });
});
