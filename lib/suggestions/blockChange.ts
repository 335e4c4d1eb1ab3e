import type { PMDoc, PMNode } from "../editor/schema";
import { canonicalJson } from "../util/canonicalJson";

/**
 * The one top-level block a change touched, as it was and as it would be, when the change
 * kept every other block as it was and the number of blocks the same (a heading's level, a
 * paragraph made a list, rows added to a table); null for any other change.
 */
export function singleBlockChange(before: PMDoc, after: PMDoc): { before: PMNode; after: PMNode } | null {
  const was = before.content ?? [];
  const now = after.content ?? [];
  if (was.length !== now.length) return null;
  const changed = was.flatMap((block, i) => (canonicalJson(block) === canonicalJson(now[i]) ? [] : [i]));
  if (changed.length !== 1) return null;
  const i = changed[0]!;
  return { before: was[i]!, after: now[i]! };
}

const NAMES: Record<string, string> = {
  paragraph: "a paragraph",
  bulletList: "a bulleted list",
  orderedList: "a numbered list",
  taskList: "a task list",
  blockquote: "a quote",
  codeBlock: "a code block",
  horizontalRule: "a divider",
  mermaid: "a diagram",
  image: "an image",
};

/** A block named as a reader would: “Heading 2”, “a table of 3 rows × 2 columns”, “a paragraph”. */
function blockName(node: PMNode): string {
  if (node.type === "heading") return `Heading ${String(node.attrs?.level ?? "")}`.trim();
  if (node.type === "table") {
    const rows = node.content ?? [];
    const columns = Math.max(0, ...rows.map((row) => row.content?.length ?? 0));
    return `a table of ${rows.length} ${rows.length === 1 ? "row" : "rows"} × ${columns} ${columns === 1 ? "column" : "columns"}`;
  }
  return NAMES[node.type] ?? `a ${node.type}`;
}

/**
 * What a proposed block change does, in words: “turns a paragraph into Heading 2”, or in
 * the form that follows “proposes to”: “turn a paragraph into Heading 2”.
 */
export function blockChangeWhat(before: PMNode, after: PMNode, form: "does" | "to" = "does"): string {
  const [was, now] = [blockName(before), blockName(after)];
  const [turn, change] = form === "does" ? ["turns", "changes"] : ["turn", "change"];
  return was === now ? `${change} ${was}` : `${turn} ${was} into ${now}`;
}
