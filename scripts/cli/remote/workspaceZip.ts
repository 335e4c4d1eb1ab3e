import { strFromU8, unzipSync } from "fflate";
import { RemoteError } from "../errors";
import type { Api } from "./client";

/** What `manifest.json` of a workspace export says about one document (lib/export/exportWorkspace.ts). */
export interface ManifestDocument {
  id: string;
  number: string | null;
  title: string;
  status: string;
  contentHash: string;
  updatedAt: string;
  file: string;
  images: string[];
}

export interface WorkspaceZip {
  documents: ManifestDocument[];
  /** every file of the zip by its path, manifest.json included */
  files: Record<string, Uint8Array>;
}

/** A path that stays inside the folder it is written to: relative, no `..`, no backslash. */
function isInside(name: string): boolean {
  return !name.startsWith("/") && !name.includes("\\") && name.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

/** GET /api/workspaces/:slug/export.zip, unpacked: every document's export.md bytes, its images and the manifest. */
export async function fetchWorkspace(api: Api, slug: string): Promise<WorkspaceZip> {
  const res = await api.request("GET", `/api/workspaces/${encodeURIComponent(slug)}/export.zip`);
  try {
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(files["manifest.json"] ?? new Uint8Array())) as { documents: ManifestDocument[] };
    const names = [...Object.keys(files), ...manifest.documents.flatMap((d) => [d.file, ...d.images])];
    const outside = names.find((name) => !isInside(name));
    if (outside) throw new Error(`it names a file outside the folder (${outside})`);
    return { documents: manifest.documents, files };
  } catch (error) {
    throw new RemoteError(`the workspace export from ${api.remote.url} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}
