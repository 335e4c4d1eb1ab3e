// The corpus of real public design documents (tests/fixtures/design-docs, sources and
// licences in its SOURCES.md) through the product's conversion path: what a reader sees must
// come back, and converting the export again must change no byte.
import { describe, expect, it } from "vitest";
import { compareMarkdown, type MarkdownDifference } from "@/lib/markdown/compare";
import { convertMarkdown, corpusFixtures } from "../../support/corpus";

const fixtures = corpusFixtures();

function readable(d: MarkdownDifference): string {
  const where = [d.source ? `line ${d.source.line}` : null, d.other ? `export line ${d.other.line}` : null].filter(Boolean).join(", ");
  return `[${d.construct}] ${where}: ${d.message}`;
}

describe("design-document corpus", () => {
  it("holds at least 25 documents", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });

  describe.each(fixtures)("$name", ({ name, markdown }) => {
    let converted: string | undefined;
    // converted once, for both checks
    const exportOf = (): string => (converted ??= convertMarkdown(markdown, name));

    it("comes back with every heading, cell, fence, task, front-matter key, word, link, image, footnote and piece of HTML", { timeout: 60_000 }, () => {
      const exported = exportOf();
      expect(compareMarkdown(markdown, exported).map(readable)).toEqual([]);
    });

    it("is a fixed point once exported: converting the export again gives the same bytes", { timeout: 60_000 }, () => {
      const exported = exportOf();
      expect(convertMarkdown(exported, name)).toBe(exported);
    });

    // unedited blocks are written as the file wrote them; this writes every block through the
    // converter, as after editing each one, so the conversion itself is what is checked
    it("keeps every construct when each block is written by the converter, as after an edit", { timeout: 60_000 }, () => {
      const exported = convertMarkdown(markdown, name, { asEdited: true });
      expect(compareMarkdown(markdown, exported).map(readable)).toEqual([]);
      expect(convertMarkdown(exported, name, { asEdited: true })).toBe(exported);
    });
  });
});
