import type { PMDoc, PMNode } from "../editor/schema";
import { ANCHOR } from "./accepted";
import { suggestionAuthor, suggestionTime } from "./ids";
import { settledOutcome, type SuggestionOutcome } from "./outcome";

/** One open suggestion: every mark of one id in one section, read in document order. */
export interface OpenSuggestion {
  id: string;
  sectionKey: string;
  /** the author's user id (null for an id this product did not make) */
  authorId: string | null;
  /** when it was made, ISO, as the author's browser said */
  at: string | null;
  /** text it adds and text it removes ("" for none); a suggested line break adds "¶" */
  inserted: string;
  deleted: string;
  /** it changes something other than text: a node's type or an attribute */
  changesFormat: boolean;
}

function visit(node: PMNode, found: (node: PMNode) => void): void {
  found(node);
  for (const child of node.content ?? []) visit(child, found);
}

/** The open suggestions of the sections, in document order. */
export function openSuggestions(sections: { key: string; body: PMDoc }[]): OpenSuggestion[] {
  const byId = new Map<string, OpenSuggestion>();
  for (const section of sections) {
    visit(section.body, (node) => {
      for (const mark of node.marks ?? []) {
        const type = mark.type as string;
        if (type !== "insertion" && type !== "deletion" && type !== "modification") continue;
        const id = String(mark.attrs?.id ?? "");
        const key = `${section.key}\u0000${id}`;
        let open = byId.get(key);
        if (!open) {
          open = { id, sectionKey: section.key, authorId: suggestionAuthor(id), at: suggestionTime(id)?.toISOString() ?? null, inserted: "", deleted: "", changesFormat: false };
          byId.set(key, open);
        }
        const text = node.type === "text" ? (node.text ?? "") : "";
        const shown = text.includes(ANCHOR) && !text.split(ANCHOR).join("") ? "¶" : text.split(ANCHOR).join("");
        if (type === "insertion") open.inserted += shown;
        else if (type === "deletion") open.deleted += shown;
        if (type === "modification" || node.type !== "text") open.changesFormat = true;
      }
    });
  }
  // a split leaves an anchor on both sides: one line break
  return [...byId.values()].map((s) => ({ ...s, inserted: s.inserted.replace(/¶¶/g, "¶") }));
}

/** Open suggestions in the given sections (all of them for an empty scope, as sign-off scopes read). */
export function openSuggestionsIn<S extends OpenSuggestion>(suggestions: S[], scope: string[]): S[] {
  return scope.length ? suggestions.filter((s) => scope.includes(s.sectionKey)) : suggestions;
}

/** The suggestions a change made (open after it, not before) and settled (open before, gone after), by one walk of each side. */
export interface SuggestionTurnover {
  made: OpenSuggestion[];
  /** with how each ended, when the section's text tells (outcome.ts) */
  settled: (OpenSuggestion & { outcome: SuggestionOutcome | null })[];
}

export function suggestionTurnover(before: { key: string; body: PMDoc }[], after: { key: string; body: PMDoc }[]): SuggestionTurnover {
  const was = openSuggestions(before);
  const now = openSuggestions(after);
  const wasIds = new Set(was.map((s) => s.id));
  const nowIds = new Set(now.map((s) => s.id));
  const gone = was.filter((s) => !nowIds.has(s.id));
  const outcomes = new Map<string, SuggestionOutcome | null>();
  for (const key of new Set(gone.map((s) => s.sectionKey))) {
    const from = before.find((s) => s.key === key);
    const to = after.find((s) => s.key === key);
    outcomes.set(key, from && to ? settledOutcome(from.body, to.body, new Set(gone.filter((s) => s.sectionKey === key).map((s) => s.id))) : null);
  }
  return { made: now.filter((s) => !wasIds.has(s.id)), settled: gone.map((s) => ({ ...s, outcome: outcomes.get(s.sectionKey) ?? null })) };
}
