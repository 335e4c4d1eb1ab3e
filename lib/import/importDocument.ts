import { randomBytes } from "node:crypto";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import type { Prisma } from "../db";
import { inTransaction } from "../db/tx";
import { presentSummary, type DocumentSummaryDto } from "../documents/present";
import { docToText, type PMDoc } from "../editor/schema";
import { normalizeDoc } from "../editor/pmSchema";
import { InvalidInput } from "../errors";
import { layoutOf, type LayoutInput } from "./layoutOf";
import type { FieldValue } from "../templates/instantiate";
import { TemplateDefinition } from "../templates/schema";
import { loadTemplate } from "../templates/templates";
import { ImportDocumentInput, type ImportDocumentData } from "./inputs";
import { planAsIs, planOntoTemplate, type DocumentPlan, type FieldAssignment } from "./planDocument";
import { countContent, prepareImport, titleFromFileName, type ContentCounts, type MojibakeNotice, type PreparedImport } from "./prepareImport";
import { runOffThread } from "./parsePool";
import type { RoundTripGroup } from "./roundTrip";

export interface ImportPreview {
  title: string;
  /** the template the headings were mapped onto; null when imported as is */
  template: { id: string; key: string; name: string; version: number } | null;
  sections: { key: string; title: string; depth: number; kind: "matched" | "custom" | "added" | "heading" }[];
  /** fields filled from the front matter or a field table; people as names */
  fields: { section: string; label: string; value: string; from: FieldAssignment["from"] }[];
  unusedFrontMatter: string[];
  /** every front matter key, in file order: the front matter stays with the document as its metadata */
  metadataKeys: string[];
  /** what the reader should know before importing: front matter kept verbatim, a status not taken over, headings kept in a body */
  warnings: string[];
  /** constructs the editor keeps in another form, as the converter reports them */
  dropped: string[];
  mojibake: MojibakeNotice | null;
  repaired: boolean;
  counts: ContentCounts;
  /** a workspace template named by the front matter's `template` key, to offer as the mapping */
  suggestedTemplateId: string | null;
}

export interface ImportResult {
  document: DocumentSummaryDto;
  report: ImportPreview;
}

interface Planned {
  prepared: PreparedImport;
  title: string;
  plan: DocumentPlan;
  template: { id: string; key: string; name: string; version: number } | null;
  /** set when imported as is: the document's own template, stored with it */
  ownDefinition: TemplateDefinition | null;
  /** the definition the sections follow (the chosen template's or the document's own) */
  definition: TemplateDefinition;
  bodies: { body: PMDoc; text: string }[];
  suggestedTemplateId: string | null;
}

function canonicalBody(body: PMDoc): { body: PMDoc; text: string } {
  try {
    const normal = normalizeDoc(body);
    return { body: normal, text: docToText(normal) };
  } catch {
    throw new InvalidInput("The file has content the editor cannot hold.", { markdown: ["unsupported content"] });
  }
}

async function planImport(ctx: Ctx, input: ImportDocumentData): Promise<Planned> {
  const prepared = await prepareImport(ctx, input, "document.import");
  const { imported, workspace, members } = prepared;
  const today = new Date().toISOString().slice(0, 10);
  const planCtx = { creatorId: ctx.actor.userId, today, members };
  let title = input.title ?? imported.title ?? titleFromFileName(input.fileName);
  let plan: DocumentPlan;
  let template: Planned["template"] = null;
  let ownDefinition: TemplateDefinition | null = null;
  let definition: TemplateDefinition;
  if (input.templateId) {
    const row = await loadTemplate(ctx, workspace.id, input.templateId);
    const def = TemplateDefinition.parse(row.definition);
    definition = def;
    template = { id: row.id, key: row.key, name: row.name, version: row.version };
    title ??= def.titlePattern;
    plan = planOntoTemplate(imported, def, planCtx);
  } else {
    title ??= "Imported document";
    const asIs = planAsIs(imported, { key: `imported-${randomBytes(4).toString("hex")}`, name: `Imported: ${title}`.slice(0, 120), title });
    ownDefinition = TemplateDefinition.parse(asIs.definition);
    definition = ownDefinition;
    plan = asIs;
  }
  const key = typeof imported.frontMatter.template === "string" ? imported.frontMatter.template : null;
  const suggested = key ? await ctx.db.template.findFirst({ where: { key, archivedAt: null, OR: [{ workspaceId: null }, { workspaceId: workspace.id }] }, select: { id: true } }) : null;
  return { prepared, title: title.slice(0, 200), plan, template, ownDefinition, definition, bodies: plan.sections.map((s) => canonicalBody(s.body)), suggestedTemplateId: suggested?.id ?? null };
}

function display(value: FieldValue, names: Map<string, string>): string {
  const values = value === null ? [] : Array.isArray(value) ? value : [value];
  return values.map((v) => names.get(v) ?? v).join(", ");
}

function warningsOf(p: Planned): string[] {
  const { imported } = p.prepared;
  const warnings: string[] = [];
  if (imported.frontMatterError) {
    warnings.push(`The front matter is not valid YAML (${imported.frontMatterError}). It is kept exactly as written and exported unchanged, but no field is filled from it.`);
  }
  const status = imported.frontMatter.status;
  if (typeof status === "string" && status.trim() && status.trim() !== "draft") {
    warnings.push(`The file's status is "${status.trim()}". The document starts as a draft; the export keeps "${status.trim()}" until the document's status changes.`);
  }
  for (const title of p.plan.keptInBody) warnings.push(`"${title}" matches no section of the template and is deeper than the heading above it, so it stays in that section's text as a heading.`);
  return warnings;
}

function present(p: Planned): ImportPreview {
  const names = new Map(p.prepared.members.map((m) => [m.userId, m.name] as const));
  const titles = new Map(p.plan.sections.map((s) => [s.key, s.title] as const));
  return {
    title: p.title,
    template: p.template,
    sections: p.plan.sections.map((s) => ({
      key: s.key,
      title: s.title,
      depth: s.depth,
      kind: !p.template ? "heading" : s.origin === "template" ? "added" : s.templateKey ? "matched" : "custom",
    })),
    fields: p.plan.assigned.map((a) => ({ section: titles.get(a.sectionKey) ?? a.sectionKey, label: a.label, value: display(a.value, names), from: a.from })),
    unusedFrontMatter: p.plan.unusedFrontMatter,
    metadataKeys: Object.keys(p.prepared.imported.frontMatter),
    warnings: warningsOf(p),
    dropped: p.prepared.imported.dropped,
    mojibake: p.prepared.mojibake,
    repaired: p.prepared.repaired,
    counts: countContent(p.bodies.map((b) => b.body)),
    suggestedTemplateId: p.suggestedTemplateId,
  };
}

/** A preview, with what would not come back identical in an export right after the import. */
export interface DocumentImportPreview extends ImportPreview {
  /** by construct, with the file's lines; empty when the export reads the same as the file */
  roundTrip: RoundTripGroup[];
}

/** The planned document as the export would see it right after the import. */
function roundTripInput(ctx: Ctx, p: Planned): LayoutInput {
  const template = p.template ?? { key: p.ownDefinition?.key ?? "imported", version: 1 };
  const ownerName = p.prepared.members.find((m) => m.userId === ctx.actor.userId)?.name ?? "";
  const { imported, members } = p.prepared;
  return { imported, plan: p.plan, bodies: p.bodies.map((b) => b.body), definition: p.definition, title: p.title, members, template, now: new Date(), ownerName };
}

/**
 * What importing would create, without writing anything: the sections (matched, custom or
 * added from the template), filled fields, the front matter kept as metadata, warnings (front
 * matter that is not YAML, a status not taken over, headings kept in a body), what the editor
 * keeps in another form, whether the text looks mis-decoded, and every construct an export
 * right after the import would not give back identical (`roundTrip`, compared on a parse
 * worker). Requires `document.import`. Throws ImportTooLarge past 2 MB,
 * InvalidInput for empty, binary or unparseable input, NotFound for an unknown template.
 */
export async function previewDocumentImport(ctx: Ctx, raw: ImportDocumentInput): Promise<DocumentImportPreview> {
  const input = ImportDocumentInput.parse(raw);
  const planned = await planImport(ctx, input);
  return { ...present(planned), roundTrip: await runOffThread("importRoundTrip", input.markdown, planned.prepared.repaired, roundTripInput(ctx, planned)) };
}

/**
 * Creates a document from a Markdown file, as is (with a template of its own outline, stored
 * archived so it stays out of the gallery) or mapped onto a chosen template. The front matter
 * is stored as written (the document's metadata) with the file's layout, so the export writes
 * the file back as it came and changes only what was edited. Mojibake is
 * repaired only with `repairMojibake: true`. Everything is written in one transaction, so a
 * failure leaves nothing behind. Requires `document.import`; throws as `previewDocumentImport`.
 */
export async function importDocument(ctx: Ctx, raw: ImportDocumentInput): Promise<ImportResult> {
  const planned = await planImport(ctx, ImportDocumentInput.parse(raw));
  const { workspace } = planned.prepared;
  const document = await inTransaction(ctx, async (tx) => {
    let template = planned.template;
    if (planned.ownDefinition) {
      const def = planned.ownDefinition;
      const json = def as unknown as Prisma.InputJsonValue;
      const row = await tx.db.template.create({
        data: {
          workspaceId: workspace.id,
          key: def.key,
          name: def.name,
          description: def.description,
          definition: json,
          createdById: ctx.actor.userId,
          archivedAt: new Date(),
          versions: { create: { version: 1, definition: json, createdById: ctx.actor.userId } },
        },
      });
      template = { id: row.id, key: row.key, name: row.name, version: row.version };
    }
    if (!template) throw new InvalidInput("Choose a template or import as is.");
    const now = new Date();
    const ownerName = planned.prepared.members.find((m) => m.userId === ctx.actor.userId)?.name ?? "";
    const { prepared, plan, bodies, definition, title } = planned;
    const layout = layoutOf({ imported: prepared.imported, plan, bodies: bodies.map((b) => b.body), definition, title, members: prepared.members, template, now, ownerName });
    const doc = await tx.db.document.create({
      data: {
        workspaceId: workspace.id,
        templateId: template.id,
        templateVersion: template.version,
        title: planned.title,
        ownerId: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
        metadata: planned.prepared.imported.frontMatterBlock?.source ?? null,
        markdownLayout: layout as unknown as Prisma.InputJsonValue,
        sections: {
          create: planned.plan.sections.map((s, position) => ({
            key: s.key,
            title: s.title,
            depth: s.depth,
            position,
            fields: s.fields as Prisma.InputJsonValue,
            body: planned.bodies[position]!.body as unknown as Prisma.InputJsonValue,
            text: planned.bodies[position]!.text,
          })),
        },
      },
      include: { template: true, owner: true },
    });
    await recordActivity(tx, {
      workspaceId: workspace.id,
      kind: "document.imported",
      subjectId: doc.id,
      data: { template: template.key, version: template.version, sections: planned.plan.sections.length, repaired: planned.prepared.repaired },
    });
    return presentSummary(doc);
  });
  return { document, report: present(planned) };
}
