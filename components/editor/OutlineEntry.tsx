"use client";

import type * as Y from "yjs";
import { SECTION_MARKS } from "./sectionMarks";
import type { SectionStatus } from "./useSectionStatus";
import type { SectionMeta } from "./useCollabDocument";
import { dragSource, useSectionDrop } from "./useSectionDrag";

interface Props {
  ydoc: Y.Doc | undefined;
  section: SectionMeta;
  nextKey: string | null;
  status: SectionStatus | undefined;
  /** the section being read */
  current: boolean;
  openComments: number;
  editable: boolean;
}

/** The link's name: the title, then its state and open comments in words. */
function describe(title: string, status: SectionStatus | undefined, openComments: number): string {
  const parts = [title || "Untitled"];
  if (status) parts.push(SECTION_MARKS[status].label);
  if (openComments) parts.push(openComments === 1 ? "1 open comment" : `${openComments} open comments`);
  return parts.join(", ");
}

/** The outline's mark for open comments: a speech bubble, with their number when given. */
export function CommentMark({ count }: { count?: number }) {
  return (
    <span aria-hidden="true" className="inline-flex shrink-0 items-center gap-0.5 rounded-full bg-amber-100 px-1 text-xs text-amber-900">
      <svg viewBox="0 0 12 12" className="h-3 w-3" fill="currentColor">
        <path d="M2 1.5h8A1.5 1.5 0 0 1 11.5 3v4A1.5 1.5 0 0 1 10 8.5H5.5L3 10.8V8.5H2A1.5 1.5 0 0 1 .5 7V3A1.5 1.5 0 0 1 2 1.5Z" />
      </svg>
      {count}
    </span>
  );
}

/** A section in the outline: a link to its card, its status dot, open comments; dragged to reorder. */
export function OutlineEntry({ ydoc, section, nextKey, status, current, openComments, editable }: Props) {
  const drop = useSectionDrop(ydoc, section.key, nextKey, editable);
  const line = drop.side === "before" ? "border-t-2 border-indigo-500" : drop.side === "after" ? "border-b-2 border-indigo-500" : "border-y-2 border-transparent";
  const mark = status ? SECTION_MARKS[status] : undefined;
  const label = describe(section.title, status, openComments);
  return (
    <li style={{ paddingLeft: `${(section.depth - 1) * 10}px` }} className={line} {...drop.handlers}>
      <a
        href={`#section-${section.key}`}
        data-status={status}
        aria-current={current ? "location" : undefined}
        // the text names the link already unless the entry has a state or comments to tell
        aria-label={label === (section.title || "Untitled") ? undefined : label}
        title={mark?.label}
        className={current ? "sw-outline-link border-indigo-600 bg-indigo-50 font-medium text-indigo-800" : "sw-outline-link"}
        {...(editable ? dragSource(section.key) : {})}
      >
        {mark ? <span aria-hidden="true" className={`h-2 w-2 shrink-0 rounded-full ${mark.dot}`} /> : null}
        <span className="truncate">{section.title || <span className="italic text-slate-500">Untitled</span>}</span>
        {openComments ? (
          <span className="ml-auto" title={openComments === 1 ? "1 open comment" : `${openComments} open comments`}>
            <CommentMark count={openComments} />
          </span>
        ) : null}
      </a>
    </li>
  );
}
