import { Extension, type AnyExtension, type NodeViewRenderer } from "@tiptap/core";
import type { Node as PMNode } from "prosemirror-model";
import type { Plugin } from "prosemirror-state";
import type { NodeView } from "prosemirror-view";
import { documentExtensions } from "@/lib/editor/extensions";
import { editingExtensions } from "@/lib/editor/editing";
import { codeBlockView } from "./codeBlockView";
import { imageView } from "./imageView";
import { mermaidNodeView } from "./mermaid/mermaidNodeView";
import type { NodeViewHost } from "./nodeViewHost";

type ViewOf = (node: PMNode, host: NodeViewHost, getPos: () => number | undefined) => NodeView;

/**
 * Our node views (a task's checkbox is tiptap's: lib/editor/taskItem.ts), each for what tiptap's
 * own lacks: a diagram with its live preview; a code block's language picker, and text the
 * browser types beside the code element taken into the block (issue 14; tiptap's
 * CodeBlockLowlight has neither, and would load lowlight with the editor, where
 * lib/editor/codeHighlightPlugin.ts loads it on first need); an image shown only from an
 * address `safeImageSrc` accepts, with its alt text edited in place (tiptap's Image renders
 * any `src` and edits nothing). Plain DOM views: a React view (ReactNodeViewRenderer) would
 * add @tiptap/react and a React root per node.
 */
const VIEWS: Record<string, ViewOf> = { mermaid: mermaidNodeView, codeBlock: codeBlockView, image: imageView };

/**
 * A section editor's tiptap extensions: the document's extension list (the same schema the
 * server projects and validates with), with our node views, its editing behaviour
 * (`lib/editor/editing.ts`), and `plugins` (comment highlights, the empty-body hint, code
 * highlighting) ahead of the extensions' own. Markdown typed
 * becomes formatting by the extensions' input rules and ours; addresses in typed and pasted
 * text become links by tiptap Link (linkifyjs), as the list configures it.
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
    // before every other extension's plugins, as when these were the editor's only plugins
    priority: 1000,
    addProseMirrorPlugins() {
      return plugins();
    },
  });
  return [...list, behaviour, ...editingExtensions()];
}
