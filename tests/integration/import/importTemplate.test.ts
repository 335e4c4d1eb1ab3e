import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument } from "@/lib/documents/documents";
import { Forbidden, InvalidInput } from "@/lib/errors";
import { importMarkdown } from "@/lib/markdown/importMarkdown";
import { repairMojibake } from "@/lib/markdown/mojibake";
import { importTemplate, previewTemplateImport } from "@/lib/templates/importTemplate";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

const seedsDir = existsSync(path.resolve("../shared/seeds")) ? path.resolve("../shared/seeds") : "/work/shared/seeds";
const SEEDS = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort();

describe("importing Markdown as a template", () => {
  it.each(SEEDS)("turns seed %s into a template whose documents have its headings", async (name) => {
    const ws = await makeWorkspace(["admin"]);
    const admin = ctxFor(ws.members.admin[0]!);
    const source = repairMojibake(readFileSync(path.join(seedsDir, name), "utf8"));
    const template = await importTemplate(admin, { slug: ws.slug, markdown: source, fileName: name });
    const expected = importMarkdown(source);
    const headed = expected.sections.filter((s) => s.level !== null);
    expect(template.name).toBe(expected.title);
    expect(template.definition.sections.map((s) => s.title)).toEqual(headed.map((s) => s.title));
    expect((await listTemplates(admin, { slug: ws.slug })).map((t) => t.id)).toContain(template.id);

    const doc = await createDocument(admin, { slug: ws.slug, templateId: template.id });
    const created = await getDocument(admin, { documentId: doc.id });
    expect(created.sections.map((s) => s.title)).toEqual(headed.map((s) => s.title));
  });

  it("makes placeholders the sections' hints and a Field | Value table their fields", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const md = [
      "# {feature} design",
      "## Summary",
      "[One-line description] for {feature}.",
      "## Control",
      "| Field | Value |",
      "|---|---|",
      "| **Project Name** | [Project Name] |",
      "| Version | [e.g., 1.0.0] |",
      "",
      "Notes below.",
      "## Risks",
      "TBD",
      "## Approval & Sign-off",
      "- [ ] Tech lead: [Name]",
    ].join("\n");
    const { definition } = await previewTemplateImport(owner, { slug: ws.slug, markdown: md });
    expect(definition.titlePattern).toBe("{feature} design");
    const [summary, control, risks, approval] = definition.sections;
    expect(summary).toMatchObject({ key: "summary", hint: "Fill in: One-line description; feature", starter: "[One-line description] for {feature}." });
    expect(control!.fields.map((f) => [f.key, f.label, f.hint])).toEqual([
      ["project_name", "Project Name", "Project Name"],
      ["version", "Version", "e.g., 1.0.0"],
    ]);
    expect(control!.starter).toBe("Notes below.");
    expect(risks!.starter).toBe("[TBD]");
    // the approval section shows the real sign-offs in documents made from the template
    expect(definition.sections.map((s) => s.signoff)).toEqual([false, false, false, true]);
    expect(approval!.title).toBe("Approval & Sign-off");
    expect(await testDb().template.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("is for admins, and refuses a file without headings", async () => {
    const ws = await makeWorkspace(["editor"]);
    await expect(importTemplate(ctxFor(ws.members.editor[0]!), { slug: ws.slug, markdown: "# T\n\n## A\n" })).rejects.toBeInstanceOf(Forbidden);
    await expect(importTemplate(ctxFor(ws.owner), { slug: ws.slug, markdown: "# Only a title\n" })).rejects.toBeInstanceOf(InvalidInput);
    expect(await testDb().template.count({ where: { workspaceId: ws.id } })).toBe(0);
  });
});
