import { publishAccessChange } from "../access/accessEvents";
import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import { eventActor } from "../webhooks/events";
import { queueWebhookEvent } from "../webhooks/queue";
import type { Ctx } from "../context";
import { changeDocument } from "../collab/gateway";
import { setFieldValue } from "../collab/textFields";
import { fieldsName } from "../collab/ydoc";
import { inTransaction } from "../db/tx";
import type { PMDoc } from "../editor/schema";
import { NotFound } from "../errors";
import type { FieldValue } from "../templates/instantiate";
import { templateAtVersion } from "../templates/templates";
import { DocumentRef, UpdateDocumentInput } from "./inputs";
import { loadDocument, loadSectionRows } from "./loadDocument";
import { presentSummary, type DocumentDto, type DocumentSummaryDto } from "./present";
import { withTemplateAndOwner } from "./summaryRelations";
import { validateFieldUpdates } from "./validateFields";

/** A document with its sections in order. Requires `document.view`; NotFound outside the actor's workspaces. */
export async function getDocument(ctx: Ctx, raw: DocumentRef): Promise<DocumentDto> {
  const { documentId } = DocumentRef.parse(raw);
  const { doc, membership } = await loadDocument(ctx, documentId);
  authorize(membership, "document.view");
  const sections = await loadSectionRows(ctx, documentId);
  return {
    ...presentSummary(doc),
    workspace: { id: doc.workspaceId, slug: doc.workspace.slug, name: doc.workspace.name },
    statusReason: doc.statusReason,
    supersededById: doc.supersededById,
    sections: sections.map((s) => ({
      id: s.id,
      key: s.key,
      title: s.title,
      depth: s.depth,
      position: s.position,
      fields: s.fields as Record<string, FieldValue>,
      body: s.body as unknown as PMDoc,
    })),
  };
}

/**
 * Changes the title and/or field values. Field values are checked against the template
 * version the document came from. Requires `document.edit`. Everything is checked before
 * the first write (title and values storable, fields valid, sections present): the field
 * change goes through the live Y.Doc, which no database transaction can take back, so
 * nothing after it may fail on input.
 */
export async function updateDocument(ctx: Ctx, raw: UpdateDocumentInput): Promise<DocumentSummaryDto> {
  const input = UpdateDocumentInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "document.edit");
  const fieldUpdates = Object.entries(input.fields ?? {});
  if (fieldUpdates.length) {
    const def = await templateAtVersion(ctx.db, doc.templateId, doc.templateVersion);
    const members = await ctx.db.membership.findMany({ where: { workspaceId: doc.workspaceId }, select: { userId: true } });
    validateFieldUpdates(def, input.fields ?? {}, new Set(members.map((m) => m.userId)));
    const keys = new Set((await ctx.db.section.findMany({ where: { documentId: doc.id }, select: { key: true } })).map((s) => s.key));
    const missing = fieldUpdates.find(([key]) => !keys.has(key));
    if (missing) throw new NotFound(`Section ${missing[0]}`);
  }

  if (fieldUpdates.length) {
    // through the Y.Doc, so open editors see the new values live
    await changeDocument(doc.id, (ydoc) => {
      for (const [sectionKey, values] of fieldUpdates) {
        const fields = ydoc.getMap<unknown>(fieldsName(sectionKey));
        // shared text is edited in place, so whoever types in the field at the same time keeps their text
        for (const [key, value] of Object.entries(values)) setFieldValue(fields, key, value);
      }
    });
  }
  return inTransaction(ctx, async (tx) => {
    const updated = await tx.db.document.update({
      where: { id: doc.id },
      data: { title: input.title ?? doc.title, updatedAt: new Date() },
    });
    await recordActivity(tx, {
      workspaceId: doc.workspaceId,
      kind: "document.updated",
      subjectId: doc.id,
      data: { title: input.title ?? null, fields: Object.keys(input.fields ?? {}) },
    });
    return presentSummary(await withTemplateAndOwner(tx.db, updated));
  });
}

/** Moves a document to the workspace's trash. Requires `document.delete`. */
export async function deleteDocument(ctx: Ctx, raw: DocumentRef): Promise<void> {
  const { documentId } = DocumentRef.parse(raw);
  const { doc, membership } = await loadDocument(ctx, documentId);
  authorize(membership, "document.delete");
  await inTransaction(ctx, async (tx) => {
    await tx.db.document.update({ where: { id: doc.id }, data: { deletedAt: new Date(), deletedById: ctx.actor.userId } });
    await recordActivity(tx, { workspaceId: doc.workspaceId, kind: "document.trashed", subjectId: doc.id });
    await queueWebhookEvent(tx.db, { type: "document.deleted", workspaceId: doc.workspaceId, documentId: doc.id, actor: eventActor(ctx.actor) });
  });
  // everyone's open socket on it is closed at once
  publishAccessChange({ kind: "document", documentId: doc.id });
}

/** Brings a document back from the trash. Requires `document.delete`. */
export async function restoreDocument(ctx: Ctx, raw: DocumentRef): Promise<DocumentSummaryDto> {
  const { documentId } = DocumentRef.parse(raw);
  const { doc, membership } = await loadDocument(ctx, documentId, { includeDeleted: true });
  authorize(membership, "document.delete");
  if (!doc.deletedAt) return presentSummary(doc);
  const restored = await inTransaction(ctx, async (tx) => {
    const row = await tx.db.document.update({
      where: { id: doc.id },
      data: { deletedAt: null, deletedById: null },
    });
    await recordActivity(tx, { workspaceId: doc.workspaceId, kind: "document.restored", subjectId: doc.id });
    return presentSummary(await withTemplateAndOwner(tx.db, row));
  });
  publishAccessChange({ kind: "document", documentId: doc.id });
  return restored;
}
