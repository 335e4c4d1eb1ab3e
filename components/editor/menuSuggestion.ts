import { Extension } from "@tiptap/core";
import { PluginKey } from "prosemirror-state";
import { Suggestion, type SuggestionProps } from "@tiptap/suggestion";

/** What the menus typed in the text open: "/" for a block, "@" for a person, "[[" or "#" for another document. */
export type SuggestionKind = "block" | "mention" | "reference" | "hashReference";

/** What "/" or "@" typed in the text asks for: which menu, where it is, what follows it, and where its menu goes. */
export interface SlashMatch {
  kind: SuggestionKind;
  /** the position of the "/" or "@" */
  from: number;
  query: string;
  /** under the typed text (`top`), or above it (ending at `above`) when there is no room below */
  position: { left: number; top: number; above: number };
}

export interface SlashHandlers {
  /** "/" or "@" was typed, its query changed (a match), or the menu should close (null) */
  onMatch: (match: SlashMatch | null) => void;
  /** a key pressed in the text while the menu is open; true when the menu used it */
  onKey: (key: string) => boolean;
}

const TRIGGERS: Record<SuggestionKind, { char: string; name: string; query: RegExp }> = {
  // a query is a word or a few: anything else typed after "/" is text, not a command
  block: { char: "/", name: "slashCommands", query: /^[\w ]{0,20}$/ },
  // a name, or the start of one: letters (any script), digits, spaces, dots, hyphens, apostrophes
  mention: { char: "@", name: "mentions", query: /^[\p{L}\p{N} .'’-]{0,30}$/u },
  // a document's number or words of its title
  reference: { char: "[[", name: "references", query: /^[\p{L}\p{N} .'’:-]{0,40}$/u },
  // "#" then a number or a word; "# " at a line's start stays a heading (a space ends the query)
  hashReference: { char: "#", name: "hashReferences", query: /^[\p{L}\p{N}.-]{0,40}$/u },
};

function matchOf(kind: SuggestionKind, props: SuggestionProps): SlashMatch | null {
  const rect = props.clientRect?.();
  if (!rect) return null;
  return { kind, from: props.range.from, query: props.query, position: { left: rect.left, top: rect.bottom + 4, above: rect.top - 4 } };
}

/**
 * A menu's trigger in the text, on tiptap's Suggestion: "/" (blocks), "@" (people), "[[" or
 * "#" (documents) at the start of a line or after a space, outside code, in an editable section, followed by what
 * the kind's query allows. The menu itself (its items, the choice, running one) is the
 * section editor's; Escape dismisses it until the character is typed again.
 */
export function menuSuggestion(kind: SuggestionKind, handlers: SlashHandlers) {
  const trigger = TRIGGERS[kind];
  return Extension.create({
    name: trigger.name,
    // before the editing keys: Enter and the arrows choose in the open menu
    priority: 1100,
    addProseMirrorPlugins() {
      return [
        Suggestion({
          pluginKey: new PluginKey(trigger.name),
          editor: this.editor,
          char: trigger.char,
          allowSpaces: true,
          decorationClass: "sw-slash-query",
          allow: ({ editor, state, range }) => {
            const $from = state.doc.resolve(range.from);
            const query = state.doc.textBetween(range.from + trigger.char.length, range.to, undefined, "\ufffc");
            return editor.isEditable && !$from.parent.type.spec.code && trigger.query.test(query);
          },
          render: () => ({
            onStart: (props) => handlers.onMatch(matchOf(kind, props)),
            onUpdate: (props) => handlers.onMatch(matchOf(kind, props)),
            onExit: () => handlers.onMatch(null),
            onKeyDown: ({ event }) => handlers.onKey(event.key),
          }),
        }),
      ];
    },
  });
}
