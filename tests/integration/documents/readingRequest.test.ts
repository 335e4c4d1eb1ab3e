import { describe, expect, it } from "vitest";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument } from "@/lib/documents/documents";
import { loadDocument } from "@/lib/documents/loadDocument";
import { getReview } from "@/lib/review/review";
import { listTemplates } from "@/lib/templates/templates";
import { listMembers } from "@/lib/workspaces/listMembers";
import { knowMembership, loadMembership } from "@/lib/workspaces/loadMembership";
import { ctxFor, makeWorkspace } from "../../support/db";

async function documentOf() {
  const ws = await makeWorkspace();
  const owner = ctxFor(ws.owner);
  const technical = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === "technical-design")!;
  const doc = await createDocument(owner, { slug: ws.slug, templateId: technical.id, title: "Ledger" });
  return { ws, owner, doc };
}

describe("a reading request (a page asking several parts about one document)", () => {
  it("loads the document, the membership and the sections once for all its parts, with the same answers", async () => {
    const { ws, owner, doc } = await documentOf();
    const counting = { ...owner, reads: new Map<string, Promise<unknown>>() };
    const first = await getDocument(counting, { documentId: doc.id });
    const review = await getReview(counting, { documentId: doc.id });
    // what a request without the memo answers
    expect(first).toEqual(await getDocument(owner, { documentId: doc.id }));
    expect(review).toEqual(await getReview(owner, { documentId: doc.id }));
    expect([...counting.reads.keys()].sort()).toEqual([`document:${doc.id}:live`, `membership-in:${ws.id}`, `sections:${doc.id}`]);
    // asked again, the request gets what it loaded, not a new read
    expect(await loadDocument(counting, doc.id)).toBe(await loadDocument(counting, doc.id));
    expect(await loadDocument(owner, doc.id)).not.toBe(await loadDocument(owner, doc.id));
  });

  it("keeps a refusal too: a document the actor may not see stays not found for the whole request", async () => {
    const { ws, doc } = await documentOf();
    const stranger = { ...ctxFor((await makeWorkspace()).owner), reads: new Map<string, Promise<unknown>>() };
    await expect(getDocument(stranger, { documentId: doc.id })).rejects.toThrow(/not found/i);
    await expect(getReview(stranger, { documentId: doc.id })).rejects.toThrow(/not found/i);
    // and their lack of a membership there
    expect([...stranger.reads.keys()].sort()).toEqual([`document:${doc.id}:live`, `membership-in:${ws.id}`]);
    expect(await stranger.reads.get(`membership-in:${ws.id}`)).toBeNull();
  });

  it("takes the membership its page already read, by slug and by workspace, rather than reading it again", async () => {
    const { ws, owner, doc } = await documentOf();
    const facts = await loadMembership(owner, ws.slug);
    const page = { ...owner, reads: new Map<string, Promise<unknown>>() };
    knowMembership(page, facts);
    const [members, found] = await Promise.all([listMembers(page, { slug: ws.slug }), getDocument(page, { documentId: doc.id })]);
    expect(members).toEqual(await listMembers(owner, { slug: ws.slug }));
    expect(found).toEqual(await getDocument(owner, { documentId: doc.id }));
    expect(await loadMembership(page, ws.slug)).toBe(facts);
    expect([...page.reads.keys()].sort()).toEqual([`document:${doc.id}:live`, `membership-in:${ws.id}`, `membership:${ws.slug}`, `sections:${doc.id}`]);
  });

  it("knows the membership by workspace once it has read it by slug", async () => {
    const { ws, owner } = await documentOf();
    const page = { ...owner, reads: new Map<string, Promise<unknown>>() };
    const facts = await loadMembership(page, ws.slug);
    expect(await page.reads.get(`membership-in:${ws.id}`)).toBe(facts.membership);
    // a workspace the actor is not in: not found, and remembered as such for the request
    const other = await makeWorkspace();
    await expect(loadMembership(page, other.slug)).rejects.toThrow(/not found/i);
    expect(page.reads.has(`membership-in:${other.id}`)).toBe(false);
  });
});
