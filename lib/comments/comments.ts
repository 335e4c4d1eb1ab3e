import { z } from "zod";
import { authorize, can, type Membership } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import { flushDocument } from "../collab/gateway";
import type { Ctx } from "../context";
import type { Prisma } from "../db";
import { inTransaction } from "../db/tx";
import { loadDocument } from "../documents/loadDocument";
import { InvalidInput, NotFound } from "../errors";
import { notify } from "../notifications/notify";
import { walk, type PMDoc, type PMNode } from "../editor/schema";
import { SUGGESTION_ID } from "../suggestions/ids";
import { blockIndex, checkedBlock } from "../suggestions/blockProposal";
import { Proposal } from "../suggestions/proposal";
import { Id } from "../workspaces/schema";
import { eventActor } from "../webhooks/events";
import { queueWebhookEvent } from "../webhooks/queue";

const Anchor = z.string().max(400).regex(/^[A-Za-z0-9+/=]+$/, "anchor must be base64");
const Body = z.string().trim().min(1, "Write something.").max(10_000);

export const CreateThreadInput = z.object({
  documentId: Id,
  sectionKey: z.string().max(60),
  anchorFrom: Anchor.optional(),
  anchorTo: Anchor.optional(),
  quote: z.string().max(500).default(""),
  /** the suggestion the thread discusses: it closes when the suggestion is accepted or rejected */
  suggestionId: z.string().max(120).regex(SUGGESTION_ID, "is not a suggestion id").optional(),
  /** a change proposed for a diagram or a block of the section, which a person with `suggestion.resolve` may apply */
  proposal: Proposal.optional(),
  body: Body,
});
export const ReplyInput = z.object({ documentId: Id, threadId: Id, body: Body });
export const ResolveInput = z.object({ documentId: Id, threadId: Id, resolved: z.boolean() });

export interface CommentThreadDto {
  id: string;
  sectionKey: string;
  anchorFrom: string | null;
  anchorTo: string | null;
  quote: string;
  /** the suggestion it discusses, if it was started on one */
  suggestionId: string | null;
  /** the change it proposes for a diagram or a block, if any */
  proposal: Proposal | null;
  resolved: boolean;
  createdById: string;
  /** the actor may resolve or reopen it (`comment.resolve`) */
  canResolve: boolean;
  /** the actor may apply its proposal (`suggestion.resolve`) */
  canApply: boolean;
  comments: { id: string; author: string; authorId: string; body: string; at: string }[];
}

/** Members named as @First or @"First Last" in a comment. */
async function mentioned(ctx: Ctx, workspaceId: string, body: string): Promise<string[]> {
  if (!body.includes("@")) return [];
  const members = await ctx.db.membership.findMany({ where: { workspaceId }, include: { user: true } });
  const lower = body.toLowerCase();
  return members.filter((m) => lower.includes(`@${m.user.name.toLowerCase()}`) || lower.includes(`@${m.user.name.split(/\s+/)[0]!.toLowerCase()}`)).map((m) => m.userId);
}

/** Whether a section body holds a diagram with exactly this source. */
function hasDiagram(body: PMNode, source: string): boolean {
  let found = false;
  walk(body, (node) => {
    if (node.type === "mermaid" && String(node.attrs?.source ?? "") === source) found = true;
  });
  return found;
}

/** Refuses a proposal for a diagram or block the section does not have (it changed meanwhile), or for a block it cannot hold. */
function checkProposal(body: PMDoc, proposal: Proposal): void {
  if (proposal.kind === "diagram") {
    if (!hasDiagram(body, proposal.before)) throw new InvalidInput("The section has no such diagram: it may have changed. Reload and propose again.", { proposal: ["names no diagram of the section"] });
    return;
  }
  checkedBlock(proposal.after, "after");
  if (blockIndex(body, proposal.before) < 0) throw new InvalidInput("The section has no such block: it may have changed. Reload and propose again.", { proposal: ["names no block of the section"] });
}

async function present(ctx: Ctx, documentId: string, membership: Membership): Promise<CommentThreadDto[]> {
  const threads = await ctx.db.commentThread.findMany({
    where: { documentId },
    include: { comments: { include: { author: true }, orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
  return threads.map((t) => ({
    id: t.id,
    sectionKey: t.sectionKey,
    anchorFrom: t.anchorFrom,
    anchorTo: t.anchorTo,
    quote: t.quote,
    suggestionId: t.suggestionId,
    proposal: Proposal.safeParse(t.proposal).data ?? null,
    resolved: Boolean(t.resolvedAt),
    createdById: t.createdById,
    canResolve: can(membership, "comment.resolve", { authorId: t.createdById }),
    canApply: t.proposal !== null && can(membership, "suggestion.resolve"),
    comments: t.comments.map((c) => ({ id: c.id, author: c.author.name, authorId: c.authorId, body: c.body, at: c.createdAt.toISOString() })),
  }));
}

/** Every comment thread of a document. Requires `document.view`. */
export async function listThreads(ctx: Ctx, raw: { documentId: string }): Promise<CommentThreadDto[]> {
  const { doc, membership } = await loadDocument(ctx, Id.parse(raw.documentId));
  authorize(membership, "document.view");
  return present(ctx, doc.id, membership);
}

/** Starts a thread on a section or a passage; @mentions are notified. Requires `comment.create`. */
export async function createThread(ctx: Ctx, raw: z.input<typeof CreateThreadInput>): Promise<CommentThreadDto[]> {
  const input = CreateThreadInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "comment.create");
  // a proposal is checked against the text as it is now: what was typed a moment ago may not be stored yet
  if (input.proposal) await flushDocument(doc.id);
  const section = await ctx.db.section.findUnique({ where: { documentId_key: { documentId: doc.id, key: input.sectionKey } } });
  if (!section) throw new NotFound("Section");
  if (input.proposal) checkProposal(section.body as unknown as PMDoc, input.proposal);
  const mentions = await mentioned(ctx, doc.workspaceId, input.body);
  return inTransaction(ctx, async (tx) => {
    const thread = await tx.db.commentThread.create({
      data: {
        documentId: doc.id,
        sectionKey: input.sectionKey,
        anchorFrom: input.anchorFrom ?? null,
        anchorTo: input.anchorTo ?? null,
        quote: input.quote,
        suggestionId: input.suggestionId ?? null,
        // JSON as the request brought it (checked above)
        proposal: input.proposal ? (input.proposal as Prisma.InputJsonObject) : undefined,
        createdById: ctx.actor.userId,
        comments: { create: { authorId: ctx.actor.userId, body: input.body } },
      },
    });
    await recordActivity(tx, { workspaceId: doc.workspaceId, kind: "comment.created", subjectId: doc.id, data: { thread: thread.id, section: input.sectionKey } });
    await queueWebhookEvent(tx.db, {
      type: "comment.created",
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actor: eventActor(ctx.actor),
      data: { threadId: thread.id, section: input.sectionKey, quote: input.quote.slice(0, 280), body: input.body.slice(0, 1000) },
    });
    await notify(tx.db, {
      userIds: mentions,
      actorId: ctx.actor.userId,
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      kind: "mention",
      text: `${ctx.actor.name} mentioned you on “${doc.title}”: ${input.body.slice(0, 140)}`,
      url: `/w/${doc.workspace.slug}/d/${doc.id}#section-${input.sectionKey}`,
    });
    return present(tx, doc.id, membership);
  });
}

/** Replies to a thread; @mentions are notified. Requires `comment.create`. */
export async function replyToThread(ctx: Ctx, raw: z.input<typeof ReplyInput>): Promise<CommentThreadDto[]> {
  const input = ReplyInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "comment.create");
  const thread = await ctx.db.commentThread.findFirst({ where: { id: input.threadId, documentId: doc.id } });
  if (!thread) throw new NotFound("Thread");
  const mentions = await mentioned(ctx, doc.workspaceId, input.body);
  return inTransaction(ctx, async (tx) => {
    await tx.db.comment.create({ data: { threadId: thread.id, authorId: ctx.actor.userId, body: input.body } });
    await recordActivity(tx, { workspaceId: doc.workspaceId, kind: "comment.replied", subjectId: doc.id, data: { thread: thread.id } });
    await notify(tx.db, {
      userIds: [...mentions, thread.createdById],
      actorId: ctx.actor.userId,
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      kind: "mention",
      text: `${ctx.actor.name} replied on “${doc.title}”: ${input.body.slice(0, 140)}`,
      url: `/w/${doc.workspace.slug}/d/${doc.id}#section-${thread.sectionKey}`,
    });
    return present(tx, doc.id, membership);
  });
}

/** Resolves or reopens a thread. Requires `comment.resolve` (editors, or the thread's author). */
export async function resolveThread(ctx: Ctx, raw: z.input<typeof ResolveInput>): Promise<CommentThreadDto[]> {
  const input = ResolveInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  const thread = await ctx.db.commentThread.findFirst({ where: { id: input.threadId, documentId: doc.id } });
  if (!thread) throw new NotFound("Thread");
  authorize(membership, "comment.resolve", { authorId: thread.createdById });
  return inTransaction(ctx, async (tx) => {
    await tx.db.commentThread.update({ where: { id: thread.id }, data: input.resolved ? { resolvedAt: new Date(), resolvedById: ctx.actor.userId } : { resolvedAt: null, resolvedById: null } });
    await recordActivity(tx, { workspaceId: doc.workspaceId, kind: input.resolved ? "comment.resolved" : "comment.reopened", subjectId: doc.id, data: { thread: thread.id } });
    return present(tx, doc.id, membership);
  });
}
