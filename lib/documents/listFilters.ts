import type { FieldType } from "../templates/schema";

/** A typed field that the workspace's documents can have, as the document list offers it. */
export interface FieldChoice {
  key: string;
  /** what people see: the field's label, or its labels joined when templates name it differently */
  label: string;
  labels: string[];
  /** a person or people field: its values are user ids, matched by the members' names */
  people: boolean;
}

/** The part of a stored template definition the list reads (definitions are validated on save). */
export interface DefinitionLike {
  sections?: { fields?: { key: string; label: string; type: FieldType }[] }[];
}

const PEOPLE_TYPES: ReadonlySet<FieldType> = new Set(["person", "people"]);

/** Every field of these template definitions, once per key, sorted by label. */
export function fieldChoices(definitions: readonly DefinitionLike[]): FieldChoice[] {
  const byKey = new Map<string, { labels: Set<string>; people: boolean }>();
  for (const definition of definitions) {
    for (const section of definition.sections ?? []) {
      for (const field of section.fields ?? []) {
        const entry = byKey.get(field.key) ?? { labels: new Set<string>(), people: false };
        entry.labels.add(field.label);
        entry.people ||= PEOPLE_TYPES.has(field.type);
        byKey.set(field.key, entry);
      }
    }
  }
  return [...byKey]
    .map(([key, { labels, people }]) => ({ key, label: [...labels].join(" / "), labels: [...labels], people }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
}

const fold = (s: string) => s.trim().toLowerCase();

/**
 * The fields a filter names, by key or by one of their labels, ignoring case: several when
 * templates give different fields the same label. Empty when nothing is called that.
 */
export function findFields(choices: readonly FieldChoice[], name: string): FieldChoice[] {
  const wanted = fold(name);
  const byKey = choices.filter((c) => c.key === wanted);
  return byKey.length ? byKey : choices.filter((c) => c.labels.some((l) => fold(l) === wanted));
}

export interface PersonLike {
  id: string;
  name: string;
  email: string;
}

/**
 * The members a person filter names: "me" is the actor; a user id or an email is that member;
 * otherwise every member whose name contains the words, ignoring case. Empty when no one does.
 */
export function findPeople(members: readonly PersonLike[], name: string, actorId: string): string[] {
  const wanted = fold(name);
  if (wanted === "me") return [actorId];
  const exact = members.filter((m) => m.id === name.trim() || fold(m.email) === wanted);
  if (exact.length) return exact.map((m) => m.id);
  return members.filter((m) => fold(m.name).includes(wanted)).map((m) => m.id);
}

/** A LIKE pattern matching text that contains `value` as written (its % _ and \ taken literally). */
export function containsPattern(value: string): string {
  return `%${value.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
