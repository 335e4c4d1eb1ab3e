import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PMDoc } from "@/lib/editor/schema";
import { convertedExportable } from "@/lib/import/layoutOf";
import { renderDocumentMarkdown, type ExportableDocument } from "@/lib/export/markdown";
import { setFrontMatterValues } from "@/lib/markdown/frontMatter";
import { importMarkdown } from "@/lib/markdown/importMarkdown";
import { repairMojibake } from "@/lib/markdown/mojibake";

const NOW = new Date("2026-03-04T10:00:00.000Z");

/** import as is, then export: what `specwright convert` prints */
function convert(markdown: string, title = "file"): string {
  return renderDocumentMarkdown(convertedExportable(importMarkdown(markdown), { title, now: NOW }));
}

function imported(markdown: string): ExportableDocument {
  return convertedExportable(importMarkdown(markdown), { title: "file", now: NOW });
}

const paragraph = (text: string): PMDoc => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

const RFC = [
  "---",
  "# who decides: the RFC committee",
  "title: Async ledger   # short name",
  "status: proposed",
  "created: 2020-01-01",
  "version: 1.10",
  "discussions-to: https://example.com/t/1",
  "---",
  "",
  "Text before any heading.",
  "",
  "# The *Async* Ledger",
  "",
  "## Summary",
  "",
  "See [Motivation](#motivation).",
  "",
  "#### Skipped a level",
  "",
  "Deep.",
  "",
  "Setext heading",
  "--------------",
  "",
  "Text.",
  "",
  "# Appendix",
  "",
  "A later H1.",
  "",
].join("\n");

describe("an imported document's export", () => {
  it("is the file byte for byte when nothing was edited: front matter with comments, preamble, H1 where it stood, headings as written", () => {
    expect(convert(RFC)).toBe(RFC);
  });

  it("does not gain front matter, an H1 or a final newline the file did not have", () => {
    expect(convert("## Only a section\n\nText")).toBe("## Only a section\n\nText");
    expect(convert("Just a paragraph.\n")).toBe("Just a paragraph.\n");
  });

  it("changes only the edited paragraph", () => {
    const doc = imported(RFC);
    const skipped = doc.sections.find((s) => s.title === "Skipped a level")!;
    skipped.body = paragraph("Deeper, edited.");
    const out = renderDocumentMarkdown(doc);
    expect(out).not.toBe(RFC);
    expect(out.replace("Deeper, edited.", "Deep.")).toBe(RFC);
  });

  it("refreshes a key Specwright owns only when its value changed, keeping the comments", () => {
    const doc = imported(RFC);
    expect(renderDocumentMarkdown({ ...doc, status: "draft" })).toBe(RFC);
    const renamed = renderDocumentMarkdown({ ...doc, title: "Sync ledger" });
    expect(renamed).toContain("title: Sync ledger   # short name\n");
    expect(renamed).toContain("# who decides: the RFC committee\n");
    // the H1 follows the title too; the keys the file did not have are not added
    expect(renamed).toContain("\n# Sync ledger\n");
    expect(renamed).not.toMatch(/^(content_hash|template|updated):/m);
    const inReview = renderDocumentMarkdown({ ...doc, status: "in_review" });
    expect(inReview).toContain("status: in_review\n");
    expect(inReview).toContain("created: 2020-01-01\n");
  });

  it("writes a renamed or moved heading from the model, at its level", () => {
    const doc = imported(RFC);
    const setext = doc.sections.find((s) => s.title === "Setext heading")!;
    setext.title = "Renamed";
    expect(renderDocumentMarkdown(doc)).toContain("\n## Renamed\n\nText.");
    const skipped = doc.sections.find((s) => s.title === "Skipped a level")!;
    skipped.depth = 1;
    expect(renderDocumentMarkdown(doc)).toContain("\n## Skipped a level\n\nDeep.");
  });

  it("keeps front matter that is not YAML verbatim", () => {
    const madr = "---\nstatus: {proposed | rejected | superseded by [ADR-0005](0005-example.md)}\n---\n\n# Use ADRs\n\n## Context\n";
    expect(convert(madr)).toBe(madr);
    const doc = imported(madr);
    expect(renderDocumentMarkdown({ ...doc, status: "approved", title: "Other" })).toContain("status: {proposed | rejected | superseded by [ADR-0005](0005-example.md)}\n");
  });

  it("takes a front matter title when there is no H1, and writes no H1 for it", () => {
    const md = "---\ntitle: From the header\n---\n\n## A\n\nText.\n";
    const doc = imported(md);
    expect(doc.title).toBe("From the header");
    expect(renderDocumentMarkdown(doc)).toBe(md);
  });
});

describe("headings inside a section's body", () => {
  it("are written below the section's own level", () => {
    const doc = imported("## Data Architecture\n\nText.\n");
    doc.sections[0]!.body = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Text." }] },
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Storage choices" }] },
        { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Even higher" }] },
        { type: "heading", attrs: { level: 4 }, content: [{ type: "text", text: "Already below" }] },
      ],
    };
    expect(renderDocumentMarkdown(doc)).toBe("## Data Architecture\n\nText.\n\n### Storage choices\n\n### Even higher\n\n#### Already below\n");
  });
});

describe("a document written in Specwright", () => {
  const native: ExportableDocument = {
    title: "Ledger",
    status: "draft",
    template: { key: "rfc", name: "RFC", version: 2 },
    contentHash: "a".repeat(64),
    owner: "Ada",
    authors: ["Ada"],
    reviewers: [],
    createdAt: "2026-03-04T10:00:00.000Z",
    updatedAt: "2026-03-05T10:00:00.000Z",
    sections: [{ key: "summary", title: "Summary", depth: 1, fields: [], body: paragraph("Why.") }],
  };

  it("exports its own keys, the H1 and its sections as before", () => {
    const out = renderDocumentMarkdown(native);
    expect(out).toMatch(/^---\ntitle: Ledger\nstatus: draft\ntemplate: rfc\ntemplate_version: 2\ncontent_hash: a{64}\nauthors:\n {2}- Ada\nreviewers: \[\]\ncreated: /);
    expect(out.endsWith("---\n\n# Ledger\n\n## Summary\n\nWhy.\n")).toBe(true);
  });

  it("adds its own metadata after Specwright's keys, which keep Specwright's values", () => {
    const out = renderDocumentMarkdown({ ...native, metadata: "# ours\nteam: Payments\ntitle: Old\n" });
    expect(out).toContain("updated: 2026-03-05T10:00:00.000Z\n# ours\nteam: Payments\ntitle: Ledger\n---\n");
    expect(out.match(/^title:/gm)).toHaveLength(1);
  });

  it("reaches a fixed point: export(import(export(doc))) is export(doc)", () => {
    const first = renderDocumentMarkdown(native);
    expect(convert(first)).toBe(first);
    expect(convert(convert(first))).toBe(first);
  });
});

describe("setFrontMatterValues", () => {
  it("replaces a scalar in place and leaves everything else byte for byte", () => {
    const source = "# c\ntitle:   'Old'  # keep\nlist:\n  - a   # one\n";
    expect(setFrontMatterValues(source, { title: "New" })).toBe("# c\ntitle:   New  # keep\nlist:\n  - a   # one\n");
    expect(setFrontMatterValues(source, { missing: "x" })).toBe(source);
    expect(setFrontMatterValues(source, { title: "Old" })).toBe(source);
  });

  it("sets a list through the document, keeping comments", () => {
    const out = setFrontMatterValues("# c\nauthors:\n  - Ada # first\nteam: x\n", { authors: ["Ada", "Grace"] });
    expect(out).toContain("# c\n");
    expect(out).toContain("Grace");
    expect(out).toContain("team: x");
  });
});

describe("a title given at import", () => {
  it("replaces the H1 in the export when it differs from it", () => {
    const doc = convertedExportable(importMarkdown("# From the file\n\n## A\n"), { title: "x", now: NOW });
    expect(renderDocumentMarkdown(doc)).toBe("# From the file\n\n## A\n");
    expect(renderDocumentMarkdown({ ...doc, title: "Given" })).toBe("# Given\n\n## A\n");
  });
});

describe("keys Specwright owns in another process's file", () => {
  it("are the file's own there: authors and reviewers are never replaced, title and status are understood", () => {
    const kep = "---\ntitle: KEP-1\nauthors:\n  - \"@ada\"\nreviewers:\n  - \"@bob\"\nstatus: implementable\n---\n\n## Summary\n";
    const doc = convertedExportable(importMarkdown(kep), { title: "x", now: NOW });
    const edited = renderDocumentMarkdown({ ...doc, owner: "Grace", authors: ["Grace"], reviewers: [{ name: "Linus", role: "Tech", decision: "approved", date: "2026", contentHash: "b" }], updatedAt: "2027-01-01T00:00:00.000Z" });
    expect(edited).toBe(kep);
    expect(renderDocumentMarkdown({ ...doc, status: "approved" })).toBe(kep.replace("status: implementable", "status: approved"));
  });
});

const seedsDir = existsSync(path.resolve("../shared/seeds")) ? path.resolve("../shared/seeds") : "/work/shared/seeds";

describe.each(readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort())("converting seed %s", (name) => {
  it("reaches a fixed point after one pass, keeping its title and headings in order", () => {
    const source = repairMojibake(readFileSync(path.join(seedsDir, name), "utf8"));
    const once = convert(source);
    expect(convert(once)).toBe(once);
    const before = importMarkdown(source);
    const after = importMarkdown(once);
    expect(after.title).toBe(before.title);
    expect(after.sections.map((s) => [s.level, s.title])).toEqual(before.sections.map((s) => [s.level, s.title]));
    // the largest seed is read and written three times each: 2 s on a quiet 2-core machine,
    // over the 5 s a unit test gets by default beside other work
  }, 60_000);
});
