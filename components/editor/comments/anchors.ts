"use client";

import type { Editor } from "@tiptap/core";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";

interface SyncState {
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null;
}

function syncState(editor: Editor): SyncState | null {
  const state = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  return state?.binding ? state : null;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The selected passage as Yjs relative positions, which follow the text through later edits. */
export function selectionAnchor(editor: Editor): { anchorFrom: string; anchorTo: string; quote: string } | null {
  const sync = syncState(editor);
  const { from, to } = editor.state.selection;
  if (!sync?.binding || from === to) return null;
  const encode = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping)));
  return { anchorFrom: encode(from), anchorTo: encode(to), quote: editor.state.doc.textBetween(from, to, " ").slice(0, 500) };
}

/** Where an anchored passage is now, or null when its text was deleted. */
export function resolveAnchor(editor: Editor, ydoc: Y.Doc, anchorFrom: string, anchorTo: string): { from: number; to: number } | null {
  const sync = syncState(editor);
  if (!sync?.binding) return null;
  try {
    const from = relativePositionToAbsolutePosition(ydoc, sync.type, Y.decodeRelativePosition(fromBase64(anchorFrom)), sync.binding.mapping);
    const to = relativePositionToAbsolutePosition(ydoc, sync.type, Y.decodeRelativePosition(fromBase64(anchorTo)), sync.binding.mapping);
    return from !== null && to !== null && to > from ? { from, to } : null;
  } catch {
    return null;
  }
}
