import { Extension } from "@tiptap/core";
import { PluginKey } from "prosemirror-state";
import { Suggestion, type SuggestionProps } from "@tiptap/suggestion";

/** What "/" typed in the text asks for: where it is, what follows it, and where its menu goes. */
export interface SlashMatch {
  /** the position of the "/" */
  from: number;
  query: string;
  /** under the typed text (`top`), or above it (ending at `above`) when there is no room below */
  position: { left: number; top: number; above: number };
}

export interface SlashHandlers {
  /** "/" was typed, its query changed (a match), or the menu should close (null) */
  onMatch: (match: SlashMatch | null) => void;
  /** a key pressed in the text while the menu is open; true when the menu used it */
  onKey: (key: string) => boolean;
}

/** A query is a word or a few: anything else typed after "/" is text, not a command. */
const QUERY = /^[\w ]{0,20}$/;

function matchOf(props: SuggestionProps): SlashMatch | null {
  const rect = props.clientRect?.();
  if (!rect) return null;
  return { from: props.range.from, query: props.query, position: { left: rect.left, top: rect.bottom + 4, above: rect.top - 4 } };
}

/**
 * The "/" block menu's trigger, on tiptap's Suggestion: "/" at the start of a line or after a
 * space, outside code, in an editable section, followed by up to 20 letters, digits or spaces.
 * The menu itself (its items, the choice, running one) is the section editor's; Escape
 * dismisses it until the "/" is typed again.
 */
export function slashSuggestion(handlers: SlashHandlers) {
  return Extension.create({
    name: "slashCommands",
    // before the editing keys: Enter and the arrows choose in the open menu
    priority: 1100,
    addProseMirrorPlugins() {
      return [
        Suggestion({
          pluginKey: new PluginKey("slashCommands"),
          editor: this.editor,
          char: "/",
          allowSpaces: true,
          decorationClass: "sw-slash-query",
          allow: ({ editor, state, range }) => {
            const $from = state.doc.resolve(range.from);
            const query = state.doc.textBetween(range.from + 1, range.to, undefined, "\ufffc");
            return editor.isEditable && !$from.parent.type.spec.code && QUERY.test(query);
          },
          render: () => ({
            onStart: (props) => handlers.onMatch(matchOf(props)),
            onUpdate: (props) => handlers.onMatch(matchOf(props)),
            onExit: () => handlers.onMatch(null),
            onKeyDown: ({ event }) => handlers.onKey(event.key),
          }),
        }),
      ];
    },
  });
}
