import { diffArrays, diffLines } from "diff";
import { docToText, walk, type PMNode } from "../editor/schema";
import { diffFlowcharts, type FlowchartDiff } from "./flowchart";
import { blockLines, diffWords, pairLines, type ChangeStatus, type LineDiff, type LineFormat, type Part } from "./lineDiff";

export { diffWords, type ChangeStatus, type LineDiff, type LineFormat, type Part };

export interface CellDiff {
  status: ChangeStatus;
  header: boolean;
  parts: Part[];
}

export interface RowDiff {
  status: ChangeStatus;
  cells: CellDiff[];
}

/**
 * A section body's difference, block by block in reading order: plain paragraphs as one
 * text, headings and list items (bullets, numbers, tasks) as lines keeping their layout.
 */
export type BodySegment =
  | { type: "text"; parts: Part[] }
  | { type: "lines"; lines: LineDiff[] }
  | { type: "table"; status: ChangeStatus; rows: RowDiff[] }
  | { type: "mermaid"; status: ChangeStatus; before: string; after: string; lines: Part[]; graph: FlowchartDiff | null }
  | { type: "image"; status: ChangeStatus; before: ImageFacts | null; after: ImageFacts | null };

/** What a diff shows of an image: its picture and alt text. */
export interface ImageFacts {
  src: string;
  alt: string;
}

type Block =
  | { kind: "text"; key: string; text: string; format: LineFormat }
  | { kind: "table"; key: string; rows: { header: boolean; text: string }[][] }
  | { kind: "mermaid"; key: string; source: string }
  | { kind: "image"; key: string; image: ImageFacts };

/** The images inside a block, each as a block of its own after the block's text. */
function imageBlocks(node: PMNode): Block[] {
  const out: Block[] = [];
  walk(node, (child) => {
    if (child.type !== "image") return;
    const image = { src: String(child.attrs?.src ?? ""), alt: String(child.attrs?.alt ?? "") };
    out.push({ kind: "image", key: `i:${image.src}\u0000${image.alt}`, image });
  });
  return out;
}

function toBlocks(doc: PMNode): Block[] {
  return (doc.content ?? []).flatMap((node): Block[] => {
    if (node.type === "mermaid") {
      const source = String(node.attrs?.source ?? "");
      return [{ kind: "mermaid", key: `m:${source}`, source }];
    }
    if (node.type === "table") {
      const rows = (node.content ?? []).map((row) => (row.content ?? []).map((cell) => ({ header: cell.type === "tableHeader", text: docToText(cell) })));
      return [{ kind: "table", key: `t:${JSON.stringify(rows)}`, rows }];
    }
    const lines = blockLines(node).map((l) => ({ kind: "text" as const, key: `x:${JSON.stringify(l.format)}:${l.text}`, ...l }));
    return [...lines, ...imageBlocks(node)];
  });
}

function cellDiff(before: { header: boolean; text: string } | undefined, after: { header: boolean; text: string } | undefined): CellDiff {
  const header = Boolean((after ?? before)?.header);
  if (!before) return { status: "added", header, parts: [{ value: after!.text, added: true }] };
  if (!after) return { status: "removed", header, parts: [{ value: before.text, removed: true }] };
  if (before.text === after.text) return { status: "same", header, parts: [{ value: after.text }] };
  return { status: "changed", header, parts: diffWords(before.text, after.text) };
}

type Cells = { header: boolean; text: string }[];

/** Tables compared cell by cell: rows aligned by content, then changed rows paired in order. */
export function diffTables(before: Cells[], after: Cells[]): RowDiff[] {
  const rowKey = (r: Cells) => JSON.stringify(r.map((c) => c.text));
  const out: RowDiff[] = [];
  let removed: Cells[] = [];
  const flush = (added: Cells[]) => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      const [b, a] = [removed[i], added[i]];
      const width = Math.max(b?.length ?? 0, a?.length ?? 0);
      const cells = Array.from({ length: width }, (_, c) => cellDiff(b?.[c], a?.[c]));
      out.push({ status: !b ? "added" : !a ? "removed" : "changed", cells });
    }
    removed = [];
  };
  for (const change of diffArrays(before, after, { comparator: (x, y) => rowKey(x) === rowKey(y) })) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) flush(change.value);
    else {
      flush([]);
      for (const row of change.value) out.push({ status: "same", cells: row.map((c) => cellDiff(c, c)) });
    }
  }
  flush([]);
  return out;
}

function mermaidSegment(before: string, after: string, status: ChangeStatus): BodySegment {
  // a last line without its newline would otherwise differ from the same line followed by more
  const withEnd = (text: string) => (text && !text.endsWith("\n") ? `${text}\n` : text);
  const lines = diffLines(withEnd(before), withEnd(after)).map((c) => ({ value: c.value, ...(c.added ? { added: true as const } : {}), ...(c.removed ? { removed: true as const } : {}) }));
  return { type: "mermaid", status, before, after, lines, graph: status === "same" ? null : diffFlowcharts(before, after) };
}

/**
 * The difference of two section bodies: text blocks word by word (headings, list items and
 * tasks as lines keeping their layout and box), tables cell by cell,
 * Mermaid diagrams by source lines and (for flowcharts) nodes and edges, images by
 * address and alt text. Unchanged
 * blocks are included, so the result reads like the section.
 */
export function diffBodies(before: PMNode, after: PMNode): BodySegment[] {
  const out: BodySegment[] = [];
  const pushText = (parts: Part[]) => {
    if (!parts.length) return;
    const last = out[out.length - 1];
    if (last?.type === "text") last.parts.push({ value: "\n" }, ...parts);
    else out.push({ type: "text", parts });
  };
  const pushLines = (lines: LineDiff[]) => {
    if (!lines.length) return;
    const last = out[out.length - 1];
    if (last?.type === "lines") last.lines.push(...lines);
    else out.push({ type: "lines", lines });
  };
  let removed: Block[] = [];
  const flush = (added: Block[]) => {
    const texts = (bs: Block[]) => bs.flatMap((b) => (b.kind === "text" ? [b] : []));
    const [olds, news] = [texts(removed), texts(added)];
    // plain paragraphs read best as one text; headings and list items keep their layout
    if ([...olds, ...news].every((b) => b.format.kind === "paragraph")) {
      const [oldText, newText] = [olds.map((b) => b.text).join("\n"), news.map((b) => b.text).join("\n")];
      if (oldText || newText) pushText(diffWords(oldText, newText));
    } else pushLines(pairLines(olds, news));
    for (const kind of ["table", "mermaid", "image"] as const) {
      const olds = removed.filter((b) => b.kind === kind);
      const news = added.filter((b) => b.kind === kind);
      for (let i = 0; i < Math.max(olds.length, news.length); i++) {
        const [b, a] = [olds[i], news[i]];
        const status: ChangeStatus = !b ? "added" : !a ? "removed" : "changed";
        if (kind === "table") {
          const rows = (x: Block | undefined) => (x?.kind === "table" ? x.rows : []);
          out.push({ type: "table", status, rows: diffTables(rows(b), rows(a)) });
        } else if (kind === "image") {
          const facts = (x: Block | undefined) => (x?.kind === "image" ? x.image : null);
          out.push({ type: "image", status, before: facts(b), after: facts(a) });
        } else {
          const source = (x: Block | undefined) => (x?.kind === "mermaid" ? x.source : "");
          out.push(mermaidSegment(source(b), source(a), status));
        }
      }
    }
    removed = [];
  };
  for (const change of diffArrays(toBlocks(before), toBlocks(after), { comparator: (x, y) => x.key === y.key })) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) flush(change.value);
    else {
      flush([]);
      for (const block of change.value) {
        if (block.kind === "text" && block.format.kind === "paragraph") pushText([{ value: block.text }]);
        else if (block.kind === "text") pushLines([{ status: "same", format: block.format, parts: [{ value: block.text }] }]);
        else if (block.kind === "table") out.push({ type: "table", status: "same", rows: diffTables(block.rows, block.rows) });
        else if (block.kind === "image") out.push({ type: "image", status: "same", before: block.image, after: block.image });
        else out.push(mermaidSegment(block.source, block.source, "same"));
      }
    }
  }
  flush([]);
  return out;
}
