import { describe, expect, it } from "vitest";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument } from "@/lib/documents/documents";
import { loadDocument } from "@/lib/documents/loadDocument";
import { getReview } from "@/lib/review/review";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace } from "../../support/db";

async function documentOf() {
  const ws = await makeWorkspace();
  const owner = ctxFor(ws.owner);
  const technical = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === "technical-design")!;
  const doc = await createDocument(owner, { slug: ws.slug, templateId: technical.id, title: "Ledger" });
  return { owner, doc };
}

describe("a reading request (a page asking several parts about one document)", () => {
  it("loads the document, the membership and the sections once for all its parts, with the same answers", async () => {
    const { owner, doc } = await documentOf();
    const counting = { ...owner, reads: new Map<string, Promise<unknown>>() };
    const first = await getDocument(counting, { documentId: doc.id });
    const review = await getReview(counting, { documentId: doc.id });
    // what a request without the memo answers
    expect(first).toEqual(await getDocument(owner, { documentId: doc.id }));
    expect(review).toEqual(await getReview(owner, { documentId: doc.id }));
    expect([...counting.reads.keys()].sort()).toEqual([`document:${doc.id}:live`, `sections:${doc.id}`]);
    // asked again, the request gets what it loaded, not a new read
    expect(await loadDocument(counting, doc.id)).toBe(await loadDocument(counting, doc.id));
    expect(await loadDocument(owner, doc.id)).not.toBe(await loadDocument(owner, doc.id));
  });

  it("keeps a refusal too: a document the actor may not see stays not found for the whole request", async () => {
    const { doc } = await documentOf();
    const stranger = { ...ctxFor((await makeWorkspace()).owner), reads: new Map<string, Promise<unknown>>() };
    await expect(getDocument(stranger, { documentId: doc.id })).rejects.toThrow(/not found/i);
    await expect(getReview(stranger, { documentId: doc.id })).rejects.toThrow(/not found/i);
    expect([...stranger.reads.keys()]).toEqual([`document:${doc.id}:live`]);
  });
});
