"use client";

import { lazy, memo, Suspense, useCallback, useMemo } from "react";
import type * as Y from "yjs";
import type { SectionAwarenessHub } from "@/lib/collab/sectionAwareness";
import type { CommentThreadDto } from "@/lib/comments/comments";
import type { DocumentStatus } from "@/lib/documents/status";
import type { SectionDef } from "@/lib/templates/schema";
import { CollabFields } from "./CollabFields";
import { SectionBody } from "./SectionBody";
import { SectionHeader } from "./SectionHeader";
import type { Draft } from "./comments/SectionComments";
import { SignoffTable } from "../review/SignoffTable";
import { PartBoundary } from "../ui/PartBoundary";
import { dragSource, useSectionDrop } from "./useSectionDrag";
import type { SectionMeta } from "./useCollabDocument";

interface Props {
  documentId: string;
  /** the document's workflow status, for a field that repeats it */
  status: DocumentStatus;
  ydoc: Y.Doc;
  carets: SectionAwarenessHub;
  section: SectionMeta;
  /** the section after this one, where a drop on the lower half goes before */
  nextKey: string | null;
  first: boolean;
  def: SectionDef | undefined;
  editable: boolean;
  /** the section's text takes changes (as suggestions, for a reviewer who may only suggest) */
  textEditable: boolean;
  /** typed fields: editable once the document has synced with the server (see `useSyncedOnce`) */
  fieldsEditable: boolean;
  members: { userId: string; name: string }[];
  /** this section's threads, the same array while they do not change */
  threads: CommentThreadDto[];
  draft: Draft | null;
  act: (path: string, body: Record<string, unknown>) => Promise<string | null>;
  // stable callbacks taking the section key, so a card re-renders only when its own props change
  onDelete: (key: string, title: string) => void;
  onNotice: (message: string) => void;
  onComment: (key: string, draft: Draft) => void;
  onDraftDone: (key: string) => void;
}

const NO_THREADS: CommentThreadDto[] = [];

// loaded for the first section with a comment (most sections have none)
const SectionComments = lazy(() => import("./comments/SectionComments").then((m) => ({ default: m.SectionComments })));

/**
 * One section: title and controls, typed fields, rich-text body and comments. Memoised:
 * re-rendering a mounted editor resets its options, which costs a ProseMirror update, so
 * a change elsewhere in the document must not re-render every card.
 */
export const SectionCard = memo(function SectionCard(props: Props) {
  const { ydoc, carets, section, nextKey, first, def, editable, fieldsEditable, members, threads, draft, onComment } = props;
  const { key, title } = section;
  const drop = useSectionDrop(ydoc, key, nextKey, editable);
  const anchored = useMemo(
    () => threads.filter((t) => !t.resolved && t.anchorFrom && t.anchorTo).map((t) => ({ id: t.id, anchorFrom: t.anchorFrom!, anchorTo: t.anchorTo! })),
    [threads],
  );
  const comment = useCallback((d: Draft) => onComment(key, d), [onComment, key]);
  const line = drop.side === "before" ? "shadow-[0_-3px_0_0_#4f46e5]" : drop.side === "after" ? "shadow-[0_3px_0_0_#4f46e5]" : "shadow-sm";
  return (
    <section
      id={`section-${key}`}
      data-section-key={key}
      data-anchor-title={title}
      aria-labelledby={`title-${key}`}
      className={`sw-section sw-section-card group/section ${line}`}
      {...drop.handlers}
    >
      <SectionHeader
        ydoc={ydoc}
        sectionKey={key}
        title={title}
        depth={section.depth}
        editable={editable}
        first={first}
        last={nextKey === null}
        dragHandle={editable ? dragSource(key) : undefined}
        onDelete={() => props.onDelete(key, title)}
      />
      {def?.hint ? <p className="mt-1 text-sm text-slate-500">{def.hint}</p> : null}
      {def?.signoff ? <SignoffTable documentId={props.documentId} /> : null}
      {def?.fields.length ? (
        <div className="mt-3">
          <CollabFields documentId={props.documentId} status={props.status} ydoc={ydoc} sectionKey={key} sectionTitle={title} fields={def.fields} members={members} readOnly={!fieldsEditable} />
        </div>
      ) : null}
      {/* laid out in app/globals.css: the row above the text floats, it keeps no empty line */}
      <div className="sw-section-body">
        <SectionBody
          documentId={props.documentId}
          onNotice={props.onNotice}
          threads={anchored}
          onComment={comment}
          ydoc={ydoc}
          carets={carets}
          sectionKey={key}
          title={title}
          editable={props.textEditable}
        />
      </div>
      {threads.length || draft ? (
        <PartBoundary name="Comments">
          <Suspense fallback={null}>
            <SectionComments
              sectionKey={key}
              sectionTitle={title}
              threads={threads.length ? threads : NO_THREADS}
              draft={draft}
              act={props.act}
              onDraftDone={() => props.onDraftDone(key)}
            />
          </Suspense>
        </PartBoundary>
      ) : null}
    </section>
  );
});
