import type { BodySegment, Part } from "./bodyDiff";
import type { HashableSection } from "../documents/contentHash";
import { sameSection, type SectionDiff, type VersionDiff } from "./diff";
import { plural } from "../util/plural";

/** What a restore would do to one section of the current content. */
export interface RestoreChange {
  key: string;
  /** the section's title as it is now (or, for one coming back, as it was) */
  title: string;
  /** added: comes back; removed: leaves the document; changed: its content changes; moved: only its place changes */
  effect: "added" | "removed" | "changed" | "moved";
  titleChange: { from: string; to: string } | null;
  depthChange: { from: number; to: number } | null;
  /** words the restore takes out of the section and puts into it */
  wordsRemoved: number;
  wordsAdded: number;
  /** the template's placeholders the restore brings back and takes out */
  placeholdersAdded: number;
  placeholdersRemoved: number;
  /** tables, diagrams and images that differ */
  tables: number;
  diagrams: number;
  images: number;
  /** labels of the fields whose value changes */
  fields: string[];
  moved: boolean;
}

// a word has a letter or a digit; punctuation and spaces on their own are not words
const countWords = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

function countParts(parts: Part[], counts: { added: number; removed: number }) {
  for (const part of parts) {
    if (part.added) counts.added += countWords(part.value);
    if (part.removed) counts.removed += countWords(part.value);
  }
}

function countBody(body: BodySegment[] | null) {
  const words = { added: 0, removed: 0 };
  const blocks = { tables: 0, diagrams: 0, images: 0 };
  for (const segment of body ?? []) {
    if (segment.type === "text") countParts(segment.parts, words);
    else if (segment.type === "lines") segment.lines.forEach((line) => countParts(line.parts, words));
    else if (segment.status === "same") continue;
    else if (segment.type === "table") {
      blocks.tables++;
      segment.rows.forEach((row) => row.cells.forEach((cell) => countParts(cell.parts, words)));
    } else if (segment.type === "mermaid") blocks.diagrams++;
    else blocks.images++;
  }
  return { words, blocks };
}

function restoreChange(s: SectionDiff, fieldLabel: (sectionKey: string, fieldKey: string) => string, wholeVersion: boolean): RestoreChange | null {
  const moved = wholeVersion && s.moved;
  if (s.status === "unchanged" && !moved) return null;
  const { words, blocks } = countBody(s.body);
  return {
    key: s.key,
    title: s.titleChange?.from ?? s.title,
    effect: s.status === "unchanged" ? "moved" : s.status,
    titleChange: s.titleChange,
    depthChange: s.depthChange,
    wordsRemoved: words.removed,
    wordsAdded: words.added,
    placeholdersAdded: Math.max(0, (s.placeholders?.after ?? 0) - (s.placeholders?.before ?? 0)),
    placeholdersRemoved: Math.max(0, (s.placeholders?.before ?? 0) - (s.placeholders?.after ?? 0)),
    ...blocks,
    fields: s.fields.map((f) => fieldLabel(s.key, f.key)),
    moved,
  };
}

/**
 * The sections a restore would change, from the comparison of the current content (before)
 * with the version (after): whole-version restores also count sections put back in their
 * old place; a one-section restore looks at that section alone. Empty when nothing would change.
 */
export function restoreChanges(diff: VersionDiff, options: { sectionKey?: string; fieldLabel: (sectionKey: string, fieldKey: string) => string }): RestoreChange[] {
  const sections = options.sectionKey ? diff.sections.filter((s) => s.key === options.sectionKey) : diff.sections;
  return sections.flatMap((s) => restoreChange(s, options.fieldLabel, !options.sectionKey) ?? []);
}

/**
 * Whether restoring `restored` (a version's sections, or the one chosen from it) over the
 * `current` content would change nothing: for a whole version, the same sections in the
 * same order, each reading the same; for one section, that section present and the same.
 * The same answer as an empty `restoreChanges`, without diffing any body.
 */
export function restoresNothing(current: HashableSection[], restored: HashableSection[], sectionKey?: string): boolean {
  const now = new Map(current.map((s) => [s.key, s]));
  if (sectionKey) return restored.every((s) => now.has(s.key) && sameSection(now.get(s.key)!, s));
  return current.length === restored.length && restored.every((s, i) => current[i]!.key === s.key && sameSection(current[i]!, s));
}

const quoted = (items: string[]) => items.map((i) => `“${i}”`).join(", ");

/** One section's change in words: "3 words removed, 5 added; the template’s placeholder comes back; field “Owner” changes; 1 diagram changes". */
export function describeRestoreChange(c: RestoreChange): string {
  if (c.effect === "added") return "comes back";
  if (c.effect === "removed") return "is removed";
  if (c.effect === "moved") return "moves back to its earlier place";
  const words =
    c.wordsRemoved && c.wordsAdded ? `${plural(c.wordsRemoved, "word")} removed, ${c.wordsAdded} added` : c.wordsRemoved ? `${plural(c.wordsRemoved, "word")} removed` : c.wordsAdded ? `${plural(c.wordsAdded, "word")} added` : "";
  const placeholders =
    c.placeholdersAdded === 1 ? "the template’s placeholder comes back" : c.placeholdersAdded ? `${c.placeholdersAdded} of the template’s placeholders come back` : c.placeholdersRemoved === 1 ? "the template’s placeholder goes" : c.placeholdersRemoved ? `${c.placeholdersRemoved} of the template’s placeholders go` : "";
  const blocks = [c.tables && plural(c.tables, "table"), c.diagrams && plural(c.diagrams, "diagram"), c.images && plural(c.images, "image")].filter(Boolean) as string[];
  const parts = [
    c.titleChange && `title becomes “${c.titleChange.to}”`,
    c.depthChange && `level ${c.depthChange.from} → ${c.depthChange.to}`,
    words,
    placeholders,
    c.fields.length && `${c.fields.length === 1 ? "field" : "fields"} ${quoted(c.fields)} ${c.fields.length === 1 ? "changes" : "change"}`,
    blocks.length && `${blocks.join(", ")} ${blocks.length === 1 && blocks[0]!.startsWith("1 ") ? "changes" : "change"}`,
    c.moved && "moves back to its earlier place",
  ].filter(Boolean) as string[];
  return parts.join("; ") || "formatting changes";
}
