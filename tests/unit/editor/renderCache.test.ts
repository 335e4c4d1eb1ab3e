import { describe, expect, it } from "vitest";
import { sectionTextHtml } from "@/components/documents/sectionTextHtml";
import { keepDrawings } from "@/components/editor/mermaid/drawings";
import { RenderCache } from "@/lib/editor/renderCache";
import type { PMNode } from "@/lib/editor/schema";

describe("a cache of rendered strings", () => {
  it("renders a key once and gives the kept string after that", () => {
    const cache = new RenderCache(1_000);
    let renders = 0;
    const render = () => `<p>${++renders}</p>`;
    expect(cache.get("a", render)).toBe("<p>1</p>");
    expect(cache.get("a", render)).toBe("<p>1</p>");
    expect(renders).toBe(1);
    expect(cache.get("b", render)).toBe("<p>2</p>");
    expect(cache.size).toBe(2);
  });

  it("lets the least recently used go once keys and strings pass its size", () => {
    const cache = new RenderCache(30);
    cache.get("one", () => "x".repeat(7)); // 10 characters
    cache.get("two", () => "y".repeat(7));
    cache.get("one", () => "not rendered again");
    cache.get("six", () => "z".repeat(12)); // 15: "two" goes, the oldest used
    expect(cache.size).toBe(2);
    expect(cache.get("one", () => "again")).toBe("x".repeat(7));
    expect(cache.get("two", () => "drawn again")).toBe("drawn again");
  });

  it("keeps nothing larger than itself", () => {
    const cache = new RenderCache(10);
    expect(cache.get("big", () => "x".repeat(20))).toBe("x".repeat(20));
    expect(cache.size).toBe(0);
  });
});

describe("a section's text drawn on the server", () => {
  const paragraph: PMNode = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Same words" }] }] };

  it("is the same for the same content, drawn again when the content changes", () => {
    const first = sectionTextHtml(paragraph, null);
    expect(sectionTextHtml(structuredClone(paragraph), null)).toBe(first);
    const changed: PMNode = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Other words" }] }] };
    expect(sectionTextHtml(changed, null)).toContain("Other words");
  });

  it("shows a diagram's drawing once the drawing is kept, though the text was drawn before without it", () => {
    const source = "flowchart LR\n  cached --> drawn";
    const body: PMNode = { type: "doc", content: [{ type: "mermaid", attrs: { source } }] };
    expect(sectionTextHtml(body, null)).not.toContain("mermaid-preview");
    keepDrawings({ [source]: '<svg xmlns="http://www.w3.org/2000/svg"><g></g></svg>' });
    expect(sectionTextHtml(body, null)).toContain("mermaid-preview");
  });
});
