import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeNotice, parseNotice } from "@/lib/collab/socketNotices";
import { unsavedMarkdown } from "@/lib/collab/unsavedText";
import { sectionsToYDoc } from "@/lib/collab/ydoc";

describe("socket notices", () => {
  it("reads back what the server encodes", () => {
    for (const notice of [{ type: "access-lost" }, { type: "read-only" }, { type: "writable" }, { type: "too-large", message: "Too large." }] as const) {
      expect(parseNotice(encodeNotice(notice))).toEqual(notice);
    }
  });

  it("ignores anything else", () => {
    expect(parseNotice("save")).toBeNull();
    expect(parseNotice(JSON.stringify({ type: "too-large" }))).toBeNull();
    expect(parseNotice(JSON.stringify({ type: "too-large", message: "x".repeat(501) }))).toBeNull();
    expect(parseNotice(JSON.stringify({ type: "something" }))).toBeNull();
  });
});

describe("unsavedMarkdown", () => {
  it("writes each section's title, filled fields and body as Markdown", () => {
    const ydoc = new Y.Doc();
    sectionsToYDoc(ydoc, [
      { key: "intro", title: "Introduction", depth: 1, fields: { owner: "Ada", empty: "" }, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Typed offline." }] }] } },
      { key: "goals", title: "Goals", depth: 2, fields: {}, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Ship it." }] }] } },
    ]);
    expect(unsavedMarkdown(ydoc)).toBe("# Introduction\n\n- owner: Ada\n\nTyped offline.\n\n## Goals\n\nShip it.");
  });
});
