import { validateFieldUpdates } from "../documents/validateFields";
import type { FieldValue } from "../templates/instantiate";
import type { FieldDef, TemplateDefinition } from "../templates/schema";
import { normaliseTitle } from "./normalise";

/** Workspace members, for person fields written as names or emails. */
export interface MemberRef {
  userId: string;
  name: string;
  email: string;
}

/** A value that is only a template hint (`[Date]`, `{author}`) or a dash is no value. */
const PLACEHOLDER_ONLY = /^(?:\[[^\]]*\]|\{[^}]*\}|[-–—]|tbd|n\/a)$/i;

function scalar(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(scalar) : (scalar(value)?.split(/\s*[,;]\s*/) ?? []);
  return items.filter((v): v is string => Boolean(v) && !PLACEHOLDER_ONLY.test(v ?? ""));
}

function option(field: FieldDef, value: string): string | null {
  return field.options?.find((o) => normaliseTitle(o) === normaliseTitle(value)) ?? null;
}

function person(value: string, members: MemberRef[]): string | null {
  const wanted = value.toLowerCase();
  return members.find((m) => m.email.toLowerCase() === wanted || m.name.toLowerCase() === wanted)?.userId ?? null;
}

/** Turns a raw value into the field's shape; null when it does not fit. */
function convert(field: FieldDef, raw: unknown, members: MemberRef[]): FieldValue | undefined {
  const items = list(raw);
  if (!items.length) return undefined;
  switch (field.type) {
    case "multiSelect": {
      const chosen = items.map((v) => option(field, v));
      return chosen.every((c): c is string => c !== null) ? chosen : undefined;
    }
    case "people": {
      const ids = items.map((v) => person(v, members));
      return ids.every((id): id is string => id !== null) ? ids : undefined;
    }
    case "select":
      return items.length === 1 ? (option(field, items[0]!) ?? undefined) : undefined;
    case "person":
      return items.length === 1 ? (person(items[0]!, members) ?? undefined) : undefined;
    case "date": {
      const match = /^\d{4}-\d{2}-\d{2}/.exec(items[0] ?? "");
      return items.length === 1 && match ? match[0] : undefined;
    }
    default:
      // text, long text, URL and version keep the value as written (a list joined)
      return Array.isArray(raw) ? items.join(", ") : (scalar(raw) ?? undefined);
  }
}

/**
 * The value of `raw` for a field of `sectionKey` in `def`, checked by the same rules as an
 * edit (`validateFieldUpdates`), or undefined when it is empty, only a placeholder, or does
 * not fit (an unknown option, a person who is not a member, a malformed date).
 */
export function fieldValueFor(def: TemplateDefinition, sectionKey: string, field: FieldDef, raw: unknown, members: MemberRef[]): FieldValue | undefined {
  const value = convert(field, raw, members);
  if (value === undefined) return undefined;
  try {
    validateFieldUpdates(def, { [sectionKey]: { [field.key]: value } }, new Set(members.map((m) => m.userId)));
    return value;
  } catch {
    return undefined;
  }
}

/** Whether a front matter key or a table label names this field (by key or by label). */
export function namesField(field: FieldDef, name: string): boolean {
  const wanted = normaliseTitle(name.replace(/_/g, " "));
  return wanted !== "" && (normaliseTitle(field.key.replace(/_/g, " ")) === wanted || normaliseTitle(field.label) === wanted);
}
