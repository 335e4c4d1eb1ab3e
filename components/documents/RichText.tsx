import type { ReactNode } from "react";
import { renderJSONContentToReactElement } from "@tiptap/static-renderer/json/react";
import type { Mark, Node } from "prosemirror-model";
import { codeLanguage } from "@/lib/editor/codeHighlight";
import type { PMNode } from "@/lib/editor/schema";
import { codeBlockSpec, diagramSourceSpec, headingSpec, readOnlyNodeSpecs } from "@/lib/editor/readOnlyNodes";
import { documentMappings, renderableDoc, type NodeRender } from "@/lib/editor/staticRender";
import { domSpecToReact } from "./domSpecToReact";
import { drawnDiagramHtml, keptDrawing } from "../editor/mermaid/drawings";
import { HighlightedCode } from "./HighlightedCode";

/** How the read-only text draws one node type (see `nodes`). */
export type RichTextNode = NodeRender<ReactNode>;

// Every node is the element the editor draws for it (nodeSpecs.ts toDOM, through tiptap's
// static renderer), styled by the same `.sw-prose` rules (app/globals.css): a section's text
// keeps its place to the pixel when its editor takes over.
const editorMappings = documentMappings<ReactNode>({
  fromSpec: (spec) => (children) => domSpecToReact(spec, children),
  fragment: (children) => <>{children}</>,
  text: (text) => text,
});

/** Ids of the top-level headings of the bodies being drawn, so `#anchor` links land on them. */
const headingIds = new WeakMap<Node, string>();

// The nodes the editor draws with a node view or ProseMirror's own drawing rather than their toDOM.
const readOnlyNodes: Record<string, RichTextNode> = {
  ...Object.fromEntries(Object.entries(readOnlyNodeSpecs).map(([name, spec]): [string, RichTextNode] => [name, ({ node, children }) => domSpecToReact(spec(node), children)])),
  heading: ({ node, children }) => domSpecToReact(headingSpec(node, headingIds.get(node)), children),
  codeBlock: ({ node }) => {
    const language = codeLanguage(node.attrs);
    return domSpecToReact(codeBlockSpec(language), <HighlightedCode code={node.textContent} language={language} />);
  },
  // as the editor shows a diagram before its code loads (mermaidNodeView.tsx): beside the
  // drawing that came with the page, or as its source until it is drawn
  mermaid: ({ node }) => {
    const source = typeof node.attrs.source === "string" ? node.attrs.source : "";
    const drawing = keptDrawing(source);
    if (drawing !== undefined) return <div data-type="mermaid-block" dangerouslySetInnerHTML={{ __html: drawnDiagramHtml(source, drawing) }} />;
    return domSpecToReact(diagramSourceSpec(source));
  },
};

/**
 * Read-only rendering of a section body (no HTML strings: React escapes all text, raw HTML
 * included). Soft line breaks show where they are in the source, as in the editor.
 * `headingIds` are the ids of its top-level headings in order, so `#anchor` links land on them.
 * `className` replaces the text's own size and spacing (a section's text shown as its editor shows it).
 * `nodes` draws some nodes its own way (a version's diagrams).
 */
export function RichText({ doc, headingIds: ids = [], className = "text-sm leading-6 whitespace-pre-wrap text-slate-800", nodes }: { doc: PMNode; headingIds?: string[]; className?: string; nodes?: Record<string, RichTextNode> }) {
  const body = renderableDoc(doc);
  let next = 0;
  body.forEach((node) => {
    const id = node.type.name === "heading" ? ids[next++] : undefined;
    if (id !== undefined) headingIds.set(node, id);
  });
  const render = renderJSONContentToReactElement<Mark, Node>({
    nodeMapping: { ...editorMappings.nodeMapping, ...readOnlyNodes, ...nodes },
    markMapping: editorMappings.markMapping,
  });
  // sw-prose: the editor's heading and code styles (app/globals.css), wherever the text is shown
  return <div className={`sw-prose ${className}`}>{render({ content: body })}</div>;
}
