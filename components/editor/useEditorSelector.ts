"use client";

import { useCallback, useRef, useSyncExternalStore } from "react";
import type { SectionEditor } from "./sectionEditor";

/**
 * A value derived from a section's editor, re-read after every transaction, focus and
 * blur; the component re-renders only when `equal` says it changed.
 */
export function useEditorSelector<T>(editor: SectionEditor, select: (editor: SectionEditor) => T, equal: (a: T, b: T) => boolean): T {
  const last = useRef<{ value: T } | null>(null);
  const subscribe = useCallback((onChange: () => void) => editor.subscribe(onChange), [editor]);
  const read = () => {
    const value = select(editor);
    if (last.current && equal(last.current.value, value)) return last.current.value;
    last.current = { value };
    return value;
  };
  return useSyncExternalStore(subscribe, read, read);
}
