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

describe("a proposed block change", () => {
  const heading = (level: number, text: string): PMNode => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
  const table = (rows: string[][]): PMNode => ({
    type: "table",
    content: rows.map((cells, r) => ({ type: "tableRow", content: cells.map((text) => ({ type: r === 0 ? "tableHeader" : "tableCell", content: [paragraph(text)] })) })),
  });

  async function withBlocks(blocks: PMNode[]) {
    const { ws, owner, doc, section } = await documentWithFirstSection();
    await storeSectionBody(doc.id, section, blocks, [ws.owner.userId]);
    const reviewer = ctxFor(ws.members.viewer[0]!);
    const propose = (before: PMNode, after: PMNode) => createThread(reviewer, { documentId: doc.id, sectionKey: section.key, proposal: { kind: "block", before, after }, body: "Better this way." });
    const blocksNow = async () => ((await testDb().section.findFirstOrThrow({ where: { documentId: doc.id, key: section.key } })).body as unknown as PMNode).content ?? [];
    return { ws, owner, doc, section, reviewer, propose, blocksNow };
  }

  it("turns the block it was proposed for into the proposed one when an editor applies it, leaving the others", async () => {
    const { owner, doc, section, propose, blocksNow } = await withBlocks([paragraph("Intro"), heading(3, "Goals"), paragraph("Be fast.")]);
    const [thread] = await propose(heading(3, "Goals"), heading(2, "Goals"));
    expect(thread!.proposal).toEqual({ kind: "block", before: heading(3, "Goals"), after: heading(2, "Goals") });
    // listed, in words, while open
    const { problems } = await checkSubmitGate(owner, { documentId: doc.id });
    expect(problems.filter((p) => p.kind === "suggestion").map((p) => [p.sectionKey, p.detail])).toEqual([[section.key, expect.stringMatching(/proposes to turn Heading 3 into Heading 2\.$/)]]);

    await applyProposal(owner, { documentId: doc.id, threadId: thread!.id });
    const now = await blocksNow();
    expect(now.map((b) => [b.type, b.attrs?.level ?? null, b.content?.[0]?.text])).toEqual([["paragraph", null, "Intro"], ["heading", 2, "Goals"], ["paragraph", null, "Be fast."]]);
    expect((await checkSubmitGate(owner, { documentId: doc.id })).problems.filter((p) => p.kind === "suggestion")).toEqual([]);
  });

  it("adds a table's row, and is refused, changing nothing, when the table changed since", async () => {
    const before = table([["Risk", "Owner"], ["Outage", "Ops"]]);
    const after = table([["Risk", "Owner"], ["Outage", "Ops"], ["Data loss", "DBA"]]);
    const { ws, owner, doc, section, propose, blocksNow } = await withBlocks([before]);
    const [first] = await propose(before, after);
    const review = await getReview(owner, { documentId: doc.id });
    expect(review.roles.flatMap((r) => r.openSuggestions.map((s) => s.line))).toContain(`${ws.members.viewer[0]!.name} proposes to turn a table of 2 rows × 2 columns into a table of 3 rows × 2 columns in ${section.title}`);
    await applyProposal(owner, { documentId: doc.id, threadId: first!.id });
    expect(JSON.stringify(await blocksNow())).toContain("Data loss");

    const second = (await propose(after, table([["Risk", "Owner", "Due"], ["Outage", "Ops", "Q1"], ["Data loss", "DBA", "Q2"]]))).find((t) => !t.resolved)!;
    await storeSectionBody(doc.id, section, [table([["Risk", "Owner"], ["Outage", "SRE"], ["Data loss", "DBA"]])], [ws.owner.userId]);
    await expect(applyProposal(owner, { documentId: doc.id, threadId: second.id })).rejects.toThrow(/block has changed since this was proposed/);
    expect(JSON.stringify(await blocksNow())).not.toContain("Due");
    expect((await listThreads(owner, { documentId: doc.id })).find((t) => t.id === second.id)!.resolved).toBe(false);
  });

  it("must name a block the section has, and propose one the document can hold", async () => {
    const { doc, propose } = await withBlocks([paragraph("Intro")]);
    await expect(propose(paragraph("Not here"), heading(2, "Not here"))).rejects.toThrow(/no such block/);
    await expect(propose(paragraph("Intro"), { type: "tableRow", content: [] })).rejects.toThrow(/not one the document can hold/);
    await expect(propose(paragraph("Intro"), { type: "heading", attrs: { level: 2 }, content: [{ type: "table" }] })).rejects.toBeInstanceOf(InvalidInput);
    await expect(propose(paragraph("Intro"), paragraph("Intro"))).rejects.toThrow(/changes nothing/);
    expect(await testDb().commentThread.count({ where: { documentId: doc.id } })).toBe(0);
  });
});
