import { describe, expect, it } from "vitest";
import { diffFlowcharts, highlightFlowchart, parseFlowchart } from "@/lib/versions/flowchart";

const BEFORE = `flowchart TD
  A[Start] --> B{Valid?}
  B -- yes --> C[Charge]
  B -->|no| D(Reject)
  %% a comment
  style A fill:#fff
`;

describe("flowchart reading", () => {
  it("finds nodes and edges in Mermaid's link order, through labels, chains and &", () => {
    expect(parseFlowchart(BEFORE)).toEqual({ nodes: ["A", "B", "C", "D"], edges: ["A->B", "B->C", "B->D"] });
    expect(parseFlowchart("graph LR\n  a & b --> c --> d\n  c -.-> e; d ==> e")).toEqual({ nodes: ["a", "b", "c", "d", "e"], edges: ["a->c", "b->c", "c->d", "c->e", "d->e"] });
  });

  it("is not a flowchart reader for other diagrams", () => {
    expect(parseFlowchart("sequenceDiagram\n  A->>B: hi")).toBeNull();
    expect(diffFlowcharts("sequenceDiagram\n  A->>B: hi", BEFORE)).toBeNull();
  });

  it("lists the nodes and edges added and removed", () => {
    const after = BEFORE.replace("B -->|no| D(Reject)", "B -->|no| E[Queue for review]\n  E --> C");
    expect(diffFlowcharts(BEFORE, after)).toEqual({ addedNodes: ["E"], removedNodes: ["D"], addedEdges: ["B->E", "E->C"], removedEdges: ["B->D"] });
  });

  it("highlights nodes with a class and edges with linkStyle by their index", () => {
    const out = highlightFlowchart(BEFORE, ["D"], ["B->D"], "removed");
    expect(out).toContain("classDef sw_removed fill:#fee2e2,stroke:#dc2626");
    expect(out).toContain("class D sw_removed");
    expect(out).toContain("linkStyle 2 stroke:#dc2626");
    expect(highlightFlowchart(BEFORE, [], [], "added")).toBe(BEFORE);
  });
});
