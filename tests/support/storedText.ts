import * as Y from "yjs";
import { loadDocumentState, storeDocumentState } from "@/lib/collab/persistence";
import { writeSection } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import type { PMNode } from "@/lib/editor/schema";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace, testDb } from "./db";

/** A new document of the first built-in template in a new workspace (an editor and a viewer besides its owner), and its first section. */
export async function documentWithFirstSection() {
  const ws = await makeWorkspace(["editor", "viewer"]);
  const owner = ctxFor(ws.owner);
  const template = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.builtin)!;
  const doc = await createDocument(owner, { slug: ws.slug, templateId: template.id });
  const section = await testDb().section.findFirstOrThrow({ where: { documentId: doc.id }, orderBy: { position: "asc" } });
  return { ws, owner, doc, section };
}

type SectionRef = { key: string; title: string; depth: number };

/** Writes `blocks` as a section's body, as `authorIds` typing them, and stores the document as the collaboration server does. */
export async function storeSectionBody(documentId: string, section: SectionRef, blocks: PMNode[], authorIds: string[]): Promise<void> {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, await loadDocumentState(testDb(), documentId));
  const body = normalizeDoc({ type: "doc", content: blocks });
  ydoc.transact(() => writeSection(ydoc, { key: section.key, title: section.title, depth: section.depth, fields: {}, body }));
  await storeDocumentState(testDb(), documentId, ydoc, { authorIds });
}

/** Writes one paragraph of `inline` as a section's text (see `storeSectionBody`). */
export function storeSectionText(documentId: string, section: SectionRef, inline: PMNode[], authorIds: string[]): Promise<void> {
  return storeSectionBody(documentId, section, [{ type: "paragraph", content: inline }], authorIds);
}
