/**
 * The colours a person may be shown in (caret, presence, their suggestions), readable on
 * white. The first seven are the ones derived from a user id for someone who chose none.
 */
export const PERSON_COLORS = [
  { name: "Indigo", value: "#4f46e5" },
  { name: "Pink", value: "#db2777" },
  { name: "Green", value: "#059669" },
  { name: "Amber", value: "#d97706" },
  { name: "Cyan", value: "#0891b2" },
  { name: "Violet", value: "#7c3aed" },
  { name: "Red", value: "#dc2626" },
  { name: "Blue", value: "#2563eb" },
  { name: "Teal", value: "#0f766e" },
  { name: "Fuchsia", value: "#c026d3" },
  { name: "Orange", value: "#ea580c" },
  { name: "Slate", value: "#475569" },
] as const;
export type PersonColor = (typeof PERSON_COLORS)[number]["value"];
export const PERSON_COLOR_VALUES = PERSON_COLORS.map((c) => c.value) as [PersonColor, ...PersonColor[]];

const DERIVED = PERSON_COLOR_VALUES.slice(0, 7);

/** The colour derived from a user id, for someone who chose none: the same on every screen. */
export function derivedPersonColor(userId: string): string {
  let h = 0;
  for (const c of userId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return DERIVED[h % DERIVED.length]!;
}

// the colours people chose, as the pages that show them brought them (a document's members)
const chosen = new Map<string, string>();

/** Keeps the colours these people chose (null: none, the derived one), for `personColor`. */
export function keepPersonColors(people: { userId: string; color: string | null }[]): void {
  for (const { userId, color } of people) {
    if (color) chosen.set(userId, color);
    else chosen.delete(userId);
  }
}

/** A person's colour (carets, presence, their suggestions): the one they chose, else the one derived from their id. */
export function personColor(userId: string): string {
  return chosen.get(userId) ?? derivedPersonColor(userId);
}
