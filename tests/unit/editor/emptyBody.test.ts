import { EditorState } from "prosemirror-state";
import { DecorationSet } from "prosemirror-view";
import { describe, expect, it } from "vitest";
import { EMPTY_BODY_CLASS, EMPTY_BODY_HINT, isEmptyBody } from "@/lib/editor/emptyBody";
import { emptyBodyPlaceholder } from "@/lib/editor/emptyBodyPlugin";
import { documentSchema } from "@/lib/editor/documentSchema";
import { docToText, emptyDoc, type PMNode } from "@/lib/editor/schema";

const paragraph = (text: string): PMNode => ({ type: "paragraph", content: [{ type: "text", text }] });

function hintsIn(json: PMNode) {
  const plugin = emptyBodyPlaceholder(() => EMPTY_BODY_HINT);
  const state = EditorState.create({ schema: documentSchema, doc: documentSchema.nodeFromJSON(json), plugins: [plugin] });
  const decorations = plugin.props.decorations!.call(plugin, state);
  return { state, found: decorations instanceof DecorationSet ? decorations.find() : [] };
}

describe("an empty section body", () => {
  it("is no blocks or one empty paragraph, and nothing with text, a diagram or a second line", () => {
    expect(isEmptyBody(emptyDoc())).toBe(true);
    expect(isEmptyBody({ type: "doc" })).toBe(true);
    expect(isEmptyBody({ type: "doc", content: [paragraph("x")] })).toBe(false);
    expect(isEmptyBody({ type: "doc", content: [{ type: "mermaid", attrs: { source: "graph TD" } }] })).toBe(false);
    expect(isEmptyBody({ type: "doc", content: [{ type: "paragraph" }, { type: "paragraph" }] })).toBe(false);
  });

  it("shows the hint as a decoration on its paragraph, which leaves the text and the stored JSON as they were", () => {
    const { state, found } = hintsIn(emptyDoc());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ from: 0, to: 2 });
    expect((found[0] as unknown as { type: { attrs: Record<string, string> } }).type.attrs).toEqual({ class: EMPTY_BODY_CLASS, "data-placeholder": EMPTY_BODY_HINT });
    expect(state.doc.toJSON()).toEqual(emptyDoc());
    expect(docToText(state.doc.toJSON() as PMNode)).toBe("");
  });

  it("shows no hint once something is written", () => {
    expect(hintsIn({ type: "doc", content: [paragraph("Why we do this")] }).found).toHaveLength(0);
  });
});
