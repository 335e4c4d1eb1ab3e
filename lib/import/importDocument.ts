import { randomBytes } from "node:crypto";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { presentSummary, type DocumentSummaryDto } from "../documents/present";
import { withTemplateAndOwner } from "../documents/summaryRelations";
import { InvalidInput } from "../errors";
import type { FieldValue } from "../templates/instantiate";
import { TemplateDefinition } from "../templates/schema";
import { loadTemplate } from "../templates/templates";
import type { MemberRef } from "./fieldValues";
import { ImportDocumentInput, type ImportDocumentData } from "./inputs";
import { runOffThread } from "./parsePool";
import type { FieldAssignment } from "./planDocument";
import type { OwnTemplate, PlanImportInput, PlannedImport } from "./planImport";
import type { RoundTripGroup } from "./roundTrip";
import { claimNumber, numberPrefixFor, parseNumber } from "../documents/numbering";
import { readFrontMatter } from "../markdown/frontMatter";
import { checkImport, titleFromFileName, type CheckedImport, type ContentCounts, type MojibakeNotice } from "./prepareImport";

export interface ImportPreview {
  title: string;
  /** the template the headings were mapped onto; null when imported as is */
  template: { id: string; key: string; name: string; version: number; numberPrefix?: string } | null;
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

/** A preview, with what would not come back identical in an export right after the import. */
export interface DocumentImportPreview extends ImportPreview {
  /** by construct, with the file's lines; empty when the export reads the same as the file */
  roundTrip: RoundTripGroup[];
}

export interface ImportResult {
  document: DocumentSummaryDto;
  report: ImportPreview;
}

interface Planned {
  members: MemberRef[];
  workspace: CheckedImport["workspace"];
  /** the chosen template; null when imported as is (the document's own is in `planned.ownTemplate`) */
  template: { id: string; key: string; name: string; version: number; numberPrefix?: string } | null;
  planned: PlannedImport;
  now: Date;
  suggestedTemplateId: string | null;
}

/**
 * The checks, then the parse, plan and row preparation on a parse worker (`planImport`), so
 * the request thread only receives what it shows or writes.
 */
async function planDocumentImport(ctx: Ctx, input: ImportDocumentData, write: boolean): Promise<Planned> {
  const { workspace, members } = await checkImport(ctx, input, "document.import");
  let template: Planned["template"] = null;
  let chosen: PlanImportInput["template"] = null;
  if (input.templateId) {
    const row = await loadTemplate(ctx, workspace.id, input.templateId);
    const definition = TemplateDefinition.parse(row.definition);
    template = { id: row.id, key: row.key, name: row.name, version: row.version, numberPrefix: definition.numberPrefix };
    chosen = { key: row.key, version: row.version, definition };
  }
  const now = new Date();
  const planned = await runOffThread("planImport", {
    markdown: input.markdown,
    repairMojibake: input.repairMojibake,
    title: input.title ?? null,
    fileTitle: titleFromFileName(input.fileName),
    template: chosen,
    ownKey: `imported-${randomBytes(4).toString("hex")}`,
    members,
    creatorId: ctx.actor.userId,
    now: now.toISOString(),
    write,
  });
  const key = planned.templateKey;
  const suggested = key ? await ctx.db.template.findFirst({ where: { key, archivedAt: null, OR: [{ workspaceId: null }, { workspaceId: workspace.id }] }, select: { id: true } }) : null;
  return { members, workspace, template, planned, now, suggestedTemplateId: suggested?.id ?? null };
}

function display(value: FieldValue, names: Map<string, string>): string {
  const values = value === null ? [] : Array.isArray(value) ? value : [value];
  return values.map((v) => names.get(v) ?? v).join(", ");
}

function warningsOf(p: Planned): string[] {
  const { frontMatterError, status } = p.planned;
  const warnings: string[] = [];
  if (frontMatterError) {
    warnings.push(`The front matter is not valid YAML (${frontMatterError}). It is kept exactly as written and exported unchanged, but no field is filled from it.`);
  }
  if (status && status !== "draft") {
    warnings.push(`The file's status is "${status}". The document starts as a draft; the export keeps "${status}" until the document's status changes.`);
  }
  for (const title of p.planned.plan.keptInBody) warnings.push(`"${title}" matches no section of the template and is deeper than the heading above it, so it stays in that section's text as a heading.`);
  return warnings;
}

function present(p: Planned): DocumentImportPreview {
  const names = new Map(p.members.map((m) => [m.userId, m.name] as const));
  const { plan } = p.planned;
  const titles = new Map(plan.sections.map((s) => [s.key, s.title] as const));
  return {
    title: p.planned.title,
    template: p.template,
    sections: plan.sections.map((s) => ({
      key: s.key,
      title: s.title,
      depth: s.depth,
      kind: !p.template ? "heading" : s.origin === "template" ? "added" : s.templateKey ? "matched" : "custom",
    })),
    fields: plan.assigned.map((a) => ({ section: titles.get(a.sectionKey) ?? a.sectionKey, label: a.label, value: display(a.value, names), from: a.from })),
    unusedFrontMatter: plan.unusedFrontMatter,
    metadataKeys: p.planned.frontMatterKeys,
    warnings: warningsOf(p),
    dropped: p.planned.dropped,
    mojibake: p.planned.mojibake,
    repaired: p.planned.repaired,
    counts: p.planned.counts,
    suggestedTemplateId: p.suggestedTemplateId,
    roundTrip: p.planned.roundTrip,
  };
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
  return present(await planDocumentImport(ctx, ImportDocumentInput.parse(raw), false));
}

/** Lets other requests run between two chunks of a long write. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Stores the planned sections a chunk at a time, yielding to the event loop between chunks so
 * other requests are served while a large file is written. `planImport` hands each chunk as a
 * JSON array of rows; PostgreSQL reads it (`jsonb_to_recordset`), so the request thread
 * neither parses nor re-serialises the bodies, and no per-row query is built for them. Ids
 * are cuid-shaped (`c` and 24 random hex digits). Run it in the import's transaction: a
 * failing chunk leaves nothing.
 */
async function writeSections(tx: Ctx, documentId: string, chunks: string[], now: Date): Promise<void> {
  for (const chunk of chunks) {
    await tx.db.$executeRaw`
      INSERT INTO "Section" ("id", "documentId", "key", "title", "depth", "position", "fields", "body", "text", "updatedAt")
      SELECT 'c' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24), ${documentId}, r."key", r."title", r."depth", r."position", r."fields", r."body", r."text", ${now}
      FROM jsonb_to_recordset(${chunk}::jsonb) AS r("key" text, "title" text, "depth" int, "position" int, "fields" jsonb, "body" jsonb, "text" text)`;
    await yieldToLoop();
  }
}

/**
 * Stores the file's layout. It holds every block's source, several MB for a big file, so it
 * comes as JSON text in parts: each part goes into a temporary table of the transaction
 * (yielding between parts, as `writeSections` does), and PostgreSQL joins and parses them.
 * Neither this thread nor the query compiler ever handles the whole of it at once.
 */
async function writeLayout(tx: Ctx, documentId: string, parts: string[]): Promise<void> {
  // a zip import stores several documents in one transaction: the table may be there already
  await tx.db.$executeRaw`CREATE TEMPORARY TABLE IF NOT EXISTS "importLayoutPart" ("seq" int, "part" text) ON COMMIT DROP`;
  await tx.db.$executeRaw`DELETE FROM "importLayoutPart"`;
  for (const [seq, part] of parts.entries()) {
    await tx.db.$executeRaw`INSERT INTO "importLayoutPart" ("seq", "part") VALUES (${seq}, ${part})`;
    await yieldToLoop();
  }
  await tx.db.$executeRaw`
    UPDATE "Document" SET "markdownLayout" = (SELECT string_agg("part", '' ORDER BY "seq") FROM "importLayoutPart")::jsonb
    WHERE "id" = ${documentId}`;
}

/** A new cuid-shaped id (`c` and 24 random hex digits), as the section rows get. */
const newId = () => `c${randomBytes(12).toString("hex")}`;

/**
 * Stores an as-is import's own template (archived, so it stays out of the gallery and cannot
 * start new documents) with its first version. The definition is JSON text from the parse
 * worker, handed to PostgreSQL as it is: a big file's outline is a large object that the
 * request thread would otherwise serialise and compile into the query.
 */
async function writeOwnTemplate(tx: Ctx, workspaceId: string, own: OwnTemplate, now: Date): Promise<NonNullable<Planned["template"]>> {
  const id = newId();
  await tx.db.$executeRaw`
    INSERT INTO "Template" ("id", "workspaceId", "key", "name", "description", "version", "definition", "createdById", "createdAt", "updatedAt", "archivedAt")
    VALUES (${id}, ${workspaceId}, ${own.key}, ${own.name}, ${own.description}, 1, ${own.definitionJson}::jsonb, ${tx.actor.userId}, ${now}, ${now}, ${now})`;
  await tx.db.$executeRaw`
    INSERT INTO "TemplateVersion" ("id", "templateId", "version", "definition", "createdById", "createdAt")
    VALUES (${newId()}, ${id}, 1, ${own.definitionJson}::jsonb, ${tx.actor.userId}, ${now})`;
  return { id, key: own.key, name: own.name, version: 1 };
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
  const p = await planDocumentImport(ctx, ImportDocumentInput.parse(raw), true);
  const { planned, workspace, now } = p;
  const document = await inTransaction(ctx, async (tx) => {
    let template = p.template;
    const wanted = fileNumber(planned.metadata);
    if (planned.ownTemplate) {
      // imported as is: its own template numbers as the file did (ADR-0007 stays an ADR)
      const prefix = wanted ? parseNumber(wanted)?.prefix : undefined;
      template = { ...(await writeOwnTemplate(tx, workspace.id, prefix ? withNumberPrefix(planned.ownTemplate, prefix) : planned.ownTemplate, now)), ...(prefix ? { numberPrefix: prefix } : {}) };
    }
    if (!template) throw new InvalidInput("Choose a template or import as is.");
    if (planned.layoutParts === null) throw new Error("an import planned as a preview cannot be written");
    const numberPrefix = numberPrefixFor(template);
    const doc = await tx.db.document.create({
      data: {
        workspaceId: workspace.id,
        numberPrefix,
        // a file that says its number (a Specwright export, an ADR repository's front matter) keeps it where it is free
        number: await claimNumber(tx.db, workspace.id, numberPrefix, wanted),
        templateId: template.id,
        templateVersion: template.version,
        title: planned.title,
        ownerId: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
        metadata: planned.metadata,
      },
    });
    await writeLayout(tx, doc.id, planned.layoutParts);
    await writeSections(tx, doc.id, planned.rowChunks, now);
    await recordActivity(tx, {
      workspaceId: workspace.id,
      kind: "document.imported",
      subjectId: doc.id,
      data: { template: template.key, version: template.version, sections: planned.plan.sections.length, repaired: planned.repaired },
    });
    return presentSummary(await withTemplateAndOwner(tx.db, doc));
  });
  return { document, report: present(p) };
}

/** The `number` a file's front matter gives (`ADR-0007`), if any. */
function fileNumber(metadata: string | null): string | null {
  if (!metadata) return null;
  const value = readFrontMatter(metadata).data.number;
  return typeof value === "string" ? value : null;
}

/** An own template whose documents number with `prefix`. */
function withNumberPrefix(own: OwnTemplate, prefix: string): OwnTemplate {
  return { ...own, definitionJson: JSON.stringify({ ...(JSON.parse(own.definitionJson) as Record<string, unknown>), numberPrefix: prefix }) };
}
