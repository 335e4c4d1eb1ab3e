"use client";

import type { BodySegment } from "@/lib/versions/bodyDiff";
import { highlightFlowchart, type Tone } from "@/lib/versions/flowchart";
import { describeFlowchartDiff } from "@/lib/versions/flowchartWords";
import { MermaidDrawing } from "./MermaidDrawing";

type MermaidSegment = Extract<BodySegment, { type: "mermaid" }>;

// the colours highlightFlowchart gives each kind of change, as a key beside its words
const SWATCH: Record<Tone, string> = { added: "bg-green-100 ring-green-600", removed: "bg-red-100 ring-red-600", renamed: "bg-amber-100 ring-amber-600" };

/** A changed diagram: both drawings side by side (flowchart nodes and edges added, removed or renamed highlighted), the changes in words and the source diff. */
export function MermaidDiff({ segment }: { segment: MermaidSegment }) {
  const { before, after, graph } = segment;
  if (segment.status === "same") {
    return (
      <div className="my-2 rounded-md border border-slate-200 p-2">
        <p className="text-xs text-slate-500">Diagram unchanged</p>
        <MermaidDrawing source={after} label="Diagram" />
      </div>
    );
  }
  const older = graph
    ? highlightFlowchart(before, [
        { tone: "removed", nodes: graph.removedNodes, edges: graph.removedEdges },
        { tone: "renamed", nodes: graph.renamedNodes.map((r) => r.from) },
      ])
    : before;
  const newer = graph
    ? highlightFlowchart(after, [
        { tone: "added", nodes: graph.addedNodes, edges: graph.addedEdges },
        { tone: "renamed", nodes: graph.renamedNodes.map((r) => r.to) },
      ])
    : after;
  return (
    <div className="my-2 space-y-2 rounded-md border border-indigo-200 p-2" data-testid="mermaid-diff">
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <p className="mb-1 text-xs font-medium text-red-800">Before</p>
          <MermaidDrawing source={older} fallback={before} label="Diagram before" />
        </div>
        <div>
          <p className="mb-1 text-xs font-medium text-emerald-800">After</p>
          <MermaidDrawing source={newer} fallback={after} label="Diagram after" />
        </div>
      </div>
      {graph ? (
        <ul className="text-xs text-slate-700" aria-label="Diagram changes">
          {describeFlowchartDiff(graph).map((line) => (
            <li key={line.label}>
              <span aria-hidden="true" className={`mr-1.5 inline-block h-2.5 w-2.5 rounded-sm ring-2 ${SWATCH[line.tone]}`} />
              {line.label}: {line.items.join(", ")}
            </li>
          ))}
        </ul>
      ) : null}
      <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs" aria-label="Diagram source changes">
        {segment.lines.map((l, i) => (
          <span key={i} className={l.added ? "block bg-emerald-100" : l.removed ? "block bg-red-100" : "block"}>
            {l.value.replace(/\n$/, "").split("\n").map((line) => `${l.added ? "+ " : l.removed ? "- " : "  "}${line}`).join("\n")}
          </span>
        ))}
      </pre>
    </div>
  );
}
