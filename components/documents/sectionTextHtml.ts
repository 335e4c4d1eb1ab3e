import { renderJSONContentToString } from "@tiptap/static-renderer/json/html-string";
import type { Mark, Node } from "prosemirror-model";
import { codeLanguage, highlightedHtml, type Highlighter } from "@/lib/editor/codeHighlight";
import { domSpecToHtml, escapeHtml } from "@/lib/editor/domSpecToHtml";
import { codeBlockSpec, diagramSourceSpec, readOnlyNodeSpecs } from "@/lib/editor/readOnlyNodes";
import type { PMNode } from "@/lib/editor/schema";
import { RenderCache } from "@/lib/editor/renderCache";
import { documentMappings, renderableDoc, type NodeRender } from "@/lib/editor/staticRender";
import { drawnDiagramHtml, keptDrawing } from "../editor/mermaid/drawings";

const joined = (children?: string | string[]) => (Array.isArray(children) ? children.join("") : (children ?? ""));

const editorMappings = documentMappings<string>({
  fromSpec: (spec) => (children) => domSpecToHtml(spec, joined(children)),
  fragment: joined,
  text: escapeHtml,
});

function readOnlyNodes(highlighter: Highlighter | null): Record<string, NodeRender<string>> {
  const nodes: Record<string, NodeRender<string>> = {};
  for (const [name, spec] of Object.entries(readOnlyNodeSpecs)) nodes[name] = ({ node, children }) => domSpecToHtml(spec(node), joined(children));
  nodes.codeBlock = ({ node }) => {
    const language = codeLanguage(node.attrs);
    const code = `<code${language ? ` class="language-${escapeHtml(language)}"` : ""}>${highlightedHtml(node.textContent, language, highlighter, escapeHtml)}</code>`;
    return domSpecToHtml(codeBlockSpec(language), code);
  };
  nodes.mermaid = ({ node }) => {
    const source = typeof node.attrs.source === "string" ? node.attrs.source : "";
    const drawing = keptDrawing(source);
    return drawing === undefined ? domSpecToHtml(diagramSourceSpec(source)) : `<div data-type="mermaid-block">${drawnDiagramHtml(source, drawing)}</div>`;
  };
  return nodes;
}

/**
 * A section's text as the HTML `RichText` draws for it (the same markup, one string): the
 * document page shows every section without an editor this way, one element each instead of
 * a React tree per paragraph. Code is highlighted once `highlighter` has loaded.
 */
export function sectionTextHtml(doc: PMNode, highlighter: Highlighter | null): string {
  const render = () => rendererFor(highlighter)({ content: renderableDoc(doc) });
  // the server draws the same sections for every reader's page: once per content. Not a
  // diagram's, whose drawing may arrive between two pages; the browser keeps nothing (its heap
  // is measured, and it draws a section again only when the section changed)
  if (typeof window !== "undefined" || highlighter !== null || hasDiagram(doc)) return render();
  return serverTexts.get(JSON.stringify(doc), render);
}

/** About 4 MB of sections' content and HTML (UTF-16), enough for a few large documents. */
const serverTexts = new RenderCache(2_000_000);

function hasDiagram(node: PMNode): boolean {
  return node.type === "mermaid" || (node.content?.some(hasDiagram) ?? false);
}

// one renderer before the highlighter loads and one after, not a new one for every change drawn
const renderers = new Map<Highlighter | null, (options: { content: Node }) => string>();

function rendererFor(highlighter: Highlighter | null): (options: { content: Node }) => string {
  let render = renderers.get(highlighter);
  if (!render) {
    render = renderJSONContentToString<Mark, Node>({
      nodeMapping: { ...editorMappings.nodeMapping, ...readOnlyNodes(highlighter) },
      markMapping: editorMappings.markMapping,
    });
    renderers.set(highlighter, render);
  }
  return render;
}
