import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import type { Prisma } from "../db";
import { InvalidInput } from "../errors";
import { loadMembership } from "../workspaces/loadMembership";
import { WorkspaceRef } from "../workspaces/schema";
import type { ListDocumentsInput } from "./inputs";
import { containsPattern, fieldChoices, findFields, findPeople, type DefinitionLike, type FieldChoice, type PersonLike } from "./listFilters";

type Filters = Pick<ListDocumentsInput, "template" | "owner" | "reviewer" | "field" | "value">;

/** Templates a workspace's documents can come from: built-ins and its own, archived ones too. */
function workspaceTemplates(ctx: Ctx, workspaceId: string) {
  return ctx.db.template.findMany({ where: { OR: [{ workspaceId: null }, { workspaceId }] }, select: { id: true, key: true, name: true, definition: true } });
}

const definitionOf = (template: { definition: Prisma.JsonValue }) => template.definition as DefinitionLike;

/** The typed fields of the workspace's templates, by label, for the list's field picker. Requires `document.view`. */
export async function listFieldChoices(ctx: Ctx, raw: WorkspaceRef): Promise<FieldChoice[]> {
  const { slug } = WorkspaceRef.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, slug);
  authorize(membership, "document.view");
  const templates = await workspaceTemplates(ctx, workspace.id);
  return fieldChoices(templates.map(definitionOf));
}

async function members(ctx: Ctx, workspaceId: string): Promise<PersonLike[]> {
  const rows = await ctx.db.membership.findMany({ where: { workspaceId }, select: { user: { select: { id: true, name: true, email: true } } } });
  return rows.map((r) => r.user);
}

/** Documents of the workspace with a section whose field matches: text in part, people by id. */
async function documentsWithField(ctx: Ctx, workspaceId: string, fields: FieldChoice[], value: string, people: string[]): Promise<string[]> {
  const textKeys = fields.filter((f) => !f.people).map((f) => f.key);
  const peopleKeys = fields.filter((f) => f.people).map((f) => f.key);
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT s."documentId" AS id
    FROM "Section" s JOIN "Document" d ON d.id = s."documentId"
    WHERE d."workspaceId" = ${workspaceId}
      AND jsonb_exists_any(s.fields, ${fields.map((f) => f.key)}::text[])
      AND EXISTS (
        SELECT 1
        FROM jsonb_each(s.fields) f,
             jsonb_array_elements_text(CASE jsonb_typeof(f.value) WHEN 'array' THEN f.value ELSE jsonb_build_array(f.value) END) v
        WHERE (f.key = ANY(${textKeys}::text[]) AND v ILIKE ${containsPattern(value)})
           OR (f.key = ANY(${peopleKeys}::text[]) AND v = ANY(${people}::text[])))`;
  return rows.map((r) => r.id);
}

/**
 * The filters of a document list as conditions: a template by key or name, people by name
 * (or "me"), a field by key or label whose value contains the given text, ignoring case.
 * Throws InvalidInput naming every filter that matches nothing the workspace has, so an
 * unknown filter is never dropped and every document listed.
 */
export async function documentFilters(ctx: Ctx, workspaceId: string, input: Filters): Promise<Prisma.DocumentWhereInput[]> {
  const errors: Record<string, string[]> = {};
  const fail = (key: string, message: string) => (errors[key] ??= []).push(message);
  const needsTemplates = Boolean(input.template || input.field);
  const needsPeople = Boolean(input.owner || input.reviewer || input.field);
  const [templates, people] = await Promise.all([needsTemplates ? workspaceTemplates(ctx, workspaceId) : [], needsPeople ? members(ctx, workspaceId) : []]);
  const person = (key: "owner" | "reviewer" | "value", name: string) => {
    const ids = findPeople(people, name, ctx.actor.userId);
    if (!ids.length) fail(key, `No one in this workspace is called “${name}”.`);
    return ids;
  };
  const where: Prisma.DocumentWhereInput[] = [];

  if (input.template) {
    const wanted = input.template.toLowerCase();
    const ids = templates.filter((t) => t.key === input.template || t.name.toLowerCase() === wanted).map((t) => t.id);
    if (!ids.length) fail("template", `No template called “${input.template}” in this workspace.`);
    where.push({ templateId: { in: ids } });
  }
  if (input.owner) where.push({ ownerId: { in: person("owner", input.owner) } });
  if (input.reviewer) {
    const ids = person("reviewer", input.reviewer);
    where.push({ OR: [{ assignments: { some: { reviewerId: { in: ids } } } }, { approvals: { some: { reviewerId: { in: ids } } } }] });
  }

  let fieldMatch: { fields: FieldChoice[]; value: string; people: string[] } | undefined;
  if (input.field) {
    const fields = findFields(fieldChoices(templates.map(definitionOf)), input.field);
    if (!fields.length) fail("field", `No field called “${input.field}” in this workspace’s templates.`);
    else if (!input.value) fail("value", `Enter what to look for in ${fields[0]!.label}.`);
    else fieldMatch = { fields, value: input.value, people: fields.some((f) => f.people) ? person("value", input.value) : [] };
  } else if (input.value) fail("field", `Pick a field to look for “${input.value}” in.`);

  if (Object.keys(errors).length) throw new InvalidInput(Object.values(errors).flat().join(" "), errors);
  if (fieldMatch) where.push({ id: { in: await documentsWithField(ctx, workspaceId, fieldMatch.fields, fieldMatch.value, fieldMatch.people) } });
  return where;
}
