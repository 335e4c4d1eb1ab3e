import { callOrReturn, getExtensionField, mergeAttributes, Node, type NodeConfig } from "@tiptap/core";
import type { Node as PMNode, NodeType, Schema } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";
import { addRowAfter, CellSelection, deleteTable, goToNextCell, tableEditing } from "@tiptap/pm/tables";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    documentTable: {
      /** Inserts a table of empty cells (the first row headers) and puts the caret in it. */
      insertTable: (options?: { rows?: number; cols?: number; withHeaderRow?: boolean }) => ReturnType;
    };
  }
}

function tableTypes(schema: Schema): { cell: NodeType; header: NodeType; row: NodeType; table: NodeType } {
  const { tableCell, tableHeader, tableRow, table } = schema.nodes;
  if (!tableCell || !tableHeader || !tableRow || !table) throw new Error("the schema has no tables");
  return { cell: tableCell, header: tableHeader, row: tableRow, table };
}

export function createTable(schema: Schema, rows: number, cols: number, withHeaderRow: boolean): PMNode {
  const types = tableTypes(schema);
  const line = (type: NodeType) => types.row.create(null, Array.from({ length: cols }, () => type.createAndFill()!));
  return types.table.create(null, Array.from({ length: rows }, (_, i) => line(i === 0 && withHeaderRow ? types.header : types.cell)));
}

/**
 * The table node: the same schema as tiptap's Table (content, roles for prosemirror-tables,
 * HTML) with prosemirror-tables' editing (cell selection, keeping tables rectangular), Tab
 * and Shift+Tab between cells (Tab in the last cell adds a row) and Backspace on a
 * selection of every cell removing the table. Row and column commands are called from the
 * table toolbar straight on prosemirror-tables, which loads with the toolbar; tiptap's
 * Table extension brings all of them, column resizing and Markdown rules to every page.
 */
export const Table = Node.create({
  name: "table",
  content: "tableRow+",
  tableRole: "table",
  isolating: true,
  group: "block",
  parseHTML() {
    return [{ tag: "table" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["table", mergeAttributes(HTMLAttributes), ["tbody", 0]];
  },
  addCommands() {
    return {
      insertTable:
        ({ rows = 3, cols = 3, withHeaderRow = true } = {}) =>
        ({ tr, dispatch, editor }) => {
          if (dispatch) {
            const offset = tr.selection.from + 1;
            tr.replaceSelectionWith(createTable(editor.schema, rows, cols, withHeaderRow)).scrollIntoView();
            tr.setSelection(TextSelection.near(tr.doc.resolve(offset)));
          }
          return true;
        },
    };
  },
  addProseMirrorPlugins() {
    return [tableEditing({ allowTableNodeSelection: false })];
  },
  addKeyboardShortcuts() {
    // a cell selection spanning every row and every column is the whole table
    const deleteWholeTable = () => {
      const { selection } = this.editor.state;
      return selection instanceof CellSelection && selection.isRowSelection() && selection.isColSelection() && deleteTable(this.editor.state, this.editor.view.dispatch);
    };
    return {
      Tab: () => {
        const { state, view } = this.editor;
        if (goToNextCell(1)(state, view.dispatch)) return true;
        if (!this.editor.isActive("table") || !addRowAfter(state, view.dispatch)) return false;
        return goToNextCell(1)(this.editor.state, view.dispatch);
      },
      "Shift-Tab": () => goToNextCell(-1)(this.editor.state, this.editor.view.dispatch),
      Backspace: deleteWholeTable,
      Delete: deleteWholeTable,
    };
  },
  // every node's table role goes into its schema spec, where prosemirror-tables reads it
  extendNodeSchema(extension) {
    const context = { name: extension.name, options: extension.options, storage: extension.storage };
    return { tableRole: callOrReturn(getExtensionField<NodeConfig["tableRole"]>(extension, "tableRole", context)) };
  },
});
