import { diffLines } from "diff";
import { describe, expect, it } from "vitest";
import type { PMNode } from "@/lib/editor/schema";
import { renderDocumentMarkdown } from "@/lib/export/markdown";
import { convertedExportable } from "@/lib/import/layoutOf";
import { importMarkdown } from "@/lib/markdown/importMarkdown";

const NOW = new Date("2026-01-01T00:00:00.000Z");

// styles the converter writes differently (`*` bullets, `_em_`, padded tables, two-space breaks)
const FILE = [
  "# Plan",
  "",
  "## Context",
  "",
  "* one _item_",
  "* two",
  "",
  "",
  "| a   | b |",
  "|-----|---|",
  "| 1   | 2 |",
  "",
  "First paragraph with a [link][ref].  ",
  "Second line.",
  "",
  "Last paragraph of _Context_.",
  "",
  "## Decision",
  "",
  "<!-- note -->",
  "",
  "[ref]: https://example.com",
  "",
].join("\n");

function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const parts = diffLines(a, b);
  const lines = (p: { value: string }) => p.value.replace(/\n$/, "").split("\n");
  return { removed: parts.filter((p) => p.removed).flatMap(lines), added: parts.filter((p) => p.added).flatMap(lines) };
}

describe("an imported file's unchanged blocks are exported as written", () => {
  it("gives the file back byte for byte while nothing changed", () => {
    expect(renderDocumentMarkdown(convertedExportable(importMarkdown(FILE), { title: "x", now: NOW }))).toBe(FILE);
  });

  it("rewrites only the paragraph that was edited", () => {
    const doc = convertedExportable(importMarkdown(FILE), { title: "x", now: NOW });
    const context = doc.sections.find((s) => s.title === "Context")!;
    const last = context.body.content!.at(-1)!;
    const edited: PMNode = { ...last, content: [...(last.content ?? []), { type: "text", text: " Edited." }] };
    context.body = { ...context.body, content: [...context.body.content!.slice(0, -1), edited] };
    const out = renderDocumentMarkdown(doc);
    expect(changedLines(FILE, out)).toEqual({ removed: ["Last paragraph of _Context_."], added: ["Last paragraph of *Context*. Edited."] });
  });

  it("writes a block that moved next to another without the blank lines it had", () => {
    const doc = convertedExportable(importMarkdown(FILE), { title: "x", now: NOW });
    const context = doc.sections.find((s) => s.title === "Context")!;
    context.body = { ...context.body, content: context.body.content!.filter((n) => n.type !== "table") };
    const out = renderDocumentMarkdown(doc);
    expect(out).toContain("* two\n\nFirst paragraph with a [link][ref].  \nSecond line.");
  });
});
