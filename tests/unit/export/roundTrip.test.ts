import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { docToText, walk, type PMDoc, type PMNode } from "@/lib/editor/schema";
import { renderDocumentMarkdown, type ExportableDocument } from "@/lib/export/markdown";
import { importMarkdown, type ImportedMarkdown } from "@/lib/markdown/importMarkdown";
import { repairMojibake } from "@/lib/markdown/mojibake";

function seedsDir(): string {
  const beside = path.resolve(process.cwd(), "../shared/seeds");
  return existsSync(beside) ? beside : "/work/shared/seeds";
}

const SEEDS = readdirSync(seedsDir())
  .filter((f) => f.endsWith(".txt"))
  .sort();

function render(imported: ImportedMarkdown): string {
  return renderDocumentMarkdown({
    title: imported.title ?? "Untitled",
    status: "draft",
    template: { key: "imported", name: "Imported", version: 1 },
    contentHash: "0".repeat(64),
    owner: "Ada Lovelace",
    authors: ["Ada Lovelace"],
    reviewers: [],
    createdAt: "2026-03-04T10:00:00.000Z",
    updatedAt: "2026-03-05T10:00:00.000Z",
    sections: imported.sections.map((s) => ({ title: s.title, depth: s.depth, fields: [], body: s.body })),
  });
}

function nodes(body: PMDoc, type: PMNode["type"]): PMNode[] {
  const found: PMNode[] = [];
  walk(body, (n) => {
    if (n.type === type) found.push(n);
  });
  return found;
}

/** What must survive a trip through the export format, section by section. */
function essentials(imported: ImportedMarkdown) {
  return imported.sections.map((s) => ({
    title: s.title,
    depth: s.depth,
    tableHeaders: nodes(s.body, "tableRow")
      .filter((r) => r.content?.some((c) => c.type === "tableHeader"))
      .map((r) => (r.content ?? []).map((c) => docToText(c))),
    mermaid: nodes(s.body, "mermaid").length,
    tasks: nodes(s.body, "taskItem").map((t) => [t.attrs?.checked === true, docToText(t)]),
  }));
}

describe.each(SEEDS)("seed %s through export and import", (seed) => {
  const source = repairMojibake(readFileSync(path.join(seedsDir(), seed), "utf8"));
  const first = importMarkdown(source);

  it("keeps section titles and depths, table headers, Mermaid diagrams and task items", () => {
    const second = importMarkdown(render(first));
    expect(second.title).toBe(first.title ?? "Untitled");
    expect(essentials(second)).toEqual(essentials(first));
    expect(first.sections.length).toBeGreaterThan(3);
  });

  it("renders byte-identical Markdown every time", () => {
    const once = render(importMarkdown(source));
    expect(render(importMarkdown(source))).toBe(once);
    expect(once.endsWith("\n") && !once.endsWith("\n\n")).toBe(true);
  });

  it("reaches a fixed point: rendering the re-imported document changes nothing", () => {
    const once = render(first);
    expect(render(importMarkdown(once))).toBe(once);
  });
});

describe("renderDocumentMarkdown", () => {
  const body = (text: string): PMDoc => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  const doc: ExportableDocument = {
    title: "Payments ledger",
    status: "in_review",
    template: { key: "technical-design", name: "Technical Design", version: 2 },
    contentHash: "a".repeat(64),
    owner: "Ada Lovelace",
    authors: ["Ada Lovelace", "Grace Hopper"],
    reviewers: [{ name: "Linus", role: "Security", decision: "approved", date: "2026-03-06", contentHash: "b".repeat(64) }],
    createdAt: "2026-03-04T10:00:00.000Z",
    updatedAt: "2026-03-05T10:00:00.000Z",
    sections: [
      { title: "Overview", depth: 1, fields: [{ label: "Owner | team", value: "Ada Lovelace\nand friends" }, { label: "Due", value: "" }], body: body("Why.") },
      { title: "Storage", depth: 2, fields: [], body: { type: "doc", content: [{ type: "paragraph" }] } },
    ],
  };

  it("writes front matter in a fixed key order, then the title, sections and a fields table", () => {
    const md = renderDocumentMarkdown(doc);
    const [, yamlText, rest] = md.split(/^---\n/m);
    expect(Object.keys(parseYaml(yamlText ?? ""))).toEqual(["title", "status", "template", "template_version", "content_hash", "authors", "reviewers", "created", "updated"]);
    expect(parseYaml(yamlText ?? "")).toMatchObject({
      template: "technical-design",
      template_version: 2,
      reviewers: [{ name: "Linus", role: "Security", decision: "approved", date: "2026-03-06", content_hash: "b".repeat(64) }],
    });
    expect(rest).toBe(
      ["", "# Payments ledger", "", "## Overview", "", "| Field | Value |", "| - | - |", "| Owner \\| team | Ada Lovelace and friends |", "| Due | |", "", "Why.", "", "### Storage", ""].join("\n"),
    );
  });

  it("gives the same bytes for the same input", () => {
    expect(renderDocumentMarkdown(structuredClone(doc))).toBe(renderDocumentMarkdown(doc));
  });
});
