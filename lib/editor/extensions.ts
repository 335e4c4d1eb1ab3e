import { mergeAttributes, Node, type AnyExtension } from "@tiptap/core";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { isSafeHref } from "./schema";

/** A Mermaid diagram: its source is the node's only content, drawn by the browser. */
export const Mermaid = Node.create({
  name: "mermaid",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return { source: { default: "" } };
  },
  parseHTML() {
    return [{ tag: "pre[data-type=mermaid]", getAttrs: (el) => ({ source: (el as HTMLElement).textContent ?? "" }) }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ["pre", mergeAttributes(HTMLAttributes, { "data-type": "mermaid" }), String(node.attrs.source ?? "")];
  },
});

/** A greyed template hint such as "[Project Name]": not content, replaced when typed over. */
export const Placeholder = Node.create({
  name: "placeholder",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { label: { default: "" } };
  },
  parseHTML() {
    return [{ tag: "span[data-placeholder]", getAttrs: (el) => ({ label: (el as HTMLElement).textContent ?? "" }) }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-placeholder": "", class: "sw-placeholder" }), String(node.attrs.label ?? "")];
  },
});

/**
 * The editor's extensions: the one list of nodes and marks (see schema.ts), shared by the
 * browser editor, server-side conversion and tests. `collaborative` drops the local
 * undo history, which the collaboration extension replaces.
 */
export function documentExtensions(options: { collaborative?: boolean } = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      underline: false,
      undoRedo: options.collaborative ? false : undefined,
      link: {
        openOnClick: false,
        autolink: true,
        isAllowedUri: (url) => isSafeHref(url),
      },
      heading: { levels: [1, 2, 3, 4, 5, 6] },
      // it appends an empty paragraph after a final list or table as soon as an editor
      // opens: merely opening a document would change its content (new version, stale
      // approvals); the gap cursor already lets the caret past a final block
      trailingNode: false,
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Mermaid,
    Placeholder,
  ];
}
