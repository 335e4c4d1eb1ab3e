import { EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { loadHighlighter } from "@/lib/editor/codeHighlight";
import { codeHighlight } from "@/lib/editor/codeHighlightPlugin";
import { documentSchema } from "@/lib/editor/documentSchema";
import type { PMDoc } from "@/lib/editor/schema";

const CODE = 'const answer = 42; // why\nfunction ask() { return "now"; }';

function body(language: string | null): PMDoc {
  return {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "Before" }] },
      { type: "codeBlock", attrs: { language }, content: [{ type: "text", text: CODE }] },
    ],
  };
}

describe("code highlighting", () => {
  it("splits code into highlight.js runs that cover exactly the text they name", async () => {
    const highlight = await loadHighlighter();
    const spans = highlight(CODE, "TypeScript")!;
    const text = (s: { from: number; to: number }) => CODE.slice(s.from, s.to);
    expect(spans.find((s) => text(s) === "const")?.classes).toBe("hljs-keyword");
    expect(spans.find((s) => text(s) === "42")?.classes).toBe("hljs-number");
    expect(spans.find((s) => text(s) === '"now"')?.classes).toBe("hljs-string");
    expect(spans.find((s) => text(s) === "ask")?.classes).toContain("hljs-title");
    for (const [a, b] of spans.slice(1).map((s, i) => [spans[i]!, s] as const)) expect(a.to).toBeLessThanOrEqual(b.from);
  });

  it("knows no language for plain text or an unknown name", async () => {
    const highlight = await loadHighlighter();
    expect(highlight(CODE, "")).toBeNull();
    expect(highlight(CODE, "no-such-language")).toBeNull();
  });

  it("decorates a code block that names a language and leaves the document as it was", async () => {
    await loadHighlighter();
    const stored = documentSchema.nodeFromJSON(body("typescript")).toJSON();
    const plugin = codeHighlight();
    const state = EditorState.create({ schema: documentSchema, doc: documentSchema.nodeFromJSON(body("typescript")), plugins: [plugin] });
    const decorations = plugin.getState(state)!.find();
    expect(decorations.length).toBeGreaterThan(4);
    const start = "Before".length + 3;
    expect(state.doc.textBetween(decorations[0]!.from, decorations[0]!.to)).toBe("const");
    expect(decorations[0]!.from).toBe(start);
    expect(state.doc.toJSON()).toEqual(stored);
    const typed = state.apply(state.tr.insertText("let x = 1;\n", start));
    const after = plugin.getState(typed)!.find();
    expect(typed.doc.textBetween(after[0]!.from, after[0]!.to)).toBe("let");
  });

  it("leaves plain-text code blocks undecorated", async () => {
    await loadHighlighter();
    const plugin = codeHighlight();
    const state = EditorState.create({ schema: documentSchema, doc: documentSchema.nodeFromJSON(body(null)), plugins: [plugin] });
    const found = plugin.getState(state)!;
    expect(found.find()).toHaveLength(0);
  });
});
