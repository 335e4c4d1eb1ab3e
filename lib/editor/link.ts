import { InputRule, Mark, markPasteRule, mergeAttributes } from "@tiptap/core";
import { isSafeHref } from "./schema";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    link: {
      /** Links the selection (an unsafe address is refused). */
      setLink: (attributes: { href: string; title?: string | null }) => ReturnType;
      /** Removes the link around the caret or from the selection. */
      unsetLink: () => ReturnType;
    };
  }
}

/** An address typed or pasted as plain text: http(s), mailto, or www. without a scheme. */
const URL_TEXT = /(?:https?:\/\/|mailto:|www\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]/;

function hrefOf(text: string): string {
  return text.startsWith("www.") ? `https://${text}` : text;
}

/**
 * Links: the mark the document model calls "link", with tiptap's attributes (href,
 * target, rel, class, title), so stored content reads the same. Only http(s), mailto and
 * relative addresses are kept (isSafeHref), whether parsed, set or rendered. An address
 * typed followed by a space, or pasted as text, becomes a link.
 */
export const Link = Mark.create({
  name: "link",
  priority: 1000,
  keepOnSplit: false,
  exitable: true,
  inclusive: false,
  addAttributes() {
    return {
      href: { default: null, parseHTML: (el) => el.getAttribute("href") },
      target: { default: "_blank" },
      rel: { default: "noopener noreferrer nofollow" },
      class: { default: null },
      title: { default: null },
    };
  },
  parseHTML() {
    return [{ tag: "a[href]", getAttrs: (el) => (isSafeHref((el as HTMLElement).getAttribute("href") ?? "") ? null : false) }];
  },
  renderHTML({ HTMLAttributes }) {
    const href = String(HTMLAttributes.href ?? "");
    return ["a", mergeAttributes(HTMLAttributes, { href: isSafeHref(href) ? href : "" }), 0];
  },
  addCommands() {
    return {
      setLink:
        (attributes) =>
        ({ chain }) =>
          isSafeHref(attributes.href) && chain().setMark(this.name, attributes).run(),
      unsetLink:
        () =>
        ({ chain }) =>
          chain().unsetMark(this.name, { extendEmptyMarkRange: true }).run(),
    };
  },
  addInputRules() {
    const type = this.type;
    return [
      new InputRule({
        find: new RegExp(`(?:^|\\s)(${URL_TEXT.source})\\s$`),
        // `range.to` is the caret; the typed space is not in the document yet
        handler: ({ state, range, match }) => {
          const text = match[1]!;
          const href = hrefOf(text);
          const end = range.to;
          const start = end - text.length;
          if (!isSafeHref(href) || state.doc.rangeHasMark(start, end, type)) return null;
          state.tr.addMark(start, end, type.create({ href })).insertText(" ", end);
        },
      }),
    ];
  },
  addPasteRules() {
    return [
      markPasteRule({
        find: new RegExp(URL_TEXT.source, "g"),
        type: this.type,
        getAttributes: (match) => {
          const href = hrefOf(match[0]);
          return isSafeHref(href) ? { href } : false;
        },
      }),
    ];
  },
});
