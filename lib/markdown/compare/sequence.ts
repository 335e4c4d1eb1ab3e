import { diffArrays } from "diff";
import type { Construct, Item, MarkdownDifference, Place } from "./types";

export type Locate = (line: number) => Place;

const NAMES: Record<Construct, string> = {
  frontMatter: "front matter",
  heading: "heading",
  table: "table",
  code: "code block",
  mermaid: "Mermaid diagram",
  task: "task item",
  list: "list",
  block: "block",
  text: "text",
  formatting: "formatting",
  link: "link",
  image: "image",
  definition: "link reference definition",
  footnote: "footnote",
  html: "raw HTML",
};

export function nameOf(construct: Construct): string {
  return NAMES[construct];
}

/** What changed first inside an item that is in both files, from its detail parts. */
function firstChange(a: Item, b: Item): string {
  const left = a.detail ?? [];
  const right = b.detail ?? [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) return `: ${left[i] ?? "(nothing)"} → ${right[i] ?? "(nothing)"}`;
  }
  return "";
}

/** A difference about one item (or a pair of items that stand in the same place). */
export function difference(construct: Construct, a: Item | null, b: Item | null, locate: [Locate, Locate], message?: string): MarkdownDifference {
  const change = a && b ? "changed" : a ? "missing" : "added";
  const name = nameOf(construct);
  const text =
    message ??
    (a && b
      ? `${name} changed${firstChange(a, b)} (${a.shown} → ${b.shown})`
      : a
        ? `${name} missing: ${a.shown}`
        : `${name} added: ${b?.shown ?? ""}`);
  return {
    construct,
    change,
    source: a ? locate[0](a.line) : null,
    other: b ? locate[1](b.line) : null,
    expected: a?.shown ?? null,
    actual: b?.shown ?? null,
    message: text,
  };
}

/**
 * The differences between two sequences of one construct, in order: items only in the first
 * are missing, items only in the second are added, and a run of removals followed by a run
 * of additions at the same place pairs up item by item as changes.
 */
export function compareSequences(construct: Construct, a: Item[], b: Item[], locate: [Locate, Locate]): MarkdownDifference[] {
  const out: MarkdownDifference[] = [];
  let i = 0;
  let j = 0;
  let removed: Item[] = [];
  const flush = (added: Item[]): void => {
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) out.push(difference(construct, removed[k] ?? null, added[k] ?? null, locate));
    removed.slice(pairs).forEach((item) => out.push(difference(construct, item, null, locate)));
    added.slice(pairs).forEach((item) => out.push(difference(construct, null, item, locate)));
    removed = [];
  };
  for (const change of diffArrays(a.map((item) => item.key), b.map((item) => item.key))) {
    if (change.removed) {
      removed = a.slice(i, i + change.count);
      i += change.count;
    } else if (change.added) {
      flush(b.slice(j, j + change.count));
      j += change.count;
    } else {
      flush([]);
      i += change.count;
      j += change.count;
    }
  }
  flush([]);
  return out;
}
