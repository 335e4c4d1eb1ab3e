import type { FieldValue } from "../templates/instantiate";
import type { SectionDef } from "../templates/schema";

/** How a document's fields read to people: each field's label and type, and the people its person fields name. */
export interface FieldNames {
  /** section key → field key → label and type */
  fields: Record<string, Record<string, { label: string; type: string }>>;
  /** user id → name, for the people named in person fields and the authors of suggestions */
  people: Record<string, string>;
  /** user id → the colour they chose (only those who chose one), for the authors of suggestions */
  colors?: Record<string, string>;
}

/** Each section's field labels and types, from the template's sections. */
export function fieldDefsOf(sections: Pick<SectionDef, "key" | "fields">[]): FieldNames["fields"] {
  return Object.fromEntries(sections.map((s) => [s.key, Object.fromEntries(s.fields.map((f) => [f.key, { label: f.label, type: f.type }]))]));
}

/** A field's label: the template's, else its key in words ("quality_level" → "Quality level"). */
export function fieldLabel(names: FieldNames | undefined, sectionKey: string, fieldKey: string): string {
  const label = names?.fields[sectionKey]?.[fieldKey]?.label;
  if (label) return label;
  const words = fieldKey.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A field's value in words: people by name ("Unknown person" when unknown), "—" when empty. */
export function fieldInWords(names: FieldNames | undefined, sectionKey: string, fieldKey: string, value: FieldValue | undefined): string {
  const values = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  const type = names?.fields[sectionKey]?.[fieldKey]?.type;
  const words = type === "person" || type === "people" ? values.map((id) => names?.people[id] ?? "Unknown person") : values;
  return words.filter((w) => w !== "").join(", ") || "—";
}

/** The user ids the person fields of `sections` hold, to look their names up. */
export function personIds(fields: FieldNames["fields"], sections: { key: string; fields: Record<string, FieldValue> }[]): string[] {
  const ids = new Set<string>();
  for (const s of sections) {
    for (const [key, value] of Object.entries(s.fields ?? {})) {
      const type = fields[s.key]?.[key]?.type;
      if (type !== "person" && type !== "people") continue;
      for (const id of Array.isArray(value) ? value : [value]) if (typeof id === "string" && id) ids.add(id);
    }
  }
  return [...ids];
}
