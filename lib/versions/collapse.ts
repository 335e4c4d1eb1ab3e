import type { SectionDiff } from "./diff";
import { plural } from "../util/plural";

/** What a comparison shows in order: a section with changes, or a run of unchanged sections folded into one line. */
export type DiffItem = { kind: "section"; section: SectionDiff } | { kind: "unchanged"; sections: SectionDiff[] };

/** Whether a section shows as a change: its content changed, or it moved. */
export const isChange = (s: Pick<SectionDiff, "status" | "moved">): boolean => s.status !== "unchanged" || s.moved;

/**
 * Folds each run of consecutive unchanged sections into one item, so a comparison reads
 * as its changes with the quiet stretches between them. A section that only moved is a
 * change and stays on its own.
 */
export function collapseUnchanged(sections: SectionDiff[]): DiffItem[] {
  const items: DiffItem[] = [];
  for (const section of sections) {
    const last = items[items.length - 1];
    if (isChange(section)) items.push({ kind: "section", section });
    else if (last?.kind === "unchanged") last.sections.push(section);
    else items.push({ kind: "unchanged", sections: [section] });
  }
  return items;
}

/** "23 unchanged sections", "1 unchanged section". */
export function describeUnchanged(count: number): string {
  return plural(count, "unchanged section", "unchanged sections");
}

/** The first few titles of a run, for a glance without opening it: "Goals, Scope and 4 more". */
export function titlesAtAGlance(sections: Pick<SectionDiff, "title">[], shown = 3): string {
  const titles = sections.map((s) => s.title.trim() || "Untitled");
  if (titles.length <= shown) return titles.length > 1 ? `${titles.slice(0, -1).join(", ")} and ${titles[titles.length - 1]}` : (titles[0] ?? "");
  return `${titles.slice(0, shown).join(", ")} and ${titles.length - shown} more`;
}
