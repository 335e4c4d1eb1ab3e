import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { flushDocument } from "@/lib/collab/gateway";
import { bodyName, SECTIONS } from "@/lib/collab/ydoc";
import { newSuggestionId } from "@/lib/suggestions/ids";
import { Conflict } from "@/lib/errors";
import { checkSubmitGate } from "@/lib/review/gate";
import { assignReviewer, decide, getReview, submitForReview } from "@/lib/review/review";
import { connect, sessionCookie, startCollabServer, waitFor, type TestClient } from "../../support/collab";
import { ctxFor, makeUser, testDb } from "../../support/db";
import { edit, setUpUnassigned } from "../review/setup";

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server.stop();
});

/** The two-role test document, written and submitted; a viewer assigned as its Security reviewer, an editor as its Technical Lead. */
async function setUp() {
  const { ws, owner, doc } = await setUpUnassigned();
  const viewer = await makeUser("Vera Viewer");
  await testDb().membership.create({ data: { workspaceId: ws.id, userId: viewer.userId, role: "viewer" } });
  const lead = ws.members.editor[0]!;
  await edit(doc.id, "design", "Design", "Availability is 99.99 % per month.");
  await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");
  await assignReviewer(owner, { documentId: doc.id, roleKey: "security_review", reviewerId: viewer.userId });
  await assignReviewer(owner, { documentId: doc.id, roleKey: "tech_lead", reviewerId: lead.userId });
  return { ws, owner, doc, viewer, lead };
}

async function open(documentId: string, userId: string): Promise<{ client: TestClient; refused: string[] }> {
  const client = connect(server.url, documentId, await sessionCookie(userId));
  const refused: string[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) => {
    const message = JSON.parse(payload) as { type?: string; message?: string };
    if (message.type === "update-refused") refused.push(message.message ?? "");
  });
  expect(await client.ready).toBe(true);
  return { client, refused };
}

/** The first paragraph's text of a section, as the socket client holds it. */
function firstText(ydoc: Y.Doc, key: string): Y.XmlText {
  const paragraph = ydoc.getXmlFragment(bodyName(key)).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

const storedBody = async (documentId: string, key: string) => JSON.stringify((await testDb().section.findFirstOrThrow({ where: { documentId, key } })).body);

describe("a viewer assigned as a reviewer", () => {
  it("may suggest in their own name, and is refused a direct edit, another's name or a field change", async () => {
    const { doc, viewer } = await setUp();
    const reviewer = await open(doc.id, viewer.userId);

    // a suggestion: inserted text marked as theirs, deleted text marked, nothing removed
    const text = firstText(reviewer.client.ydoc, "design");
    const id = newSuggestionId(viewer.userId);
    reviewer.client.ydoc.transact(() => {
      text.format(16, 5, { deletion: { id } });
      text.insert(21, "99.9", { insertion: { id } });
    });
    await flushDocument(doc.id);
    await waitFor(async () => (await storedBody(doc.id, "design")).includes('"insertion"'));
    expect(reviewer.refused).toEqual([]);

    // typing straight into the text
    text.insert(0, "Directly: ");
    await waitFor(() => reviewer.refused.length === 1);
    expect(reviewer.refused[0]).toMatch(/may only suggest cannot change the text directly/);
    reviewer.client.close();

    // once refused, the socket is closed: a fresh one for each attempt
    const again = await open(doc.id, viewer.userId);
    firstText(again.client.ydoc, "design").insert(0, "x", { insertion: { id: newSuggestionId("someone-else") } });
    await waitFor(() => again.refused.length === 1);
    expect(again.refused[0]).toMatch(/in your own name/);
    again.client.close();

    const third = await open(doc.id, viewer.userId);
    // a section's title: a valid change, but not a suggestion
    third.client.ydoc.getMap<Y.Map<unknown>>(SECTIONS).get("design")!.set("title", "Renamed by a reviewer");
    await waitFor(() => third.refused.length === 1);
    expect(third.refused[0]).toMatch(/cannot change fields, titles or sections/);
    third.client.close();

    const stored = await storedBody(doc.id, "design");
    expect(stored).toContain("99.9");
    expect(stored).not.toContain("Directly");
    expect((await testDb().section.findFirstOrThrow({ where: { documentId: doc.id, key: "design" } })).title).toBe("Design");
  });

  it("a viewer not assigned as a reviewer cannot even suggest", async () => {
    const { ws, doc } = await setUp();
    const outsider = await makeUser("Otto Outsider");
    await testDb().membership.create({ data: { workspaceId: ws.id, userId: outsider.userId, role: "viewer" } });
    const client = connect(server.url, doc.id, await sessionCookie(outsider.userId));
    expect(await client.ready).toBe(true);
    firstText(client.ydoc, "design").insert(0, "x", { insertion: { id: newSuggestionId(outsider.userId) } });
    await new Promise((r) => setTimeout(r, 500));
    await flushDocument(doc.id);
    expect(await storedBody(doc.id, "design")).not.toContain('"insertion"');
    client.close();
  });
});

describe("approvals and open suggestions", () => {
  it("an open suggestion leaves an approval current; accepting it makes the approval of its section stale, not the other", async () => {
    const { owner, doc, viewer, lead } = await setUp();
    await submitForReview(owner, { documentId: doc.id });
    await decide(ctxFor(viewer), { documentId: doc.id, roleKey: "security_review", decision: "approved" });
    await decide(ctxFor(lead), { documentId: doc.id, roleKey: "tech_lead", decision: "approved" });
    const current = async () => Object.fromEntries((await getReview(owner, { documentId: doc.id })).roles.map((r) => [r.key, r.approved]));
    expect(await current()).toEqual({ tech_lead: true, security_review: true });

    // the Security reviewer suggests a change in the section only the Technical Lead's scope covers too
    const reviewer = await open(doc.id, viewer.userId);
    const id = newSuggestionId(viewer.userId);
    firstText(reviewer.client.ydoc, "security").insert(9, " signed", { insertion: { id } });
    await flushDocument(doc.id);
    await waitFor(async () => (await storedBody(doc.id, "security")).includes('"insertion"'));
    expect(await current()).toEqual({ tech_lead: true, security_review: true });

    // the author accepts it: the mark goes, the text stays
    const author = await open(doc.id, owner.actor.userId);
    await waitFor(() => firstText(author.client.ydoc, "security").toString().includes("signed"));
    const accepted = firstText(author.client.ydoc, "security");
    accepted.format(9, 7, { insertion: null });
    await flushDocument(doc.id);
    await waitFor(async () => !(await storedBody(doc.id, "security")).includes('"insertion"'));
    // both roles cover the security section (the lead's scope is the whole document)
    expect(await current()).toEqual({ tech_lead: false, security_review: false });
    reviewer.client.close();
    author.client.close();
  });

  it("a suggestion accepted outside a scoped role's sections leaves that role's approval current", async () => {
    const { owner, doc, viewer, lead } = await setUp();
    await submitForReview(owner, { documentId: doc.id });
    await decide(ctxFor(viewer), { documentId: doc.id, roleKey: "security_review", decision: "approved" });
    await decide(ctxFor(lead), { documentId: doc.id, roleKey: "tech_lead", decision: "approved" });
    const author = await open(doc.id, owner.actor.userId);
    const id = newSuggestionId(viewer.userId);
    const text = firstText(author.client.ydoc, "design");
    text.insert(0, "Target: ", { insertion: { id } });
    await flushDocument(doc.id);
    const approved = async () => Object.fromEntries((await getReview(owner, { documentId: doc.id })).roles.map((r) => [r.key, r.approved]));
    expect(await approved()).toEqual({ tech_lead: true, security_review: true });
    text.format(0, 8, { insertion: null });
    await flushDocument(doc.id);
    await waitFor(async () => (await approved()).tech_lead === false);
    expect(await approved()).toEqual({ tech_lead: false, security_review: true });
    author.client.close();
  });
});

describe("open suggestions and sign-off", () => {
  it("are listed by the submit gate, block approving what they fall in, and stop blocking once rejected", async () => {
    const { owner, doc, viewer, lead } = await setUp();
    const reviewer = await open(doc.id, viewer.userId);
    firstText(reviewer.client.ydoc, "security").insert(9, " signed", { insertion: { id: newSuggestionId(viewer.userId) } });
    await flushDocument(doc.id);
    await waitFor(async () => (await storedBody(doc.id, "security")).includes('"insertion"'));

    const { problems } = await checkSubmitGate(owner, { documentId: doc.id });
    expect(problems.filter((p) => p.kind === "suggestion").map((p) => p.message)).toEqual(["Security: accept or reject the suggestion: Vera Viewer suggests adding “ signed”."]);
    await submitForReview(owner, { documentId: doc.id, overrideReason: "The suggestion is discussed in review." });

    // both roles cover the security section (the lead's covers the whole document)
    const refused = await decide(ctxFor(viewer), { documentId: doc.id, roleKey: "security_review", decision: "approved" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Conflict).message).toBe("Security Review cannot approve while suggestions are open in what it covers: Vera Viewer suggests adding “ signed” in Security. Accept or reject them first.");
    const review = await getReview(owner, { documentId: doc.id });
    expect(review.roles.map((r) => [r.key, r.openSuggestions.map((s) => s.line)])).toEqual([
      ["tech_lead", ["Vera Viewer suggests adding “ signed” in Security"]],
      ["security_review", ["Vera Viewer suggests adding “ signed” in Security"]],
    ]);
    // requesting changes is always possible
    await decide(ctxFor(lead), { documentId: doc.id, roleKey: "tech_lead", decision: "changes_requested", comment: "See the suggestion." });

    // the author rejects it: the text is as before, and approving is possible again
    const author = await open(doc.id, owner.actor.userId);
    await waitFor(() => firstText(author.client.ydoc, "security").toString().includes("signed"));
    firstText(author.client.ydoc, "security").delete(9, 7);
    await flushDocument(doc.id);
    await waitFor(async () => !(await storedBody(doc.id, "security")).includes('"insertion"'));
    expect((await getReview(owner, { documentId: doc.id })).roles.every((r) => r.openSuggestions.length === 0)).toBe(true);
    reviewer.client.close();
    author.client.close();
  });
});
