import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { sectionsToYDoc, yDocToSections, type SectionContent } from "@/lib/collab/ydoc";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { BLOCK_NODES, INLINE_NODES, MARKS, walk, type PMDoc } from "@/lib/editor/schema";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";

const EVERYTHING = `
### A heading with **bold**, *italic*, ~~strike~~, \`code\` and a [link](https://example.com)

A paragraph with a [Placeholder] and a {feature}  
after a hard break, an ![image](/api/images/abc "Title"), <sub>raw</sub> HTML,
a footnote[^1] and a [reference][ref].

<!-- a comment -->

[ref]: https://example.com/ref "Ref"

[^1]: The footnote.

- bullet
  1. nested numbered
- [x] a task among plain items

A list of tasks only:

- [ ] open task
- [x] done task

> a quote

---

| Header A | Header B |
| --- | --- |
| cell | [Value] |

\`\`\`ts
const x = 1;
\`\`\`

\`\`\`mermaid
flowchart LR
  A --> B
\`\`\`
`;

describe("Y.Doc ⇄ Section projection", () => {
  it("round-trips every node and mark type exactly", () => {
    const body = normalizeDoc(markdownToDoc(EVERYTHING).doc);
    // the sample must really contain every node and mark the schema knows
    const seen = new Set<string>();
    walk(body, (n) => {
      seen.add(n.type);
      n.marks?.forEach((m) => seen.add(m.type));
    });
    // what Markdown cannot write: a plain list item, a mention of a member, and suggestions
    const listItem = normalizeDoc({
      type: "doc",
      content: [
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id: "u1", label: "Ada" } }] }] }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "kept " },
            { type: "text", text: "added", marks: [{ type: "insertion", attrs: { id: "u1:abc:1" } }] },
            { type: "text", text: "removed", marks: [{ type: "deletion", attrs: { id: "u1:abc:1" } }] },
            { type: "text", text: "retyped", marks: [{ type: "modification", attrs: { id: "u1:abc:2", type: "attr", attrName: "level", previousValue: 1, newValue: 2 } }] },
          ],
        },
      ],
    } as PMDoc);
    walk(listItem, (n) => {
      seen.add(n.type);
      n.marks?.forEach((m) => seen.add(m.type));
    });
    expect([...BLOCK_NODES, ...INLINE_NODES, ...MARKS].filter((t) => !seen.has(t))).toEqual([]);

    const sections: SectionContent[] = [
      { key: "everything", title: "Everything", depth: 1, fields: { status: "Draft", reviewers: ["u1", "u2"], empty: null }, body },
      { key: "child", title: "Child", depth: 2, fields: {}, body: listItem },
    ];
    const ydoc = new Y.Doc();
    sectionsToYDoc(ydoc, sections);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    const projected = yDocToSections(copy);
    expect(projected.map(({ key, title, depth, fields, body: b }) => ({ key, title, depth, fields, body: b }))).toEqual(sections);
    expect(projected[0]!.text).toContain("const x = 1;");
    expect(projected[0]!.text).not.toContain("[Placeholder]");
  });
});
