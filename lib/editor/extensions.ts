import { Extension, Mark, Node, markPasteRule, type AnyExtension, type Attributes } from "@tiptap/core";
import { Code } from "@tiptap/extension-code";
import { CodeBlock } from "@tiptap/extension-code-block";
import { Link } from "@tiptap/extension-link";
import { BulletList, ListItem, OrderedList, TaskItem, TaskList } from "@tiptap/extension-list";
import { Paragraph } from "@tiptap/extension-paragraph";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import type { MarkSpec, NodeSpec } from "@tiptap/pm/model";
import { StarterKit } from "@tiptap/starter-kit";
import { find } from "linkifyjs";
import { isAllowedLinkAddress, isAutolinkAddress } from "./link";
import { documentMarkSpecs, documentNodeSpecs } from "./nodeSpecs";
import { disabledWhileReadOnly, TASK_ITEM_OPTIONS } from "./taskItem";

// The one tiptap extension list of the document (issue 17). No React, no DOM: it builds a
// schema anywhere. Names, content, groups and flags come from tiptap's extensions where
// tiptap has the node; attributes and the HTML a node reads and writes come from our specs
// (nodeSpecs.ts, markdownNodes.ts), so there is one definition of each.

function spec(name: string): NodeSpec {
  const found = documentNodeSpecs[name];
  if (!found) throw new Error(`no node spec "${name}"`);
  return found;
}

function markSpec(name: string): MarkSpec {
  const found = documentMarkSpecs[name];
  if (!found) throw new Error(`no mark spec "${name}"`);
  return found;
}

/**
 * A spec's attributes as tiptap attributes: the same names, order and defaults. Values are
 * read from HTML only by the spec's own parse rules (an attribute's own `parseHTML` would
 * override them, reading `target` or `class` straight from pasted HTML), and written only
 * by the spec's `toDOM`.
 */
function attributesOf(attrs: NodeSpec["attrs"] | MarkSpec["attrs"]): Attributes {
  return Object.fromEntries(Object.entries(attrs ?? {}).map(([name, attr]) => [name, { default: attr.default, rendered: false, parseHTML: () => null }]));
}

/** What a node spec contributes to a tiptap node: attributes, parse rules and rendering. */
function htmlOf(nodeSpec: NodeSpec) {
  const { toDOM } = nodeSpec;
  if (!toDOM) throw new Error("a document node without toDOM");
  return {
    addAttributes: () => attributesOf(nodeSpec.attrs),
    parseHTML: () => nodeSpec.parseDOM ?? [],
    renderHTML: ({ node }: { node: Parameters<typeof toDOM>[0] }) => toDOM(node),
  };
}

/** One of our own nodes (Mermaid, placeholder, the Markdown nodes) as a tiptap node. */
function ownNode(name: string) {
  const nodeSpec = spec(name);
  return Node.create({
    name,
    group: nodeSpec.group,
    content: nodeSpec.content,
    marks: nodeSpec.marks,
    inline: nodeSpec.inline,
    atom: nodeSpec.atom,
    selectable: nodeSpec.selectable,
    draggable: nodeSpec.draggable,
    code: nodeSpec.code,
    defining: nodeSpec.defining,
    isolating: nodeSpec.isolating,
    whitespace: nodeSpec.whitespace,
    ...htmlOf(nodeSpec),
  });
}

/** A tracked-change mark of suggestion mode (nodeSpecs.ts), as a tiptap mark. */
function suggestionMark(name: "insertion" | "deletion" | "modification") {
  const mark = markSpec(name);
  const { toDOM } = mark;
  if (!toDOM) throw new Error("a suggestion mark without toDOM");
  return Mark.create({
    name,
    inclusive: mark.inclusive,
    excludes: mark.excludes,
    addAttributes: () => attributesOf(mark.attrs),
    parseHTML: () => mark.parseDOM ?? [],
    renderHTML: ({ mark: value }) => toDOM(value, true),
  });
}

/**
 * Spec fields tiptap's node config has no key for (a hard break's `leafText`, "\n" in
 * search text and `textBetween`), added to the nodes whose spec has them.
 */
const SpecOnlyFields = Extension.create({
  name: "documentSpecOnlyFields",
  extendNodeSchema(extension) {
    const leafText = documentNodeSpecs[extension.name]?.leafText;
    return leafText ? { leafText } : {};
  },
});

const link = markSpec("link");
const linkToDOM = link.toDOM;

/** The document's link: tiptap's Link with our attributes, parsing and rendering (`safeDocumentHref`, `linkAttributes`). */
const DocumentLink = Link.extend({
  inclusive: link.inclusive,
  addAttributes: () => attributesOf(link.attrs),
  parseHTML: () => link.parseDOM ?? [],
  renderHTML: ({ mark }) => {
    if (!linkToDOM) throw new Error("link without toDOM");
    return linkToDOM(mark, false);
  },
  // addresses in pasted text, found as the autolink finds typed ones: www. addresses get https
  // (tiptap's own rule reads them as http)
  addPasteRules() {
    return [
      markPasteRule({
        type: this.type,
        find: (text) =>
          find(text, { defaultProtocol: "https" })
            .filter((found) => found.isLink && isAutolinkAddress(found.value) && isAllowedLinkAddress(found.href))
            .map((found) => ({ text: found.value, index: found.start, data: { href: found.href } })),
        getAttributes: (match) => ({ href: (match.data as { href?: string } | undefined)?.href }),
      }),
    ];
  },
}).configure({
  // Ctrl/Cmd+click opens a link (lib/editor/link.ts linkClicks)
  openOnClick: false,
  // in the editor: an address typed (then a space or Enter) or pasted becomes a link, and one
  // pasted over selected text links it; www. addresses get https
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: "https",
  shouldAutoLink: isAutolinkAddress,
  // addresses a person types or pastes pass the link dialog's rule
  isAllowedUri: isAllowedLinkAddress,
});

/** The document's nodes and marks, as tiptap extensions: the order of marks is their order in JSON. */
export const documentExtensions: AnyExtension[] = [
  StarterKit.configure({
    // ours below: extra attributes or HTML, or (code) a later place among the marks
    paragraph: false,
    codeBlock: false,
    code: false,
    bulletList: false,
    orderedList: false,
    listItem: false,
    link: false,
    // not in the document model
    underline: false,
    // editing behaviour is lib/editor/editing.ts, not part of the document
    undoRedo: false,
    dropcursor: false,
    gapcursor: false,
    trailingNode: false,
    listKeymap: false,
  }),
  // a soft line break is "\n" in a paragraph's text (see nodeSpecs.ts)
  Paragraph.extend({ whitespace: spec("paragraph").whitespace, ...htmlOf(spec("paragraph")) }),
  CodeBlock.extend({ marks: spec("codeBlock").marks, ...htmlOf(spec("codeBlock")) }),
  Code,
  DocumentLink,
  BulletList.extend(htmlOf(spec("bulletList"))),
  OrderedList.extend(htmlOf(spec("orderedList"))),
  ListItem.extend(htmlOf(spec("listItem"))),
  TaskList.extend(htmlOf(spec("taskList"))),
  TaskItem.extend({
    ...htmlOf(spec("taskItem")),
    // Enter in a task starts a new one unticked (tiptap's splitListItem keeps only attributes kept on split)
    addAttributes: () => {
      const attributes = attributesOf(spec("taskItem").attrs);
      return { ...attributes, checked: { ...attributes.checked, keepOnSplit: false } };
    },
    addNodeView() {
      const render = this.parent?.();
      return render ? disabledWhileReadOnly(render) : null;
    },
  }).configure(TASK_ITEM_OPTIONS),
  Table.extend(htmlOf(spec("table"))).configure({ resizable: false }),
  TableRow.extend(htmlOf(spec("tableRow"))),
  TableHeader.extend(htmlOf(spec("tableHeader"))),
  TableCell.extend(htmlOf(spec("tableCell"))),
  ownNode("mermaid"),
  ownNode("placeholder"),
  ownNode("mention"),
  ownNode("image"),
  ownNode("htmlBlock"),
  ownNode("htmlInline"),
  ownNode("footnoteReference"),
  ownNode("footnoteDefinition"),
  ownNode("definition"),
  suggestionMark("insertion"),
  suggestionMark("deletion"),
  suggestionMark("modification"),
  SpecOnlyFields,
];
