import { DOMParser as SchemaParser, Fragment, type Node as ProseNode, type Schema } from "prosemirror-model";
import { EditorState, NodeSelection, TextSelection, type Selection, type Transaction } from "prosemirror-state";
import { Mapping, ReplaceStep } from "prosemirror-transform";
import type { PMNode } from "@/lib/editor/schema";
import type { EarlyEdit } from "./earlyEdit";

/**
 * The editor's change that makes its text what the browser edited before it started. The
 * text's HTML draws each block as one element: the blocks the browser left as they were are
 * found at both ends, and only the ones between (with the one holding the caret) are read with
 * the editor's own schema and replace the same blocks of the editor's text, the caret where it
 * was last seen. When someone else wrote in the text meanwhile, the person's change is made
 * to the text they saw and carried over theirs (`mergedWithOthers`). Null when that would not
 * give exactly what the person saw: the two changes touch (whose words come first is not
 * known), or reading those blocks loses or adds text (a block the read-only text draws
 * differently, such as code with its language shown, or typing into a placeholder's hint).
 * The caller then falls back on the keys that were pressed.
 */
export function earlyEditTransaction(state: EditorState, edit: HeldEdit, edited: HTMLElement, render: (doc: PMNode) => string): Transaction | null {
  return handedOver(state, edit, edited, render) ?? mergedWithOthers(state, edit, edited, render);
}

type HeldEdit = Pick<EarlyEdit, "before" | "caret"> & { anchor?: EarlyEdit["anchor"] };

/** The handover onto the very text the browser edited; null when the editor's text is another. */
function handedOver(state: EditorState, edit: HeldEdit, edited: HTMLElement, render: (doc: PMNode) => string): Transaction | null {
  const { doc } = state;
  const original = edited.ownerDocument.createElement("div");
  original.innerHTML = edit.before;
  const before = [...original.childNodes];
  const after = [...edited.childNodes];
  // one element per block, as drawn from the text the editor has now
  if (before.length !== doc.childCount || before.some((node) => node.nodeType !== node.ELEMENT_NODE)) return null;
  // the attribute the browser's editing puts on placeholders and mentions (earlyEdit.ts) is no
  // change: a block holding one but not typed in stays out of the change, as any other would
  const asDrawn = (node: Node) => (node as Element).outerHTML.replaceAll(' contenteditable="false"', "");
  const same = (a: Node | undefined, b: Node | undefined) => a?.nodeType === a?.ELEMENT_NODE && b?.nodeType === b?.ELEMENT_NODE && asDrawn(a!) === asDrawn(b!);
  let head = 0;
  while (head < Math.min(before.length, after.length) && same(before[head], after[head])) head++;
  let tail = 0;
  while (tail < Math.min(before.length, after.length) - head && same(before[before.length - 1 - tail], after[after.length - 1 - tail])) tail++;
  // the blocks holding the caret and the other end of the selection are read too, for their place in them
  type Point = { node: Node; offset: number; pos?: number };
  const inside = (point: { node: Node; offset: number } | null | undefined): Point | undefined => (point && edited.contains(point.node) ? { ...point } : undefined);
  const caret = inside(edit.caret);
  const anchor = caret ? inside(edit.anchor) : undefined;
  for (const point of [caret, anchor]) {
    const block = point ? after.findIndex((node) => node === point.node || node.contains(point.node)) : -1;
    if (block < 0) continue;
    head = Math.min(head, block);
    tail = Math.min(tail, after.length - 1 - block);
  }
  if (head === before.length - tail && head === after.length - tail) return null;

  const from = blockStart(doc, head);
  const to = blockStart(doc, before.length - tail);
  const parser = textParser(state.schema);
  // the child nodes `start` to `end` of `parent`, as the editor's blocks
  const read = (parent: HTMLElement, start: number, end: number, points: Point[] = []): Fragment =>
    start === end ? Fragment.empty : parser.parse(parent, { from: start, to: end, preserveWhitespace: "full", topNode: state.schema.topNodeType.create(), findPositions: points }).content;
  // the blocks the browser changed read back as the editor's own
  const was = doc.slice(from, to).content;
  if (!read(original, head, before.length - tail).eq(was)) return null;
  const changed = after.slice(head, after.length - tail);
  const replacement = read(edited, head, after.length - tail, [caret, anchor].filter((point) => point !== undefined));
  // … and what they became draws the text the person sees, character for character; typing
  // into a placeholder's hint or a mention's name (read as their attributes) is not text
  const drawn = edited.ownerDocument.createElement("div");
  drawn.innerHTML = replacement.size ? render(state.schema.topNodeType.create(null, replacement).toJSON() as PMNode) : "";
  const seen = changed.map((node) => node.textContent ?? "").join("");
  if (drawn.textContent !== seen || !leavesKept(was, replacement)) return null;
  const tr = state.tr;
  if (!replacement.eq(was)) {
    tr.replaceWith(from, to, replacement);
    if (!tr.doc.slice(from, from + replacement.size).content.eq(replacement)) return null;
  }
  const size = tr.doc.content.size;
  const at = Math.min(caret?.pos !== undefined ? from + caret.pos : from + replacement.size, size);
  const other = anchor?.pos !== undefined ? Math.min(from + anchor.pos, size) : at;
  return tr.setSelection(selectionOf(tr.doc, other, at)).scrollIntoView();
}

/**
 * The person's change made to the text they saw (the one the page drew), then carried over
 * what others wrote in it since, as a collaborative editor carries one person's change over
 * another's: each keeps its words. Null when the text did not change meanwhile, or the two
 * changes touch.
 */
function mergedWithOthers(state: EditorState, edit: HeldEdit, edited: HTMLElement, render: (doc: PMNode) => string): Transaction | null {
  const drawn = edited.ownerDocument.createElement("div");
  drawn.innerHTML = edit.before;
  const seen = textParser(state.schema).parse(drawn, { preserveWhitespace: "full", topNode: state.schema.topNodeType.create() });
  if (seen.eq(state.doc)) return null;
  const own = handedOver(EditorState.create({ schema: state.schema, doc: seen }), edit, edited, render);
  if (!own?.docChanged) return null;
  const mine = changeBetween(seen, own.doc);
  const theirs = changeBetween(seen, state.doc);
  // changes that touch: whose words come first is not known
  if (!mine || !theirs || (mine.from <= theirs.to && theirs.from <= mine.to)) return null;
  const carried = mine.map(theirs.getMap());
  const tr = state.tr;
  if (!carried || tr.maybeStep(carried).failed) return null;
  // from the person's text to the merged one: back out of their change, through the others', into it again
  const mapping = new Mapping();
  mapping.appendMap(mine.getMap().invert());
  mapping.appendMap(theirs.getMap());
  mapping.appendMap(carried.getMap(), 0);
  return tr.setSelection(selectionOf(tr.doc, mapping.map(own.selection.anchor), mapping.map(own.selection.head))).scrollIntoView();
}

/** The one replacement that turns `a` into `b` (what differs between their first and last difference); null when they are equal or it would not. */
function changeBetween(a: ProseNode, b: ProseNode): ReplaceStep | null {
  const start = a.content.findDiffStart(b.content);
  const end = a.content.findDiffEnd(b.content);
  if (start === null || !end) return null;
  // a repeated character can make the two ends cross: the change then starts at `start` in both
  const cross = start - Math.min(end.a, end.b);
  const endA = cross > 0 ? end.a + cross : end.a;
  const endB = cross > 0 ? end.b + cross : end.b;
  const step = new ReplaceStep(start, endA, b.slice(start, endB));
  const result = step.apply(a);
  return result.doc?.eq(b) ? step : null;
}

/**
 * The selection from `anchor` to `head` in `doc`. A placeholder or mention the person pressed
 * (and typed nothing over) stays selected whole, as the editor selects it: typing then replaces it.
 */
function selectionOf(doc: ProseNode, anchor: number, head: number): Selection {
  if (anchor === head) return TextSelection.near(doc.resolve(head));
  const node = doc.nodeAt(Math.min(anchor, head));
  if (node && Math.abs(head - anchor) === node.nodeSize && NodeSelection.isSelectable(node) && node.isAtom) return NodeSelection.create(doc, Math.min(anchor, head));
  return TextSelection.between(doc.resolve(anchor), doc.resolve(head));
}

/** Where the doc's `index`th block starts. */
function blockStart(doc: ProseNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

/** Whether every leaf that is not text (a placeholder, a mention, an image…) of `after` is one of `before`'s, unchanged; a line break may be new. */
function leavesKept(before: Fragment, after: Fragment): boolean {
  const leaves = (fragment: Fragment) => {
    const found: string[] = [];
    fragment.descendants((node) => {
      if (node.isLeaf && !node.isText && node.type.name !== "hardBreak") found.push(JSON.stringify(node.toJSON()));
    });
    return found;
  };
  const kept = new Map<string, number>();
  for (const leaf of leaves(before)) kept.set(leaf, (kept.get(leaf) ?? 0) + 1);
  return leaves(after).every((leaf) => {
    const left = kept.get(leaf) ?? 0;
    kept.set(leaf, left - 1);
    return left > 0;
  });
}

const parsers = new WeakMap<Schema, SchemaParser>();

/**
 * The schema's reader of HTML as the editor reads what is typed into it: spaces and line ends
 * as typed (a paragraph's rule folds them, for pasted HTML, which is not what the person typed here).
 */
function textParser(schema: Schema): SchemaParser {
  let parser = parsers.get(schema);
  if (!parser) {
    const { rules } = SchemaParser.fromSchema(schema);
    // a line break last in its block draws nothing: the one that keeps an empty line open
    // (`<p><br></p>`, an empty cell), or the one a browser leaves after typed text
    const trailingBreak = { tag: "br", ignore: true, priority: 100, getAttrs: (node: HTMLElement) => (node.nextSibling === null ? null : false) } as const;
    // the language a code block shows beside it (readOnlyNodes.ts) is not its text
    const codeLanguage = { tag: ".sw-code > span", ignore: true, priority: 100 } as const;
    parser = new SchemaParser(schema, [trailingBreak, codeLanguage, ...rules.map((rule) => ("node" in rule && rule.preserveWhitespace === false ? { ...rule, preserveWhitespace: "full" as const } : rule))]);
    parsers.set(schema, parser);
  }
  return parser;
}
