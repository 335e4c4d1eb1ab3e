import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { RichText } from "@/components/documents/RichText";
import { mentionItems } from "@/components/editor/mentionItems";
import { partProblems } from "@/lib/collab/documentRules";
import { bodyName, writeSection } from "@/lib/collab/ydoc";
import { documentSchema, normalizeDoc } from "@/lib/editor/documentSchema";
import { docToText, type PMDoc } from "@/lib/editor/schema";
import { bodyToHtml } from "@/lib/export/pdf/bodyHtml";
import { docToMarkdown } from "@/lib/markdown/toMarkdown";
import { mentionsIn } from "@/lib/notifications/mentions";

const ADA = { userId: "u-ada", name: "Ada Lovelace" };
const body: PMDoc = normalizeDoc({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Ask " }, { type: "mention", attrs: { id: ADA.userId, label: ADA.name } }, { type: "text", text: " about <limits>." }] }],
});

describe("a mention in the text", () => {
  it("reads as @name in every renderer, search text and Markdown", () => {
    expect(docToText(body)).toBe("Ask @Ada Lovelace about <limits>.");
    expect(docToMarkdown(body).trim()).toBe("Ask @Ada Lovelace about \\<limits>.");
    // the editor's element, read-only and printed
    const chip = '<span data-type="mention" data-id="u-ada" data-label="Ada Lovelace" class="sw-mention">@Ada Lovelace</span>';
    expect(renderToStaticMarkup(createElement(RichText, { doc: body }))).toContain(chip);
    expect(bodyToHtml(body, new Map())).toContain(chip);
    // the editor draws the same element, and reads it back from pasted HTML
    const node = documentSchema.nodeFromJSON(body);
    const mention = node.firstChild!.child(1);
    expect(mention.type.spec.toDOM!(mention)).toEqual(["span", { "data-type": "mention", "data-id": "u-ada", "data-label": "Ada Lovelace", class: "sw-mention" }, "@Ada Lovelace"]);
    expect(node.textBetween(0, node.content.size, "\n")).toBe("Ask @Ada Lovelace about <limits>.");
  });

  it("names who is mentioned, once each, with the first section naming them", () => {
    const other = normalizeDoc({ type: "doc", content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id: "u-ada", label: "Ada" } }, { type: "mention", attrs: { id: "u-bo", label: "Bo" } }] }] });
    expect([...mentionsIn([{ key: "a", title: "A", body }, { key: "b", title: "B", body: other }])]).toEqual([
      ["u-ada", { key: "a", title: "A" }],
      ["u-bo", { key: "b", title: "B" }],
    ]);
  });

  it("is refused on the socket with an attribute it does not have", () => {
    const ydoc = new Y.Doc();
    writeSection(ydoc, { key: "s1", title: "One", depth: 1, fields: {}, body: { type: "doc", content: [{ type: "paragraph" }] } });
    const element = new Y.XmlElement("mention");
    element.setAttribute("id", "u-ada");
    element.setAttribute("label", "Ada");
    element.setAttribute("onclick", "alert(1)");
    (ydoc.getXmlFragment(bodyName("s1")).get(0) as Y.XmlElement).insert(0, [element]);
    expect([...partProblems(ydoc, { kind: "body", key: "s1" }, () => undefined)].join(" ")).toContain("unknown attribute");
  });
});

describe("the @ menu", () => {
  const members = [ADA, { userId: "u-bo", name: "Bo Ström" }, { userId: "u-cy", name: "Cyrus Adams" }];

  it("offers members whose name, or a word of it, starts with what was typed", () => {
    expect(mentionItems(members, "").map((i) => i.label)).toEqual(["Ada Lovelace", "Bo Ström", "Cyrus Adams"]);
    expect(mentionItems(members, "ad").map((i) => i.label)).toEqual(["Ada Lovelace", "Cyrus Adams"]);
    expect(mentionItems(members, "STR").map((i) => i.label)).toEqual(["Bo Ström"]);
    expect(mentionItems(members, "love lace")).toEqual([]);
  });
});
