import type { MarkProps, NodeProps } from "@tiptap/static-renderer";
import { Schema, type DOMOutputSpec, type Mark, type Node } from "prosemirror-model";
import { safeDocumentHref } from "./documentUrls";
import { documentMarkSpecs, documentNodeSpecs } from "./nodeSpecs";
import type { PMNode } from "./schema";

// Read-only renderings of a body (the page, versions, the PDF) are tiptap's static renderer
// (@tiptap/static-renderer) driven by the HTML the extension list renders: each node's and
// mark's `toDOM` from nodeSpecs.ts, which `extensions.ts` gives tiptap as `renderHTML`. A
// rendering overrides only the nodes it shows differently (issue 17).

/**
 * The document's schema built by ProseMirror straight from the specs: equal to
 * `documentSchema` (tests/unit/editor/extensions.test.ts) but without tiptap, so the page that
 * shows text before any editor starts does not load the editor's code.
 */
const renderSchema = new Schema({ nodes: documentNodeSpecs, marks: documentMarkSpecs });

/** What a static renderer makes (an HTML string, React elements) of the three things a body is made of. */
export interface StaticTarget<T> {
  /** a DOM spec with its children: tiptap's `domOutputSpecToHTMLString` or `domOutputSpecToReactElement` */
  fromSpec: (spec: DOMOutputSpec) => (children?: T | T[]) => T;
  /** children without an element of their own (the body itself, a link that is not one) */
  fragment: (children?: T | T[]) => T;
  text: (text: string) => T;
}

export type NodeRender<T> = (props: NodeProps<Node, T | T[]>) => T;
export type MarkRender<T> = (props: MarkProps<Mark, T | T[], Node>) => T;

/** A static renderer's node and mark mapping: every type of the document, by name. */
export interface StaticMappings<T> {
  nodeMapping: Record<string, NodeRender<T>>;
  markMapping: Record<string, MarkRender<T>>;
}

/**
 * Every node and mark of the document rendered as the editor renders it (their `toDOM`),
 * for `target`. Links differ in one way: a link whose stored address `safeDocumentHref`
 * refuses shows its text alone (the editor keeps an inert `<a>` there so the text stays
 * editable). Throws nothing.
 */
export function documentMappings<T>({ fromSpec, fragment, text }: StaticTarget<T>): StaticMappings<T> {
  const nodeMapping: Record<string, NodeRender<T>> = { doc: ({ children }) => fragment(children), text: ({ node }) => text(node.text ?? "") };
  for (const type of Object.values(renderSchema.nodes)) {
    const toDOM = type.spec.toDOM;
    if (toDOM) nodeMapping[type.name] = ({ node, children }) => fromSpec(toDOM(node))(children);
  }
  const markMapping: Record<string, MarkRender<T>> = {};
  for (const type of Object.values(renderSchema.marks)) {
    const toDOM = type.spec.toDOM;
    if (toDOM) markMapping[type.name] = ({ mark, children }) => fromSpec(toDOM(mark, true))(children);
  }
  const link = markMapping["link"];
  if (link) markMapping["link"] = (props) => (safeDocumentHref(props.mark.attrs.href) ? link(props) : fragment(props.children));
  return { nodeMapping, markMapping };
}

/**
 * A stored body as ProseMirror nodes of the document schema: attributes the JSON leaves out
 * take their defaults and marks their schema order, as in the editor. Throws a RangeError for
 * a node or mark type the schema does not have (stored bodies are validated when stored).
 */
export function renderableDoc(doc: PMNode): Node {
  return renderSchema.nodeFromJSON(doc);
}
