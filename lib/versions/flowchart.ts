/**
 * A small reader of Mermaid flowchart sources: node ids and edges, enough to say which
 * nodes and edges a change added or removed and to highlight them in the drawing. It is
 * not a full parser: subgraphs, styles and click lines are skipped.
 */

export interface Flowchart {
  nodes: string[];
  /** "from->to", in the order Mermaid numbers links (for `linkStyle`) */
  edges: string[];
}

export interface FlowchartDiff {
  addedNodes: string[];
  removedNodes: string[];
  addedEdges: string[];
  removedEdges: string[];
}

const HEADER = /^\s*(flowchart|graph)\b/i;
const SKIP = /^\s*(%%|subgraph\b|end\b|style\b|classDef\b|class\b|click\b|linkStyle\b|direction\b)/i;
// a link: -->, ---, -.->, ==>, --o, --x, <-->, with an optional |label|, or "-- label -->"
const PLAIN_LINK = String.raw`<?(?:-{2,}|={2,}|-\.+-+)[>ox]?(?:\s*\|[^|]*\|)?`;
const TEXT_LINK = String.raw`(?:--|==|-\.)\s+[^|]*?\s+(?:-{2,}>|={2,}>|\.-+>|-{2,}|={2,})`;
const LINK = new RegExp(`^\\s*(?:${TEXT_LINK}|${PLAIN_LINK})\\s*`);
const NODE = /^([A-Za-z0-9_][\w-]*)/;
// shapes: A[..], A(..), A((..)), A{..}, A>..], A[(..)], A[[..]], A{{..}}
const SHAPE = /^(\[\[.*?\]\]|\[\(.*?\)\]|\(\(.*?\)\)|\{\{.*?\}\}|\[.*?\]|\(.*?\)|\{.*?\}|>.*?\])/;

/** Whether the source is a flowchart (`flowchart TD`, `graph LR`, …). */
export function isFlowchart(source: string): boolean {
  const first = source.split("\n").find((l) => l.trim() && !l.trim().startsWith("%%"));
  return first !== undefined && HEADER.test(first);
}

/** Reads `A & B` groups of node references, each possibly with a shape. */
function readGroup(text: string): { ids: string[]; rest: string } | null {
  const ids: string[] = [];
  let rest = text.trimStart();
  for (;;) {
    const id = NODE.exec(rest);
    if (!id) return ids.length ? { ids, rest } : null;
    ids.push(id[1]!);
    rest = rest.slice(id[1]!.length);
    const shape = SHAPE.exec(rest);
    if (shape) rest = rest.slice(shape[1]!.length);
    rest = rest.replace(/^:::\w+/, "");
    const amp = /^\s*&\s*/.exec(rest);
    if (!amp) return { ids, rest };
    rest = rest.slice(amp[0].length);
  }
}

/** The nodes and edges of a flowchart source; null when it is not a flowchart. */
export function parseFlowchart(source: string): Flowchart | null {
  if (!isFlowchart(source)) return null;
  const nodes: string[] = [];
  const edges: string[] = [];
  const addNode = (id: string) => !nodes.includes(id) && nodes.push(id);
  const lines = source.split("\n");
  const start = lines.findIndex((l) => HEADER.test(l));
  for (const raw of lines.slice(start + 1)) {
    for (const statement of raw.split(";")) {
      if (!statement.trim() || SKIP.test(statement)) continue;
      let group = readGroup(statement);
      if (!group) continue;
      group.ids.forEach(addNode);
      for (;;) {
        const link = LINK.exec(group.rest);
        if (!link?.[0].trim()) break;
        const next = readGroup(group.rest.slice(link[0].length));
        if (!next) break;
        next.ids.forEach(addNode);
        for (const from of group.ids) for (const to of next.ids) edges.push(`${from}->${to}`);
        group = next;
      }
    }
  }
  return { nodes, edges };
}

/** Nodes and edges added or removed between two flowchart sources; null unless both are flowcharts (or one is empty). */
export function diffFlowcharts(before: string, after: string): FlowchartDiff | null {
  const a = before.trim() ? parseFlowchart(before) : { nodes: [], edges: [] };
  const b = after.trim() ? parseFlowchart(after) : { nodes: [], edges: [] };
  if (!a || !b) return null;
  const minus = (x: string[], y: string[]) => [...new Set(x.filter((v) => !y.includes(v)))];
  return { addedNodes: minus(b.nodes, a.nodes), removedNodes: minus(a.nodes, b.nodes), addedEdges: minus(b.edges, a.edges), removedEdges: minus(a.edges, b.edges) };
}

/**
 * The source with `classDef`/`class`/`linkStyle` lines appended that colour the given
 * nodes and edges (green for added, red for removed). Edges are found by their index
 * among the source's links, as Mermaid numbers them.
 */
export function highlightFlowchart(source: string, nodes: string[], edges: string[], tone: "added" | "removed"): string {
  const chart = parseFlowchart(source);
  if (!chart || (!nodes.length && !edges.length)) return source;
  const colour = tone === "added" ? { fill: "#dcfce7", stroke: "#16a34a" } : { fill: "#fee2e2", stroke: "#dc2626" };
  const lines = [source.trimEnd()];
  const known = nodes.filter((n) => chart.nodes.includes(n));
  if (known.length) {
    lines.push(`classDef sw_${tone} fill:${colour.fill},stroke:${colour.stroke},stroke-width:3px`);
    lines.push(`class ${known.join(",")} sw_${tone}`);
  }
  const indexes = chart.edges.flatMap((e, i) => (edges.includes(e) ? [i] : []));
  if (indexes.length) lines.push(`linkStyle ${indexes.join(",")} stroke:${colour.stroke},stroke-width:3px`);
  return lines.join("\n");
}
