import { nodeText, type FlowchartDiff, type Tone } from "./flowchart";

/** One line of a diagram's changes in words: "Nodes renamed: Start → Begin", with the colour it has in the drawing. */
export interface FlowchartChangeLine {
  label: string;
  tone: Tone;
  items: string[];
}

/**
 * A flowchart diff as the drawing reads: nodes by their text, edges as "text → text",
 * renamed nodes as "Old text → New text" (or "Text (A → B)" when only the id changed).
 * Empty lines are left out.
 */
export function describeFlowchartDiff(diff: FlowchartDiff): FlowchartChangeLine[] {
  const text = (id: string) => nodeText(diff, id);
  const edge = (e: string) => e.split("->").map(text).join(" → ");
  const lines: FlowchartChangeLine[] = [
    { label: "Nodes renamed", tone: "renamed", items: diff.renamedNodes.map((r) => (r.fromLabel !== r.toLabel ? `${r.fromLabel} → ${r.toLabel}` : `${r.toLabel} (${r.from} → ${r.to})`)) },
    { label: "Nodes added", tone: "added", items: diff.addedNodes.map(text) },
    { label: "Nodes removed", tone: "removed", items: diff.removedNodes.map(text) },
    { label: "Edges added", tone: "added", items: diff.addedEdges.map(edge) },
    { label: "Edges removed", tone: "removed", items: diff.removedEdges.map(edge) },
  ];
  return lines.filter((l) => l.items.length);
}
