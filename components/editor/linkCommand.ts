import type { Command } from "prosemirror-state";

/** The event the toolbar's link button sends to a section's editor, which opens the link form. */
export const OPEN_LINK_FORM_EVENT = "sw-open-link-form";

/** Asks the section's editor to open the link form for the selection. */
export const openLinkForm: Command = (_state, dispatch, view) => {
  if (!view || !view.editable) return false;
  if (dispatch) view.dom.dispatchEvent(new CustomEvent(OPEN_LINK_FORM_EVENT));
  return true;
};
