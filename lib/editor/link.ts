import { InputRule } from "prosemirror-inputrules";
import { Fragment, Slice, type Mark, type MarkType, type Node as PMNode, type ResolvedPos, type Schema } from "prosemirror-model";
import { Plugin, type Command, type EditorState } from "prosemirror-state";
import { safeHref } from "../util/safeUrl";
import { safeDocumentHref } from "./documentUrls";

// Links: an address typed followed by a space, or pasted as text, becomes a link; Ctrl/Cmd+K
// opens the link form for the selection; Ctrl/Cmd+click opens one. Only addresses `safeHref` accepts are kept.

/** The link mark of a schema. */
function linkType(schema: Schema): MarkType {
  const link = schema.marks.link;
  if (!link) throw new Error("the schema has no links");
  return link;
}

/** An address typed or pasted as plain text: http(s), mailto, or www. without a scheme. */
const URL_TEXT = /(?:https?:\/\/|mailto:|www\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]/;

function hrefOf(text: string): string {
  return text.startsWith("www.") ? `https://${text}` : text;
}

/** The link mark at or just before a position, and its extent, if there is one. */
function linkRange($pos: ResolvedPos): { from: number; to: number; mark: Mark } | null {
  const { parent } = $pos;
  const link = linkType(parent.type.schema);
  let index = $pos.index();
  let mark = link.isInSet(parent.maybeChild(index)?.marks ?? []);
  if (!mark && $pos.textOffset === 0 && index > 0) mark = link.isInSet(parent.child(--index).marks);
  if (!mark) return null;
  let first = index;
  let end = index + 1;
  while (first > 0 && mark.isInSet(parent.child(first - 1).marks)) first--;
  while (end < parent.childCount && mark.isInSet(parent.child(end).marks)) end++;
  let from = $pos.start();
  for (let i = 0; i < first; i++) from += parent.child(i).nodeSize;
  let to = from;
  for (let i = first; i < end; i++) to += parent.child(i).nodeSize;
  return { from, to, mark };
}

/** The address of the link at the selection's start (or around the caret), or "". */
export function linkHrefAt(state: EditorState): string {
  return String(linkRange(state.selection.$from)?.mark.attrs.href ?? "");
}

/**
 * Links the selection to `href` (or, with an empty selection, the link around the caret);
 * an empty `href` removes the link. With the caret outside any link, the address itself is
 * inserted as linked text. An unsafe address is refused (returns false).
 */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const target = href.trim() ? safeHref(href.trim()) : "";
    if (target === null) return false;
    const link = linkType(state.schema);
    let { from, to } = state.selection;
    if (from === to) {
      const around = linkRange(state.selection.$from);
      if (!around) {
        if (!target || state.selection.$from.parent.type.spec.code) return false;
        if (dispatch) dispatch(state.tr.insert(from, state.schema.text(href.trim(), [link.create({ href: target })])).scrollIntoView());
        return true;
      }
      ({ from, to } = around);
    }
    if (dispatch) {
      const tr = state.tr.removeMark(from, to, link);
      if (target) tr.addMark(from, to, link.create({ href: target }));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** An address followed by the typed space becomes a link. */
export const autolinkRule = new InputRule(new RegExp(`(?:^|\\s)(${URL_TEXT.source})\\s$`), (state, match, _start, end) => {
  const text = match[1]!;
  const href = safeHref(hrefOf(text), { allowRelative: false });
  // `end` is the caret; the typed space is not in the document yet
  const from = end - text.length;
  const link = linkType(state.schema);
  if (!href || state.doc.rangeHasMark(from, end, link)) return null;
  return state.tr.addMark(from, end, link.create({ href })).insertText(" ", end);
});

/** Addresses in pasted text become links (unless already linked or unsafe). */
function linkAddresses(fragment: Fragment, link: MarkType): Fragment {
  const out: PMNode[] = [];
  fragment.forEach((node) => {
    if (!node.isText) {
      out.push(node.copy(linkAddresses(node.content, link)));
      return;
    }
    const text = node.text ?? "";
    if (link.isInSet(node.marks) || node.marks.some((m: Mark) => m.type.spec.code)) {
      out.push(node);
      return;
    }
    let last = 0;
    for (const match of text.matchAll(new RegExp(URL_TEXT.source, "g"))) {
      const href = safeHref(hrefOf(match[0]), { allowRelative: false });
      if (!href) continue;
      if (match.index > last) out.push(node.cut(last, match.index));
      out.push(node.cut(match.index, match.index + match[0].length).mark(link.create({ href }).addToSet(node.marks)));
      last = match.index + match[0].length;
    }
    out.push(last ? node.cut(last) : node);
  });
  return Fragment.fromArray(out.filter((n) => !n.isText || n.text));
}

export const autolinkPaste = new Plugin({
  props: {
    transformPasted: (slice, view) =>
      view.state.selection.$from.parent.type.spec.code ? slice : new Slice(linkAddresses(slice.content, linkType(view.state.schema)), slice.openStart, slice.openEnd),
  },
});

/**
 * A link opens in a new tab on Ctrl/Cmd+click, or on a plain click where the text cannot
 * be edited (a plain click in an editable section places the caret).
 */
export const linkClicks = new Plugin({
  props: {
    handleClick: (view, _pos, event) => {
      if (event.button !== 0 || !(event.target instanceof Element)) return false;
      const anchor = event.target.closest("a[href]");
      if (!anchor || !view.dom.contains(anchor)) return false;
      if (view.editable && !(event.ctrlKey || event.metaKey)) return false;
      const href = safeDocumentHref(anchor.getAttribute("href"));
      if (!href) return false;
      window.open(href, "_blank", "noopener,noreferrer");
      return true;
    },
  },
});
