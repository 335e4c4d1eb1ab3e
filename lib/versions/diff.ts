import { diffArrays } from "diff";
import type { HashableSection } from "../documents/contentHash";
import { walk, type PMNode } from "../editor/schema";
import { canonicalJson } from "../util/hash";
import type { FieldValue } from "../templates/instantiate";
import { acceptedBody } from "../suggestions/accepted";
import { suggestionChanges, type SuggestionChange } from "../suggestions/changes";
import { diffBodies, type BodySegment } from "./bodyDiff";

export interface VersionSummary {
  changed: number;
  added: number;
  removed: number;
  moved: number;
}

export interface FieldChange {
  key: string;
  from: FieldValue | undefined;
  to: FieldValue | undefined;
}

export interface SectionDiff {
  key: string;
  status: "added" | "removed" | "changed" | "unchanged";
  /** its place among the sections both sides have changed */
  moved: boolean;
  title: string;
  depth: number;
  titleChange: { from: string; to: string } | null;
  depthChange: { from: number; to: number } | null;
  fields: FieldChange[];
  /** the accepted text's difference (open suggestions left out); null when the body is the same on both sides */
  body: BodySegment[] | null;
  /** suggestions made (still open) or accepted and rejected between the two sides */
  suggestions: SuggestionChange[];
  /** the template's placeholders (hints, not text) on each side, when their number changed */
  placeholders: { before: number; after: number } | null;
}

export interface VersionDiff {
  summary: VersionSummary;
  sections: SectionDiff[];
}

/** Keys whose place changed: those outside the longest common order of the keys both sides have. */
export function movedKeys(before: string[], after: string[]): Set<string> {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  const common = (keys: string[], other: Set<string>) => keys.filter((k) => other.has(k));
  const moved = new Set<string>();
  for (const change of diffArrays(common(before, inAfter), common(after, inBefore))) {
    if (change.added) change.value.forEach((k) => moved.add(k));
  }
  return moved;
}

/**
 * Section counts changed, added, removed and moved, from each side's ordered (key, hash)
 * pairs. `counts` limits them to some sections; `alike` names sections whose hashes differ
 * but which compare as unchanged (a field stored as null on one side, absent on the other).
 */
export function summarize(before: [string, string][], after: [string, string][], options: { counts?: (key: string) => boolean; alike?: Set<string> } = {}): VersionSummary {
  const old = new Map(before);
  const now = new Map(after);
  const counts = options.counts ?? (() => true);
  return {
    changed: after.filter(([k, h]) => counts(k) && old.has(k) && old.get(k) !== h && !options.alike?.has(k)).length,
    added: after.filter(([k]) => counts(k) && !old.has(k)).length,
    removed: before.filter(([k]) => counts(k) && !now.has(k)).length,
    moved: [...movedKeys(before.map(([k]) => k), after.map(([k]) => k))].filter(counts).length,
  };
}

function fieldChanges(before: Record<string, FieldValue>, after: Record<string, FieldValue>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => canonicalJson(before[k] ?? null) !== canonicalJson(after[k] ?? null)).map((k) => ({ key: k, from: before[k], to: after[k] }));
}

const EMPTY = { type: "doc" as const, content: [] };

function countPlaceholders(body: PMNode): number {
  let n = 0;
  walk(body, (node) => {
    if (node.type === "placeholder") n++;
  });
  return n;
}

/** Whether two sides of a section read the same: title, depth, field values (absent = null) and body. */
export function sameSection(a: HashableSection, b: HashableSection): boolean {
  return a.title === b.title && a.depth === b.depth && !fieldChanges(a.fields, b.fields).length && canonicalJson(a.body) === canonicalJson(b.body);
}

function sectionDiff(key: string, before: HashableSection | undefined, after: HashableSection | undefined, moved: boolean): SectionDiff {
  const side = (after ?? before)!;
  const sameBody = before && after && canonicalJson(before.body) === canonicalJson(after.body);
  const fields = fieldChanges(before?.fields ?? {}, after?.fields ?? {});
  const titleChange = before && after && before.title !== after.title ? { from: before.title, to: after.title } : null;
  const depthChange = before && after && before.depth !== after.depth ? { from: before.depth, to: after.depth } : null;
  const [oldBody, newBody] = [before?.body ?? EMPTY, after?.body ?? EMPTY];
  // what changed in the text as accepted; suggestions are listed on their own
  const [oldAccepted, newAccepted] = [acceptedBody(oldBody), acceptedBody(newBody)];
  const suggestions = sameBody ? [] : suggestionChanges(key, oldBody, newBody, { before: oldAccepted, after: newAccepted });
  const body = sameBody || (before && after && canonicalJson(oldAccepted) === canonicalJson(newAccepted)) ? null : diffBodies(oldAccepted, newAccepted);
  const placeholders = sameBody ? null : { before: countPlaceholders(oldBody), after: countPlaceholders(newBody) };
  const status = !before ? "added" : !after ? "removed" : body || suggestions.length || fields.length || titleChange || depthChange ? "changed" : "unchanged";
  return { key, status, moved, title: side.title, depth: side.depth, titleChange, depthChange, fields, body, suggestions, placeholders: placeholders && placeholders.before !== placeholders.after ? placeholders : null };
}

/**
 * The difference between two versions' sections: each section added, removed, moved or
 * changed (title, depth, field old → new, body word by word / cell by cell / diagram).
 * Sections come in the newer order, removed ones where they used to be.
 */
export function diffSections(before: HashableSection[], after: HashableSection[]): VersionDiff {
  const oldByKey = new Map(before.map((s) => [s.key, s]));
  const newByKey = new Map(after.map((s) => [s.key, s]));
  const moved = movedKeys(before.map((s) => s.key), after.map((s) => s.key));
  const order: string[] = after.map((s) => s.key);
  before.forEach((s, i) => {
    if (newByKey.has(s.key)) return;
    // a removed section goes after the section that preceded it (or first)
    const previous = before.slice(0, i).reverse().find((p) => order.includes(p.key));
    order.splice(previous ? order.indexOf(previous.key) + 1 : 0, 0, s.key);
  });
  const sections = order.map((key) => sectionDiff(key, oldByKey.get(key), newByKey.get(key), moved.has(key)));
  return {
    summary: {
      changed: sections.filter((s) => s.status === "changed").length,
      added: sections.filter((s) => s.status === "added").length,
      removed: sections.filter((s) => s.status === "removed").length,
      moved: moved.size,
    },
    sections,
  };
}

/** "3 sections changed, 1 added" — empty when nothing changed. */
export function describeSummary(s: VersionSummary): string {
  const parts = [
    s.changed && `${s.changed} ${s.changed === 1 ? "section" : "sections"} changed`,
    s.added && `${s.added} added`,
    s.removed && `${s.removed} removed`,
    s.moved && `${s.moved} moved`,
  ].filter(Boolean) as string[];
  if (!s.changed && parts.length) parts[0] = parts[0]!.replace(/^(\d+) /, (_, n: string) => `${n} ${n === "1" ? "section" : "sections"} `);
  return parts.join(", ");
}
