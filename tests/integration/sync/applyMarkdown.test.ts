import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { changeDocument } from "@/lib/collab/gateway";
import { createThread, listThreads } from "@/lib/comments/comments";
import { writeSection, yDocToSections } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument, updateDocument } from "@/lib/documents/documents";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { Forbidden, InvalidInput, NotFound } from "@/lib/errors";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { importDocument } from "@/lib/import/importDocument";
import { ImportTooLarge } from "@/lib/import/inputs";
import { uploadImage } from "@/lib/images/storeImage";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";
import { listDocumentActivity } from "@/lib/review/listActivity";
import { assignReviewer, decide, getReview, submitForReview } from "@/lib/review/review";
import { applyMarkdown } from "@/lib/sync/applyMarkdown";
import { duplicateTemplate, listTemplates, updateTemplate } from "@/lib/templates/templates";
import { listVersions } from "@/lib/versions/versions";
import { connect, sessionCookie, startCollabServer, waitFor } from "../../support/collab";
import { pngOf } from "../../support/images";
import { ctxFor, makeWorkspace } from "../../support/db";

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server.stop();
});

const DEFINITION = {
  key: "sync-merge",
  name: "Sync merge",
  description: "Three sections, one sign-off",
  titlePattern: "Refunds",
  sections: [
    { key: "design", title: "Design", depth: 1, starter: "Refunds go back to the card." },
    { key: "risks", title: "Risks", depth: 1, starter: "Double refunds." },
    { key: "rollout", title: "Rollout", depth: 1, starter: "Behind a flag." },
  ],
  signoffRoles: [{ key: "tech_lead", name: "Technical Lead", scope: [] }],
};

/** An edit made in the document (as an editor's socket would), not through the copy. */
function edit(documentId: string, key: string, title: string, markdown: string) {
  return changeDocument(documentId, (ydoc: Y.Doc) => writeSection(ydoc, { key, title, depth: 1, fields: {}, body: normalizeDoc(markdownToDoc(markdown).doc) }));
}

async function setUp() {
  const ws = await makeWorkspace(["editor", "viewer"]);
  const owner = ctxFor(ws.owner);
  const builtin = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.builtin)!;
  const copy = await duplicateTemplate(owner, { slug: ws.slug, templateId: builtin.id });
  await updateTemplate(owner, { slug: ws.slug, templateId: copy.id, definition: { ...DEFINITION, key: copy.key }, expectedVersion: 1 });
  const doc = await createDocument(owner, { slug: ws.slug, templateId: copy.id });
  const base = (await exportDocumentMarkdown(owner, { documentId: doc.id })).markdown;
  const texts = async () => Object.fromEntries((await getDocument(owner, { documentId: doc.id })).sections.map((s) => [s.key, JSON.stringify(s.body)]));
  return { ws, owner, doc, base, texts };
}

describe("applyMarkdown", () => {
  it("writes a section changed in the copy into the document as a new version, seen by open editors, leaving the others", async () => {
    const { ws, owner, doc, base, texts } = await setUp();
    const client = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    expect(await client.ready).toBe(true);
    const before = await texts();
    const ours = base.replace("Refunds go back to the card.", "Refunds go back to the card within a day.");

    const result = await applyMarkdown(owner, { documentId: doc.id, base, markdown: ours, label: "Pushed from the CLI" });

    expect(result).toMatchObject({ refused: false, conflicts: [], applied: [{ key: "design", title: "Design", change: "updated" }] });
    // the document's first change keeps the content as created (v1); the change is the version after it
    expect(result.version).toMatchObject({ kind: "named", label: "Pushed from the CLI", number: 2 });
    expect((await listVersions(owner, { documentId: doc.id })).map((v) => v.label)).toEqual(["Pushed from the CLI", "Created"]);
    const after = await texts();
    expect(after.design).toContain("within a day");
    expect([after.risks, after.rollout]).toEqual([before.risks, before.rollout]);
    await waitFor(() => yDocToSections(client.ydoc).find((s) => s.key === "design")?.text === "Refunds go back to the card within a day.");
    // the export now reads as the copy did, apart from the bookkeeping in its front matter
    const exported = (await exportDocumentMarkdown(owner, { documentId: doc.id })).markdown;
    const body = (md: string) => md.slice(md.indexOf("\n---\n"));
    expect(body(exported)).toBe(body(ours));
    expect(exported).toContain(`content_hash: ${result.contentHash}`);
    expect((await listDocumentActivity(owner, { documentId: doc.id }))[0]!.text).toBe(`updated 1 section from Markdown (saved as v${result.version!.number})`);
    client.close();
  });

  it("merges sections changed on one side each: the document's edit stays, the copy's is added", async () => {
    const { owner, doc, base, texts } = await setUp();
    await edit(doc.id, "risks", "Risks", "Double refunds; refunds after a chargeback.");
    const ours = base.replace("Behind a flag.", "Behind a flag, one region at a time.");

    const result = await applyMarkdown(owner, { documentId: doc.id, base, markdown: ours });

    expect(result.applied).toEqual([{ key: "rollout", title: "Rollout", change: "updated" }]);
    const after = await texts();
    expect(after.risks).toContain("after a chargeback");
    expect(after.rollout).toContain("one region at a time");
  });

  it("refuses a section changed on both sides, naming it with both texts, and changes nothing", async () => {
    const { owner, doc, base, texts } = await setUp();
    await edit(doc.id, "design", "Design", "Refunds go back to the original payment method.");
    const before = await texts();
    const versions = await listVersions(owner, { documentId: doc.id });
    const ours = base.replace("Refunds go back to the card.", "Refunds go back to the card within a day.").replace("Behind a flag.", "Behind a flag, one region at a time.");

    const result = await applyMarkdown(owner, { documentId: doc.id, base, markdown: ours });

    expect(result).toMatchObject({ refused: true, applied: [], version: null });
    expect(result.conflicts).toEqual([
      { key: "design", title: "Design", base: "## Design\n\nRefunds go back to the card.\n", ours: "## Design\n\nRefunds go back to the card within a day.\n", theirs: "## Design\n\nRefunds go back to the original payment method.\n" },
    ]);
    expect(await texts()).toEqual(before);
    expect(await listVersions(owner, { documentId: doc.id })).toEqual(versions);
  });

  it("merges two copies sent at once one after the other: the second sees the first's change as the document's", async () => {
    const { owner, doc, base, texts } = await setUp();
    const [a, b] = await Promise.all([
      applyMarkdown(owner, { documentId: doc.id, base, markdown: base.replace("Double refunds.", "Double refunds, says A.") }),
      applyMarkdown(owner, { documentId: doc.id, base, markdown: base.replace("Double refunds.", "Double refunds, says B.") }),
    ]);
    expect([a.refused, b.refused].sort()).toEqual([false, true]);
    const [won, lost] = a.refused ? [b, a] : [a, b];
    expect(won.applied).toEqual([{ key: "risks", title: "Risks", change: "updated" }]);
    expect(lost.conflicts).toEqual([expect.objectContaining({ key: "risks", theirs: expect.stringContaining(won === a ? "says A." : "says B.") })]);
    expect((await texts()).risks).toContain(won === a ? "says A." : "says B.");
  });

  it("with onConflict keep, applies the other sections and leaves the conflicting one as the document has it", async () => {
    const { owner, doc, base, texts } = await setUp();
    await edit(doc.id, "design", "Design", "Refunds go back to the original payment method.");
    const ours = base.replace("Refunds go back to the card.", "Refunds go back to the card within a day.").replace("Behind a flag.", "Behind a flag, one region at a time.");

    const result = await applyMarkdown(owner, { documentId: doc.id, base, markdown: ours, onConflict: "keep" });

    expect(result.refused).toBe(false);
    expect(result.conflicts.map((c) => c.key)).toEqual(["design"]);
    expect(result.applied).toEqual([{ key: "rollout", title: "Rollout", change: "updated" }]);
    const after = await texts();
    expect(after.design).toContain("original payment method");
    expect(after.rollout).toContain("one region at a time");
  });

  it("adds a section the copy added after the one it follows, and removes one the copy removed", async () => {
    const { owner, doc, base } = await setUp();
    const ours = base.replace("## Risks\n\nDouble refunds.\n\n", "").replace("Behind a flag.\n", "Behind a flag.\n\n## Open questions\n\nWho pays the fee?\n");
    expect(ours).not.toBe(base);

    const result = await applyMarkdown(owner, { documentId: doc.id, base, markdown: ours });

    expect(result.applied).toEqual([
      { key: "open_questions", title: "Open questions", change: "added" },
      { key: "risks", title: "Risks", change: "removed" },
    ]);
    const sections = (await getDocument(owner, { documentId: doc.id })).sections;
    expect(sections.map((s) => s.key)).toEqual(["design", "rollout", "open_questions"]);
    expect(JSON.stringify(sections.at(-1)!.body)).toContain("Who pays the fee?");
  });

  it("keeps a section whose heading the copy renamed, body edited or not: its key, its comments, reported as renamed", async () => {
    const { owner, doc, base } = await setUp();
    await createThread(owner, { documentId: doc.id, sectionKey: "risks", quote: "Double refunds", body: "Which ones?" });
    const ours = base.replace("## Risks\n\nDouble refunds.", "## Known risks\n\nDouble refunds and partial ones.").replace("## Rollout", "## Launch");

    const result = await applyMarkdown(owner, { documentId: doc.id, base, markdown: ours });

    expect(result).toMatchObject({ refused: false, conflicts: [] });
    expect(result.applied).toEqual([
      { key: "risks", title: "Known risks", change: "renamed", from: "Risks" },
      { key: "rollout", title: "Launch", change: "renamed", from: "Rollout" },
    ]);
    const sections = (await getDocument(owner, { documentId: doc.id })).sections;
    expect(sections.map((s) => [s.key, s.title])).toEqual([["design", "Design"], ["risks", "Known risks"], ["rollout", "Launch"]]);
    expect(JSON.stringify(sections[1]!.body)).toContain("partial ones");
    expect((await listThreads(owner, { documentId: doc.id })).map((t) => [t.sectionKey, t.quote])).toEqual([["risks", "Double refunds"]]);
    expect((await listDocumentActivity(owner, { documentId: doc.id }))[0]!.text).toBe(`updated 2 sections from Markdown, renaming “Risks” to “Known risks”, “Rollout” to “Launch” (saved as v${result.version!.number})`);
  });

  it("takes the copy's other edits when the document renamed a heading, and refuses a section renamed on one side and changed on the other", async () => {
    const { owner, doc, base, texts } = await setUp();
    await edit(doc.id, "risks", "What could go wrong", "Double refunds.");
    const merged = await applyMarkdown(owner, { documentId: doc.id, base, markdown: base.replace("Behind a flag.", "Behind a flag, then for all.") });
    expect(merged.applied).toEqual([{ key: "rollout", title: "Rollout", change: "updated" }]);
    expect((await getDocument(owner, { documentId: doc.id })).sections.map((s) => s.title)).toEqual(["Design", "What could go wrong", "Rollout"]);

    const before = await texts();
    const changed = await applyMarkdown(owner, { documentId: doc.id, base, markdown: base.replace("Double refunds.", "Double refunds, twice.") });
    expect(changed).toMatchObject({ refused: true, applied: [] });
    expect(changed.conflicts).toEqual([{ key: "risks", title: "Risks", base: "## Risks\n\nDouble refunds.\n", ours: "## Risks\n\nDouble refunds, twice.\n", theirs: "## What could go wrong\n\nDouble refunds.\n" }]);
    const renamedOtherwise = await applyMarkdown(owner, { documentId: doc.id, base, markdown: base.replace("## Risks", "## Hazards") });
    expect(renamedOtherwise.conflicts.map((c) => [c.key, c.title])).toEqual([["risks", "Hazards"]]);
    expect(await texts()).toEqual(before);
  });

  it("changes nothing and makes no version when the copy holds what the document holds", async () => {
    const { owner, doc, base } = await setUp();
    const versions = await listVersions(owner, { documentId: doc.id });
    const result = await applyMarkdown(owner, { documentId: doc.id, base, markdown: base });
    expect(result).toMatchObject({ applied: [], conflicts: [], refused: false, version: null });
    expect(await listVersions(owner, { documentId: doc.id })).toEqual(versions);
  });

  it("marks an approval stale and takes the document back to In Review when the change touches what was approved", async () => {
    const { ws, owner, doc, base } = await setUp();
    const reviewer = ctxFor(ws.members.editor[0]!);
    await assignReviewer(owner, { documentId: doc.id, roleKey: "tech_lead", reviewerId: reviewer.actor.userId });
    await submitForReview(owner, { documentId: doc.id });
    expect((await decide(reviewer, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" })).status).toBe("approved");

    await applyMarkdown(owner, { documentId: doc.id, base, markdown: base.replace("Double refunds.", "Double refunds, and partial ones.") });

    const review = await getReview(reviewer, { documentId: doc.id });
    expect(review.status).toBe("in_review");
    expect(review.roles[0]!.decisions[0]).toMatchObject({ stale: true });
  });

  it("keeps an uploaded image as the document's image when the copy edits the text around it", async () => {
    const { owner, doc } = await setUp();
    const image = await uploadImage(owner, { documentId: doc.id, fileName: "flow.png" }, pngOf(2, 2, [0, 90, 200]));
    await edit(doc.id, "design", "Design", `Refunds go back to the card.\n\n![Flow](${image.src})`);
    const base = (await exportDocumentMarkdown(owner, { documentId: doc.id })).markdown;
    expect(base).toContain("![Flow](images/");

    const result = await applyMarkdown(owner, { documentId: doc.id, base, markdown: base.replace("Refunds go back to the card.", "Refunds go back to the card, as drawn.") });

    expect(result.applied).toEqual([{ key: "design", title: "Design", change: "updated" }]);
    const design = (await getDocument(owner, { documentId: doc.id })).sections.find((s) => s.key === "design")!;
    expect(JSON.stringify(design.body)).toContain(`"src":"${image.src}"`);
    // the export writes the image as before: the same path, only the sentence changed
    const body = (md: string) => md.slice(md.indexOf("\n---\n"));
    expect(body((await exportDocumentMarkdown(owner, { documentId: doc.id })).markdown)).toBe(body(base.replace("Refunds go back to the card.", "Refunds go back to the card, as drawn.")));
  });

  it("refuses a viewer, and a document outside the actor's workspaces, changing nothing", async () => {
    const { ws, owner, doc, base, texts } = await setUp();
    const before = await texts();
    const ours = base.replace("Double refunds.", "Nothing to fear.");
    await expect(applyMarkdown(ctxFor(ws.members.viewer[0]!), { documentId: doc.id, base, markdown: ours })).rejects.toBeInstanceOf(Forbidden);
    const stranger = ctxFor((await makeWorkspace()).owner);
    await expect(applyMarkdown(stranger, { documentId: doc.id, base, markdown: ours })).rejects.toBeInstanceOf(NotFound);
    expect(await texts()).toEqual(before);
    void owner;
  });

  it("refuses empty, binary and oversized Markdown and bad options with nothing changed", async () => {
    const { owner, doc, base, texts } = await setUp();
    const before = await texts();
    await expect(applyMarkdown(owner, { documentId: doc.id, base, markdown: "  \n" })).rejects.toBeInstanceOf(InvalidInput);
    await expect(applyMarkdown(owner, { documentId: doc.id, base: "a\u0000b", markdown: base })).rejects.toBeInstanceOf(InvalidInput);
    await expect(applyMarkdown(owner, { documentId: doc.id, base, markdown: "x".repeat(3 * 1024 * 1024) })).rejects.toBeInstanceOf(ImportTooLarge);
    await expect(applyMarkdown(owner, { documentId: doc.id, base, markdown: base, onConflict: "overwrite" as "keep" })).rejects.toThrow();
    expect(await texts()).toEqual(before);
  });
});

describe("applyMarkdown on documents from other sources", () => {
  it("writes a value changed in a section's field table into that field, keeping the others", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const template = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === "design-document-metadata")!;
    const doc = await createDocument(owner, { slug: ws.slug, templateId: template.id, title: "Fields" });
    const base = (await exportDocumentMarkdown(owner, { documentId: doc.id })).markdown;
    expect(base).toContain("| Change ID | |");
    const before = (await getDocument(owner, { documentId: doc.id })).sections[0]!;

    const result = await applyMarkdown(owner, { documentId: doc.id, base, markdown: base.replace("| Change ID | |", "| Change ID | CHG-42 |") });

    expect(result.applied).toEqual([{ key: before.key, title: before.title, change: "updated" }]);
    const after = (await getDocument(owner, { documentId: doc.id })).sections[0]!;
    const changed = Object.keys(after.fields).filter((k) => JSON.stringify(after.fields[k]) !== JSON.stringify(before.fields[k]));
    expect(changed.map((k) => after.fields[k])).toEqual(["CHG-42"]);
    expect((await exportDocumentMarkdown(owner, { documentId: doc.id })).markdown).toContain("| Change ID | CHG-42 |");
  });

  it("takes the copy's new title (front matter or H1) and its order of sections, as a version, when the document kept both", async () => {
    const { owner, doc, base, texts } = await setUp();
    const before = await texts();
    const titled = base.replace(/^title: .*$/m, "title: Refunds to the card").replace(/^# .*$/m, "# Refunds to the card");
    // Rollout moved before Risks
    const risks = titled.slice(titled.indexOf("## Risks"), titled.indexOf("## Rollout"));
    const ours = titled.replace(risks, "").replace(/(## Rollout[\s\S]*)$/, `$1${risks.startsWith("\n") ? "" : "\n"}${risks}`).replace(/\n{3,}/g, "\n\n");
    expect(ours.indexOf("## Rollout")).toBeLessThan(ours.indexOf("## Risks"));

    const result = await applyMarkdown(owner, { documentId: doc.id, base, markdown: ours, label: "Pushed from the CLI" });
    expect(result).toMatchObject({ applied: [], conflicts: [], title: "Refunds to the card", reordered: true, frontMatter: false, notTaken: [] });
    expect(result.version).toMatchObject({ label: "Pushed from the CLI" });
    const after = await getDocument(owner, { documentId: doc.id });
    expect(after.title).toBe("Refunds to the card");
    expect(after.sections.map((s) => s.key)).toEqual(["design", "rollout", "risks"]);
    expect(await texts()).toEqual(before);

    // the H1 alone renamed, while the document was renamed too: the document's title stays, and says why
    const base2 = (await exportDocumentMarkdown(owner, { documentId: doc.id })).markdown;
    await updateDocument(owner, { documentId: doc.id, title: "Refunds, renamed here" });
    const second = await applyMarkdown(owner, { documentId: doc.id, base: base2, markdown: base2.replace(/^# .*$/m, "# Refunds, renamed in the copy") });
    expect(second).toMatchObject({ title: null, version: null, notTaken: [{ what: "title", reason: "both" }] });
    expect((await getDocument(owner, { documentId: doc.id })).title).toBe("Refunds, renamed here");
  });

  it("writes the copy's front matter edits into an imported document's own front matter, and names the keys it cannot take", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const source = "---\nteam: payments\ntags: [cache]\n---\n\n# Cache\n\n## Context\n\nWe cache too much.\n";
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: source, fileName: "cache.md" });
    const base = (await exportDocumentMarkdown(owner, { documentId: document.id })).markdown;
    expect(base).toContain("team: payments");
    const ours = base.replace("team: payments", "team: ledger\nstatus: approved");
    const result = await applyMarkdown(owner, { documentId: document.id, base, markdown: ours });
    expect(result).toMatchObject({ frontMatter: true, notTaken: [{ what: "status", reason: "owned" }] });
    const exported = (await exportDocumentMarkdown(owner, { documentId: document.id })).markdown;
    expect(exported).toContain("team: ledger");
    expect(exported).not.toContain("status: approved");
  });

  it("refuses a title it cannot store before changing anything", async () => {
    const { owner, doc, base, texts } = await setUp();
    const before = await texts();
    const ours = base.replace(/^title: .*$/m, `title: ${"x".repeat(400)}`).replace("Behind a flag.", "Behind a flag, later.");
    await expect(applyMarkdown(owner, { documentId: doc.id, base, markdown: ours })).rejects.toThrow();
    expect(await texts()).toEqual(before);
    expect((await getDocument(owner, { documentId: doc.id })).title).toBe(doc.title);
  });

  const fixtures = ["kep-585-runtime-class.md", "madr-0013-use-yaml-front-matter-for-meta-data.md", "rust-rfcs-0089-loadable-lints.md"];

  it.each(fixtures)("reads an unchanged export of %s (imported as is) as no change, and writes a sentence added at the end", async (name) => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const source = readFileSync(path.join("tests/fixtures/design-docs", name), "utf8");
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: source, fileName: name });
    const base = (await exportDocumentMarkdown(owner, { documentId: document.id })).markdown;
    expect(await applyMarkdown(owner, { documentId: document.id, base, markdown: base })).toMatchObject({ applied: [], conflicts: [], version: null });

    const sections = (await getDocument(owner, { documentId: document.id })).sections;
    const ours = `${base.trimEnd()}\n\nA sentence added at the end.\n`;
    const last = sections.at(-1)!;
    const result = await applyMarkdown(owner, { documentId: document.id, base, markdown: ours });
    expect(result.conflicts).toEqual([]);
    expect(result.applied).toEqual([{ key: last.key, title: last.title, change: "updated" }]);
    const exported = (await exportDocumentMarkdown(owner, { documentId: document.id })).markdown;
    expect(exported.trimEnd().endsWith("A sentence added at the end.")).toBe(true);
  });

  it("reads an unchanged export of a built-in template's document, field tables included, as no change", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    for (const template of (await listTemplates(owner, { slug: ws.slug })).filter((t) => t.builtin)) {
      const doc = await createDocument(owner, { slug: ws.slug, templateId: template.id });
      const base = (await exportDocumentMarkdown(owner, { documentId: doc.id })).markdown;
      expect(await applyMarkdown(owner, { documentId: doc.id, base, markdown: base }), template.key).toMatchObject({ applied: [], conflicts: [], version: null });
    }
  });
});
