import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import { hashSections, type HashableSection } from "../documents/contentHash";
import { loadDocument } from "../documents/loadDocument";
import { formatNumber } from "../documents/numbering";
import type { PMDoc } from "../editor/schema";
import type { FieldValue } from "../templates/instantiate";
import { signoffRolesOf } from "../review/roles";
import { acceptedSections } from "../suggestions/accepted";
import { withCriticMarks } from "../suggestions/criticMarkup";
import type { SignoffRoleDef, TemplateDefinition } from "../templates/schema";
import { mirrorsWorkflowStatus } from "../documents/statusField";
import { templateAtVersion } from "../templates/templates";
import { readLayout } from "./layout";
import type { ExportableDocument, ExportReviewer } from "./markdown";
import { authorsOf, exportSection, fieldDefs, personIds, readable } from "./sectionFields";

/** A decision as a printed record shows it: stale when what it covers changed after it. */
export interface PrintedApproval extends ExportReviewer {
  stale: boolean;
}

/** What every export format draws from: the Markdown uses the ExportableDocument part. */
/** What an export does with open suggestions: leaves them out (the accepted text), or writes them as CriticMarkup. */
export type SuggestionsInExport = "accepted" | "criticmarkup";

export interface PrintableDocument extends ExportableDocument {
  reviewers: PrintedApproval[];
  /** the document-control fields for a cover: the `document_control` section's, else the first section's */
  control: { label: string; value: string }[];
  /** the value of the first `version` field among the control fields, if any */
  version: string | null;
}

type SectionRow = HashableSection;

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

/** Names of the people named in fields (and the owner), by user id; leavers keep their names. */
async function namesById(ctx: Ctx, ids: Set<string>): Promise<Map<string, string>> {
  const users = await ctx.db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name] as const));
}

/** Each reviewer's latest decision per sign-off role, in the order the template lists the roles. */
async function approvalsOf(ctx: Ctx, roles: SignoffRoleDef[], documentId: string): Promise<PrintedApproval[]> {
  const rows = await ctx.db.approval.findMany({ where: { documentId }, include: { reviewer: { select: { name: true } } }, orderBy: { createdAt: "asc" } });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(`${row.roleKey}\u0000${row.reviewerId}`, row);
  const roleOrder = roles.map((r) => r.key);
  return [...latest.values()]
    .sort((a, b) => roleOrder.indexOf(a.roleKey) - roleOrder.indexOf(b.roleKey) || a.createdAt.getTime() - b.createdAt.getTime())
    .map((a) => ({
      name: a.reviewer.name,
      role: roles.find((r) => r.key === a.roleKey)?.name ?? a.roleKey,
      decision: a.decision,
      date: a.createdAt.toISOString(),
      contentHash: a.contentHash,
      stale: a.stale,
    }));
}

function controlSection(def: TemplateDefinition, sections: SectionRow[]): SectionRow | undefined {
  const control = sections.find((s) => s.key === "document_control");
  if (control) return control;
  const first = sections[0];
  return first && fieldDefs(def, first.key).length ? first : undefined;
}

/**
 * A document resolved for export: field labels from the template version it was written
 * against, people as names, the content hash approvals bind to, and each reviewer's latest
 * decision. Requires `document.export`; NotFound outside the actor's workspaces.
 */
export async function loadPrintable(ctx: Ctx, documentId: string, options: { suggestions?: SuggestionsInExport } = {}): Promise<PrintableDocument> {
  const { doc, membership } = await loadDocument(ctx, documentId);
  authorize(membership, "document.export");
  // independent reads in parallel: this is on the path of every download
  const [rows, def, imported] = await Promise.all([
    ctx.db.section.findMany({ where: { documentId }, orderBy: { position: "asc" } }),
    templateAtVersion(ctx.db, doc.templateId, doc.templateVersion),
    ctx.db.document.findUniqueOrThrow({ where: { id: documentId }, select: { markdownLayout: true } }),
  ]);
  const stored: SectionRow[] = rows.map((r) => ({ key: r.key, title: r.title, depth: r.depth, fields: r.fields as Record<string, FieldValue>, body: r.body as unknown as PMDoc }));
  // the accepted text: open suggestions are not part of what is exported, unless asked for as CriticMarkup
  const sections = acceptedSections(stored);
  const shown = options.suggestions === "criticmarkup" ? stored.map((s) => ({ ...s, body: withCriticMarks(s.body) })) : sections;
  const [names, reviewers] = await Promise.all([namesById(ctx, personIds(def, doc.ownerId, sections)), approvalsOf(ctx, signoffRolesOf(doc, def), documentId)]);
  const control = controlSection(def, sections);
  const controlDefs = control ? fieldDefs(def, control.key) : [];
  const versionField = controlDefs.find((f) => f.type === "version");
  const owner = names.get(doc.ownerId) ?? doc.owner.name;
  return {
    title: doc.title,
    number: formatNumber(doc.numberPrefix, doc.number),
    status: doc.status,
    template: { key: doc.template.key, name: doc.template.name, version: doc.templateVersion },
    contentHash: hashSections(sections),
    owner,
    authors: authorsOf(def, sections, names, owner),
    reviewers,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    sections: shown.map((s) => exportSection(def, s, names)),
    metadata: doc.metadata,
    layout: readLayout(imported.markdownLayout),
    // the cover prints the workflow status once: a field repeating it is left out
    control: control ? controlDefs.filter((f) => !mirrorsWorkflowStatus(f)).map((f) => ({ label: f.label, value: readable(f, control.fields[f.key], names) })) : [],
    version: versionField && control ? readable(versionField, control.fields[versionField.key], names) || null : null,
  };
}
