import { renderDocumentMarkdown } from "../export/markdown";
import { compareMarkdown, type MarkdownDifference } from "../markdown/compare";
import { nameOf } from "../markdown/compare/sequence";
import type { Construct } from "../markdown/compare/types";
import { importedExportable, type LayoutInput } from "./layoutOf";

/** One construct that will not come back identical, where the file has it. */
export interface RoundTripNote {
  /** 1-based line in the imported file; null for something only the export would have */
  line: number | null;
  /** the heading it sits under in the file, when there is one */
  section: string | null;
  message: string;
}

/** The notes about one kind of construct (headings, links, raw HTML…), in file order. */
export interface RoundTripGroup {
  construct: Construct;
  /** the construct's name in plain words ("link", "raw HTML") */
  name: string;
  notes: RoundTripNote[];
}

/** Differences grouped by construct, groups in the order their first note appears in the file. */
export function groupDifferences(differences: MarkdownDifference[]): RoundTripGroup[] {
  const groups = new Map<Construct, RoundTripGroup>();
  const line = (d: MarkdownDifference) => d.source?.line ?? d.other?.line ?? 0;
  for (const d of [...differences].sort((a, b) => line(a) - line(b))) {
    const group = groups.get(d.construct) ?? { construct: d.construct, name: nameOf(d.construct), notes: [] };
    groups.set(d.construct, group);
    const place = d.source ?? null;
    group.notes.push({ line: place?.line ?? null, section: (place ?? d.other)?.section ?? null, message: d.message });
  }
  return [...groups.values()];
}

/**
 * What would not come back identical if the file were imported as planned (`input`) and
 * exported right away: the import's document is written as its Markdown export (no
 * database) and compared with `source`, the text imported (`compareMarkdown`), differences
 * grouped by construct with their lines. Empty when the export reads the same. Pure; runs
 * on a parse worker inside the import's plan.
 */
export function roundTripOf(source: string, input: LayoutInput): RoundTripGroup[] {
  const exported = renderDocumentMarkdown(importedExportable(input));
  return groupDifferences(compareMarkdown(source, exported));
}
