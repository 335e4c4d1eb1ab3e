import { publishAccessChange } from "../access/accessEvents";
import { authorize, can } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { flushDocument } from "../collab/gateway";
import { inTransaction } from "../db/tx";
import { hashAccepted } from "../documents/contentHash";
import { loadDocument } from "../documents/loadDocument";
import { parseNumber } from "../documents/numbering";
import { STATUS_LABELS } from "../documents/inputs";
import { Conflict, Forbidden, InvalidInput, NotFound, SubmitBlocked } from "../errors";
import { notify, type NotificationInput } from "../notifications/notify";
import { versionCurrent } from "../versions/autoVersions";
import { eventActor, statusEvents } from "../webhooks/events";
import { queueWebhookEvent } from "../webhooks/queue";
import { queueGitCommit } from "../gitSync/queue";
import { AssignReviewerInput, DecisionInput, StatusInput, SubmitInput } from "./inputs";
import { gateProblems } from "./gate";
import { loadReviewFacts, presentReview, suggestionLine, suggestionsCovered, type ReviewDto } from "./loadReview";
import { currentSections, scopeHash } from "./scope";
import { allowedFrom, RULES, transition, type ReviewAction } from "./stateMachine";

/**
 * Takes the document's row lock for the rest of the transaction, so review steps on one
 * document run one after another. Two reviewers approving at the same moment would each
 * otherwise see only their own approval and neither would make the document Approved.
 */
async function lockDocument(tx: Ctx, documentId: string): Promise<void> {
  await tx.db.$queryRaw`SELECT id FROM "Document" WHERE id = ${documentId} FOR UPDATE`;
}

type Facts = Awaited<ReturnType<typeof loadReviewFacts>>;

/** Inbox entries about this document for `userIds` (never the actor), in the caller's transaction. */
function notifyAbout(ctx: Ctx, facts: Facts, kind: NotificationInput["kind"], userIds: string[], text: string) {
  return notify(ctx.db, {
    userIds,
    actorId: ctx.actor.userId,
    workspaceId: facts.doc.workspaceId,
    documentId: facts.doc.id,
    kind,
    text,
    url: `/w/${facts.doc.workspace.slug}/d/${facts.doc.id}`,
  });
}

/** Submit and decide judge what people just typed: the live document is stored first. */
async function storeLatest(ctx: Ctx, documentId: string): Promise<void> {
  await loadDocument(ctx, documentId); // outsiders learn nothing, not even by timing a flush
  await flushDocument(documentId);
}

/** The document's review: roles, reviewers, decisions. Requires `document.view`. */
export async function getReview(ctx: Ctx, input: { documentId: string }): Promise<ReviewDto> {
  const facts = await loadReviewFacts(ctx, input.documentId);
  authorize(facts.membership, "document.view");
  return presentReview(facts, ctx.actor.userId);
}

/** Applies a status step decided by the state machine, recording it (and any override reason). */
async function step(
  ctx: Ctx,
  facts: Facts,
  action: ReviewAction,
  extra: { allApproved?: boolean; isReviewer?: boolean; overrideReason?: string; reason?: string; supersededById?: string; data?: Record<string, string> } = {},
) {
  const result = transition(facts.doc.status, action, {
    membership: facts.membership,
    isReviewer: extra.isReviewer ?? facts.assignments.some((a) => a.reviewerId === ctx.actor.userId),
    allApproved: extra.allApproved,
    overrideReason: extra.overrideReason,
  });
  if (!result.ok) throw result.status === 403 ? new Forbidden(result.reason) : new Conflict(result.reason);
  if (result.next !== facts.doc.status || result.overridden) {
    const decided = result.next === "approved" || result.next === "rejected";
    await ctx.db.document.update({
      where: { id: facts.doc.id },
      data: {
        status: result.next,
        // the reason stands beside the status it explains; a later step without one clears it
        ...(result.next !== facts.doc.status ? { statusReason: extra.reason ?? null } : {}),
        ...(decided && result.next !== facts.doc.status ? { decidedAt: new Date() } : {}),
        ...(extra.supersededById ? { supersededById: extra.supersededById } : {}),
        // a document reopened is no longer replaced by anything
        ...(result.next === "draft" ? { supersededById: null } : {}),
      },
    });
    await recordActivity(ctx, {
      workspaceId: facts.doc.workspaceId,
      kind: "document.status",
      subjectId: facts.doc.id,
      data: {
        from: facts.doc.status,
        to: result.next,
        action,
        ...(result.overridden ? { override: extra.overrideReason ?? "" } : {}),
        ...(extra.reason ? { reason: extra.reason } : {}),
        ...(extra.supersededById ? { supersededById: extra.supersededById } : {}),
        ...(extra.data ?? {}),
      },
    });
    if (result.next !== facts.doc.status) await versionCurrent(ctx.db, facts.doc.id, { kind: "status", label: STATUS_LABELS[result.next], createdById: ctx.actor.userId });
    for (const event of statusEvents(facts.doc.status, result.next, action)) {
      await queueWebhookEvent(ctx.db, { ...event, workspaceId: facts.doc.workspaceId, documentId: facts.doc.id, actor: eventActor(ctx.actor) });
    }
    // an approved document goes to the repositories that keep it, authored by whoever completed the approval
    if (result.next === "approved" && facts.doc.status !== "approved") await queueGitCommit(ctx.db, { documentId: facts.doc.id, authorId: ctx.actor.userId, reason: "approved" });
    await notifyAbout(ctx, facts, "document.status", [facts.doc.ownerId, ...facts.assignments.map((a) => a.reviewerId)], `“${facts.doc.title}” is now ${STATUS_LABELS[result.next]}.`);
  }
  return result.next;
}

/** Assigns a workspace member to one of the document's sign-off roles. Requires `document.edit`. */
export async function assignReviewer(ctx: Ctx, raw: AssignReviewerInput): Promise<ReviewDto> {
  const input = AssignReviewerInput.parse(raw);
  const review = await inTransaction(ctx, async (tx) => {
    await lockDocument(tx, input.documentId);
    const facts = await loadReviewFacts(tx, input.documentId);
    authorize(facts.membership, "review.assign");
    if (!facts.roles.some((r) => r.key === input.roleKey)) throw new InvalidInput("Unknown sign-off role.", { roleKey: ["is not a sign-off role of this document"] });
    const member = await tx.db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: facts.doc.workspaceId, userId: input.reviewerId } } });
    if (!member) throw new InvalidInput("Reviewers must be members of the workspace.", { reviewerId: ["is not a member of this workspace"] });
    await tx.db.reviewAssignment.upsert({
      where: { documentId_roleKey_reviewerId: { documentId: facts.doc.id, roleKey: input.roleKey, reviewerId: input.reviewerId } },
      create: { documentId: facts.doc.id, roleKey: input.roleKey, reviewerId: input.reviewerId, assignedById: ctx.actor.userId },
      update: {},
    });
    await recordActivity(tx, { workspaceId: facts.doc.workspaceId, kind: "review.assigned", subjectId: facts.doc.id, data: { role: input.roleKey, reviewer: input.reviewerId } });
    const roleName = facts.roles.find((r) => r.key === input.roleKey)?.name ?? input.roleKey;
    await notifyAbout(tx, facts, "review.requested", [input.reviewerId], `${ctx.actor.name} asked you to review “${facts.doc.title}” as ${roleName}.`);
    return presentReview(await loadReviewFacts(tx, input.documentId), ctx.actor.userId);
  });
  // a viewer assigned as a reviewer may now suggest: their open sockets are re-checked
  publishAccessChange({ kind: "document", documentId: input.documentId });
  return review;
}

/**
 * Submits the document for review. Refused with the list of problems (SubmitBlocked, 409)
 * while required fields are empty, placeholders remain, a diagram is broken or a sign-off
 * role whose template says it blocks has no reviewer — unless
 * someone with `review.overrideGate` (the document's owner, or an admin) gives a reason,
 * which the activity log keeps with the number of problems. A blank reason is invalid
 * input. Requires `review.submit`.
 */
export async function submitForReview(ctx: Ctx, raw: SubmitInput): Promise<ReviewDto> {
  const input = SubmitInput.parse(raw);
  await storeLatest(ctx, input.documentId);
  return inTransaction(ctx, async (tx) => {
    await lockDocument(tx, input.documentId);
    const facts = await loadReviewFacts(tx, input.documentId);
    authorize(facts.membership, "review.submit");
    const problems = await gateProblems(tx.db, facts);
    const override = Boolean(input.overrideReason) && can(facts.membership, "review.overrideGate", { documentOwnerId: facts.doc.ownerId });
    if (problems.length && !override) throw new SubmitBlocked(problems);
    await step(tx, facts, "submit", override && problems.length ? { data: { gateOverride: input.overrideReason ?? "", gateProblems: String(problems.length) } } : {});
    return presentReview(await loadReviewFacts(tx, input.documentId), ctx.actor.userId);
  });
}

/**
 * Records a reviewer's decision for one role, bound to the hash of the content the role
 * covers. Approving the last role makes the document Approved; requesting changes sends
 * it to Changes Requested. Requires `review.decide` (assigned to the role), or
 * `review.override` with a reason.
 */
export async function decide(ctx: Ctx, raw: DecisionInput): Promise<ReviewDto> {
  const input = DecisionInput.parse(raw);
  await storeLatest(ctx, input.documentId);
  return inTransaction(ctx, async (tx) => {
    await lockDocument(tx, input.documentId);
    const facts = await loadReviewFacts(tx, input.documentId);
    authorize(facts.membership, "document.view");
    const role = facts.roles.find((r) => r.key === input.roleKey);
    if (!role) throw new NotFound("Sign-off role");
    const assigned = facts.assignments.some((a) => a.roleKey === role.key && a.reviewerId === ctx.actor.userId);
    const own = can(facts.membership, "review.decide", { isReviewer: assigned });
    if (!own && !(input.overrideReason && can(facts.membership, "review.override"))) throw new Forbidden(`You are not a reviewer for ${role.name}.`);
    if (!allowedFrom(facts.doc.status, input.decision === "approved" ? "approve" : "requestChanges")) {
      throw new Conflict(`Decisions are made while a document is in review; it is ${facts.doc.status.replace("_", " ")}.`);
    }
    const open = input.decision === "approved" ? suggestionsCovered(role, facts.suggestions) : [];
    if (open.length) throw new Conflict(`${role.name} cannot approve while suggestions are open in what it covers: ${open.map(suggestionLine).join("; ")}. Accept or reject them first.`);
    const sections = await currentSections(tx.db, facts.doc.id);
    // the version decided on: "what changed since this decision" starts there
    const version = await versionCurrent(tx.db, facts.doc.id, { kind: "auto" });
    await tx.db.approval.create({
      data: {
        documentId: facts.doc.id,
        roleKey: role.key,
        reviewerId: ctx.actor.userId,
        decision: input.decision,
        comment: input.comment ?? "",
        contentHash: scopeHash(role, sections),
        documentHash: hashAccepted(sections),
        versionNumber: version.number,
      },
    });
    await recordActivity(tx, { workspaceId: facts.doc.workspaceId, kind: `review.${input.decision}`, subjectId: facts.doc.id, data: { role: role.key, comment: input.comment ?? "" } });
    await notifyAbout(tx, facts, "review.decided", [facts.doc.ownerId], `${ctx.actor.name} ${input.decision === "approved" ? "approved" : "requested changes to"} “${facts.doc.title}” as ${role.name}.`);
    const after = await loadReviewFacts(tx, input.documentId);
    const allApproved = presentReview(after, ctx.actor.userId).roles.every((r) => r.approved);
    await step(tx, after, input.decision === "approved" ? "approve" : "requestChanges", { allApproved, isReviewer: own, overrideReason: own ? undefined : input.overrideReason });
    return presentReview(await loadReviewFacts(tx, input.documentId), ctx.actor.userId);
  });
}

/**
 * Mark implemented, withdraw, reject, deprecate, supersede or reopen, as the state machine
 * allows. Withdrawing, rejecting, deprecating and superseding need a reason, kept beside the
 * status and in the activity log. Superseding names the successor, another live document of
 * the workspace (by id or number), which then shows "Supersedes" this one.
 */
export async function changeStatus(ctx: Ctx, raw: StatusInput): Promise<ReviewDto> {
  const input = StatusInput.parse(raw);
  if (RULES[input.action].needsReason && !input.reason) {
    throw new InvalidInput(`Say why you ${RULES[input.action].describe} this document.`, { reason: ["is required"] });
  }
  return inTransaction(ctx, async (tx) => {
    await lockDocument(tx, input.documentId);
    const facts = await loadReviewFacts(tx, input.documentId);
    authorize(facts.membership, "document.view");
    let supersededById: string | undefined;
    if (input.action === "supersede") {
      if (!input.supersededBy) throw new InvalidInput("Say which document replaces this one.", { supersededBy: ["is required"] });
      const successor = await findSuccessor(tx, facts.doc.workspaceId, input.supersededBy);
      if (!successor || successor.id === facts.doc.id) throw new InvalidInput("The replacing document must be another document of this workspace.", { supersededBy: ["not found"] });
      supersededById = successor.id;
    }
    await step(tx, facts, input.action, { overrideReason: input.overrideReason, reason: input.reason, supersededById });
    return presentReview(await loadReviewFacts(tx, input.documentId), ctx.actor.userId);
  });
}

/** A live document of the workspace by id or by number (ADR-0009). */
async function findSuccessor(ctx: Ctx, workspaceId: string, ref: string) {
  const numbered = parseNumber(ref);
  return ctx.db.document.findFirst({
    where: { workspaceId, deletedAt: null, OR: [{ id: ref }, ...(numbered ? [{ numberPrefix: numbered.prefix, number: numbered.number }] : [])] },
    select: { id: true },
  });
}
