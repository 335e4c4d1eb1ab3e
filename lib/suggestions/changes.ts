import { docToText, type PMDoc } from "../editor/schema";
import { acceptedBody } from "./accepted";
import { openSuggestions, type OpenSuggestion } from "./open";

/** A suggestion made or settled between two versions of a section. */
export interface SuggestionChange extends Pick<OpenSuggestion, "id" | "authorId" | "at" | "inserted" | "deleted" | "changesFormat"> {
  /** made and still open; accepted or rejected (told by the accepted text); settled when that cannot tell */
  state: "open" | "accepted" | "rejected" | "settled";
}

const count = (text: string, part: string) => (part ? text.split(part).length - 1 : 0);

/**
 * The suggestions one section's body gained, changed or lost from `before` to `after`. A suggestion
 * that is gone was accepted when the accepted text gained its inserted text (or lost its
 * deleted text), rejected when it did not; a change of formatting alone is "settled".
 * `accepted`: both bodies as accepted, when the caller has them already.
 */
export function suggestionChanges(sectionKey: string, before: PMDoc, after: PMDoc, accepted: { before: PMDoc; after: PMDoc } = { before: acceptedBody(before), after: acceptedBody(after) }): SuggestionChange[] {
  const was = openSuggestions([{ key: sectionKey, body: before }]);
  const now = openSuggestions([{ key: sectionKey, body: after }]);
  const wasById = new Map(was.map((s) => [s.id, s]));
  const nowIds = new Set(now.map((s) => s.id));
  // new, or still open with other text (its author went on typing)
  const isMade = (s: OpenSuggestion) => {
    const old = wasById.get(s.id);
    return !old || old.inserted !== s.inserted || old.deleted !== s.deleted;
  };
  const pick = ({ id, authorId, at, inserted, deleted, changesFormat }: OpenSuggestion) => ({ id, authorId, at, inserted, deleted, changesFormat });
  const made = now.filter(isMade).map((s): SuggestionChange => ({ ...pick(s), state: "open" }));
  const gone = was.filter((s) => !nowIds.has(s.id));
  if (!gone.length) return made;
  const [beforeText, afterText] = [docToText(accepted.before), docToText(accepted.after)];
  const settled = gone.map((s): SuggestionChange => {
    const inserted = s.inserted.replace(/¶/g, "");
    const state = inserted && inserted !== s.deleted
      ? count(afterText, inserted) > count(beforeText, inserted)
      : s.deleted && s.deleted !== s.inserted
        ? count(afterText, s.deleted) < count(beforeText, s.deleted)
        : null;
    return { ...pick(s), state: state === null ? "settled" : state ? "accepted" : "rejected" };
  });
  return [...made, ...settled];
}
