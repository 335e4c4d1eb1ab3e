import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { JSDOM } from "jsdom";
import { DOMParser, DOMSerializer, Schema } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentSchema } from "@/lib/editor/documentSchema";
import { documentMarkSpecs, documentNodeSpecs } from "@/lib/editor/nodeSpecs";
import type { PMDoc, PMNode } from "@/lib/editor/schema";
import { importMarkdown } from "@/lib/markdown/importMarkdown";
import { repairMojibake } from "@/lib/markdown/mojibake";
import recordedFacts from "../../fixtures/schema/documentSchema.facts.json";
import { corpusFixtures } from "../../support/corpus";
import { factDiff, schemaFacts, withoutMarks, withoutNodes, type SchemaFacts } from "../../support/schemaFacts";

// Issue 17: the tiptap extension list builds the schema the documents are stored in, so
// every stored body reads, renders and travels through Yjs the same as before. The schema
// they were stored with was built by ProseMirror straight from the node specs: it is built
// here the same way, to compare.
const storedSchema = new Schema({ nodes: documentNodeSpecs, marks: documentMarkSpecs });

function seedsDir(): string {
  const beside = path.resolve("../shared/seeds");
  return existsSync(beside) ? beside : "/work/shared/seeds";
}

/** Every seed and design-document fixture, imported as the product imports it. */
function documents(): { name: string; bodies: PMDoc[] }[] {
  const seeds = readdirSync(seedsDir())
    .filter((f) => f.endsWith(".txt") || f.endsWith(".md"))
    .sort()
    .map((name) => ({ name: `seeds/${name}`, markdown: repairMojibake(readFileSync(path.join(seedsDir(), name), "utf8")) }));
  const fixtures = corpusFixtures().map((f) => ({ name: `design-docs/${f.name}`, markdown: f.markdown }));
  return [...seeds, ...fixtures].map(({ name, markdown }) => ({ name, bodies: importMarkdown(markdown).sections.map((s) => s.body) }));
}

/** The body through the Yjs binding with `from`, read back as ProseMirror JSON. */
function throughYjs(body: PMDoc, from: Schema): unknown {
  const fragment = new Y.Doc().getXmlFragment("body");
  prosemirrorJSONToYXmlFragment(from, body, fragment);
  return yXmlFragmentToProsemirrorJSON(fragment);
}

/** `node` without the marks on inline nodes other than text (bold raw HTML, a linked image). */
function withoutAtomMarks(node: PMNode): PMNode {
  const { marks, content, ...rest } = node;
  const out: PMNode = rest;
  if (content) out.content = content.map(withoutAtomMarks);
  if (marks && node.type === "text") out.marks = marks;
  return out;
}

const { document } = new JSDOM("").window;

/** The body rendered to HTML by `schema`, and that HTML parsed back by `schema`. */
function throughHtml(body: PMDoc, schema: Schema): { html: string; parsed: unknown } {
  const container = document.createElement("div");
  container.appendChild(DOMSerializer.fromSchema(schema).serializeFragment(schema.nodeFromJSON(body).content, { document }));
  return { html: container.innerHTML, parsed: DOMParser.fromSchema(schema).parse(container).toJSON() };
}

const DOCUMENTS = documents();

/** Nodes added after the switch (no document stored before it holds one): a mention of a member. */
const ADDED = ["mention"];
/** Marks added after the switch: the tracked changes of suggestion mode. */
const ADDED_MARKS = ["insertion", "deletion", "modification"];
const recordedPart = (facts: SchemaFacts) => withoutMarks(withoutNodes(facts, ADDED), ADDED_MARKS);

describe("the tiptap extension list", () => {
  it("builds a schema with the same nodes, marks, content, flags and attributes as the one the documents were stored with", () => {
    expect(factDiff(schemaFacts(storedSchema), schemaFacts(documentSchema))).toEqual([]);
  });

  // recorded from the hand-written ProseMirror schema the documents were stored with
  // (nodes added since are left out: the ones recorded must stay exactly as they were)
  it("builds the recorded shape of the schema the documents were stored with", () => {
    expect(factDiff(recordedFacts, recordedPart(schemaFacts(documentSchema)))).toEqual([]);
    expect(factDiff(recordedFacts, recordedPart(schemaFacts(storedSchema)))).toEqual([]);
    expect(schemaFacts(documentSchema)["nodes"]).toEqual(expect.arrayContaining(ADDED));
    expect(schemaFacts(documentSchema)["marks"]).toEqual(expect.arrayContaining(ADDED_MARKS));
  });

  it("finds every seed and design-document fixture", () => {
    expect(DOCUMENTS.filter((d) => d.name.startsWith("seeds/")).length).toBeGreaterThan(0);
    expect(DOCUMENTS.filter((d) => d.name.startsWith("design-docs/")).length).toBeGreaterThan(30);
  });
});

describe.each(DOCUMENTS.map((d) => [d.name, d] as const))("%s", (_name, { bodies }) => {
  it("reads every section body to the same JSON through both schemas", () => {
    for (const body of bodies) expect(documentSchema.nodeFromJSON(body).toJSON()).toEqual(storedSchema.nodeFromJSON(body).toJSON());
  });

  it("reads every body written to Yjs with the document schema the same through both schemas", () => {
    for (const body of bodies) {
      const stored = throughYjs(body, storedSchema);
      expect(documentSchema.nodeFromJSON(stored).toJSON()).toEqual(storedSchema.nodeFromJSON(stored).toJSON());
    }
  });

  it("writes every body to the same Yjs content with either schema", () => {
    for (const body of bodies) expect(throughYjs(body, documentSchema)).toEqual(throughYjs(body, storedSchema));
  });

  it("loses nothing on the Yjs route but the marks of inline atoms, which the binding drops with either schema", () => {
    for (const body of bodies) {
      const expected = withoutAtomMarks(storedSchema.nodeFromJSON(body).toJSON() as PMNode);
      expect(documentSchema.nodeFromJSON(throughYjs(body, storedSchema)).toJSON()).toEqual(expected);
    }
  });

  it("renders every body to the same HTML and parses that HTML back to the same JSON", () => {
    for (const body of bodies) expect(throughHtml(body, documentSchema)).toEqual(throughHtml(body, storedSchema));
  });
});
