import type { Ctx } from "../context";
import { getDocument } from "../documents/documents";
import { DocumentRef } from "../documents/inputs";
import type { DocumentDto, SectionDto } from "../documents/present";
import { NotFound } from "../errors";
import type { FieldValue } from "../templates/instantiate";
import type { FieldDef, TemplateDefinition } from "../templates/schema";
import { templateAtVersion } from "../templates/templates";
import { listMembers } from "../workspaces/listMembers";
import { renderDocumentMarkdown, type ExportableDocument, type ExportSection } from "./markdown";
import { hashSections } from "../documents/contentHash";

export interface MarkdownExport {
  /** slug of the title + ".md", ASCII only so it fits a Content-Disposition header as is */
  filename: string;
  markdown: string;
}

/** "Payments Ledger: v2!" → "payments-ledger-v2"; accents folded, anything else dropped. */
function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "document";
}

/** Member names by user id; ids of people no longer in the workspace are looked up once. */
async function namesById(ctx: Ctx, doc: DocumentDto, ids: Set<string>): Promise<Map<string, string>> {
  const names = new Map((await listMembers(ctx, { slug: doc.workspace.slug })).map((m) => [m.userId, m.name] as const));
  const missing = [...ids].filter((id) => !names.has(id));
  if (missing.length) {
    const users = await ctx.db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } });
    for (const u of users) names.set(u.id, u.name);
  }
  return names;
}

function personIds(def: TemplateDefinition, doc: DocumentDto): Set<string> {
  const ids = new Set<string>([doc.owner.id]);
  for (const section of doc.sections) {
    for (const field of fieldDefs(def, section.key)) {
      if (field.type !== "person" && field.type !== "people") continue;
      for (const id of asList(section.fields[field.key])) ids.add(id);
    }
  }
  return ids;
}

function fieldDefs(def: TemplateDefinition, sectionKey: string): FieldDef[] {
  return def.sections.find((s) => s.key === sectionKey)?.fields ?? [];
}

function asList(value: FieldValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== "");
}

function readable(field: FieldDef, value: FieldValue | undefined, names: Map<string, string>): string {
  const values = asList(value);
  const shown = field.type === "person" || field.type === "people" ? values.map((id) => names.get(id) ?? "Unknown person") : values;
  return shown.join(", ");
}

/** People named in fields keyed author/authors, in order of appearance; the owner when there are none. */
function authorsOf(def: TemplateDefinition, doc: DocumentDto, names: Map<string, string>): string[] {
  const authors: string[] = [];
  for (const section of doc.sections) {
    for (const field of fieldDefs(def, section.key)) {
      if (!/^authors?$/.test(field.key) || (field.type !== "person" && field.type !== "people")) continue;
      for (const id of asList(section.fields[field.key])) {
        const name = names.get(id);
        if (name && !authors.includes(name)) authors.push(name);
      }
    }
  }
  return authors.length ? authors : [names.get(doc.owner.id) ?? doc.owner.name];
}

function exportSection(def: TemplateDefinition, section: SectionDto, names: Map<string, string>): ExportSection {
  return {
    title: section.title,
    depth: section.depth,
    fields: fieldDefs(def, section.key).map((field) => ({ label: field.label, value: readable(field, section.fields[field.key], names) })),
    body: section.body,
  };
}

/**
 * A document as a Markdown file: field labels from the template version it was written
 * against, people as names, and the content hash approvals bind to. Requires `document.view`;
 * NotFound for a document that does not exist or is outside the actor's workspaces.
 */
export async function exportDocumentMarkdown(ctx: Ctx, raw: DocumentRef): Promise<MarkdownExport> {
  const { documentId } = DocumentRef.parse(raw);
  const doc = await getDocument(ctx, { documentId });
  const row = await ctx.db.document.findUnique({ where: { id: documentId }, select: { createdAt: true } });
  if (!row) throw new NotFound("Document");
  const def = await templateAtVersion(ctx.db, doc.template.id, doc.template.version);
  const names = await namesById(ctx, doc, personIds(def, doc));
  const exportable: ExportableDocument = {
    title: doc.title,
    status: doc.status,
    template: { key: doc.template.key, name: doc.template.name, version: doc.template.version },
    contentHash: hashSections(doc.sections),
    owner: doc.owner.name,
    authors: authorsOf(def, doc, names),
    // approvals are not recorded yet; the key is in the format so readers can rely on it
    reviewers: [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: doc.updatedAt,
    sections: doc.sections.map((s) => exportSection(def, s, names)),
  };
  return { filename: `${slugify(doc.title)}.md`, markdown: renderDocumentMarkdown(exportable) };
}
