"use client";

import type * as Y from "yjs";
import type { SectionStatus } from "./useSectionStatus";
import type { SectionMeta } from "./useCollabDocument";
import { dragSource, useSectionDrop } from "./useSectionDrag";

interface Props {
  ydoc: Y.Doc | undefined;
  section: SectionMeta;
  nextKey: string | null;
  status: SectionStatus | undefined;
  dotClass: string;
  openComments: number;
  editable: boolean;
}

/** A section in the outline: a link to its card, its status dot, open comments; dragged to reorder. */
export function OutlineEntry({ ydoc, section, nextKey, status, dotClass, openComments, editable }: Props) {
  const drop = useSectionDrop(ydoc, section.key, nextKey, editable);
  const line = drop.side === "before" ? "border-t-2 border-indigo-500" : drop.side === "after" ? "border-b-2 border-indigo-500" : "border-y-2 border-transparent";
  return (
    <li style={{ paddingLeft: `${(section.depth - 1) * 10}px` }} className={line} {...drop.handlers}>
      <a
        href={`#section-${section.key}`}
        data-status={status}
        title={status}
        className="flex items-center gap-2 text-slate-700 hover:text-indigo-700"
        {...(editable ? dragSource(section.key) : {})}
      >
        {status ? <span aria-hidden="true" title={status} className={`h-2 w-2 shrink-0 rounded-full ${dotClass}`} /> : null}
        <span className="truncate">{section.title || <span className="italic text-slate-400">Untitled</span>}</span>
        {openComments ? <span className="ml-auto shrink-0 rounded-full bg-amber-100 px-1.5 text-xs text-amber-900" title="open comments">{openComments}</span> : null}
      </a>
    </li>
  );
}
