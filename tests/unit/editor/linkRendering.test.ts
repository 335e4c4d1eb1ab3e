import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { RichText } from "@/components/documents/RichText";
import { bodyName, writeSection, yDocToSections } from "@/lib/collab/ydoc";
import { documentSchema } from "@/lib/editor/documentSchema";
import type { PMDoc } from "@/lib/editor/schema";
import { bodyToHtml } from "@/lib/export/pdf/bodyHtml";
import { docToMarkdown } from "@/lib/markdown/toMarkdown";
import { LINK_REL } from "@/lib/util/safeUrl";

// An editor can write any attributes into a link's Yjs formatting; the reported attack was a
// page-wide overlay link with rel="opener" that tab-nabbed whoever clicked it.
const HOSTILE_ATTRS = {
  href: "https://example.com/x",
  rel: "opener",
  target: "_top",
  class: "fixed inset-0 z-50 opacity-0",
  style: "position:fixed;inset:0",
  onclick: "window.__pwned=1",
  title: "Docs",
};

/** A stored document whose one link carries `attrs`, written straight into the Yjs text as a hostile client would. */
function storedBody(attrs: Record<string, unknown>): PMDoc {
  const ydoc = new Y.Doc();
  const paragraph = { type: "paragraph" as const, content: [{ type: "text" as const, text: "click here" }] };
  writeSection(ydoc, { key: "s1", title: "One", depth: 1, fields: {}, body: { type: "doc", content: [paragraph] } });
  const text = (ydoc.getXmlFragment(bodyName("s1")).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.format(0, "click here".length, { link: attrs });
  return yDocToSections(ydoc)[0]!.body;
}

/** The editor's rendering of every link mark in `body` (the schema's toDOM), as attribute maps. */
function editorLinkAttrs(body: PMDoc): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  documentSchema.nodeFromJSON(body).descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name !== "link") continue;
      const spec = mark.type.spec.toDOM!(mark, true) as [string, Record<string, string>, 0];
      out.push(spec[1]);
    }
  });
  return out;
}

const richText = (body: PMDoc) => renderToStaticMarkup(createElement(RichText, { doc: body }));

describe("a stored link with hostile attributes", () => {
  const body = storedBody(HOSTILE_ATTRS);

  it("loads without error and keeps its address", () => {
    expect(JSON.stringify(body)).toContain("https://example.com/x");
  });

  it("renders in the editor with our rel and target and no class or style", () => {
    expect(editorLinkAttrs(body)).toEqual([{ href: "https://example.com/x", rel: LINK_REL, target: "_blank", title: "Docs" }]);
  });

  it("renders read-only with our rel and target only", () => {
    const html = richText(body);
    expect(html).toContain(`href="https://example.com/x"`);
    expect(html).toContain(`rel="${LINK_REL}"`);
    expect(html).toContain(`target="_blank"`);
    for (const hostile of [`"opener"`, `"_top"`, "fixed inset-0", "position:fixed", "__pwned"]) expect(html).not.toContain(hostile);
  });

  it("prints with our rel and target only, and its title", () => {
    const html = bodyToHtml(body, new Map());
    expect(html).toBe(`<p><a href="https://example.com/x" rel="${LINK_REL}" target="_blank" title="Docs">click here</a></p>`);
  });

  it("exports to Markdown as the address and title alone", () => {
    expect(docToMarkdown(body).trim()).toBe('[click here](https://example.com/x "Docs")');
  });
});

describe("a stored link with an unusable address", () => {
  it.each<[unknown, string]>([
    ["javascript:alert(1)", "a script address"],
    ["/\\evil.example", "a slash-backslash address"],
    [42, "a number"],
    [{ toString: "x" }, "an object"],
    [null, "nothing"],
  ])("renders %j (%s) as plain text everywhere, without crashing", (href) => {
    const body = storedBody({ ...HOSTILE_ATTRS, href });
    expect(editorLinkAttrs(body).every((attrs) => !("href" in attrs) && attrs.rel === LINK_REL)).toBe(true);
    expect(richText(body)).not.toContain("<a");
    expect(bodyToHtml(body, new Map())).toBe("<p>click here</p>");
    expect(docToMarkdown(body).trim()).toBe("click here");
  });
});
