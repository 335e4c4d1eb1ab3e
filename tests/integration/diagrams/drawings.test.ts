import { afterAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { drawMissingDiagrams, type DrawDiagrams } from "@/lib/diagrams/drawMissing";
import { drawingKey } from "@/lib/diagrams/drawingKey";
import { cachedDrawings, getDocumentDrawings, MAX_DRAWING_BYTES } from "@/lib/diagrams/drawings";
import { createDocument } from "@/lib/documents/createDocument";
import { NotFound } from "@/lib/errors";
import { closePdfBrowser } from "@/lib/export/pdf/browser";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace, testDb, unique } from "../../support/db";

afterAll(() => closePdfBrowser());

/** A document whose first section holds these diagrams, and no other section any (the template's are cleared). */
async function documentWith(sources: string[], roles: Parameters<typeof makeWorkspace>[0] = []) {
  const ws = await makeWorkspace(roles);
  const ctx = ctxFor(ws.owner);
  const template = (await listTemplates(ctx, { slug: ws.slug })).find((t) => t.key === "technical-design")!;
  const { id } = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
  const first = await testDb().section.findFirstOrThrow({ where: { documentId: id }, orderBy: { position: "asc" } });
  await testDb().section.updateMany({ where: { documentId: id }, data: { body: { type: "doc", content: [] } } });
  await setDiagrams(first.id, sources);
  return { ws, ctx, documentId: id, sectionId: first.id };
}

async function setDiagrams(sectionId: string, sources: string[]) {
  const body = { type: "doc", content: sources.map((source) => ({ type: "mermaid", attrs: { source } })) };
  await testDb().section.update({ where: { id: sectionId }, data: { body } });
}

/** Draws every source as a small SVG naming it, counting the calls. */
function fakeDraw(svgFor: (source: string) => string = (s) => `<svg xmlns="http://www.w3.org/2000/svg" role="img"><text>${s.length}</text></svg>`) {
  const calls: string[][] = [];
  const draw: DrawDiagrams = async (sources) => {
    calls.push(sources);
    return new Map(sources.map((s) => [s, { svg: svgFor(s) }]));
  };
  return { draw, calls };
}

const flowchart = () => `flowchart LR\n  A[${unique("node")}] --> B`;

describe("cached drawings of a document's diagrams", () => {
  it("brings the drawing of each diagram drawn, and none for a diagram whose source changed by one character", async () => {
    const [one, two] = [flowchart(), flowchart()];
    const { ctx, documentId, sectionId } = await documentWith([one, two]);
    expect(await getDocumentDrawings(ctx, { documentId })).toEqual({ drawings: {}, missing: [one, two] });
    const { draw } = fakeDraw();
    expect(await drawMissingDiagrams(testDb(), [one, two], draw)).toBe(2);
    expect(Object.keys((await getDocumentDrawings(ctx, { documentId })).drawings)).toEqual([one, two]);

    const edited = `${one} `;
    await setDiagrams(sectionId, [edited, two]);
    const after = await getDocumentDrawings(ctx, { documentId });
    expect(Object.keys(after.drawings)).toEqual([two]);
    expect(after.missing).toEqual([edited]);
  });

  it("stores each drawing under the hash of its source, Mermaid's version and the screen look", async () => {
    const source = flowchart();
    await drawMissingDiagrams(testDb(), [source], fakeDraw().draw);
    const rows = await testDb().diagramDrawing.findMany({ where: { key: { in: [drawingKey(source), drawingKey(`${source}\n`)] } } });
    expect(rows.map((r) => r.key)).toEqual([drawingKey(source)]);
  });

  it("draws only what has no drawing yet, each source once", async () => {
    const [one, two] = [flowchart(), flowchart()];
    const { draw, calls } = fakeDraw();
    await drawMissingDiagrams(testDb(), [one], draw);
    await drawMissingDiagrams(testDb(), [one, two, two], draw);
    expect(calls).toEqual([[one], [two]]);
  });

  it("shows drawings to a viewer, and nothing of a document to someone outside its workspace", async () => {
    const source = flowchart();
    const { ws, documentId } = await documentWith([source], ["viewer"]);
    await drawMissingDiagrams(testDb(), [source], fakeDraw().draw);
    const viewer = await getDocumentDrawings(ctxFor(ws.members.viewer[0]!), { documentId });
    expect(Object.keys(viewer.drawings)).toEqual([source]);
    const stranger = (await makeWorkspace()).owner;
    await expect(getDocumentDrawings(ctxFor(stranger), { documentId })).rejects.toBeInstanceOf(NotFound);
  });

  it("refuses a document id that is not one", async () => {
    const { ctx } = await documentWith([]);
    await expect(getDocumentDrawings(ctx, { documentId: "not an id; drop table" })).rejects.toBeInstanceOf(ZodError);
  });

  it("keeps no drawing larger than the limit, and brings a page no more drawing bytes than its budget", async () => {
    const [big, small] = [flowchart(), flowchart()];
    const padding = "x".repeat(MAX_DRAWING_BYTES);
    const { draw } = fakeDraw((s) => (s === big ? `<svg xmlns="http://www.w3.org/2000/svg"><desc>${padding}</desc></svg>` : `<svg xmlns="http://www.w3.org/2000/svg"><text>small</text></svg>`));
    expect(await drawMissingDiagrams(testDb(), [big, small], draw)).toBe(1);
    const all = await cachedDrawings(testDb(), [big, small]);
    expect([...all.found.keys()]).toEqual([small]);
    expect(all.missing).toEqual([big]);
    const tight = await cachedDrawings(testDb(), [small], 10);
    expect(tight.found.size).toBe(0);
    expect(tight.missing).toEqual([]);
  });

  it("sanitises a drawing again before keeping it", async () => {
    const source = flowchart();
    const { draw } = fakeDraw(() => `<svg xmlns="http://www.w3.org/2000/svg" role="img" onload="alert(1)"><script>alert(2)</script><a href="https://example.com/"><text>x</text></a></svg>`);
    await drawMissingDiagrams(testDb(), [source], draw);
    const { svg } = await testDb().diagramDrawing.findUniqueOrThrow({ where: { key: drawingKey(source) } });
    expect(svg).toContain('role="img"');
    expect(svg).not.toMatch(/onload|<script|example\.com/);
  });

  it("keeps nothing for a source Mermaid rejects", async () => {
    const source = `flowchart LR\n  A[${unique("broken")}`;
    const draw: DrawDiagrams = async (sources) => new Map(sources.map((s) => [s, { error: "Parse error" }]));
    expect(await drawMissingDiagrams(testDb(), [source], draw)).toBe(0);
    expect((await cachedDrawings(testDb(), [source])).missing).toEqual([source]);
  });

  it("draws in Chromium as the browser would: strict Mermaid, SVG text labels, the diagram's role kept", async () => {
    const label = unique("Gateway");
    const source = `flowchart TD\n  A[Client] --> B[${label}]`;
    expect(await drawMissingDiagrams(testDb(), [source])).toBe(1);
    const { svg } = await testDb().diagramDrawing.findUniqueOrThrow({ where: { key: drawingKey(source) } });
    expect(svg).toMatch(/^<svg[^>]+role="graphics-document document"/);
    expect(svg).toContain(`>${label}</tspan>`);
    expect(svg).not.toContain("<foreignObject");
  }, 60_000);
});
