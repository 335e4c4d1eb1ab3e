import { Slice } from "prosemirror-model";
import type { EditorView } from "prosemirror-view";
import { normalizeDoc } from "@/lib/editor/documentSchema";

/** A line that starts a Markdown block (heading, list, quote, fence, table row), or inline bold or links. */
const MARKDOWN = /^(?:#{1,6}\s|\s*[-*+]\s|\s*\d+[.)]\s|>\s?|```|~~~|\|.+\|\s*$)|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)/m;
/** HTML that carries structure of its own (a web page, a word processor): pasted as HTML. */
const STRUCTURED_HTML = /<(?:h[1-6]|ul|ol|li|table|p|pre|blockquote|strong|b|em|i|a)[\s>]/i;

/**
 * Whether a paste is Markdown to convert: plain text that reads as Markdown, with no HTML
 * or only presentational HTML (a code editor's coloured copy of a .md file).
 */
export function isMarkdownPaste(data: DataTransfer): boolean {
  const text = data.getData("text/plain");
  const html = data.getData("text/html");
  return !!text && MARKDOWN.test(text) && (!html || !STRUCTURED_HTML.test(html));
}

/** Inserts Markdown as rich text in place of the selection; the converter loads with the first such paste. Settles once inserted. */
export function pasteMarkdown(view: EditorView, text: string, isLive: () => boolean): Promise<void> {
  return import("@/lib/markdown/fromMarkdown").then(({ markdownToDoc }) => {
    if (!isLive()) return;
    const doc = view.state.schema.nodeFromJSON(normalizeDoc(markdownToDoc(text).doc));
    view.dispatch(view.state.tr.replaceSelection(Slice.maxOpen(doc.content)).scrollIntoView().setMeta("uiEvent", "paste"));
  });
}
