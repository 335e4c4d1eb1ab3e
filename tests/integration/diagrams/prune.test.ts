import { describe, expect, it } from "vitest";
import { drawingKey, drawingLook } from "@/lib/diagrams/drawingKey";
import { markDrawingsUsed, pruneDrawings, USE_NOTED_EVERY_MS } from "@/lib/diagrams/prune";
import { importDocument } from "@/lib/import/importDocument";
import { ctxFor, makeWorkspace, testDb, unique } from "../../support/db";

const DAY = 24 * 60 * 60 * 1000;
const svg = `<svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>`;
const flowchart = () => `flowchart LR\n  A[${unique("node")}] --> B`;

/** A document whose one section shows these diagrams (as the editor stores them: nested in the body). */
async function documentShowing(sources: string[]): Promise<void> {
  const ws = await makeWorkspace();
  const { document } = await importDocument(ctxFor(ws.owner), { slug: ws.slug, markdown: "# Diagrams\n\n## Design\n\nText.\n" });
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "Before the diagrams." }] },
      { type: "blockquote", content: sources.map((source) => ({ type: "mermaid", attrs: { source } })) },
    ],
  };
  await testDb().section.updateMany({ where: { documentId: document.id }, data: { body } });
}

/** Stores a drawing of `source` as drawn `daysAgo` and last brought by a page then. */
async function drawn(source: string, daysAgo: number, look = drawingLook()): Promise<string> {
  const at = new Date(Date.now() - daysAgo * DAY);
  const key = drawingKey(source);
  await testDb().diagramDrawing.create({ data: { key, svg, look, createdAt: at, lastUsedAt: at } });
  return key;
}

async function kept(keys: string[]): Promise<string[]> {
  const rows = await testDb().diagramDrawing.findMany({ where: { key: { in: keys } }, select: { key: true } });
  return keys.filter((key) => rows.some((r) => r.key === key));
}

describe("pruning the server's diagram drawings", () => {
  it("deletes an old drawing no section shows, once across concurrent runs, and keeps a shown one and a recently used one", async () => {
    const [shown, gone, recent] = [flowchart(), flowchart(), flowchart()];
    await documentShowing([shown]);
    const keys = { shown: await drawn(shown, 90), gone: await drawn(gone, 31), recent: await drawn(recent, 29) };

    // two processes of a cluster at once: one prunes, the other finds the lock taken
    const runs = await Promise.all([pruneDrawings(testDb()), pruneDrawings(testDb())]);
    expect(runs.some((r) => r.ran)).toBe(true);
    expect(await kept(Object.values(keys))).toEqual([keys.shown, keys.recent]);
    // again: nothing more of these goes
    await pruneDrawings(testDb());
    expect(await kept(Object.values(keys))).toEqual([keys.shown, keys.recent]);
  });

  it("deletes drawings of another Mermaid version or look, even of a diagram a section shows", async () => {
    const shown = flowchart();
    await documentShowing([shown]);
    const key = await drawn(shown, 0, "an earlier Mermaid");
    expect((await pruneDrawings(testDb())).removed).toBeGreaterThanOrEqual(1);
    expect(await kept([key])).toEqual([]);
  });

  it("counts a drawing's time from the last page that brought it, noted at most once a day", async () => {
    const source = flowchart();
    const key = await drawn(source, 40);
    expect(await markDrawingsUsed(testDb(), [source])).toBe(1);
    // noted just now: a second view does not write
    expect(await markDrawingsUsed(testDb(), [source])).toBe(0);
    const { lastUsedAt } = await testDb().diagramDrawing.findUniqueOrThrow({ where: { key } });
    expect(Date.now() - lastUsedAt.getTime()).toBeLessThan(USE_NOTED_EVERY_MS);
    await pruneDrawings(testDb());
    expect(await kept([key])).toEqual([key]);
    // a month later, still shown nowhere: it goes
    await pruneDrawings(testDb(), { now: new Date(Date.now() + 31 * DAY) });
    expect(await kept([key])).toEqual([]);
  });
});
