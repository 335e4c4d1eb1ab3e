/**
 * A small reader of Mermaid flowchart sources: node ids, their text and edges, enough to
 * say which nodes and edges a change added, removed or renamed and to highlight them in
 * the drawing. It is not a full parser: subgraphs, styles and click lines are skipped.
 */

export interface Flowchart {
  nodes: string[];
  /** "from->to", in the order Mermaid numbers links (for `linkStyle`) */
  edges: string[];
  /** the text drawn in a node, for the nodes given one (`A[Start]`); the last one given wins, as in Mermaid */
  labels: Record<string, string>;
}

/** A node that stayed but changed its text, or kept its text under a new id. */
export interface RenamedNode {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
}

export interface FlowchartDiff {
  addedNodes: string[];
  removedNodes: string[];
  /** edges by the older source's ids */
  addedEdges: string[];
  removedEdges: string[];
  renamedNodes: RenamedNode[];
  /** each node's text on either side (the newer side wins), so changes read as the drawing does */
  labels: Record<string, string>;
}

const HEADER = /^\s*(flowchart|graph)\b/i;
const SKIP = /^\s*(%%|subgraph\b|end\b|style\b|classDef\b|class\b|click\b|linkStyle\b|direction\b)/i;
// a link: -->, ---, -.->, ==>, --o, --x, <-->, with an optional |label|, or "-- label -->"
const PLAIN_LINK = String.raw`<?(?:-{2,}|={2,}|-\.+-+)[>ox]?(?:\s*\|[^|]*\|)?`;
const TEXT_LINK = String.raw`(?:--|==|-\.)\s+[^|]*?\s+(?:-{2,}>|={2,}>|\.-+>|-{2,}|={2,})`;
const LINK = new RegExp(`^\\s*(?:${TEXT_LINK}|${PLAIN_LINK})\\s*`);
const NODE = /^([A-Za-z0-9_][\w-]*)/;

/** Whether the source is a flowchart (`flowchart TD`, `graph LR`, …). */
export function isFlowchart(source: string): boolean {
  const first = source.split("\n").find((l) => l.trim() && !l.trim().startsWith("%%"));
  return first !== undefined && HEADER.test(first);
}

// shapes: A[..], A(..), A((..)), A{..}, A>..], A[(..)], A[[..]], A{{..}}, A([..]), A[/../];
// longest first, so `((x))` is a circle around "x", not a round node around "(x)"
const DELIMITERS: [string, string][] = [["[[", "]]"], ["[(", ")]"], ["((", "))"], ["{{", "}}"], ["([", "])"], ["[/", "/]"], ["[\\", "\\]"], ["[/", "\\]"], ["[\\", "/]"], ["[", "]"], ["(", ")"], ["{", "}"], [">", "]"]];
const escape = (text: string) => text.replace(/[[\](){}/\\]/g, "\\$&");
// the text is quoted (and may then hold brackets) or holds no closing bracket
const SHAPES = DELIMITERS.map(([open, close]) => new RegExp(`^${escape(open)}(?:"([^"]*)"|([^"\\])}]*?))${escape(close)}`));

/** The shape right at the start of `text`, and the text drawn in it: `[Start]` → "Start", `(["Queue"])` → "Queue". */
function readShape(text: string): { length: number; label: string } | null {
  for (const shape of SHAPES) {
    const match = shape.exec(text);
    if (match) return { length: match[0].length, label: (match[1] ?? match[2] ?? "").trim().replace(/^`(.*)`$/s, "$1").trim() };
  }
  return null;
}

/** Reads `A & B` groups of node references, each possibly with a shape. */
function readGroup(text: string, labels: Record<string, string>): { ids: string[]; rest: string } | null {
  const ids: string[] = [];
  let rest = text.trimStart();
  for (;;) {
    const id = NODE.exec(rest);
    if (!id) return ids.length ? { ids, rest } : null;
    ids.push(id[1]!);
    rest = rest.slice(id[1]!.length);
    const shape = readShape(rest);
    if (shape) {
      labels[id[1]!] = shape.label;
      rest = rest.slice(shape.length);
    }
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
  const labels: Record<string, string> = {};
  const addNode = (id: string) => !nodes.includes(id) && nodes.push(id);
  const lines = source.split("\n");
  const start = lines.findIndex((l) => HEADER.test(l));
  for (const raw of lines.slice(start + 1)) {
    for (const statement of raw.split(";")) {
      if (!statement.trim() || SKIP.test(statement)) continue;
      let group = readGroup(statement, labels);
      if (!group) continue;
      group.ids.forEach(addNode);
      for (;;) {
        const link = LINK.exec(group.rest);
        if (!link?.[0].trim()) break;
        const next = readGroup(group.rest.slice(link[0].length), labels);
        if (!next) break;
        next.ids.forEach(addNode);
        for (const from of group.ids) for (const to of next.ids) edges.push(`${from}->${to}`);
        group = next;
      }
    }
  }
  return { nodes, edges, labels };
}

/** A node's text as drawn: its label, else its id. */
export const nodeText = (chart: Pick<Flowchart, "labels">, id: string): string => chart.labels[id] ?? id;

/**
 * Nodes that were renamed: the same id with other text, or (paired in order) a removed and
 * an added node with the same given text. A node without text of its own reads as its id,
 * so a new id there is a new node, not a rename.
 */
function findRenames(a: Flowchart, b: Flowchart): RenamedNode[] {
  const renamed: RenamedNode[] = a.nodes
    .filter((id) => b.nodes.includes(id) && nodeText(a, id) !== nodeText(b, id))
    .map((id) => ({ from: id, to: id, fromLabel: nodeText(a, id), toLabel: nodeText(b, id) }));
  const added = b.nodes.filter((id) => !a.nodes.includes(id) && id in b.labels);
  for (const id of a.nodes.filter((n) => !b.nodes.includes(n) && n in a.labels)) {
    const match = added.findIndex((n) => b.labels[n] === a.labels[id]);
    if (match < 0) continue;
    const [to] = added.splice(match, 1);
    renamed.push({ from: id, to: to!, fromLabel: a.labels[id]!, toLabel: b.labels[to!]! });
  }
  return renamed;
}

/** Nodes and edges added, removed or renamed between two flowchart sources; null unless both are flowcharts (or one is empty). */
export function diffFlowcharts(before: string, after: string): FlowchartDiff | null {
  const empty: Flowchart = { nodes: [], edges: [], labels: {} };
  const a = before.trim() ? parseFlowchart(before) : empty;
  const b = after.trim() ? parseFlowchart(after) : empty;
  if (!a || !b) return null;
  const renamed = findRenames(a, b);
  const newId = new Map(renamed.map((r) => [r.from, r.to]));
  const moved = new Set([...newId.keys(), ...newId.values()]);
  // an edge between renamed nodes is the same edge under their new ids
  const translate = (edge: string) => {
    const [from = "", to = ""] = edge.split("->");
    return `${newId.get(from) ?? from}->${newId.get(to) ?? to}`;
  };
  const oldEdges = a.edges.map(translate);
  const unique = (xs: string[]) => [...new Set(xs)];
  return {
    addedNodes: unique(b.nodes.filter((n) => !a.nodes.includes(n) && !moved.has(n))),
    removedNodes: unique(a.nodes.filter((n) => !b.nodes.includes(n) && !moved.has(n))),
    addedEdges: unique(b.edges.filter((e) => !oldEdges.includes(e))),
    removedEdges: unique(a.edges.filter((e) => !b.edges.includes(translate(e)))),
    renamedNodes: renamed,
    labels: { ...a.labels, ...b.labels },
  };
}

export type Tone = "added" | "removed" | "renamed";

/** Nodes and edges to colour in one tone. */
export interface Highlight {
  tone: Tone;
  nodes: string[];
  edges?: string[];
}

const COLOURS: Record<Tone, { fill: string; stroke: string }> = {
  added: { fill: "#dcfce7", stroke: "#16a34a" },
  removed: { fill: "#fee2e2", stroke: "#dc2626" },
  renamed: { fill: "#fef3c7", stroke: "#d97706" },
};

/**
 * The source with `classDef`/`class`/`linkStyle` lines appended that colour the given
 * nodes and edges (green for added, red for removed, amber for renamed). Edges are found
 * by their index among the source's links, as Mermaid numbers them.
 */
export function highlightFlowchart(source: string, highlights: Highlight[]): string {
  const chart = parseFlowchart(source);
  if (!chart) return source;
  const lines = [source.trimEnd()];
  for (const { tone, nodes, edges = [] } of highlights) {
    const colour = COLOURS[tone];
    const known = nodes.filter((n) => chart.nodes.includes(n));
    if (known.length) {
      lines.push(`classDef sw_${tone} fill:${colour.fill},stroke:${colour.stroke},stroke-width:3px`);
      lines.push(`class ${known.join(",")} sw_${tone}`);
    }
    const indexes = chart.edges.flatMap((e, i) => (edges.includes(e) ? [i] : []));
    if (indexes.length) lines.push(`linkStyle ${indexes.join(",")} stroke:${colour.stroke},stroke-width:3px`);
  }
  return lines.length > 1 ? lines.join("\n") : source;
}
