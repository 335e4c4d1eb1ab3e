import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fragmentToJson } from "@/lib/collab/bodyJson";
import { readBody } from "@/lib/collab/ydocLayout";
import { documentSchema } from "@/lib/editor/documentSchema";
import { importMarkdown } from "@/lib/markdown/importMarkdown";
import { repairMojibake } from "@/lib/markdown/mojibake";
import { BUILTIN_TEMPLATES } from "@/lib/templates/builtins";
import { instantiateTemplate } from "@/lib/templates/instantiate";
import { corpusFixtures } from "../../support/corpus";

function seedsDir(): string {
  const beside = path.resolve("../shared/seeds");
  return existsSync(beside) ? beside : "/work/shared/seeds";
}

/** Every body of every seed, design-document fixture and built-in template. */
function bodies(): { name: string; body: Parameters<typeof prosemirrorJSONToYXmlFragment>[1] }[] {
  const seeds = readdirSync(seedsDir())
    .filter((f) => f.endsWith(".txt") || f.endsWith(".md"))
    .map((name) => ({ name, markdown: repairMojibake(readFileSync(path.join(seedsDir(), name), "utf8")) }));
  const imported = [...seeds, ...corpusFixtures()].flatMap(({ name, markdown }) => importMarkdown(markdown).sections.map((s, i) => ({ name: `${name} #${i}`, body: s.body })));
  const templates = BUILTIN_TEMPLATES.flatMap((t) => instantiateTemplate(t, { creatorId: "someone", today: "2026-12-03" }).map((s) => ({ name: `${t.name}/${s.key}`, body: s.body })));
  return [...imported, ...templates];
}

function fragmentOf(body: Parameters<typeof prosemirrorJSONToYXmlFragment>[1]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment("body");
  prosemirrorJSONToYXmlFragment(documentSchema, body, fragment);
  return fragment;
}

describe("a section body read from the shared document without the editor's code", () => {
  const all = bodies();

  it("covers the seeds, the fixtures and the templates", () => {
    expect(all.length).toBeGreaterThan(200);
  });

  it("reads every body exactly as the editor binding reads it", () => {
    const different = all.filter(({ body }) => {
      const fragment = fragmentOf(body);
      return JSON.stringify(fragmentToJson(fragment)) !== JSON.stringify(yXmlFragmentToProsemirrorJSON(fragment));
    });
    expect(different.map((d) => d.name)).toEqual([]);
  });

  it("names a mark stored under a hashed name (one that may overlap itself) by its type", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("body");
    const paragraph = new Y.XmlElement("paragraph");
    fragment.insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, "linked", { "link--AbCd1234": { href: "https://example.com" }, bold: {} });
    expect(fragmentToJson(fragment)).toEqual(yXmlFragmentToProsemirrorJSON(fragment));
    expect(fragmentToJson(fragment)).toEqual({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "linked", marks: [{ type: "link", attrs: { href: "https://example.com" } }, { type: "bold", attrs: {} }] }] }],
    });
  });

  it("reads an empty fragment as an empty paragraph", () => {
    expect(readBody(new Y.Doc().getXmlFragment("body"))).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});
