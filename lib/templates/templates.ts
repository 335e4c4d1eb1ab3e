import { randomBytes } from "node:crypto";
import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import type { DbTx, Prisma } from "../db";
import { inTransaction, isClient } from "../db/tx";
import { Conflict, Forbidden, InvalidInput, NotFound } from "../errors";
import { loadMembership } from "../workspaces/loadMembership";
import { WorkspaceRef } from "../workspaces/schema";
import { DuplicateTemplateInput, TemplateRef, UpdateTemplateInput } from "./inputs";
import { presentTemplate, presentTemplateCard, type TemplateCardDto, type TemplateDto } from "./present";
import { TemplateDefinition } from "./schema";
import { syncBuiltinTemplates } from "./syncBuiltins";

type TemplateRow = Prisma.TemplateGetPayload<object>;

/** Built-ins are synced outside transactions; inside one, the caller already holds a template id. */
async function ensureBuiltins(ctx: Ctx): Promise<void> {
  if (isClient(ctx.db)) await syncBuiltinTemplates(ctx.db);
}

function toDto(row: TemplateRow): TemplateDto {
  return presentTemplate(row, TemplateDefinition.parse(row.definition));
}

/** A template usable in the workspace: a built-in or the workspace's own. NotFound otherwise. */
export async function loadTemplate(ctx: Ctx, workspaceId: string, templateId: string): Promise<TemplateRow> {
  await ensureBuiltins(ctx);
  const row = await ctx.db.template.findFirst({ where: { id: templateId, archivedAt: null, OR: [{ workspaceId: null }, { workspaceId }] } });
  if (!row) throw new NotFound("Template");
  return row;
}

/** The gallery: built-ins first, then the workspace's own. Requires `workspace.view`. */
export async function listTemplates(ctx: Ctx, raw: WorkspaceRef): Promise<TemplateCardDto[]> {
  const { slug } = WorkspaceRef.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, slug);
  authorize(membership, "workspace.view");
  await ensureBuiltins(ctx);
  const rows = await ctx.db.template.findMany({
    where: { archivedAt: null, OR: [{ workspaceId: null }, { workspaceId: workspace.id }] },
    orderBy: [{ builtin: "desc" }, { key: "asc" }],
  });
  return rows.map((r) => presentTemplateCard(toDto(r)));
}

/** One template with its definition. Requires `workspace.view`. */
export async function getTemplate(ctx: Ctx, raw: TemplateRef): Promise<TemplateDto> {
  const input = TemplateRef.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "workspace.view");
  return toDto(await loadTemplate(ctx, workspace.id, input.templateId));
}

/** Copies any template into the workspace as an editable template. Requires `template.manage`. */
export async function duplicateTemplate(ctx: Ctx, raw: DuplicateTemplateInput): Promise<TemplateDto> {
  const input = DuplicateTemplateInput.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "template.manage");
  const source = toDto(await loadTemplate(ctx, workspace.id, input.templateId));
  const key = `${source.key.replace(/-copy-[0-9a-f]{6}$/, "")}-copy-${randomBytes(3).toString("hex")}`.slice(0, 60);
  const name = input.name ?? `${source.name} (copy)`;
  const definition = TemplateDefinition.parse({ ...source.definition, key, name });
  return inTransaction(ctx, async (tx) => {
    const json = definition as unknown as Prisma.InputJsonValue;
    const row = await tx.db.template.create({
      data: {
        workspaceId: workspace.id,
        key,
        name,
        description: definition.description,
        definition: json,
        createdById: ctx.actor.userId,
        versions: { create: { version: 1, definition: json, createdById: ctx.actor.userId } },
      },
    });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "template.duplicated", subjectId: row.id, data: { from: source.id } });
    return toDto(row);
  });
}

/**
 * Saves an edited definition as the template's next version; documents keep the version
 * they were created from. Requires `template.manage`; built-ins are read-only (duplicate
 * them); Conflict when someone saved a newer version meanwhile.
 */
export async function updateTemplate(ctx: Ctx, raw: UpdateTemplateInput): Promise<TemplateDto> {
  const input = UpdateTemplateInput.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "template.manage");
  const parsed = TemplateDefinition.safeParse(input.definition);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[["definition", ...issue.path].join(".")] ??= []).push(issue.message);
    throw new InvalidInput("The template is not valid.", fields);
  }
  return inTransaction(ctx, async (tx) => {
    const row = await loadTemplate(tx, workspace.id, input.templateId);
    if (row.builtin) throw new Forbidden("Built-in templates cannot be edited. Duplicate it and edit the copy.");
    if (row.version !== input.expectedVersion) throw new Conflict(`This template was changed meanwhile (now version ${row.version}). Reload and edit again.`);
    const definition = { ...parsed.data, key: row.key } as unknown as Prisma.InputJsonValue;
    const version = row.version + 1;
    const updated = await tx.db.template.update({
      where: { id: row.id },
      data: { name: parsed.data.name, description: parsed.data.description, definition, version, versions: { create: { version, definition, createdById: ctx.actor.userId } } },
    });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "template.updated", subjectId: row.id, data: { version } });
    return toDto(updated);
  });
}

/** The definition a document was created from (its template at that version). */
export async function templateAtVersion(db: DbTx, templateId: string, version: number): Promise<TemplateDefinition> {
  const row = await db.templateVersion.findUnique({ where: { templateId_version: { templateId, version } } });
  if (!row) throw new NotFound("Template version");
  return TemplateDefinition.parse(row.definition);
}
