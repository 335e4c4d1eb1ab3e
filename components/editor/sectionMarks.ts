import type { SectionStatus } from "./useSectionStatus";

/** How the outline marks a section's state: the dot's look and what it means, in words. */
export const SECTION_MARKS: Record<SectionStatus, { dot: string; label: string }> = {
  empty: { dot: "border border-slate-400 bg-white", label: "Nothing written yet" },
  "in progress": { dot: "bg-indigo-500", label: "Started" },
  problems: { dot: "bg-amber-500", label: "A required field is empty" },
};

/** The last section whose top is at or above `line` (tops in page order, ascending), or 0: the one being read. */
export function sectionAtLine(count: number, topOf: (index: number) => number, line: number): number {
  let low = 0;
  let high = count - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (topOf(mid) <= line) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
