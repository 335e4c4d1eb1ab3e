// @vitest-environment jsdom
import { suggestChanges } from "@handlewithcare/prosemirror-suggest-changes";
import { EditorState, TextSelection } from "prosemirror-state";
import type { DecorationSet } from "prosemirror-view";
import { describe, expect, it } from "vitest";
import { decorationsOncePerText } from "@/components/editor/suggesting";
import { documentSchema } from "@/lib/editor/documentSchema";

const inserted = documentSchema.marks.insertion!.create({ id: 1 });
const doc = documentSchema.node("doc", null, [
  documentSchema.node("paragraph", null, [documentSchema.text("kept text")]),
  documentSchema.node("paragraph", null, [documentSchema.text("a suggested line", [inserted])]),
]);

function decorationsOf(state: EditorState): DecorationSet {
  const plugin = state.plugins[0]!;
  return plugin.props.decorations!.call(plugin, state) as DecorationSet;
}

describe("the suggestion marks' decorations in a section's editor", () => {
  const plugin = decorationsOncePerText(suggestChanges());
  const state = EditorState.create({ doc, plugins: [plugin] });

  it("mark a paragraph suggested whole, as the package draws them", () => {
    const marked = decorationsOf(state).find().map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs);
    expect(marked).toEqual([{ "data-node-insertion": "true" }]);
  });

  it("are drawn once for a text: a moved caret keeps them, a change of the text draws them again", () => {
    const before = decorationsOf(state);
    const moved = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
    expect(decorationsOf(moved)).toBe(before);
    const typed = moved.apply(moved.tr.insertText("x", 3));
    const after = decorationsOf(typed);
    expect(after).not.toBe(before);
    expect(after.find()).toHaveLength(1);
  });
});
