import type * as Y from "yjs";
import { z } from "zod";
import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import { changeDocument, replaceDocumentBlock } from "../collab/gateway";
import { bodyName } from "../collab/ydoc";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { loadDocument } from "../documents/loadDocument";
import { Conflict, NotFound } from "../errors";
import { Proposal } from "../suggestions/proposal";
import { Id } from "../workspaces/schema";
import { listThreads, type CommentThreadDto } from "./comments";

export const ApplyInput = z.object({ documentId: Id, threadId: Id });

/** The section's first diagram whose source is `source`, in the live document. */
function diagramWithSource(ydoc: Y.Doc, sectionKey: string, source: string): Y.XmlElement | null {
  const walker = ydoc.getXmlFragment(bodyName(sectionKey)).createTreeWalker((node) => (node as { nodeName?: string }).nodeName === "mermaid");
  for (const node of walker) if ((node as Y.XmlElement).getAttribute("source") === source) return node as Y.XmlElement;
  return null;
}

/** Puts the proposal into the live document; whether what it was proposed against was still there. */
async function applied(documentId: string, sectionKey: string, proposal: Proposal): Promise<boolean> {
  if (proposal.kind === "block") return replaceDocumentBlock(documentId, { sectionKey, before: proposal.before, after: proposal.after });
  let done = false;
  await changeDocument(documentId, (ydoc) => {
    const diagram = diagramWithSource(ydoc, sectionKey, proposal.before);
    if (!diagram) return;
    diagram.setAttribute("source", proposal.after);
    done = true;
  });
  return done;
}

/**
 * Applies a thread's proposal to the text: the diagram that had the proposed-from source gets
 * the proposed source, or the block as it was proposed against becomes the proposed block,
 * through the live document (editors see it at once; approvals covering the section go stale
 * by the usual rule), and the thread is resolved. Refused (409, nothing changed) when no
 * diagram or block of the section is as it was proposed against any more. Requires
 * `suggestion.resolve`.
 */
export async function applyProposal(ctx: Ctx, raw: z.input<typeof ApplyInput>): Promise<CommentThreadDto[]> {
  const input = ApplyInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "suggestion.resolve");
  const thread = await ctx.db.commentThread.findFirst({ where: { id: input.threadId, documentId: doc.id } });
  const proposal = Proposal.safeParse(thread?.proposal);
  if (!thread || !proposal.success) throw new NotFound("Proposal");
  if (thread.resolvedAt) throw new Conflict("This proposal was already settled.");
  if (!(await applied(doc.id, thread.sectionKey, proposal.data))) {
    const what = proposal.data.kind === "diagram" ? "diagram" : "block";
    throw new Conflict(`The ${what} has changed since this was proposed, so nothing was applied. Compare them and edit it by hand.`);
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db.commentThread.update({ where: { id: thread.id }, data: { resolvedAt: new Date(), resolvedById: ctx.actor.userId } });
    await recordActivity(tx, { workspaceId: doc.workspaceId, kind: "suggestion.applied", subjectId: doc.id, data: { thread: thread.id, section: thread.sectionKey } });
  });
  return listThreads(ctx, { documentId: doc.id });
}
