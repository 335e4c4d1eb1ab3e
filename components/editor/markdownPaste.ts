import { Slice } from "prosemirror-model";
import type { EditorView } from "prosemirror-view";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { keepPoint, pointNow } from "./comments/anchors";

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

/**
 * Inserts Markdown as rich text in place of the selection; the converter loads with the first
 * such paste. What is typed while it loads goes after the paste, where it was typed: the
 * selection goes at once and the paste lands at its place, kept through edits meanwhile.
 * Settles once inserted.
 */
export function pasteMarkdown(view: EditorView, text: string, isLive: () => boolean): Promise<void> {
  if (!view.state.selection.empty) view.dispatch(view.state.tr.deleteSelection().setMeta("uiEvent", "paste"));
  const point = keepPoint(view.state, view.state.selection.from);
  return import("@/lib/markdown/fromMarkdown").then(({ markdownToDoc }) => {
    if (!isLive()) return;
    const doc = view.state.schema.nodeFromJSON(normalizeDoc(markdownToDoc(text).doc));
    const slice = Slice.maxOpen(doc.content);
    const { selection } = view.state;
    const at = point ? pointNow(view.state, point) : null;
    const tr = view.state.tr;
    // nothing typed meanwhile (or its place was deleted): at the caret, as any paste
    if (at === null || (selection.empty && at === selection.from)) tr.replaceSelection(slice);
    else tr.replaceRange(at, at, slice);
    view.dispatch(tr.scrollIntoView().setMeta("uiEvent", "paste"));
  });
}
