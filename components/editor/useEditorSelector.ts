"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useRef, useSyncExternalStore } from "react";

/**
 * A value derived from an editor, re-read after every transaction (focus and blur are
 * transactions too); the component re-renders only when `equal` says it changed.
 */
export function useEditorSelector<T>(editor: Editor, select: (editor: Editor) => T, equal: (a: T, b: T) => boolean): T {
  const last = useRef<{ value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      editor.on("transaction", onChange);
      return () => {
        editor.off("transaction", onChange);
      };
    },
    [editor],
  );
  const read = () => {
    const value = select(editor);
    if (last.current && equal(last.current.value, value)) return last.current.value;
    last.current = { value };
    return value;
  };
  return useSyncExternalStore(subscribe, read, read);
}
