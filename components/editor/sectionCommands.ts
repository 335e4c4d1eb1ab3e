import { Extension, type ChainedCommands } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    sectionCommands: {
      /** Opens the section's link form for the selection. */
      openLinkForm: () => ReturnType;
      /** Opens the file picker; the images chosen are uploaded and inserted at the caret. */
      pickImage: () => ReturnType;
    };
  }
}

/** What the toolbar and the menus run: tiptap commands, chained (`(chain) => chain.toggleBold()`). */
export type EditorCommands = (chain: ChainedCommands) => ChainedCommands;

/** The section editor's side of its commands (forms and pickers live outside the text). */
export interface SectionActions {
  openLinkForm(): void;
  pickImages(): void;
}

/**
 * The commands of a section that open something beside the text, as tiptap commands the
 * toolbar and the "/" menu chain like tiptap's own, and Ctrl/Cmd+K for the link form.
 */
export function sectionCommands(section: SectionActions) {
  return Extension.create({
    name: "sectionCommands",
    addCommands() {
      return {
        openLinkForm:
          () =>
          ({ editor, dispatch }) => {
            if (!editor.isEditable) return false;
            if (dispatch) section.openLinkForm();
            return true;
          },
        pickImage:
          () =>
          ({ editor, dispatch }) => {
            if (!editor.isEditable) return false;
            if (dispatch) section.pickImages();
            return true;
          },
      };
    },
    addKeyboardShortcuts() {
      return { "Mod-k": ({ editor }) => editor.commands.openLinkForm() };
    },
  });
}
