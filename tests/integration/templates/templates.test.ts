import { describe, expect, it } from "vitest";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument } from "@/lib/documents/documents";
import { Conflict, Forbidden, InvalidInput, NotFound } from "@/lib/errors";
import { BUILTIN_TEMPLATES } from "@/lib/templates/builtins";
import { duplicateTemplate, getTemplate, listTemplates, templateAtVersion, updateTemplate } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

describe("template gallery", () => {
  it("lists the five built-ins with their section counts and sign-off roles", async () => {
    const ws = await makeWorkspace();
    const cards = await listTemplates(ctxFor(ws.owner), { slug: ws.slug });
    const builtins = cards.filter((c) => c.builtin);
    expect(builtins.map((c) => c.key).sort()).toEqual(BUILTIN_TEMPLATES.map((t) => t.key).sort());
    for (const card of builtins) {
      const def = BUILTIN_TEMPLATES.find((t) => t.key === card.key)!;
      expect(card.sectionCount).toBe(def.sections.filter((s) => !s.optional).length);
      expect(card.signoffRoles.map((r) => r.name)).toEqual(def.signoffRoles.map((r) => r.name));
      expect(card.outline.length).toBe(def.sections.length);
    }
  });
});

describe("editing a workspace template", () => {
  it("duplicates a built-in, saves edits as new versions, and documents keep the version they came from", async () => {
    const ws = await makeWorkspace(["admin"]);
    const admin = ctxFor(ws.members.admin[0]!);
    const builtin = (await listTemplates(admin, { slug: ws.slug })).find((c) => c.builtin)!;
    const copy = await duplicateTemplate(admin, { slug: ws.slug, templateId: builtin.id, name: "Our RFC" });
    expect(copy).toMatchObject({ name: "Our RFC", version: 1, builtin: false });

    const before = await createDocument(admin, { slug: ws.slug, templateId: copy.id });
    const first = copy.definition.sections[0]!;
    const edited = {
      ...copy.definition,
      sections: [
        { key: "rationale", title: "Rationale", depth: 1, hint: "Why this change", optional: false, fields: [], starter: "" },
        ...copy.definition.sections.filter((s) => s.key !== first.key || s.depth !== 1 || copy.definition.sections.length === 1),
      ],
      signoffRoles: [{ key: "architect", name: "Architect", scope: [] }],
    };
    const v2 = await updateTemplate(admin, { slug: ws.slug, templateId: copy.id, definition: edited, expectedVersion: 1 });
    expect(v2.version).toBe(2);
    expect(v2.signoffRoles.map((r) => r.name)).toEqual(["Architect"]);

    const after = await createDocument(admin, { slug: ws.slug, templateId: copy.id });
    expect(after.template.version).toBe(2);
    expect((await getDocument(admin, { documentId: after.id })).sections[0]!.title).toBe("Rationale");
    expect(before.template.version).toBe(1);
    expect((await templateAtVersion(testDb(), copy.id, 1)).sections[0]!.key).toBe(first.key);

    // saving over a newer version is refused
    await expect(updateTemplate(admin, { slug: ws.slug, templateId: copy.id, definition: edited, expectedVersion: 1 })).rejects.toBeInstanceOf(Conflict);
  });

  it("rejects an invalid definition with field errors and changes nothing", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const builtin = (await listTemplates(owner, { slug: ws.slug })).find((c) => c.builtin)!;
    const copy = await duplicateTemplate(owner, { slug: ws.slug, templateId: builtin.id });
    const broken = { ...copy.definition, sections: [{ key: "Bad Key", title: "", depth: 3 }] };
    const error = await updateTemplate(owner, { slug: ws.slug, templateId: copy.id, definition: broken, expectedVersion: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect(Object.keys((error as InvalidInput).fields).join(" ")).toContain("definition.sections.0");
    expect((await getTemplate(owner, { slug: ws.slug, templateId: copy.id })).version).toBe(1);
  });

  it("keeps built-ins read-only and template management to admins", async () => {
    const ws = await makeWorkspace(["editor"]);
    const owner = ctxFor(ws.owner);
    const builtin = (await listTemplates(owner, { slug: ws.slug })).find((c) => c.builtin)!;
    const full = await getTemplate(owner, { slug: ws.slug, templateId: builtin.id });
    await expect(updateTemplate(owner, { slug: ws.slug, templateId: builtin.id, definition: full.definition, expectedVersion: full.version })).rejects.toBeInstanceOf(Forbidden);
    await expect(duplicateTemplate(ctxFor(ws.members.editor[0]!), { slug: ws.slug, templateId: builtin.id })).rejects.toBeInstanceOf(Forbidden);
  });

  it("hides one workspace's templates from another", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const builtin = (await listTemplates(ctxFor(a.owner), { slug: a.slug })).find((c) => c.builtin)!;
    const copy = await duplicateTemplate(ctxFor(a.owner), { slug: a.slug, templateId: builtin.id });
    expect((await listTemplates(ctxFor(b.owner), { slug: b.slug })).map((t) => t.id)).not.toContain(copy.id);
    await expect(getTemplate(ctxFor(b.owner), { slug: b.slug, templateId: copy.id })).rejects.toBeInstanceOf(NotFound);
    await expect(createDocument(ctxFor(b.owner), { slug: b.slug, templateId: copy.id })).rejects.toBeInstanceOf(NotFound);
  });
});
