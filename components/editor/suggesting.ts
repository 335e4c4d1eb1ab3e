import { suggestChanges, suggestChangesKey, transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "prosemirror-model";
import { Plugin, type Transaction } from "prosemirror-state";
import type { PMDoc, PMNode as PMJson } from "@/lib/editor/schema";
import { acceptedBody } from "@/lib/suggestions/accepted";
import { singleBlockChange } from "@/lib/suggestions/blockChange";
import { newSuggestionId } from "@/lib/suggestions/ids";
import { openSuggestions } from "@/lib/suggestions/open";
import { canonicalJson } from "@/lib/util/canonicalJson";

/** Why a change typed while suggesting was not made: it cannot be a suggestion. */
export const NOT_A_SUGGESTION = "While suggesting, text (and code) can be added, removed or formatted, and a change to one block (a heading's level, a list, a table's rows or columns, a diagram) is proposed in a comment. This change adds, removes or spans several blocks: make it one block at a time, or switch to Editing.";

/** Changes the suggestion transform leaves alone: remote edits, undo and redo, and accepting or rejecting a suggestion. */
function passesThrough(tr: Transaction): boolean {
  const ySync = (tr.getMeta("y-sync$") ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
  const own = (tr.getMeta(suggestChangesKey) ?? {}) as Record<string, unknown>;
  return !tr.docChanged || Boolean(tr.getMeta("history$") || tr.getMeta("collab$") || ySync.isChangeOrigin || ySync.isUndoRedoOperation || "skip" in own);
}

const acceptedOf = (doc: PMNode) => canonicalJson(acceptedBody(doc.toJSON() as PMDoc));

/** What becomes of a change made while suggesting that cannot be a suggestion. */
export interface NotSuggestible {
  /** it adds, removes or spans several blocks: not made, and this says why */
  onRefused: (message: string) => void;
  /** it changes one block (not a diagram, whose node view proposes its own changes): not made, and proposed in a comment */
  onProposeBlock: (before: PMJson, after: PMJson) => void;
}

/**
 * Suggestion mode for a section editor: while `suggestingAs()` names the person, every change
 * they make becomes tracked insertions and deletions in their name
 * (@handlewithcare/prosemirror-suggest-changes), shown in their colour. A change that would
 * still alter the accepted text (a heading's level, a list, a table's rows: the package marks
 * those on the node, which the shared document cannot carry) is not made: when it changes one
 * block, that block as it would be is proposed instead (`onProposeBlock`), else `onRefused`
 * says why. The server refuses the same for a reviewer who may only suggest
 * (lib/collab/suggestOnly.ts).
 */
export function suggestingExtension(suggestingAs: () => string | null, { onRefused, onProposeBlock }: NotSuggestible) {
  return Extension.create({
    name: "suggesting",
    addProseMirrorPlugins() {
      // its decorations mark where a suggested line break is; its keys step over the break's anchors
      return [decorationsOncePerText(suggestChanges())];
    },
    dispatchTransaction({ transaction, next }) {
      const userId = suggestingAs();
      if (!userId || passesThrough(transaction)) return next(transaction);
      const before = this.editor.state;
      const notSuggestible = () => {
        const block = singleBlockChange(before.doc.toJSON() as PMDoc, transaction.doc.toJSON() as PMDoc);
        if (block && block.before.type !== "mermaid" && block.after.type !== "mermaid") onProposeBlock(block.before, block.after);
        else onRefused(NOT_A_SUGGESTION);
      };
      let suggested: Transaction;
      try {
        suggested = transformToSuggestionTransaction(transaction, before, () => newSuggestionId(userId));
      } catch {
        return notSuggestible();
      }
      if (acceptedOf(before.doc) !== acceptedOf(suggested.doc)) return notSuggestible();
      next(suggested);
    },
  });
}

/**
 * `plugin` with its decorations drawn once per text: they depend on the text alone, and
 * ProseMirror asks for them on every update of the editor, a moved caret included (the
 * package walks the whole text each time).
 */
export function decorationsOncePerText(plugin: Plugin): Plugin {
  const draw = plugin.spec.props?.decorations;
  if (!draw) return plugin;
  const drawn = new WeakMap<PMNode, ReturnType<typeof draw>>();
  return new Plugin({
    ...plugin.spec,
    props: {
      ...plugin.spec.props,
      decorations(state) {
        if (!drawn.has(state.doc)) drawn.set(state.doc, draw.call(this, state));
        return drawn.get(state.doc);
      },
    },
  });
}

/** The ids of the suggestions in a section's text, in order. */
export function suggestionIdsIn(doc: PMNode): string[] {
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === "insertion" || mark.type.name === "deletion" || mark.type.name === "modification") ids.add(String(mark.attrs.id));
  });
  return [...ids];
}

/** How a discussion quotes a suggestion: “old → new”, “+ added” or “− removed”. */
export function suggestionQuote(doc: PMNode, id: string): string {
  const found = openSuggestions([{ key: "", body: doc.toJSON() as PMDoc }]).find((s) => s.id === id);
  if (!found) return "";
  if (found.deleted && found.inserted) return `${found.deleted} → ${found.inserted}`;
  return found.inserted ? `+ ${found.inserted}` : `− ${found.deleted}`;
}
