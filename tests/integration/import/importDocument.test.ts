import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/context";
import { getDocument, updateDocument } from "@/lib/documents/documents";
import { createDocument } from "@/lib/documents/createDocument";
import { Forbidden, InvalidInput, NotFound } from "@/lib/errors";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { importDocument, previewDocumentImport } from "@/lib/import/importDocument";
import { ImportTooLarge, MAX_IMPORT_BYTES } from "@/lib/import/inputs";
import { countContent } from "@/lib/import/prepareImport";
import { importMarkdown } from "@/lib/markdown/importMarkdown";
import { repairMojibake } from "@/lib/markdown/mojibake";
import { BUILTIN_TEMPLATES } from "@/lib/templates/builtins";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

const seedsDir = existsSync(path.resolve("../shared/seeds")) ? path.resolve("../shared/seeds") : "/work/shared/seeds";
const SEEDS = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort();
const seed = (name: string) => readFileSync(path.join(seedsDir, name), "utf8");

async function templateId(ctx: Ctx, slug: string, key: string): Promise<string> {
  return (await listTemplates(ctx, { slug })).find((t) => t.key === key)!.id;
}

async function rowCounts(workspaceId: string) {
  const db = testDb();
  return {
    documents: await db.document.count({ where: { workspaceId } }),
    templates: await db.template.count({ where: { workspaceId } }),
    sections: await db.section.count({ where: { document: { workspaceId } } }),
    activity: await db.activity.count({ where: { workspaceId } }),
  };
}

describe.each(SEEDS.map((name, i) => [name, i] as const))("importing seed %s", (name, index) => {
  const source = repairMojibake(seed(name));
  const expected = importMarkdown(source);
  const expectedCounts = countContent(expected.sections.map((s) => s.body));

  it("as is keeps every heading, table, fence and task item", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const { document, report } = await importDocument(owner, { slug: ws.slug, markdown: source, fileName: name });
    const doc = await getDocument(owner, { documentId: document.id });
    expect(doc.title).toBe(expected.title);
    expect(doc.sections.map((s) => [s.depth, s.title])).toEqual(expected.sections.map((s) => [s.depth, s.title]));
    expect(countContent(doc.sections.map((s) => s.body))).toEqual(expectedCounts);
    expect(report.counts).toEqual(expectedCounts);
    expect(report.dropped).toEqual(expected.dropped);
  });

  it("onto its template keeps every heading in order and all its content", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const def = BUILTIN_TEMPLATES[index]!;
    const { document, report } = await importDocument(owner, { slug: ws.slug, markdown: source, templateId: await templateId(owner, ws.slug, def.key) });
    const doc = await getDocument(owner, { documentId: document.id });
    expect(doc.template.key).toBe(def.key);
    const fromFile = doc.sections.filter((s) => report.sections.find((r) => r.key === s.key)?.kind !== "added");
    expect(fromFile.map((s) => [s.depth, s.title])).toEqual(expected.sections.map((s) => [s.depth, s.title]));
    expect(countContent(fromFile.map((s) => s.body))).toEqual(expectedCounts);
    // the seed's headings are the template's: most of them land on a template section
    const matched = report.sections.filter((s) => s.kind === "matched").length;
    expect(matched).toBeGreaterThanOrEqual(Math.floor(expected.sections.length * 0.6));
    // every required section of the template is there
    const keys = new Set(doc.sections.map((s) => s.key));
    expect(def.sections.filter((s) => !s.optional).every((s) => keys.has(s.key))).toBe(true);
  });
});

describe("importing Markdown as a document", () => {
  it("reports mis-decoded text and repairs it only when asked", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const garbled = seed("003_9d4da6775430f4ee.txt");
    const preview = await previewDocumentImport(owner, { slug: ws.slug, markdown: garbled });
    expect(preview.mojibake).toMatchObject({ encoding: "macroman" });
    expect(preview.mojibake!.repairedSample).toContain("⚡");
    expect(preview.repaired).toBe(false);
    expect(await rowCounts(ws.id)).toMatchObject({ documents: 0, templates: 0 });

    const kept = await importDocument(owner, { slug: ws.slug, markdown: garbled });
    const keptDoc = await getDocument(owner, { documentId: kept.document.id });
    // Mac Roman shows the emoji's lead byte 0xF0 as the Apple logo, U+F8FF
    expect(keptDoc.sections.map((s) => s.title)).toContain("\uF8FFüìã Document Control");

    const fixed = await importDocument(owner, { slug: ws.slug, markdown: garbled, repairMojibake: true, templateId: await templateId(owner, ws.slug, "software-design-document") });
    expect(fixed.report.repaired).toBe(true);
    const doc = await getDocument(owner, { documentId: fixed.document.id });
    const control = doc.sections.find((s) => s.key === "document_control");
    expect(control?.title).toBe("📋 Document Control");
    expect(JSON.stringify(doc.sections)).not.toMatch(/üìã|‚ö°/);
  });

  it("fills template fields from front matter by key or label, and lists the keys it could not use", async () => {
    const ws = await makeWorkspace(["editor"]);
    const owner = ctxFor(ws.owner);
    const editor = ws.members.editor[0]!;
    const md = ["---", "project_name: Ledger", "Status: in review", `reviewers: [${editor.name}]`, "Next Review: 2026-05-01", "colour: blue", "---", "# Ledger SDD", "", "## Document Control", "", "Kept."].join("\n");
    const { document, report } = await importDocument(owner, { slug: ws.slug, markdown: md, templateId: await templateId(owner, ws.slug, "software-design-document") });
    const doc = await getDocument(owner, { documentId: document.id });
    const control = doc.sections.find((s) => s.key === "document_control")!;
    expect(control.fields).toMatchObject({ project_name: "Ledger", status: "In Review", reviewers: [editor.userId], next_review: "2026-05-01" });
    expect(report.unusedFrontMatter).toEqual(["colour"]);
    expect(report.fields).toContainEqual({ section: "Document Control", label: "Reviewers", value: editor.name, from: "front matter" });
  });

  it("reads an export back onto its template with the same fields, sections and bodies", async () => {
    const ws = await makeWorkspace(["editor"]);
    const owner = ctxFor(ws.owner);
    const sdd = await templateId(owner, ws.slug, "software-design-document");
    const original = await createDocument(owner, { slug: ws.slug, templateId: sdd, title: "Ledger" });
    await updateDocument(owner, { documentId: original.id, fields: { document_control: { project_name: "Ledger | v2", reviewers: [ws.members.editor[0]!.userId], status: "In Review" } } });
    const { markdown } = await exportDocumentMarkdown(owner, { documentId: original.id });

    const { document } = await importDocument(owner, { slug: ws.slug, markdown, templateId: sdd });
    const before = await getDocument(owner, { documentId: original.id });
    const after = await getDocument(owner, { documentId: document.id });
    expect(after.title).toBe("Ledger");
    expect(after.sections.map((s) => ({ key: s.key, title: s.title, depth: s.depth, fields: s.fields, body: s.body }))).toEqual(
      before.sections.map((s) => ({ key: s.key, title: s.title, depth: s.depth, fields: s.fields, body: s.body })),
    );
  });

  it("as is keeps the front matter as the document's metadata, under a template kept out of the gallery", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const md = "---\nteam: Payments\nstatus: approved\ntags: [ledger, money]\n---\n# Ledger\n\n## Goals\n\nFast.\n\n## Goals\n\nAgain.\n";
    const { document, report } = await importDocument(owner, { slug: ws.slug, markdown: md });
    const doc = await getDocument(owner, { documentId: document.id });
    expect(doc.status).toBe("draft");
    expect(doc.sections.map((s) => s.key)).toEqual(["goals", "goals_2"]);
    expect(doc.sections[0]!.fields).toEqual({});
    expect(report.metadataKeys).toEqual(["team", "status", "tags"]);
    expect(report.warnings.join(" ")).toContain('status is "approved"');
    const row = await testDb().document.findUniqueOrThrow({ where: { id: document.id } });
    expect(row.metadata).toBe("team: Payments\nstatus: approved\ntags: [ledger, money]\n");
    expect(doc.template.name).toBe("Imported: Ledger");
    expect((await listTemplates(owner, { slug: ws.slug })).some((t) => t.id === doc.template.id)).toBe(false);
  });

  it("keeps front matter that is not YAML verbatim, with a warning, instead of refusing the file", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const md = "---\nstatus: {proposed | rejected | accepted | superseded by [ADR-0005](0005-example.md)}\ndate: 2020-01-01\n---\n# Use Markdown ADRs\n\n## Context\n\nWhy.\n";
    const preview = await previewDocumentImport(owner, { slug: ws.slug, markdown: md });
    expect(preview.warnings[0]).toMatch(/front matter is not valid YAML/);
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: md });
    expect((await exportDocumentMarkdown(owner, { documentId: document.id })).markdown).toBe(md);
  });

  it("keeps raw HTML and comments as text and lists them", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const { report } = await importDocument(owner, { slug: ws.slug, markdown: seed("002_14c7a59da57891ad.txt") });
    expect(report.dropped.length).toBeGreaterThan(0);
    expect(report.dropped.every((d) => d.startsWith("<!--"))).toBe(true);
  });

  it("writes nothing when storing fails part-way", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const before = await rowCounts(ws.id);
    const db = testDb();
    // the activity entry is the last write: failing there proves the document and template roll back
    const failing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
        return (fn: (tx: unknown) => Promise<unknown>) =>
          db.$transaction((tx) =>
            fn(new Proxy(tx, { get: (t, p, r) => (p === "activity" ? { create: () => Promise.reject(new Error("disk full")) } : Reflect.get(t, p, r)) })),
          );
      },
    });
    const markdown = "---\nstatus: {proposed | rejected}\nauthor: ada\n---\n\nPreamble.\n\n# T\n\n## A\n\nx\n";
    await expect(importDocument({ ...owner, db: failing }, { slug: ws.slug, markdown })).rejects.toThrow("disk full");
    expect(await rowCounts(ws.id)).toEqual(before);
  });

  it("stores a file of many sections in order, and writes nothing when a later chunk of sections fails", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const markdown = Array.from({ length: 250 }, (_, i) => `## Part ${i + 1}\n\nText of part ${i + 1}.\n`).join("\n");
    const before = await rowCounts(ws.id);
    const db = testDb();
    let chunks = 0;
    // sections are written a chunk at a time: the second chunk fails after the first went in
    const failing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
        return (fn: (tx: unknown) => Promise<unknown>) =>
          db.$transaction((tx) =>
            fn(
              new Proxy(tx, {
                get: (t, p, r) => {
                  if (p !== "$executeRaw") return Reflect.get(t, p, r);
                  return (query: TemplateStringsArray, ...values: unknown[]) =>
                    query.join("").includes('INSERT INTO "Section"') && ++chunks === 2 ? Promise.reject(new Error("connection lost")) : tx.$executeRaw(query, ...values);
                },
              }),
            ),
          );
      },
    });
    await expect(importDocument({ ...owner, db: failing }, { slug: ws.slug, markdown })).rejects.toThrow("connection lost");
    expect(chunks).toBe(2);
    expect(await rowCounts(ws.id)).toEqual(before);

    const { document } = await importDocument(owner, { slug: ws.slug, markdown });
    const sections = await db.section.findMany({ where: { documentId: document.id }, orderBy: { position: "asc" } });
    expect(sections.map((s) => s.position)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(sections.map((s) => s.title)).toEqual(Array.from({ length: 250 }, (_, i) => `Part ${i + 1}`));
    expect(sections[249]!.text).toBe("Text of part 250.");
    expect(new Set(sections.map((s) => s.id)).size).toBe(250);
    expect(sections.every((s) => /^c[0-9a-f]{24}$/.test(s.id) && s.updatedAt.toISOString() === document.updatedAt)).toBe(true);
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    const ws = await makeWorkspace(["viewer"]);
    const owner = ctxFor(ws.owner);
    const before = await rowCounts(ws.id);
    await expect(importDocument(owner, { slug: ws.slug, markdown: "  \n" })).rejects.toBeInstanceOf(InvalidInput);
    await expect(importDocument(owner, { slug: ws.slug, markdown: "PK\u0003\u0004\u0000\u0000" })).rejects.toThrow(/not a text file/);
    await expect(importDocument(owner, { slug: ws.slug, markdown: "x".repeat(MAX_IMPORT_BYTES + 1) })).rejects.toBeInstanceOf(ImportTooLarge);
    // the limit in characters that take two bytes each is twice the limit in bytes
    await expect(importDocument(owner, { slug: ws.slug, markdown: "é".repeat(MAX_IMPORT_BYTES / 2 + 1) })).rejects.toBeInstanceOf(ImportTooLarge);
    await expect(importDocument(owner, { slug: ws.slug, markdown: "# T\n", templateId: "cmissing0000000000000000" })).rejects.toBeInstanceOf(NotFound);
    await expect(importDocument(ctxFor(ws.members.viewer[0]!), { slug: ws.slug, markdown: "# T\n" })).rejects.toBeInstanceOf(Forbidden);
    await expect(importDocument(ctxFor((await makeWorkspace()).owner), { slug: ws.slug, markdown: "# T\n" })).rejects.toBeInstanceOf(NotFound);
    expect(await rowCounts(ws.id)).toEqual(before);
  });
});
