import { Extension } from "@tiptap/core";
import { TextSelection, type Transaction } from "@tiptap/pm/state";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    documentInserts: {
      /** A Mermaid diagram (a small flowchart to start from) in place of the selection; the caret goes to the text block after it (a new paragraph if none). */
      insertMermaid: () => ReturnType;
      /** A mention of a workspace member at the selection, then a space to go on typing; refused in code. */
      insertMention: (person: { id: string; label: string }) => ReturnType;
      /** A link to another document by its number (`/w/acme/d/ADR-0007`, which follows renames), the number as its text, then a space; refused in code. */
      insertReference: (document: { href: string; number: string; title: string }) => ReturnType;
    };
  }
}

/** What a new diagram starts as. */
export const NEW_DIAGRAM = "flowchart LR\n  A --> B";

/** Where the last step of a transaction ended: after what it inserted. */
function insertionEnd(tr: Transaction): number {
  let end = tr.selection.to;
  tr.steps[tr.steps.length - 1]?.getMap().forEach((_from, _to, _newFrom, newTo) => (end = newTo));
  return end;
}

/**
 * The inserts of our own nodes, as tiptap commands beside tiptap's (`insertTable`,
 * `setHorizontalRule`, …): the toolbar's and the "/" and "@" menus'.
 */
export const InsertCommands = Extension.create({
  name: "documentInserts",
  addCommands() {
    return {
      insertMermaid:
        () =>
        ({ tr, state, dispatch }) => {
          const mermaid = state.schema.nodes.mermaid;
          const paragraph = state.schema.nodes.paragraph;
          if (!mermaid || !paragraph) return false;
          if (dispatch) {
            tr.replaceSelectionWith(mermaid.create({ source: NEW_DIAGRAM }));
            const end = insertionEnd(tr);
            if (!tr.doc.resolve(end).nodeAfter?.isTextblock) tr.insert(end, paragraph.create());
            tr.setSelection(TextSelection.create(tr.doc, end + 1)).scrollIntoView();
          }
          return true;
        },
      insertMention:
        (person) =>
        ({ state, chain }) => {
          const { $from } = state.selection;
          if ($from.parent.type.spec.code || !$from.parent.inlineContent) return false;
          return chain()
            .insertContent([
              { type: "mention", attrs: person },
              { type: "text", text: " " },
            ])
            .scrollIntoView()
            .run();
        },
      insertReference:
        (document) =>
        ({ state, chain }) => {
          const { $from } = state.selection;
          const link = state.schema.marks.link;
          if (!link || $from.parent.type.spec.code || !$from.parent.inlineContent) return false;
          return chain()
            .insertContent([
              { type: "text", text: document.number, marks: [{ type: "link", attrs: { href: document.href, title: document.title } }] },
              { type: "text", text: " " },
            ])
            .scrollIntoView()
            .run();
        },
    };
  },
});
