import type { Plugin } from "prosemirror-state";
import { linkClicks } from "./link";

/**
 * The editing behaviour of a section body that is not yet a tiptap extension: links opened by
 * Ctrl/Cmd+click (the rest is `editing.ts`; table keys are tiptap Table's).
 */
export function documentPlugins(): Plugin[] {
  return [linkClicks];
}
