import type { ReactNode } from "react";
import { renderJSONContentToReactElement } from "@tiptap/static-renderer/json/react";
import type { Mark, Node } from "prosemirror-model";
import { codeLanguage } from "@/lib/editor/codeHighlight";
import { safeImageSrc } from "@/lib/editor/documentUrls";
import type { PMNode } from "@/lib/editor/schema";
import { taskCheckboxLabel } from "@/lib/editor/taskItem";
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

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** Ids of the top-level headings of the bodies being drawn, so `#anchor` links land on them. */
const headingIds = new WeakMap<Node, string>();

const heading: RichTextNode = ({ node, children }) => {
  const Tag = `h${Math.min(6, Math.max(1, Number(node.attrs.level) || 3))}` as "h1";
  return <Tag id={headingIds.get(node)} className="scroll-mt-4">{children}</Tag>;
};

// The nodes the editor draws with a node view or ProseMirror's own drawing rather than their toDOM.
const readOnlyNodes: Record<string, RichTextNode> = {
  heading,
  // an empty paragraph is a line high, as ProseMirror draws it
  paragraph: ({ node, children }) => <p>{node.childCount ? children : <br />}</p>,
  image: ({ node }) => {
    const src = safeImageSrc(node.attrs.src);
    const alt = str(node.attrs.alt);
    if (!src) return <span className="text-slate-500 italic">{alt}</span>;
    // eslint-disable-next-line @next/next/no-img-element -- a document's own image, any size, from an address checked above
    return <span className="sw-image"><img src={src} alt={alt} title={str(node.attrs.title) || undefined} /></span>;
  },
  taskItem: ({ node, children }) => (
    <li data-type="taskItem" data-checked={String(node.attrs.checked === true)}>
      <label>
        <input type="checkbox" checked={node.attrs.checked === true} disabled aria-label={taskCheckboxLabel(node.textContent)} />
        <span />
      </label>
      <div>{children}</div>
    </li>
  ),
  codeBlock: ({ node }) => {
    const language = codeLanguage(node.attrs);
    return (
      <div className="sw-code relative" data-language={language}>
        <pre>
          <HighlightedCode code={node.textContent} language={language} />
        </pre>
        {/* where the editor's language picker sits */}
        <span className="absolute right-1 top-1 rounded bg-slate-800 px-1 text-xs text-slate-200">{language || "plain text"}</span>
      </div>
    );
  },
  // as the editor shows a diagram before its code loads (mermaidNodeView.tsx): beside the
  // drawing that came with the page, or as its source until it is drawn
  mermaid: ({ node }) => {
    const source = str(node.attrs.source);
    const drawing = keptDrawing(source);
    if (drawing !== undefined) return <div data-type="mermaid-block" dangerouslySetInnerHTML={{ __html: drawnDiagramHtml(source, drawing) }} />;
    return (
      <div data-type="mermaid-block">
        <pre className="my-3 whitespace-pre-wrap rounded-lg border border-slate-200 p-2 font-mono text-xs text-slate-700" aria-label="Mermaid diagram source">{source}</pre>
      </div>
    );
  },
  // the editor's header cell, heading its column for assistive technology
  tableHeader: ({ node, children }) => {
    const [, attrs] = node.type.spec.toDOM?.(node) as ["th", Record<string, string>, 0];
    return domSpecToReact(["th", { scope: "col", ...attrs }, 0], children);
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
