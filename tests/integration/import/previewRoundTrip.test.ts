import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { importDocument, previewDocumentImport } from "@/lib/import/importDocument";
import { compareMarkdown } from "@/lib/markdown/compare";
import { listTemplates } from "@/lib/templates/templates";
import { CORPUS_DIR } from "../../support/corpus";
import { ctxFor, makeWorkspace } from "../../support/db";

const EIP = readFileSync(path.join(CORPUS_DIR, "eip-8173.md"), "utf8");

describe("the import preview tells what will not come back identical", () => {
  it("lists nothing for a design doc that an export gives back as it came, and the export agrees", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const preview = await previewDocumentImport(owner, { slug: ws.slug, markdown: EIP, fileName: "eip-8173.md" });
    expect(preview.roundTrip).toEqual([]);
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: EIP, fileName: "eip-8173.md" });
    // what the preview promised: the export reads the same (style such as table padding may differ)
    expect(compareMarkdown(EIP, (await exportDocumentMarkdown(owner, { documentId: document.id })).markdown)).toEqual([]);
  });

  it("lists the headings and fields a template adds, by construct with their lines, when the file is mapped onto it", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const template = (await listTemplates(owner, { slug: ws.slug }))[0]!;
    const md = "# Ledger\n\n## Context\n\nWhy we need it.\n";
    const preview = await previewDocumentImport(owner, { slug: ws.slug, markdown: md, templateId: template.id });
    const added = preview.sections.filter((s) => s.kind === "added");
    expect(added.length).toBeGreaterThan(0);
    const headings = preview.roundTrip.find((g) => g.construct === "heading");
    expect(headings?.name).toBe("heading");
    expect(headings?.notes.some((n) => n.line === null && n.message.includes(added[0]!.title))).toBe(true);
  });
});
