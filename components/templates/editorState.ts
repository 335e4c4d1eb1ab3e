import { FIELD_TYPES, type FieldDef, type SectionDef, type SignoffRoleDef, type TemplateDefinition } from "@/lib/templates/schema";

/** snake_case key from a title, unique among `taken`. */
export function keyFrom(title: string, taken: string[]): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").replace(/^(\d)/, "s_$1").slice(0, 50) || "section";
  let key = /^[a-z]/.test(base) ? base : `s_${base}`;
  for (let i = 2; taken.includes(key); i++) key = `${base}_${i}`;
  return key;
}

export function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return list;
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function newSection(def: TemplateDefinition): SectionDef {
  return { key: keyFrom("New section", def.sections.map((s) => s.key)), title: "New section", depth: 1, hint: "", optional: false, fields: [], starter: "", signoff: false };
}

export function newField(section: SectionDef): FieldDef {
  return { key: keyFrom("field", section.fields.map((f) => f.key)), label: "New field", type: "text", required: false };
}

export function newRole(def: TemplateDefinition): SignoffRoleDef {
  return { key: keyFrom("reviewer", def.signoffRoles.map((r) => r.key)), name: "Reviewer", scope: [], blocksWithoutReviewer: false };
}

export { FIELD_TYPES };
