import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { resolveEverywhere } from "@/components/editor/resolveEverywhere";
import { bodyName, writeSection } from "@/lib/collab/ydoc";
import { documentSchema } from "@/lib/editor/documentSchema";
import type { PMDoc } from "@/lib/editor/schema";

const vera = (n: number) => ({ type: "insertion" as const, attrs: { id: `vera:mf2k3l:${n}` } });
const body = (content: PMDoc["content"]): PMDoc => ({ type: "doc", content });
const text = (t: string, marks?: { type: "insertion" | "deletion"; attrs: { id: string } }[]) => ({ type: "text" as const, text: t, ...(marks ? { marks } : {}) });

function documentWith(bodies: Record<string, PMDoc>): Y.Doc {
  const ydoc = new Y.Doc();
  for (const key of Object.keys(bodies)) writeSection(ydoc, { key, title: key, depth: 1, fields: {}, body: { type: "doc", content: [{ type: "paragraph" }] } });
  for (const [key, b] of Object.entries(bodies)) {
    const fragment = ydoc.getXmlFragment(bodyName(key));
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(documentSchema, b, fragment);
  }
  return ydoc;
}
const plain = (ydoc: Y.Doc, key: string) => JSON.stringify(yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(bodyName(key))));

describe("accepting or rejecting one person's suggestions in the whole document", () => {
  const bodies = {
    goals: body([{ type: "paragraph", content: [text("Uptime "), text("99.99", [{ type: "deletion", attrs: { id: "vera:mf2k3l:1" } }]), text("99.9", [vera(1)]), text(" %.")] }]),
    risks: body([{ type: "paragraph", content: [text("Replay"), text(" and forgery", [vera(2)]), text("."), text(" Maybe.", [{ type: "insertion", attrs: { id: "omar:mf2k3m:3" } }])] }]),
  };

  it("accepts every one of theirs, in every section, and leaves another person's open", () => {
    const ydoc = documentWith(bodies);
    expect(resolveEverywhere(ydoc, "accept", "vera")).toBe(2);
    expect(plain(ydoc, "goals")).toBe(JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Uptime 99.9 %." }] }] }));
    expect(plain(ydoc, "risks")).toContain('"text":"Replay and forgery."');
    expect(plain(ydoc, "risks")).toContain("omar:mf2k3m:3");
  });

  it("rejects every one of theirs: the text is as it was", () => {
    const ydoc = documentWith(bodies);
    expect(resolveEverywhere(ydoc, "reject", "vera")).toBe(2);
    expect(plain(ydoc, "goals")).toBe(JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Uptime 99.99 %." }] }] }));
    expect(plain(ydoc, "risks")).not.toContain("forgery");
    expect(plain(ydoc, "risks")).toContain("omar:mf2k3m:3");
  });
});
