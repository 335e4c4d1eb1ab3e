import { InvalidInput } from "../errors";
import type { FieldValue } from "../templates/instantiate";
import type { FieldDef, TemplateDefinition } from "../templates/schema";
import { safeWebUrl } from "../util/safeUrl";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const VERSION = /^v?\d+(\.\d+){0,3}([-+][0-9A-Za-z.-]+)?$/;

/**
 * What is wrong with one field value for its field type, or null when it is fine.
 * `memberIds` null skips the membership check of person fields (the caller checks shape only).
 */
export function fieldProblem(field: FieldDef, value: FieldValue, memberIds: Set<string> | null): string | null {
  if (value === null || value === "") return null;
  const list = Array.isArray(value);
  switch (field.type) {
    case "text":
    case "longText":
      return list ? "must be text" : null;
    case "select":
      return !list && field.options?.includes(value) ? null : `must be one of: ${field.options?.join(", ")}`;
    case "multiSelect":
      return list && value.every((v) => field.options?.includes(v)) ? null : `must be some of: ${field.options?.join(", ")}`;
    case "date":
      return !list && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? null : "must be a date (YYYY-MM-DD)";
    case "person":
      return !list && (memberIds?.has(value) ?? true) ? null : "must be a member of this workspace";
    case "people":
      return list && value.every((v) => memberIds?.has(v) ?? true) ? null : "must be members of this workspace";
    case "url":
      return !list && safeWebUrl(value) ? null : "must be an http(s) URL";
    case "version":
      return !list && VERSION.test(value) ? null : "must be a version such as 1.2.0";
  }
}

/**
 * Checks field values against the document's template: known sections and fields only,
 * and each value of its field's type. Throws InvalidInput naming every bad field.
 */
export function validateFieldUpdates(def: TemplateDefinition, updates: Record<string, Record<string, FieldValue>>, memberIds: Set<string>): void {
  const errors: Record<string, string[]> = {};
  for (const [sectionKey, values] of Object.entries(updates)) {
    const section = def.sections.find((s) => s.key === sectionKey);
    for (const [fieldKey, value] of Object.entries(values)) {
      const path = `fields.${sectionKey}.${fieldKey}`;
      const field = section?.fields.find((f) => f.key === fieldKey);
      const message = field ? fieldProblem(field, value, memberIds) : "is not a field of this document";
      if (message) errors[path] = [`${field?.label ?? fieldKey} ${message}.`];
    }
  }
  if (Object.keys(errors).length) throw new InvalidInput("Some fields are not valid.", errors);
}
