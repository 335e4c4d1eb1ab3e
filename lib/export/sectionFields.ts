import type { HashableSection } from "../documents/contentHash";
import type { FieldValue } from "../templates/instantiate";
import type { FieldDef, TemplateDefinition } from "../templates/schema";
import type { ExportSection } from "./markdown";

// A section's fields as an export shows them: labels from the template, people as names.
// Free of the database, so converting a file needs no database client.

type SectionRow = HashableSection;

/** The ids of the owner and of everyone named in person fields. */
export function personIds(def: TemplateDefinition, ownerId: string, sections: SectionRow[]): Set<string> {
  const ids = new Set<string>([ownerId]);
  for (const section of sections) {
    for (const field of fieldDefs(def, section.key)) {
      if (field.type !== "person" && field.type !== "people") continue;
      for (const id of asList(section.fields[field.key])) ids.add(id);
    }
  }
  return ids;
}

export function fieldDefs(def: TemplateDefinition, sectionKey: string): FieldDef[] {
  return def.sections.find((s) => s.key === sectionKey)?.fields ?? [];
}

function asList(value: FieldValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== "");
}

export function readable(field: FieldDef, value: FieldValue | undefined, names: Map<string, string>): string {
  const values = asList(value);
  const shown = field.type === "person" || field.type === "people" ? values.map((id) => names.get(id) ?? "Unknown person") : values;
  return shown.join(", ");
}

/** People named in fields keyed author/authors, in order of appearance; the owner when there are none. */
export function authorsOf(def: TemplateDefinition, sections: SectionRow[], names: Map<string, string>, owner: string): string[] {
  const authors: string[] = [];
  for (const section of sections) {
    for (const field of fieldDefs(def, section.key)) {
      if (!/^authors?$/.test(field.key) || (field.type !== "person" && field.type !== "people")) continue;
      for (const id of asList(section.fields[field.key])) {
        const name = names.get(id);
        if (name && !authors.includes(name)) authors.push(name);
      }
    }
  }
  return authors.length ? authors : [owner];
}

export function exportSection(def: TemplateDefinition, section: SectionRow, names: Map<string, string>): ExportSection {
  return {
    key: section.key,
    title: section.title,
    depth: section.depth,
    fields: fieldDefs(def, section.key).map((field) => ({ key: field.key, label: field.label, value: readable(field, section.fields[field.key], names) })),
    body: section.body,
  };
}
