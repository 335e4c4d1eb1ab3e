"use client";

import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type * as Y from "yjs";
import { resolveAnchor } from "./anchors";

export interface AnchoredThread {
  id: string;
  anchorFrom: string;
  anchorTo: string;
}

const key = new PluginKey("commentHighlights");

/** Highlights the passages that open comment threads are anchored to, wherever edits moved them. */
export function commentHighlights(ydoc: Y.Doc, threads: () => AnchoredThread[]): Plugin {
  return new Plugin({
    key,
    props: {
      decorations: (state) => {
        const decorations = threads()
          .map((t) => ({ t, range: resolveAnchor(state, ydoc, t.anchorFrom, t.anchorTo) }))
          .filter((x): x is { t: AnchoredThread; range: { from: number; to: number } } => x.range !== null && x.range.to <= state.doc.content.size)
          .map(({ t, range }) => Decoration.inline(range.from, range.to, { class: "sw-comment", "data-thread": t.id }));
        return decorations.length ? DecorationSet.create(state.doc, decorations) : null;
      },
    },
  });
}
