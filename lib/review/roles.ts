import { z } from "zod";
import { SignoffRoleDef, type TemplateDefinition } from "../templates/schema";

const StoredRoles = z.array(SignoffRoleDef);

/** The sign-off roles a document requires: its own when its author changed them, else its template's. */
export function signoffRolesOf(doc: { signoffRoles: unknown }, def: TemplateDefinition): SignoffRoleDef[] {
  if (doc.signoffRoles === null || doc.signoffRoles === undefined) return def.signoffRoles;
  const parsed = StoredRoles.safeParse(doc.signoffRoles);
  return parsed.success ? parsed.data : def.signoffRoles;
}
