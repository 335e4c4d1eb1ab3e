import { strToU8, zipSync, type Zippable } from "fflate";
import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import { hashAccepted } from "../documents/contentHash";
import { getDocument } from "../documents/documents";
import type { DocumentStatus } from "../documents/inputs";
import { loadMembership } from "../workspaces/loadMembership";
import { WorkspaceRef } from "../workspaces/schema";
import { exportDocumentMarkdown } from "./exportDocument";

export interface ManifestEntry {
  id: string;
  /** its number in the workspace (`TD-0003`), as in the file's front matter */
  number: string | null;
  title: string;
  status: DocumentStatus;
  template: { key: string; name: string; version: number };
  /** the hash approvals bind to; the same as `content_hash` in the file's front matter */
  contentHash: string;
  updatedAt: string;
  /** the document's file in the export */
  file: string;
  /** the image files it shows, relative to the export's root */
  images: string[];
}

export interface WorkspaceManifest {
  format: "specwright-workspace-export";
  formatVersion: 1;
  workspace: { slug: string; name: string };
  exportedAt: string;
  documents: ManifestEntry[];
}

export interface WorkspaceExport {
  manifest: WorkspaceManifest;
  /**
   * `manifest.json` first, then one Markdown file per document, each as `export.md` gives
   * it, and the images they show under `images/` (each once)
   */
  files: { name: string; content: string | Uint8Array; modified: Date }[];
}

/** "ledger.md", "ledger.md" → "ledger.md", "ledger-2.md" */
function uniqueName(filename: string, taken: Set<string>): string {
  const base = filename.replace(/\.md$/, "");
  let name = filename;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.md`;
  taken.add(name);
  return name;
}

/**
 * Every document of a workspace (not the trash) as Markdown, the same bytes as each one's
 * `export.md`, the images they show (`images/<id>.<ext>`, as their Markdown refers to them), plus a manifest listing id, title, status, template and version, content hash
 * and file name. Requires `workspace.export`; NotFound outside the actor's workspaces.
 */
export async function collectWorkspaceExport(ctx: Ctx, raw: WorkspaceRef, now = new Date()): Promise<WorkspaceExport> {
  const { slug } = WorkspaceRef.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, slug);
  authorize(membership, "workspace.export");
  const rows = await ctx.db.document.findMany({ where: { workspaceId: workspace.id, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  const taken = new Set(["manifest.json"]);
  const files: WorkspaceExport["files"] = [];
  const documents: ManifestEntry[] = [];
  for (const { id } of rows) {
    const doc = await getDocument(ctx, { documentId: id });
    const { filename, markdown, images } = await exportDocumentMarkdown(ctx, { documentId: id }, { bundled: true });
    const file = uniqueName(filename, taken);
    files.push({ name: file, content: markdown, modified: new Date(doc.updatedAt) });
    for (const image of images) {
      // an image shown by several documents is one file (its path is its id)
      if (taken.has(image.path)) continue;
      taken.add(image.path);
      files.push({ name: image.path, content: image.bytes, modified: new Date(doc.updatedAt) });
    }
    documents.push({
      id,
      number: doc.number,
      title: doc.title,
      status: doc.status,
      template: { key: doc.template.key, name: doc.template.name, version: doc.template.version },
      // the hash of what the file holds: the accepted text
      contentHash: hashAccepted(doc.sections),
      updatedAt: doc.updatedAt,
      file,
      images: images.map((image) => image.path),
    });
  }
  const manifest: WorkspaceManifest = {
    format: "specwright-workspace-export",
    formatVersion: 1,
    workspace: { slug: workspace.slug, name: workspace.name },
    exportedAt: now.toISOString(),
    documents,
  };
  return { manifest, files: [{ name: "manifest.json", content: `${JSON.stringify(manifest, null, 2)}\n`, modified: now }, ...files] };
}

/** The export as one zip archive; each entry carries its document's last change as its date. */
export function zipWorkspaceExport(exported: WorkspaceExport): Uint8Array {
  const entries: Zippable = {};
  for (const file of exported.files) entries[file.name] = [typeof file.content === "string" ? strToU8(file.content) : file.content, { mtime: file.modified }];
  return zipSync(entries, { level: 6 });
}
