import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import { buildDocumentState } from "../collab/persistence";
import type { Ctx } from "../context";
import type { Prisma } from "../db";
import { inTransaction } from "../db/tx";
import { instantiateTemplate } from "../templates/instantiate";
import { loadTemplate } from "../templates/templates";
import { TemplateDefinition } from "../templates/schema";
import { eventActor } from "../webhooks/events";
import { queueWebhookEvent } from "../webhooks/queue";
import { loadMembership } from "../workspaces/loadMembership";
import { CreateDocumentInput } from "./inputs";
import { allocateNumber, numberPrefixFor } from "./numbering";
import { presentSummary, type DocumentSummaryDto } from "./present";
import { withTemplateAndOwner } from "./summaryRelations";

/**
 * Creates a document from a template: its non-optional sections with field defaults
 * (author = creator, date = today, status = Draft) and starter bodies; remembers the
 * template and its version. Requires `document.create`.
 */
export async function createDocument(ctx: Ctx, raw: CreateDocumentInput, now = new Date()): Promise<DocumentSummaryDto> {
  const input = CreateDocumentInput.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "document.create");
  const template = await loadTemplate(ctx, workspace.id, input.templateId);
  const def = TemplateDefinition.parse(template.definition);
  const sections = instantiateTemplate(def, { creatorId: ctx.actor.userId, today: now.toISOString().slice(0, 10) });
  const numberPrefix = numberPrefixFor({ name: template.name, numberPrefix: def.numberPrefix });
  return inTransaction(ctx, async (tx) => {
    const number = await allocateNumber(tx.db, workspace.id, numberPrefix);
    const doc = await tx.db.document.create({
      data: {
        workspaceId: workspace.id,
        numberPrefix,
        number,
        templateId: template.id,
        templateVersion: template.version,
        title: input.title ?? def.titlePattern,
        ownerId: ctx.actor.userId,
        sections: {
          create: sections.map((s) => ({
            key: s.key,
            title: s.title,
            depth: s.depth,
            position: s.position,
            fields: s.fields as Prisma.InputJsonValue,
            body: s.body as unknown as Prisma.InputJsonValue,
            text: s.text,
          })),
        },
      },
    });
    // its live state, built now: opening the document only reads it
    await buildDocumentState(tx.db, doc.id);
    await recordActivity(tx, { workspaceId: workspace.id, kind: "document.created", subjectId: doc.id, data: { template: template.key, version: template.version } });
    await queueWebhookEvent(tx.db, { type: "document.created", workspaceId: workspace.id, documentId: doc.id, actor: eventActor(ctx.actor), data: { template: template.key } });
    return presentSummary(await withTemplateAndOwner(tx.db, doc));
  });
}
