import { Extension, findParentNode } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";

/** The lists of the document and the item each holds. */
const LIST_ITEM: Record<string, string> = { bulletList: "listItem", orderedList: "listItem", taskList: "taskItem" };

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    listKinds: {
      /**
       * The toolbar's and the "/" menu's list buttons: tiptap's `toggleList` (wrap the selected
       * blocks, or lift them out of a list of this kind), except in a list of another kind,
       * which becomes this kind as a whole (tasks unticked; tiptap's would take the selected
       * items out of a bullet list into a task list of their own).
       */
      toggleListKind: (listName: "bulletList" | "orderedList" | "taskList") => ReturnType;
    };
  }
}

export const ListKinds = Extension.create({
  name: "listKinds",
  addCommands() {
    return {
      toggleListKind:
        (listName) =>
        ({ state, tr, dispatch, commands }) => {
          const listType = state.schema.nodes[listName];
          const itemType = state.schema.nodes[LIST_ITEM[listName]!];
          if (!listType || !itemType) return false;
          const list = findParentNode((node) => node.type.name in LIST_ITEM)(state.selection);
          if (!list || list.node.type === listType) return commands.toggleList(listType, itemType);
          if (dispatch) {
            const items: PMNode[] = [];
            list.node.forEach((item) => items.push(itemType.create(null, item.content, item.marks)));
            const { from, to } = state.selection;
            tr.replaceWith(list.pos, list.pos + list.node.nodeSize, listType.create(null, items));
            // same structure, same sizes: the selection stays where it was
            tr.setSelection(TextSelection.create(tr.doc, from, to)).scrollIntoView();
          }
          return true;
        },
    };
  },
});
