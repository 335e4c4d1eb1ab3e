import type { Node as PMNode, NodeType, Schema } from "prosemirror-model";
import { keymap } from "prosemirror-keymap";
import { TextSelection, type Command, type Plugin, type Selection, type Transaction } from "prosemirror-state";
import { addRowAfter, CellSelection, deleteTable, goToNextCell } from "prosemirror-tables";

function tableTypes(schema: Schema): { cell: NodeType; header: NodeType; row: NodeType; table: NodeType } {
  const { tableCell, tableHeader, tableRow, table } = schema.nodes;
  if (!tableCell || !tableHeader || !tableRow || !table) throw new Error("the schema has no tables");
  return { cell: tableCell, header: tableHeader, row: tableRow, table };
}

function createTable(schema: Schema, rows: number, cols: number, withHeaderRow: boolean): PMNode {
  const types = tableTypes(schema);
  const line = (type: NodeType) => types.row.create(null, Array.from({ length: cols }, () => type.createAndFill()!));
  return types.table.create(null, Array.from({ length: rows }, (_, i) => line(i === 0 && withHeaderRow ? types.header : types.cell)));
}

/** Inserts a table of empty cells (the first row headers) and puts the caret in its first cell. */
export function insertTable({ rows = 3, cols = 3, withHeaderRow = true } = {}): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const offset = state.selection.from + 1;
      const tr = state.tr.replaceSelectionWith(createTable(state.schema, rows, cols, withHeaderRow)).scrollIntoView();
      dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(offset))));
    }
    return true;
  };
}

/** Tab moves to the next cell; in the last cell it adds a row first. */
const nextCell: Command = (state, dispatch) => {
  if (goToNextCell(1)(state, dispatch)) return true;
  if (!dispatch) return addRowAfter(state);
  const found: { tr?: Transaction; next?: Selection } = {};
  if (!addRowAfter(state, (tr) => (found.tr = tr))) return false;
  const tr = found.tr!;
  goToNextCell(1)(state.apply(tr), (move) => (found.next = move.selection));
  if (found.next) tr.setSelection(TextSelection.create(tr.doc, found.next.anchor, found.next.head));
  dispatch(tr.scrollIntoView());
  return true;
};

/** A cell selection spanning every row and every column is the whole table. */
const deleteWholeTable: Command = (state, dispatch) => {
  const { selection } = state;
  return selection instanceof CellSelection && selection.isRowSelection() && selection.isColSelection() && deleteTable(state, dispatch);
};

/**
 * Tab and Shift+Tab between cells, and Backspace or Delete on a selection of every cell
 * removing the table, before the list keys (a list in a cell is indented by Tab only where
 * no cell follows). Table editing itself (cell selection, tables kept rectangular) is tiptap
 * Table's plugin. Row and column commands are called from the table toolbar, which loads them.
 */
export function tableKeymap(): Plugin {
  return keymap({ Tab: nextCell, "Shift-Tab": goToNextCell(-1), Backspace: deleteWholeTable, Delete: deleteWholeTable });
}
