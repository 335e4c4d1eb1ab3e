import { Extension, InputRule } from "@tiptap/core";
import type { Node as PMNode } from "prosemirror-model";
import { TextSelection } from "prosemirror-state";
import { safeHref } from "../util/safeUrl";

// Markdown typed at the start of a block and around words is tiptap's own input rules, those
// of the extensions in the document's list (`# `, `- `, `1. `, `> `, ``` ``` ```, `---`, `[ ] `,
// **bold**, *italic*, ~~strike~~, `code`). What they lack is here: GitHub's task list syntax in
// a bullet list, and [text](address).

/**
 * `[ ] ` or `[x] ` at the start of a bullet list's item (as typed in GitHub Markdown,
 * `- [ ] `): that bullet list becomes a task list, the item open or done. Elsewhere the task
 * item's own rule wraps the paragraph in a task list.
 */
const taskListFromBullets = new InputRule({
  find: /^\s*\[([ x])?\]\s$/,
  handler: ({ state, range, match }) => {
    const { tr } = state;
    const $start = tr.doc.resolve(range.from);
    if ($start.depth < 3 || $start.index(-1) !== 0 || $start.node(-1).type.name !== "listItem" || $start.node(-2).type.name !== "bulletList") return null;
    const { taskList, taskItem } = state.schema.nodes;
    if (!taskList || !taskItem) return null;
    const at = $start.index(-2);
    const from = $start.before(-2);
    tr.delete(range.from, range.to);
    const items: PMNode[] = [];
    tr.doc.nodeAt(from)!.forEach((item, _offset, i) => items.push(taskItem.create({ checked: i === at && match[1] === "x" }, item.content)));
    tr.replaceWith(from, from + tr.doc.nodeAt(from)!.nodeSize, taskList.create(null, items));
    // the same structure: the caret stays where the markers were
    tr.setSelection(TextSelection.create(tr.doc, range.from));
  },
});

/**
 * `[text](address)` typed, as the ")" closes it: the text, linked, with the marks it had.
 * An address a link may not have (`javascript:`, a typo) leaves what was typed as it is; so
 * does an image (`![alt](…)`) or an escaped bracket.
 */
const markdownLink = new InputRule({
  find: /(?:^|[^!\\])(\[([^\]\n]+)\]\(([^()\s]+)\))$/,
  handler: ({ state, range, match }) => {
    const [all, whole, text, address] = match;
    const href = address ? safeHref(address) : null;
    const link = state.schema.marks.link;
    if (!all || !whole || !text || !href || !link) return null;
    const from = range.from + all.length - whole.length;
    const $from = state.doc.resolve(from);
    if ($from.parent.type.spec.code || !$from.parent.type.allowsMarkType(link)) return null;
    const { tr } = state;
    tr.replaceWith(from, range.to, state.schema.text(text, [...$from.marks().filter((m) => m.type !== link), link.create({ href })]));
    tr.removeStoredMark(link);
  },
});

/** The Markdown input rules tiptap's extensions do not have; before theirs (the task item's wraps instead). */
export const MarkdownInputRules = Extension.create({
  name: "markdownInputRules",
  priority: 1000,
  addInputRules() {
    return [taskListFromBullets, markdownLink];
  },
});
