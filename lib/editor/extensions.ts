import { mergeAttributes, Node, type AnyExtension } from "@tiptap/core";
import { Blockquote } from "@tiptap/extension-blockquote";
import { Bold } from "@tiptap/extension-bold";
import { Code } from "@tiptap/extension-code";
import { CodeBlock } from "@tiptap/extension-code-block";
import { Document } from "@tiptap/extension-document";
import { HardBreak } from "@tiptap/extension-hard-break";
import { Heading } from "@tiptap/extension-heading";
import { HorizontalRule } from "@tiptap/extension-horizontal-rule";
import { Italic } from "@tiptap/extension-italic";
import { BulletList, ListItem, ListKeymap, OrderedList, TaskItem, TaskList } from "@tiptap/extension-list";
import { Paragraph } from "@tiptap/extension-paragraph";
import { Strike } from "@tiptap/extension-strike";
import { TableCell } from "@tiptap/extension-table/cell";
import { TableHeader } from "@tiptap/extension-table/header";
import { TableRow } from "@tiptap/extension-table/row";
import { Text } from "@tiptap/extension-text";
import { Dropcursor } from "@tiptap/extensions/drop-cursor";
import { Gapcursor } from "@tiptap/extensions/gap-cursor";
import { Link } from "./link";
import { Table } from "./table";

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
 * browser editor, server-side conversion and tests. No local undo history: the
 * collaboration extension brings its own (per person). Listed one by one rather
 * than through StarterKit, so the browser loads only what the document model uses.
 * Deliberately absent: the trailing-node rule (it appends an empty paragraph after a
 * final list or table as soon as an editor opens, so merely opening a document would
 * change it — a new version, stale approvals; the gap cursor lets the caret past a
 * final block) and underline (not in the model).
 */
export function documentExtensions(): AnyExtension[] {
  return [
    Document,
    Paragraph,
    Text,
    Heading.configure({ levels: [1, 2, 3, 4, 5, 6] }),
    Bold,
    Italic,
    Strike,
    Code,
    Link,
    Blockquote,
    BulletList,
    OrderedList,
    ListItem,
    ListKeymap,
    CodeBlock,
    HorizontalRule,
    HardBreak,
    Dropcursor,
    Gapcursor,
    TaskList,
    TaskItem.configure({ nested: true }),
    Table,
    TableRow,
    TableHeader,
    TableCell,
    Mermaid,
    Placeholder,
  ];
}
