import { describe, expect, it } from "vitest";
import { normalizeDoc } from "@/lib/editor/pmSchema";
import { docToText } from "@/lib/editor/schema";
import { planAsIs } from "@/lib/import/planDocument";
import { planImport, type PlanImportInput, type SectionRow } from "@/lib/import/planImport";
import { importMarkdown } from "@/lib/markdown/importMarkdown";

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
    expect(planned.ownDefinition?.key).toBe("imported-test");
    expect(planned.status).toBe("proposed");
    expect(planned.templateKey).toBe("rfc");
    expect(planned.metadata).toBe("status: proposed\ntemplate: rfc\n");
    expect(planned.layout?.headings[rows[0]!.key]).toMatchObject({ title: "Part 1", level: 2 });
    expect(planned.counts.sections).toBe(250);
  });

  it("prepares no rows or layout for a preview", () => {
    const planned = planImport({ ...input, write: false });
    expect(planned.rowChunks).toEqual([]);
    expect(planned.layout).toBeNull();
    expect(planned.plan.sections).toHaveLength(250);
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
