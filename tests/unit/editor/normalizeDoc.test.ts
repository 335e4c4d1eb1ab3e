import { describe, expect, it } from "vitest";
import { documentSchema, normalizeDoc } from "@/lib/editor/documentSchema";
import type { PMDoc } from "@/lib/editor/schema";

describe("normalizeDoc", () => {
  it("gives a body stored before the Markdown attributes existed the JSON it had, so its hash stays", () => {
    const stored: PMDoc = {
      type: "doc",
      content: [
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "https://a.example", target: "_blank", rel: "noopener noreferrer nofollow", class: null, title: null } }] }] }] }] },
        { type: "orderedList", attrs: { start: 3, type: null }, content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
        { type: "taskList", content: [{ type: "taskItem", attrs: { checked: true }, content: [{ type: "paragraph" }] }] },
        { type: "codeBlock", attrs: { language: "ts" }, content: [{ type: "text", text: "a" }] },
        { type: "mermaid", attrs: { source: "flowchart LR" } },
      ],
    };
    expect(normalizeDoc(structuredClone(stored))).toEqual(stored);
  });

  it("keeps the new attributes where they are not at their defaults", () => {
    const doc: PMDoc = {
      type: "doc",
      content: [{ type: "bulletList", attrs: { spread: true }, content: [{ type: "listItem", attrs: { checked: false }, content: [{ type: "paragraph" }] }] }],
    };
    expect(normalizeDoc(doc)).toEqual(doc);
  });

  it("leaves the schema's default attributes alone: nodes made later still get every default", () => {
    const list: PMDoc = { type: "doc", content: [{ type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] }] };
    normalizeDoc(structuredClone(list));
    normalizeDoc(structuredClone(list));
    const item = documentSchema.nodeFromJSON(list).firstChild!.firstChild!;
    expect(item.attrs).toEqual({ checked: null });
    expect(documentSchema.nodes.bulletList!.create().attrs).toEqual({ spread: false });
  });
});
