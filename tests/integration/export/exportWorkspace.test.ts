import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createDocument } from "@/lib/documents/createDocument";
import { deleteDocument } from "@/lib/documents/documents";
import { NotFound } from "@/lib/errors";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { collectWorkspaceExport, zipWorkspaceExport, type WorkspaceManifest } from "@/lib/export/exportWorkspace";
import { importDocument } from "@/lib/import/importDocument";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace } from "../../support/db";

describe("exporting a workspace as a zip", () => {
  it("holds every document as its export.md bytes plus a manifest, and leaves out the trash", async () => {
    const ws = await makeWorkspace(["viewer"]);
    const owner = ctxFor(ws.owner);
    const templates = await listTemplates(owner, { slug: ws.slug });
    const a = await createDocument(owner, { slug: ws.slug, templateId: templates[0]!.id, title: "Ledger" });
    const b = await createDocument(owner, { slug: ws.slug, templateId: templates[1]!.id, title: "Ledger" });
    const c = await importDocument(owner, { slug: ws.slug, markdown: "# Café ✅\n\n## Goals\n\n- [ ] ship\n" });
    const trashed = await createDocument(owner, { slug: ws.slug, templateId: templates[2]!.id, title: "Old" });
    await deleteDocument(owner, { documentId: trashed.id });

    const viewer = ctxFor(ws.members.viewer[0]!);
    const zip = zipWorkspaceExport(await collectWorkspaceExport(viewer, { slug: ws.slug }));
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(["cafe.md", "ledger-2.md", "ledger.md", "manifest.json"]);

    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as WorkspaceManifest;
    expect(manifest.workspace.slug).toBe(ws.slug);
    expect(manifest.documents.map((d) => [d.id, d.file])).toEqual([
      [a.id, "ledger.md"],
      [b.id, "ledger-2.md"],
      [c.document.id, "cafe.md"],
    ]);
    for (const entry of manifest.documents) {
      const { markdown } = await exportDocumentMarkdown(owner, { documentId: entry.id });
      expect(Buffer.from(files[entry.file]!).equals(Buffer.from(markdown, "utf8"))).toBe(true);
      if (entry.id === c.document.id) {
        // an imported file comes back as it came: no front matter it did not have
        expect(markdown).toBe("# Café ✅\n\n## Goals\n\n- [ ] ship\n");
        continue;
      }
      expect(markdown).toContain(`content_hash: ${entry.contentHash}\n`);
      expect(markdown).toContain(`template: ${entry.template.key}\n`);
    }
    expect(manifest.documents[0]).toMatchObject({ title: "Ledger", status: "draft", template: { key: templates[0]!.key, version: 1 } });
  });

  it("tells outsiders the workspace does not exist", async () => {
    const ws = await makeWorkspace();
    const outsider = await makeWorkspace();
    await expect(collectWorkspaceExport(ctxFor(outsider.owner), { slug: ws.slug })).rejects.toBeInstanceOf(NotFound);
  });
});
