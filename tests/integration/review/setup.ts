import * as Y from "yjs";
import { changeDocument } from "@/lib/collab/gateway";
import { bodyName, writeSection } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";
import { assignReviewer } from "@/lib/review/review";
import type { TemplateSource } from "@/lib/templates/schema";
import { duplicateTemplate, listTemplates, updateTemplate } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace } from "../../support/db";

const DEFINITION = {
  key: "review-test",
  name: "Review test",
  description: "Two sections, two sign-off roles",
  titlePattern: "Payments ledger",
  sections: [
    { key: "design", title: "Design", depth: 1, starter: "The design." },
    { key: "security", title: "Security", depth: 1, starter: "Threats: [List the threats]" },
  ],
  signoffRoles: [
    { key: "tech_lead", name: "Technical Lead", scope: [] },
    { key: "security_review", name: "Security Review", scope: ["security"] },
  ],
};

/** Rewrites one section's body through the Y.Doc, as an editor would. */
export async function edit(documentId: string, key: string, title: string, markdown: string) {
  await changeDocument(documentId, (ydoc: Y.Doc) => {
    const body = ydoc.getXmlFragment(bodyName(key));
    body.delete(0, body.length);
    writeSection(ydoc, { key, title, depth: 1, fields: {}, body: normalizeDoc(markdownToDoc(markdown).doc) });
  });
}

/**
 * A workspace (owner and two editors) and a document of the two-role test template, nobody
 * assigned yet; `roles` replaces the template's sign-off roles when given.
 */
export async function setUpUnassigned(roles: TemplateSource["signoffRoles"] = DEFINITION.signoffRoles) {
  const ws = await makeWorkspace(["editor", "editor"]);
  const owner = ctxFor(ws.owner);
  const builtin = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.builtin)!;
  const copy = await duplicateTemplate(owner, { slug: ws.slug, templateId: builtin.id });
  await updateTemplate(owner, { slug: ws.slug, templateId: copy.id, definition: { ...DEFINITION, signoffRoles: roles, key: copy.key }, expectedVersion: 1 });
  const doc = await createDocument(owner, { slug: ws.slug, templateId: copy.id });
  return { ws, owner, doc };
}

export async function setUp() {
  const { ws, owner, doc } = await setUpUnassigned();
  const [securityReviewer, techLead] = ws.members.editor as [typeof ws.owner, typeof ws.owner];
  await assignReviewer(owner, { documentId: doc.id, roleKey: "security_review", reviewerId: securityReviewer.userId });
  await assignReviewer(owner, { documentId: doc.id, roleKey: "tech_lead", reviewerId: techLead.userId });
  return { ws, owner, doc, a: ctxFor(securityReviewer), b: ctxFor(techLead) };
}

