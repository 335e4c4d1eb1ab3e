import { keymap } from "prosemirror-keymap";
import { TextSelection, type Command, type Plugin, type Selection, type Transaction } from "prosemirror-state";
import { addRowAfter, CellSelection, deleteTable, goToNextCell } from "prosemirror-tables";

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
