import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import { hashSections } from "../documents/contentHash";
import { getDocument } from "../documents/documents";
import { loadDocument } from "../documents/loadDocument";
import type { DocumentDto, SectionDto } from "../documents/present";
import type { FieldValue } from "../templates/instantiate";
import type { FieldDef, TemplateDefinition } from "../templates/schema";
import { templateAtVersion } from "../templates/templates";
import { listMembers } from "../workspaces/listMembers";
import type { ExportableDocument, ExportReviewer, ExportSection } from "./markdown";

/** A decision as a printed record shows it: stale when what it covers changed after it. */
export interface PrintedApproval extends ExportReviewer {
  stale: boolean;
}

/** What every export format draws from: the Markdown uses the ExportableDocument part. */
export interface PrintableDocument extends ExportableDocument {
  reviewers: PrintedApproval[];
  /** the document-control fields for a cover: the `document_control` section's, else the first section's */
  control: { label: string; value: string }[];
  /** the value of the first `version` field among the control fields, if any */
  version: string | null;
}

/** "Payments Ledger: v2!" → "payments-ledger-v2"; accents folded, anything else dropped. */
export function slugify(title: string): string {
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

/** Each reviewer's latest decision per sign-off role, in the order the template lists the roles. */
async function approvalsOf(ctx: Ctx, def: TemplateDefinition, documentId: string): Promise<PrintedApproval[]> {
  const rows = await ctx.db.approval.findMany({ where: { documentId }, include: { reviewer: { select: { name: true } } }, orderBy: { createdAt: "asc" } });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(`${row.roleKey}\u0000${row.reviewerId}`, row);
  const roleOrder = def.signoffRoles.map((r) => r.key);
  return [...latest.values()]
    .sort((a, b) => roleOrder.indexOf(a.roleKey) - roleOrder.indexOf(b.roleKey) || a.createdAt.getTime() - b.createdAt.getTime())
    .map((a) => ({
      name: a.reviewer.name,
      role: def.signoffRoles.find((r) => r.key === a.roleKey)?.name ?? a.roleKey,
      decision: a.decision,
      date: a.createdAt.toISOString(),
      contentHash: a.contentHash,
      stale: a.stale,
    }));
}

function controlSection(def: TemplateDefinition, doc: DocumentDto): SectionDto | undefined {
  const control = doc.sections.find((s) => s.key === "document_control");
  if (control) return control;
  const first = doc.sections[0];
  return first && fieldDefs(def, first.key).length ? first : undefined;
}

/**
 * A document resolved for export: field labels from the template version it was written
 * against, people as names, the content hash approvals bind to, and each reviewer's latest
 * decision. Requires `document.export`; NotFound outside the actor's workspaces.
 */
export async function loadPrintable(ctx: Ctx, documentId: string): Promise<PrintableDocument> {
  const { doc: row, membership } = await loadDocument(ctx, documentId);
  authorize(membership, "document.export");
  const doc = await getDocument(ctx, { documentId });
  const def = await templateAtVersion(ctx.db, doc.template.id, doc.template.version);
  const [names, reviewers] = await Promise.all([namesById(ctx, doc, personIds(def, doc)), approvalsOf(ctx, def, documentId)]);
  const control = controlSection(def, doc);
  const controlDefs = control ? fieldDefs(def, control.key) : [];
  const versionField = controlDefs.find((f) => f.type === "version");
  return {
    title: doc.title,
    status: doc.status,
    template: { key: doc.template.key, name: doc.template.name, version: doc.template.version },
    contentHash: hashSections(doc.sections),
    owner: doc.owner.name,
    authors: authorsOf(def, doc, names),
    reviewers,
    createdAt: row.createdAt.toISOString(),
    updatedAt: doc.updatedAt,
    sections: doc.sections.map((s) => exportSection(def, s, names)),
    control: control ? controlDefs.map((f) => ({ label: f.label, value: readable(f, control.fields[f.key], names) })) : [],
    version: versionField && control ? readable(versionField, control.fields[versionField.key], names) || null : null,
  };
}
