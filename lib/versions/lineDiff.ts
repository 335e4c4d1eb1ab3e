import { diffArrays, diffWordsWithSpace } from "diff";
import { docToText, type PMNode } from "../editor/schema";

/** A run of text: common to both sides, or only in the newer (added) or older (removed). */
export interface Part {
  value: string;
  added?: true;
  removed?: true;
}

export type ChangeStatus = "same" | "changed" | "added" | "removed";

/** How a line of a section's text is laid out: a paragraph, a heading, a quoted line, a line of code, or an item of a list at a depth (1 = top). */
export type LineFormat =
  | { kind: "paragraph" }
  | { kind: "heading"; level: number }
  | { kind: "quote" }
  | { kind: "code" }
  | { kind: "item"; list: "bullet" | "ordered" | "task"; depth: number; checked?: boolean };

/** One line of text with its layout, and what changed in it. */
export interface LineDiff {
  status: ChangeStatus;
  format: LineFormat;
  parts: Part[];
  /** a task whose box was ticked or cleared: its state before */
  checkedBefore?: boolean;
  /** the line's layout before, when only that changed or changed too (a paragraph made a bullet) */
  formatBefore?: LineFormat;
}

/** A line of text as compared: its layout and words. */
export interface TextLine {
  format: LineFormat;
  text: string;
}

const LISTS: Record<string, "bullet" | "ordered" | "task"> = { bulletList: "bullet", orderedList: "ordered", taskList: "task" };

/** Word-level difference of two texts (spaces and line breaks kept as they are). */
export function diffWords(before: string, after: string): Part[] {
  return diffWordsWithSpace(before, after).map((c) => ({ value: c.value, ...(c.added ? { added: true as const } : {}), ...(c.removed ? { removed: true as const } : {}) }));
}

/** A list's items as lines, nested lists one level deeper; an item's own text is what is not a list inside it. */
function listLines(list: PMNode, depth: number): TextLine[] {
  const kind = LISTS[list.type]!;
  return (list.content ?? []).flatMap((item) => {
    const children = item.content ?? [];
    const text = docToText({ type: "doc", content: children.filter((c) => !LISTS[c.type]) });
    const checked = item.attrs?.checked;
    const task = kind === "task" || typeof checked === "boolean";
    const format: LineFormat = { kind: "item", list: task ? "task" : kind, depth, ...(task ? { checked: checked === true } : {}) };
    return [{ format, text }, ...children.filter((c) => LISTS[c.type]).flatMap((c) => listLines(c, depth + 1))];
  });
}

/** A code block's lines as written, indentation kept (a trailing newline adds no line). */
function codeLines(node: PMNode): TextLine[] {
  const source = (node.content ?? []).map((c) => c.text ?? "").join("");
  if (!source.trim()) return [];
  return source.replace(/\n$/, "").split("\n").map((text) => ({ format: { kind: "code" }, text }));
}

/**
 * A top-level block's text as lines with their layout: a heading as a heading, each list
 * item (bullets, numbers, tasks with their box) as an item at its depth, each line of code
 * as code, the paragraphs and headings of a quote as quoted lines (lists inside it as
 * items), anything else as paragraph text. Empty for a block without text.
 */
export function blockLines(node: PMNode): TextLine[] {
  if (LISTS[node.type]) return listLines(node, 1);
  if (node.type === "codeBlock") return codeLines(node);
  if (node.type === "blockquote") {
    return (node.content ?? []).flatMap(blockLines).map((l) => (l.format.kind === "paragraph" || l.format.kind === "heading" ? { ...l, format: { kind: "quote" } } : l));
  }
  const text = docToText({ type: "doc", content: [node] });
  if (!text) return [];
  return [{ format: node.type === "heading" ? { kind: "heading", level: Number(node.attrs?.level ?? 3) } : { kind: "paragraph" }, text }];
}

/** The same layout, ignoring a task's box (compared on its own). */
const sameLayout = (a: LineFormat, b: LineFormat) => JSON.stringify({ ...a, checked: undefined }) === JSON.stringify({ ...b, checked: undefined });

/** One line's difference: only in one side, or both with its words diffed and its layout change noted. */
export function lineDiff(before: TextLine | undefined, after: TextLine | undefined): LineDiff {
  if (!before) return { status: "added", format: after!.format, parts: [{ value: after!.text, added: true }] };
  if (!after) return { status: "removed", format: before.format, parts: [{ value: before.text, removed: true }] };
  const parts = before.text === after.text ? [{ value: after.text }] : diffWords(before.text, after.text);
  const ticked = before.format.kind === "item" && after.format.kind === "item" && before.format.checked !== undefined && after.format.checked !== undefined && before.format.checked !== after.format.checked;
  return {
    status: "changed",
    format: after.format,
    parts,
    ...(ticked && before.format.kind === "item" ? { checkedBefore: before.format.checked } : {}),
    ...(sameLayout(before.format, after.format) ? {} : { formatBefore: before.format }),
  };
}

/** Whether two lines read as one edited line: at least half the shorter one's letters kept. */
function similar(a: string, b: string): boolean {
  const kept = diffWords(a, b).filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.replace(/\s/g, "").length, 0);
  return kept * 2 >= Math.min(a.replace(/\s/g, "").length, b.replace(/\s/g, "").length);
}

/**
 * Old and new lines with no words in common order, in reading order: each old line is paired
 * with the next new one of the same layout that reads as its edit (new lines skipped on the
 * way are added), else it is removed.
 */
function pairEdited(olds: TextLine[], news: TextLine[], out: LineDiff[]): void {
  let j = 0;
  for (const old of olds) {
    const k = news.findIndex((n, at) => at >= j && sameLayout(n.format, old.format) && similar(old.text, n.text));
    if (k < 0) {
      out.push(lineDiff(old, undefined));
      continue;
    }
    for (; j < k; j++) out.push(lineDiff(undefined, news[j]));
    out.push(lineDiff(old, news[k]));
    j = k + 1;
  }
  for (; j < news.length; j++) out.push(lineDiff(undefined, news[j]));
}

/**
 * Lines removed and added in one place, paired: a line whose words stayed (a box ticked, a
 * paragraph made a bullet) with its old self, an edited line with its old self when their
 * layout is the same and most of its words stayed; the rest are added or removed.
 */
export function pairLines(removed: TextLine[], added: TextLine[]): LineDiff[] {
  const out: LineDiff[] = [];
  let [i, j] = [0, 0];
  let olds: TextLine[] = [];
  const flush = (news: TextLine[]) => {
    pairEdited(olds, news, out);
    olds = [];
  };
  for (const change of diffArrays(removed.map((l) => l.text), added.map((l) => l.text))) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      olds.push(...removed.slice(i, i + count));
      i += count;
    } else if (change.added) {
      flush(added.slice(j, j + count));
      j += count;
    } else {
      flush([]);
      for (let k = 0; k < count; k++) out.push(lineDiff(removed[i + k], added[j + k]));
      i += count;
      j += count;
    }
  }
  flush([]);
  return out;
}
