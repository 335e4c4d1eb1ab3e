import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from "prosemirror-inputrules";
import type { MarkType, Node as PMNode, Schema } from "prosemirror-model";
import { findWrapping } from "prosemirror-transform";
import { TextSelection, type Plugin } from "prosemirror-state";
import { markType, nodeType } from "./commands";

// Markdown typed at the start of a block (`# `, `- `, `1. `, `[ ] `, `> `, ``` ``` ```, `---`)
// and around text (**bold**, *italic*, ~~strike~~, `code`) becomes what it stands for.

/**
 * Text between markers becomes marked: the first capture group is the text with its
 * markers, the second the text. The closing marker just typed is not in the document yet;
 * the other markers are removed.
 */
function markRule(pattern: RegExp, type: MarkType): InputRule {
  return new InputRule(pattern, (state, match, start, end) => {
    const [all, whole, text] = match;
    if (!all || !whole || !text) return null;
    const from = start + all.length - whole.length;
    const textStart = from + whole.indexOf(text);
    const textEnd = textStart + text.length;
    const { parent } = state.doc.resolve(from);
    if (parent.type.spec.code || !parent.type.allowsMarkType(type)) return null;
    const tr = state.tr;
    if (textEnd < end) tr.delete(textEnd, end);
    if (textStart > from) tr.delete(from, textStart);
    return tr.addMark(from, from + text.length, type.create()).removeStoredMark(type);
  });
}

/** `---`, `___ ` or `*** ` alone in a paragraph: a horizontal rule, with a paragraph after it. */
const horizontalRule = new InputRule(/^(?:---|—-|___\s|\*\*\*\s)$/, (state, _match, start, end) => {
  const $start = state.doc.resolve(start);
  if ($start.parent.type.name !== "paragraph" || end !== $start.end()) return null;
  const before = $start.before();
  const paragraph = nodeType(state.schema, "paragraph");
  const tr = state.tr.replaceWith(before, $start.after(), [nodeType(state.schema, "horizontalRule").create(), paragraph.create()]);
  // after the rule (size 1), inside the new paragraph
  return tr.setSelection(TextSelection.create(tr.doc, before + 2));
});

/**
 * `[ ] ` or `[x] `: a task list whose first task is open or done. At the start of a bullet
 * list's item (as typed in GitHub Markdown, `- [ ] `), that bullet list becomes a task list.
 */
const taskRule = new InputRule(/^\s*\[([ x])?\]\s$/, (state, match, start, end) => {
  const checked = match[1] === "x";
  const taskList = nodeType(state.schema, "taskList");
  const taskItem = nodeType(state.schema, "taskItem");
  const tr = state.tr.delete(start, end);
  const $start = tr.doc.resolve(start);
  if ($start.depth >= 3 && $start.index(-1) === 0 && $start.node(-1).type.name === "listItem" && $start.node(-2).type.name === "bulletList") {
    const list = $start.node(-2);
    const at = $start.index(-2);
    const items: PMNode[] = [];
    list.forEach((item, _offset, i) => items.push(taskItem.create({ checked: i === at && checked }, item.content)));
    const from = $start.before(-2);
    tr.replaceWith(from, from + list.nodeSize, taskList.create(null, items));
    // the same structure: the caret stays where the markers were
    return tr.setSelection(TextSelection.create(tr.doc, start));
  }
  const range = $start.blockRange();
  const wrapping = range && findWrapping(range, taskList, null);
  if (!range || !wrapping) return null;
  const [list, item] = wrapping;
  return tr.wrap(range, [list!, { type: item!.type, attrs: { checked } }, ...wrapping.slice(2)]);
});

/** The Markdown input rules, on the node and mark types of `schema`. */
export function markdownInputRules(schema: Schema): Plugin {
  const nodes = (name: string) => nodeType(schema, name);
  const marks = (name: string) => markType(schema, name);
  return inputRules({
    rules: [
      textblockTypeInputRule(/^(#{1,6})\s$/, nodes("heading"), (m) => ({ level: m[1]!.length })),
      wrappingInputRule(/^\s*>\s$/, nodes("blockquote")),
      wrappingInputRule(/^\s*([-+*])\s$/, nodes("bulletList")),
      wrappingInputRule(
        /^(\d+)\.\s$/,
        nodes("orderedList"),
        (m) => ({ start: Number(m[1]) }),
        (m, node) => node.childCount + (node.attrs.start as number) === Number(m[1]),
      ),
      taskRule,
      textblockTypeInputRule(/^```([a-z]+)?[\s\n]$/, nodes("codeBlock"), (m) => ({ language: m[1] ?? null })),
      textblockTypeInputRule(/^~~~([a-z]+)?[\s\n]$/, nodes("codeBlock"), (m) => ({ language: m[1] ?? null })),
      horizontalRule,
      markRule(/(?:^|\s)(\*\*(?!\s+\*\*)([^*]+)\*\*(?!\s+\*\*))$/, marks("bold")),
      markRule(/(?:^|\s)(__(?!\s+__)([^_]+)__(?!\s+__))$/, marks("bold")),
      markRule(/(?:^|\s)(\*(?!\s+\*)([^*]+)\*(?!\s+\*))$/, marks("italic")),
      markRule(/(?:^|\s)(_(?!\s+_)([^_]+)_(?!\s+_))$/, marks("italic")),
      markRule(/(?:^|\s)(~~(?!\s+~~)([^~]+)~~(?!\s+~~))$/, marks("strike")),
      markRule(/(?:^|[^`])(`([^`]+)`(?!`))$/, marks("code")),
    ],
  });
}
