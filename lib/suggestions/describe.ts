import type { OpenSuggestion } from "./open";

const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;

/** What a suggestion proposes, in words: “99.9” for “99.99”, adding “…”, removing “…”, new formatting of “…”. */
export function suggestionWhat(s: Pick<OpenSuggestion, "inserted" | "deleted">): string {
  if (s.inserted && s.deleted) return s.inserted === s.deleted ? `new formatting of ${quote(s.inserted)}` : `${quote(s.inserted)} for ${quote(s.deleted)}`;
  return s.inserted ? `adding ${quote(s.inserted)}` : s.deleted ? `removing ${quote(s.deleted)}` : "a change of formatting";
}
