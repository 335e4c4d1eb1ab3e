"use client";

import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Editor } from "@tiptap/core";
import type * as Y from "yjs";
import { resolveAnchor } from "./anchors";

export interface AnchoredThread {
  id: string;
  anchorFrom: string;
  anchorTo: string;
}

interface Options {
  ydoc: Y.Doc | null;
  threads: () => AnchoredThread[];
}

const key = new PluginKey("commentHighlights");

/** Highlights the passages that open comment threads are anchored to, wherever edits moved them. */
export const CommentHighlights = Extension.create<Options>({
  name: "commentHighlights",
  addOptions() {
    return { ydoc: null, threads: () => [] };
  },
  addProseMirrorPlugins() {
    const editor = this.editor as Editor;
    const { ydoc, threads } = this.options;
    return [
      new Plugin({
        key,
        props: {
          decorations: (state) => {
            if (!ydoc) return null;
            const decorations = threads()
              .map((t) => ({ t, range: resolveAnchor(editor, ydoc, t.anchorFrom, t.anchorTo) }))
              .filter((x): x is { t: AnchoredThread; range: { from: number; to: number } } => x.range !== null && x.range.to <= state.doc.content.size)
              .map(({ t, range }) => Decoration.inline(range.from, range.to, { class: "sw-comment", "data-thread": t.id }));
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
