import type { Mark, MarkType, ResolvedPos, Schema } from "prosemirror-model";
import { Plugin, type Command, type EditorState } from "prosemirror-state";
import { safeHref } from "../util/safeUrl";
import { safeDocumentHref } from "./documentUrls";

// Links: Ctrl/Cmd+K opens the link form for the selection; Ctrl/Cmd+click opens one. Only
// addresses `safeHref` accepts are kept. An address typed or pasted as text becomes a link by
// tiptap Link's autolink and paste rule (linkifyjs; see components/editor/sectionExtensions.ts).

/**
 * Whether an address found in typed or pasted text becomes a link: written with http(s)://,
 * mailto: or www. (then https), and safe. A file name that happens to end in a country's
 * domain (README.md, main.py, run.sh) stays text.
 */
export function isAutolinkAddress(text: string): boolean {
  return /^(?:https?:\/\/|mailto:|www\.)/i.test(text) && safeHref(withScheme(text), { allowRelative: false }) !== null;
}

/** Whether a link may point at this address (one typed, pasted or found in text): `safeHref`'s rule, www. read as https. */
export function isAllowedLinkAddress(text: string): boolean {
  return safeHref(withScheme(text)) !== null;
}

function withScheme(text: string): string {
  return /^www\./i.test(text) ? `https://${text}` : text;
}

/** The link mark of a schema. */
function linkType(schema: Schema): MarkType {
  const link = schema.marks.link;
  if (!link) throw new Error("the schema has no links");
  return link;
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
