import { describe, expect, it } from "vitest";
import { diffFlowcharts, highlightFlowchart, parseFlowchart } from "@/lib/versions/flowchart";
import { describeFlowchartDiff } from "@/lib/versions/flowchartWords";

const BEFORE = `flowchart TD
  A[Start] --> B{Valid?}
  B -- yes --> C[Charge]
  B -->|no| D(Reject)
  %% a comment
  style A fill:#fff
`;

describe("flowchart reading", () => {
  it("finds nodes and edges in Mermaid's link order, through labels, chains and &", () => {
    expect(parseFlowchart(BEFORE)).toEqual({ nodes: ["A", "B", "C", "D"], edges: ["A->B", "B->C", "B->D"], labels: { A: "Start", B: "Valid?", C: "Charge", D: "Reject" } });
    expect(parseFlowchart("graph LR\n  a & b --> c --> d\n  c -.-> e; d ==> e")).toEqual({ nodes: ["a", "b", "c", "d", "e"], edges: ["a->c", "b->c", "c->d", "c->e", "d->e"], labels: {} });
  });

  it("is not a flowchart reader for other diagrams", () => {
    expect(parseFlowchart("sequenceDiagram\n  A->>B: hi")).toBeNull();
    expect(diffFlowcharts("sequenceDiagram\n  A->>B: hi", BEFORE)).toBeNull();
  });

  it("lists the nodes and edges added and removed", () => {
    const after = BEFORE.replace("B -->|no| D(Reject)", "B -->|no| E[Queue for review]\n  E --> C");
    expect(diffFlowcharts(BEFORE, after)).toMatchObject({ addedNodes: ["E"], removedNodes: ["D"], addedEdges: ["B->E", "E->C"], removedEdges: ["B->D"], renamedNodes: [] });
  });

  it("highlights nodes with a class and edges with linkStyle by their index", () => {
    const out = highlightFlowchart(BEFORE, [{ tone: "removed", nodes: ["D"], edges: ["B->D"] }, { tone: "renamed", nodes: ["A", "Z"] }]);
    expect(out).toContain("classDef sw_removed fill:#fee2e2,stroke:#dc2626");
    expect(out).toContain("class D sw_removed");
    expect(out).toContain("linkStyle 2 stroke:#dc2626");
    expect(out).toContain("class A sw_renamed");
    expect(highlightFlowchart(BEFORE, [{ tone: "added", nodes: [], edges: [] }])).toBe(BEFORE);
  });
});

describe("renamed nodes", () => {
  it("reads the text of every shape, quoted or not, the last one given winning", () => {
    const chart = parseFlowchart('flowchart LR\n  a(["Queue (retry)"]) --> b((Done))\n  c[/Upload/] --> d{{Check}}\n  b --> e>Flag]\n  e[Flagged]');
    expect(chart?.labels).toEqual({ a: "Queue (retry)", b: "Done", c: "Upload", d: "Check", e: "Flagged" });
  });

  it("marks a node whose text changed under the same id as renamed, not removed and added", () => {
    const after = BEFORE.replace("D(Reject)", "D(Decline)");
    expect(diffFlowcharts(BEFORE, after)).toMatchObject({ addedNodes: [], removedNodes: [], addedEdges: [], removedEdges: [], renamedNodes: [{ from: "D", to: "D", fromLabel: "Reject", toLabel: "Decline" }] });
  });

  it("marks a node that kept its text under a new id as renamed, and keeps its edges", () => {
    const after = BEFORE.replace("C[Charge]", "Pay[Charge]");
    const diff = diffFlowcharts(BEFORE, after)!;
    expect(diff.renamedNodes).toEqual([{ from: "C", to: "Pay", fromLabel: "Charge", toLabel: "Charge" }]);
    expect(diff).toMatchObject({ addedNodes: [], removedNodes: [], addedEdges: [], removedEdges: [] });
  });

  it("treats a new id with no text of its own as a new node", () => {
    const diff = diffFlowcharts("flowchart LR\n  A --> B", "flowchart LR\n  A --> C")!;
    expect(diff).toMatchObject({ addedNodes: ["C"], removedNodes: ["B"], renamedNodes: [] });
  });

  it("says the changes in the drawing's words", () => {
    const after = BEFORE.replace("D(Reject)", "D(Decline)").replace("C[Charge]", "Pay[Charge]") + "  Pay --> F[Receipt]\n";
    expect(describeFlowchartDiff(diffFlowcharts(BEFORE, after)!)).toEqual([
      { label: "Nodes renamed", tone: "renamed", items: ["Reject → Decline", "Charge (C → Pay)"] },
      { label: "Nodes added", tone: "added", items: ["Receipt"] },
      { label: "Edges added", tone: "added", items: ["Charge → Receipt"] },
    ]);
  });
});
