"use client";

import { fromBase64, toBase64 } from "lib0/buffer";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import type { EditorState } from "prosemirror-state";
import * as Y from "yjs";

interface SyncState {
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null;
}

function syncState(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  return sync?.binding ? sync : null;
}

/** The selected passage as Yjs relative positions, which follow the text through later edits. */
export function selectionAnchor(state: EditorState): { anchorFrom: string; anchorTo: string; quote: string } | null {
  const sync = syncState(state);
  const { from, to } = state.selection;
  if (!sync?.binding || from === to) return null;
  const encode = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping)));
  return { anchorFrom: encode(from), anchorTo: encode(to), quote: state.doc.textBetween(from, to, " ").slice(0, 500) };
}

/** Where an anchored passage is now, or null when its text was deleted. */
export function resolveAnchor(state: EditorState, ydoc: Y.Doc, anchorFrom: string, anchorTo: string): { from: number; to: number } | null {
  const sync = syncState(state);
  if (!sync?.binding) return null;
  try {
    const from = relativePositionToAbsolutePosition(ydoc, sync.type, Y.decodeRelativePosition(fromBase64(anchorFrom)), sync.binding.mapping);
    const to = relativePositionToAbsolutePosition(ydoc, sync.type, Y.decodeRelativePosition(fromBase64(anchorTo)), sync.binding.mapping);
    return from !== null && to !== null && to > from ? { from, to } : null;
  } catch {
    return null;
  }
}

/**
 * A place in the text (a caret) as a Yjs relative position, which follows the text through
 * later edits, this person's and others': text typed at the place goes after it.
 */
export function keepPoint(state: EditorState, pos: number): Y.RelativePosition | null {
  const sync = syncState(state);
  if (!sync?.binding) return null;
  const block = state.doc.resolve(pos).parent;
  // an empty block has no character to hold on to (the place would be its end, after what is
  // typed there): its start, which text typed there follows
  if (block.isTextblock && block.content.size === 0) {
    for (const [type, node] of sync.binding.mapping) if (node === block && type instanceof Y.XmlElement) return Y.createRelativePositionFromTypeIndex(type, 0, -1);
  }
  return absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping);
}

/** Where a place kept by `keepPoint` is now, or null when its text was deleted. */
export function pointNow(state: EditorState, point: Y.RelativePosition): number | null {
  const sync = syncState(state);
  if (!sync?.binding || !sync.type.doc) return null;
  try {
    return relativePositionToAbsolutePosition(sync.type.doc, sync.type, point, sync.binding.mapping);
  } catch {
    return null;
  }
}
