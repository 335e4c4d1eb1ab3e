import { randomBytes } from "node:crypto";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import type { Prisma } from "../db";
import { inTransaction } from "../db/tx";
import { ImportTemplateInput, type ImportTemplateData } from "../import/inputs";
import { keyFor } from "../import/normalise";
import { prepareImport, titleFromFileName, type MojibakeNotice } from "../import/prepareImport";
import { runOffThread } from "../import/parsePool";
import { presentTemplate, type TemplateDto } from "./present";
import { TemplateDefinition } from "./schema";

export interface TemplateImportPreview {
  definition: TemplateDefinition;
  dropped: string[];
  mojibake: MojibakeNotice | null;
  repaired: boolean;
}

async function plan(ctx: Ctx, input: ImportTemplateData) {
  const prepared = await prepareImport(ctx, input, "template.import");
  const name = (input.name ?? prepared.imported.title ?? titleFromFileName(input.fileName) ?? "Imported template").slice(0, 120);
  const key = `${keyFor(name, "template").replace(/_/g, "-").slice(0, 40)}-${randomBytes(3).toString("hex")}`;
  const description = `Imported from ${input.fileName ? input.fileName.split(/[\\/]/).pop() : "Markdown"}.`.slice(0, 1000);
  const definition = TemplateDefinition.parse(await runOffThread("templateFromMarkdown", prepared.imported, { key, name, description }));
  return { prepared, definition };
}

/**
 * The template a Markdown file would become, without saving it. Requires `template.import`;
 * throws ImportTooLarge past MAX_IMPORT_BYTES and InvalidInput for empty, binary or heading-less input.
 */
export async function previewTemplateImport(ctx: Ctx, raw: ImportTemplateInput): Promise<TemplateImportPreview> {
  const { prepared, definition } = await plan(ctx, ImportTemplateInput.parse(raw));
  return { definition, dropped: prepared.imported.dropped, mojibake: prepared.mojibake, repaired: prepared.repaired };
}

/**
 * Saves a Markdown file as a new workspace template (version 1): headings become sections,
 * placeholders hints (see `templateFromMarkdown`). Requires `template.import`; throws as
 * `previewTemplateImport`.
 */
export async function importTemplate(ctx: Ctx, raw: ImportTemplateInput): Promise<TemplateDto> {
  const { prepared, definition } = await plan(ctx, ImportTemplateInput.parse(raw));
  return inTransaction(ctx, async (tx) => {
    const json = definition as unknown as Prisma.InputJsonValue;
    const row = await tx.db.template.create({
      data: {
        workspaceId: prepared.workspace.id,
        key: definition.key,
        name: definition.name,
        description: definition.description,
        definition: json,
        createdById: ctx.actor.userId,
        versions: { create: { version: 1, definition: json, createdById: ctx.actor.userId } },
      },
    });
    await recordActivity(tx, { workspaceId: prepared.workspace.id, kind: "template.imported", subjectId: row.id, data: { sections: definition.sections.length } });
    return presentTemplate(row, definition);
  });
}
