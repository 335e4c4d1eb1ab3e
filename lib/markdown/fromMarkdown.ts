import type { BlockContent, Definition, DefinitionContent, List, ListItem, Nodes, RootContent, Table } from "mdast";
import type { PMDoc, PMNode } from "../editor/schema";
import { safeDocumentHref } from "../editor/documentUrls";
import { InlineConverter, plainText, type Definitions } from "./fromMarkdownInline";
import { isLooseList, parseMarkdown } from "./parse";

export interface MarkdownToDocResult {
  doc: PMDoc;
  /** raw HTML and comments, and any construct the model has no node of its own for: kept verbatim as raw nodes, shown as source */
  keptAsText: string[];
}

export interface MdastToDocOptions {
  /** the text the nodes were parsed from (their positions point into it) */
  source?: string;
  /** link reference definitions of the whole file, by identifier (see `collectDefinitions`) */
  definitions?: Definitions;
}

type Block = RootContent | BlockContent | DefinitionContent;

/** Every link reference definition in a tree, by identifier; the first of a kind wins, as in CommonMark. */
export function collectDefinitions(nodes: readonly Nodes[]): Map<string, Definition> {
  const out = new Map<string, Definition>();
  const visit = (node: Nodes) => {
    if (node.type === "definition" && !out.has(node.identifier)) out.set(node.identifier, node);
    if ("children" in node) for (const child of node.children) visit(child);
  };
  nodes.forEach(visit);
  return out;
}

/** The definitions of a whole source, parsed once per source (sections of one file share them). */
let lastSource: { source: string; definitions: Map<string, Definition> } | null = null;
function definitionsOfSource(source: string): Map<string, Definition> {
  if (lastSource?.source !== source) lastSource = { source, definitions: collectDefinitions([parseMarkdown(source)]) };
  return lastSource.definitions;
}

/**
 * Whether a link definition is labelled like a footnote (`[^note]: long`): GFM reads one only
 * where a footnote definition cannot start (indented under another definition), and written
 * at a line's start it would be a footnote definition. It is kept as the text it shows.
 */
function isFootnoteLabel(node: Definition): boolean {
  return (node.label ?? node.identifier).startsWith("^");
}

function nonEmpty(blocks: PMNode[]): PMNode[] {
  return blocks.length ? blocks : [{ type: "paragraph" }];
}

class Converter {
  readonly keptAsText: string[] = [];
  private readonly inline: InlineConverter;

  private readonly definition: (identifier: string) => Definition | undefined;
  private readonly onHtml = (html: string) => void this.keptAsText.push(html);

  constructor(private readonly source: string | undefined, definitions: Definitions, fallback: (id: string) => Definition | undefined) {
    this.definition = (id) => definitions.get(id) ?? fallback(id);
    this.inline = new InlineConverter(source, this.definition, this.onHtml);
  }

  blocks(nodes: Block[]): PMNode[] {
    return nodes.flatMap((node) => this.block(node));
  }

  private block(node: Block): PMNode[] {
    switch (node.type) {
      case "heading":
        return [{ type: "heading", attrs: { level: node.depth }, content: this.inline.convert(node.children) }];
      case "paragraph": {
        const content = this.inline.convert(node.children);
        return [content.length ? { type: "paragraph", content } : { type: "paragraph" }];
      }
      case "code": {
        const meta = node.meta?.trim() || null;
        if ((node.lang ?? "").toLowerCase() === "mermaid") return [{ type: "mermaid", attrs: meta ? { source: node.value, meta } : { source: node.value } }];
        const attrs: Record<string, string | null> = { language: node.lang ?? null };
        if (meta) attrs.meta = meta;
        return [{ type: "codeBlock", attrs, ...(node.value ? { content: [{ type: "text", text: node.value }] } : {}) }];
      }
      case "blockquote":
        return [{ type: "blockquote", content: nonEmpty(this.blocks(node.children)) }];
      case "thematicBreak":
        return [{ type: "horizontalRule" }];
      case "list":
        return [this.list(node)];
      case "table":
        return [this.table(node)];
      case "html": {
        // an unclosed comment runs on to the end of its list item or quote, blank lines included; those are not content
        const html = node.value.replace(/(?:\n[ \t]*)+$/, "");
        this.keptAsText.push(html);
        return [{ type: "htmlBlock", attrs: { html } }];
      }
      case "definition": {
        if (safeDocumentHref(node.url) === null || isFootnoteLabel(node)) return [this.definitionAsText(node)];
        return [{ type: "definition", attrs: { identifier: node.identifier, label: node.label ?? node.identifier, url: node.url, title: node.title ?? null } }];
      }
      case "footnoteDefinition":
        return [{ type: "footnoteDefinition", attrs: { identifier: node.identifier, label: node.label ?? node.identifier }, content: nonEmpty(this.blocks(node.children)) }];
      default:
        return this.raw(node);
    }
  }

  /**
   * A definition whose target is no address we link to (`javascript:…`, or a template line such
   * as `[Component]: [Description]`), or one labelled like a footnote (`isFootnoteLabel`): its
   * text, as written, in a paragraph; references to the first kind keep their text only.
   * Nothing executable is left, and nothing is lost.
   */
  private definitionAsText(node: Definition): PMNode {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const written = this.source !== undefined && start !== undefined && end !== undefined ? this.source.slice(start, end).trim() : null;
    if (written !== null) {
      // read as the paragraph it would be were its first bracket escaped
      const source = `\\${written}`;
      const [paragraph, ...rest] = parseMarkdown(source).children;
      if (paragraph?.type === "paragraph" && rest.length === 0) {
        const content = new InlineConverter(source, this.definition, this.onHtml).convert(paragraph.children);
        return content.length ? { type: "paragraph", content } : { type: "paragraph" };
      }
    }
    const text = `[${node.label ?? node.identifier}]: ${node.url}${node.title ? ` "${node.title}"` : ""}`;
    return { type: "paragraph", content: this.inline.convert([{ type: "text", value: text }]) };
  }

  /** Anything else (front matter, an extension's node) stays as its source. */
  private raw(node: Block): PMNode[] {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const html = this.source !== undefined && start !== undefined && end !== undefined ? this.source.slice(start, end) : plainText(node);
    if (!html) return [];
    this.keptAsText.push(html);
    return [{ type: "htmlBlock", attrs: { html } }];
  }

  private list(node: List): PMNode {
    const spread = isLooseList(node);
    if (node.children.every((item) => typeof item.checked === "boolean")) {
      const items = node.children.map((item) => ({ type: "taskItem" as const, attrs: { checked: item.checked === true }, content: this.itemBody(item) }));
      // a numbered task list (`1. [ ] …`) keeps its start number
      return { type: "taskList", attrs: node.ordered ? { spread, start: node.start ?? 1 } : { spread }, content: items };
    }
    // a list that mixes tasks and plain items: each item keeps its own checkbox
    const items = node.children.map((item) => ({
      type: "listItem" as const,
      ...(typeof item.checked === "boolean" ? { attrs: { checked: item.checked } } : {}),
      content: this.itemBody(item),
    }));
    return node.ordered ? { type: "orderedList", attrs: { start: node.start ?? 1, spread }, content: items } : { type: "bulletList", attrs: { spread }, content: items };
  }

  /** A list item holds a paragraph first, then any blocks. */
  private itemBody(item: ListItem): PMNode[] {
    const blocks = this.blocks(item.children);
    return blocks[0]?.type === "paragraph" ? blocks : [{ type: "paragraph" }, ...blocks];
  }

  private table(node: Table): PMNode {
    const rows = node.children.map((row, r) => ({
      type: "tableRow" as const,
      content: row.children.map((cell, c) => {
        const content = this.inline.convert(cell.children);
        const align = node.align?.[c] ?? null;
        return {
          type: r === 0 ? ("tableHeader" as const) : ("tableCell" as const),
          ...(align ? { attrs: { align } } : {}),
          content: [content.length ? { type: "paragraph" as const, content } : { type: "paragraph" as const }],
        };
      }),
    }));
    return { type: "table", content: rows };
  }
}

/**
 * Converts GitHub-flavoured Markdown to the editor's document JSON (see `mdastToDoc`).
 * Reference links resolve against the definitions anywhere in `markdown`.
 */
export function markdownToDoc(markdown: string): MarkdownToDocResult {
  const root = parseMarkdown(markdown);
  return mdastToDoc(root.children, { source: markdown, definitions: collectDefinitions([root]) });
}

/**
 * Converts already-parsed top-level mdast blocks (for example one section's share of a file
 * parsed whole) to document JSON: headings, paragraphs with soft line breaks kept as "\n",
 * lists (loose or tight, start numbers, task items with their state), tables with column
 * alignment, code with its info string, ```mermaid fences as Mermaid nodes, raw HTML and
 * comments verbatim (`htmlBlock`/`htmlInline`), images, footnotes, link reference
 * definitions where they stand, links with their reference or autolink form, and
 * `[Placeholder]`/`{placeholder}` text as greyed hint nodes. Unsafe link and image targets
 * are made inert, their text kept. `options` may be the source text alone; references
 * resolve against `definitions`, else the nodes' own, else the whole `source`. Pure.
 */
export function mdastToDoc(nodes: RootContent[], options: string | MdastToDocOptions = {}): MarkdownToDocResult {
  const { source, definitions } = typeof options === "string" ? { source: options, definitions: undefined } : options;
  const own = definitions ?? collectDefinitions(nodes);
  const converter = new Converter(source, own, (id) => (source !== undefined ? definitionsOfSource(source).get(id) : undefined));
  const content = converter.blocks(nodes);
  return { doc: { type: "doc", content: nonEmpty(content) }, keptAsText: converter.keptAsText };
}

/** The blocks of `mdastToDoc` alone (a section's body content), for callers that assemble their own document. */
export function mdastToBlocks(nodes: RootContent[], options: string | MdastToDocOptions = {}): PMNode[] {
  return mdastToDoc(nodes, options).doc.content;
}
