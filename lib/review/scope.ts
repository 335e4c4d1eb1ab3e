import type { DbTx } from "../db";
import { hashAccepted, type HashableSection } from "../documents/contentHash";
import type { PMDoc } from "../editor/schema";
import type { FieldValue } from "../templates/instantiate";
import type { SignoffRoleDef } from "../templates/schema";

/** The document's projected sections, in order, as hashed. */
export async function currentSections(db: DbTx, documentId: string): Promise<HashableSection[]> {
  return hashableSections(await db.section.findMany({ where: { documentId }, orderBy: { position: "asc" } }));
}

/** Section rows as hashed. */
export function hashableSections(rows: { key: string; title: string; depth: number; fields: unknown; body: unknown }[]): HashableSection[] {
  return rows.map((r) => ({ key: r.key, title: r.title, depth: r.depth, fields: r.fields as Record<string, FieldValue>, body: r.body as unknown as PMDoc }));
}

/** Hash of what a sign-off role covers, as accepted (open suggestions left out): its sections, or the whole document when unscoped. */
export function scopeHash(role: Pick<SignoffRoleDef, "scope">, sections: HashableSection[]): string {
  const covered = role.scope.length ? sections.filter((s) => role.scope.includes(s.key)) : sections;
  return hashAccepted(covered);
}
