import type { ReactNode } from "react";
import type { LineDiff, LineFormat } from "@/lib/versions/bodyDiff";
import { Parts } from "./Parts";

interface Tree {
  line: LineDiff & { format: Extract<LineFormat, { kind: "item" }> };
  children: Tree[];
}

type ItemLine = Tree["line"];
const isItem = (line: LineDiff): line is ItemLine => line.format.kind === "item";

const LINE: Record<LineDiff["status"], string> = { same: "", changed: "", added: "bg-emerald-50", removed: "bg-red-50 text-slate-500" };

const LAYOUT_WORDS: Record<string, string> = { paragraph: "a paragraph", heading: "a heading", quote: "a quote", code: "code", bullet: "a bullet", ordered: "a numbered item", task: "a task" };
const layoutWords = (f: LineFormat) => (f.kind === "item" ? `${LAYOUT_WORDS[f.list]}${f.depth > 1 ? ` at level ${f.depth}` : ""}` : f.kind === "heading" ? `a level ${f.level} heading` : LAYOUT_WORDS[f.kind]);

/** What changed besides the words: a box ticked or cleared, a layout changed. */
function Notes({ line }: { line: LineDiff }) {
  const checked = line.format.kind === "item" ? line.format.checked : undefined;
  return (
    <>
      {line.checkedBefore !== undefined ? (
        <ins className="ml-2 rounded bg-emerald-100 px-1 text-xs text-emerald-900 no-underline">{checked ? "ticked" : "no longer ticked"}</ins>
      ) : null}
      {line.formatBefore ? <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">was {layoutWords(line.formatBefore)}</span> : null}
    </>
  );
}

/** Consecutive list items as a tree, each under the item before it that is one level up. */
function buildTree(items: ItemLine[]): Tree[] {
  const roots: Tree[] = [];
  const open: Tree[] = [];
  for (const line of items) {
    const node: Tree = { line, children: [] };
    const parent = open.slice(0, line.format.depth - 1).reverse().find(Boolean);
    (parent && line.format.depth > 1 ? parent.children : roots).push(node);
    open[line.format.depth - 1] = node;
    open.length = line.format.depth;
  }
  return roots;
}

function Item({ node }: { node: Tree }) {
  const { line } = node;
  const task = line.format.list === "task";
  return (
    <li data-status={line.status} data-format={line.format.list} className={`${LINE[line.status]} ${task ? "list-none" : ""}`}>
      {task ? (
        <input type="checkbox" disabled checked={line.format.checked === true} aria-label={line.format.checked ? "Done" : "Not done"} className="mr-2 align-middle" />
      ) : null}
      <Parts parts={line.parts} />
      <Notes line={line} />
      {node.children.length ? <Lists nodes={node.children} /> : null}
    </li>
  );
}

/** Sibling items, one list element per run of the same kind (bullets, numbers, tasks). */
function Lists({ nodes }: { nodes: Tree[] }) {
  const runs: Tree[][] = [];
  for (const node of nodes) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.line.format.list === node.line.format.list) last.push(node);
    else runs.push([node]);
  }
  return (
    <>
      {runs.map((run, i) => {
        const items = run.map((node, j) => <Item key={j} node={node} />);
        const kind = run[0]!.line.format.list;
        if (kind === "ordered") return <ol key={i} className="my-1 list-decimal pl-6">{items}</ol>;
        return <ul key={i} className={`my-1 ${kind === "task" ? "pl-1" : "list-disc pl-6"}`}>{items}</ul>;
      })}
    </>
  );
}

/** Consecutive lines of code in one monospace block, each line marked as kept, changed, added or removed. */
function CodeLines({ lines }: { lines: LineDiff[] }) {
  return (
    <pre data-format="code" className="overflow-x-auto rounded-md bg-slate-50 px-3 py-2 font-mono text-xs leading-5 text-slate-800">
      <code>
        {lines.map((line, i) => (
          <div key={i} data-status={line.status} className={`min-h-5 whitespace-pre ${LINE[line.status]}`}>
            <Parts parts={line.parts} />
            <Notes line={line} />
          </div>
        ))}
      </code>
    </pre>
  );
}

/** Consecutive quoted lines as one quote. */
function QuoteLines({ lines }: { lines: LineDiff[] }) {
  return (
    <blockquote data-format="quote" className="space-y-1 border-l-4 border-slate-300 pl-3 italic text-slate-700">
      {lines.map((line, i) => (
        <p key={i} data-status={line.status} className={`whitespace-pre-wrap ${LINE[line.status]}`}>
          <Parts parts={line.parts} />
          <Notes line={line} />
        </p>
      ))}
    </blockquote>
  );
}

/** The run of lines from `start` that share `kind`. */
function runOf(lines: LineDiff[], start: number, kind: LineFormat["kind"]): LineDiff[] {
  let end = start;
  while (end < lines.length && lines[end]!.format.kind === kind) end++;
  return lines.slice(start, end);
}

/**
 * A run of headings, paragraphs, quotes, code and list items with changes marked inside
 * them: bullets, numbered items and tasks (with their box) as lists nested as written,
 * headings as headings, quoted lines as a quote, code as monospace lines.
 */
export function LinesDiff({ lines }: { lines: LineDiff[] }) {
  const blocks: ReactNode[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (isItem(line)) {
      const items: ItemLine[] = [];
      for (; i < lines.length && isItem(lines[i]!); i++) items.push(lines[i] as ItemLine);
      blocks.push(<Lists key={blocks.length} nodes={buildTree(items)} />);
      continue;
    }
    if (line.format.kind === "code" || line.format.kind === "quote") {
      const run = runOf(lines, i, line.format.kind);
      blocks.push(line.format.kind === "code" ? <CodeLines key={blocks.length} lines={run} /> : <QuoteLines key={blocks.length} lines={run} />);
      i += run.length;
      continue;
    }
    i++;
    const content = (
      <>
        <Parts parts={line.parts} />
        <Notes line={line} />
      </>
    );
    if (line.format.kind === "heading") {
      const Tag = line.format.level <= 3 ? "h4" : "h5";
      blocks.push(<Tag key={blocks.length} data-status={line.status} data-format="heading" className={`mt-3 font-semibold text-slate-900 ${line.format.level <= 3 ? "text-base" : "text-sm"} ${LINE[line.status]}`}>{content}</Tag>);
    } else blocks.push(<p key={blocks.length} data-status={line.status} data-format="paragraph" className={`whitespace-pre-wrap ${LINE[line.status]}`}>{content}</p>);
  }
  return <div className="my-2 space-y-1 text-sm leading-6 text-slate-800">{blocks}</div>;
}
