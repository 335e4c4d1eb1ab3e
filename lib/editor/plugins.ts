import type { Plugin } from "prosemirror-state";
import { linkClicks } from "./link";
import { tableKeymap } from "./table";

/**
 * The editing behaviour of a section body that is not yet a tiptap extension: table keys and
 * links opened by Ctrl/Cmd+click (the rest is `editing.ts`).
 */
export function documentPlugins(): Plugin[] {
  return [tableKeymap(), linkClicks];
}
