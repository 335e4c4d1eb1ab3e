import { Extension, type AnyExtension, type NodeViewRenderer } from "@tiptap/core";
import type { Node as PMNode } from "prosemirror-model";
import type { Plugin } from "prosemirror-state";
import type { NodeView } from "prosemirror-view";
import { documentExtensions } from "@/lib/editor/extensions";
import { MarkdownInputRules } from "@/lib/editor/inputRules";
import { baseKeys } from "@/lib/editor/keymap";
import { codeBlockView } from "./codeBlockView";
import { imageView } from "./imageView";
import { mermaidNodeView } from "./mermaid/mermaidNodeView";
import type { NodeViewHost } from "./nodeViewHost";

type ViewOf = (node: PMNode, host: NodeViewHost, getPos: () => number | undefined) => NodeView;

/** Our node views: a diagram with its live preview, a code block's language, an image (a task's checkbox is tiptap's: lib/editor/taskItem.ts). */
const VIEWS: Record<string, ViewOf> = { mermaid: mermaidNodeView, codeBlock: codeBlockView, image: imageView };

/**
 * A section editor's tiptap extensions: the document's extension list (the same schema the
 * server projects and validates with), with our node views, and `plugins` (collaboration,
 * carets, comments and the editing behaviour of `lib/editor/plugins.ts`) ahead of the
 * extensions' own keys. Markdown typed becomes formatting by the extensions' input rules and
 * ours (`MarkdownInputRules`); addresses in typed and pasted text become links by tiptap
 * Link (linkifyjs), as the list configures it.
 */
export function sectionExtensions(host: NodeViewHost, plugins: () => Plugin[]): AnyExtension[] {
  const list = documentExtensions.map((extension) => {
    const view = VIEWS[extension.name];
    if (view) {
      const renderer: NodeViewRenderer = ({ node, getPos }) => view(node, host, getPos);
      return extension.extend({ addNodeView: () => renderer });
    }
    return extension;
  });
  const behaviour = Extension.create({
    name: "sectionBehaviour",
    // before every other extension's keys and plugins, as when these were the editor's only plugins
    priority: 1000,
    addProseMirrorPlugins() {
      return plugins();
    },
  });
  // after every extension's keys and input rules (Enter after a code fence is the code block's rule)
  // (priority 1: tiptap reads 0 as its default, 100)
  const base = Extension.create({ name: "baseKeys", priority: 1, addProseMirrorPlugins: () => [baseKeys()] });
  return [...list, behaviour, MarkdownInputRules, base];
}
