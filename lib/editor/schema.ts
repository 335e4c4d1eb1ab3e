/**
 * The document model shared by the browser editor, the collaboration projection, Markdown
 * import/export, search text and tests: ProseMirror JSON with these node and mark
 * names. Nothing here depends on React or the editor runtime.
 */

export const BLOCK_NODES = [
  "paragraph",
  "heading",
  "bulletList",
  "orderedList",
  "listItem",
  "taskList",
  "taskItem",
  "codeBlock",
  "mermaid",
  "blockquote",
  "horizontalRule",
  "table",
  "tableRow",
  "tableHeader",
  "tableCell",
  "htmlBlock",
  "footnoteDefinition",
  "definition",
] as const;
/**
 * Blocks whose text is prose a person wrote, as opposed to source shown as written (code,
 * Mermaid diagrams, raw HTML): search snippets are made of these (issue 18, point 5).
 */
export const PROSE_BLOCKS = ["paragraph", "heading"] as const satisfies readonly (typeof BLOCK_NODES)[number][];
export const INLINE_NODES = ["text", "hardBreak", "placeholder", "image", "htmlInline", "footnoteReference", "mention"] as const;
export const MARKS = ["bold", "italic", "strike", "code", "link", "insertion", "deletion", "modification"] as const;

export type NodeType = "doc" | (typeof BLOCK_NODES)[number] | (typeof INLINE_NODES)[number];
export type MarkType = (typeof MARKS)[number];

export interface PMMark {
  type: MarkType;
  attrs?: Record<string, string | number | boolean | null>;
}

export interface PMNode {
  type: NodeType;
  attrs?: Record<string, string | number | boolean | null>;
  content?: PMNode[];
  marks?: PMMark[];
  text?: string;
}

export interface PMDoc extends PMNode {
  type: "doc";
  content: PMNode[];
}

export function emptyDoc(): PMDoc {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

/** Walks every node depth-first. */
export function walk(node: PMNode, visit: (node: PMNode, parent: PMNode | null) => void, parent: PMNode | null = null): void {
  visit(node, parent);
  for (const child of node.content ?? []) walk(child, visit, node);
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** The text an inline node or a leaf block stands for in search and diffs. */
function ownText(node: PMNode): string | null {
  switch (node.type) {
    case "text":
      return node.text ?? "";
    case "hardBreak":
      return "\n";
    case "placeholder":
      return "";
    case "mermaid":
      return str(node.attrs?.source);
    case "image":
      return str(node.attrs?.alt);
    case "htmlInline":
    case "htmlBlock":
      return str(node.attrs?.html);
    case "footnoteReference":
      return `[^${str(node.attrs?.label) || str(node.attrs?.identifier)}]`;
    case "mention":
      return `@${str(node.attrs?.label)}`;
    case "definition": {
      const title = str(node.attrs?.title);
      return `[${str(node.attrs?.label)}]: ${str(node.attrs?.url)}${title ? ` "${title}"` : ""}`;
    }
    default:
      return null;
  }
}

const LEAF_BLOCKS: ReadonlySet<NodeType> = new Set(["paragraph", "heading", "codeBlock", "mermaid", "htmlBlock", "definition"]);

/**
 * Plain text of a body for search and diffs: blocks separated by newlines, Mermaid source,
 * raw HTML, image alt text, footnote markers and link definitions included, placeholders
 * (hints, not content) left out.
 */
export function docToText(doc: PMNode): string {
  const out: string[] = [];
  const blockText = (node: PMNode): string => ownText(node) ?? (node.content ?? []).map(blockText).join(node.type === "tableRow" ? " " : "");
  walk(doc, (node, parent) => {
    const isLeafBlock = LEAF_BLOCKS.has(node.type);
    if (isLeafBlock && parent) {
      const text = blockText(node).trim();
      if (text) out.push(text);
    }
  });
  return out.join("\n");
}
