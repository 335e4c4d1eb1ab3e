import { describe, expect, it } from "vitest";
import type { HashableSection } from "@/lib/documents/contentHash";
import type { PMNode } from "@/lib/editor/schema";
import { diffBodies, diffTables } from "@/lib/versions/bodyDiff";
import { describeSummary, diffSections, movedKeys, summarize } from "@/lib/versions/diff";

const p = (text: string): PMNode => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...content: PMNode[]) => ({ type: "doc" as const, content });
const section = (key: string, body = doc(p(key)), fields = {}): HashableSection => ({ key, title: key.toUpperCase(), depth: 1, fields, body });
const cells = (...texts: string[]) => texts.map((text) => ({ header: false, text }));

describe("section diff", () => {
  it("marks sections moved only when they left the longest common order", () => {
    expect([...movedKeys(["a", "b", "c", "d"], ["d", "a", "b", "c"])]).toEqual(["d"]);
    expect([...movedKeys(["a", "b"], ["a", "b", "x"])]).toEqual([]);
  });

  it("summarises added, removed, changed and moved sections from hashes", () => {
    expect(summarize([["a", "1"], ["b", "2"], ["c", "3"]], [["c", "3"], ["a", "9"], ["d", "4"]])).toEqual({ changed: 1, added: 1, removed: 1, moved: 1 });
    expect(describeSummary({ changed: 3, added: 1, removed: 0, moved: 0 })).toBe("3 sections changed, 1 added");
    expect(describeSummary({ changed: 0, added: 2, removed: 0, moved: 0 })).toBe("2 sections added");
    expect(describeSummary({ changed: 0, added: 0, removed: 0, moved: 0 })).toBe("");
  });

  it("keeps removed sections where they were, and reports field changes old → new", () => {
    const diff = diffSections([section("a"), section("b"), section("c", doc(p("c")), { owner: "Ana" })], [section("a"), section("c", doc(p("c")), { owner: "Bo" })]);
    expect(diff.sections.map((s) => [s.key, s.status])).toEqual([["a", "unchanged"], ["b", "removed"], ["c", "changed"]]);
    expect(diff.sections[2]!.fields).toEqual([{ key: "owner", from: "Ana", to: "Bo" }]);
    expect(diff.sections[2]!.body).toBeNull();
  });
});

describe("body diff", () => {
  it("diffs text word by word and keeps unchanged blocks as context", () => {
    const segments = diffBodies(doc(p("Intro."), p("We retry once.")), doc(p("Intro."), p("We retry three times.")));
    expect(segments).toEqual([{ type: "text", parts: [{ value: "Intro." }, { value: "\n" }, { value: "We retry " }, { value: "once", removed: true }, { value: "three times", added: true }, { value: "." }] }]);
  });

  it("compares tables cell by cell, with added and removed rows", () => {
    const rows = diffTables([cells("Step", "Owner"), cells("Charge", "Billing"), cells("Refund", "Support")], [cells("Step", "Owner"), cells("Charge", "Payments"), cells("Refund", "Support"), cells("Dispute", "Risk")]);
    expect(rows.map((r) => [r.status, r.cells.map((c) => c.status)])).toEqual([
      ["same", ["same", "same"]],
      ["changed", ["same", "changed"]],
      ["same", ["same", "same"]],
      ["added", ["added", "added"]],
    ]);
    expect(diffTables([cells("a", "b")], [])[0]).toMatchObject({ status: "removed" });
  });

  it("puts a changed Mermaid diagram beside its old self with the source and graph differences", () => {
    const m = (source: string): PMNode => ({ type: "mermaid", attrs: { source } });
    const [segment] = diffBodies(doc(m("flowchart LR\n  A --> B")), doc(m("flowchart LR\n  A --> B\n  B --> C")));
    expect(segment).toMatchObject({ type: "mermaid", status: "changed", graph: { addedNodes: ["C"], addedEdges: ["B->C"], removedNodes: [], removedEdges: [] } });
    expect(segment?.type === "mermaid" && segment.lines.filter((l) => l.added).map((l) => l.value)).toEqual(["  B --> C\n"]);
  });
});
