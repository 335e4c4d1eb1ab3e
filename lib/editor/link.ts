import { Extension, getMarkRange } from "@tiptap/core";
import type { Node as PMNode, ResolvedPos } from "@tiptap/pm/model";
import { Plugin, type EditorState } from "@tiptap/pm/state";
import { safeHref } from "../util/safeUrl";
import { safeDocumentHref } from "./documentUrls";

// Links: Ctrl/Cmd+K opens the link form for the selection (components/editor/sectionCommands.ts);
// Ctrl/Cmd+click opens one. Only addresses `safeHref` accepts are kept. An address typed or
// pasted as text becomes a link by tiptap Link's autolink and paste rule (linkifyjs; see
// extensions.ts).

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

/** The link at or just before a position (the one a caret at its end is in), and its extent. */
function linkAround($pos: ResolvedPos): { from: number; to: number; href: string } | null {
  const type = $pos.parent.type.schema.marks.link;
  if (!type) return null;
  const at = (node: PMNode | null) => (node ? type.isInSet(node.marks) : undefined);
  const mark = at($pos.parent.childAfter($pos.parentOffset).node) ?? at($pos.parent.childBefore($pos.parentOffset).node);
  const range = mark ? getMarkRange($pos, type, mark.attrs) : undefined;
  return mark && range ? { ...range, href: String(mark.attrs.href ?? "") } : null;
}

/** The address of the link at the selection's start (or around the caret), or "". */
export function linkHrefAt(state: EditorState): string {
  return linkAround(state.selection.$from)?.href ?? "";
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    linkEditing: {
      /**
       * Links the selection to `href` (or, with an empty selection, the link around the caret);
       * an empty `href` removes the link. With the caret outside any link, the address itself
       * is inserted as linked text. An unsafe address is refused (false).
       */
      applyLink: (href: string) => ReturnType;
    };
  }
}

/**
 * A link opens in a new tab on Ctrl/Cmd+click, or on a plain click where the text cannot
 * be edited (a plain click in an editable section places the caret).
 */
const linkClicks = new Plugin({
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

/**
 * What the link form and a click do with links, beside tiptap Link (which links addresses typed
 * and pasted, `extensions.ts`): `applyLink`, tiptap's own mark commands put together, and
 * `linkClicks`, since tiptap Link opens a link on a plain click in editable text only.
 */
export const LinkEditing = Extension.create({
  name: "linkEditing",
  addCommands() {
    return {
      applyLink:
        (href) =>
        ({ state, chain }) => {
          const address = href.trim();
          const target = address ? safeHref(address) : "";
          if (target === null) return false;
          const { empty, $from, from, to } = state.selection;
          const around = empty ? linkAround($from) : null;
          if (empty && !around) {
            if (!target || $from.parent.type.spec.code) return false;
            return chain()
              .insertContent({ type: "text", text: address, marks: [{ type: "link", attrs: { href: target } }] })
              .scrollIntoView()
              .run();
          }
          const range = around ?? { from, to };
          const linking = chain().setTextSelection(range).unsetMark("link");
          if (target) linking.setLink({ href: target });
          // the selection as it was (a caret stays a caret, not the whole link selected)
          return linking.setTextSelection({ from, to }).scrollIntoView().run();
        },
    };
  },
  addProseMirrorPlugins: () => [linkClicks],
});
