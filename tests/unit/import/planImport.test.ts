import { describe, expect, it } from "vitest";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { docToText } from "@/lib/editor/schema";
import { readLayout } from "@/lib/export/layout";
import { planAsIs } from "@/lib/import/planDocument";
import { planImport, splitText, type PlanImportInput, type SectionRow } from "@/lib/import/planImport";
import { importMarkdown } from "@/lib/markdown/importMarkdown";
import { TemplateDefinition } from "@/lib/templates/schema";

const markdown = `---\nstatus: proposed\ntemplate: rfc\n---\n\n# Storage\n\n${Array.from({ length: 250 }, (_, i) => `## Part ${i + 1}\n\nText **${i + 1}**.\n`).join("\n")}`;

const input: PlanImportInput = {
  markdown,
  repairMojibake: false,
  title: null,
  fileTitle: "storage.md",
  template: null,
  ownKey: "imported-test",
  members: [{ userId: "u1", name: "Ada", email: "ada@example.com" }],
  creatorId: "u1",
  now: "2026-01-02T03:04:05.000Z",
  write: true,
};

describe("planning an import on a parse worker", () => {
  it("hands back the rows to store in chunks, with canonical bodies and search text, as structured-clone safe data", () => {
    const planned = planImport(input);
    expect(structuredClone(planned)).toEqual(planned);
    expect(planned.rowChunks.length).toBe(3);
    const rows = planned.rowChunks.flatMap((chunk) => JSON.parse(chunk) as SectionRow[]);
    const imported = importMarkdown(markdown);
    const expected = planAsIs(imported, { key: "imported-test", name: "Imported: Storage", title: "Storage" }).sections;
    expect(rows.map((r) => r.position)).toEqual(expected.map((_, i) => i));
    expect(rows.map((r) => r.key)).toEqual(expected.map((s) => s.key));
    expect(rows.map((r) => r.body)).toEqual(expected.map((s) => normalizeDoc(s.body)));
    expect(rows.map((r) => r.text)).toEqual(expected.map((s) => docToText(normalizeDoc(s.body))));
    expect(planned.title).toBe("Storage");
    expect(planned.ownTemplate).toMatchObject({ key: "imported-test", name: "Imported: Storage" });
    expect(JSON.parse(planned.ownTemplate!.definitionJson)).toEqual(TemplateDefinition.parse(planAsIs(imported, { key: "imported-test", name: "Imported: Storage", title: "Storage" }).definition));
    expect(planned.status).toBe("proposed");
    expect(planned.templateKey).toBe("rfc");
    expect(planned.metadata).toBe("status: proposed\ntemplate: rfc\n");
    expect(readLayout(JSON.parse(planned.layoutParts!.join("")))?.headings[rows[0]!.key]).toMatchObject({ title: "Part 1", level: 2 });
    expect(planned.counts.sections).toBe(250);
  });

  it("prepares no rows or layout for a preview", () => {
    const planned = planImport({ ...input, write: false });
    expect(planned.rowChunks).toEqual([]);
    expect(planned.layoutParts).toBeNull();
    expect(planned.plan.sections).toHaveLength(250);
  });
});

describe("splitting JSON text into parts", () => {
  it("keeps every character, each part within the size, and never splits a character outside the basic plane", () => {
    const text = `{"a":"${"x🚀".repeat(50)}"}`;
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const parts = splitText(text, size);
      expect(parts.join("")).toBe(text);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(Math.max(size, 2));
        expect(part).toBe(Buffer.from(part, "utf8").toString("utf8"));
      }
    }
  });
});

describe("a preview's round trip", () => {
  it("compares the export with the text the user chose to import: repaired when they asked for the repair", () => {
    const garbled = "# Plan\n\nShip it ðŸš€ today.\n";
    const preview = (repairMojibake: boolean) => planImport({ ...input, markdown: garbled, repairMojibake, write: false }).roundTrip;
    expect(preview(true)).toEqual([]);
    expect(preview(false)).toEqual([]);
    // a title of the caller's own is not in the file: the export's H1 differs from it
    expect(planImport({ ...input, markdown: garbled, title: "Launch plan", write: false }).roundTrip.map((g) => g.construct)).toContain("heading");
  });
});
