// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { drawingsInPage, drawingsVersion, drawnDiagramHtml, handOverDrawings, keepDrawings, keptDrawing, onDrawingsAdded, takeDrawings } from "@/components/editor/mermaid/drawings";
import { sectionTextHtml } from "@/components/documents/sectionTextHtml";
import type { PMNode } from "@/lib/editor/schema";

const SVG = (label: string) => `<svg xmlns="http://www.w3.org/2000/svg" id="mermaid-${label}" role="graphics-document document"><g><text>${label} &amp; more</text></g></svg>`;

describe("diagram drawings on the document page", () => {
  it("are read back from the server's HTML, each beside its exact source", () => {
    const first = "flowchart LR\n  a[A & B] --> b";
    const second = "sequenceDiagram\n  A->>B: hi <there>";
    const page = document.createElement("div");
    page.innerHTML = [
      `<div data-type="mermaid-block">${drawnDiagramHtml(first, SVG("one"))}</div>`,
      `<p>text</p>`,
      `<div data-type="mermaid-block">${drawnDiagramHtml(second, SVG("two"))}</div>`,
      // a diagram with no drawing: its source alone
      `<div data-type="mermaid-block"><pre aria-label="Mermaid diagram source">graph TD</pre></div>`,
    ].join("");
    const found = drawingsInPage(page);
    expect(Object.keys(found)).toEqual([first, second]);
    expect(found[first]).toContain("one &amp; more");
    expect(found[second]).toContain('id="mermaid-two"');
  });

  it("drawn again from what was read back give the same text as the server drew", () => {
    const source = "flowchart TD\n  x --> y";
    const body: PMNode = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Before" }] }, { type: "mermaid", attrs: { source } }] };
    keepDrawings({ [source]: SVG("same") });
    const server = sectionTextHtml(body, null);
    const page = document.createElement("div");
    page.innerHTML = server;
    keepDrawings(drawingsInPage(page));
    expect(keptDrawing(source)).toBe(page.querySelector('[data-testid="mermaid-preview"]')!.innerHTML);
    const again = document.createElement("div");
    again.innerHTML = sectionTextHtml(body, null);
    expect(again.innerHTML).toBe(page.innerHTML);
  });

  it("tell the text when a drawing it lacked arrives, and not when nothing changed", () => {
    const seen: number[] = [];
    const stop = onDrawingsAdded(() => seen.push(drawingsVersion()));
    const source = `graph LR\n  n${Date.now()} --> m`;
    keepDrawings({ [source]: SVG("late") });
    keepDrawings({ [source]: SVG("late") });
    stop();
    keepDrawings({ [`${source} `]: SVG("after") });
    expect(seen).toHaveLength(1);
  });

  it("are handed from the page to its render once, under their key", () => {
    const drawings = { "graph TD\n a": SVG("handed") };
    const key = handOverDrawings(drawings, "key-1");
    expect(takeDrawings(key)).toEqual(drawings);
    expect(takeDrawings(key)).toEqual({});
    expect(takeDrawings(undefined)).toEqual({});
    expect(takeDrawings("never-handed")).toEqual({});
  });
});
