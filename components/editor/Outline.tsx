"use client";

import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { CommentMark, OutlineEntry } from "./OutlineEntry";
import { SECTION_MARKS } from "./sectionMarks";
import { useCurrentSection } from "./useCurrentSection";
import type { SectionStatus } from "./useSectionStatus";
import type { SectionMeta } from "./useCollabDocument";

interface Props {
  ydoc: Y.Doc | undefined;
  sections: SectionMeta[];
  status: Record<string, SectionStatus>;
  openComments: (key: string) => number;
  editable: boolean;
}

/** A legend entry: the mark as it looks, in a column of its own, then what it means. */
function Mark({ sample, children }: { sample: React.ReactNode; children: React.ReactNode }) {
  return (
    <li className="flex items-start gap-2">
      <span aria-hidden="true" className="flex h-4 w-5 shrink-0 items-center justify-center">{sample}</span>
      <span>{children}</span>
    </li>
  );
}

/** What the outline's marks mean: each shown as it looks, without a number that could read as a count. */
function OutlineLegend() {
  return (
    <ul aria-label="Outline marks" className="mb-3 space-y-0.5 text-xs text-slate-600">
      {Object.values(SECTION_MARKS).map((mark) => (
        <Mark key={mark.label} sample={<span className={`h-2 w-2 rounded-full ${mark.dot}`} />}>{mark.label}</Mark>
      ))}
      <Mark sample={<CommentMark />}>Has open comments (the number says how many)</Mark>
      <Mark sample={<span className="h-3.5 w-3 rounded-r border-l-2 border-indigo-600 bg-indigo-100" />}>The section you are reading</Mark>
    </ul>
  );
}

/**
 * The document's sections as links, each with its state and open comments, the one being
 * read marked (aria-current) and kept in view; dragged to reorder.
 */
export function Outline({ ydoc, sections, status, openComments, editable }: Props) {
  const current = useCurrentSection(sections.map((s) => s.key).join("\n"));
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = list.current;
    const entry = box?.querySelector<HTMLElement>("[aria-current]");
    if (!box || !entry) return;
    // scrolls the outline only, never the page
    const top = entry.offsetTop;
    if (top < box.scrollTop || top + entry.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top - box.clientHeight / 3;
  }, [current]);
  return (
    <nav aria-label="Outline" className="hidden lg:block">
      <div ref={list} className="sticky top-4 max-h-[calc(100vh-2rem)] overflow-y-auto text-sm">
        <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Outline</p>
        <OutlineLegend />
        <ol className="space-y-1">
          {sections.map((s, i) => (
            <OutlineEntry
              key={s.key}
              ydoc={ydoc}
              section={s}
              nextKey={sections[i + 1]?.key ?? null}
              status={status[s.key]}
              current={s.key === current}
              openComments={openComments(s.key)}
              editable={editable}
            />
          ))}
        </ol>
      </div>
    </nav>
  );
}
