import type { DbTx } from "../db";
import type { PMDoc } from "../editor/schema";
import { openSuggestions } from "../suggestions/open";
import type { FieldValue } from "../templates/instantiate";
import { templateAtVersion } from "../templates/templates";
import { fieldDefsOf, personIds, type FieldNames } from "./fieldWords";

/**
 * The labels of a document's fields and the names of the people its person fields hold in
 * `sections`, and of the authors of their bodies' suggestions (leavers keep their names, as
 * in exports) with the colours they chose, so a version or a comparison reads in words, not ids.
 */
export async function loadFieldNames(
  db: DbTx,
  doc: { templateId: string; templateVersion: number },
  sections: { key: string; fields: Record<string, FieldValue>; body?: PMDoc }[],
): Promise<FieldNames> {
  const fields = fieldDefsOf((await templateAtVersion(db, doc.templateId, doc.templateVersion)).sections);
  const authors = openSuggestions(sections.flatMap((s) => (s.body ? [{ key: s.key, body: s.body }] : []))).map((s) => s.authorId);
  const ids = [...new Set([...personIds(fields, sections), ...authors.filter((id): id is string => id !== null)])];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, color: true } }) : [];
  return { fields, people: Object.fromEntries(users.map((u) => [u.id, u.name])), colors: Object.fromEntries(users.flatMap((u) => (u.color ? [[u.id, u.color]] : []))) };
}
