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
] as const;
export const INLINE_NODES = ["text", "hardBreak", "placeholder", "image"] as const;
export const MARKS = ["bold", "italic", "strike", "code", "link"] as const;

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

/**
 * Plain text of a body for search and diffs: blocks separated by newlines, Mermaid source
 * included, placeholders (hints, not content) left out.
 */
export function docToText(doc: PMNode): string {
  const out: string[] = [];
  const blockText = (node: PMNode): string => {
    if (node.type === "text") return node.text ?? "";
    if (node.type === "hardBreak") return "\n";
    if (node.type === "placeholder") return "";
    if (node.type === "mermaid") return String(node.attrs?.source ?? "");
    return (node.content ?? []).map(blockText).join(node.type === "tableRow" ? " " : "");
  };
  walk(doc, (node, parent) => {
    const isLeafBlock = node.type === "paragraph" || node.type === "heading" || node.type === "codeBlock" || node.type === "mermaid";
    if (isLeafBlock && parent) {
      const text = blockText(node).trim();
      if (text) out.push(text);
    }
  });
  return out.join("\n");
}
