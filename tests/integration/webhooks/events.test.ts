import { afterAll, describe, expect, it } from "vitest";
import { createThread } from "@/lib/comments/comments";
import { deleteDocument } from "@/lib/documents/documents";
import { decide, submitForReview } from "@/lib/review/review";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { createWebhook } from "@/lib/webhooks/manage";
import { ctxFor, testDb } from "../../support/db";
import { edit, setUp } from "../review/setup";

const made: string[] = [];
// nothing listens at these addresses: the rows stay queued, so no other test's delivery run should meet them
afterAll(() => testDb().webhook.deleteMany({ where: { id: { in: made } } }));

async function hook(ctx: ReturnType<typeof ctxFor>, slug: string, events: WebhookEvent[]) {
  const created = await createWebhook(ctx, { slug, url: "https://receiver.example.test/in", events });
  made.push(created.id);
  return created.id;
}

/** The events queued for an endpoint, oldest first, as `type` or `type from→to`. */
async function queued(webhookId: string): Promise<string[]> {
  const rows = await testDb().webhookDelivery.findMany({ where: { webhookId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => {
    const data = (r.payload as { data: Record<string, string> }).data;
    return r.event === "document.status_changed" ? `${r.event} ${data.from}→${data.to}` : r.event;
  });
}

describe("webhook events", () => {
  it("queues exactly one delivery per subscribed endpoint when a document is approved, and none for the others", async () => {
    const { ws, owner, doc, a, b } = await setUp();
    const approvedA = await hook(owner, ws.slug, ["document.approved"]);
    const approvedB = await hook(owner, ws.slug, ["document.approved", "comment.created"]);
    const commentsOnly = await hook(owner, ws.slug, ["comment.created"]);
    const everything = await hook(owner, ws.slug, ["document.status_changed", "review.requested", "document.approved"]);
    await edit(doc.id, "security", "Security", "Threats: replay, tampering.");

    await submitForReview(owner, { documentId: doc.id });
    await decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" });
    await decide(b, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" });

    expect(await queued(approvedA)).toEqual(["document.approved"]);
    expect(await queued(approvedB)).toEqual(["document.approved"]);
    expect(await queued(commentsOnly)).toEqual([]);
    expect(await queued(everything)).toEqual(["document.status_changed draft→in_review", "review.requested", "document.status_changed in_review→approved", "document.approved"]);
    // one event, told to two endpoints: the same id for both
    const rows = await testDb().webhookDelivery.findMany({ where: { webhookId: { in: [approvedA, approvedB] } } });
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(1);
    expect(rows[0]!.payload).toMatchObject({ type: "document.approved", actor: { id: b.actor.userId }, document: { id: doc.id, status: "approved" } });
  });

  it("tells when an approval goes stale and the document leaves Approved, as Specwright's own step", async () => {
    const { ws, owner, doc, a, b } = await setUp();
    await edit(doc.id, "security", "Security", "Threats: replay, tampering.");
    await submitForReview(owner, { documentId: doc.id });
    await decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" });
    await decide(b, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" });
    const id = await hook(owner, ws.slug, ["review.approval_stale", "document.status_changed"]);

    await edit(doc.id, "security", "Security", "Threats: replay, tampering, spoofing.");

    expect((await queued(id)).sort()).toEqual(["document.status_changed approved→in_review", "review.approval_stale", "review.approval_stale"]);
    const stale = await testDb().webhookDelivery.findMany({ where: { webhookId: id, event: "review.approval_stale" } });
    expect(stale.map((r) => (r.payload as { data: { role: string } }).data.role).sort()).toEqual(["security_review", "tech_lead"]);
    expect(stale[0]!.payload).toMatchObject({ actor: null });
  });

  it("tells about comments, and about documents created and trashed, in the transaction of the change", async () => {
    const { ws, owner, doc } = await setUp();
    const id = await hook(owner, ws.slug, ["comment.created", "document.deleted"]);
    await createThread(owner, { documentId: doc.id, sectionKey: "design", body: "Why a ledger?" });
    await expect(createThread(owner, { documentId: doc.id, sectionKey: "no-such-section", body: "Lost" })).rejects.toThrow();
    await deleteDocument(owner, { documentId: doc.id });
    expect(await queued(id)).toEqual(["comment.created", "document.deleted"]);
    const comment = await testDb().webhookDelivery.findFirstOrThrow({ where: { webhookId: id, event: "comment.created" } });
    expect(comment.payload).toMatchObject({ data: { section: "design", body: "Why a ledger?" } });
  });

  it("queues nothing for a disabled endpoint", async () => {
    const { ws, owner, doc } = await setUp();
    const id = await hook(owner, ws.slug, ["comment.created"]);
    await testDb().webhook.update({ where: { id }, data: { enabled: false } });
    await createThread(owner, { documentId: doc.id, sectionKey: "design", body: "Quiet" });
    expect(await queued(id)).toEqual([]);
  });
});
