import { describe, expect, it } from "vitest";
import { applyProposal } from "@/lib/comments/applyProposal";
import { createThread, listThreads } from "@/lib/comments/comments";
import { Conflict, Forbidden, InvalidInput } from "@/lib/errors";
import { checkSubmitGate } from "@/lib/review/gate";
import { getReview } from "@/lib/review/review";
import type { PMNode } from "@/lib/editor/schema";
import { ctxFor, testDb } from "../../support/db";
import { documentWithFirstSection, storeSectionBody } from "../../support/storedText";

const BEFORE = "flowchart LR\n  A --> B";
const AFTER = "flowchart LR\n  A --> B\n  B --> C";
const diagram = (source: string): PMNode => ({ type: "mermaid", attrs: { source } });
const paragraph = (text: string): PMNode => ({ type: "paragraph", content: [{ type: "text", text }] });

async function setUp() {
  const { ws, owner, doc, section } = await documentWithFirstSection();
  await storeSectionBody(doc.id, section, [paragraph("The flow:"), diagram("flowchart TD\n  X --> Y"), diagram(BEFORE)], [ws.owner.userId]);
  const reviewer = ctxFor(ws.members.viewer[0]!);
  const propose = (before: string, after: string) => createThread(reviewer, { documentId: doc.id, sectionKey: section.key, quote: "diagram", proposal: { kind: "diagram", before, after }, body: "C belongs in the flow." });
  const sources = async () => {
    const stored = await testDb().section.findFirstOrThrow({ where: { documentId: doc.id, key: section.key } });
    return ((stored.body as unknown as PMNode).content ?? []).filter((n) => n.type === "mermaid").map((n) => n.attrs?.source);
  };
  return { ws, owner, doc, section, reviewer, propose, sources };
}

describe("a proposed diagram change", () => {
  it("is kept on its thread, out of the text, until an editor applies it to the diagram it was proposed for", async () => {
    const { ws, owner, doc, reviewer, propose, sources } = await setUp();
    const [thread] = await propose(BEFORE, AFTER);
    expect(thread!.proposal).toEqual({ kind: "diagram", before: BEFORE, after: AFTER });
    expect(await sources()).toEqual(["flowchart TD\n  X --> Y", BEFORE]);

    // a viewer may propose, not apply
    await expect(applyProposal(reviewer, { documentId: doc.id, threadId: thread!.id })).rejects.toBeInstanceOf(Forbidden);
    const threads = await applyProposal(owner, { documentId: doc.id, threadId: thread!.id });
    expect(threads.find((t) => t.id === thread!.id)!.resolved).toBe(true);
    expect(await sources()).toEqual(["flowchart TD\n  X --> Y", AFTER]);
    const activity = await testDb().activity.findMany({ where: { subjectId: doc.id, kind: "suggestion.applied" } });
    expect(activity.map((a) => a.actorId)).toEqual([ws.owner.userId]);
    // settled once
    await expect(applyProposal(owner, { documentId: doc.id, threadId: thread!.id })).rejects.toBeInstanceOf(Conflict);
  });

  it("is listed by the submit gate and under the roles covering its section while open, and not once applied", async () => {
    const { owner, doc, section, propose } = await setUp();
    const [thread] = await propose(BEFORE, AFTER);
    const line = `${(await testDb().user.findFirstOrThrow({ where: { id: thread!.createdById } })).name} proposes a change to a diagram`;
    const { problems: gate } = await checkSubmitGate(owner, { documentId: doc.id });
    expect(gate.filter((p) => p.kind === "suggestion").map((p) => [p.sectionKey, p.detail])).toEqual([[section.key, `Apply or resolve the proposal: ${line}.`]]);
    const covering = (await getReview(owner, { documentId: doc.id })).roles.filter((r) => r.scope.length === 0 || r.scope.includes(section.key));
    expect(covering.length).toBeGreaterThan(0);
    for (const role of covering) expect(role.openSuggestions.map((s) => s.line)).toEqual([`${line} in ${section.title}`]);

    await applyProposal(owner, { documentId: doc.id, threadId: thread!.id });
    expect((await checkSubmitGate(owner, { documentId: doc.id })).problems.filter((p) => p.kind === "suggestion")).toEqual([]);
    expect((await getReview(owner, { documentId: doc.id })).roles.flatMap((r) => r.openSuggestions)).toEqual([]);
  });

  it("is refused, changing nothing, when the diagram changed since it was proposed", async () => {
    const { ws, owner, doc, section, propose, sources } = await setUp();
    const [thread] = await propose(BEFORE, AFTER);
    await storeSectionBody(doc.id, section, [diagram("flowchart LR\n  A --> Z")], [ws.owner.userId]);
    await expect(applyProposal(owner, { documentId: doc.id, threadId: thread!.id })).rejects.toThrow(/changed since this was proposed/);
    expect(await sources()).toEqual(["flowchart LR\n  A --> Z"]);
    expect((await listThreads(owner, { documentId: doc.id }))[0]!.resolved).toBe(false);
  });

  it("must name a diagram the section has, and change it", async () => {
    const { doc, propose } = await setUp();
    await expect(propose("graph TD\n  nothing", AFTER)).rejects.toBeInstanceOf(InvalidInput);
    await expect(propose(BEFORE, BEFORE)).rejects.toThrow(/changes nothing/);
    expect(await testDb().commentThread.count({ where: { documentId: doc.id } })).toBe(0);
  });
});
