import { afterAll, afterEach, describe, expect, it } from "vitest";
import { InvalidInput, ServiceUnavailable } from "@/lib/errors";
import { importDocument, previewDocumentImport } from "@/lib/import/importDocument";
import { ImportTooLarge, MAX_IMPORT_BYTES } from "@/lib/import/inputs";
import { closeParsePool, parsePoolStats, warmParsePool } from "@/lib/import/parsePool";
import { importTemplate } from "@/lib/templates/importTemplate";
import { listTemplates } from "@/lib/templates/templates";
import { bigDesignDoc, plainDesignDoc } from "../../support/bigDesignDoc";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

async function rowCounts(workspaceId: string) {
  const db = testDb();
  return {
    documents: await db.document.count({ where: { workspaceId } }),
    templates: await db.template.count({ where: { workspaceId } }),
    sections: await db.section.count({ where: { document: { workspaceId } } }),
    activity: await db.activity.count({ where: { workspaceId } }),
  };
}

const SMALL = "# Small\n\n## Goals\n\n- [ ] ship\n";

afterEach(() => {
  delete process.env.PARSE_TIMEOUT_MS;
});
afterAll(() => closeParsePool());

describe("imports parse on worker threads", () => {
  // the server warms the pool once it listens: the first import finds a thread with its modules loaded
  it("starts a worker with its modules loaded before any import asks for one", async () => {
    await closeParsePool();
    expect((await parsePoolStats()).mode).toBe("idle");
    warmParsePool();
    const warm = await parsePoolStats();
    expect(warm).toMatchObject({ mode: "workers", running: 0 });
    // the start proves the worker loaded its task module by running one task
    expect(warm.completed).toBe(1);
    expect(warm.threads).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it("imports a 2 MB design document on a parse worker", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const markdown = plainDesignDoc(MAX_IMPORT_BYTES);
    expect(Buffer.byteLength(markdown)).toBe(MAX_IMPORT_BYTES);
    const before = await parsePoolStats();
    const { document, report } = await importDocument(owner, { slug: ws.slug, markdown });
    const headings = markdown.match(/^## /gm)!.length;
    expect(report.sections).toHaveLength(headings);
    expect(await testDb().section.count({ where: { documentId: document.id } })).toBe(headings);
    const after = await parsePoolStats();
    expect(after.mode).toBe("workers");
    expect(after.completed).toBeGreaterThan(before.completed);
  }, 240_000);

  it("refuses a file one byte over 2 MB (413) and writes nothing", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const before = await rowCounts(ws.id);
    const markdown = plainDesignDoc(MAX_IMPORT_BYTES + 1);
    expect(Buffer.byteLength(markdown)).toBe(MAX_IMPORT_BYTES + 1);
    const refused = await importDocument(owner, { slug: ws.slug, markdown }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportTooLarge);
    expect((refused as Error).message).toMatch(/files up to 2 MB can be imported/);
    await expect(importTemplate(owner, { slug: ws.slug, markdown })).rejects.toBeInstanceOf(ImportTooLarge);
    expect(await rowCounts(ws.id)).toEqual(before);
  });

  it("answers another request while a large file is being parsed", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    // dense Markdown: seconds of parsing even on a fast machine
    const big = importDocument(owner, { slug: ws.slug, markdown: bigDesignDoc(384 * 1024) });
    let bigDone = false;
    void big.then(() => (bigDone = true));
    // on the request thread, the parse would hold this loop until the import was done
    while ((await parsePoolStats()).running === 0 && !bigDone) await new Promise((resolve) => setImmediate(resolve));
    // the parse is on a worker now: a small call starts and finishes before it returns
    const templates = await listTemplates(owner, { slug: ws.slug });
    const stats = await parsePoolStats();
    expect(templates.length).toBeGreaterThan(0);
    expect(stats.running).toBe(1);
    expect(bigDone).toBe(false);
    const { report } = await big;
    expect(report.sections.length).toBeGreaterThan(10);
  }, 240_000);

  it("refuses input nested too deeply (the worker's parse throws), writes nothing, and parses the next file", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const before = await rowCounts(ws.id);
    const hostile = `# Deep\n\n${"> ".repeat(20_000)}x\n`;
    const refused = await importDocument(owner, { slug: ws.slug, markdown: hostile }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidInput);
    expect((refused as Error).message).toMatch(/nested too deeply/);
    expect(await rowCounts(ws.id)).toEqual(before);
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: SMALL });
    expect(document.title).toBe("Small");
    expect((await parsePoolStats()).mode).toBe("workers");
  }, 120_000);

  it("stops a parse that outlasts its time limit (503) by ending its worker, writes nothing, and the next import runs on a new one", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    await previewDocumentImport(owner, { slug: ws.slug, markdown: SMALL }); // the pool is up
    const before = await rowCounts(ws.id);
    process.env.PARSE_TIMEOUT_MS = "200";
    const refused = await importDocument(owner, { slug: ws.slug, markdown: bigDesignDoc(384 * 1024) }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceUnavailable);
    expect((refused as Error).message).toMatch(/took longer than 200 ms, so nothing was imported/);
    expect(await rowCounts(ws.id)).toEqual(before);
    delete process.env.PARSE_TIMEOUT_MS;
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: SMALL });
    expect(document.title).toBe("Small");
    expect((await parsePoolStats()).mode).toBe("workers");
  }, 120_000);
});
